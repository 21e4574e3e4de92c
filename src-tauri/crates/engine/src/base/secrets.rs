//! Saving a secret where the admin said: the keychain, or this session only when the keychain
//! is unavailable and they chose that explicitly.

use super::handle::Base;
use crate::base::error::{EngineError, EngineResult};
use domain::Secret;
use serde::{Deserialize, Serialize};
use store::{KeychainError, SecretLocation, SecretName, SecretVault};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SecretPersistence {
    /// The OS keychain: survives restarts. The default, and the only place secrets persist.
    #[default]
    Keychain,
    /// Memory only, until the app closes; offered only after the keychain failed.
    Session,
}

/// Where a secret is, as the UI shows it, without the secret.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SecretState {
    Stored {
        location: SecretLocation,
    },
    /// The keychain could not be asked; the message says why.
    Unavailable {
        message: String,
    },
}

impl SecretState {
    /// Where a secret just saved with `persistence` is.
    pub(crate) fn kept(persistence: SecretPersistence) -> Self {
        let location = match persistence {
            SecretPersistence::Keychain => SecretLocation::Keychain,
            SecretPersistence::Session => SecretLocation::Session,
        };
        Self::Stored { location }
    }

    pub(crate) fn of(vault: &SecretVault, name: &SecretName) -> Self {
        match vault.locate(name) {
            Ok(location) => Self::Stored { location },
            Err(e) => Self::Unavailable {
                message: e.message(),
            },
        }
    }
}

impl Base {
    /// Stores `secret`; with the keychain unavailable this fails with the cause, and nothing
    /// is written anywhere else.
    pub(crate) async fn put_secret(
        &self,
        name: SecretName,
        secret: Secret,
        persistence: SecretPersistence,
    ) -> Result<(), KeychainError> {
        let saved = self
            .with_vault(move |vault| match persistence {
                SecretPersistence::Keychain => {
                    vault.save(&name, &secret).map_err(EngineError::Keychain)
                }
                SecretPersistence::Session => {
                    vault.save_for_session(&name, &secret);
                    Ok(())
                }
            })
            .await;
        match saved {
            Ok(()) => Ok(()),
            Err(EngineError::Keychain(e)) => Err(e),
            Err(other) => Err(KeychainError {
                problem: store::KeychainProblem::Failed,
                detail: other.to_string(),
            }),
        }
    }

    pub(crate) async fn get_secret(&self, name: SecretName) -> EngineResult<Option<Secret>> {
        self.with_vault(move |vault| Ok(vault.load(&name)?)).await
    }
}
