//! The last state fetched from Ringotel, kept so every screen works offline "as of" its time.
//! Payloads are the service's JSON as received, unknown fields included.

use crate::error::StoreError;
use domain::OrgId;
use domain::WorkspaceId;
use rusqlite::{Connection, OptionalExtension, params};

/// What a snapshot holds: the workspace's organization list, or one organization's objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    Organizations,
    Organization(&'a OrgId),
}

impl Scope<'_> {
    fn key(&self) -> String {
        match self {
            Self::Organizations => "organizations".into(),
            Self::Organization(org) => format!("organization/{org}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub payload: String,
    pub fetched_at: i64,
}

pub fn put(
    conn: &Connection,
    workspace: &WorkspaceId,
    scope: Scope<'_>,
    payload: &str,
    fetched_at: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO snapshots (workspace_id, scope, payload, fetched_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(workspace_id, scope) DO UPDATE SET
            payload = excluded.payload, fetched_at = excluded.fetched_at",
        params![workspace.as_str(), scope.key(), payload, fetched_at],
    )?;
    Ok(())
}

pub fn get(
    conn: &Connection,
    workspace: &WorkspaceId,
    scope: Scope<'_>,
) -> Result<Option<Snapshot>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT payload, fetched_at FROM snapshots WHERE workspace_id = ?1 AND scope = ?2",
            params![workspace.as_str(), scope.key()],
            |r| {
                Ok(Snapshot {
                    payload: r.get(0)?,
                    fetched_at: r.get(1)?,
                })
            },
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn a_newer_fetch_replaces_the_older_one_per_scope() {
        let db = Database::open_in_memory().unwrap();
        let ws = WorkspaceId::parse("sandbox").unwrap();
        let org = OrgId::parse("42").unwrap();
        put(db.conn(), &ws, Scope::Organizations, "[1]", 10).unwrap();
        put(db.conn(), &ws, Scope::Organization(&org), "{}", 11).unwrap();
        put(db.conn(), &ws, Scope::Organizations, "[1,2]", 12).unwrap();
        let list = get(db.conn(), &ws, Scope::Organizations).unwrap().unwrap();
        assert_eq!((list.payload.as_str(), list.fetched_at), ("[1,2]", 12));
        let other = OrgId::parse("43").unwrap();
        assert_eq!(
            get(db.conn(), &ws, Scope::Organization(&other)).unwrap(),
            None
        );
    }
}
