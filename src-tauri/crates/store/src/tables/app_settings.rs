//! Small app-wide settings (the active workspace), as key/value rows.

use crate::error::StoreError;
use rusqlite::{Connection, OptionalExtension};

const ACTIVE_WORKSPACE: &str = "active_workspace";

pub fn active_workspace(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT value FROM app_settings WHERE key = ?1",
            [ACTIVE_WORKSPACE],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set_active_workspace(conn: &Connection, id: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO app_settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [ACTIVE_WORKSPACE, id],
    )?;
    Ok(())
}
