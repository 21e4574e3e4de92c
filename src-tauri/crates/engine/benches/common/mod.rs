//! What the engine's benchmarks share: drafted numbers, and the bare `SELECT` of draft rows each
//! measurement is compared with.

use domain::UserId;
use domain::{
    BaseUrl, Country, OrgId, PhoneNumber, Secret, ServiceId, SmsNumberFields, WorkspaceId,
};
use engine::drafts::Draft;
use engine::{Engine, SandboxEndpoints};
use sandbox::Sandbox;
use store::Database;
use store::tables::drafted;

/// The `i`-th of a run of distinct, valid US numbers, as a new number for these users.
pub fn drafted_fields(i: u32, users: Vec<UserId>) -> SmsNumberFields {
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
pub fn bare_select(db: &Database, ws: &WorkspaceId, org: &OrgId) -> usize {
    let mut stmt = db
        .conn()
        .prepare_cached(
            "SELECT id, org_id, target, change, base, base_fetched_at, updated_at
             FROM drafted_changes WHERE workspace_id = ?1 AND org_id = ?2 AND kind = 'number'
             ORDER BY id",
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

/// An engine on `dir` whose Sandbox workspace is `sandbox`.
pub fn engine_on(dir: &std::path::Path, sandbox: &Sandbox) -> Engine {
    let endpoints = SandboxEndpoints {
        ringotel: BaseUrl::parse(&sandbox.ringotel_url()).unwrap(),
        thinq: BaseUrl::parse(&sandbox.thinq_url()).unwrap(),
        api_key: Secret::new(sandbox::DEMO_API_KEY),
        thinq_accounts: vec![],
        portal_webhook_base: sandbox::world::webhook_base(),
    };
    Engine::open(dir, "ringotel-sms-admin-bench", Some(endpoints)).unwrap()
}

/// The id of the sandbox's Harbor Dental Group.
pub fn harbor(sandbox: &Sandbox) -> OrgId {
    sandbox.with_world(|w| {
        let harbor = w
            .orgs
            .iter()
            .find(|o| o.org["name"] == "Harbor Dental Group")
            .unwrap();
        OrgId::parse(harbor.id()).unwrap()
    })
}

/// The organization's draft read from the file, as a fresh engine first decodes it (bases in
/// the organization's fallback country).
pub fn load_drafts(db: &Database, ws: &WorkspaceId, org: &OrgId, fallback: Country) -> Vec<Draft> {
    drafted::numbers::list(db.conn(), ws, org)
        .unwrap()
        .into_iter()
        .map(|d| Draft::new(d, fallback))
        .collect()
}

/// The median of timed runs, with every run, and its ratio to `ideal`, as one report line.
pub fn report(what: &str, mut runs: Vec<std::time::Duration>, ideal: std::time::Duration) {
    runs.sort();
    let median = runs[runs.len() / 2];
    println!(
        "{what}: median {:.2} s (runs {}) vs ideal {:.3} s = {:.2}x (bar <= 1.25x)",
        median.as_secs_f64(),
        runs.iter()
            .map(|r| format!("{:.2}", r.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(", "),
        ideal.as_secs_f64(),
        median.as_secs_f64() / ideal.as_secs_f64()
    );
}
