//! What a workspace's answers showed: per method, the merged shape of its answers; per
//! assumption, how many answers held it and how many did not, and what was seen (shape words).

use super::now_ms;
use crate::error::StoreError;
use domain::shape::Shape;
use domain::{Api, AssumptionId, WorkspaceId};
use rusqlite::{Connection, OptionalExtension, params};

/// One method's answers, merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodShape {
    pub api: Api,
    pub method: String,
    pub shape: Shape,
    pub calls: u64,
    pub last_seen: i64,
}

/// The evidence about one assumption: how many answers held it and how many did not, whether
/// the latest one did, and what was seen each way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    pub held: u64,
    pub contradicted: u64,
    pub latest_held: Option<bool>,
    pub seen_held: Option<String>,
    pub seen_contradicted: Option<String>,
    pub last_seen: i64,
}

impl Evidence {
    /// Adds one answer's evidence, the newest so far.
    pub fn add(&mut self, held: bool, seen: String) {
        if held {
            self.held += 1;
            self.seen_held = Some(seen);
        } else {
            self.contradicted += 1;
            self.seen_contradicted = Some(seen);
        }
        self.latest_held = Some(held);
    }

    /// Adds evidence gathered before this (its latest answer is older than this one's).
    pub fn absorb_older(&mut self, older: Evidence) {
        self.held += older.held;
        self.contradicted += older.contradicted;
        self.latest_held = self.latest_held.or(older.latest_held);
        self.seen_held = self.seen_held.take().or(older.seen_held);
        self.seen_contradicted = self.seen_contradicted.take().or(older.seen_contradicted);
    }
}

fn corrupt(what: &str, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        what: what.into(),
        reason: reason.into(),
    }
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn stored(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Adds `calls` answers of `method`, of `shape`, to what was seen before.
pub fn add_shape(
    conn: &Connection,
    workspace: &WorkspaceId,
    api: Api,
    method: &str,
    shape: &Shape,
    calls: u64,
) -> Result<(), StoreError> {
    let before: Option<(String, i64)> = conn
        .query_row(
            "SELECT shape, calls FROM observed_shapes
             WHERE workspace_id = ?1 AND api = ?2 AND method = ?3",
            params![workspace.as_str(), api.as_str(), method],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (mut merged, mut total) = (Shape::default(), calls);
    if let Some((json, n)) = before {
        // A shape that no longer reads is dropped: it is only ever a record of answers.
        merged = serde_json::from_str(&json).unwrap_or_default();
        total += count(n);
    }
    merged.merge(shape);
    let json = serde_json::to_string(&merged).map_err(|e| corrupt("a shape", e.to_string()))?;
    conn.execute(
        "INSERT INTO observed_shapes (workspace_id, api, method, shape, calls, last_seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (workspace_id, api, method)
         DO UPDATE SET shape = excluded.shape, calls = excluded.calls, last_seen = excluded.last_seen",
        params![workspace.as_str(), api.as_str(), method, json, stored(total), now_ms()],
    )?;
    Ok(())
}

/// Adds newer evidence about `assumption` to what was seen before: its latest answer and its
/// words of each kind win. Evidence of no answer is nothing to add.
pub fn add_evidence(
    conn: &Connection,
    workspace: &WorkspaceId,
    assumption: AssumptionId,
    evidence: &Evidence,
) -> Result<(), StoreError> {
    let Some(latest) = evidence.latest_held else {
        return Ok(());
    };
    conn.execute(
        "INSERT INTO observed_facts (workspace_id, assumption, held, contradicted, latest_held,
             seen_held, seen_contradicted, last_seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (workspace_id, assumption) DO UPDATE SET
             held = held + excluded.held,
             contradicted = contradicted + excluded.contradicted,
             latest_held = excluded.latest_held,
             seen_held = coalesce(excluded.seen_held, seen_held),
             seen_contradicted = coalesce(excluded.seen_contradicted, seen_contradicted),
             last_seen = excluded.last_seen",
        params![
            workspace.as_str(),
            assumption.as_str(),
            stored(evidence.held),
            stored(evidence.contradicted),
            latest,
            evidence.seen_held,
            evidence.seen_contradicted,
            now_ms()
        ],
    )?;
    Ok(())
}

/// How many methods' answers the workspace recorded.
pub fn method_count(conn: &Connection, workspace: &WorkspaceId) -> Result<u32, StoreError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM observed_shapes WHERE workspace_id = ?1",
        params![workspace.as_str()],
        |r| r.get(0),
    )?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Every method seen in the workspace, by service and name.
pub fn shapes(conn: &Connection, workspace: &WorkspaceId) -> Result<Vec<MethodShape>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT api, method, shape, calls, last_seen FROM observed_shapes
         WHERE workspace_id = ?1 ORDER BY api, method",
    )?;
    let rows = stmt.query_map(params![workspace.as_str()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (api, method, json, calls, last_seen) = row?;
        let api = Api::parse(&api).ok_or_else(|| corrupt("a shape", format!("api {api}")))?;
        let shape = serde_json::from_str(&json).map_err(|e| corrupt("a shape", e.to_string()))?;
        out.push(MethodShape {
            api,
            method,
            shape,
            calls: count(calls),
            last_seen,
        });
    }
    Ok(out)
}

