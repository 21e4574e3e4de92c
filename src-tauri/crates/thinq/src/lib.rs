//! thinQ (Commio) API client: Basic auth with username and token, paths keyed by the numeric
//! account id, and every answer through one decoding funnel.

mod client;
mod dids;
mod error;
mod features;
mod response;
mod routing;

pub use client::{Balance, ThinqClient};
pub use dids::{DidPage, DidRow, MAX_PAGE_ROWS};
pub use error::ThinqError;
pub use features::{DidFeatures, OrderLine};
pub use routing::RoutingProfile;

/// [code] The public thinQ API host; a setting, so tests and the sandbox point elsewhere.
pub const DEFAULT_BASE_URL: &str = "https://api.thinq.com";
