//! Each way the OS keychain can fail, turned into a cause the admin can act on.

use keyring_core::Error as KeyringError;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// Why the keychain could not be used, in terms of what is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KeychainProblem {
    /// No D-Bus session bus, so no Secret Service can be reached.
    NoSessionBus,
    /// A session bus, but nothing on it provides org.freedesktop.secrets.
    NoSecretService,
    /// The keychain is there but locked (or refused access).
    Locked,
    /// The keychain took no answer back within [`KEYCHAIN_ANSWER_WAIT`]: most often an unlock
    /// prompt nobody answered, or a keychain daemon that stopped mid-call.
    NoAnswer,
    /// This platform has no supported keychain.
    Unsupported,
    /// Anything else the keychain reported.
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.message())]
pub struct KeychainError {
    pub problem: KeychainProblem,
    /// The platform's own words, for the log folder and support; never contains a secret.
    pub detail: String,
}

impl KeychainError {
    pub fn message(&self) -> String {
        match self.problem {
            KeychainProblem::NoSessionBus => "The system keychain cannot be reached: no D-Bus session bus is running. \
                Start the app from a desktop session (or under dbus-run-session) to use the keychain."
                .into(),
            KeychainProblem::NoSecretService => "No system keychain is running: nothing provides the Secret Service \
                (org.freedesktop.secrets). Install and start GNOME Keyring or KWallet to store secrets."
                .into(),
            KeychainProblem::Locked => "The system keychain is locked. Unlock it (for example by logging in again) and retry.".into(),
            KeychainProblem::NoAnswer => "The system keychain did not answer in time, so nothing was read or saved. \
                If it asks to be unlocked, unlock it and try again; otherwise restart the app (or log in again)."
                .into(),
            KeychainProblem::Unsupported => "This system has no supported keychain.".into(),
            KeychainProblem::Failed => format!("The system keychain failed: {}", self.detail),
        }
    }

    pub(crate) fn from_keyring(error: &KeyringError) -> Self {
        let detail = error.to_string();
        let problem = match error {
            KeyringError::NoStorageAccess(_) => KeychainProblem::Locked,
            KeyringError::NoDefaultStore => KeychainProblem::Unsupported,
            _ => classify_platform_text(&detail),
        };
        Self { problem, detail }
    }
}

/// The Secret Service store reports a missing bus or provider only as text; these are the
/// phrasings zbus uses (checked in tests against a real bus).
fn classify_platform_text(detail: &str) -> KeychainProblem {
    let lower = detail.to_ascii_lowercase();
    if lower.contains("serviceunknown") || lower.contains("org.freedesktop.secrets") {
        KeychainProblem::NoSecretService
    } else if lower.contains("bus")
        || lower.contains("no such file")
        || lower.contains("connection refused")
    {
        KeychainProblem::NoSessionBus
    } else if lower.contains("locked") || lower.contains("prompt") || lower.contains("dismissed") {
        KeychainProblem::Locked
    } else {
        KeychainProblem::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_a_message_that_says_what_is_missing() {
        for problem in [
            KeychainProblem::NoSessionBus,
            KeychainProblem::NoSecretService,
            KeychainProblem::Locked,
            KeychainProblem::NoAnswer,
        ] {
            let message = KeychainError {
                problem,
                detail: String::new(),
            }
            .message();
            assert!(message.len() > 30, "{message}");
        }
    }
}