/// The evidence about each assumption seen in the workspace. An assumption this build no
/// longer knows is skipped.
pub fn evidence(
    conn: &Connection,
    workspace: &WorkspaceId,
) -> Result<Vec<(AssumptionId, Evidence)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT assumption, held, contradicted, latest_held, seen_held, seen_contradicted,
             last_seen
         FROM observed_facts WHERE workspace_id = ?1",
    )?;
    let rows = stmt.query_map(params![workspace.as_str()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Evidence {
                held: count(r.get(1)?),
                contradicted: count(r.get(2)?),
                latest_held: Some(r.get(3)?),
                seen_held: r.get(4)?,
                seen_contradicted: r.get(5)?,
                last_seen: r.get(6)?,
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (name, evidence) = row?;
        if let Some(id) = AssumptionId::parse(&name) {
            out.push((id, evidence));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::migrate;
    use serde_json::json;

    #[test]
    fn shapes_and_evidence_add_up_across_writes() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let ws = WorkspaceId::parse("sandbox").unwrap();
        let one = Shape::of(&json!({"id": "1"}));
        add_shape(&conn, &ws, Api::Thinq, "GET /x", &one, 1).unwrap();
        add_shape(
            &conn,
            &ws,
            Api::Thinq,
            "GET /x",
            &Shape::of(&json!({"id": 2})),
            2,
        )
        .unwrap();
        let seen = shapes(&conn, &ws).unwrap();
        assert_eq!(seen.len(), 1);
        assert_eq!(method_count(&conn, &ws).unwrap(), 1);
        assert_eq!(seen[0].calls, 3);
        assert_eq!(seen[0].shape.fields["id"].shape.types.len(), 2);
        let mut held = Evidence::default();
        held.add(true, "rows carry it".into());
        held.add(true, "rows carry it".into());
        add_evidence(&conn, &ws, AssumptionId::DidRouting, &held).unwrap();
        let mut against = Evidence::default();
        against.add(false, "rows carry none".into());
        add_evidence(&conn, &ws, AssumptionId::DidRouting, &against).unwrap();
        let (id, got) = evidence(&conn, &ws).unwrap().remove(0);
        assert_eq!(id, AssumptionId::DidRouting);
        assert_eq!(
            (got.held, got.contradicted, got.latest_held),
            (2, 1, Some(false))
        );
        assert_eq!(got.seen_held.as_deref(), Some("rows carry it"));
        assert_eq!(got.seen_contradicted.as_deref(), Some("rows carry none"));
    }
}
