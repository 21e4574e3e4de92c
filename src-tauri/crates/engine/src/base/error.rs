//! Engine failures, and their words for an administrator.

use domain::ConnectionId;
use domain::DraftId;
use domain::SmsNumberId;
use domain::{FieldProblem, OrgId, WorkspaceId};
use ringotel::RingotelError;
use store::{KeychainError, StoreError};
use thinq::ThinqError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum EngineError {
    #[error(transparent)]
    Ringotel(#[from] RingotelError),
    #[error(transparent)]
    Thinq(#[from] ThinqError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    #[error("{}", .0.first().map(|p| p.message.as_str()).unwrap_or("The form has problems"))]
    Invalid(Vec<FieldProblem>),
    #[error("There is no workspace \"{0}\"; it may have been removed")]
    UnknownWorkspace(WorkspaceId),
    #[error("The API key of workspace \"{0}\" is not in the keychain")]
    MissingApiKey(String),
    #[error("The Sandbox's simulated services are not running")]
    SandboxNotRunning,
    #[error("Organization {0} has no thinQ integration card in Ringotel")]
    NoThinqCard(String),
    #[error("There is no {0} any more")]
    NotFound(Missing),
    #[error("The thinQ Account ID, username and token of this organization are not saved here")]
    NoThinqSettings(OrgId),
    #[error("No organization was checked yet")]
    NoCheckAllReport,
    #[error("Internal error: {0}")]
    Internal(Internal),
}

/// What an action named that is not there (any more).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Missing {
    #[error("drafted change {0}")]
    DraftedChange(DraftId),
    #[error("drafted number {0}")]
    DraftedNumber(DraftId),
    #[error("SMS number {0}")]
    SmsNumber(SmsNumberId),
    #[error("connection {0}")]
    Connection(ConnectionId),
}

/// A failure that is this app's own fault, not the admin's or a service's.
#[derive(Debug, Error)]
pub enum Internal {
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    HttpClient(#[from] reqwest::Error),
    #[error("{0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("thinQ base URL {0}")]
    ThinqBaseUrl(domain::UrlProblem),
    #[error("not an existing number")]
    NotAnExistingNumber,
    /// The CSV writer failed on text in memory.
    #[error("the report could not be put together: {0}")]
    Report(String),
    /// What in a drafted change cannot be read (the plan's own type, above this layer).
    #[error("this change cannot be compared ({0}); discard it and draft it again")]
    CannotCompare(Box<dyn std::error::Error + Send + Sync>),
}

pub type EngineResult<T> = Result<T, EngineError>;

/// A failure in the admin's words: what Ringotel said or why it could not be asked, never a
/// method name or a client's internals.
pub(crate) fn ringotel_in_words(error: &RingotelError) -> String {
    match error {
        RingotelError::Remote { message, .. } => format!("Ringotel refused it: {message}"),
        RingotelError::Http { status: 429, .. } => {
            "Ringotel kept asking to slow down (HTTP 429)".into()
        }
        RingotelError::Http { status, .. } => format!("Ringotel kept failing (HTTP {status})"),
        RingotelError::Transport {
            timed_out: true, ..
        } => "Ringotel did not answer in time".into(),
        RingotelError::Transport { detail, .. } => {
            format!("Ringotel could not be reached: {detail}")
        }
        RingotelError::Malformed { detail, .. } => {
            format!("Ringotel's answer could not be read: {detail}")
        }
        RingotelError::Unauthorized { .. } | RingotelError::Forbidden { .. } => error.to_string(),
    }
}
