//! The journal: one row per change a sync sends, number or setup, its intent written before
//! the call and its outcome after. It is what the History tab lists, what lets a sync that was
//! cut short be finished by the next one instead of repeated, and what the checks that cannot
//! read a setting back learn it from.

use super::drafted::ChangeKind;
use super::now_ms;
use crate::error::StoreError;
use domain::{
    DraftId, JournalState, OrgId, SetupChange, SmsField, SmsNumberId, SyncAction, WorkspaceId,
};
use rusqlite::{Connection, Row, params};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One call about a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberCall {
    pub action: SyncAction,
    /// E.164 digits of the number.
    pub number: String,
    pub trunk_id: Option<SmsNumberId>,
    /// The fields the call sets (all of them for a create, none for a delete).
    pub fields: Vec<SmsField>,
}

/// What an entry records being sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournaledCall {
    Number(NumberCall),
    Setup(SetupChange),
}

impl JournaledCall {
    fn kind(&self) -> ChangeKind {
        match self {
            Self::Number(_) => ChangeKind::Number,
            Self::Setup(change) => ChangeKind::Setup(change.kind()),
        }
    }
}

/// A number call's `change` column; its trunk id is the `target` column, which a create's
/// outcome fills in.
#[derive(Serialize, Deserialize)]
struct NumberCallRow {
    action: String,
    number: String,
    fields: Vec<SmsField>,
}

/// A call about to be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    pub run_id: i64,
    pub draft_id: Option<DraftId>,
    pub call: JournaledCall,
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

impl JournalEntry {
    /// The number call this entry records, if it is one.
    pub fn number_call(&self) -> Option<&NumberCall> {
        match &self.intent.call {
            JournaledCall::Number(call) => Some(call),
            JournaledCall::Setup(_) => None,
        }
    }

    /// The setup change this entry records, if it is one.
    pub fn setup_change(&self) -> Option<&SetupChange> {
        match &self.intent.call {
            JournaledCall::Setup(change) => Some(change),
            JournaledCall::Number(_) => None,
        }
    }
}

/// Which entries a list reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    Numbers,
    Setup,
}

impl Of {
    fn condition(self) -> String {
        let number = ChangeKind::Number.as_str();
        match self {
            Self::Numbers => format!("kind = '{number}'"),
            Self::Setup => format!("kind <> '{number}'"),
        }
    }
}

fn corrupt(id: i64, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        what: format!("journal entry {id}"),
        reason: reason.into(),
    }
}

const COLUMNS: &str =
    "id, org_id, run_id, draft_id, kind, target, change, state, detail, started_at, finished_at";

fn decode_call(
    id: i64,
    kind: &str,
    target: Option<String>,
    change: &str,
) -> Result<JournaledCall, StoreError> {
    match ChangeKind::parse(kind).ok_or_else(|| corrupt(id, format!("kind \"{kind}\"")))? {
        ChangeKind::Number => {
            let row: NumberCallRow =
                serde_json::from_str(change).map_err(|e| corrupt(id, e.to_string()))?;
            Ok(JournaledCall::Number(NumberCall {
                action: SyncAction::parse(&row.action)
                    .ok_or_else(|| corrupt(id, format!("action \"{}\"", row.action)))?,
                number: row.number,
                trunk_id: target
                    .map(|t| SmsNumberId::parse(&t))
                    .transpose()
                    .map_err(|e| corrupt(id, e.to_string()))?,
                fields: row.fields,
            }))
        }
        ChangeKind::Setup(_) => Ok(JournaledCall::Setup(
            serde_json::from_str(change).map_err(|e| corrupt(id, e.to_string()))?,
        )),
    }
}

fn entry(row: &Row<'_>) -> rusqlite::Result<Result<JournalEntry, StoreError>> {
    let id: i64 = row.get(0)?;
    let org: String = row.get(1)?;
    let kind: String = row.get(4)?;
    let target: Option<String> = row.get(5)?;
    let change: String = row.get(6)?;
    let state: String = row.get(7)?;
    let decoded = (|| {
        Ok(JournalEntry {
            id,
            org: OrgId::parse(&org).map_err(|e| corrupt(id, e.to_string()))?,
            intent: Intent {
                run_id: row.get(2)?,
                draft_id: row.get::<_, Option<i64>>(3)?.map(DraftId),
                call: decode_call(id, &kind, target, &change)?,
            },
            state: JournalState::parse(&state)
                .ok_or_else(|| corrupt(id, format!("state \"{state}\"")))?,
            detail: row.get(8)?,
            started_at: row.get(9)?,
            finished_at: row.get(10)?,
        })
    })();
    Ok(decoded)
}

