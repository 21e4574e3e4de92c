//! Loading the Numbers view of an organization with 1,000 live numbers and a draft of 1,000
//! more, against a bare `SELECT` of the same rows from the same file, in one run
//! (quality.md: load + diff ≤ 2 × the bare SELECT).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark fails loudly

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use domain::OrgId;
use domain::{BaseUrl, Secret, WorkspaceId};
use engine::snapshot::{Freshness, OrgSnapshot};
use engine::{Engine, SandboxEndpoints};
use sandbox::Sandbox;
use std::hint::black_box;
use store::Database;
use store::tables::drafted;

const DRAFTED: u32 = 1_000;

#[allow(dead_code)] // each benchmark uses part of what they share
mod common;

/// The saved organization's row as stored: the JSON Ringotel sent.
fn saved_copy(db: &Database, ws: &WorkspaceId, org: &OrgId) -> String {
    db.conn()
        .query_row(
            "SELECT payload FROM snapshots WHERE workspace_id = ?1 AND scope = ?2",
            [ws.as_str(), &format!("organization/{org}")],
            |r| r.get(0),
        )
        .unwrap()
}

fn draft_view(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let largest = sandbox.with_world(|w| {
        let org = w.orgs.iter().max_by_key(|o| o.trunks.len()).unwrap();
        (org.id().to_owned(), org.trunks.len())
    });
    let org = OrgId::parse(&largest.0).unwrap();
    let ws = WorkspaceId::parse("sandbox").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let endpoints = SandboxEndpoints {
        ringotel: BaseUrl::parse(&sandbox.ringotel_url()).unwrap(),
        thinq: BaseUrl::parse(&sandbox.thinq_url()).unwrap(),
        api_key: Secret::new(sandbox::DEMO_API_KEY),
        thinq_accounts: vec![],
        portal_webhook_base: sandbox::world::webhook_base(),
    };
    // The draft is written before the engine first reads it, as a draft file from earlier
    // sessions would be.
    {
        let (db, _) = Database::open_in(dir.path()).unwrap();
        for i in 0..DRAFTED {
            drafted::numbers::insert_new(db.conn(), &ws, &org, &common::drafted_fields(i, vec![]))
                .unwrap();
        }
    }
    let (db, _) = Database::open_in(dir.path()).unwrap();
    let open = || {
        Engine::open(
            dir.path(),
            "ringotel-sms-admin-bench",
            Some(endpoints.clone()),
        )
        .unwrap()
    };
    let engine = open();
    runtime
        .block_on(engine.numbers().view(org.clone(), Freshness::Live))
        .unwrap();
    let view = runtime
        .block_on(engine.numbers().view(org.clone(), Freshness::Saved))
        .unwrap();
    assert_eq!(view.rows.len(), largest.1 + DRAFTED as usize);
    println!("rows: {} live + {DRAFTED} drafted", largest.1);

    let mut group = c.benchmark_group("numbers view of 1000 live + 1000 drafted");
    group.bench_function("bare SELECT of the draft rows and the snapshot", |b| {
        b.iter(|| {
            let rows = common::bare_select(&db, &ws, &org);
            black_box((rows, saved_copy(&db, &ws, &org).len()))
        });
    });
    // What any first view pays before it can look at one number: the saved copy is the JSON
    // Ringotel sent (unknown fields kept), and reading it into plain JSON values is a floor for
    // decoding it into anything.
    let payload = saved_copy(&db, &ws, &org);
    println!("saved copy: {} bytes of JSON", payload.len());
    group.bench_function("JSON parse of the saved copy alone", |b| {
        b.iter(|| black_box(serde_json::from_str::<serde_json::Value>(&payload).unwrap()));
    });
    group.bench_function("the saved copy decoded, numbers indexed", |b| {
        b.iter(|| black_box(serde_json::from_str::<OrgSnapshot>(&payload).unwrap()));
    });
    group.bench_function(
        "first numbers_view after start (decode saved copy + draft)",
        |b| {
            b.iter_batched(
                open,
                |fresh| {
                    black_box(
                        runtime
                            .block_on(fresh.numbers().view(org.clone(), Freshness::Saved))
                            .unwrap(),
                    )
                },
                BatchSize::PerIteration,
            );
        },
    );
    group.bench_function("engine numbers_view (load + diff + rows)", |b| {
        b.iter(|| {
            black_box(
                runtime
                    .block_on(engine.numbers().view(org.clone(), Freshness::Saved))
                    .unwrap(),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, draft_view);
criterion_main!(benches);
