//! thinQ settings per organization: Account ID and username. The token is never here; it
//! lives in the keychain.

use super::now_ms;
use crate::error::StoreError;
use domain::OrgId;
use domain::{ThinqAccountId, ThinqUsername, WorkspaceId};
use rusqlite::{Connection, OptionalExtension, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThinqSettingsRecord {
    pub account_id: ThinqAccountId,
    pub username: ThinqUsername,
    pub updated_at: i64,
}

pub fn get(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<Option<ThinqSettingsRecord>, StoreError> {
    let row: Option<(String, String, i64)> = conn
        .query_row(
            "SELECT account_id, username, updated_at FROM thinq_settings WHERE workspace_id = ?1 AND org_id = ?2",
            [workspace.as_str(), org.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((account_id, username, updated_at)) = row else {
        return Ok(None);
    };
    let corrupt = |what: &str, reason: String| StoreError::Corrupt {
        what: what.into(),
        reason,
    };
    Ok(Some(ThinqSettingsRecord {
        account_id: ThinqAccountId::parse(&account_id)
            .map_err(|e| corrupt("saved thinQ Account ID", e.to_string()))?,
        username: ThinqUsername::parse(&username)
            .map_err(|e| corrupt("saved thinQ username", e.to_string()))?,
        updated_at,
    }))
}

pub fn put(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    account_id: &ThinqAccountId,
    username: &ThinqUsername,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO thinq_settings (workspace_id, org_id, account_id, username, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(workspace_id, org_id) DO UPDATE SET
            account_id = excluded.account_id, username = excluded.username, updated_at = excluded.updated_at",
        params![
            workspace.as_str(),
            org.as_str(),
            account_id.as_str(),
            username.as_str(),
            now_ms()
        ],
    )?;
    Ok(())
}

/// Organizations of a workspace that have thinQ settings (and so may have a token stored).
pub fn organizations(conn: &Connection, workspace: &WorkspaceId) -> Result<Vec<OrgId>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT org_id FROM thinq_settings WHERE workspace_id = ?1 ORDER BY org_id")?;
    let orgs = stmt
        .query_map([workspace.as_str()], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    orgs.iter()
        .map(|org| {
            OrgId::parse(org).map_err(|e| StoreError::Corrupt {
                what: "an organization id in the thinQ settings".into(),
                reason: e.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn settings_are_kept_per_workspace_and_organization_and_overwritten_in_place() {
        let db = Database::open_in_memory().unwrap();
        let ws = WorkspaceId::parse("sandbox").unwrap();
        let (org1, org2) = (OrgId::parse("1").unwrap(), OrgId::parse("2").unwrap());
        let account = ThinqAccountId::parse("21458").unwrap();
        let user = ThinqUsername::parse("harbor-sms").unwrap();
        put(db.conn(), &ws, &org1, &account, &user).unwrap();
        put(
            db.conn(),
            &ws,
            &org1,
            &ThinqAccountId::parse("30917").unwrap(),
            &user,
        )
        .unwrap();
        let saved = get(db.conn(), &ws, &org1).unwrap().unwrap();
        assert_eq!(saved.account_id.as_str(), "30917");
        assert_eq!(get(db.conn(), &ws, &org2).unwrap(), None);
        assert_eq!(organizations(db.conn(), &ws).unwrap(), [org1]);
    }
}
