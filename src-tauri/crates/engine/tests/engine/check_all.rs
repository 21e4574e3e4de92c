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

#[tokio::test(flavor = "multi_thread")]
async fn the_report_files_hold_what_check_all_found_and_chosen_fixes_are_drafted() {
    let (s, ids) = scale_demo().await;
    let mut report = s
        .engine
        .readiness()
        .check_all(&Cancel::new(), |_| {})
        .await
        .unwrap();

    // CSV: a header, then one row per organization and check, each with its readiness.
    let csv = engine::readiness::report_file::csv(&report).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    let checks: usize = report
        .orgs
        .iter()
        .map(|o| o.report.as_ref().map_or(1, |r| r.checks.len()))
        .sum();
    assert_eq!(records.len(), checks);
    for one in &report.orgs {
        let mine: Vec<&csv::StringRecord> = records
            .iter()
            .filter(|r| &r[1] == one.org.as_str())
            .collect();
        assert!(
            mine.iter()
                .all(|r| r[0] == one.name && r[2] == one.state_label)
        );
        let failing: Vec<&str> = mine
            .iter()
            .filter(|r| &r[4] == "Fail")
            .map(|r| &r[3])
            .collect();
        let expected: Vec<&str> = one
            .report
            .as_ref()
            .unwrap()
            .checks
            .iter()
            .filter(|c| c.outcome == CheckOutcome::Fail)
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(failing, expected, "{}", one.name);
    }
    // JSON: the report itself.
    let json: serde_json::Value =
        serde_json::from_str(&engine::readiness::report_file::json(&report).unwrap()).unwrap();
    assert_eq!(json["orgs"].as_array().unwrap().len(), report.orgs.len());

    // Draft fixes for two chosen organizations: moving to Pro only once confirmed.
    let essentials = ids[&scale_org_name(0)].clone();
    let switched = ids[&scale_org_name(1)].clone();
    let chosen = [essentials.clone(), switched.clone()];
    let done = s
        .engine
        .readiness()
        .draft_fixes_for(&mut report, &chosen, false)
        .await;
    assert_eq!(done.len(), 2);
    assert!(done.iter().all(|d| d.problem.is_none()), "{done:?}");
    let drafted = |org: &OrgId| done.iter().find(|d| d.org == *org).unwrap().drafted.clone();
    assert!(
        drafted(&essentials).iter().all(|l| !l.contains("Pro")),
        "{:?}",
        drafted(&essentials)
    );
    assert!(
        drafted(&switched)
            .iter()
            .any(|l| l.starts_with("Switch 1 connection"))
    );
    let changes = s
        .engine
        .changes()
        .view(essentials.clone(), engine::snapshot::Freshness::Saved)
        .await
        .unwrap();
    assert!(
        changes
            .setup
            .iter()
            .all(|c| c.kind != domain::SetupKind::ProPackage)
    );
    let again = s
        .engine
        .readiness()
        .draft_fixes_for(&mut report, std::slice::from_ref(&essentials), true)
        .await;
    assert_eq!(again[0].drafted, ["Move to Pro…"]);
    let changes = s
        .engine
        .changes()
        .view(essentials, engine::snapshot::Freshness::Saved)
        .await
        .unwrap();
    assert!(
        changes
            .setup
            .iter()
            .any(|c| c.kind == domain::SetupKind::ProPackage)
    );
}
