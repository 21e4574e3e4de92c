//! The draft's setup changes: at most one per organization, kind and target; a later one of
//! the same kind and target replaces the earlier.

use super::{ChangeKind, NUMBER};
use crate::error::StoreError;
use crate::tables::now_ms;
use domain::DraftId;
use domain::OrgId;
use domain::{SetupChange, WorkspaceId};
use rusqlite::{Connection, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSetup {
    pub id: DraftId,
    pub change: SetupChange,
    pub updated_at: i64,
}

fn encode(change: &SetupChange) -> Result<String, StoreError> {
    serde_json::to_string(change).map_err(|e| StoreError::Corrupt {
        what: "a setup change".into(),
        reason: e.to_string(),
    })
}

/// Adds a change to the draft, or replaces the one of the same kind and target; returns its id.
pub fn put(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    change: &SetupChange,
) -> Result<DraftId, StoreError> {
    conn.query_row(
        "INSERT INTO drafted_changes (workspace_id, org_id, kind, target, change, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(workspace_id, org_id, kind, target)
         DO UPDATE SET change = excluded.change, updated_at = excluded.updated_at
         RETURNING id",
        params![
            workspace.as_str(),
            org.as_str(),
            ChangeKind::Setup(change.kind()).as_str(),
            change.target(),
            encode(change)?,
            now_ms()
        ],
        |r| r.get(0).map(DraftId),
    )
    .map_err(StoreError::from)
}

/// The organization's drafted setup changes, in the order they are sent (see `SetupKind::ALL`).
pub fn list(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<Vec<DraftSetup>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, change, updated_at FROM drafted_changes
         WHERE workspace_id = ?1 AND org_id = ?2 AND kind <> '{NUMBER}' ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![workspace.as_str(), org.as_str()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut drafts = Vec::new();
    for row in rows {
        let (id, change, updated_at) = row?;
        let change = serde_json::from_str(&change).map_err(|e| StoreError::Corrupt {
            what: format!("drafted setup change {id}"),
            reason: e.to_string(),
        })?;
        drafts.push(DraftSetup {
            id: DraftId(id),
            change,
            updated_at,
        });
    }
    drafts.sort_by_key(|d| {
        let kind = d.change.kind();
        (domain::SetupKind::ALL.iter().position(|k| *k == kind), d.id)
    });
    Ok(drafts)
}

/// Drops one setup change of the organization; false when it has none with that id (a number
/// change's id included: those are dropped from the numbers' side).
pub fn remove(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    id: DraftId,
) -> Result<bool, StoreError> {
    super::remove_if(conn, workspace, org, id, &format!("kind <> '{NUMBER}'"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::migrate;

    fn db() -> (Connection, WorkspaceId, OrgId) {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        (
            conn,
            WorkspaceId::parse("sandbox").unwrap(),
            OrgId::parse("9223372036854775808").unwrap(),
        )
    }

    #[test]
    fn one_change_per_kind_and_target_and_listed_in_sending_order() {
        let (conn, ws, org) = db();
        let url = |u: &str| SetupChange::ThinqDeliveryUrl { url: u.into() };
        let first = put(&conn, &ws, &org, &url("https://a.example/1")).unwrap();
        let again = put(&conn, &ws, &org, &url("https://a.example/2")).unwrap();
        assert_eq!(first, again);
        let package = SetupChange::ProPackage {
            from: Some(1),
            confirmed_at: 5,
        };
        put(&conn, &ws, &org, &package).unwrap();
        let listed = list(&conn, &ws, &org).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].change, package, "the package goes first");
        assert_eq!(listed[1].change, url("https://a.example/2"));
        super::super::remove_applied(&conn, &ws, first, listed[1].updated_at - 1).unwrap();
        assert_eq!(
            list(&conn, &ws, &org).unwrap().len(),
            2,
            "edited since: kept"
        );
        super::super::remove_applied(&conn, &ws, first, listed[1].updated_at).unwrap();
        assert_eq!(list(&conn, &ws, &org).unwrap().len(), 1);
    }

    #[test]
    fn a_damaged_row_is_named_not_skipped() {
        let (conn, ws, org) = db();
        conn.execute(
            "INSERT INTO drafted_changes (workspace_id, org_id, kind, target, change, updated_at)
             VALUES ('sandbox', ?1, 'x', '', '{\"kind\":\"nonsense\"}', 0)",
            [org.as_str()],
        )
        .unwrap();
        let error = list(&conn, &ws, &org).unwrap_err().to_string();
        assert!(error.contains("drafted setup change"), "{error}");
    }
}
