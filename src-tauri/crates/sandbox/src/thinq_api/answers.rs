//! thinQ's error answers and the Basic-auth check every request passes first.

use crate::world::{ThinqAccount, World};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::json;

/// A thinQ error answer, in thinQ's body shape: `{code, message, description}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: &'static str,
    description: String,
}

pub(crate) fn error(
    status: StatusCode,
    message: &'static str,
    description: impl Into<String>,
) -> ApiError {
    ApiError {
        status,
        message,
        description: description.into(),
    }
}

pub(crate) fn bad_request(description: impl Into<String>) -> ApiError {
    error(StatusCode::BAD_REQUEST, "Bad Request", description)
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"code": self.status.as_u16(), "message": self.message, "description": self.description});
        (self.status, axum::Json(body)).into_response()
    }
}

pub(crate) type ApiResult = Result<Response, ApiError>;

/// The account a request may act on: its Basic credentials must match an account, and that
/// account must be the one in the path (403 for someone else's, 404 for one that does not exist).
pub(crate) fn authorize<'w>(
    world: &'w World,
    headers: &HeaderMap,
    account_id: &str,
) -> Result<&'w ThinqAccount, ApiError> {
    let Some((username, token)) = basic_credentials(headers) else {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "Basic authentication is required",
        ));
    };
    let Some(owner) = world
        .thinq
        .iter()
        .find(|a| a.username == username && a.token == token)
    else {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "Invalid username or API token",
        ));
    };
    if owner.account_id != account_id {
        return Err(if world.thinq_account(account_id).is_some() {
            error(
                StatusCode::FORBIDDEN,
                "Forbidden",
                "These credentials do not belong to this account",
            )
        } else {
            error(StatusCode::NOT_FOUND, "Not Found", "No such account")
        });
    }
    world
        .thinq_account(account_id)
        .ok_or_else(|| error(StatusCode::NOT_FOUND, "Not Found", "No such account"))
}

/// [`authorize`], for a request that changes the account.
pub(crate) fn authorize_mut<'w>(
    world: &'w mut World,
    headers: &HeaderMap,
    account_id: &str,
) -> Result<&'w mut ThinqAccount, ApiError> {
    authorize(world, headers, account_id)?;
    world
        .thinq_account_mut(account_id)
        .ok_or_else(|| error(StatusCode::NOT_FOUND, "Not Found", "No such account"))
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, token) = text.split_once(':')?;
    Some((user.to_owned(), token.to_owned()))
}
