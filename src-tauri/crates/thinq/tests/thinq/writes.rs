//! The thinQ writes against the sandbox: every DID across pages, feature orders that keep the
//! other features, routing profiles, the delivery-confirmation URL, and their error shapes.

use super::client;
use sandbox::{Fault, Sandbox, Service, WireSwitch, WireVariant, demo_thinq_accounts};
use thinq::{OrderLine, ThinqClient, ThinqError};

fn harbor(sandbox: &Sandbox) -> ThinqClient {
    let demo = demo_thinq_accounts()[0];
    client(sandbox, demo.account_id, demo.username, demo.token)
}

#[tokio::test]
async fn every_did_is_read_across_pages_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut seen = Vec::new();
    let all = harbor(&sandbox)
        .all_dids(5, 3, |so_far, total| seen.push((so_far, total)))
        .await
        .unwrap();
    assert_eq!(all.len(), 24);
    let mut ids: Vec<_> = all.iter().map(|d| d.id.clone()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 24, "no DID twice");
    assert_eq!(seen.len(), 5, "five pages of five");
    assert_eq!(seen.last(), Some(&(24, 24)));
}

#[tokio::test]
async fn a_list_paged_by_thinqs_own_size_with_numeric_ids_is_still_read_whole() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_wire(WireVariant::of(&[
        WireSwitch::PageSizeFixed,
        WireSwitch::DidIdsNumbers,
    ]));
    let all = harbor(&sandbox).all_dids(100, 3, |_, _| {}).await.unwrap();
    assert_eq!(
        all.len(),
        24,
        "100 asked, 25 a page given: every DID still read"
    );
    let mut ids: Vec<_> = all.iter().map(|d| d.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 24);
    assert!(ids.iter().all(|id| id.as_str().len() == 11));
    sandbox.set_wire(WireVariant::of(&[WireSwitch::PageSizeFixed]));
    let seeded: Vec<String> =
        sandbox.with_world(|w| w.thinq[2].dids.iter().map(|d| d.id.clone()).collect());
    let summit = demo_summit(&sandbox)
        .all_dids(100, 4, |_, _| {})
        .await
        .unwrap();
    // Pages are asked for four at a time and may come back in any order; the list keeps
    // thinQ's.
    let read: Vec<String> = summit.iter().map(|d| d.id.as_str().to_owned()).collect();
    assert_eq!(read, seeded, "many pages of thinQ's size, in thinQ's order");
}

fn demo_summit(sandbox: &Sandbox) -> ThinqClient {
    let summit = sandbox::summit_thinq_account();
    client(sandbox, summit.account_id, summit.username, summit.token)
}

#[tokio::test]
async fn on_published_rows_an_order_names_only_sms_and_the_rest_stays() {
    let sandbox = Sandbox::start().await.unwrap();
    let thinq = harbor(&sandbox);
    let all = thinq.all_dids(100, 4, |_, _| {}).await.unwrap();
    let off = all.iter().find(|d| d.sms_enabled() == Some(false)).unwrap();
    assert_eq!(off.routing_profile(), None, "the row does not say");
    let line = OrderLine::new(off, Some(true), None);
    assert_eq!(
        (line.cnam, line.e911, line.routing_profile_id),
        (None, None, None)
    );
    let before = sandbox.with_world(|w| {
        w.thinq[0]
            .dids
            .iter()
            .find(|d| d.id == off.id.as_str())
            .cloned()
    });
    thinq.order_features(&[line]).await.unwrap();
    let now = sandbox.with_world(|w| {
        w.thinq[0]
            .dids
            .iter()
            .find(|d| d.id == off.id.as_str())
            .cloned()
    });
    let (before, now) = (before.unwrap(), now.unwrap());
    assert!(now.sms);
    assert_eq!(
        (now.cnam, now.e911, now.routing_profile_id),
        (before.cnam, before.e911, before.routing_profile_id)
    );
}

#[tokio::test]
async fn where_thinq_resets_what_an_order_leaves_out_the_unread_features_go_off() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_wire(WireVariant::of(&[WireSwitch::OrderReplaces]));
    let thinq = harbor(&sandbox);
    let all = thinq.all_dids(100, 4, |_, _| {}).await.unwrap();
    let with_e911 = sandbox.with_world(|w| {
        w.thinq[0]
            .dids
            .iter()
            .find(|d| d.e911 && !d.sms)
            .map(|d| d.id.clone())
    });
    let Some(id) = with_e911 else {
        panic!("the demo has a DID with E911 and SMS off")
    };
    let row = all.iter().find(|d| d.id.as_str() == id).unwrap();
    let line = OrderLine::new(row, Some(true), None);
    assert!(
        line.leaves_features_out(),
        "E911 was not read, so the line says so"
    );
    thinq.order_features(&[line]).await.unwrap();
    let now = sandbox.with_world(|w| w.thinq[0].dids.iter().find(|d| d.id == id).cloned());
    assert!(!now.unwrap().e911, "the risk the sync result warns of");
}

