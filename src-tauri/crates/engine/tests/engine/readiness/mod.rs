//! Readiness against the sandbox: the seeded Harbor organization's problems reported exactly
//! (on a sandbox that reports every DID's features and routing), each fix drafted as the right
//! change, sent through sync, and every check passing after. `published.rs`: the same on the
//! published shapes alone.

mod one_round;
mod published;

use crate::{Setup, setup, setup_with};
use domain::OrgId;
use domain::{CheckId, CheckOutcome, SetupKind};
use engine::readiness::{CheckResult, Fix, ReadinessReport};
use engine::snapshot::Freshness;
use sandbox::world::{Did, webhook_for};
use sandbox::{Fault, FaultRule, Service, WireSwitch, WireVariant, demo_thinq_accounts};

async fn readiness(s: &Setup, org: &OrgId) -> ReadinessReport {
    s.engine
        .readiness()
        .run(org.clone(), Freshness::Live, |_| {})
        .await
        .unwrap()
}

fn check(report: &ReadinessReport, id: CheckId) -> &CheckResult {
    report.checks.iter().find(|c| c.id == id).unwrap()
}

fn outcomes(report: &ReadinessReport) -> Vec<(CheckId, CheckOutcome)> {
    report.checks.iter().map(|c| (c.id, c.outcome)).collect()
}

fn fix(report: &ReadinessReport, id: CheckId) -> Fix {
    check(report, id).fix.clone().unwrap().fix
}

/// A sandbox whose answers carry what the published sources do not show: each DID's features
/// and routing profile, and the card's webhook URL. The checks can then see every problem.
fn detailed() -> WireVariant {
    WireVariant::of(&[WireSwitch::DidDetails, WireSwitch::WebhookField])
}

fn harbor_did(s: &Setup, did: &str) -> Did {
    s.sandbox.with_world(|w| {
        w.thinq[0]
            .dids
            .iter()
            .find(|d| d.id == did)
            .cloned()
            .unwrap()
    })
}

#[tokio::test]
async fn the_seeded_problems_are_reported_exactly_fixed_through_changes_and_then_pass() {
    let s = setup_with(detailed()).await;
    let org = s.harbor_with_thinq().await;
    let webhook = webhook_for(org.as_str());
    let report = readiness(&s, &org).await;
    use CheckId as C;
    use CheckOutcome::{Fail, Pass, Unknown};
    assert_eq!(
        outcomes(&report),
        vec![
            (C::ProPackage, Pass),
            (C::ConnectionsSmsMode, Fail),
            (C::IntegrationEnabled, Pass),
            (C::ThinqCredentials, Pass),
            (C::DidsSmsOn, Fail),
            (C::InboundRouting, Fail),
            (C::DeliveryUrl, Unknown),
            (C::NumbersUsers, Fail),
            (C::ConsistentFormats, Fail),
        ]
    );
    assert_eq!(
        check(&report, C::ConnectionsSmsMode).items,
        ["La Jolla Office: Off"]
    );
    assert_eq!(
        check(&report, C::DidsSmsOn).items,
        ["+1 858-437-6050: SMS is off in thinQ"]
    );
    assert_eq!(
        fix(&report, C::DidsSmsOn),
        Fix::ThinqSmsOn {
            dids: vec![crate::did("18584376050")],
            url: Some(webhook.clone()),
        }
    );
    let inbound = check(&report, C::InboundRouting);
    assert_eq!(inbound.items.len(), 2);
    assert!(
        inbound.items.iter().all(|i| i.contains("Old PBX")),
        "{:?}",
        inbound.items
    );
    assert_eq!(
        inbound.fix.as_ref().unwrap().fix,
        Fix::ThinqInbound {
            url: webhook.clone(),
            dids: vec![crate::did("18584376048"), crate::did("18584376050")]
        }
    );
    assert!(
        check(&report, C::DeliveryUrl).fix.is_some(),
        "unknown, but settable"
    );
    let users = check(&report, C::NumbersUsers);
    assert_eq!(
        users.items,
        ["+1 858-437-6050: 1 user no longer in the organization"]
    );
    let Fix::AlignFormats { numbers } = fix(&report, C::ConsistentFormats) else {
        panic!("align formats expected");
    };
    assert_eq!(numbers.len(), 2);
    assert_eq!(report.summary.passed, 3);
    assert_eq!(report.summary.failed, 5);

    // Each fix goes into the draft, and the next run says so.
    for c in &report.checks {
        if let Some(offer) = c.fix.as_ref().filter(|o| o.drafts) {
            assert!(!offer.drafted);
            s.engine
                .readiness()
                .draft_fix(org.clone(), offer.fix.clone(), false)
                .await
                .unwrap();
        }
    }
    let drafted = readiness(&s, &org).await;
    assert!(
        drafted
            .checks
            .iter()
            .filter_map(|c| c.fix.as_ref())
            .filter(|o| o.drafts)
            .all(|o| o.drafted),
        "{:#?}",
        drafted.checks
    );
    let changes = s
        .engine
        .changes()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    let kinds: Vec<SetupKind> = changes.setup.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [
            SetupKind::ConnectionSmsMode,
            SetupKind::ThinqInbound,
            SetupKind::ThinqSmsOn,
            SetupKind::ThinqDeliveryUrl
        ]
    );
    assert_eq!(changes.items.len(), 2, "both numbers edited once each");

    let before = harbor_did(&s, "18584376050");
    let report = s.sync(&org).await;
    assert_eq!(report.failed, 0, "{:#?}", report);
    assert_eq!(report.setup.len(), 4);

    let after = readiness(&s, &org).await;
    assert!(
        after.checks.iter().all(|c| c.outcome == Pass),
        "{:#?}",
        after.checks
    );
    // The order kept the DID's other features; the old profile still serves the other DIDs.
    let now = harbor_did(&s, "18584376050");
    assert!(now.sms);
    assert_eq!((now.cnam, now.e911), (before.cnam, before.e911));
    let (profiles, old_users) = s.sandbox.with_world(|w| {
        let account = &w.thinq[0];
        (
            account.routing_profiles.clone(),
            account
                .dids
                .iter()
                .filter(|d| d.routing_profile_id == Some(7001))
                .count(),
        )
    });
    assert_eq!(profiles.len(), 2, "one profile made for the webhook");
    assert!(profiles.iter().any(|p| p.url == webhook));
    assert!(old_users > 0);
    let history = s.engine.history().view(org.clone()).await.unwrap();
    assert_eq!(history.setup.len(), 4);
}

