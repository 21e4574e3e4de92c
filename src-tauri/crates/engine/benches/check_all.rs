//! *Check all* over the workspace-scale demo (204 organizations, 200 of them with thinQ settings
//! saved) against the sandbox with 50 ms latency on every call, against its ideal: the calls it
//! makes × latency / concurrency (quality.md: ≤ 1.25 × the ideal). Median of three runs. Not
//! Criterion: a run takes seconds and what is measured is how full the calls in flight are kept.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark fails loudly

use domain::{BaseUrl, Secret, ThinqSettingsInput};
use engine::{Cancel, Engine, SandboxEndpoints, SecretPersistence};
use sandbox::Sandbox;
use sandbox::world::{
    SCALE_ORGS, scale_org_name, scale_thinq_account, seeded_at_scale, webhook_for,
};
use std::time::{Duration, Instant};

#[allow(dead_code)] // each benchmark uses part of what they share
mod common;

const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 3;

/// One timed *Check all*, and how many calls it made.
fn one_run(runtime: &tokio::runtime::Runtime) -> (Duration, usize) {
    runtime.block_on(async {
        let sandbox = Sandbox::start_world(seeded_at_scale()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let endpoints = SandboxEndpoints {
            ringotel: BaseUrl::parse(&sandbox.ringotel_url()).unwrap(),
            thinq: BaseUrl::parse(&sandbox.thinq_url()).unwrap(),
            api_key: Secret::new(sandbox::DEMO_API_KEY),
            thinq_accounts: vec![],
            portal_webhook_base: sandbox::world::webhook_base(),
        };
        let engine = Engine::open(dir.path(), "ringotel-sms-admin-bench", Some(endpoints)).unwrap();
        let list = engine.organizations().list().await.unwrap();
        for i in 0..SCALE_ORGS {
            let name = scale_org_name(i);
            let org = list
                .organizations
                .iter()
                .find(|o| o.name == name)
                .unwrap()
                .id
                .clone();
            let (account_id, username, token) = scale_thinq_account(i);
            let input = ThinqSettingsInput {
                account_id,
                username,
                token: Some(Secret::new(token)),
            };
            engine
                .integrations()
                .save_thinq_settings(org.clone(), input, SecretPersistence::Session)
                .await
                .unwrap();
            engine
                .integrations()
                .paste_webhook_url(org.clone(), webhook_for(org.as_str()))
                .await
                .unwrap();
        }
        sandbox.set_latency(LATENCY);
        sandbox.take_request_log();
        let started = Instant::now();
        let report = engine
            .readiness()
            .check_all(&Cancel::new(), |_| {})
            .await
            .unwrap();
        let took = started.elapsed();
        assert_eq!(report.orgs.len(), SCALE_ORGS + 4);
        assert!(report.orgs.iter().all(|o| o.report.is_some()));
        (took, sandbox.take_request_log().len())
    })
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let concurrency = engine::NetworkSettings::default().sync_concurrency;
    let runs: Vec<(Duration, usize)> = (0..RUNS).map(|_| one_run(&runtime)).collect();
    let calls = runs[0].1;
    assert!(
        runs.iter().all(|r| r.1 == calls),
        "every run makes the same calls"
    );
    common::report(
        &format!(
            "Check all: {} organizations, {calls} calls, latency {} ms, concurrency {concurrency}",
            SCALE_ORGS + 4,
            LATENCY.as_millis()
        ),
        runs.into_iter().map(|r| r.0).collect(),
        LATENCY * calls as u32 / concurrency as u32,
    );
}