/// The `target` and `change` columns of a call.
fn encode_call(call: &JournaledCall) -> Result<(Option<String>, String), StoreError> {
    let encoded = match call {
        JournaledCall::Number(call) => serde_json::to_string(&NumberCallRow {
            action: call.action.as_str().to_owned(),
            number: call.number.clone(),
            fields: call.fields.clone(),
        })
        .map(|change| {
            (
                call.trunk_id.as_ref().map(|t| t.as_str().to_owned()),
                change,
            )
        }),
        JournaledCall::Setup(change) => {
            serde_json::to_string(change).map(|json| (Some(change.target()), json))
        }
    };
    encoded.map_err(|e| StoreError::Corrupt {
        what: "a journal entry".into(),
        reason: e.to_string(),
    })
}

/// Writes a call's intent before it is sent; returns the entry's id.
pub fn record_intent(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    intent: &Intent,
) -> Result<i64, StoreError> {
    let (target, change) = encode_call(&intent.call)?;
    conn.execute(
        "INSERT INTO change_journal (workspace_id, org_id, run_id, draft_id, kind, target,
            change, state, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            workspace.as_str(),
            org.as_str(),
            intent.run_id,
            intent.draft_id.map(|d| d.0),
            intent.call.kind().as_str(),
            target,
            change,
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
    learned: Option<&SmsNumberId>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE change_journal SET state = ?3, detail = ?4, finished_at = ?5,
            target = COALESCE(?6, target)
         WHERE workspace_id = ?1 AND id = ?2",
        params![
            workspace.as_str(),
            id,
            state.as_str(),
            detail,
            now_ms(),
            learned.map(SmsNumberId::as_str)
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
            "SELECT {COLUMNS} FROM change_journal
             WHERE workspace_id = ?1 AND org_id = ?2 AND state = 'sending' ORDER BY id"
        ),
        params![workspace.as_str(), org.as_str()],
    )?;
    tx.execute(
        "UPDATE change_journal SET state = 'interrupted', detail = ?3, finished_at = ?4
         WHERE workspace_id = ?1 AND org_id = ?2 AND state = 'sending'",
        params![workspace.as_str(), org.as_str(), detail, now_ms()],
    )?;
    tx.commit()?;
    Ok(unfinished)
}

