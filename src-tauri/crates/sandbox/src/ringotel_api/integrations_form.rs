//! The portal's integration form (`GET /integrations?serviceid&state&profileid&<label>=...`),
//! simulated: it enables or disables a card and stores what was typed into it. Being a web
//! form, it answers as forms do: an empty 200, or (a switch) a redirect to a page the API
//! does not serve. Its errors come back in the API's envelope.

use super::answers::{refusal_of_wrong_key, rpc_error};
use super::params::RpcError;
use crate::state::Shared;
use crate::world::{World, id_of};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// [code] Keys that are part of the form itself; every other query key is a field label.
const FORM_KEYS: [&str; 3] = ["serviceid", "state", "profileid"];

/// Fields the thinQ card requires before it can be enabled.
const THINQ_REQUIRED: [&str; 3] = ["Account ID", "Username", "Token"];

pub async fn submit(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refusal) = refusal_of_wrong_key(&shared, &headers) {
        return refusal;
    }
    match shared.change_world(|world| apply(world, &query)) {
        Ok(()) if shared.wire().form_redirect => (
            StatusCode::FOUND,
            [(header::LOCATION, crate::wire::FORM_REDIRECT_TO)],
        )
            .into_response(),
        Ok(()) => StatusCode::OK.into_response(),
        Err(error) => rpc_error(error),
    }
}

fn apply(world: &mut World, query: &HashMap<String, String>) -> Result<(), RpcError> {
    let get = |key: &str| query.get(key).map(String::as_str).unwrap_or_default();
    let (service_id, org_id) = (get("serviceid"), get("profileid"));
    let enable = match get("state") {
        "1" => true,
        "0" => false,
        other => return Err(RpcError::invalid(format!("Invalid state: {other}"))),
    };
    let record = world
        .org_mut(org_id)
        .ok_or_else(|| RpcError::not_found("Organization", org_id))?;
    // SMS integrations are a Pro feature (packageid 2, sometimes sent as a string).
    let package = record
        .org
        .get("packageid")
        .map(|p| p.to_string().trim_matches('"').to_owned());
    if enable && package.as_deref() != Some("2") {
        return Err(RpcError::invalid("Integrations require the Pro package"));
    }
    let fields: Map<String, Value> = query
        .iter()
        .filter(|(k, _)| !FORM_KEYS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    if enable && service_id == "ThinQ" {
        for label in THINQ_REQUIRED {
            if fields
                .get(label)
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                return Err(RpcError::invalid(format!("{label} is required")));
            }
        }
        if !get("Account ID").chars().all(|c| c.is_ascii_digit()) {
            return Err(RpcError::invalid("Account ID must be numeric"));
        }
    }
    let service = record
        .services
        .iter_mut()
        .find(|s| id_of(s) == service_id)
        .ok_or_else(|| RpcError::not_found("Service", service_id))?;
    service.insert("state".into(), json!(i64::from(enable)));
    if enable {
        record.service_settings.retain(|(id, _)| id != service_id);
        record
            .service_settings
            .push((service_id.to_owned(), fields));
    }
    Ok(())
}
