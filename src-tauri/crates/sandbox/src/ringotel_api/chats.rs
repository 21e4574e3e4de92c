//! getChats `{domain, number, begin, end}`: the texts customers sent to one number in a time
//! window. A chat's fields are not published; the sandbox answers [assumed] one entry per text:
//! `{number, remote, direction: "in", text, created}`.

use super::params::{RpcError, RpcResult, text};
use super::trunks::number_digits;
use crate::world::World;
use serde_json::{Value, json};

fn millis(params: &Value, name: &str) -> Result<u64, RpcError> {
    params
        .get(name)
        .and_then(Value::as_u64)
        .ok_or_else(|| RpcError::invalid(format!("Missing or invalid parameter: {name}")))
}

pub fn list(world: &World, params: &Value) -> RpcResult {
    let domain = text(params, "domain")?;
    let number = number_digits(&text(params, "number")?)?;
    let (begin, end) = (millis(params, "begin")?, millis(params, "end")?);
    let record = world
        .orgs
        .iter()
        .find(|o| o.org.get("domain").and_then(Value::as_str) == Some(&*domain))
        .ok_or_else(|| RpcError::not_found("Domain", &domain))?;
    Ok(Value::Array(
        record
            .chats
            .iter()
            .filter(|c| c.number == number && (begin..=end).contains(&c.at))
            .map(|c| json!({"number": c.number, "remote": c.customer, "direction": "in", "text": c.text, "created": c.at}))
            .collect(),
    ))
}
