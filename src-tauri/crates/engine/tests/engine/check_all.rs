//! *Check all* over the workspace-scale demo: every seeded problem reported in its own
//! organization and nowhere else, progress to the last one, summaries kept for the list, and
//! Cancel starting nothing new.

use crate::{Setup, setup_on};
use domain::{CheckId, CheckOutcome, OrgId, Secret};
use engine::Cancel;
use engine::readiness::{CheckAllReport, ReadinessState};
use sandbox::Sandbox;
use sandbox::world::{
    SCALE_ORGS, ScaleProblem, scale_org_name, scale_problem, scale_thinq_account, seeded_at_scale,
    webhook_for,
};
use std::collections::HashMap;
use std::sync::Mutex;

/// The scale demo with each scale organization's thinQ settings saved (the token for this
/// session only) and its webhook URL pasted, as an admin would have set them up.
async fn scale_demo() -> (Setup, HashMap<String, OrgId>) {
    let s = setup_on(Sandbox::start_world(seeded_at_scale()).await.unwrap());
    let list = s.engine.organizations().list().await.unwrap();
    let ids: HashMap<String, OrgId> = list
        .organizations
        .into_iter()
        .map(|o| (o.name, o.id))
        .collect();
    for i in 0..SCALE_ORGS {
        let org = ids[&scale_org_name(i)].clone();
        let (account_id, username, token) = scale_thinq_account(i);
        s.engine
            .integrations()
            .save_thinq_settings(
                org.clone(),
                domain::ThinqSettingsInput {
                    account_id,
                    username,
                    token: Some(Secret::new(token)),
                },
                engine::SecretPersistence::Session,
            )
            .await
            .unwrap();
        s.engine
            .integrations()
            .paste_webhook_url(org.clone(), webhook_for(org.as_str()))
            .await
            .unwrap();
    }
    (s, ids)
}

/// The checks that fail for an organization.
fn failing(report: &CheckAllReport, org: &OrgId) -> Vec<CheckId> {
    let one = report.orgs.iter().find(|o| o.org == *org).unwrap();
    let checks = &one.report.as_ref().unwrap().checks;
    checks
        .iter()
        .filter(|c| c.outcome == CheckOutcome::Fail)
        .map(|c| c.id)
        .collect()
}

fn expected(problem: Option<ScaleProblem>) -> Vec<CheckId> {
    match problem {
        None => Vec::new(),
        Some(ScaleProblem::Essentials) => vec![CheckId::ProPackage],
        Some(ScaleProblem::ConnectionOff) => vec![CheckId::ConnectionsSmsMode],
        Some(ScaleProblem::SmsOff) => vec![CheckId::DidsSmsOn],
        Some(ScaleProblem::DeletedUser) => vec![CheckId::NumbersUsers],
        Some(ScaleProblem::SplitFormats) => vec![CheckId::ConsistentFormats],
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn check_all_reports_each_seeded_problem_in_its_own_organization() {
    let (s, ids) = scale_demo().await;
    let seen = Mutex::new(Vec::new());
    let report = s
        .engine
        .readiness()
        .check_all(&Cancel::new(), |p| seen.lock().unwrap().push(p))
        .await
        .unwrap();
    let total = SCALE_ORGS + 4;
    assert_eq!(report.orgs.len(), total);
    assert!(!report.cancelled);
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), total + 1, "a start, then one per organization");
    assert_eq!(
        seen.last().map(|p| (p.done, p.total)),
        Some((total as u32, total as u32))
    );

    for i in 0..SCALE_ORGS {
        let org = &ids[&scale_org_name(i)];
        let problem = scale_problem(i);
        assert_eq!(
            failing(&report, org),
            expected(problem),
            "{}",
            scale_org_name(i)
        );
        let state = report.orgs.iter().find(|o| o.org == *org).unwrap().state;
        // thinQ's published answers do not show routing, and the delivery URL was never set
        // from this app: a clean organization is Unknown until its fixes are synced.
        let want = if problem.is_some() {
            ReadinessState::NotReady
        } else {
            ReadinessState::Unknown
        };
        assert_eq!(state, want, "{}", scale_org_name(i));
    }
    assert_eq!(
        report.count(ReadinessState::NotReady) + report.count(ReadinessState::Unknown),
        total
    );

    // The list shows each organization's result without opening it.
    let list = s.engine.organizations().list().await.unwrap();
    assert!(list.organizations.iter().all(|o| o.readiness.is_some()));
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_starts_no_new_organization() {
    let (s, _) = scale_demo().await;
    let cancel = Cancel::new();
    let at_cancel = Mutex::new(None);
    let report = s
        .engine
        .readiness()
        .check_all(&cancel, |p| {
            if p.done == 3 {
                cancel.cancel();
                *at_cancel.lock().unwrap() = Some(p.done);
            }
        })
        .await
        .unwrap();
    assert!(report.cancelled);
    let checked = report
        .orgs
        .iter()
        .filter(|o| o.state != ReadinessState::NotChecked)
        .count();
    // Those already under way when Cancel came (twice the concurrency) finish; nothing starts
    // after it.
    let running = 2 * engine::NetworkSettings::default().sync_concurrency;
    assert!(checked >= 3 && checked <= 3 + running, "{checked} checked");
    assert!(
        report
            .orgs
            .iter()
            .any(|o| o.state == ReadinessState::NotChecked)
    );
}
