//! Every request the app sends, held against the methods as services.md publishes them. The
//! table below is written from services.md, not from the sandbox: each method's fields and
//! their JSON types; `?` marks a field an example may leave out; `...` lets an update send back
//! a field of the object exactly as the service gave it (read-modify-write). No `null` anywhere.

use crate::{Setup, save_demo_thinq, setup, setup_with};
use domain::{CheckId, RingotelId};
use engine::numbers::{ImportDidsInput, NumberKey};
use engine::readiness::Fix;
use engine::snapshot::Freshness;
use sandbox::world::webhook_for;
use sandbox::{LoggedRequest, Service, WireSwitch, WireVariant};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The Admin API methods, by name: the fields of `params`.
fn ringotel_methods() -> HashMap<&'static str, Value> {
    let trunk = json!({
        "orgid": "digits", "number": "digits", "name": "string", "service": "string",
        "users": ["digits"], "country": "string", "inboundFormat": "string",
        "outboundFormat": "string", "sessionTimeout": "integer", "sendName?": "bool",
        "autoreply?": [{"key": "string", "value": "string"}],
        "optout?": {"keyword": "string", "autoreply": "string"},
    });
    let mut update = trunk.clone();
    update["id"] = json!("digits");
    update["..."] = json!("echo");
    HashMap::from([
        ("getOrganizations", json!({})),
        ("getOrganization", json!({"id": "digits"})),
        (
            "updateOrganization",
            json!({"id": "digits", "packageid?": "integer", "name?": "string", "...": "echo"}),
        ),
        ("getPackages", json!({})),
        ("getBranches", json!({"orgid": "digits"})),
        ("getBranch", json!({"id": "digits", "orgid": "digits"})),
        (
            "updateBranch",
            json!({"id": "digits", "orgid": "digits", "name?": "string", "country?": "string",
                "provision?": {"sms?": "integer", "...": "echo"}, "...": "echo"}),
        ),
        (
            "getUsers",
            json!({"orgid": "digits", "branchid?": "digits"}),
        ),
        ("getServices", json!({"orgid": "digits"})),
        ("getSMSTrunks", json!({"orgid": "digits"})),
        ("createSMSTrunk", trunk),
        ("updateSMSTrunk", update),
        ("deleteSMSTrunk", json!({"id": "digits", "orgid": "digits"})),
    ])
}

/// The integration form's query keys when enabling, and when disabling.
const FORM_ENABLE: [&str; 6] = [
    "serviceid",
    "state",
    "profileid",
    "Account ID",
    "Username",
    "Token",
];
const FORM_DISABLE: [&str; 3] = ["serviceid", "state", "profileid"];

/// The thinQ paths (digits of account, order and profile ids as `{n}`): the body a request
/// may carry (`null`: none) and its query keys.
fn thinq_paths() -> HashMap<&'static str, (Vec<Value>, Vec<&'static str>)> {
    let profile = json!({"sms_routing_profile": {"name": "string", "url": "string", "attachment_type": "string"}});
    HashMap::from([
        ("/account/{n}/balance", (vec![Value::Null], vec![])),
        (
            "/origination/did/search2/did/{n}",
            (vec![Value::Null], vec!["page", "rows"]),
        ),
        (
            "/account/{n}/origination/did/features/create",
            (
                vec![
                    json!({"order": {"tns": [{"did": "integer", "sms_routing_profile_id?": "integer",
                    "features": {"cnam?": "bool", "e911?": "bool", "sms": "bool"}}]}}),
                ],
                vec![],
            ),
        ),
        (
            "/account/{n}/origination/did/features/complete/{n}",
            (vec![json!({})], vec![]),
        ),
        (
            "/account/{n}/product/origination/sms/profile",
            (vec![Value::Null, profile.clone()], vec![]),
        ),
        (
            "/account/{n}/product/origination/sms/profile/{n}",
            (vec![profile], vec![]),
        ),
        (
            "/account/{n}/product/origination/sms/settings/outbound",
            (
                vec![
                    json!({"settings": {"deliveryConfirmationUrl": "string", "deliveryNotificationType": "string"}}),
                ],
                vec![],
            ),
        ),
    ])
}

/// The JSON type of a value, as the table names it.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => "digits",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Field names and their JSON types, per place in a request (`updateBranch.provision`): what
/// the service gave for the object an update sends back.
type AsRead = HashMap<String, HashMap<String, &'static str>>;

