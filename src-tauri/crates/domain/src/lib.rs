//! The configuration model shared by every other crate: ids, secrets, URLs, credentials, rules.

pub mod field;
pub mod ids;
pub mod organization;
pub mod phone_display;
pub mod secret;
pub mod thinq;
pub mod urls;

pub use field::{FieldProblem, Problems};
pub use ids::{RingotelId, ServiceId};
pub use organization::{Package, SmsMode};
pub use secret::Secret;
pub use thinq::{ThinqAccountId, ThinqCredentials, ThinqSettingsInput, ThinqUsername};
pub use urls::{BaseUrl, UrlProblem, WebhookUrl};
