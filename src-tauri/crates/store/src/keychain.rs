//! Secrets in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager),
//! under names that never collide between workspaces and organizations.

use crate::keychain_calls::KeychainCalls;
use crate::keychain_error::KeychainError;
use domain::OrgId;
use domain::{Secret, WorkspaceId};
use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use std::sync::Arc;
use std::time::Duration;

/// Which secret an entry holds; the keychain's "account" field is derived from it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SecretName {
    RingotelApiKey { workspace: WorkspaceId },
    ThinqToken { workspace: WorkspaceId, org: OrgId },
}

impl SecretName {
    /// Where an organization's thinQ token is kept.
    pub fn thinq_token(workspace: &WorkspaceId, org: &OrgId) -> Self {
        Self::ThinqToken {
            workspace: workspace.clone(),
            org: org.clone(),
        }
    }

    fn account(&self) -> String {
        match self {
            Self::RingotelApiKey { workspace } => format!("ringotel-api-key/{workspace}"),
            Self::ThinqToken { workspace, org } => format!("thinq-token/{workspace}/{org}"),
        }
    }
}

/// How long one keychain call may take before the admin is told it did not answer. Long
/// enough to type a password into an unlock prompt; short enough that a keychain daemon that
/// died mid-call (its replacement waits on a prompt no one sees) is a message, not a hang.
pub const KEYCHAIN_ANSWER_WAIT: Duration = Duration::from_secs(120);

/// The OS keychain under one service name. The connection is opened on first use and kept;
/// a failed open is retried on the next call, so starting a keyring later needs no restart.
pub struct Keychain {
    service: String,
    calls: KeychainCalls,
}

impl Keychain {
    /// `service` separates builds: release and debug builds never read each other's secrets.
    pub fn new(service: impl Into<String>) -> Self {
        Self::with_answer_wait(service, KEYCHAIN_ANSWER_WAIT)
    }

    /// As [`Keychain::new`], giving up on a call after `answer_wait` (diagnostics and tests).
    pub fn with_answer_wait(service: impl Into<String>, answer_wait: Duration) -> Self {
        Self {
            service: service.into(),
            calls: KeychainCalls::new(answer_wait),
        }
    }

    /// Runs `work` on the entry that holds `name`, on the keychain's thread (see
    /// `keychain_calls.rs`); `take_back` undoes a write whose caller stopped waiting.
    fn on_entry<T: Send + 'static>(
        &self,
        name: &SecretName,
        work: impl FnOnce(Entry) -> Result<T, KeychainError> + Send + 'static,
        take_back: impl FnOnce(Entry) + Send + 'static,
    ) -> Result<T, KeychainError> {
        let (service, account) = (self.service.clone(), name.account());
        let (again_service, again_account) = (service.clone(), account.clone());
        self.calls.run(
            open,
            move |store| work(entry_in(store, &service, &account)?),
            move |store| {
                if let Ok(entry) = entry_in(store, &again_service, &again_account) {
                    take_back(entry);
                }
            },
        )
    }

    /// Whether the keychain can be used right now (reachable; a write may still find it locked).
    pub fn probe(&self) -> Result<(), KeychainError> {
        self.calls.run(open, |_| Ok(()), |_| {})
    }

    pub fn store_secret(&self, name: &SecretName, secret: &Secret) -> Result<(), KeychainError> {
        let secret = secret.clone();
        self.on_entry(
            name,
            move |entry| {
                entry
                    .set_password(secret.expose())
                    .map_err(|e| KeychainError::from_keyring(&e))
            },
            // The admin was told the secret was not saved: it must not be there later.
            |entry| {
                let _ = entry.delete_credential();
            },
        )
    }

    /// The secret, or `None` when there is no entry.
    pub fn load(&self, name: &SecretName) -> Result<Option<Secret>, KeychainError> {
        self.on_entry(
            name,
            |entry| match entry.get_password() {
                Ok(value) => Ok(Some(Secret::new(value))),
                Err(KeyringError::NoEntry) => Ok(None),
                Err(e) => Err(KeychainError::from_keyring(&e)),
            },
            |_| {},
        )
    }

    /// Removes the entry; removing one that is not there is not an error.
    pub fn delete(&self, name: &SecretName) -> Result<(), KeychainError> {
        self.on_entry(
            name,
            |entry| match entry.delete_credential() {
                Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
                Err(e) => Err(KeychainError::from_keyring(&e)),
            },
            |_| {},
        )
    }
}

fn entry_in(
    store: &Arc<CredentialStore>,
    service: &str,
    account: &str,
) -> Result<Entry, KeychainError> {
    Entry::new_in_store(store, service, account).map_err(|e| KeychainError::from_keyring(&e))
}

/// The platform store, opened.
fn open() -> Result<Arc<CredentialStore>, KeychainError> {
    open_platform_store().map_err(|e| KeychainError::from_keyring(&e))
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn open_platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn open_platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn open_platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(unix, target_os = "windows")))]
fn open_platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(KeyringError::NoDefaultStore)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(id: &str) -> WorkspaceId {
        WorkspaceId::parse(id).unwrap()
    }

    fn org(id: &str) -> OrgId {
        OrgId::parse(id).unwrap()
    }

    #[test]
    fn secret_names_never_collide_between_workspaces_or_organizations() {
        let a = SecretName::ThinqToken {
            workspace: ws("w1"),
            org: org("o1"),
        }
        .account();
        let b = SecretName::ThinqToken {
            workspace: ws("w1"),
            org: org("o2"),
        }
        .account();
        let c = SecretName::RingotelApiKey {
            workspace: ws("w1"),
        }
        .account();
        assert!(a != b && a != c && b != c);
    }

    #[test]
    fn account_names_stay_as_earlier_versions_wrote_them() {
        // Changing these would orphan every secret already in an admin's keychain.
        let key = SecretName::RingotelApiKey {
            workspace: ws("ws-1700000000000-1"),
        };
        assert_eq!(key.account(), "ringotel-api-key/ws-1700000000000-1");
        let token = SecretName::ThinqToken {
            workspace: ws("sandbox"),
            org: org("9223372036854775808"),
        };
        assert_eq!(token.account(), "thinq-token/sandbox/9223372036854775808");
    }
}
