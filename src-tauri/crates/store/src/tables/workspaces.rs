//! Workspaces: the built-in Sandbox and the Ringotel accounts the admin has added.

use super::{app_settings, now_ms};
use crate::error::StoreError;
use domain::{BaseUrl, WorkspaceId};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// The Sandbox row's id; a migration creates it and nothing deletes it.
pub const SANDBOX_ID: &str = "sandbox";

/// [`SANDBOX_ID`] as a typed id.
pub fn sandbox_id() -> WorkspaceId {
    // A fixed, valid literal: the parse cannot fail, and the fallback is never taken.
    WorkspaceId::parse(SANDBOX_ID).unwrap_or_else(|_| unreachable!("\"sandbox\" is a valid id"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceTarget {
    /// The built-in simulation; its address is known only while the app runs.
    Sandbox,
    /// A real Ringotel account at `base`, with its thinQ API at `thinq` (`None`: thinQ's
    /// public address).
    Ringotel {
        base: BaseUrl,
        thinq: Option<BaseUrl>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceRecord {
    pub id: WorkspaceId,
    pub name: String,
    pub target: WorkspaceTarget,
    pub created_at: i64,
}

const COLUMNS: &str = "id, kind, name, base_url, created_at, thinq_base_url";

type RawRow = (String, String, String, String, i64, Option<String>);

fn from_row(row: &Row<'_>) -> rusqlite::Result<RawRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    ))
}

fn url_of(name: &str, what: &str, raw: &str) -> Result<BaseUrl, StoreError> {
    BaseUrl::parse(raw).map_err(|e| StoreError::Corrupt {
        what: format!("{what} of workspace \"{name}\""),
        reason: format!("it {e}"),
    })
}

fn to_record(
    (id, kind, name, base_url, created_at, thinq): RawRow,
) -> Result<WorkspaceRecord, StoreError> {
    let id = WorkspaceId::parse(&id).map_err(|e| StoreError::Corrupt {
        what: format!("id of workspace \"{name}\""),
        reason: e.to_string(),
    })?;
    let target = match kind.as_str() {
        "sandbox" => WorkspaceTarget::Sandbox,
        _ => WorkspaceTarget::Ringotel {
            base: url_of(&name, "base URL", &base_url)?,
            thinq: thinq
                .map(|t| url_of(&name, "thinQ API address", &t))
                .transpose()?,
        },
    };
    Ok(WorkspaceRecord {
        id,
        name,
        target,
        created_at,
    })
}

/// Every workspace, the Sandbox first, then the others in the order they were added.
pub fn list(conn: &Connection) -> Result<Vec<WorkspaceRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM workspaces ORDER BY kind = 'sandbox' DESC, created_at, name"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(to_record).collect()
}

pub fn get(conn: &Connection, id: &WorkspaceId) -> Result<Option<WorkspaceRecord>, StoreError> {
    let row = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM workspaces WHERE id = ?1"),
            [id.as_str()],
            from_row,
        )
        .optional()?;
    row.map(to_record).transpose()
}

/// The workspace the admin chose, or the Sandbox when none was chosen or the chosen one is gone.
pub fn active(conn: &Connection) -> Result<WorkspaceRecord, StoreError> {
    if let Some(id) = app_settings::active_workspace(conn)?
        && let Some(record) = get(conn, &id)?
    {
        return Ok(record);
    }
    get(conn, &sandbox_id())?.ok_or_else(|| StoreError::Corrupt {
        what: "the workspaces table".into(),
        reason: "the Sandbox row is missing".into(),
    })
}

/// Adds a Ringotel account workspace; its id is opaque and never reused. `thinq` is where its
/// thinQ API lives when not at thinQ's public address.
pub fn insert_ringotel(
    conn: &Connection,
    name: &str,
    base_url: &BaseUrl,
    thinq: Option<&BaseUrl>,
) -> Result<WorkspaceRecord, StoreError> {
    let created_at = now_ms();
    // Keychain entries are named by workspace id, and the app, `sms-admin` and other data
    // folders share one keychain: the id must not repeat across databases either.
    let unique = {
        use std::hash::{BuildHasher, Hasher};
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_i64(created_at);
        hasher.finish()
    };
    let id = WorkspaceId::parse(&format!("ws-{created_at}-{unique:016x}")).map_err(|e| {
        StoreError::Corrupt {
            what: "a new workspace id".into(),
            reason: e.to_string(),
        }
    })?;
    conn.execute(
        "INSERT INTO workspaces (id, kind, name, base_url, created_at, thinq_base_url)
         VALUES (?1, 'ringotel', ?2, ?3, ?4, ?5)",
        params![
            id.as_str(),
            name,
            base_url.as_str(),
            created_at,
            thinq.map(BaseUrl::as_str)
        ],
    )?;
    Ok(WorkspaceRecord {
        id,
        name: name.to_owned(),
        target: WorkspaceTarget::Ringotel {
            base: base_url.clone(),
            thinq: thinq.cloned(),
        },
        created_at,
    })
}

/// Removes a Ringotel workspace and its settings; the Sandbox cannot be removed.
pub fn delete(conn: &Connection, id: &WorkspaceId) -> Result<bool, StoreError> {
    let removed = conn.execute(
        "DELETE FROM workspaces WHERE id = ?1 AND kind != 'sandbox'",
        [id.as_str()],
    )?;
    Ok(removed > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn the_sandbox_comes_first_and_added_accounts_follow() {
        let db = Database::open_in_memory().unwrap();
        let base = BaseUrl::parse("https://uk2.ringotel.co").unwrap();
        let added = insert_ringotel(db.conn(), "Acme MSP", &base, None).unwrap();
        let all = list(db.conn()).unwrap();
        assert_eq!(all[0].target, WorkspaceTarget::Sandbox);
        assert_eq!(all[1], added);
        assert_eq!(get(db.conn(), &added.id).unwrap(), Some(added));
    }

    #[test]
    fn a_thinq_address_is_kept_with_the_account_and_absent_means_thinqs_own() {
        let db = Database::open_in_memory().unwrap();
        let base = BaseUrl::parse("https://uk2.ringotel.co").unwrap();
        let stand_in = BaseUrl::parse("http://127.0.0.1:4010").unwrap();
        let added = insert_ringotel(db.conn(), "Lab", &base, Some(&stand_in)).unwrap();
        let read = get(db.conn(), &added.id).unwrap().unwrap();
        assert_eq!(
            read.target,
            WorkspaceTarget::Ringotel {
                base,
                thinq: Some(stand_in)
            }
        );
    }

    #[test]
    fn the_sandbox_cannot_be_deleted() {
        let db = Database::open_in_memory().unwrap();
        assert!(!delete(db.conn(), &sandbox_id()).unwrap());
        assert_eq!(list(db.conn()).unwrap().len(), 1);
    }

    #[test]
    fn a_tampered_base_url_is_reported_with_the_workspace_name() {
        let db = Database::open_in_memory().unwrap();
        db.conn()
            .execute(
                "INSERT INTO workspaces VALUES ('x', 'ringotel', 'Acme', 'http://evil.example', 1, NULL)",
                [],
            )
            .unwrap();
        let err = list(db.conn()).unwrap_err().to_string();
        assert!(err.contains("Acme") && err.contains("https"), "{err}");
    }

    #[test]
    fn a_tampered_id_is_reported_with_the_workspace_name() {
        let db = Database::open_in_memory().unwrap();
        db.conn()
            .execute(
                "INSERT INTO workspaces VALUES ('  ', 'ringotel', 'Acme', 'https://uk2.ringotel.co', 1, NULL)",
                [],
            )
            .unwrap();
        let err = list(db.conn()).unwrap_err();
        assert!(
            matches!(&err, StoreError::Corrupt { what, .. } if what.contains("Acme")),
            "a blank id must be refused as corrupt, naming the workspace: {err}"
        );
    }

    #[test]
    fn the_typed_sandbox_id_is_the_row_the_migration_creates() {
        let db = Database::open_in_memory().unwrap();
        assert_eq!(sandbox_id().as_str(), SANDBOX_ID);
        let sandbox = get(db.conn(), &sandbox_id()).unwrap();
        assert_eq!(sandbox.map(|w| w.target), Some(WorkspaceTarget::Sandbox));
    }
}
