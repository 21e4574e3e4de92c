//! Dispatch of the simulated Admin API methods over the world's organizations.

use super::params::{RpcError, RpcResult, object, text};
use super::trunks;
use crate::world::{Object, OrgRecord, UNKNOWN_FIELD, World, id_of};
use serde_json::{Value, json};

/// Answers a method that only reads, or `None` when `method` is not one of those.
pub fn read(world: &World, method: &str, params: &Value) -> Option<RpcResult> {
    Some(match method {
        "getOrganizations" => Ok(Value::Array(
            world
                .orgs
                .iter()
                .map(|o| Value::Object(o.org.clone()))
                .collect(),
        )),
        // [doc] The published example wraps the organization in an array; so does the sandbox.
        "getOrganization" => org(world, params, "id").map(|o| json!([o.org])),
        "getPackages" => Ok(packages()),
        "getBranches" => org(world, params, "orgid").map(|o| list(&o.branches)),
        "getBranch" => branch(world, params),
        "getUsers" => users(world, params),
        "getServices" => org(world, params, "orgid").map(|o| list(&o.services)),
        "getSMSTrunks" => org(world, params, "orgid").map(|o| list(&o.trunks)),
        _ => return None,
    })
}

/// Answers a method that changes the world (or says there is no such method).
pub fn change(world: &mut World, method: &str, params: &Value) -> RpcResult {
    match method {
        "updateOrganization" => update_organization(world, params),
        "updateBranch" => update_branch(world, params),
        "createSMSTrunk" => trunks::create(world, params),
        "updateSMSTrunk" => trunks::update(world, params),
        "deleteSMSTrunk" => trunks::delete(world, params),
        other => Err(RpcError::no_method(other)),
    }
}

fn list(objects: &[Object]) -> Value {
    Value::Array(objects.iter().cloned().map(Value::Object).collect())
}

pub(super) fn org<'a>(
    world: &'a World,
    params: &Value,
    key: &str,
) -> Result<&'a OrgRecord, RpcError> {
    let id = text(params, key)?;
    world
        .org(&id)
        .ok_or_else(|| RpcError::not_found("Organization", &id))
}

pub(super) fn org_mut<'a>(
    world: &'a mut World,
    params: &Value,
    key: &str,
) -> Result<&'a mut OrgRecord, RpcError> {
    let id = text(params, key)?;
    world
        .org_mut(&id)
        .ok_or_else(|| RpcError::not_found("Organization", &id))
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

/// An update replaces the object with what was sent (the real API's merge rules are unknown,
/// so the sandbox takes the strict reading: clients must send the whole object back).
fn replace(target: &mut Object, params: &Value, drop: &[&str]) {
    let mut fresh = object(params);
    for key in drop {
        fresh.remove(*key);
    }
    let id = target.get("id").cloned();
    *target = fresh;
    if let Some(id) = id {
        target.insert("id".into(), id);
    }
}

fn update_organization(world: &mut World, params: &Value) -> RpcResult {
    let record = org_mut(world, params, "id")?;
    if let Some(package) = params.get("packageid")
        && !matches!(package.as_i64(), Some(1 | 2))
    {
        return Err(RpcError::invalid("Invalid packageid"));
    }
    replace(&mut record.org, params, &[]);
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

fn update_branch(world: &mut World, params: &Value) -> RpcResult {
    let id = text(params, "id")?.into_owned();
    let record = org_mut(world, params, "orgid")?;
    let branch = record
        .branches
        .iter_mut()
        .find(|b| id_of(b) == id)
        .ok_or_else(|| RpcError::not_found("Branch", &id))?;
    replace(branch, params, &["orgid"]);
    Ok(Value::Null)
}

fn users(world: &World, params: &Value) -> RpcResult {
    let record = org(world, params, "orgid")?;
    let branch = params.get("branchid").and_then(Value::as_str);
    let matching = record
        .users
        .iter()
        .filter(|u| branch.is_none_or(|b| u.get("branchid").and_then(Value::as_str) == Some(b)));
    Ok(Value::Array(matching.cloned().map(Value::Object).collect()))
}
