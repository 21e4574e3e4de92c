//! Sending a text (`POST .../sms/send` with `{from_did, to_did, message}` → `{guid}`) and its
//! delivery notifications (`GET .../sms/{guid}`), as services.md reads them; what happens at
//! the phone is the world's (`world::phone`).

use super::answers::{ApiResult, authorize, authorize_mut, bad_request, error};
use crate::state::Shared;
use crate::world::{Phone, SentText};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct SendBody {
    from_did: serde_json::Value,
    to_did: serde_json::Value,
    message: String,
}

/// A NANP number as thinQ takes it (10 digits, or 11 with its 1), as 11 digits.
fn nanp(value: &serde_json::Value) -> Option<String> {
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match text.len() {
        10 => Some(format!("1{text}")),
        11 if text.starts_with('1') => Some(text),
        _ => None,
    }
}

pub async fn send(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(account_id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult {
    let body: SendBody = serde_json::from_slice(&body)
        .map_err(|_| bad_request("Expected {\"from_did\",\"to_did\",\"message\"}"))?;
    let (Some(from), Some(to)) = (nanp(&body.from_did), nanp(&body.to_did)) else {
        return Err(bad_request("from_did and to_did must be 10-digit numbers"));
    };
    if body.message.trim().is_empty() || body.message.chars().count() > 910 {
        return Err(bad_request("message must be 1 to 910 characters"));
    }
    shared.change_world(|world| {
        if world.phone == Phone::Refused {
            return Err(error(
                StatusCode::FORBIDDEN,
                "Forbidden",
                "Sending is not allowed from this IP address",
            ));
        }
        let account = authorize_mut(world, &headers, &account_id)?;
        if !account.dids.iter().any(|d| d.id == from && d.sms) {
            return Err(bad_request(format!(
                "from_did {from} is not an SMS-enabled DID of this account"
            )));
        }
        let guid = format!("sbx-{:08}", world.texts.len() + 1);
        world.texts.push(SentText {
            guid: guid.clone(),
            account_id: account_id.clone(),
            from,
            to,
            message: body.message,
            status_reads: 0,
        });
        Ok(Json(json!({ "guid": guid })).into_response())
    })
}

pub async fn status(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path((account_id, guid)): Path<(String, String)>,
) -> ApiResult {
    shared.change_world(|world| {
        authorize(world, &headers, &account_id)?;
        let now = crate::world::now_millis();
        let statuses = world
            .read_status(&account_id, &guid, now)
            .ok_or_else(|| error(StatusCode::NOT_FOUND, "Not Found", "No such message"))?;
        let notices: Vec<_> = statuses
            .into_iter()
            .map(|s| json!({ "timestamp": now, "send_status": s }))
            .collect();
        Ok(Json(json!({ "delivery_notifications": notices })).into_response())
    })
}
