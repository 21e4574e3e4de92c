//! The whole job — thinQ enabled, numbers imported from thinQ and added by hand, an edit,
//! readiness and its fixes, sync — against the sandbox's strict published reading and against
//! each open question answered the other way. Every variant ends with nothing left to do and
//! every check passing (or Unknown, saying why), and the diagnostics name what was seen.

use crate::setup_with;
use crate::sync::input;
use domain::{AssumptionId, CheckOutcome, Verdict};
use engine::numbers::{ImportDidsOutcome, SaveNumberOutcome};
use engine::snapshot::Freshness;
use sandbox::{WireSwitch, WireVariant};
use std::collections::HashMap;

/// What the diagnostics must show once the job is done: what the variant's switches answer,
/// and what every variant confirms.
fn expected(wire: &WireVariant) -> Vec<(AssumptionId, Verdict)> {
    use AssumptionId as A;
    let always = [
        A::DidSmsFlag,
        A::IntegrationForm,
        A::OptOutObject,
        A::ThinqServiceId,
    ];
    wire.shows()
        .into_iter()
        .chain(always.map(|id| (id, true)))
        .map(|(id, held)| {
            (
                id,
                if held {
                    Verdict::Confirmed
                } else {
                    Verdict::Contradicted
                },
            )
        })
        .collect()
}

async fn the_whole_job(switch: Option<WireSwitch>) {
    let wire = switch.map_or_else(WireVariant::default, |s| WireVariant::default().with(s));
    let s = setup_with(wire).await;
    let org = s.harbor_with_thinq().await;

    // Three of the account's free DIDs, imported with one user; one more typed in the editor.
    let dids = s.engine.numbers().thinq_dids(org.clone()).await.unwrap();
    assert_eq!(dids.dids.len(), 24, "every DID, whatever the paging");
    let free: Vec<String> = dids
        .dids
        .iter()
        .filter(|d| !d.taken)
        .map(|d| d.number.clone())
        .collect();
    let user = s.first_user(&org).await;
    let imported = s
        .import_dids(&org, free[..3].to_vec(), vec![user.clone()])
        .await;
    assert!(matches!(
        imported,
        ImportDidsOutcome::Imported { added: 3, .. }
    ));
    let typed = &free[3][1..];
    let saved = s
        .engine
        .numbers()
        .save(org.clone(), None, input(typed, "Typed in", vec![user]))
        .await
        .unwrap();
    assert!(
        matches!(saved, SaveNumberOutcome::Saved { .. }),
        "{saved:?}"
    );
    // An edit that clears the front desk's opt-out and auto-replies.
    s.clear_opt_out(&org, "Harbor Front Desk").await;
    let first = s.sync(&org).await;
    assert_eq!(first.failed, 0, "{first:#?}");

    // Readiness, every non-billable fix, sync, and readiness again.
    s.draft_every_fix(&org).await;
    let fixed = s.sync(&org).await;
    assert_eq!(fixed.failed, 0, "{fixed:#?}");
    if !wire.did_details {
        // The DIDs' other features were not read, so the orders left them out and say so.
        assert!(
            fixed.setup.iter().any(|o| o
                .detail
                .as_deref()
                .is_some_and(|d| d.contains("CNAM and E911"))),
            "{:#?}",
            fixed.setup
        );
    }
    let after = s
        .engine
        .readiness()
        .run(org.clone(), Freshness::Live, |_| {})
        .await
        .unwrap();
    for c in &after.checks {
        assert_eq!(c.outcome, CheckOutcome::Pass, "{switch:?}: {c:#?}");
    }
    let left = s
        .engine
        .changes()
        .view(org.clone(), Freshness::Live)
        .await
        .unwrap();
    assert!(
        left.items.is_empty() && left.setup.is_empty(),
        "nothing left to do"
    );
    let numbers = crate::sync::server_numbers(&s.sandbox, &org);
    assert_eq!(numbers.len(), 6);
    assert!(numbers.values().all(|n| *n == 1), "no number twice");
    // The front desk's opt-out list, in whatever shape it comes: its customers are listed.
    let opted_out = s
        .engine
        .opt_outs()
        .view(org.clone(), "18584376048".into(), Freshness::Live)
        .await
        .unwrap();
    assert_eq!(opted_out.rows.len(), 2, "{switch:?}: {opted_out:#?}");

    let diagnostics = s.engine.diagnostics().view().await.unwrap();
    let seen: HashMap<AssumptionId, Verdict> = diagnostics
        .assumptions
        .iter()
        .map(|a| (a.id, a.verdict))
        .collect();
    for (id, verdict) in expected(&wire) {
        assert_eq!(seen[&id], verdict, "{switch:?}: {id:?}");
    }
}

#[tokio::test]
async fn the_whole_job_on_the_published_shapes() {
    the_whole_job(None).await;
}

/// Every switch, so a new one cannot be added without the job being tried against it.
#[tokio::test(flavor = "multi_thread")]
async fn the_whole_job_under_each_open_question_answered_the_other_way() {
    let runs = WireSwitch::ALL.map(|switch| tokio::spawn(the_whole_job(Some(switch))));
    for (switch, run) in WireSwitch::ALL.into_iter().zip(runs) {
        if let Err(failure) = run.await {
            panic!("under {}: {failure}", switch.name());
        }
    }
}
