//! One module per table; each maps rows to domain types and validates what it reads.

pub mod app_settings;
pub mod draft_numbers;
pub mod draft_setup;
pub mod pasted_webhooks;
pub mod readiness_summaries;
pub mod setup_journal;
pub mod snapshots;
pub mod sync_journal;
pub mod thinq_settings;
pub mod workspaces;

use std::time::{SystemTime, UNIX_EPOCH};

/// Unix milliseconds, the unit both services use for timestamps.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
