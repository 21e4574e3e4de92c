//! The one clock the engine reads: every "as of" stamp and journal time comes from here.

use std::time::{SystemTime, UNIX_EPOCH};

/// Unix milliseconds now: the "as of" stamp on everything fetched.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
