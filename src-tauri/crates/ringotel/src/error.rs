//! Everything that can go wrong talking to Ringotel, each case named so callers can act on it.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RingotelError {
    /// HTTP 401, or an error with code 401 inside HTTP 200: deployments answer either way.
    #[error("Ringotel refused the API key (401): it is invalid or has expired{}", detail(.message))]
    Unauthorized {
        method: String,
        message: Option<String>,
    },
    /// HTTP 403, or an error with code 403 inside HTTP 200.
    #[error("The API key may not call {method} (403){}", detail(.message))]
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
    #[error("Ringotel or a proxy in front of it failed on {method} (HTTP {status}){}", detail(.message))]
    Http {
        method: String,
        status: u16,
        message: Option<String>,
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

fn detail(message: &Option<String>) -> String {
    message
        .as_deref()
        .map(|m| format!(": {m}"))
        .unwrap_or_default()
}

impl RingotelError {
    /// Whether the same call may succeed if made again later (rate limit, server fault, network).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Http { status, .. } => *status == 429 || *status >= 500,
            Self::Transport { .. } => true,
            _ => false,
        }
    }

    /// The key itself is the problem: the admin must enter a new one.
    pub fn is_auth(&self) -> bool {
        matches!(self, Self::Unauthorized { .. } | Self::Forbidden { .. })
    }
}
