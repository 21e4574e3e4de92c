//! Readiness where thinQ's DID list carries only what is published: routing is Unknown until
//! set from this app, and no order sends a value the app did not read.

use super::{check, fix, harbor_did, readiness};
use crate::setup;
use domain::{CheckId, CheckOutcome};
use engine::readiness::{Fix, ReadinessReport};
use sandbox::world::webhook_for;

#[tokio::test]
async fn on_published_shapes_routing_is_unknown_then_set_from_this_app_and_never_drafted_again() {
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    let webhook = webhook_for(org.as_str());
    let report = readiness(&s, &org).await;
    use CheckId as C;
    use CheckOutcome::{Fail, Pass, Unknown};
    let outcome = |r: &ReadinessReport, id| check(r, id).outcome;
    // `provisioned` says which DID has SMS off; nothing published says where a DID routes.
    assert_eq!(outcome(&report, C::DidsSmsOn), Fail);
    let inbound = check(&report, C::InboundRouting);
    assert_eq!(inbound.outcome, Unknown, "{}", inbound.detail);
    assert!(
        inbound.items.iter().all(|i| i.contains("does not say")),
        "{:?}",
        inbound.items
    );
    assert_eq!(
        fix(&report, C::InboundRouting),
        Fix::ThinqInbound {
            url: webhook.clone(),
            dids: vec![crate::did("18584376048"), crate::did("18584376050")]
        }
    );
    for c in &report.checks {
        if let Some(offer) = c.fix.as_ref().filter(|o| o.drafts && !o.billable) {
            s.engine
                .readiness()
                .draft_fix(org.clone(), offer.fix.clone(), false)
                .await
                .unwrap();
        }
    }
    let other_did_before = harbor_did(&s, "18584376047");
    let sync = s.sync(&org).await;
    assert_eq!(sync.failed, 0, "{sync:#?}");
    let set_here = sync
        .setup
        .iter()
        .filter(|o| {
            o.detail
                .as_deref()
                .is_some_and(|d| d.contains("set from this app"))
        })
        .count();
    assert_eq!(
        set_here, 2,
        "SMS with routing, and routing: {:#?}",
        sync.setup
    );

    let after = readiness(&s, &org).await;
    assert!(
        after.checks.iter().all(|c| c.outcome == Pass),
        "{:#?}",
        after.checks
    );
    assert!(
        check(&after, C::InboundRouting)
            .detail
            .contains("set from this app")
    );
    assert!(
        after.checks.iter().all(|c| c.fix.is_none()),
        "nothing is offered again"
    );
    // The Ringotel profile was attached explicitly; no other DID was touched.
    let profile = s.sandbox.with_world(|w| {
        w.thinq[0]
            .routing_profiles
            .iter()
            .find(|p| p.url == webhook)
            .map(|p| p.id)
    });
    for did in ["18584376048", "18584376050"] {
        assert_eq!(harbor_did(&s, did).routing_profile_id, profile, "{did}");
    }
    assert_eq!(harbor_did(&s, "18584376047"), other_did_before);
}

#[tokio::test]
async fn a_features_order_never_sends_null_nor_a_feature_it_did_not_read() {
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    let report = readiness(&s, &org).await;
    let before = harbor_did(&s, "18584376050");
    let Fix::ThinqSmsOn { dids, .. } = fix(&report, CheckId::DidsSmsOn) else {
        panic!("an SMS fix expected");
    };
    // Without the webhook the order cannot name the Ringotel profile: it names none.
    s.engine
        .readiness()
        .draft_fix(org.clone(), Fix::ThinqSmsOn { dids, url: None }, false)
        .await
        .unwrap();
    s.sandbox.take_request_log();
    let sync = s.sync(&org).await;
    assert_eq!(sync.failed, 0, "{sync:#?}");
    let orders: Vec<serde_json::Value> = s
        .sandbox
        .take_request_log()
        .into_iter()
        .filter(|r| r.method.ends_with("/features/create"))
        .filter_map(|r| r.body)
        .collect();
    assert_eq!(
        orders,
        [
            serde_json::json!({"order": {"tns": [{"did": 18584376050_u64, "features": {"sms": true}}]}})
        ]
    );
    let now = harbor_did(&s, "18584376050");
    assert!(now.sms);
    assert_eq!(
        (now.cnam, now.e911, now.routing_profile_id),
        (before.cnam, before.e911, before.routing_profile_id),
        "what the order did not name stayed as it was"
    );
}
