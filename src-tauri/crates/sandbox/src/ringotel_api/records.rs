//! An organization's records as the Admin API methods find them by the ids in their params, and
//! an update applied to one as the sandbox is set to apply it.

use super::params::{RpcError, object, text};
use crate::wire::WireVariant;
use crate::world::{Object, OrgRecord, World};
use serde_json::Value;

pub fn org<'a>(world: &'a World, params: &Value, key: &str) -> Result<&'a OrgRecord, RpcError> {
    let id = text(params, key)?;
    world
        .org(&id)
        .ok_or_else(|| RpcError::not_found("Organization", &id))
}

pub fn org_mut<'a>(
    world: &'a mut World,
    params: &Value,
    key: &str,
) -> Result<&'a mut OrgRecord, RpcError> {
    let id = text(params, key)?;
    world
        .org_mut(&id)
        .ok_or_else(|| RpcError::not_found("Organization", &id))
}

/// An update as the sandbox applies it. By default it replaces the object with what was sent
/// (the merge rules are not published, so the strict reading: clients must send the whole
/// object back); with [`WireVariant::nested_merged`] what was sent is merged in, nested objects
/// key by key. `null`s count as not sent where they are accepted.
pub fn apply_update(target: &mut Object, params: &Value, drop: &[&str], wire: &WireVariant) {
    let mut fresh = object(params);
    for key in drop {
        fresh.remove(*key);
    }
    fresh.retain(|_, v| !v.is_null());
    let id = target.get("id").cloned();
    if wire.nested_merged {
        merge(target, fresh);
    } else {
        *target = fresh;
    }
    if let Some(id) = id {
        target.insert("id".into(), id);
    }
}

fn merge(target: &mut Object, sent: Object) {
    for (key, value) in sent {
        match (target.get_mut(&key), value) {
            (Some(Value::Object(mine)), Value::Object(theirs)) => merge(mine, theirs),
            (_, value) => {
                target.insert(key, value);
            }
        }
    }
}
