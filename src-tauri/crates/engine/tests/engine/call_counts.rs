//! The calls each common action makes, from the sandbox's request log: only those it needs.

use crate::setup;
use engine::integrations::SaveThinqOutcome;
use engine::snapshot::Freshness;
use sandbox::{Sandbox, Service};

fn ringotel_calls(sandbox: &Sandbox) -> Vec<String> {
    let mut calls: Vec<String> = sandbox
        .take_request_log()
        .into_iter()
        .filter(|r| r.service == Service::Ringotel)
        .map(|r| r.method)
        .collect();
    calls.sort();
    calls
}

#[tokio::test]
async fn opening_an_organization_reads_each_of_its_parts_once_and_its_tabs_read_none() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    let _ = s.sandbox.take_request_log();
    s.engine.organizations().detail(org.clone()).await.unwrap();
    s.engine
        .integrations()
        .thinq(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    s.engine
        .numbers()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    s.engine
        .changes()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    s.engine.history().view(org).await.unwrap();
    assert_eq!(
        ringotel_calls(&s.sandbox),
        [
            "getBranches",
            "getOrganization",
            "getSMSTrunks",
            "getServices",
            "getUsers"
        ]
    );
}

#[tokio::test]
async fn save_and_continue_on_the_thinq_card_submits_once_and_reads_the_card_back_once() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    s.engine.organizations().detail(org.clone()).await.unwrap();
    let _ = s.sandbox.take_request_log();
    let outcome = crate::save_demo_thinq(&s.engine, &org).await;
    assert!(
        matches!(outcome, SaveThinqOutcome::Saved { .. }),
        "{outcome:?}"
    );
    assert_eq!(ringotel_calls(&s.sandbox), ["/integrations", "getServices"]);
}
