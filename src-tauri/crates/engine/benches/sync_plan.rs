//! Planning a sync of a 1,000-number draft (each an edit of a live number) against Ringotel's
//! 1,000 numbers, against a bare `SELECT` of the same draft rows from the same file, in one run
//! (quality.md: load + diff ≤ 2 × the bare SELECT).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark fails loudly

use criterion::{Criterion, criterion_group, criterion_main};
use domain::OrgId;
use domain::{Country, WorkspaceId};
use engine::plan::{LiveIndex, plan};
use engine::snapshot::Freshness;
use ringotel::SmsTrunk;
use sandbox::Sandbox;
use std::hint::black_box;
use store::Database;
use store::tables::drafted::{self, numbers::DraftChange};

#[allow(dead_code)] // each benchmark uses part of what they share
mod common;

fn sync_plan(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let (org, live): (OrgId, Vec<SmsTrunk>) = sandbox.with_world(|w| {
        let org = w.orgs.iter().max_by_key(|o| o.trunks.len()).unwrap();
        let trunks = org
            .trunks
            .iter()
            .map(|t| serde_json::from_value(serde_json::Value::Object(t.clone())).unwrap())
            .collect();
        (OrgId::parse(org.id()).unwrap(), trunks)
    });
    let us = Country::parse("US").unwrap();
    let ws = WorkspaceId::parse("sandbox").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = Database::open_in(dir.path()).unwrap();
    // Every live number drafted with a new name, each anchored to the number as fetched.
    for (i, trunk) in live.iter().enumerate() {
        let base = serde_json::to_string(trunk).unwrap();
        let mut value = serde_json::to_value(trunk).unwrap();
        value["name"] = format!("Renamed {i}").into();
        let renamed: SmsTrunk = serde_json::from_value(value).unwrap();
        let fields = engine_fields(&renamed, us);
        drafted::numbers::upsert_existing(
            db.conn(),
            &ws,
            &org,
            &trunk.id,
            &base,
            0,
            &DraftChange::Upsert(Box::new(fields)),
        )
        .unwrap();
    }
    let drafts = common::load_drafts(&db, &ws, &org, us);
    let index = LiveIndex::new(&live, us);
    let planned = plan(&drafts, &index);
    assert_eq!(planned.sendable().count(), live.len());
    println!(
        "draft: {} edits of {} live numbers",
        drafts.len(),
        live.len()
    );

    // The engine on the same file, with the organization saved as a live fetch leaves it.
    let engine = common::engine_on(dir.path(), &sandbox);
    let view = runtime
        .block_on(engine.changes().view(org.clone(), Freshness::Live))
        .unwrap();
    assert_eq!(view.ready as usize, live.len());

    let mut group = c.benchmark_group("sync plan of a 1000-number draft");
    group.bench_function("bare SELECT of the draft rows", |b| {
        b.iter(|| black_box(common::bare_select(&db, &ws, &org)));
    });
    group.bench_function("cold: load + decode the draft and live, then plan", |b| {
        b.iter(|| {
            let drafts = common::load_drafts(&db, &ws, &org, us);
            let index = LiveIndex::new(&live, us);
            black_box(plan(&drafts, &index).steps.len())
        });
    });
    group.bench_function("plan, draft and live already decoded", |b| {
        b.iter(|| black_box(plan(&drafts, &index)));
    });
    group.bench_function(
        "engine changes_view (the Changes tab, after its first view)",
        |b| {
            b.iter(|| {
                black_box(
                    runtime
                        .block_on(engine.changes().view(org.clone(), Freshness::Saved))
                        .unwrap(),
                )
            });
        },
    );
    group.finish();
}

/// The trunk as the draft's typed fields, as the engine reads it.
fn engine_fields(trunk: &SmsTrunk, fallback: Country) -> domain::SmsNumberFields {
    trunk.fields(fallback).unwrap()
}

criterion_group!(benches, sync_plan);
criterion_main!(benches);
