//! The simulated opt-out lists: getOptoutList, addToOptout and removeFromOptout with `{orgid,
//! numbers: [...]}` (and `tonumber` for the customer), as services.md reads them. What the list
//! answers is not published: by default the [assumed] entries `{number, tonumber, keyword,
//! created}`; with [`WireVariant::optout_bare`] a bare list of customer numbers per number.

use super::params::{RpcError, RpcResult, text};
use super::records::{org, org_mut};
use super::trunks::number_digits;
use crate::wire::WireVariant;
use crate::world::{OptOut, OrgRecord, World};
use serde_json::{Value, json};

/// `numbers`: the organization's SMS numbers the call is about, as digits.
fn numbers(record: &OrgRecord, params: &Value) -> Result<Vec<String>, RpcError> {
    let listed = params
        .get("numbers")
        .and_then(Value::as_array)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| RpcError::invalid("Missing or invalid parameter: numbers"))?;
    listed
        .iter()
        .map(|n| {
            let digits = number_digits(n.as_str().unwrap_or_default())?;
            let own = record.trunks.iter().any(|t| {
                t.get("number")
                    .and_then(Value::as_str)
                    .map(|s| s.trim_start_matches('+'))
                    == Some(digits.as_str())
            });
            own.then_some(digits.clone())
                .ok_or_else(|| RpcError::not_found("SMS number", &digits))
        })
        .collect()
}

pub fn list(world: &World, params: &Value, wire: &WireVariant) -> RpcResult {
    let record = org(world, params, "orgid")?;
    let numbers = numbers(record, params)?;
    let listed = record
        .optouts
        .iter()
        .filter(|o| numbers.contains(&o.number));
    if wire.optout_bare {
        let mut lists = serde_json::Map::new();
        for number in &numbers {
            let customers: Vec<&String> = listed
                .clone()
                .filter(|o| o.number == *number)
                .map(|o| &o.customer)
                .collect();
            lists.insert(number.clone(), json!(customers));
        }
        return Ok(Value::Object(lists));
    }
    Ok(Value::Array(
        listed
            .map(|o| json!({"number": o.number, "tonumber": o.customer, "keyword": o.keyword, "created": o.created}))
            .collect(),
    ))
}

pub fn add(world: &mut World, params: &Value) -> RpcResult {
    let customer = number_digits(&text(params, "tonumber")?)?;
    let record = org_mut(world, params, "orgid")?;
    for number in numbers(record, params)? {
        if !record
            .optouts
            .iter()
            .any(|o| o.number == number && o.customer == customer)
        {
            record.optouts.push(OptOut {
                number,
                customer: customer.clone(),
                keyword: None,
                created: crate::world::now_millis(),
            });
        }
    }
    Ok(Value::Null)
}

pub fn remove(world: &mut World, params: &Value) -> RpcResult {
    let customer = number_digits(&text(params, "tonumber")?)?;
    let record = org_mut(world, params, "orgid")?;
    let numbers = numbers(record, params)?;
    record
        .optouts
        .retain(|o| !(o.customer == customer && numbers.contains(&o.number)));
    Ok(Value::Null)
}
