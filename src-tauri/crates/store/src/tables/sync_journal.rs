//! The sync journal: one row per call a sync makes, its intent written before the call and its
//! outcome after. It is what the History tab lists, and what lets a sync that was cut short be
//! finished by the next one instead of repeated.

use super::now_ms;
use crate::error::StoreError;
use domain::DraftId;
use domain::OrgId;
use domain::{JournalState, SmsField, SmsNumberId, SyncAction, WorkspaceId};
use rusqlite::{Connection, Row, params};

/// A call about to be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    pub run_id: i64,
    pub draft_id: Option<DraftId>,
    pub action: SyncAction,
    /// E.164 digits of the number.
    pub number: String,
    pub trunk_id: Option<SmsNumberId>,
    /// The fields the call sets (all of them for a create, none for a delete).
    pub fields: Vec<SmsField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    pub id: i64,
    pub org: OrgId,
    pub intent: Intent,
    pub state: JournalState,
    pub detail: Option<String>,
    pub started_at: i64,
    pub finished_at: Option<i64>,
}

fn corrupt(id: i64, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        what: format!("sync journal entry {id}"),
        reason: reason.into(),
    }
}

const COLUMNS: &str = "id, org_id, run_id, draft_id, action, number, trunk_id, fields, state, \
                       detail, started_at, finished_at";

fn entry(row: &Row<'_>) -> rusqlite::Result<Result<JournalEntry, StoreError>> {
    let id: i64 = row.get(0)?;
    let org: String = row.get(1)?;
    let action: String = row.get(4)?;
    let trunk: Option<String> = row.get(6)?;
    let fields: String = row.get(7)?;
    let state: String = row.get(8)?;
    let decoded = (|| {
        Ok(JournalEntry {
            id,
            org: OrgId::parse(&org).map_err(|e| corrupt(id, e.to_string()))?,
            intent: Intent {
                run_id: row.get(2)?,
                draft_id: row.get::<_, Option<i64>>(3)?.map(DraftId),
                action: SyncAction::parse(&action)
                    .ok_or_else(|| corrupt(id, format!("action \"{action}\"")))?,
                number: row.get(5)?,
                trunk_id: trunk
                    .map(|t| SmsNumberId::parse(&t))
                    .transpose()
                    .map_err(|e| corrupt(id, e.to_string()))?,
                fields: serde_json::from_str(&fields).map_err(|e| corrupt(id, e.to_string()))?,
            },
            state: JournalState::parse(&state)
                .ok_or_else(|| corrupt(id, format!("state \"{state}\"")))?,
            detail: row.get(9)?,
            started_at: row.get(10)?,
            finished_at: row.get(11)?,
        })
    })();
    Ok(decoded)
}

/// Writes a call's intent before it is sent; returns the entry's id.
pub fn record_intent(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    intent: &Intent,
) -> Result<i64, StoreError> {
    let fields = serde_json::to_string(&intent.fields).map_err(|e| StoreError::Corrupt {
        what: "a sync journal entry".into(),
        reason: e.to_string(),
    })?;
    conn.execute(
        "INSERT INTO sync_journal (workspace_id, org_id, run_id, draft_id, action, number,
            trunk_id, fields, state, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            workspace.as_str(),
            org.as_str(),
            intent.run_id,
            intent.draft_id.map(|d| d.0),
            intent.action.as_str(),
            intent.number,
            intent.trunk_id.as_ref().map(SmsNumberId::as_str),
            fields,
            JournalState::Sending.as_str(),
            now_ms()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes a call's outcome (and the number's id, when a create learned it).
pub fn record_outcome(
    conn: &Connection,
    workspace: &WorkspaceId,
    id: i64,
    state: JournalState,
    detail: Option<&str>,
    trunk_id: Option<&SmsNumberId>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE sync_journal SET state = ?3, detail = ?4, finished_at = ?5,
            trunk_id = COALESCE(?6, trunk_id)
         WHERE workspace_id = ?1 AND id = ?2",
        params![
            workspace.as_str(),
            id,
            state.as_str(),
            detail,
            now_ms(),
            trunk_id.map(SmsNumberId::as_str)
        ],
    )?;
    Ok(())
}

/// Marks calls of the organization still "sending" (the app stopped before their outcome was
/// written) as interrupted; returns them, so the sync about to run can say what it settles.
pub fn interrupt_unfinished(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    detail: &str,
) -> Result<Vec<JournalEntry>, StoreError> {
    let tx = conn.unchecked_transaction()?;
    let unfinished = query(
        &tx,
        &format!(
            "SELECT {COLUMNS} FROM sync_journal
             WHERE workspace_id = ?1 AND org_id = ?2 AND state = 'sending' ORDER BY id"
        ),
        params![workspace.as_str(), org.as_str()],
    )?;
    tx.execute(
        "UPDATE sync_journal SET state = 'interrupted', detail = ?3, finished_at = ?4
         WHERE workspace_id = ?1 AND org_id = ?2 AND state = 'sending'",
        params![workspace.as_str(), org.as_str(), detail, now_ms()],
    )?;
    tx.commit()?;
    Ok(unfinished)
}

