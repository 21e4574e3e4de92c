//! A problem with one input field, named so the UI can show it beside that field.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every form field the UI shows a problem beside; the one list both sides name fields by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FieldKey {
    // Workspaces: a Ringotel account.
    Name,
    BaseUrl,
    ApiKey,
    ThinqBaseUrl,
    // The thinQ integration card.
    WebhookUrl,
    AccountId,
    Username,
    Token,
    // The SMS number editor.
    Country,
    Number,
    DisplayName,
    Users,
    Stickiness,
    OptOutKeyword,
    OptOutReply,
    AutoReplies,
    // A number's opt-out list, and a live test message's phone.
    Customer,
    ReplyWait,
    // Importing a draft from a file.
    DraftFile,
    // The Connections tab and readiness fixes.
    Connection,
    Package,
    ReadinessFix,
}

impl FieldKey {
    /// The field's name as its form shows it, for messages away from the form (files, CLI).
    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::BaseUrl => "Address",
            Self::ApiKey => "API key",
            Self::ThinqBaseUrl => "thinQ address",
            Self::WebhookUrl => "Webhook URL",
            Self::AccountId => "Account ID",
            Self::Username => "Username",
            Self::Token => "Token",
            Self::Country => "Country",
            Self::Number => "Phone number",
            Self::DisplayName => "Display name",
            Self::Users => "Users",
            Self::Stickiness => "Stickiness",
            Self::OptOutKeyword => "Opt-out keyword",
            Self::OptOutReply => "Opt-out reply",
            Self::AutoReplies => "Auto-replies",
            Self::Customer => "Customer number",
            Self::ReplyWait => "Wait for the reply",
            Self::DraftFile => "Draft file",
            Self::Connection => "Connection",
            Self::Package => "Package",
            Self::ReadinessFix => "Fix",
        }
    }
}

/// One rejected input: which field, and what is wrong with it in words an admin acts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    pub field: FieldKey,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: FieldKey, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Every problem found in one form, so the admin sees them all at once rather than one per try.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<FieldProblem>);

impl Problems {
    /// Keeps the value when it parsed, or records the problem and keeps going.
    pub fn check<T, E: std::fmt::Display>(
        &mut self,
        field: FieldKey,
        parsed: Result<T, E>,
    ) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(err) => {
                self.0.push(FieldProblem::new(field, err.to_string()));
                None
            }
        }
    }

    /// Keeps the value when it was valid, or records its field's problem and keeps going.
    pub fn keep<T>(&mut self, checked: Result<T, FieldProblem>) -> Option<T> {
        checked.map_err(|problem| self.0.push(problem)).ok()
    }

    /// Records a problem found by a rule that is not a parse.
    pub fn push(&mut self, field: FieldKey, message: impl Into<String>) {
        self.0.push(FieldProblem::new(field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldProblem> {
        self.0
    }
}
