//! The account balance: the harmless authenticated call clients use to check credentials.

use super::answers::{ApiResult, authorize};
use crate::state::Shared;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use serde_json::json;

pub async fn balance(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(account_id): Path<String>,
) -> ApiResult {
    shared.with_world(|world| {
        let account = authorize(world, &headers, &account_id)?;
        Ok(axum::Json(json!({"balance": account.balance})).into_response())
    })
}
