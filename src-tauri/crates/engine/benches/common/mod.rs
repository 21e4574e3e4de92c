//! What the engine's benchmarks share: drafted numbers, and the bare `SELECT` of draft rows each
//! measurement is compared with.

use domain::{Country, PhoneNumber, RingotelId, ServiceId, SmsNumberFields, WorkspaceId};
use store::Database;

/// The `i`-th of a run of distinct, valid US numbers, as a new number for these users.
pub fn drafted_fields(i: u32, users: Vec<RingotelId>) -> SmsNumberFields {
    let us = Country::parse("US").unwrap();
    let number =
        PhoneNumber::parse(&format!("(442) {}-{:04}", 300 + i / 10_000, i % 10_000), us).unwrap();
    SmsNumberFields {
        name: format!("Drafted {i}"),
        users,
        ..SmsNumberFields::new(number, ServiceId::parse("ThinQ").unwrap(), us)
    }
}

/// Reads every draft row of the organization as plain columns, decoding nothing: the floor
/// any load of the draft is measured against.
pub fn bare_select(db: &Database, ws: &WorkspaceId, org: &RingotelId) -> usize {
    let mut stmt = db
        .conn()
        .prepare_cached(
            "SELECT id, org_id, trunk_id, fields, base, base_fetched_at, updated_at
             FROM draft_numbers WHERE workspace_id = ?1 AND org_id = ?2 ORDER BY id",
        )
        .unwrap();
    stmt.query_map([ws.as_str(), org.as_str()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })
    .unwrap()
    .count()
}
