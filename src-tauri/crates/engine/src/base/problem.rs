//! The one `{code, message, field, next step}` object every failure becomes at the UI's edge.

use super::error::{EngineError, ringotel_in_words};
use super::next_step::{NextStep, next_step};
use domain::FieldKey;
use ringotel::RingotelError;
use serde::Serialize;
use transport::Failure;
use ts_rs::TS;

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
    /// What to do about it, when `message` does not say so itself ([`next_step`]).
    pub next_step: Option<String>,
    /// Whether doing the same again unchanged may succeed: the notice offers Try again.
    pub retry: bool,
}

impl Problem {
    /// A problem this app states itself (not an engine failure), with its way forward.
    pub fn stated(code: ProblemCode, message: impl Into<String>, next: NextStep) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            next_step: next.advice.map(str::to_owned),
            retry: next.retry,
        }
    }
}

impl From<EngineError> for Problem {
    fn from(error: EngineError) -> Self {
        let next = next_step(&error);
        let message = match &error {
            // The admin's words, not the API method's name (the log keeps that).
            EngineError::Ringotel(
                e @ (RingotelError::Unauthorized { .. } | RingotelError::Forbidden { .. }),
            ) => e.to_string(),
            EngineError::Ringotel(e) => ringotel_in_words(e),
            _ => error.to_string(),
        };
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
            next_step: next.advice.map(str::to_owned),
            retry: next.retry,
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
