//! Every request the app sends in a whole session, held against the methods as services.md
//! publishes them (`published.rs`): only published fields, in their types, and no `null`.

mod published;

use published::{AsRead, as_read, check, ringotel_methods, strays};

use crate::{setup, setup_with};
use domain::CheckId;
use engine::numbers::NumberKey;
use engine::readiness::Fix;
use engine::snapshot::Freshness;
use sandbox::{WireSwitch, WireVariant};
use serde_json::{Value, json};

#[tokio::test]
async fn every_request_of_the_whole_job_carries_only_published_fields_in_their_types() {
    let s = setup().await;
    let read = as_read(&s);
    let org = s.harbor_with_thinq().await;
    let engine = &s.engine;

    // New numbers: one with no opt-out, no auto-replies and no send-name; one with all three.
    let user = s.first_user(&org).await;
    let mut bare = crate::sync::input("8584376047", "Bare", vec![user.clone()]);
    bare.send_name = false;
    engine
        .numbers()
        .save(org.clone(), None, bare)
        .await
        .unwrap();
    let mut full = crate::sync::input("8584376051", "Full", vec![user.clone()]);
    full.opt_out_keyword = "STOP".into();
    full.opt_out_reply = "Bye".into();
    full.auto_replies = vec![domain::AutoReply {
        key: "*".into(),
        value: "Hi".into(),
    }];
    engine
        .numbers()
        .save(org.clone(), None, full)
        .await
        .unwrap();
    s.import_dids(&org, vec!["18584376052".into()], vec![user])
        .await;
    // An edit that clears an opt-out and auto-replies, and a delete.
    s.clear_opt_out(&org, "Harbor Front Desk").await;
    let view = engine
        .numbers()
        .view(org.clone(), Freshness::Live)
        .await
        .unwrap();
    let billing = view
        .rows
        .iter()
        .find(|r| r.name == "Harbor Billing")
        .unwrap()
        .key
        .clone();
    assert!(matches!(billing, NumberKey::Existing { .. }));
    engine.numbers().delete(org.clone(), billing).await.unwrap();
    let synced = engine
        .changes()
        .sync(org.clone(), None, |_| {})
        .await
        .unwrap();
    assert_eq!(synced.failed, 0, "{synced:#?}");
    let trunks = s
        .sandbox
        .with_world(|w| w.org(org.as_str()).unwrap().trunks.clone());
    let bare = trunks.iter().find(|t| t["name"] == "Bare").unwrap();
    assert!(bare.get("optout").is_none() && bare.get("autoreply").is_none());

    // Readiness and its fixes; a connection switched; a features order for DIDs whose routing
    // profile is unknown.
    s.draft_every_fix(&org).await;
    let detail = engine.organizations().detail(org.clone()).await.unwrap();
    let la_jolla = detail
        .connections
        .iter()
        .find(|c| c.name == "La Jolla Office")
        .unwrap();
    engine
        .organizations()
        .switch_connection_sms(org.clone(), la_jolla.id.clone())
        .await
        .unwrap();
    let fixed = engine
        .changes()
        .sync(org.clone(), None, |_| {})
        .await
        .unwrap();
    assert_eq!(fixed.failed, 0, "{fixed:#?}");
    let unknown = vec![crate::did("18584376053")];
    engine
        .readiness()
        .draft_fix(
            org.clone(),
            Fix::ThinqSmsOn {
                dids: unknown,
                url: None,
            },
            false,
        )
        .await
        .unwrap();
    assert_eq!(
        engine
            .changes()
            .sync(org.clone(), None, |_| {})
            .await
            .unwrap()
            .failed,
        0
    );

    // The billable package change and disabling the card.
    let cafe = s.org("Bluebird Café").await;
    engine
        .readiness()
        .draft_fix(cafe.clone(), Fix::MoveToPro, true)
        .await
        .unwrap();
    assert_eq!(
        engine
            .changes()
            .sync(cafe, None, |_| {})
            .await
            .unwrap()
            .failed,
        0
    );
    engine
        .integrations()
        .disable_thinq(org.clone())
        .await
        .unwrap();

    let seen = check(&s.sandbox.take_request_log(), &read);
    for method in [
        "getOrganizations",
        "getOrganization",
        "updateOrganization",
        "getBranches",
        "getBranch",
        "updateBranch",
        "getUsers",
        "getServices",
        "getSMSTrunks",
        "createSMSTrunk",
        "updateSMSTrunk",
        "deleteSMSTrunk",
        "form enable",
        "form disable",
        "GET /account/{n}/balance",
        "GET /origination/did/search2/did/{n}",
        "WRITE /account/{n}/origination/did/features/create",
        "WRITE /account/{n}/origination/did/features/complete/{n}",
        "GET /account/{n}/product/origination/sms/profile",
        "WRITE /account/{n}/product/origination/sms/profile",
        "WRITE /account/{n}/product/origination/sms/settings/outbound",
    ] {
        assert!(
            seen.contains(method),
            "{method} was not exercised: {seen:?}"
        );
    }
}

#[tokio::test]
async fn repointing_a_profile_and_orders_with_known_features_stay_published_too() {
    let s = setup_with(WireVariant::of(&[
        WireSwitch::DidDetails,
        WireSwitch::WebhookField,
    ]))
    .await;
    let read = as_read(&s);
    let org = s.harbor_with_thinq().await;
    let report = s
        .engine
        .readiness()
        .run(org.clone(), Freshness::Live, |_| {})
        .await
        .unwrap();
    let route = report
        .checks
        .iter()
        .find(|c| c.id == CheckId::InboundRouting)
        .unwrap();
    s.engine
        .readiness()
        .draft_fix(org.clone(), route.fix.clone().unwrap().fix, false)
        .await
        .unwrap();
    s.engine
        .changes()
        .sync(org.clone(), None, |_| {})
        .await
        .unwrap();
    let moved = "https://sms.sandbox.ringotel.test/thinq/moved";
    s.sandbox.with_world(|w| {
        w.org_mut(org.as_str()).unwrap().services[0].insert("webhook".into(), moved.into());
    });
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
    let seen = check(&s.sandbox.take_request_log(), &read);
    assert!(
        seen.contains("WRITE /account/{n}/product/origination/sms/profile/{n}"),
        "{seen:?}"
    );
}

#[test]
fn the_checker_itself_catches_a_null_a_wrong_type_and_an_unpublished_field() {
    let spec = &ringotel_methods()["createSMSTrunk"];
    let good = json!({"orgid": "1", "number": "18584376047", "name": "", "service": "ThinQ",
        "users": ["2"], "country": "US", "inboundFormat": "e164", "outboundFormat": "e164",
        "sessionTimeout": 0});
    assert!(strays(&good, spec, "", &AsRead::new()).is_empty());
    let mut bad = good.clone();
    bad["optout"] = Value::Null;
    bad["sessionTimeout"] = json!("0");
    bad["extra"] = json!(1);
    assert_eq!(strays(&bad, spec, "", &AsRead::new()).len(), 3);
}
