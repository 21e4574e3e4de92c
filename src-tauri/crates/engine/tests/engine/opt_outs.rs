//! Opt-out lists against the sandbox: Harbor's front desk list read, a customer added and one
//! removed through the draft, Changes, Sync and the journal; a lost answer settled by reading
//! the list back; an inbound STOP seen on the next read; another answer shape still read.

use crate::{setup, setup_with};
use domain::{FieldKey, JournalState, SetupKind};
use engine::EngineError;
use engine::opt_outs::{OptOutStatus, OptOutView};
use engine::snapshot::Freshness;
use sandbox::{Fault, FaultRule, Service, WireSwitch, WireVariant};

const FRONT_DESK: &str = "18584376048";

fn customers(view: &OptOutView) -> Vec<(&str, OptOutStatus)> {
    view.rows
        .iter()
        .map(|r| (r.customer.as_str(), r.status))
        .collect()
}

fn listed_in_sandbox(s: &crate::Setup) -> Vec<String> {
    s.sandbox.with_world(|w| {
        w.orgs[0]
            .optouts
            .iter()
            .filter(|o| o.number == FRONT_DESK)
            .map(|o| o.customer.clone())
            .collect()
    })
}

#[tokio::test]
async fn an_add_and_a_removal_go_through_the_draft_changes_sync_and_the_journal() {
    let s = setup().await;
    let org = s.fetched("Harbor Dental Group").await;
    let opt_outs = s.engine.opt_outs();
    let view = opt_outs
        .view(org.clone(), "(858) 437-6048".into(), Freshness::Live)
        .await
        .unwrap();
    assert_eq!(view.name, "Harbor Front Desk");
    use OptOutStatus::{DraftAdd, DraftRemove, Listed};
    assert_eq!(
        customers(&view),
        [("16195550188", Listed), ("17605550123", Listed)]
    );
    assert_eq!(view.rows[0].keyword.as_deref(), Some("STOP"));
    assert_eq!(view.rows[0].formatted, "+1 619-555-0188");

    // Bad input is named, and nothing is drafted.
    for (typed, says) in [
        ("12", "Customer number"),
        ("(619) 555-0188", "already on the opt-out list"),
        ("858-437-6048", "the SMS number itself"),
    ] {
        let refused = opt_outs
            .draft_add(org.clone(), FRONT_DESK.into(), typed.into())
            .await
            .unwrap_err();
        let EngineError::Invalid(problems) = &refused else {
            panic!("{refused:?}");
        };
        assert_eq!(problems[0].field, FieldKey::Customer);
        assert!(
            problems[0].message.contains(says) || says == "Customer number",
            "{typed}: {}",
            problems[0].message
        );
    }
    let refused = opt_outs
        .view(org.clone(), "(858) 437-6099".into(), Freshness::Saved)
        .await
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("is not an SMS number of Harbor Dental Group")
    );

    let added = opt_outs
        .draft_add(org.clone(), FRONT_DESK.into(), "(619) 555-0111".into())
        .await
        .unwrap();
    assert_eq!(customers(&added).last(), Some(&("16195550111", DraftAdd)));
    let removed = opt_outs
        .draft_remove(org.clone(), FRONT_DESK.into(), "17605550123".into())
        .await
        .unwrap();
    assert_eq!(removed.rows[1].status, DraftRemove);
    // A removal of a drafted add drops the add: nothing is left to send for it.
    opt_outs
        .draft_add(org.clone(), FRONT_DESK.into(), "16195550122".into())
        .await
        .unwrap();
    let undone = opt_outs
        .draft_remove(org.clone(), FRONT_DESK.into(), "16195550122".into())
        .await
        .unwrap();
    assert!(undone.rows.iter().all(|r| r.customer != "16195550122"));

    let changes = s
        .engine
        .changes()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    let kinds: Vec<SetupKind> = changes.setup.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [SetupKind::OptOutAdd, SetupKind::OptOutRemove]);
    assert_eq!(
        changes.setup[0].description,
        "Stop texts from +1 858-437-6048 to +1 619-555-0111 (add to its opt-out list)"
    );

    let sync = s.sync(&org).await;
    assert_eq!(sync.failed, 0, "{:#?}", sync.setup);
    let mut now = listed_in_sandbox(&s);
    now.sort();
    assert_eq!(now, ["16195550111", "16195550188"]);
    // The list the panel shows next (not read again on purpose) is the one Sync left.
    let after = opt_outs
        .view(org.clone(), FRONT_DESK.into(), Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(
        customers(&after),
        [("16195550188", Listed), ("16195550111", Listed)]
    );
    let history = s.engine.history().view(org).await.unwrap();
    let kept: Vec<(&str, JournalState)> = history
        .setup
        .iter()
        .map(|h| (h.kind_label.as_str(), h.state))
        .collect();
    assert_eq!(
        kept,
        [
            ("Ringotel · Opt-out: remove", JournalState::Done),
            ("Ringotel · Opt-out: add", JournalState::Done)
        ]
    );
}

