//! Small app-wide settings (the active workspace), as key/value rows.

use crate::error::StoreError;
use domain::WorkspaceId;
use rusqlite::{Connection, OptionalExtension};

const ACTIVE_WORKSPACE: &str = "active_workspace";

/// The workspace the admin chose last; a value that is no valid id reads as none chosen.
pub fn active_workspace(conn: &Connection) -> Result<Option<WorkspaceId>, StoreError> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM app_settings WHERE key = ?1",
            [ACTIVE_WORKSPACE],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| WorkspaceId::parse(&v).ok()))
}

pub fn set_active_workspace(conn: &Connection, id: &WorkspaceId) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO app_settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [ACTIVE_WORKSPACE, id.as_str()],
    )?;
    Ok(())
}
