//! The draft: every change not yet sent, number or setup, in one table (`drafted_changes`). A
//! row's `kind` says which; each kind reads and writes its own rows (`numbers`, `setup`), and
//! dropping a change is the same for all.

pub mod numbers;
pub mod setup;

use crate::error::StoreError;
use domain::{DraftId, OrgId, SetupKind, WorkspaceId};
use rusqlite::{Connection, params};

/// The `kind` of a number change; a setup change is stored under its [`SetupKind::as_str`].
pub(crate) const NUMBER: &str = "number";

/// What kind of change a row (of the draft or of the journal) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Number,
    Setup(SetupKind),
}

impl ChangeKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Number => NUMBER,
            Self::Setup(kind) => kind.as_str(),
        }
    }

    pub(crate) fn parse(stored: &str) -> Option<Self> {
        if stored == NUMBER {
            return Some(Self::Number);
        }
        SetupKind::parse(stored).map(Self::Setup)
    }
}

/// Drops one drafted change of the organization, whatever its kind; false when it has none
/// with that id.
pub fn remove(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    id: DraftId,
) -> Result<bool, StoreError> {
    remove_if(conn, workspace, org, id, "1")
}

/// Drops one drafted change of the organization when its row meets `condition` (SQL).
pub(crate) fn remove_if(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    id: DraftId,
    condition: &str,
) -> Result<bool, StoreError> {
    let removed = conn.execute(
        &format!(
            "DELETE FROM drafted_changes
             WHERE workspace_id = ?1 AND org_id = ?2 AND id = ?3 AND {condition}"
        ),
        params![workspace.as_str(), org.as_str(), id.0],
    )?;
    Ok(removed > 0)
}

/// Drops a change once it has been sent, unless the admin edited it since it was read
/// (`updated_at` moved on): that newer edit stays in the draft.
pub fn remove_applied(
    conn: &Connection,
    workspace: &WorkspaceId,
    id: DraftId,
    updated_at: i64,
) -> Result<bool, StoreError> {
    let removed = conn.execute(
        "DELETE FROM drafted_changes WHERE workspace_id = ?1 AND id = ?2 AND updated_at = ?3",
        params![workspace.as_str(), id.0, updated_at],
    )?;
    Ok(removed > 0)
}

/// Drops every drafted change of the organization; returns how many there were.
pub fn remove_org(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "DELETE FROM drafted_changes WHERE workspace_id = ?1 AND org_id = ?2",
        params![workspace.as_str(), org.as_str()],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::migrate;
    use domain::SetupChange;

    #[test]
    fn every_kind_has_one_stored_word_and_reads_back() {
        let kinds = std::iter::once(ChangeKind::Number)
            .chain(SetupKind::ALL.into_iter().map(ChangeKind::Setup));
        for kind in kinds {
            assert_eq!(ChangeKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ChangeKind::parse("numbers"), None);
    }

    #[test]
    fn numbers_and_setup_changes_share_ids_and_are_dropped_alike() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let ws = WorkspaceId::parse("sandbox").unwrap();
        let org = OrgId::parse("42").unwrap();
        let number = numbers::insert_new(
            &conn,
            &ws,
            &org,
            &numbers::tests::fields("8584376047", "Desk"),
        )
        .unwrap();
        let url = SetupChange::ThinqDeliveryUrl {
            url: "https://a.example/1".into(),
        };
        let setup = setup::put(&conn, &ws, &org, &url).unwrap();
        assert_ne!(number, setup, "one id space for every kind");
        assert!(remove(&conn, &ws, &org, setup).unwrap());
        assert!(setup::list(&conn, &ws, &org).unwrap().is_empty());
        assert_eq!(numbers::list(&conn, &ws, &org).unwrap().len(), 1);
        assert_eq!(remove_org(&conn, &ws, &org).unwrap(), 1);
        let again = setup::put(&conn, &ws, &org, &url).unwrap();
        assert!(
            again.0 > setup.0,
            "a dropped change's id is never given again"
        );
    }
}
