//! thinQ (Commio) API client: Basic auth with username and token, paths keyed by the numeric
//! account id, and every answer through one decoding funnel.

mod client;
mod did_fields;
mod dids;
mod error;
mod features;
mod messages;
pub mod response;
mod routing;
mod wire_facts;

pub use client::{Balance, ThinqClient};
pub use did_fields::ASSUMED_ROUTING_FIELD;
pub use dids::{DidPage, DidRow, MAX_PAGE_ROWS};
pub use error::ThinqError;
pub use features::OrderLine;
pub use messages::DeliveryNotice;
pub use routing::RoutingProfile;

/// [code] The public thinQ API host; a setting, so tests and the sandbox point elsewhere.
pub const DEFAULT_BASE_URL: &str = "https://api.thinq.com";

/// An id thinQ handed out (an order, a profile), checked to be digits before it goes into a
/// URL path: an answer must not be able to steer a request elsewhere.
pub(crate) fn checked_id(id: &str, what: &str) -> Result<String, ThinqError> {
    if !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(id.to_owned())
    } else {
        Err(ThinqError::Malformed {
            detail: format!("thinQ gave the {what} an id that is not digits"),
        })
    }
}