#[tokio::test]
async fn a_changed_webhook_repoints_the_apps_own_profile_instead_of_making_another() {
    let s = setup_with(detailed()).await;
    let org = s.harbor_with_thinq().await;
    let first = readiness(&s, &org).await;
    for id in [CheckId::InboundRouting, CheckId::DeliveryUrl] {
        s.engine
            .readiness()
            .draft_fix(org.clone(), fix(&first, id), false)
            .await
            .unwrap();
    }
    s.engine
        .changes()
        .sync(org.clone(), None, |_| {})
        .await
        .unwrap();

    let moved = "https://sms.sandbox.ringotel.test/thinq/moved";
    s.sandbox.with_world(|w| {
        let harbor = w.org_mut(org.as_str()).unwrap();
        harbor.services[0].insert("webhook".into(), moved.into());
    });
    let report = readiness(&s, &org).await;
    assert_eq!(
        check(&report, CheckId::InboundRouting).outcome,
        CheckOutcome::Fail
    );
    let delivery = check(&report, CheckId::DeliveryUrl);
    assert_eq!(delivery.outcome, CheckOutcome::Fail, "{}", delivery.detail);
    for id in [CheckId::InboundRouting, CheckId::DeliveryUrl] {
        s.engine
            .readiness()
            .draft_fix(org.clone(), fix(&report, id), false)
            .await
            .unwrap();
    }
    s.engine
        .changes()
        .sync(org.clone(), None, |_| {})
        .await
        .unwrap();
    let profiles = s
        .sandbox
        .with_world(|w| w.thinq[0].routing_profiles.clone());
    assert_eq!(profiles.len(), 2, "repointed, not a third profile");
    assert!(profiles.iter().any(|p| p.url == moved));
    let after = readiness(&s, &org).await;
    for id in [CheckId::InboundRouting, CheckId::DeliveryUrl] {
        assert_eq!(check(&after, id).outcome, CheckOutcome::Pass);
    }
}

#[tokio::test]
async fn an_essentials_organization_moves_to_pro_only_when_the_cost_is_confirmed() {
    let s = setup().await;
    let org = s.org("Bluebird Café").await;
    let report = readiness(&s, &org).await;
    let pro = check(&report, CheckId::ProPackage);
    assert_eq!(pro.outcome, CheckOutcome::Fail);
    let offer = pro.fix.clone().unwrap();
    assert!(offer.billable);
    let refused = s
        .engine
        .readiness()
        .draft_fix(org.clone(), offer.fix.clone(), false)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("billable"), "{refused}");
    assert!(
        s.engine
            .changes()
            .view(org.clone(), Freshness::Saved)
            .await
            .unwrap()
            .setup
            .is_empty()
    );
    s.engine
        .readiness()
        .draft_fix(org.clone(), offer.fix, true)
        .await
        .unwrap();
    let sync = s.sync(&org).await;
    assert_eq!(sync.failed, 0, "{sync:#?}");
    let package = s
        .sandbox
        .with_world(|w| w.org(org.as_str()).unwrap().org["packageid"].clone());
    assert_eq!(package, 2);
    let after = readiness(&s, &org).await;
    assert_eq!(
        check(&after, CheckId::ProPackage).outcome,
        CheckOutcome::Pass
    );
    let listed = s.engine.organizations().list().await.unwrap();
    let row = listed.organizations.iter().find(|o| o.id == org).unwrap();
    assert_eq!(row.readiness.as_ref().unwrap().passed, after.summary.passed);
}

