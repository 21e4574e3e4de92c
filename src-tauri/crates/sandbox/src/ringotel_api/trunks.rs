//! The simulated SMS number ("SMS trunk") methods, with the validation the real service applies:
//! a bad number, an unknown service or user, or a number already in use is an error.

use super::params::{RpcError, RpcResult, Shape, expect_shape, object, text};
use super::records::{apply_update, org_mut};
use crate::wire::WireVariant;
use crate::world::{Object, OrgRecord, World, id_of};
use serde_json::{Value, json};

const INBOUND_FORMATS: [&str; 4] = ["", "e164", "national", "national0"];
const OUTBOUND_FORMATS: [&str; 4] = ["", "e164", "national", "international"];

/// Digits of an E.164 number without '+', or an error. Deliberately simpler than a real
/// numbering plan: the app must normalize before sending, and the sandbox checks it did.
pub(super) fn number_digits(raw: &str) -> Result<String, RpcError> {
    let digits = raw.strip_prefix('+').unwrap_or(raw);
    if digits.len() < 8
        || digits.len() > 15
        || !digits.chars().all(|c| c.is_ascii_digit())
        || digits.starts_with('0')
    {
        return Err(RpcError::invalid(format!("Invalid number: {raw}")));
    }
    Ok(digits.to_owned())
}

fn number_in_use(world: &World, digits: &str, except_id: Option<&str>) -> bool {
    world.orgs.iter().flat_map(|o| &o.trunks).any(|t| {
        let same = t
            .get("number")
            .and_then(Value::as_str)
            .map(|n| n.trim_start_matches('+'))
            == Some(digits);
        same && except_id != Some(id_of(t))
    })
}

/// [`crate::wire::WireSwitch::TimeoutMinutes`]: seconds kept per wire unit of `sessionTimeout`.
fn timeout_unit(wire: &WireVariant) -> i64 {
    if wire.timeout_minutes { 60 } else { 1 }
}

/// The published type of each trunk field a client may send.
const FIELD_SHAPES: [(&str, Shape); 11] = [
    ("number", Shape::Text),
    ("name", Shape::Text),
    ("service", Shape::Text),
    ("users", Shape::Array),
    ("country", Shape::Text),
    ("inboundFormat", Shape::Text),
    ("outboundFormat", Shape::Text),
    ("sessionTimeout", Shape::Integer),
    ("sendName", Shape::Bool),
    ("autoreply", Shape::Array),
    ("optout", Shape::Object),
];

/// A stored trunk as the service answers it: `sessionTimeout` in the wire's unit.
pub fn presented(trunk: &Object, wire: &WireVariant) -> Value {
    let mut shown = trunk.clone();
    if let Some(seconds) = trunk.get("sessionTimeout").and_then(Value::as_i64) {
        shown.insert("sessionTimeout".into(), json!(seconds / timeout_unit(wire)));
    }
    Value::Object(shown)
}

/// Checks every field of a trunk against the organization; returns the object to store.
fn validated(
    record: &OrgRecord,
    params: &Value,
    digits: &str,
    wire: &WireVariant,
) -> Result<Object, RpcError> {
    for (name, shape) in FIELD_SHAPES {
        expect_shape(params, name, shape, wire)?;
    }
    let service = text(params, "service")?;
    if !record.services.iter().any(|s| id_of(s) == service) {
        return Err(RpcError::invalid(format!("Unknown service: {service}")));
    }
    let users = params
        .get("users")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for user in &users {
        let id = user.as_str().unwrap_or_default();
        if !record.users.iter().any(|u| id_of(u) == id) {
            return Err(RpcError::invalid(format!("Unknown user: {user}")));
        }
    }
    let format = |key: &str, allowed: &[&str]| -> Result<(), RpcError> {
        let value = params.get(key).and_then(Value::as_str).unwrap_or_default();
        if allowed.contains(&value) {
            Ok(())
        } else {
            Err(RpcError::invalid(format!("Invalid {key}: {value}")))
        }
    };
    format("inboundFormat", &INBOUND_FORMATS)?;
    format("outboundFormat", &OUTBOUND_FORMATS)?;
    if params
        .get("sessionTimeout")
        .is_some_and(|t| t.as_i64().is_none_or(|t| t < 0))
    {
        return Err(RpcError::invalid("Invalid sessionTimeout"));
    }
    let mut trunk = object(params);
    trunk.remove("orgid");
    trunk.retain(|_, v| !v.is_null());
    if let Some(timeout) = trunk.get("sessionTimeout").and_then(Value::as_i64) {
        trunk.insert(
            "sessionTimeout".into(),
            json!(timeout.saturating_mul(timeout_unit(wire))),
        );
    }
    trunk.insert("number".into(), json!(digits));
    trunk.entry("status").or_insert(json!(2));
    trunk.entry("groupmode").or_insert(json!(false));
    Ok(trunk)
}

pub fn create(world: &mut World, params: &Value, wire: &WireVariant) -> RpcResult {
    let digits = number_digits(&text(params, "number")?)?;
    if number_in_use(world, &digits, None) {
        return Err(RpcError::invalid(format!("Number {digits} already exists")));
    }
    let id = world.new_id();
    let record = org_mut(world, params, "orgid")?;
    // Everything the client sent is kept, fields this service does not know included; the
    // service alone decides the id and when the number was created.
    let mut trunk = validated(record, params, &digits, wire)?;
    trunk.insert("id".into(), json!(id));
    trunk.insert("created".into(), json!(crate::world::now_millis()));
    record.trunks.push(trunk);
    Ok(json!({ "id": id }))
}

pub fn update(world: &mut World, params: &Value, wire: &WireVariant) -> RpcResult {
    let id = text(params, "id")?.into_owned();
    let digits = number_digits(&text(params, "number")?)?;
    if number_in_use(world, &digits, Some(&id)) {
        return Err(RpcError::invalid(format!("Number {digits} already exists")));
    }
    let record = org_mut(world, params, "orgid")?;
    let trunk = validated(record, params, &digits, wire)?;
    let slot = record
        .trunks
        .iter_mut()
        .find(|t| id_of(t) == id)
        .ok_or_else(|| RpcError::not_found("SMS trunk", &id))?;
    apply_update(slot, &Value::Object(trunk), &[], wire);
    Ok(Value::Null)
}

pub fn delete(world: &mut World, params: &Value) -> RpcResult {
    let id = text(params, "id")?.into_owned();
    let record = org_mut(world, params, "orgid")?;
    let before = record.trunks.len();
    record.trunks.retain(|t| id_of(t) != id);
    if record.trunks.len() == before {
        return Err(RpcError::not_found("SMS trunk", &id));
    }
    Ok(Value::Null)
}
