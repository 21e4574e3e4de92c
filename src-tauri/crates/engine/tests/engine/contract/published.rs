//! The two services' methods as services.md publishes them — each method's fields and their
//! JSON types; `?` marks a field an example may leave out; `...` lets an update send back a
//! field of the object exactly as the service gave it (read-modify-write) — and the checker
//! that holds a logged request against them. Written from services.md, not from the sandbox.

use crate::Setup;
use sandbox::{LoggedRequest, Service};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The Admin API methods, by name: the fields of `params`.
pub fn ringotel_methods() -> HashMap<&'static str, Value> {
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
                    "features?": {"cnam?": "bool", "e911?": "bool", "sms?": "bool"}}]}}),
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
pub type AsRead = HashMap<String, HashMap<String, &'static str>>;

/// Every way `sent` strays from `spec`, at `path`.
pub fn strays(sent: &Value, spec: &Value, path: &str, echo: &AsRead) -> Vec<String> {
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
pub fn as_read(s: &Setup) -> AsRead {
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
pub fn check(log: &[LoggedRequest], read: &AsRead) -> BTreeSet<String> {
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
