//! The simulated thinQ API: Basic auth by username and token, account-scoped paths.

mod account;
mod answers;
mod dids;
mod sms;
mod texts;

use crate::state::Shared;
use axum::Router;
use axum::routing::{get, post, put};

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/account/{account_id}/balance", get(account::balance))
        .route(
            "/origination/did/search2/did/{account_id}",
            get(dids::search),
        )
        .route(
            "/account/{account_id}/origination/did/features/create",
            post(dids::create_order),
        )
        .route(
            "/account/{account_id}/origination/did/features/complete/{order_id}",
            post(dids::complete_order),
        )
        .route(
            "/account/{account_id}/product/origination/sms/profile",
            get(sms::list_profiles).post(sms::create_profile),
        )
        .route(
            "/account/{account_id}/product/origination/sms/profile/{profile_id}",
            put(sms::update_profile),
        )
        .route(
            "/account/{account_id}/product/origination/sms/settings/outbound",
            post(sms::set_outbound),
        )
        .route(
            "/account/{account_id}/product/origination/sms/send",
            post(texts::send),
        )
        .route(
            "/account/{account_id}/product/origination/sms/{guid}",
            get(texts::status),
        )
        .with_state(state)
}
