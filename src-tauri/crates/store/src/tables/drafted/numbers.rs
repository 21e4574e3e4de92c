//! The draft's number changes: new numbers, edits and deletions not yet sent to Ringotel.
//! An edit or deletion keeps the number as it was when the draft began (its base), so a sync
//! can tell the admin's changes from changes made on the server meanwhile. A row's `target` is
//! the number's trunk id (none for a new number) and its `change` the fields (none: delete).

use super::NUMBER;
use crate::error::StoreError;
use crate::tables::now_ms;
use domain::DraftId;
use domain::OrgId;
use domain::{SmsNumberFields, SmsNumberId, WorkspaceId};
use rusqlite::{Connection, Row, params};

/// What the draft does to one number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftChange {
    /// Create it (no trunk yet) or make it look like this.
    Upsert(Box<SmsNumberFields>),
    /// Delete the existing number.
    Delete,
}

/// Where a change applies: a number Ringotel already has, with the base it was drafted on,
/// or a number that exists only in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftTarget {
    New,
    Existing {
        trunk_id: SmsNumberId,
        /// The trunk's JSON as last fetched when the draft of it began.
        base: String,
        base_fetched_at: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRecord {
    pub id: DraftId,
    pub org: OrgId,
    pub target: DraftTarget,
    pub change: DraftChange,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, org_id, target, change, base, base_fetched_at, updated_at";

type RawRow = (
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
);

fn raw(row: &Row<'_>) -> rusqlite::Result<RawRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn corrupt(id: i64, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        what: format!("drafted change {id}"),
        reason: reason.into(),
    }
}

fn to_record(
    (id, org, trunk, fields, base, base_at, updated_at): RawRow,
) -> Result<DraftRecord, StoreError> {
    let org = OrgId::parse(&org).map_err(|e| corrupt(id, e.to_string()))?;
    let change = match fields {
        Some(json) => DraftChange::Upsert(
            serde_json::from_str(&json).map_err(|e| corrupt(id, e.to_string()))?,
        ),
        None => DraftChange::Delete,
    };
    let target = match (trunk, base) {
        (None, _) => DraftTarget::New,
        (Some(trunk), Some(base)) => DraftTarget::Existing {
            trunk_id: SmsNumberId::parse(&trunk).map_err(|e| corrupt(id, e.to_string()))?,
            base,
            base_fetched_at: base_at.unwrap_or_default(),
        },
        (Some(_), None) => return Err(corrupt(id, "an edit without the number it was based on")),
    };
    Ok(DraftRecord {
        id: DraftId(id),
        org,
        target,
        change,
        updated_at,
    })
}

fn fields_json(change: &DraftChange) -> Result<Option<String>, StoreError> {
    match change {
        DraftChange::Upsert(fields) => {
            serde_json::to_string(fields)
                .map(Some)
                .map_err(|e| StoreError::Corrupt {
                    what: "a drafted number".into(),
                    reason: e.to_string(),
                })
        }
        DraftChange::Delete => Ok(None),
    }
}

fn collect(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<DraftRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(args, raw)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(to_record).collect()
}

/// The organization's drafted changes, oldest first.
pub fn list(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<Vec<DraftRecord>, StoreError> {
    collect(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM drafted_changes
             WHERE workspace_id = ?1 AND org_id = ?2 AND kind = '{NUMBER}' ORDER BY id"
        ),
        params![workspace.as_str(), org.as_str()],
    )
}

/// Every drafted change of the workspace (for export).
pub fn list_workspace(
    conn: &Connection,
    workspace: &WorkspaceId,
) -> Result<Vec<DraftRecord>, StoreError> {
    collect(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM drafted_changes
             WHERE workspace_id = ?1 AND kind = '{NUMBER}' ORDER BY id"
        ),
        params![workspace.as_str()],
    )
}

/// Drafts a number that does not exist yet; returns the draft's id.
pub fn insert_new(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    fields: &SmsNumberFields,
) -> Result<DraftId, StoreError> {
    conn.execute(
        "INSERT INTO drafted_changes (workspace_id, org_id, kind, change, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            workspace.as_str(),
            org.as_str(),
            NUMBER,
            fields_json(&DraftChange::Upsert(Box::new(fields.clone())))?,
            now_ms()
        ],
    )?;
    Ok(DraftId(conn.last_insert_rowid()))
}

/// Replaces what a drafted change does, keeping its target and base.
pub fn update_change(
    conn: &Connection,
    workspace: &WorkspaceId,
    id: DraftId,
    change: &DraftChange,
) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE drafted_changes SET change = ?3, updated_at = ?4
         WHERE workspace_id = ?1 AND id = ?2 AND kind = 'number'
           AND (target IS NOT NULL OR ?3 IS NOT NULL)",
        params![workspace.as_str(), id.0, fields_json(change)?, now_ms()],
    )?;
    Ok(changed > 0)
}

