//! One module per table; each maps rows to domain types and validates what it reads.

pub mod app_settings;
pub mod draft_numbers;
pub mod draft_setup;
pub mod observations;
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

/// For each drafted change whose latest entry in the journal `table` failed, what that entry
/// said: the Changes tab's "last sync" line. Both journals keep `draft_id`, `state`, `detail`.
pub(crate) fn last_failures_in(
    conn: &rusqlite::Connection,
    table: &'static str,
    workspace: &domain::WorkspaceId,
    org: &domain::OrgId,
) -> Result<std::collections::HashMap<domain::DraftId, String>, crate::StoreError> {
    // SQLite takes the bare columns of an aggregate query from the row `max()` picked.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT draft_id, state, detail, max(id) FROM {table}
         WHERE workspace_id = ?1 AND org_id = ?2 AND draft_id IS NOT NULL GROUP BY draft_id"
    ))?;
    let rows = stmt.query_map(rusqlite::params![workspace.as_str(), org.as_str()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut failures = std::collections::HashMap::new();
    for row in rows {
        let (draft, state, detail) = row?;
        if state == domain::JournalState::Failed.as_str() {
            failures.insert(domain::DraftId(draft), detail.unwrap_or_default());
        }
    }
    Ok(failures)
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
