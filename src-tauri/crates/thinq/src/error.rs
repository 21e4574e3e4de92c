//! What can go wrong calling thinQ, named for what the admin should do about it.

use std::time::Duration;
use thiserror::Error;
use transport::{Failure, Transience};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ThinqError {
    #[error("thinQ refused the username or token (HTTP 401){}", transport::said(.message))]
    Unauthorized { message: Option<String> },
    /// 403 and 404 on an account path usually mean the Account ID is wrong, often the username
    /// typed where the numeric Account ID belongs.
    #[error("thinQ refused access to account {account_id} (HTTP {status}){}", transport::said(.message))]
    AccountRefused {
        account_id: String,
        status: u16,
        message: Option<String>,
    },
    #[error("thinQ answered HTTP {status}{}", transport::said(.message))]
    Http {
        status: u16,
        message: Option<String>,
        /// The server's `Retry-After`, when it sent one.
        retry_after: Option<Duration>,
    },
    #[error("thinQ's answer was not what its API returns: {detail}")]
    Malformed { detail: String },
    #[error("Could not reach thinQ: {detail}")]
    Transport { detail: String, timed_out: bool },
}

impl ThinqError {
    /// What this failure says about making the same call again (see [`transport::retry`]).
    pub fn transience(&self) -> Transience {
        match self {
            Self::Http {
                status,
                retry_after,
                ..
            } => Transience::of_status(*status, *retry_after),
            Self::Transport { .. } => Transience::Transient { retry_after: None },
            Self::Malformed { .. } => Transience::Unexplained,
            Self::Unauthorized { .. } | Self::AccountRefused { .. } => Transience::Permanent,
        }
    }

    pub fn is_transient(&self) -> bool {
        matches!(self.transience(), Transience::Transient { .. })
    }

    /// What kind of failure this is (see [`transport::Failure`]).
    pub fn failure(&self) -> Failure {
        match self {
            Self::Unauthorized { .. } => Failure::RefusedCredentials { status: 401 },
            Self::AccountRefused { status, .. } => Failure::RefusedCredentials { status: *status },
            Self::Http { status, .. } => Failure::ServerError { status: *status },
            Self::Malformed { .. } => Failure::AnswerLost,
            Self::Transport { timed_out, .. } => Failure::no_answer(*timed_out),
        }
    }

    /// The service's own words, when it gave any (shown verbatim beside the field at fault).
    pub fn server_message(&self) -> Option<&str> {
        match self {
            Self::Unauthorized { message }
            | Self::AccountRefused { message, .. }
            | Self::Http { message, .. } => message.as_deref(),
            _ => None,
        }
    }
}
