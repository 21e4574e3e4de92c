//! Sync against the sandbox: the Changes tab's plan, conflicts resolved both ways, a flaky
//! network, lost answers that must not duplicate a number, and the calls each action makes.

use crate::{Setup, setup};
use domain::OrgId;
use domain::{InboundFormat, OutboundFormat, SmsField, SmsNumberInput, StickinessInput};
use engine::numbers::{NumberKey, NumberStatus, SaveNumberOutcome};
use engine::snapshot::Freshness;
use engine::sync::view::BlockerKind;
use engine::sync::{Side, SyncStatus};
use engine::{Engine, NetworkSettings};
use sandbox::{Fault, FaultRule, Sandbox, Service};
use std::collections::HashMap;
use std::time::Duration;
use transport::RetryPolicy;

pub fn input(number: &str, name: &str, users: Vec<String>) -> SmsNumberInput {
    SmsNumberInput {
        country: "US".into(),
        number: number.into(),
        name: name.into(),
        users,
        stickiness: StickinessInput::Preset { seconds: 3_600 },
        inbound_format: InboundFormat::E164,
        outbound_format: OutboundFormat::National,
        send_name: true,
        opt_out_keyword: String::new(),
        opt_out_reply: String::new(),
        auto_replies: Vec::new(),
    }
}

/// Drafts `count` new numbers (858-200-1000 on) for the organization's first SMS user.
pub async fn draft_new(engine: &Engine, org: &OrgId, count: usize) -> Vec<String> {
    let editor = engine.numbers().editor(org.clone(), None).await.unwrap();
    let user = editor.connections[0].users[0].id.to_string();
    let mut wires = Vec::new();
    for i in 0..count {
        let number = format!("858200{:04}", 1000 + i);
        let saved = engine
            .numbers()
            .save(
                org.clone(),
                None,
                input(&number, &format!("Line {i}"), vec![user.clone()]),
            )
            .await
            .unwrap();
        assert!(
            matches!(saved, SaveNumberOutcome::Saved { .. }),
            "{saved:?}"
        );
        wires.push(format!("1{number}"));
    }
    wires
}

/// Every number the sandbox holds for the organization, with how many times each occurs.
pub fn server_numbers(sandbox: &Sandbox, org: &OrgId) -> HashMap<String, usize> {
    let id = org.to_string();
    sandbox.with_world(|world| {
        let mut counts = HashMap::new();
        for trunk in &world.org_mut(&id).unwrap().trunks {
            let number = trunk["number"].as_str().unwrap_or_default().to_owned();
            *counts.entry(number).or_insert(0) += 1;
        }
        counts
    })
}

/// The methods the sandbox saw since the last call.
fn calls(sandbox: &Sandbox) -> Vec<String> {
    sandbox
        .take_request_log()
        .into_iter()
        .filter(|r| r.service == Service::Ringotel)
        .map(|r| r.method)
        .collect()
}

/// An engine that gives up on a silent server quickly and backs off briefly, so fault tests
/// take seconds; the policy is the same code with shorter waits.
fn impatient(setup: &Setup) -> Engine {
    setup
        .reopen()
        .with_network(NetworkSettings {
            request_timeout: Duration::from_millis(800),
            retry: RetryPolicy {
                first_delay: Duration::from_millis(20),
                max_delay: Duration::from_millis(200),
                ..RetryPolicy::default()
            },
            ..NetworkSettings::default()
        })
        .unwrap()
}

async fn rename_first(engine: &Engine, org: &OrgId, name: &str) -> NumberKey {
    let view = engine
        .numbers()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    let key = view.rows[0].key.clone();
    let editor = engine
        .numbers()
        .editor(org.clone(), Some(key.clone()))
        .await
        .unwrap();
    let mut values = editor.values;
    values.name = name.into();
    engine
        .numbers()
        .save(org.clone(), Some(key.clone()), values)
        .await
        .unwrap();
    key
}

fn rename_on_server(sandbox: &Sandbox, org: &OrgId, key: &NumberKey, name: &str) {
    let NumberKey::Existing { trunk_id } = key else {
        panic!("an existing number")
    };
    let id = org.to_string();
    sandbox.with_world(|world| {
        let trunk = world
            .org_mut(&id)
            .unwrap()
            .trunks
            .iter_mut()
            .find(|t| t["id"] == trunk_id.as_str())
            .unwrap();
        trunk.insert("name".into(), name.into());
    });
}

