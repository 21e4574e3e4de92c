//! The journal of setup changes sent: the intent before the call, the outcome after, as the
//! numbers' journal does. History lists it; the delivery-URL check reads what was last set.

use super::now_ms;
use crate::error::StoreError;
use domain::DraftId;
use domain::OrgId;
use domain::{JournalState, SetupChange, SetupKind, WorkspaceId};
use rusqlite::{Connection, Row, params};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupEntry {
    pub id: i64,
    pub draft_id: Option<DraftId>,
    pub change: SetupChange,
    pub state: JournalState,
    pub detail: Option<String>,
    pub started_at: i64,
    pub finished_at: Option<i64>,
}

const COLUMNS: &str = "id, draft_id, change, state, detail, started_at, finished_at";

fn corrupt(id: i64, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        what: format!("setup journal entry {id}"),
        reason: reason.into(),
    }
}

fn entry(row: &Row<'_>) -> rusqlite::Result<Result<SetupEntry, StoreError>> {
    let id: i64 = row.get(0)?;
    let change: String = row.get(2)?;
    let state: String = row.get(3)?;
    let decoded = (|| {
        Ok(SetupEntry {
            id,
            draft_id: row.get::<_, Option<i64>>(1)?.map(DraftId),
            change: serde_json::from_str(&change).map_err(|e| corrupt(id, e.to_string()))?,
            state: JournalState::parse(&state)
                .ok_or_else(|| corrupt(id, format!("state \"{state}\"")))?,
            detail: row.get(4)?,
            started_at: row.get(5)?,
            finished_at: row.get(6)?,
        })
    })();
    Ok(decoded)
}

fn query(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<SetupEntry>, StoreError> {
    super::decoded_rows(conn, sql, params, entry)
}

/// Writes a change's intent before it is sent; returns the entry's id.
pub fn record_intent(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    run_id: i64,
    draft_id: DraftId,
    change: &SetupChange,
) -> Result<i64, StoreError> {
    let change = serde_json::to_string(change).map_err(|e| StoreError::Corrupt {
        what: "a setup journal entry".into(),
        reason: e.to_string(),
    })?;
    conn.execute(
        "INSERT INTO setup_journal (workspace_id, org_id, run_id, draft_id, change, state, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            workspace.as_str(),
            org.as_str(),
            run_id,
            draft_id.0,
            change,
            JournalState::Sending.as_str(),
            now_ms()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn record_outcome(
    conn: &Connection,
    workspace: &WorkspaceId,
    id: i64,
    state: JournalState,
    detail: Option<&str>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE setup_journal SET state = ?3, detail = ?4, finished_at = ?5
         WHERE workspace_id = ?1 AND id = ?2",
        params![workspace.as_str(), id, state.as_str(), detail, now_ms()],
    )?;
    Ok(())
}

/// Marks entries still "sending" (the app stopped before their outcome) as interrupted. Every
/// setup change reads the service before it writes, so the next sync simply sends what is left.
pub fn interrupt_unfinished(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    detail: &str,
) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE setup_journal SET state = 'interrupted', detail = ?3, finished_at = ?4
         WHERE workspace_id = ?1 AND org_id = ?2 AND state = 'sending'",
        params![workspace.as_str(), org.as_str(), detail, now_ms()],
    )?)
}

/// For each drafted setup change whose latest entry failed, what that entry said.
pub fn last_failures(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<HashMap<DraftId, String>, StoreError> {
    super::last_failures_in(conn, "setup_journal", workspace, org)
}

/// The organization's latest entries, newest first.
pub fn list(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    limit: usize,
) -> Result<Vec<SetupEntry>, StoreError> {
    query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM setup_journal WHERE workspace_id = ?1 AND org_id = ?2
             ORDER BY id DESC LIMIT ?3"
        ),
        params![workspace.as_str(), org.as_str(), limit as i64],
    )
}

/// Every change that was done, oldest first: what this app set on the services, for the checks
/// that cannot read it back.
pub fn done(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<Vec<SetupEntry>, StoreError> {
    query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM setup_journal
             WHERE workspace_id = ?1 AND org_id = ?2 AND state = 'done' ORDER BY id"
        ),
        params![workspace.as_str(), org.as_str()],
    )
}

/// The newest change of `kind` that was done, if any.
pub fn last_done(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    kind: SetupKind,
) -> Result<Option<SetupEntry>, StoreError> {
    // Few entries per organization: filter by kind after decoding, so the stored JSON stays
    // the one place a change's kind is written.
    Ok(query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM setup_journal
             WHERE workspace_id = ?1 AND org_id = ?2 AND state = 'done' ORDER BY id DESC"
        ),
        params![workspace.as_str(), org.as_str()],
    )?
    .into_iter()
    .find(|e| e.change.kind() == kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::migrate;

    #[test]
    fn intent_then_outcome_and_the_last_done_of_a_kind() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let ws = WorkspaceId::parse("sandbox").unwrap();
        let org = OrgId::parse("9223372036854775808").unwrap();
        let url = |u: &str| SetupChange::ThinqDeliveryUrl { url: u.into() };
        let a =
            record_intent(&conn, &ws, &org, 1, DraftId(7), &url("https://a.example/1")).unwrap();
        record_outcome(&conn, &ws, a, JournalState::Done, None).unwrap();
        let b =
            record_intent(&conn, &ws, &org, 2, DraftId(7), &url("https://a.example/2")).unwrap();
        record_outcome(&conn, &ws, b, JournalState::Failed, Some("refused")).unwrap();
        let c =
            record_intent(&conn, &ws, &org, 3, DraftId(8), &url("https://a.example/3")).unwrap();
        let last = last_done(&conn, &ws, &org, SetupKind::ThinqDeliveryUrl)
            .unwrap()
            .unwrap();
        assert_eq!(last.change, url("https://a.example/1"));
        assert_eq!(done(&conn, &ws, &org).unwrap().len(), 1);
        assert_eq!(
            last_failures(&conn, &ws, &org).unwrap()[&DraftId(7)],
            "refused"
        );
        assert_eq!(
            interrupt_unfinished(&conn, &ws, &org, "stopped").unwrap(),
            1
        );
        let listed = list(&conn, &ws, &org, 10).unwrap();
        assert_eq!(listed[0].id, c);
        assert_eq!(listed[0].state, JournalState::Interrupted);
    }
}