#[tokio::test]
async fn without_thinq_settings_the_thinq_checks_are_unknown_and_say_why() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    let report = readiness(&s, &org).await;
    let integration = check(&report, CheckId::IntegrationEnabled);
    assert_eq!(integration.outcome, CheckOutcome::Fail);
    assert_eq!(integration.fix.as_ref().unwrap().fix, Fix::OpenIntegrations);
    assert!(!integration.fix.as_ref().unwrap().drafts);
    for id in [CheckId::ThinqCredentials, CheckId::DidsSmsOn] {
        let c = check(&report, id);
        assert_eq!(c.outcome, CheckOutcome::Unknown, "{id:?}");
        assert!(c.detail.contains("not saved in this app"), "{}", c.detail);
    }
    let inbound = check(&report, CheckId::InboundRouting);
    assert_eq!(inbound.outcome, CheckOutcome::Unknown);
    assert!(
        inbound.detail.contains("webhook URL is not known"),
        "{}",
        inbound.detail
    );
    // A run reads only what it needs: no thinQ call without settings.
    assert!(
        s.sandbox
            .take_request_log()
            .iter()
            .all(|r| r.service == sandbox::Service::Ringotel)
    );
}

#[tokio::test]
async fn credentials_thinq_refuses_fail_their_check_and_lead_to_integrations() {
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    // The token revoked in thinQ after it was saved here.
    s.sandbox
        .with_world(|w| w.thinq[0].token = "revoked".into());
    let report = readiness(&s, &org).await;
    let creds = check(&report, CheckId::ThinqCredentials);
    assert_eq!(creds.outcome, CheckOutcome::Fail, "{}", creds.detail);
    assert!(
        creds.detail.contains("username and token"),
        "{}",
        creds.detail
    );
    assert_eq!(creds.fix.as_ref().unwrap().fix, Fix::OpenIntegrations);
    assert_eq!(
        check(&report, CheckId::DidsSmsOn).outcome,
        CheckOutcome::Fail
    );
}

#[tokio::test]
async fn a_lost_answer_to_a_connection_switch_is_settled_by_reading_the_connection_back() {
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    let report = readiness(&s, &org).await;
    s.engine
        .readiness()
        .draft_fix(
            org.clone(),
            fix(&report, CheckId::ConnectionsSmsMode),
            false,
        )
        .await
        .unwrap();
    s.sandbox.add_fault_rule(FaultRule {
        service: Service::Ringotel,
        method: Some("updateBranch".into()),
        rate: 1.0,
        faults: vec![Fault::DropResponse],
    });
    let sync = s.sync(&org).await;
    s.sandbox.clear_faults();
    assert_eq!(sync.failed, 0, "{:#?}", sync.setup);
    let after = readiness(&s, &org).await;
    assert_eq!(
        check(&after, CheckId::ConnectionsSmsMode).outcome,
        CheckOutcome::Pass
    );
}

#[tokio::test]
async fn a_lost_answer_to_a_thinq_order_fails_named_and_the_next_sync_orders_only_what_is_missing()
{
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    let report = readiness(&s, &org).await;
    s.engine
        .readiness()
        .draft_fix(org.clone(), fix(&report, CheckId::DidsSmsOn), false)
        .await
        .unwrap();
    let account = demo_thinq_accounts()[0].account_id;
    s.sandbox.inject_on(
        Service::Thinq,
        &format!("/account/{account}/origination/did/features/create"),
        Fault::DropResponse,
    );
    let first = s.sync(&org).await;
    assert_eq!(first.failed, 1);
    let detail = first.setup[0].detail.clone().unwrap_or_default();
    assert!(detail.starts_with("thinQ"), "{detail}");
    assert!(
        !harbor_did(&s, "18584376050").sms,
        "the order was never completed"
    );
    let changes = s
        .engine
        .changes()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(
        changes.setup[0].last_failure.as_deref(),
        Some(detail.as_str())
    );

    let second = s.sync(&org).await;
    assert_eq!(second.failed, 0, "{:#?}", second.setup);
    assert!(harbor_did(&s, "18584376050").sms);
    let completed = s
        .sandbox
        .with_world(|w| w.thinq[0].orders.iter().filter(|o| o.completed).count());
    assert_eq!(completed, 1, "one order took effect");
}

#[tokio::test]
async fn opening_the_overview_reads_thinq_only_ringotel_as_the_screen_just_fetched_it() {
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    s.engine.organizations().detail(org.clone()).await.unwrap();
    s.sandbox.take_request_log();
    s.engine
        .readiness()
        .run(org.clone(), Freshness::Saved, |_| {})
        .await
        .unwrap();
    let log = s.sandbox.take_request_log();
    assert!(log.iter().all(|r| r.service == Service::Thinq), "{log:?}");
    assert_eq!(
        log.len(),
        3,
        "the balance, the one page of 24 DIDs, the profiles: {log:?}"
    );
}
