//! What the integration's actions answer: a connection test, a save, a pasted webhook URL.

use super::view::ThinqIntegrationView;
use domain::FieldKey;
use domain::FieldProblem;
use serde::Serialize;
use store::KeychainProblem;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ThinqTestOutcome {
    Passed {
        balance: Option<f64>,
    },
    /// thinQ said no; `field` is where the admin should look.
    Rejected {
        field: FieldKey,
        message: String,
        hint: Option<String>,
    },
    Unreachable {
        message: String,
    },
    Invalid {
        problems: Vec<FieldProblem>,
    },
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SaveThinqOutcome {
    /// Saved here and enabled in Ringotel, confirmed by reading the card back.
    Saved {
        integration: ThinqIntegrationView,
        /// What reading back settled, when Ringotel's own answer was lost.
        note: Option<String>,
    },
    /// Saved here, but Ringotel did not take it; the steps say what to click in the portal.
    SavedNotApplied {
        integration: ThinqIntegrationView,
        message: String,
        portal_steps: Vec<String>,
    },
    Invalid {
        problems: Vec<FieldProblem>,
    },
    /// Nothing was saved; the admin may retry with `session` persistence.
    KeychainUnavailable {
        problem: KeychainProblem,
        message: String,
    },
}

/// What saving a pasted webhook URL did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum PasteWebhookOutcome {
    Saved {
        integration: Box<ThinqIntegrationView>,
    },
    Invalid {
        problem: FieldProblem,
    },
}
