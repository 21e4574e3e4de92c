//! Everything that can go wrong talking to Ringotel, each case named so callers can act on it.

use std::time::Duration;
use thiserror::Error;
use transport::{Failure, Transience};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RingotelError {
    /// HTTP 401, or an error with code 401 inside HTTP 200: deployments answer either way.
    #[error("Ringotel refused the API key (401): it is invalid or has expired{}", transport::said(.message))]
    Unauthorized {
        method: String,
        message: Option<String>,
    },
    /// HTTP 403, or an error with code 403 inside HTTP 200.
    #[error("The API key may not call {method} (403){}", transport::said(.message))]
    Forbidden {
        method: String,
        message: Option<String>,
    },
    #[error("Ringotel answered {method} with an error: {message}")]
    Remote {
        method: String,
        code: Option<String>,
        message: String,
    },
    #[error("Ringotel or a proxy in front of it failed on {method} (HTTP {status}){}", transport::said(.message))]
    Http {
        method: String,
        status: u16,
        message: Option<String>,
        /// The server's `Retry-After`, when it sent one.
        retry_after: Option<Duration>,
    },
    #[error("Ringotel's answer to {method} was not what the API returns: {detail}")]
    Malformed { method: String, detail: String },
    #[error("Could not reach Ringotel ({method}): {detail}")]
    Transport {
        method: String,
        detail: String,
        timed_out: bool,
    },
}

impl RingotelError {
    /// What this failure says about making the same call again (see [`transport::retry`]).
    pub fn transience(&self) -> Transience {
        match self {
            Self::Http {
                status,
                retry_after,
                ..
            } => Transience::of_status(*status, *retry_after),
            Self::Transport { .. } => Transience::Transient { retry_after: None },
            // Errors arrive inside HTTP 200 for bad input and for passing faults alike, and a
            // garbled body may be a proxy's hiccup: safe to repeat only for a repeatable call.
            Self::Remote { .. } | Self::Malformed { .. } => Transience::Unexplained,
            Self::Unauthorized { .. } | Self::Forbidden { .. } => Transience::Permanent,
        }
    }

    /// Whether the same call may succeed if made again later (rate limit, server fault, network).
    pub fn is_transient(&self) -> bool {
        matches!(self.transience(), Transience::Transient { .. })
    }

    /// Whether the call may have reached the server and changed something although no
    /// success came back: its outcome must be settled by reading back.
    pub fn outcome_unknown(&self) -> bool {
        !matches!(self.transience(), Transience::Permanent)
    }

    /// The key itself is the problem: the admin must enter a new one.
    pub fn is_auth(&self) -> bool {
        self.failure().is_refused_credentials()
    }

    /// What kind of failure this is (see [`transport::Failure`]).
    pub fn failure(&self) -> Failure {
        match self {
            Self::Unauthorized { .. } => Failure::RefusedCredentials { status: 401 },
            Self::Forbidden { .. } => Failure::RefusedCredentials { status: 403 },
            Self::Remote { .. } => Failure::Rejected,
            Self::Http { status, .. } => Failure::ServerError { status: *status },
            Self::Malformed { .. } => Failure::AnswerLost,
            Self::Transport { timed_out, .. } => Failure::no_answer(*timed_out),
        }
    }
}
