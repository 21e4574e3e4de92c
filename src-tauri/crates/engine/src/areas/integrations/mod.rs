//! The thinQ integration of an organization: its card, its settings, checking the credentials
//! against thinQ, and enabling or disabling it in Ringotel.

mod card;
mod outcomes;
mod portal;
mod read;
mod service;
mod settings;
pub(crate) mod view;

pub use outcomes::{PasteWebhookOutcome, SaveThinqOutcome, ThinqTestOutcome};
pub use service::Integrations;
pub use settings::check_thinq_settings;
pub use view::{IntegrationCard, SandboxThinqHint, ThinqIntegrationView};
