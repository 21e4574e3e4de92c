//! The thinQ webhook URL an admin pasted for an organization, for when Ringotel does not report
//! the card's own. Validated before it is stored and again when it is read.

use super::now_ms;
use crate::error::StoreError;
use domain::OrgId;
use domain::{WebhookUrl, WorkspaceId};
use rusqlite::{Connection, OptionalExtension, params};

pub fn get(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
) -> Result<Option<WebhookUrl>, StoreError> {
    let raw: Option<String> = conn
        .query_row(
            "SELECT url FROM pasted_webhooks WHERE workspace_id = ?1 AND org_id = ?2",
            [workspace.as_str(), org.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    raw.map(|url| {
        WebhookUrl::parse(&url).map_err(|e| StoreError::Corrupt {
            what: "the pasted webhook URL".into(),
            reason: format!("it {e}"),
        })
    })
    .transpose()
}

pub fn put(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    url: &WebhookUrl,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO pasted_webhooks (workspace_id, org_id, url, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(workspace_id, org_id) DO UPDATE SET url = excluded.url, updated_at = excluded.updated_at",
        params![workspace.as_str(), org.as_str(), url.as_str(), now_ms()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn a_pasted_url_is_read_back_and_replaced() {
        let db = Database::open_in_memory().unwrap();
        let ws = crate::tables::workspaces::sandbox_id();
        let org = OrgId::parse("42").unwrap();
        assert_eq!(get(db.conn(), &ws, &org).unwrap(), None);
        let first = WebhookUrl::parse("https://sms.example/hook/1").unwrap();
        put(db.conn(), &ws, &org, &first).unwrap();
        let second = WebhookUrl::parse("https://sms.example/hook/2").unwrap();
        put(db.conn(), &ws, &org, &second).unwrap();
        assert_eq!(get(db.conn(), &ws, &org).unwrap(), Some(second));
    }
}
