//! Ringotel Admin API client: `POST {base}/api` JSON-RPC with a Bearer key, decoded in one place.

mod client;
pub mod envelope;
mod error;
mod lenient;
mod methods;
mod sms_fields;
pub mod types;

pub use client::RingotelClient;
pub use error::RingotelError;
pub use methods::integrations::{IntegrationForm, THINQ_FORM_FIELDS};
pub use methods::optout::OptOutEntry;
pub use sms_fields::UnreadableTrunk;
pub use types::ASSUMED_WEBHOOK_FIELDS;
pub use types::{
    AutoReplyWire, Branch, OptOutWire, Organization, Service, SmsTrunk, SmsTrunkBody, User,
};