/// Every way `sent` strays from `spec`, at `path`.
fn strays(sent: &Value, spec: &Value, path: &str, echo: &AsRead) -> Vec<String> {
    match (spec, sent) {
        (_, Value::Null) => vec![format!("{path}: null")],
        (Value::String(t), value) => {
            let k = kind(value);
            let fits = k == t || (t == "string" && k == "digits");
            (!fits)
                .then(|| format!("{path}: {k}, published as {t}"))
                .into_iter()
                .collect()
        }
        (Value::Array(items), Value::Array(values)) => values
            .iter()
            .enumerate()
            .flat_map(|(i, v)| strays(v, &items[0], &format!("{path}[{i}]"), echo))
            .collect(),
        (Value::Object(fields), Value::Object(values)) => {
            let mut found = Vec::new();
            for (name, field_spec) in fields.iter().filter(|(n, _)| *n != "...") {
                let (key, optional) = match name.strip_suffix('?') {
                    Some(key) => (key, true),
                    None => (name.as_str(), false),
                };
                match values.get(key) {
                    Some(v) => found.extend(strays(v, field_spec, &format!("{path}.{key}"), echo)),
                    None if optional => {}
                    None => found.push(format!("{path}.{key}: missing")),
                }
            }
            let published: HashSet<&str> = fields.keys().map(|k| k.trim_end_matches('?')).collect();
            let read = echo.get(path);
            for (key, value) in values {
                if published.contains(key.as_str()) {
                    continue;
                }
                match (fields.contains_key("..."), read.and_then(|r| r.get(key))) {
                    (true, Some(t))
                        if *t == kind(value) || (*t == "digits" && kind(value) == "string") => {}
                    (true, Some(t)) => found.push(format!(
                        "{path}.{key}: {} sent back, read as {t}",
                        kind(value)
                    )),
                    _ => found.push(format!("{path}.{key}: not published")),
                }
            }
            found
        }
        (spec, value) => vec![format!("{path}: {}, published as {spec}", kind(value))],
    }
}

/// Field names and types of every object of a kind the sandbox holds: what an update may send
/// back as it read it.
fn as_read(s: &Setup) -> AsRead {
    s.sandbox.with_world(|w| {
        let mut read = AsRead::new();
        let mut note = |place: &str, object: &sandbox::world::Object| {
            let fields = read.entry(place.to_owned()).or_default();
            for (k, v) in object {
                fields.insert(k.clone(), kind(v));
            }
        };
        for org in &w.orgs {
            note("updateOrganization", &org.org);
            for branch in &org.branches {
                note("updateBranch", branch);
                if let Some(Value::Object(provision)) = branch.get("provision") {
                    note("updateBranch.provision", provision);
                }
            }
            for trunk in &org.trunks {
                note("updateSMSTrunk", trunk);
            }
        }
        read
    })
}

