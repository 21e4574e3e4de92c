//! Import from thinQ: the account's DIDs with their SMS flag, added to the draft in one step.

use crate::{import_input, setup};
use engine::numbers::{ImportDidsOutcome, NumberStatus};
use engine::snapshot::Freshness;

#[tokio::test]
async fn the_accounts_dids_are_listed_then_added_as_drafted_numbers_in_one_step() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    s.engine.organizations().detail(org.clone()).await.unwrap();
    let before = s
        .engine
        .numbers()
        .thinq_dids(org.clone())
        .await
        .unwrap_err();
    let problem = engine::Problem::from(before);
    assert!(
        problem
            .next_step
            .as_deref()
            .is_some_and(|step| step.contains("Integrations tab")),
        "{problem:?}"
    );
    assert!(
        !problem.retry,
        "saving the settings comes first: {problem:?}"
    );

    crate::save_demo_thinq(&s.engine, &org).await;
    let dids = s.engine.numbers().thinq_dids(org.clone()).await.unwrap();
    assert_eq!(dids.dids.len(), 24);
    assert!(dids.dids.iter().any(|d| d.sms == Some(false)));
    let taken: Vec<_> = dids.dids.iter().filter(|d| d.taken).collect();
    assert!(!taken.is_empty(), "Harbor's front desk is one of its DIDs");

    let editor = s.engine.numbers().editor(org.clone(), None).await.unwrap();
    let user = editor.connections[0].users[0].id.to_string();
    let all: Vec<String> = dids.dids.iter().map(|d| d.number.clone()).collect();
    let bad = s
        .engine
        .numbers()
        .import_dids(org.clone(), import_input(all.clone(), vec!["1".into()]))
        .await
        .unwrap();
    assert!(
        matches!(bad, ImportDidsOutcome::Invalid { ref problems } if problems[0].field == domain::FieldKey::Users),
        "{bad:?}"
    );
    let outcome = s
        .engine
        .numbers()
        .import_dids(org.clone(), import_input(all.clone(), vec![user.clone()]))
        .await
        .unwrap();
    let ImportDidsOutcome::Imported {
        added,
        skipped,
        view,
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert_eq!(added as usize + skipped.len(), 24);
    assert_eq!(skipped.len(), taken.len());
    assert_eq!(view.drafted, added);
    assert_eq!(
        view.rows
            .iter()
            .filter(|r| r.status == NumberStatus::New)
            .count(),
        added as usize
    );

    let again = s
        .engine
        .numbers()
        .import_dids(org.clone(), import_input(all, vec![user]))
        .await
        .unwrap();
    assert!(
        matches!(again, ImportDidsOutcome::Imported { added: 0, ref skipped, .. } if skipped.len() == 24),
        "a second import adds nothing"
    );
    let now = s
        .engine
        .numbers()
        .view(org, Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(now.drafted, added);
}
