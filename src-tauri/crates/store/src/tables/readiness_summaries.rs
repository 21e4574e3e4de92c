//! Each organization's last readiness result, for the organization list.

use crate::error::StoreError;
use domain::OrgId;
use domain::WorkspaceId;
use rusqlite::{Connection, params};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub passed: u32,
    pub failed: u32,
    pub unknown: u32,
    pub checked_at: i64,
}

pub fn put(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    summary: Summary,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO readiness_summaries (workspace_id, org_id, passed, failed, unknown, checked_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(workspace_id, org_id) DO UPDATE SET passed = excluded.passed,
            failed = excluded.failed, unknown = excluded.unknown, checked_at = excluded.checked_at",
        params![
            workspace.as_str(),
            org.as_str(),
            summary.passed,
            summary.failed,
            summary.unknown,
            summary.checked_at
        ],
    )?;
    Ok(())
}

/// Every organization's last result in the workspace, by organization id.
pub fn all(
    conn: &Connection,
    workspace: &WorkspaceId,
) -> Result<HashMap<String, Summary>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT org_id, passed, failed, unknown, checked_at FROM readiness_summaries
         WHERE workspace_id = ?1",
    )?;
    let rows = stmt.query_map([workspace.as_str()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Summary {
                passed: r.get(1)?,
                failed: r.get(2)?,
                unknown: r.get(3)?,
                checked_at: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
