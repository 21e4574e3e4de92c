//! Dispatch of the simulated Admin API methods over the world's organizations.

use super::params::{RpcError, RpcResult, Shape, expect_shape, text};
use super::records::{apply_update, org, org_mut};
use super::trunks;
use crate::wire::WireVariant;
use crate::world::{Object, UNKNOWN_FIELD, World, id_of};
use serde_json::{Value, json};

/// Answers a method that only reads, or `None` when `method` is not one of those.
pub fn read(world: &World, method: &str, params: &Value, wire: &WireVariant) -> Option<RpcResult> {
    Some(match method {
        "getOrganizations" => Ok(Value::Array(
            world
                .orgs
                .iter()
                .map(|o| Value::Object(o.org.clone()))
                .collect(),
        )),
        // [doc] The published example wraps the organization in an array; so does the
        // sandbox, unless told to answer with the bare object.
        "getOrganization" => org(world, params, "id").map(|o| {
            if wire.organization_object {
                Value::Object(o.org.clone())
            } else {
                json!([o.org])
            }
        }),
        "getPackages" => Ok(packages()),
        "getBranches" => org(world, params, "orgid").map(|o| list(&o.branches)),
        "getBranch" => branch(world, params),
        "getServices" => org(world, params, "orgid").map(|o| services(&o.services, wire)),
        "getSMSTrunks" => org(world, params, "orgid").map(|o| {
            Value::Array(
                o.trunks
                    .iter()
                    .map(|t| trunks::presented(t, wire))
                    .collect(),
            )
        }),
        "getOptoutList" => super::optout::list(world, params, wire),
        "getChats" => super::chats::list(world, params),
        _ => return None,
    })
}

/// Answers a method that changes the world (or says there is no such method).
pub fn change(world: &mut World, method: &str, params: &Value, wire: &WireVariant) -> RpcResult {
    match method {
        "updateOrganization" => update_organization(world, params, wire),
        "updateBranch" => update_branch(world, params, wire),
        "createSMSTrunk" => trunks::create(world, params, wire),
        "updateSMSTrunk" => trunks::update(world, params, wire),
        "deleteSMSTrunk" => trunks::delete(world, params),
        "addToOptout" => super::optout::add(world, params),
        "removeFromOptout" => super::optout::remove(world, params),
        other => Err(RpcError::no_method(other)),
    }
}

fn list(objects: &[Object]) -> Value {
    Value::Array(objects.iter().cloned().map(Value::Object).collect())
}

/// [assumed] The field in which the sandbox keeps each card's webhook URL. Whether and where
/// getServices reports it is not published, so it is left out unless the switch says otherwise
/// (the simulated portal still shows it: see `world::webhook_for`).
pub(crate) const WEBHOOK_FIELD: &str = "webhook";

fn services(services: &[Object], wire: &WireVariant) -> Value {
    Value::Array(
        services
            .iter()
            .map(|s| {
                let mut s = s.clone();
                if !wire.webhook_field {
                    s.remove(WEBHOOK_FIELD);
                }
                Value::Object(s)
            })
            .collect(),
    )
}

/// Loose types on purpose, as published: one `created` in seconds, the other in milliseconds.
fn packages() -> Value {
    json!([
        {"id": 1, "name": "Essentials", "features": {"integrations": 0, "chats": 1},
            "created": 1_600_000_000, UNKNOWN_FIELD: {"kept": true}},
        {"id": 2, "name": "Pro", "features": {"integrations": 1, "chats": 1},
            "created": 1_600_000_000_000_u64, UNKNOWN_FIELD: {"kept": true}},
    ])
}

fn update_organization(world: &mut World, params: &Value, wire: &WireVariant) -> RpcResult {
    let record = org_mut(world, params, "id")?;
    if let Some(package) = params.get("packageid")
        && !matches!(package.as_i64(), Some(1 | 2))
    {
        return Err(RpcError::invalid("Invalid packageid"));
    }
    apply_update(&mut record.org, params, &[], wire);
    Ok(Value::Null)
}

fn branch(world: &World, params: &Value) -> RpcResult {
    let record = org(world, params, "orgid")?;
    let id = text(params, "id")?;
    record
        .branches
        .iter()
        .find(|b| id_of(b) == id)
        .map(|b| Value::Object(b.clone()))
        .ok_or_else(|| RpcError::not_found("Branch", &id))
}

fn update_branch(world: &mut World, params: &Value, wire: &WireVariant) -> RpcResult {
    let id = text(params, "id")?.into_owned();
    expect_shape(params, "provision", Shape::Object, wire)?;
    let record = org_mut(world, params, "orgid")?;
    let branch = record
        .branches
        .iter_mut()
        .find(|b| id_of(b) == id)
        .ok_or_else(|| RpcError::not_found("Branch", &id))?;
    apply_update(branch, params, &["orgid"], wire);
    Ok(Value::Null)
}

/// Answers a read whose result is large enough that copying it out of the world first would
/// double what the server holds (an organization of 5,000 users): the whole `{"result": …}`
/// body, written straight from the world. `None` for every other method.
pub fn read_in_place(
    world: &World,
    method: &str,
    params: &Value,
) -> Option<Result<Vec<u8>, RpcError>> {
    match method {
        "getUsers" => Some(users(world, params)),
        _ => None,
    }
}

fn users(world: &World, params: &Value) -> Result<Vec<u8>, RpcError> {
    #[derive(serde::Serialize)]
    struct Body<'a> {
        result: Vec<&'a Object>,
    }
    let record = org(world, params, "orgid")?;
    let branch = params.get("branchid").and_then(Value::as_str);
    let result = record
        .users
        .iter()
        .filter(|u| branch.is_none_or(|b| u.get("branchid").and_then(Value::as_str) == Some(b)))
        .collect();
    serde_json::to_vec(&Body { result })
        .map_err(|e| RpcError::invalid(format!("the users could not be written: {e}")))
}
