//! A live test message against the sandbox's simulated phone: every leg passing, and each leg
//! failing as the phone is set to make it fail (a reply that never comes included), with what
//! to check next; bad input refused before anything is sent; Cancel; History keeps each.

use crate::Setup;
use domain::FieldKey;
use engine::test_message::{Leg, LegState, TestMessageInput, TestMessageView};
use engine::{Cancel, Engine, EngineError, NetworkSettings};
use sandbox::world::Phone;
use std::time::Duration;

const FRONT_DESK: &str = "(858) 437-6048";
const MOBILE: &str = "619-555-0100";

/// The engine polling quickly and waiting briefly for the delivery report.
fn quick(s: &Setup) -> Engine {
    s.engine
        .clone()
        .with_network(NetworkSettings {
            poll_interval: Duration::from_millis(20),
            delivery_wait: Duration::from_millis(400),
            ..NetworkSettings::default()
        })
        .unwrap()
}

fn input(from: &str, to: &str, wait: u32) -> TestMessageInput {
    TestMessageInput {
        from: from.into(),
        to: to.into(),
        wait_reply_secs: wait,
    }
}

fn states(view: &TestMessageView) -> Vec<(Leg, LegState)> {
    view.legs.iter().map(|l| (l.leg, l.state)).collect()
}

async fn run_with(phone: Phone, wait: u32) -> (Setup, TestMessageView) {
    let s = crate::setup().await;
    let org = s.harbor_with_thinq().await;
    s.sandbox.with_world(|w| w.phone = phone);
    let view = quick(&s)
        .test_messages()
        .run(org, input(FRONT_DESK, MOBILE, wait), &Cancel::new(), |_| {})
        .await
        .unwrap();
    (s, view)
}

use Leg::{Delivered, Reply, Sent};
use LegState::{Cancelled, Failed, NotReached, Passed};

#[tokio::test]
async fn the_phone_replies_and_every_leg_passes_then_history_keeps_it() {
    let (s, view) = run_with(Phone::Replies, 30).await;
    assert_eq!(
        states(&view),
        [(Sent, Passed), (Delivered, Passed), (Reply, Passed)]
    );
    assert!(view.passed && view.finished);
    assert_eq!(view.reports, ["DELIVRD"]);
    let sent = s.sandbox.with_world(|w| w.texts.clone());
    assert_eq!(sent.len(), 1);
    assert_eq!(
        (sent[0].from.as_str(), sent[0].to.as_str()),
        ("18584376048", "16195550100")
    );
    assert!(sent[0].message.contains("Harbor Dental Group"));

    let org = s.org("Harbor Dental Group").await;
    let history = s.engine.test_messages().history(org).await.unwrap();
    assert_eq!(history.tests.len(), 1);
    assert_eq!(history.last_verified, view.finished_at);
    assert_eq!(history.tests[0].legs, view.legs);
}

#[tokio::test]
async fn a_reply_that_never_comes_fails_its_leg_and_says_to_check_inbound_routing() {
    // The same phone replied to an earlier test: that reply is not taken for this one's.
    let (s, first) = run_with(Phone::Replies, 30).await;
    assert!(first.passed);
    s.sandbox.with_world(|w| w.phone = Phone::Silent);
    let org = s.org("Harbor Dental Group").await;
    let view = quick(&s)
        .test_messages()
        .run(
            org.clone(),
            input(FRONT_DESK, MOBILE, 1),
            &Cancel::new(),
            |_| {},
        )
        .await
        .unwrap();
    assert_eq!(
        states(&view),
        [(Sent, Passed), (Delivered, Passed), (Reply, Failed)]
    );
    assert!(!view.passed);
    let reply = &view.legs[2];
    assert!(
        reply
            .detail
            .as_deref()
            .unwrap()
            .contains("no reply reached Ringotel in 1 s")
    );
    assert!(
        reply
            .check_next
            .as_deref()
            .unwrap()
            .contains("inbound routing")
    );
    let history = s.engine.test_messages().history(org).await.unwrap();
    assert_eq!(history.tests.len(), 2);
    assert!(!history.tests[0].passed, "newest first");
    assert_eq!(
        history.last_verified, first.finished_at,
        "the failed test verifies nothing"
    );
}

#[tokio::test]
async fn no_delivery_report_and_an_undelivered_text_fail_the_delivery_leg_with_the_campaign_to_check()
 {
    let (_, view) = run_with(Phone::NoReport, 30).await;
    assert_eq!(
        states(&view),
        [(Sent, Passed), (Delivered, Failed), (Reply, NotReached)]
    );
    let delivered = &view.legs[1];
    assert!(
        delivered
            .detail
            .as_deref()
            .unwrap()
            .contains("no delivery report")
    );
    assert!(
        delivered
            .check_next
            .as_deref()
            .unwrap()
            .contains("messaging campaign")
    );

    let (_, view) = run_with(Phone::Undelivered, 30).await;
    assert_eq!(states(&view)[1], (Delivered, Failed));
    assert!(view.legs[1].detail.as_deref().unwrap().contains("UNDELIV"));
}

#[tokio::test]
async fn a_refused_send_fails_the_first_leg_and_names_the_token_and_source_address() {
    let (_, view) = run_with(Phone::Refused, 30).await;
    assert_eq!(
        states(&view),
        [(Sent, Failed), (Delivered, NotReached), (Reply, NotReached)]
    );
    assert!(
        view.legs[0]
            .check_next
            .as_deref()
            .unwrap()
            .contains("source addresses")
    );
}

#[tokio::test]
async fn bad_input_is_refused_before_anything_is_sent_and_cancel_stops_the_wait() {
    let s = crate::setup().await;
    let org = s.harbor_with_thinq().await;
    let engine = quick(&s);
    for (from, to, field) in [
        ("(858) 437-6099", MOBILE, FieldKey::Number),
        (FRONT_DESK, "12", FieldKey::Customer),
        (FRONT_DESK, "+44 20 7946 0958", FieldKey::Customer),
        (FRONT_DESK, "858-437-6050", FieldKey::Customer),
    ] {
        let refused = engine
            .test_messages()
            .run(org.clone(), input(from, to, 30), &Cancel::new(), |_| {})
            .await
            .unwrap_err();
        let EngineError::Invalid(problems) = &refused else {
            panic!("{refused:?}");
        };
        assert_eq!(
            problems[0].field, field,
            "{from} → {to}: {}",
            problems[0].message
        );
    }
    assert!(
        s.sandbox.with_world(|w| w.texts.is_empty()),
        "nothing was sent"
    );

    // Cancel while the reply is awaited: that leg says so.
    s.sandbox.with_world(|w| w.phone = Phone::Silent);
    let cancel = Cancel::new();
    let view = engine
        .test_messages()
        .run(org, input(FRONT_DESK, MOBILE, 600), &cancel, |v| {
            if v.legs[2].state == LegState::Running {
                cancel.cancel();
            }
        })
        .await
        .unwrap();
    assert_eq!(states(&view)[2], (Reply, Cancelled));
}