#[tokio::test]
async fn a_new_number_and_an_edit_show_field_by_field_then_sync_with_the_calls_they_need() {
    let setup = setup().await;
    let org = setup.fetched("Harbor Dental Group").await;
    let new = draft_new(&setup.engine, &org, 1).await;
    rename_first(&setup.engine, &org, "Reception").await;
    let _ = calls(&setup.sandbox);

    let changes = setup
        .engine
        .changes()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    assert!(
        calls(&setup.sandbox).is_empty(),
        "the Changes tab reads no network"
    );
    assert_eq!((changes.ready, changes.blocked), (2, 0));
    let edit = changes.items.iter().find(|i| i.changes.len() == 1).unwrap();
    assert_eq!(edit.changes[0].field, SmsField::Name);
    assert_eq!(edit.changes[0].after.as_deref(), Some("Reception"));
    assert!(edit.changes[0].before.is_some());
    let add = changes.items.iter().find(|i| i.changes.len() > 1).unwrap();
    assert_eq!(add.action_label, "Add");
    assert!(add.changes.iter().all(|c| c.before.is_none()));

    let report = setup.sync(&org).await;
    assert_eq!(report.status, SyncStatus::Finished);
    assert_eq!((report.sent, report.failed), (2, 0));
    assert!(
        !report.relogin.is_empty(),
        "the new number's user signs in again"
    );
    assert!(
        report
            .view
            .as_ref()
            .expect("the Changes tab after the sync")
            .items
            .is_empty(),
        "nothing left to sync"
    );
    let mut made = calls(&setup.sandbox);
    made.sort();
    assert_eq!(
        made,
        [
            "createSMSTrunk",
            "getSMSTrunks",
            "getSMSTrunks",
            "updateSMSTrunk"
        ],
        "one read before, the two writes, one read after"
    );
    assert_eq!(server_numbers(&setup.sandbox, &org).get(&new[0]), Some(&1));
    let numbers = setup
        .engine
        .numbers()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    assert!(
        numbers
            .rows
            .iter()
            .all(|r| r.status == NumberStatus::Synced)
    );
    assert!(numbers.rows.iter().any(|r| r.name == "Reception"));
    let history = setup.engine.history().view(org).await.unwrap();
    assert_eq!(history.entries.len(), 2);
    assert!(history.entries.iter().all(|e| e.state_label == "Done"));
}

