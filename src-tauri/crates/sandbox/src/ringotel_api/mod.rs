//! The simulated Ringotel Admin API: `POST /api` JSON-RPC with a Bearer key, and the portal's
//! integration form at `GET /integrations`.

mod integrations_form;
mod methods;
mod params;
mod trunks;

use crate::state::Shared;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

pub use params::RpcError;

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/api", post(rpc))
        .route("/integrations", get(integrations_form::submit))
        .with_state(state)
}

/// Whether the request carries the account's API key as a Bearer token.
pub(crate) fn authorized(headers: &HeaderMap, api_key: &str) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|key| key == api_key)
}

pub(crate) fn unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        axum::Json(
            json!({"error": {"message": "Unauthorized: invalid or expired API key", "code": 401}}),
        ),
    )
        .into_response()
}

/// Errors travel inside HTTP 200, as the real service sends them.
pub(crate) fn rpc_error(error: RpcError) -> Response {
    axum::Json(json!({"error": {"message": error.message, "code": error.code}})).into_response()
}

async fn rpc(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let api_key = shared.with_world(|w| w.api_key.clone());
    if !authorized(&headers, &api_key) {
        return unauthorized();
    }
    let Ok(request) = serde_json::from_slice::<Value>(&body) else {
        return rpc_error(RpcError::invalid("the request body is not JSON"));
    };
    let Some(method) = request.get("method").and_then(Value::as_str) else {
        return rpc_error(RpcError::invalid("the request has no method"));
    };
    let empty = json!({});
    let params = request.get("params").unwrap_or(&empty);
    let answer = shared
        .with_world(|world| methods::read(world, method, params))
        .unwrap_or_else(|| shared.change_world(|world| methods::change(world, method, params)));
    match answer {
        // Methods that return nothing answer with an empty body, as documented.
        Ok(Value::Null) => StatusCode::OK.into_response(),
        Ok(result) => axum::Json(json!({ "result": result })).into_response(),
        Err(error) => rpc_error(error),
    }
}
