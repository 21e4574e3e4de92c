//! The simulated Ringotel Admin API: `POST /api` JSON-RPC with a Bearer key, and the portal's
//! integration form at `GET /integrations`.

mod answers;
mod chats;
mod integrations_form;
mod methods;
mod optout;
mod params;
mod records;
mod trunks;

use crate::state::Shared;
use answers::{refusal_of_wrong_key, rpc_error};
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

async fn rpc(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(refusal) = refusal_of_wrong_key(&shared, &headers) {
        return refusal;
    }
    let Ok(request) = serde_json::from_slice::<Value>(&body) else {
        return rpc_error(RpcError::invalid("the request body is not JSON"));
    };
    let Some(method) = request.get("method").and_then(Value::as_str) else {
        return rpc_error(RpcError::invalid("the request has no method"));
    };
    let empty = json!({});
    let params = request.get("params").unwrap_or(&empty);
    if let Some(body) = shared.with_world(|world| methods::read_in_place(world, method, params)) {
        return match body {
            Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
            Err(error) => rpc_error(error),
        };
    }
    let wire = shared.wire();
    let answer = shared
        .with_world(|world| methods::read(world, method, params, &wire))
        .unwrap_or_else(|| {
            shared.change_world(|world| methods::change(world, method, params, &wire))
        });
    match answer {
        // Methods that return nothing answer with an empty body, as documented.
        Ok(Value::Null) => StatusCode::OK.into_response(),
        Ok(result) => axum::Json(json!({ "result": result })).into_response(),
        Err(error) => rpc_error(error),
    }
}