#[tokio::test]
async fn an_sms_order_turns_sms_on_and_keeps_the_other_features_and_the_profile() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_wire(WireVariant::of(&[WireSwitch::DidDetails]));
    let thinq = harbor(&sandbox);
    let all = thinq.all_dids(100, 4, |_, _| {}).await.unwrap();
    let off: Vec<_> = all
        .iter()
        .filter(|d| d.sms_enabled() == Some(false))
        .collect();
    assert!(!off.is_empty(), "the demo has DIDs with SMS off");
    let lines: Vec<OrderLine> = off
        .iter()
        .map(|d| OrderLine::new(d, Some(true), None))
        .collect();
    thinq.order_features(&lines).await.unwrap();
    let after = thinq.all_dids(100, 4, |_, _| {}).await.unwrap();
    for before in off {
        let now = after.iter().find(|d| d.id == before.id).unwrap();
        assert_eq!(now.sms_enabled(), Some(true), "{}", now.id);
        for feature in ["cnam", "e911"] {
            assert_eq!(now.other_feature(feature), before.other_feature(feature));
        }
        assert_eq!(now.routing_profile(), before.routing_profile());
    }
}

#[tokio::test]
async fn an_order_create_is_sent_once_even_when_it_fails() {
    let sandbox = Sandbox::start().await.unwrap();
    let thinq = harbor(&sandbox);
    let row = thinq.search_dids(1, 1).await.unwrap().rows.remove(0);
    let _ = sandbox.take_request_log();
    sandbox.inject(Service::Thinq, Fault::Status(503));
    let err = thinq
        .order_features(&[OrderLine::new(&row, Some(true), None)])
        .await
        .unwrap_err();
    assert!(err.is_transient(), "{err:?}");
    assert_eq!(sandbox.take_request_log().len(), 1, "no blind second order");
}

#[tokio::test]
async fn routing_profiles_are_listed_created_and_repointed() {
    let sandbox = Sandbox::start().await.unwrap();
    let thinq = harbor(&sandbox);
    let before = thinq.routing_profiles().await.unwrap();
    let made = thinq
        .create_routing_profile("Ringotel", "https://hooks.example/ringotel")
        .await
        .unwrap();
    assert_eq!(made.url, "https://hooks.example/ringotel");
    let moved = thinq
        .update_routing_profile(&made.id, "Ringotel", "https://hooks.example/v2")
        .await
        .unwrap();
    assert_eq!(moved.url, "https://hooks.example/v2");
    let after = thinq.routing_profiles().await.unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert!(
        after
            .iter()
            .any(|p| p.id == made.id && p.url.ends_with("/v2"))
    );
}

#[tokio::test]
async fn a_profile_id_that_is_not_digits_never_reaches_a_url() {
    let sandbox = Sandbox::start().await.unwrap();
    let thinq = harbor(&sandbox);
    for id in [
        "../../balance",
        "12/34",
        "12?x=1",
        "",
        "123456789012345678901",
        "１２",
    ] {
        let err = thinq
            .update_routing_profile(id, "Ringotel", "https://hooks.example/v2")
            .await
            .unwrap_err();
        assert!(
            matches!(err, ThinqError::Malformed { .. }),
            "{id:?}: {err:?}"
        );
    }
    assert!(
        sandbox.take_request_log().is_empty(),
        "nothing was sent for an id that is not digits"
    );
}

#[tokio::test]
async fn a_refused_write_carries_thinqs_own_words() {
    let sandbox = Sandbox::start().await.unwrap();
    let err = harbor(&sandbox)
        .create_routing_profile("Plain", "http://insecure.example/hook")
        .await
        .unwrap_err();
    assert!(
        matches!(err, ThinqError::Http { status: 400, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.server_message().map(|m| m.contains("https")),
        Some(true),
        "{err:?}"
    );
    let other = demo_thinq_accounts()[1];
    let mine = demo_thinq_accounts()[0];
    let wrong = client(&sandbox, other.account_id, mine.username, mine.token)
        .set_delivery_confirmation_url("https://hooks.example/dlr")
        .await
        .unwrap_err();
    assert!(
        matches!(wrong, ThinqError::AccountRefused { status: 403, .. }),
        "{wrong:?}"
    );
}

#[tokio::test]
async fn the_delivery_confirmation_url_is_set() {
    let sandbox = Sandbox::start().await.unwrap();
    harbor(&sandbox)
        .set_delivery_confirmation_url("https://hooks.example/dlr")
        .await
        .unwrap();
    let account = demo_thinq_accounts()[0].account_id;
    let stored = sandbox.with_world(|w| {
        w.thinq_account(account)
            .and_then(|a| a.delivery_confirmation_url.clone())
    });
    assert_eq!(stored.as_deref(), Some("https://hooks.example/dlr"));
}
