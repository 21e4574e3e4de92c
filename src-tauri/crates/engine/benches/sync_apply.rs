//! A sync of 1,000 new numbers through the engine against the sandbox with 50 ms latency on
//! every call, against its ideal N × latency / concurrency (quality.md: ≤ 1.25 × the ideal).
//! Runs three times at each concurrency and prints the median. Not Criterion: one run takes
//! seconds, and what is measured is the network pacing, not a tight loop.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark fails loudly

use domain::OrgId;
use domain::{UserId, WorkspaceId};
use engine::NetworkSettings;
use engine::snapshot::Freshness;
use sandbox::Sandbox;
use std::time::{Duration, Instant};
use store::Database;
use store::tables::drafted::{
    self,
    numbers::{DraftChange, DraftTarget},
};

const NUMBERS: u32 = 1_000;
const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 3;

#[allow(dead_code)] // each benchmark uses part of what they share
mod common;

/// One timed sync of the whole draft on a fresh sandbox and data folder.
fn one_run(runtime: &tokio::runtime::Runtime, concurrency: usize) -> Duration {
    runtime.block_on(async {
        let sandbox = Sandbox::start().await.unwrap();
        let (org, user) = sandbox.with_world(|w| {
            let harbor = w
                .orgs
                .iter()
                .find(|o| o.org["name"] == "Harbor Dental Group")
                .unwrap();
            let user = harbor.users[0]["id"].as_str().unwrap().to_owned();
            (
                OrgId::parse(harbor.id()).unwrap(),
                UserId::parse(&user).unwrap(),
            )
        });
        let dir = tempfile::tempdir().unwrap();
        {
            let (db, _) = Database::open_in(dir.path()).unwrap();
            let ws = WorkspaceId::parse("sandbox").unwrap();
            let changes: Vec<_> = (0..NUMBERS)
                .map(|i| {
                    (
                        org.clone(),
                        DraftTarget::New,
                        DraftChange::Upsert(Box::new(common::drafted_fields(
                            i,
                            vec![user.clone()],
                        ))),
                    )
                })
                .collect();
            drafted::numbers::insert_all(db.conn(), &ws, &changes).unwrap();
        }
        let engine = common::engine_on(dir.path(), &sandbox)
            .with_network(NetworkSettings {
                sync_concurrency: concurrency,
                ..NetworkSettings::default()
            })
            .unwrap();
        engine
            .numbers()
            .view(org.clone(), Freshness::Live)
            .await
            .unwrap();
        sandbox.set_latency(LATENCY);
        let started = Instant::now();
        let report = engine.changes().sync(org, None, |_| {}).await.unwrap();
        let took = started.elapsed();
        assert_eq!((report.sent, report.failed), (NUMBERS, 0));
        took
    })
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument selects nothing here.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    for concurrency in [8, 16] {
        let runs: Vec<Duration> = (0..RUNS).map(|_| one_run(&runtime, concurrency)).collect();
        common::report(
            &format!(
                "sync of {NUMBERS} new numbers, latency {} ms, concurrency {concurrency}",
                LATENCY.as_millis()
            ),
            runs,
            LATENCY * NUMBERS / concurrency as u32,
        );
    }
}