#[tokio::test]
async fn a_field_changed_on_both_sides_stops_the_sync_until_resolved_either_way() {
    let setup = setup().await;
    let org = setup.fetched("Harbor Dental Group").await;
    let key = rename_first(&setup.engine, &org, "Mine").await;
    rename_on_server(&setup.sandbox, &org, &key, "Theirs");
    let _ = calls(&setup.sandbox);

    let blocked = setup.sync(&org).await;
    assert_eq!(blocked.status, SyncStatus::Blocked);
    assert_eq!(calls(&setup.sandbox), ["getSMSTrunks"], "nothing is sent");
    let item = &blocked
        .view
        .as_ref()
        .expect("the plan that blocked the sync")
        .items[0];
    let blocker = item.blocker.as_ref().unwrap();
    assert_eq!(blocker.kind, BlockerKind::Fields);
    assert_eq!(blocker.fields[0].mine.as_deref(), Some("Mine"));
    assert_eq!(blocker.fields[0].theirs.as_deref(), Some("Theirs"));

    let resolved = setup
        .engine
        .changes()
        .resolve_conflict(org.clone(), item.draft_id, Some(SmsField::Name), Side::Mine)
        .await
        .unwrap();
    assert_eq!((resolved.blocked, resolved.ready), (0, 1));
    let report = setup.sync(&org).await;
    assert_eq!(report.sent, 1);
    let names = setup
        .engine
        .numbers()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(names.rows[0].name, "Mine");

    // Again, and this time Ringotel's value wins: nothing to send, the draft follows it.
    let key = rename_first(&setup.engine, &org, "Mine again").await;
    rename_on_server(&setup.sandbox, &org, &key, "Theirs again");
    let blocked = setup.sync(&org).await;
    let draft = blocked
        .view
        .as_ref()
        .expect("the plan that blocked the sync")
        .items[0]
        .draft_id;
    let resolved = setup
        .engine
        .changes()
        .resolve_conflict(org.clone(), draft, None, Side::Theirs)
        .await
        .unwrap();
    assert_eq!((resolved.blocked, resolved.ready), (0, 0));
    let _ = calls(&setup.sandbox);
    let report = setup.sync(&org).await;
    assert_eq!(report.sent, 0);
    assert!(!calls(&setup.sandbox).contains(&"updateSMSTrunk".to_owned()));
    let names = setup
        .engine
        .numbers()
        .view(org, Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(names.rows[0].name, "Theirs again");
    assert_eq!(names.drafted, 0);
}

#[tokio::test]
async fn answers_lost_after_every_create_never_make_a_number_twice() {
    let setup = setup().await;
    let org = setup.fetched("Harbor Dental Group").await;
    let wanted = draft_new(&setup.engine, &org, 12).await;
    setup.sandbox.add_fault_rule(FaultRule {
        service: Service::Ringotel,
        method: Some("createSMSTrunk".into()),
        rate: 1.0,
        faults: vec![Fault::DropResponse],
    });
    let report = impatient(&setup)
        .changes()
        .sync(org.clone(), None, |_| {})
        .await
        .unwrap();
    assert_eq!((report.sent, report.failed), (12, 0), "{:?}", report.items);
    assert!(report.items.iter().all(|i| {
        i.detail
            .as_deref()
            .is_some_and(|d| d.contains("reading back"))
    }));
    let held = server_numbers(&setup.sandbox, &org);
    for number in &wanted {
        assert_eq!(held.get(number), Some(&1), "{number}");
    }
    let creates = calls(&setup.sandbox)
        .iter()
        .filter(|m| *m == "createSMSTrunk")
        .count();
    assert_eq!(creates, 12, "each create sent once");
}

#[tokio::test]
async fn with_30_percent_faults_a_200_number_sync_names_every_failure_and_the_next_converges() {
    let setup = setup().await;
    let org = setup.fetched("Harbor Dental Group").await;
    let wanted = draft_new(&setup.engine, &org, 200).await;
    setup.sandbox.seed_faults(30);
    setup.sandbox.add_fault_rule(FaultRule {
        service: Service::Ringotel,
        method: None,
        rate: 0.3,
        faults: Fault::every_kind(),
    });
    let engine = impatient(&setup);
    // Reading the numbers first may itself fail past its retries; the admin presses Try again.
    let mut first = None;
    for _ in 0..5 {
        if let Ok(report) = engine.changes().sync(org.clone(), None, |_| {}).await {
            first = Some(report);
            break;
        }
    }
    let first = first.expect("a sync ran within five tries");
    assert_eq!(first.items.len(), 200, "every change has a result");
    for item in &first.items {
        if item.state_label != "Done" {
            assert!(
                item.detail.as_deref().is_some_and(|d| !d.is_empty()),
                "{item:?}"
            );
        }
    }
    assert_eq!(first.sent + first.failed, 200);

    setup.sandbox.clear_faults();
    let second = engine
        .changes()
        .sync(org.clone(), None, |_| {})
        .await
        .unwrap();
    assert_eq!(second.failed, 0, "{:?}", second.items);
    let held = server_numbers(&setup.sandbox, &org);
    for number in &wanted {
        assert_eq!(held.get(number), Some(&1), "{number} exactly once");
    }
    let view = engine.numbers().view(org, Freshness::Saved).await.unwrap();
    assert_eq!(view.drafted, 0, "the draft is all applied");
}

#[tokio::test]
async fn a_refused_change_fails_alone_named_and_stays_in_the_draft() {
    let setup = setup().await;
    let org = setup.fetched("Harbor Dental Group").await;
    let editor = setup
        .engine
        .numbers()
        .editor(org.clone(), None)
        .await
        .unwrap();
    let users = &editor.connections[0].users;
    let (kept, leaving) = (users[0].id.to_string(), users[1].id.to_string());
    for (number, user) in [
        ("8582001000", &kept),
        ("8582001001", &leaving),
        ("8582001002", &kept),
    ] {
        setup
            .engine
            .numbers()
            .save(org.clone(), None, input(number, "Line", vec![user.clone()]))
            .await
            .unwrap();
    }
    let id = org.to_string();
    setup.sandbox.with_world(|world| {
        world
            .org_mut(&id)
            .unwrap()
            .users
            .retain(|u| u["id"] != leaving.as_str());
    });
    let report = setup.sync(&org).await;
    assert_eq!((report.sent, report.failed), (2, 1));
    let failed = report
        .items
        .iter()
        .find(|i| i.state_label == "Failed")
        .unwrap();
    assert_eq!(failed.number, "+1 858-200-1001");
    let detail = failed.detail.as_deref().unwrap();
    assert!(
        detail.starts_with("Ringotel refused it: Unknown user"),
        "{detail}"
    );
    assert!(
        !detail.contains("createSMSTrunk"),
        "no method names on screen: {detail}"
    );
    assert_eq!(
        report
            .view
            .as_ref()
            .expect("the Changes tab after the sync")
            .items
            .len(),
        1,
        "the refused change stays drafted"
    );
    assert_eq!(
        report
            .view
            .as_ref()
            .expect("the Changes tab after the sync")
            .items[0]
            .last_failure
            .as_deref(),
        Some(detail)
    );
    let history = setup.engine.history().view(org).await.unwrap();
    assert_eq!(
        history
            .entries
            .iter()
            .filter(|e| e.state_label == "Failed")
            .count(),
        1
    );
}
