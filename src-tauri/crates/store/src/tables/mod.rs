//! One module per table; each maps rows to domain types and validates what it reads.

pub mod app_settings;
pub mod drafted;
pub mod journal;
pub mod observations;
pub mod pasted_webhooks;
pub mod readiness_summaries;
pub mod snapshots;
pub mod test_messages;
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

/// Runs `sql` and decodes each row with `decode`, which may find a stored value unreadable: the
/// first such row fails the whole read, named.
pub(crate) fn decoded_rows<T>(
    conn: &rusqlite::Connection,
    sql: &str,
    args: impl rusqlite::Params,
    decode: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<Result<T, crate::StoreError>>,
) -> Result<Vec<T>, crate::StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(args, decode)?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().collect()
}