/// For each drafted change whose latest entry failed, what that entry said: the Changes tab's
/// "last sync" line.
pub fn last_failures(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<HashMap<DraftId, String>, StoreError> {
    // SQLite takes the bare columns of an aggregate query from the row `max()` picked.
    let mut stmt = conn.prepare_cached(
        "SELECT draft_id, state, detail, max(id) FROM change_journal
         WHERE workspace_id = ?1 AND org_id = ?2 AND draft_id IS NOT NULL GROUP BY draft_id",
    )?;
    let rows = stmt.query_map(params![workspace.as_str(), org.as_str()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut failures = HashMap::new();
    for row in rows {
        let (draft, state, detail) = row?;
        if state == JournalState::Failed.as_str() {
            failures.insert(DraftId(draft), detail.unwrap_or_default());
        }
    }
    Ok(failures)
}

/// The organization's latest entries of one sort, newest first.
pub fn list(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    of: Of,
    limit: usize,
) -> Result<Vec<JournalEntry>, StoreError> {
    query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM change_journal
             WHERE workspace_id = ?1 AND org_id = ?2 AND {} ORDER BY id DESC LIMIT ?3",
            of.condition()
        ),
        params![
            workspace.as_str(),
            org.as_str(),
            i64::try_from(limit).unwrap_or(i64::MAX)
        ],
    )
}

/// Every setup change that was done, oldest first: what this app set on the services, for the
/// checks that cannot read it back.
pub fn setup_done(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<Vec<JournalEntry>, StoreError> {
    query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM change_journal
             WHERE workspace_id = ?1 AND org_id = ?2 AND state = 'done' AND {}
             ORDER BY id",
            Of::Setup.condition()
        ),
        params![workspace.as_str(), org.as_str()],
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

    fn call(action: SyncAction) -> Intent {
        Intent {
            run_id: 1,
            draft_id: Some(DraftId(3)),
            call: JournaledCall::Number(NumberCall {
                action,
                number: "18584376047".into(),
                trunk_id: None,
                fields: vec![SmsField::Name, SmsField::Users],
            }),
        }
    }

    fn setup(run_id: i64, draft: i64, url: &str) -> Intent {
        Intent {
            run_id,
            draft_id: Some(DraftId(draft)),
            call: JournaledCall::Setup(SetupChange::ThinqDeliveryUrl { url: url.into() }),
        }
    }

    fn open() -> (tempfile::TempDir, Database, WorkspaceId, OrgId) {
        let dir = tempfile::tempdir().unwrap();
        let (db, _) = Database::open_in(dir.path()).unwrap();
        let ws = crate::tables::workspaces::sandbox_id();
        (dir, db, ws, OrgId::parse("42").unwrap())
    }

    #[test]
    fn an_intent_then_its_outcome_read_back_newest_first() {
        let (_dir, db, ws, org) = open();
        let first = record_intent(db.conn(), &ws, &org, &call(SyncAction::Create)).unwrap();
        let second = record_intent(db.conn(), &ws, &org, &call(SyncAction::Delete)).unwrap();
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
        let entries = list(db.conn(), &ws, &org, Of::Numbers, 10).unwrap();
        assert_eq!(
            entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            [second, first]
        );
        assert_eq!(entries[1].state, JournalState::Done);
        let created = entries[1].number_call().unwrap();
        assert_eq!(created.trunk_id, Some(trunk));
        assert_eq!(created.fields, [SmsField::Name, SmsField::Users]);
        assert_eq!(entries[0].state, JournalState::Sending);
    }

    #[test]
    fn a_change_counts_as_failed_only_while_its_latest_entry_failed() {
        let (_dir, db, ws, org) = open();
        let first = record_intent(db.conn(), &ws, &org, &call(SyncAction::Create)).unwrap();
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
        let again = record_intent(db.conn(), &ws, &org, &call(SyncAction::Create)).unwrap();
        record_outcome(db.conn(), &ws, again, JournalState::Done, None, None).unwrap();
        assert!(last_failures(db.conn(), &ws, &org).unwrap().is_empty());
    }

    #[test]
    fn calls_left_sending_are_marked_interrupted_once_whatever_their_kind() {
        let (_dir, db, ws, org) = open();
        let number = record_intent(db.conn(), &ws, &org, &call(SyncAction::Create)).unwrap();
        let url = record_intent(db.conn(), &ws, &org, &setup(1, 8, "https://a.example")).unwrap();
        let found = interrupt_unfinished(db.conn(), &ws, &org, "stopped").unwrap();
        assert_eq!(
            found.iter().map(|e| e.id).collect::<Vec<_>>(),
            [number, url]
        );
        assert!(
            interrupt_unfinished(db.conn(), &ws, &org, "stopped")
                .unwrap()
                .is_empty()
        );
        let entry = &list(db.conn(), &ws, &org, Of::Numbers, 1).unwrap()[0];
        assert_eq!(entry.state, JournalState::Interrupted);
        assert_eq!(entry.detail.as_deref(), Some("stopped"));
        let entry = &list(db.conn(), &ws, &org, Of::Setup, 1).unwrap()[0];
        assert_eq!(entry.id, url);
        assert_eq!(entry.state, JournalState::Interrupted);
    }

    #[test]
    fn the_setup_changes_done_are_listed_without_the_numbers() {
        let (_dir, db, ws, org) = open();
        let a = record_intent(db.conn(), &ws, &org, &setup(1, 7, "https://a.example/1")).unwrap();
        record_outcome(db.conn(), &ws, a, JournalState::Done, None, None).unwrap();
        let b = record_intent(db.conn(), &ws, &org, &setup(2, 7, "https://a.example/2")).unwrap();
        record_outcome(
            db.conn(),
            &ws,
            b,
            JournalState::Failed,
            Some("refused"),
            None,
        )
        .unwrap();
        let number = record_intent(db.conn(), &ws, &org, &call(SyncAction::Delete)).unwrap();
        record_outcome(db.conn(), &ws, number, JournalState::Done, None, None).unwrap();
        let first = SetupChange::ThinqDeliveryUrl {
            url: "https://a.example/1".into(),
        };
        let done = setup_done(db.conn(), &ws, &org).unwrap();
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].setup_change(), Some(&first));
        assert_eq!(
            last_failures(db.conn(), &ws, &org).unwrap()[&DraftId(7)],
            "refused"
        );
    }
}