#[tokio::test]
async fn a_customer_listed_with_ten_digits_reads_as_the_same_number_and_can_be_removed() {
    let s = setup().await;
    let org = s.fetched("Harbor Dental Group").await;
    s.sandbox.with_world(|w| {
        w.orgs[0].optouts.push(sandbox::world::OptOut {
            number: FRONT_DESK.into(),
            customer: "6195550199".into(),
            keyword: Some("STOP".into()),
            created: 1_704_000_000_000,
        })
    });
    let opt_outs = s.engine.opt_outs();
    let view = opt_outs
        .view(org.clone(), FRONT_DESK.into(), Freshness::Live)
        .await
        .unwrap();
    let row = view.rows.last().unwrap();
    assert_eq!(
        (row.customer.as_str(), row.formatted.as_str()),
        ("16195550199", "+1 619-555-0199")
    );
    // Typed any way, it is the one on the list: adding says so, removing drafts it.
    let refused = opt_outs
        .draft_add(org.clone(), FRONT_DESK.into(), "619-555-0199".into())
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("already on the opt-out list"),
        "{refused}"
    );
    let removed = opt_outs
        .draft_remove(org, FRONT_DESK.into(), row.customer.clone())
        .await
        .unwrap();
    assert_eq!(
        removed.rows.last().unwrap().status,
        OptOutStatus::DraftRemove
    );
}

#[tokio::test]
async fn a_lost_answer_is_settled_by_reading_the_list_back() {
    let s = setup().await;
    let org = s.fetched("Harbor Dental Group").await;
    let opt_outs = s.engine.opt_outs();
    opt_outs
        .view(org.clone(), FRONT_DESK.into(), Freshness::Live)
        .await
        .unwrap();
    opt_outs
        .draft_add(org.clone(), FRONT_DESK.into(), "+1 619 555 0133".into())
        .await
        .unwrap();
    s.sandbox.add_fault_rule(FaultRule {
        service: Service::Ringotel,
        method: Some("addToOptout".into()),
        rate: 1.0,
        faults: vec![Fault::DropResponse],
    });
    let sync = s.sync(&org).await;
    s.sandbox.clear_faults();
    assert_eq!(sync.failed, 0, "{:#?}", sync.setup);
    assert!(listed_in_sandbox(&s).contains(&"16195550133".to_owned()));
    // Listed once, however often the lost add was sent again (adding is safe to repeat); the
    // read-back, not the lost answer, said it holds.
    let adds = s.sandbox.with_world(|w| {
        w.orgs[0]
            .optouts
            .iter()
            .filter(|o| o.customer == "16195550133")
            .count()
    });
    assert_eq!(adds, 1);
}

#[tokio::test]
async fn an_inbound_stop_shows_on_the_next_read_and_another_list_shape_is_still_read() {
    let s = setup_with(WireVariant::of(&[WireSwitch::OptOutBare])).await;
    let org = s.fetched("Harbor Dental Group").await;
    let opted = s
        .sandbox
        .with_world(|w| w.inbound_sms("+16195550144", FRONT_DESK, "Stop", 1_704_000_000_000));
    assert!(opted);
    let view = s
        .engine
        .opt_outs()
        .view(org, FRONT_DESK.into(), Freshness::Live)
        .await
        .unwrap();
    let listed: Vec<&str> = view.rows.iter().map(|r| r.customer.as_str()).collect();
    assert_eq!(listed, ["16195550188", "17605550123", "16195550144"]);
    assert!(
        view.rows.iter().all(|r| r.keyword.is_none()),
        "this shape names no keyword"
    );
}
