//! Reading 10,000 thinQ DIDs (100 pages) for Import from thinQ, through the engine, against the
//! sandbox with 50 ms latency on every call, against its ideal pages × latency / concurrency
//! (quality.md: ≤ 1.25 × the ideal). Median of three runs. Not Criterion: a run takes seconds
//! and what is measured is the pacing of the pages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark fails loudly

use domain::OrgId;
use domain::{BaseUrl, Secret, ThinqSettingsInput};
use engine::{Engine, SandboxEndpoints, SecretPersistence};
use sandbox::Sandbox;
use sandbox::world::Did;
use std::time::{Duration, Instant};

#[allow(dead_code)] // each benchmark uses part of what they share
mod common;

const DIDS: usize = 10_000;
const PAGE_ROWS: usize = 100;
const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 3;

fn one_run(runtime: &tokio::runtime::Runtime) -> Duration {
    runtime.block_on(async {
        let sandbox = Sandbox::start().await.unwrap();
        let demo = sandbox::demo_thinq_accounts()[0];
        sandbox.with_world(|w| {
            let account = w.thinq_account_mut(demo.account_id).unwrap();
            account.dids = (0..DIDS)
                .map(|i| Did {
                    id: format!("1442{:07}", 3_000_000 + i),
                    sms: i % 3 != 0,
                    cnam: false,
                    e911: false,
                    routing_profile_id: None,
                })
                .collect();
        });
        let org = sandbox.with_world(|w| {
            let harbor = w
                .orgs
                .iter()
                .find(|o| o.org["name"] == "Harbor Dental Group")
                .unwrap();
            OrgId::parse(harbor.id()).unwrap()
        });
        let dir = tempfile::tempdir().unwrap();
        let endpoints = SandboxEndpoints {
            ringotel: BaseUrl::parse(&sandbox.ringotel_url()).unwrap(),
            thinq: BaseUrl::parse(&sandbox.thinq_url()).unwrap(),
            api_key: Secret::new(sandbox::DEMO_API_KEY),
            thinq_accounts: vec![],
            portal_webhook_base: sandbox::world::webhook_base(),
        };
        let engine = Engine::open(dir.path(), "ringotel-sms-admin-bench", Some(endpoints)).unwrap();
        engine.organizations().detail(org.clone()).await.unwrap();
        engine
            .integrations()
            .save_thinq_settings(
                org.clone(),
                ThinqSettingsInput {
                    account_id: demo.account_id.into(),
                    username: demo.username.into(),
                    token: Some(Secret::new(demo.token)),
                },
                SecretPersistence::Session,
            )
            .await
            .unwrap();
        sandbox.set_latency(LATENCY);
        let started = Instant::now();
        let view = engine.numbers().thinq_dids(org).await.unwrap();
        let took = started.elapsed();
        assert_eq!(view.dids.len(), DIDS);
        took
    })
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let concurrency = engine::NetworkSettings::default().sync_concurrency;
    let runs: Vec<Duration> = (0..RUNS).map(|_| one_run(&runtime)).collect();
    let pages = DIDS.div_ceil(PAGE_ROWS) as u32;
    common::report(
        &format!(
            "{DIDS} DIDs in {pages} pages, latency {} ms, concurrency {concurrency}",
            LATENCY.as_millis()
        ),
        runs,
        LATENCY * pages / concurrency as u32,
    );
}
