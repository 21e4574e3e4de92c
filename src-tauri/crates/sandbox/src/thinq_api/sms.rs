//! SMS routing profiles (where inbound messages go) and the outbound settings
//! (where delivery confirmations go).

use super::answers::{ApiError, ApiResult, authorize, authorize_mut, bad_request, error};
use crate::state::Shared;
use crate::world::RoutingProfile;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct ProfileBody {
    sms_routing_profile: ProfileFields,
}

#[derive(Deserialize)]
struct ProfileFields {
    name: String,
    url: String,
    #[serde(default)]
    attachment_type: Option<String>,
}

fn profile_json(p: &RoutingProfile) -> serde_json::Value {
    json!({"id": p.id, "name": p.name, "url": p.url, "attachment_type": "url"})
}

fn parse_profile(body: &[u8]) -> Result<ProfileFields, ApiError> {
    let fields = serde_json::from_slice::<ProfileBody>(body)
        .map_err(|_| bad_request("Expected {\"sms_routing_profile\":{name,url}}"))?
        .sms_routing_profile;
    if !fields.url.starts_with("https://") {
        return Err(bad_request("url must be an https URL"));
    }
    if fields
        .attachment_type
        .as_deref()
        .is_some_and(|t| t != "url")
    {
        return Err(bad_request("attachment_type must be url"));
    }
    Ok(fields)
}

pub async fn list_profiles(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(account_id): Path<String>,
) -> ApiResult {
    shared.with_world(|world| {
        let account = authorize(world, &headers, &account_id)?;
        let rows: Vec<_> = account.routing_profiles.iter().map(profile_json).collect();
        Ok(Json(json!({ "rows": rows })).into_response())
    })
}

pub async fn create_profile(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(account_id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult {
    let fields = parse_profile(&body)?;
    shared.change_world(|world| {
        let account = authorize_mut(world, &headers, &account_id)?;
        let id = 7000 + account.routing_profiles.len() as u64 + 1;
        let profile = RoutingProfile {
            id,
            name: fields.name,
            url: fields.url,
        };
        let body = profile_json(&profile);
        account.routing_profiles.push(profile);
        Ok(Json(body).into_response())
    })
}

pub async fn update_profile(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path((account_id, profile_id)): Path<(String, u64)>,
    body: axum::body::Bytes,
) -> ApiResult {
    let fields = parse_profile(&body)?;
    shared.change_world(|world| {
        let account = authorize_mut(world, &headers, &account_id)?;
        let profile = account
            .routing_profiles
            .iter_mut()
            .find(|p| p.id == profile_id)
            .ok_or_else(|| {
                error(
                    StatusCode::NOT_FOUND,
                    "Not Found",
                    "No such routing profile",
                )
            })?;
        profile.name = fields.name;
        profile.url = fields.url;
        Ok(Json(profile_json(profile)).into_response())
    })
}

#[derive(Deserialize)]
struct OutboundBody {
    settings: OutboundSettings,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OutboundSettings {
    delivery_confirmation_url: String,
}

pub async fn set_outbound(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(account_id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult {
    let OutboundBody { settings } = serde_json::from_slice(&body)
        .map_err(|_| bad_request("Expected {\"settings\":{\"deliveryConfirmationUrl\":...}}"))?;
    shared.change_world(|world| {
        let account = authorize_mut(world, &headers, &account_id)?;
        account.delivery_confirmation_url = Some(settings.delivery_confirmation_url);
        Ok(Json(json!({"success": true})).into_response())
    })
}
