//! Engine failures, and the one `{code, message, field?}` object they become at the UI's edge.

use domain::ConnectionId;
use domain::DraftId;
use domain::SmsNumberId;
use domain::{FieldKey, FieldProblem, OrgId, WorkspaceId};
use ringotel::RingotelError;
use serde::Serialize;
use store::{KeychainError, StoreError};
use thinq::ThinqError;
use thiserror::Error;
use transport::Failure;
use ts_rs::TS;

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
    #[error(
        "The API key of workspace \"{0}\" is not stored; enter it again on the Workspaces screen"
    )]
    MissingApiKey(String),
    #[error("The built-in sandbox is not running")]
    SandboxNotRunning,
    #[error("Organization {0} has no thinQ integration card in Ringotel")]
    NoThinqCard(String),
    #[error("There is no {0} any more; refresh to see the current list")]
    NotFound(Missing),
    #[error(
        "The thinQ Account ID, username and token of this organization are not saved here; save them on the Integrations tab first"
    )]
    NoThinqSettings(OrgId),
    #[error("No organization was checked yet: run Check all first")]
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

/// What the UI branches on. Messages are for people; codes are for code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProblemCode {
    Invalid,
    Unauthorized,
    Forbidden,
    NotFound,
    Unreachable,
    Remote,
    KeychainUnavailable,
    Storage,
    Internal,
}

/// The error object every command rejects with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub code: ProblemCode,
    pub message: String,
    /// The form field at fault, when there is one.
    pub field: Option<FieldKey>,
}

impl From<EngineError> for Problem {
    fn from(error: EngineError) -> Self {
        let message = error.to_string();
        let (code, field) = match &error {
            EngineError::Ringotel(e) => (code_of(e.failure()), None),
            EngineError::Thinq(e) => (code_of(e.failure()), None),
            EngineError::Store(_) => (ProblemCode::Storage, None),
            EngineError::Keychain(_) => (ProblemCode::KeychainUnavailable, None),
            EngineError::Invalid(problems) => {
                (ProblemCode::Invalid, problems.first().map(|p| p.field))
            }
            EngineError::UnknownWorkspace(_)
            | EngineError::NoThinqCard(_)
            | EngineError::NotFound(_)
            | EngineError::NoCheckAllReport => (ProblemCode::NotFound, None),
            EngineError::NoThinqSettings(_) => (ProblemCode::NotFound, Some(FieldKey::AccountId)),
            EngineError::MissingApiKey(_) => (ProblemCode::Unauthorized, Some(FieldKey::ApiKey)),
            EngineError::SandboxNotRunning | EngineError::Internal(_) => {
                (ProblemCode::Internal, None)
            }
        };
        Self {
            code,
            message,
            field,
        }
    }
}

fn code_of(failure: Failure) -> ProblemCode {
    match failure {
        Failure::RefusedCredentials { status: 401 } => ProblemCode::Unauthorized,
        Failure::RefusedCredentials { .. } => ProblemCode::Forbidden,
        f if f.is_unreachable() => ProblemCode::Unreachable,
        _ => ProblemCode::Remote,
    }
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
