//! Where the app keeps secrets: the keychain, or, when the admin chose so explicitly because
//! the keychain is unavailable, this process's memory until it exits.

use crate::keychain::{Keychain, SecretName};
use crate::keychain_error::KeychainError;
use domain::Secret;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Mutex;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SecretLocation {
    Keychain,
    /// Held in memory only; gone when the app closes.
    Session,
    Missing,
}

pub struct SecretVault {
    keychain: Keychain,
    session: Mutex<HashMap<SecretName, Secret>>,
}

impl SecretVault {
    pub fn new(keychain: Keychain) -> Self {
        Self {
            keychain,
            session: Mutex::new(HashMap::new()),
        }
    }

    fn session(&self) -> std::sync::MutexGuard<'_, HashMap<SecretName, Secret>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Stores in the keychain; on success any session-only copy is dropped.
    pub fn save(&self, name: &SecretName, secret: &Secret) -> Result<(), KeychainError> {
        self.keychain.store_secret(name, secret)?;
        self.session().remove(name);
        Ok(())
    }

    /// The admin's explicit choice when the keychain is unavailable: memory only, this run only.
    pub fn save_for_session(&self, name: &SecretName, secret: &Secret) {
        self.session().insert(name.clone(), secret.clone());
    }

    /// The secret from this session's memory, else from the keychain.
    pub fn load(&self, name: &SecretName) -> Result<Option<Secret>, KeychainError> {
        if let Some(secret) = self.session().get(name) {
            return Ok(Some(secret.clone()));
        }
        self.keychain.load(name)
    }

    /// Where a secret is, without handing it out. A keychain error reads as the error.
    pub fn locate(&self, name: &SecretName) -> Result<SecretLocation, KeychainError> {
        if self.session().contains_key(name) {
            return Ok(SecretLocation::Session);
        }
        Ok(match self.keychain.load(name)? {
            Some(_) => SecretLocation::Keychain,
            None => SecretLocation::Missing,
        })
    }

    /// Forgets the secret everywhere it may be.
    pub fn delete(&self, name: &SecretName) -> Result<(), KeychainError> {
        self.session().remove(name);
        self.keychain.delete(name)
    }

    pub fn keychain(&self) -> &Keychain {
        &self.keychain
    }
}
