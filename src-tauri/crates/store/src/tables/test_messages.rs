//! Live test messages: which number texted which phone, whether every leg passed, and how
//! each leg ended (JSON the engine writes and reads), newest first.

use crate::error::StoreError;
use domain::{OrgId, WorkspaceId};
use rusqlite::{Connection, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestMessageRecord {
    pub from_number: String,
    pub to_number: String,
    pub passed: bool,
    /// The legs as the engine words them (JSON).
    pub legs: String,
    pub started_at: i64,
    pub finished_at: i64,
}

pub fn add(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    record: &TestMessageRecord,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO test_messages (workspace_id, org_id, from_number, to_number, passed, legs,
                                    started_at, finished_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            workspace.as_str(),
            org.as_str(),
            record.from_number,
            record.to_number,
            record.passed,
            record.legs,
            record.started_at,
            record.finished_at
        ],
    )?;
    Ok(())
}

/// The organization's test messages, newest first, at most `limit`.
pub fn recent(
    conn: &Connection,
    workspace: &WorkspaceId,
    org: &OrgId,
    limit: u32,
) -> Result<Vec<TestMessageRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT from_number, to_number, passed, legs, started_at, finished_at FROM test_messages
         WHERE workspace_id = ?1 AND org_id = ?2 ORDER BY id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![workspace.as_str(), org.as_str(), limit], |r| {
        Ok(TestMessageRecord {
            from_number: r.get(0)?,
            to_number: r.get(1)?,
            passed: r.get(2)?,
            legs: r.get(3)?,
            started_at: r.get(4)?,
            finished_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn tests_read_back_newest_first() {
        let db = Database::open_in_memory().unwrap();
        let ws = crate::tables::workspaces::sandbox_id();
        let org = OrgId::parse("42").unwrap();
        for (at, passed) in [(1, false), (2, true)] {
            let record = TestMessageRecord {
                from_number: "18584376048".into(),
                to_number: "16195550100".into(),
                passed,
                legs: "[]".into(),
                started_at: at,
                finished_at: at + 1,
            };
            add(db.conn(), &ws, &org, &record).unwrap();
        }
        let read = recent(db.conn(), &ws, &org, 10).unwrap();
        assert_eq!(
            read.iter().map(|r| r.started_at).collect::<Vec<_>>(),
            [2, 1]
        );
        assert!(read[0].passed);
    }
}
