//! Saving a secret where the admin said: the keychain, or this session only when the keychain
//! is unavailable and they chose that explicitly.

use crate::Engine;
use crate::error::{EngineError, EngineResult};
use domain::Secret;
use serde::Deserialize;
use store::{KeychainError, SecretName};
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

impl Engine {
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