/// `/account/21458/origination/did/features/complete/500001` as `/account/{n}/…/{n}`.
fn template(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
                "{n}"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Checks every logged request; returns the methods seen.
fn check(log: &[LoggedRequest], read: &AsRead) -> BTreeSet<String> {
    let ringotel = ringotel_methods();
    let thinq = thinq_paths();
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for r in log {
        match r.service {
            Service::Ringotel if r.method == "/integrations" => {
                let keys: Vec<&str> = r.query_keys.iter().map(String::as_str).collect();
                let enabling = keys.len() == FORM_ENABLE.len();
                let want: &[&str] = if enabling {
                    &FORM_ENABLE
                } else {
                    &FORM_DISABLE
                };
                if keys != want {
                    problems.push(format!("integration form: query keys {keys:?}"));
                }
                seen.insert(format!(
                    "form {}",
                    if enabling { "enable" } else { "disable" }
                ));
            }
            Service::Ringotel => {
                let Some(spec) = ringotel.get(r.method.as_str()) else {
                    problems.push(format!("{}: not a published method", r.method));
                    continue;
                };
                let params = r.body.clone().unwrap_or(json!({}));
                problems.extend(strays(&params, spec, &r.method, read));
                seen.insert(r.method.clone());
            }
            Service::Thinq => {
                let path = template(&r.method);
                let Some((bodies, query)) = thinq.get(path.as_str()) else {
                    problems.push(format!("thinQ {path}: not a published path"));
                    continue;
                };
                let keys: Vec<&str> = r.query_keys.iter().map(String::as_str).collect();
                if keys != *query {
                    problems.push(format!("thinQ {path}: query keys {keys:?}"));
                }
                let body = r.body.clone().unwrap_or(Value::Null);
                let why: Vec<Vec<String>> = bodies
                    .iter()
                    .map(|spec| match (spec, &body) {
                        (Value::Null, Value::Null) => Vec::new(),
                        (Value::Null, _) => vec!["a body where none is published".into()],
                        (spec, body) => strays(body, spec, &path, &AsRead::new()),
                    })
                    .collect();
                if why.iter().all(|w| !w.is_empty()) {
                    problems.push(format!("thinQ {path}: {body} ({why:?})"));
                }
                seen.insert(format!(
                    "{} {path}",
                    if body.is_null() { "GET" } else { "WRITE" }
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "requests stray from the published methods:\n{}",
        problems.join("\n")
    );
    seen
}

async fn harbor(s: &Setup) -> RingotelId {
    let org = s.org("Harbor Dental Group").await;
    save_demo_thinq(&s.engine, &org).await;
    if !s.sandbox.wire().webhook_field {
        s.engine
            .paste_webhook_url(org.clone(), webhook_for(org.as_str()))
            .await
            .unwrap();
    }
    org
}

async fn draft_every_fix(s: &Setup, org: &RingotelId) {
    let report = s
        .engine
        .readiness(org.clone(), Freshness::Live, |_| {})
        .await
        .unwrap();
    for c in &report.checks {
        if let Some(offer) = c.fix.as_ref().filter(|o| o.drafts && !o.billable) {
            s.engine
                .draft_fix(org.clone(), offer.fix.clone(), false)
                .await
                .unwrap();
        }
    }
}

#[tokio::test]
async fn every_request_of_the_whole_job_carries_only_published_fields_in_their_types() {
    let s = setup().await;
    let read = as_read(&s);
    let org = harbor(&s).await;
    let engine = &s.engine;

    // New numbers: one with no opt-out, no auto-replies and no send-name; one with all three.
    let editor = engine.number_editor(org.clone(), None).await.unwrap();
    let user = editor.connections[0].users[0].id.to_string();
    let mut bare = crate::sync::input("8584376047", "Bare", vec![user.clone()]);
    bare.send_name = false;
    engine.save_number(org.clone(), None, bare).await.unwrap();
    let mut full = crate::sync::input("8584376051", "Full", vec![user.clone()]);
    full.opt_out_keyword = "STOP".into();
    full.opt_out_reply = "Bye".into();
    full.auto_replies = vec![domain::AutoReply {
        key: "*".into(),
        value: "Hi".into(),
    }];
    engine.save_number(org.clone(), None, full).await.unwrap();
    engine
        .import_dids(
            org.clone(),
            ImportDidsInput {
                numbers: vec!["18584376052".into()],
                users: vec![user],
                stickiness: domain::StickinessInput::Preset { seconds: 900 },
                inbound_format: domain::InboundFormat::E164,
                outbound_format: domain::OutboundFormat::E164,
            },
        )
        .await
        .unwrap();
    // An edit that clears an opt-out and auto-replies, and a delete.
    let view = engine
        .numbers_view(org.clone(), Freshness::Live)
        .await
        .unwrap();
    let desk = view
        .rows
        .iter()
        .find(|r| r.name == "Harbor Front Desk")
        .unwrap()
        .key
        .clone();
    let mut values = engine
        .number_editor(org.clone(), Some(desk.clone()))
        .await
        .unwrap()
        .values;
    values.opt_out_keyword.clear();
    values.opt_out_reply.clear();
    values.auto_replies.clear();
    engine
        .save_number(org.clone(), Some(desk), values)
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
    engine.delete_number(org.clone(), billing).await.unwrap();
    let synced = engine.sync(org.clone(), None, |_| {}).await.unwrap();
    assert_eq!(synced.failed, 0, "{synced:#?}");
    let trunks = s
        .sandbox
        .with_world(|w| w.org(org.as_str()).unwrap().trunks.clone());
    let bare = trunks.iter().find(|t| t["name"] == "Bare").unwrap();
    assert!(bare.get("optout").is_none() && bare.get("autoreply").is_none());

    // Readiness and its fixes; a connection switched; a features order for DIDs whose routing
    // profile is unknown.
    draft_every_fix(&s, &org).await;
    let detail = engine.organization_detail(org.clone()).await.unwrap();
    let la_jolla = detail
        .connections
        .iter()
        .find(|c| c.name == "La Jolla Office")
        .unwrap();
    engine
        .switch_connection_sms(org.clone(), la_jolla.id.clone())
        .await
        .unwrap();
    let fixed = engine.sync(org.clone(), None, |_| {}).await.unwrap();
    assert_eq!(fixed.failed, 0, "{fixed:#?}");
    let unknown = vec!["18584376053".into()];
    engine
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
        engine.sync(org.clone(), None, |_| {}).await.unwrap().failed,
        0
    );

    // The billable package change and disabling the card.
    let cafe = s.org("Bluebird Café").await;
    engine
        .draft_fix(cafe.clone(), Fix::MoveToPro, true)
        .await
        .unwrap();
    assert_eq!(engine.sync(cafe, None, |_| {}).await.unwrap().failed, 0);
    engine.disable_thinq_integration(org.clone()).await.unwrap();

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
    let org = harbor(&s).await;
    let report = s
        .engine
        .readiness(org.clone(), Freshness::Live, |_| {})
        .await
        .unwrap();
    let route = report
        .checks
        .iter()
        .find(|c| c.id == CheckId::InboundRouting)
        .unwrap();
    s.engine
        .draft_fix(org.clone(), route.fix.clone().unwrap().fix, false)
        .await
        .unwrap();
    s.engine.sync(org.clone(), None, |_| {}).await.unwrap();
    let moved = "https://sms.sandbox.ringotel.test/thinq/moved";
    s.sandbox.with_world(|w| {
        w.org_mut(org.as_str()).unwrap().services[0].insert("webhook".into(), moved.into());
    });
    draft_every_fix(&s, &org).await;
    assert_eq!(
        s.engine
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
