//! Diagnostics for the field: verdicts per assumption, notices on the tabs a contradiction
//! changes, and the shape report, which holds nothing the session used — no secret, name,
//! phone number or id.

use crate::{files_containing, save_demo_thinq, setup, setup_with};
use domain::{AssumptionId, NoticeArea, Verdict};
use engine::diagnostics::ReportFile;
use engine::snapshot::Freshness;
use sandbox::world::webhook_for;
use sandbox::{DEMO_API_KEY, WireSwitch, WireVariant, demo_thinq_accounts};

fn verdict(view: &engine::diagnostics::DiagnosticsView, id: AssumptionId) -> Verdict {
    view.assumptions
        .iter()
        .find(|a| a.id == id)
        .unwrap()
        .verdict
}

#[tokio::test]
async fn nothing_is_seen_before_a_call_and_what_the_answers_show_is_kept_across_restarts() {
    let s = setup().await;
    let fresh = s.engine.diagnostics().view().await.unwrap();
    assert!(
        fresh
            .assumptions
            .iter()
            .all(|a| a.verdict == Verdict::NotSeenYet)
    );
    assert_eq!(fresh.assumptions.len(), AssumptionId::ALL.len());
    assert!(fresh.is_sandbox);

    let org = s.org("Harbor Dental Group").await;
    save_demo_thinq(&s.engine, &org).await;
    s.engine
        .readiness()
        .run(org.clone(), Freshness::Live, |_| {})
        .await
        .unwrap();
    let seen = s.reopen().diagnostics().view().await;
    // A second engine reads what the first one wrote as its last action started.
    let seen = seen.unwrap();
    assert_eq!(
        verdict(&seen, AssumptionId::WebhookField),
        Verdict::Contradicted
    );
    assert_eq!(
        verdict(&seen, AssumptionId::OrganizationShape),
        Verdict::Confirmed
    );
    let now = s.engine.diagnostics().view().await.unwrap();
    let routing = now
        .assumptions
        .iter()
        .find(|a| a.id == AssumptionId::DidRouting)
        .unwrap();
    assert_eq!(routing.verdict, Verdict::Contradicted);
    assert_eq!(
        routing.seen.as_deref(),
        Some("rows carry no sms_routing_profile_id")
    );
    assert!(routing.fallback.contains("set from this app"));
    assert!(now.methods_seen >= 8, "{}", now.methods_seen);

    let overview = s
        .engine
        .diagnostics()
        .assumption_notices(NoticeArea::Overview)
        .await
        .unwrap();
    assert!(overview.iter().any(|n| n.id == AssumptionId::DidRouting));
    let integrations = s
        .engine
        .diagnostics()
        .assumption_notices(NoticeArea::Integrations)
        .await
        .unwrap();
    assert_eq!(
        integrations.iter().map(|n| n.id).collect::<Vec<_>>(),
        [AssumptionId::WebhookField]
    );
    assert!(
        s.engine
            .diagnostics()
            .assumption_notices(NoticeArea::Numbers)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn stickiness_in_minutes_is_noticed_on_the_numbers_tab() {
    let s = setup_with(WireVariant::of(&[WireSwitch::TimeoutMinutes])).await;
    let org = s.org("Harbor Dental Group").await;
    s.engine.organizations().detail(org).await.unwrap();
    let notices = s
        .engine
        .diagnostics()
        .assumption_notices(NoticeArea::Numbers)
        .await
        .unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].text.contains("minutes"));
}

#[tokio::test]
async fn the_shape_report_of_a_whole_session_holds_no_secret_name_number_or_id() {
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    let dids = s.engine.numbers().thinq_dids(org.clone()).await.unwrap();
    let free: Vec<String> = dids
        .dids
        .iter()
        .filter(|d| !d.taken)
        .take(2)
        .map(|d| d.number.clone())
        .collect();
    s.import_dids(&org, free, vec![s.first_user(&org).await])
        .await;
    s.draft_every_fix(&org).await;
    assert_eq!(
        s.engine
            .changes()
            .sync(org.clone(), None, |_| {})
            .await
            .unwrap()
            .failed,
        0
    );
    s.engine.organizations().list().await.unwrap();

    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("shapes.json");
    let saved = s
        .engine
        .diagnostics()
        .save_shape_report(&path)
        .await
        .unwrap();
    assert!(matches!(saved, ReportFile::Saved { .. }), "{saved:?}");
    let text = std::fs::read_to_string(&path).unwrap();
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        report["answers"]["ringotel"]["getSMSTrunks"]["shape"]["items"]["fields"]["sessionTimeout"]
            .is_object()
    );
    assert!(
        report["answers"]["thinq"]["GET /origination/did/search2/did/{account_id}"].is_object()
    );

    // Everything the session used that is not a field name or a type.
    let demo = demo_thinq_accounts()[0];
    let mut used: Vec<String> = vec![
        DEMO_API_KEY.into(),
        demo.token.into(),
        demo.username.into(),
        demo.account_id.into(),
        webhook_for(org.as_str()),
    ];
    s.sandbox.with_world(|w| {
        for o in &w.orgs {
            used.push(o.id().into());
            used.push(o.org["name"].as_str().unwrap_or_default().into());
            for object in o.users.iter().chain(&o.branches).chain(&o.trunks) {
                used.push(object["id"].as_str().unwrap_or_default().into());
                used.push(object["name"].as_str().unwrap_or_default().into());
            }
            for t in &o.trunks {
                let number = t["number"].as_str().unwrap_or_default().to_owned();
                used.push(number[1..].to_owned());
                used.push(number);
            }
        }
        for did in &w.thinq[0].dids {
            used.push(did.id.clone());
            used.push(did.id[1..].to_owned());
        }
        for profile in &w.thinq[0].routing_profiles {
            used.push(profile.id.to_string());
            used.push(profile.url.clone());
        }
    });
    used.retain(|u| !u.is_empty());
    assert!(used.len() > 100, "{}", used.len());
    for value in &used {
        assert!(
            !text.contains(value.as_str()),
            "the shape report holds {value:?}"
        );
        assert!(files_containing(out.path(), value).is_empty());
    }
}