/// Drafts a change to an existing number. The first change records the base; later ones keep
/// it, so the draft stays anchored to the state the admin started from.
pub fn upsert_existing(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    trunk_id: &SmsNumberId,
    base: &str,
    base_fetched_at: i64,
    change: &DraftChange,
) -> Result<DraftId, StoreError> {
    conn.execute(
        "INSERT INTO drafted_changes
            (workspace_id, org_id, kind, target, change, base, base_fetched_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(workspace_id, org_id, kind, target) DO UPDATE SET
            change = excluded.change, updated_at = excluded.updated_at",
        params![
            workspace.as_str(),
            org.as_str(),
            NUMBER,
            trunk_id.as_str(),
            fields_json(change)?,
            base,
            base_fetched_at,
            now_ms()
        ],
    )?;
    conn.query_row(
        "SELECT id FROM drafted_changes
         WHERE workspace_id = ?1 AND org_id = ?2 AND kind = 'number' AND target = ?3",
        params![workspace.as_str(), org.as_str(), trunk_id.as_str()],
        |r| r.get(0).map(DraftId),
    )
    .map_err(StoreError::from)
}

/// Adds changes read from a file, all or none: a failure part-way leaves the draft as it was.
pub fn insert_all(
    conn: &Connection,
    workspace: &WorkspaceId,
    changes: &[(OrgId, DraftTarget, DraftChange)],
) -> Result<usize, StoreError> {
    let tx = conn.unchecked_transaction()?;
    for (org, target, change) in changes {
        match (target, change) {
            (DraftTarget::New, DraftChange::Upsert(fields)) => {
                insert_new(&tx, workspace, org, fields)?;
            }
            (DraftTarget::New, DraftChange::Delete) => {}
            (
                DraftTarget::Existing {
                    trunk_id,
                    base,
                    base_fetched_at,
                },
                change,
            ) => {
                upsert_existing(
                    &tx,
                    workspace,
                    org,
                    trunk_id,
                    base,
                    *base_fetched_at,
                    change,
                )?;
            }
        }
    }
    tx.commit()?;
    Ok(changes.len())
}

/// Rewrites one drafted change whole: where it applies, what it does, and its base. A sync's
/// conflict resolution uses it to rebase the draft on what the server has now. Returns whether
/// the change was found.
pub fn replace(
    conn: &Connection,
    workspace: &WorkspaceId,
    id: DraftId,
    target: &DraftTarget,
    change: &DraftChange,
) -> Result<bool, StoreError> {
    let (trunk, base, base_at) = match target {
        DraftTarget::New => (None, None, None),
        DraftTarget::Existing {
            trunk_id,
            base,
            base_fetched_at,
        } => (
            Some(trunk_id.as_str()),
            Some(base.as_str()),
            Some(*base_fetched_at),
        ),
    };
    let changed = conn.execute(
        "UPDATE drafted_changes SET target = ?3, change = ?4, base = ?5, base_fetched_at = ?6,
            updated_at = ?7 WHERE workspace_id = ?1 AND id = ?2 AND kind = 'number'",
        params![
            workspace.as_str(),
            id.0,
            trunk,
            fields_json(change)?,
            base,
            base_at,
            now_ms()
        ],
    )?;
    Ok(changed > 0)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Database;
    use domain::{Country, PhoneNumber, ServiceId};

    pub(crate) fn fields(number: &str, name: &str) -> SmsNumberFields {
        let us = Country::parse("US").unwrap();
        let number = PhoneNumber::parse(number, us).unwrap();
        SmsNumberFields {
            name: name.into(),
            ..SmsNumberFields::new(number, ServiceId::parse("ThinQ").unwrap(), us)
        }
    }

    fn ids() -> (WorkspaceId, OrgId) {
        (
            WorkspaceId::parse("sandbox").unwrap(),
            OrgId::parse("9223372036854775808").unwrap(),
        )
    }

    #[test]
    fn a_new_number_is_drafted_edited_and_dropped() {
        let db = Database::open_in_memory().unwrap();
        let (ws, org) = ids();
        let id = insert_new(db.conn(), &ws, &org, &fields("8584376047", "Desk")).unwrap();
        let changed = DraftChange::Upsert(Box::new(fields("8584376047", "Front Desk")));
        assert!(update_change(db.conn(), &ws, id, &changed).unwrap());
        let all = list(db.conn(), &ws, &org).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].target, DraftTarget::New);
        assert_eq!(all[0].change, changed);
        assert!(
            !update_change(db.conn(), &ws, id, &DraftChange::Delete).unwrap(),
            "a number that exists only in the draft is removed, not marked deleted"
        );
        assert!(super::super::remove(db.conn(), &ws, &org, id).unwrap());
        assert!(list(db.conn(), &ws, &org).unwrap().is_empty());
    }

    #[test]
    fn the_first_edit_of_a_number_fixes_its_base() {
        let db = Database::open_in_memory().unwrap();
        let (ws, org) = ids();
        let trunk = SmsNumberId::parse("9223372036854775900").unwrap();
        let edit = DraftChange::Upsert(Box::new(fields("8584376048", "Desk")));
        let a = upsert_existing(db.conn(), &ws, &org, &trunk, "{\"v\":1}", 5, &edit).unwrap();
        let b = upsert_existing(
            db.conn(),
            &ws,
            &org,
            &trunk,
            "{\"v\":2}",
            9,
            &DraftChange::Delete,
        )
        .unwrap();
        assert_eq!(a, b, "one drafted change per number");
        let record = list(db.conn(), &ws, &org).unwrap().remove(0);
        assert_eq!(record.change, DraftChange::Delete);
        assert_eq!(
            record.target,
            DraftTarget::Existing {
                trunk_id: trunk,
                base: "{\"v\":1}".into(),
                base_fetched_at: 5
            }
        );
    }

    #[test]
    fn a_tampered_row_is_reported_not_guessed_at() {
        let db = Database::open_in_memory().unwrap();
        let (ws, org) = ids();
        let id = insert_new(db.conn(), &ws, &org, &fields("8584376047", "Desk")).unwrap();
        db.conn()
            .execute(
                "UPDATE drafted_changes SET change = replace(change, '+18584376047', '+1858')
                 WHERE id = ?1",
                [id.0],
            )
            .unwrap();
        let err = list(db.conn(), &ws, &org).unwrap_err().to_string();
        assert!(err.contains(&format!("drafted change {id}")), "{err}");
    }
}
