//! Ringotel's error answers: the refusal of a wrong key, and errors inside HTTP 200.

use super::params::RpcError;
use crate::state::Shared;
use crate::wire::AuthFailure;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// The refusal of a request that does not carry the account's API key as a Bearer token,
/// answered as the sandbox is set to answer it; `None` when the key is right.
pub(crate) fn refusal_of_wrong_key(shared: &Shared, headers: &HeaderMap) -> Option<Response> {
    let api_key = shared.with_world(|w| w.api_key.clone());
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if presented == Some(api_key.as_str()) {
        return None;
    }
    let body =
        json!({"error": {"message": "Unauthorized: invalid or expired API key", "code": 401}});
    let status = match shared.wire().auth_failure {
        AuthFailure::Http401 => StatusCode::UNAUTHORIZED,
        AuthFailure::ErrorIn200 => StatusCode::OK,
    };
    Some((status, axum::Json(body)).into_response())
}

/// Errors travel inside HTTP 200, as the real service sends them.
pub(crate) fn rpc_error(error: RpcError) -> Response {
    axum::Json(json!({"error": {"message": error.message, "code": error.code}})).into_response()
}