/// For each drafted change whose latest journal entry failed, what that entry said.
pub fn last_failures(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<std::collections::HashMap<DraftId, String>, StoreError> {
    super::last_failures_in(conn, "sync_journal", workspace, org)
}

/// The organization's latest entries, newest first.
pub fn list(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    limit: usize,
) -> Result<Vec<JournalEntry>, StoreError> {
    query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM sync_journal WHERE workspace_id = ?1 AND org_id = ?2
             ORDER BY id DESC LIMIT ?3"
        ),
        params![
            workspace.as_str(),
            org.as_str(),
            i64::try_from(limit).unwrap_or(i64::MAX)
        ],
    )
}

fn query(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<JournalEntry>, StoreError> {
    super::decoded_rows(conn, sql, args, entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    fn intent(action: SyncAction) -> Intent {
        Intent {
            run_id: 1,
            draft_id: Some(DraftId(3)),
            action,
            number: "18584376047".into(),
            trunk_id: None,
            fields: vec![SmsField::Name, SmsField::Users],
        }
    }

    #[test]
    fn an_intent_then_its_outcome_read_back_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let (db, _) = Database::open_in(dir.path()).unwrap();
        let ws = crate::tables::workspaces::sandbox_id();
        let org = OrgId::parse("42").unwrap();
        let first = record_intent(db.conn(), &ws, &org, &intent(SyncAction::Create)).unwrap();
        let second = record_intent(db.conn(), &ws, &org, &intent(SyncAction::Delete)).unwrap();
        let trunk = SmsNumberId::parse("900").unwrap();
        record_outcome(
            db.conn(),
            &ws,
            first,
            JournalState::Done,
            None,
            Some(&trunk),
        )
        .unwrap();
        let entries = list(db.conn(), &ws, &org, 10).unwrap();
        assert_eq!(
            entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            [second, first]
        );
        assert_eq!(entries[1].state, JournalState::Done);
        assert_eq!(entries[1].intent.trunk_id, Some(trunk));
        assert_eq!(entries[1].intent.fields, [SmsField::Name, SmsField::Users]);
        assert_eq!(entries[0].state, JournalState::Sending);
    }

    #[test]
    fn a_change_counts_as_failed_only_while_its_latest_entry_failed() {
        let dir = tempfile::tempdir().unwrap();
        let (db, _) = Database::open_in(dir.path()).unwrap();
        let ws = crate::tables::workspaces::sandbox_id();
        let org = OrgId::parse("42").unwrap();
        let first = record_intent(db.conn(), &ws, &org, &intent(SyncAction::Create)).unwrap();
        record_outcome(
            db.conn(),
            &ws,
            first,
            JournalState::Failed,
            Some("refused"),
            None,
        )
        .unwrap();
        assert_eq!(
            last_failures(db.conn(), &ws, &org)
                .unwrap()
                .get(&DraftId(3))
                .map(String::as_str),
            Some("refused")
        );
        let again = record_intent(db.conn(), &ws, &org, &intent(SyncAction::Create)).unwrap();
        record_outcome(db.conn(), &ws, again, JournalState::Done, None, None).unwrap();
        assert!(last_failures(db.conn(), &ws, &org).unwrap().is_empty());
    }

    #[test]
    fn calls_left_sending_are_marked_interrupted_once() {
        let dir = tempfile::tempdir().unwrap();
        let (db, _) = Database::open_in(dir.path()).unwrap();
        let ws = crate::tables::workspaces::sandbox_id();
        let org = OrgId::parse("42").unwrap();
        let id = record_intent(db.conn(), &ws, &org, &intent(SyncAction::Create)).unwrap();
        let found = interrupt_unfinished(db.conn(), &ws, &org, "stopped").unwrap();
        assert_eq!(found.iter().map(|e| e.id).collect::<Vec<_>>(), [id]);
        assert!(
            interrupt_unfinished(db.conn(), &ws, &org, "stopped")
                .unwrap()
                .is_empty()
        );
        let entry = &list(db.conn(), &ws, &org, 1).unwrap()[0];
        assert_eq!(entry.state, JournalState::Interrupted);
        assert_eq!(entry.detail.as_deref(), Some("stopped"));
    }
}
