//! What every layer above works with: the open database, the secret vault, one HTTP client,
//! and where the Sandbox's services listen.

use super::error::{EngineError, EngineResult};
use super::observations;
use super::settings::{NetworkSettings, SandboxEndpoints};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use store::{Database, Keychain, SecretVault, SetAside};

/// The base of the engine: the open database, the secret vault, one HTTP client, and where the
/// Sandbox's services listen (when this process or its child serves them).
#[derive(Clone)]
pub struct Base {
    pub(crate) db: Arc<Mutex<Database>>,
    pub(crate) vault: Arc<SecretVault>,
    pub(crate) http: reqwest::Client,
    pub(crate) network: NetworkSettings,
    pub(crate) sandbox: Option<SandboxEndpoints>,
    pub(crate) data_dir: PathBuf,
    pub(crate) set_aside: Option<SetAside>,
    /// What the services' answers showed, not yet written (see `observations.rs`).
    pub(crate) observations: Arc<observations::Observations>,
}

impl Base {
    /// Opens the local database in `data_dir` (recovering from a damaged file) and the
    /// keychain under `keychain_service`.
    pub fn open(
        data_dir: &Path,
        keychain_service: &str,
        sandbox: Option<SandboxEndpoints>,
    ) -> EngineResult<Self> {
        let (db, set_aside) = Database::open_in(data_dir)?;
        let network = NetworkSettings::default();
        let http = transport::build_client_with(network.request_timeout)
            .map_err(|e| EngineError::Internal(e.into()))?;
        Ok(Self {
            db: Arc::new(Mutex::new(db)),
            vault: Arc::new(SecretVault::new(Keychain::new(keychain_service))),
            http,
            network,
            sandbox,
            data_dir: data_dir.to_path_buf(),
            set_aside,
            observations: Arc::default(),
        })
    }

    /// The same base calling the services with other time-outs, retries or concurrency.
    pub fn with_network(mut self, network: NetworkSettings) -> EngineResult<Self> {
        self.http = transport::build_client_with(network.request_timeout)
            .map_err(|e| EngineError::Internal(e.into()))?;
        self.network = network;
        Ok(self)
    }

    /// Runs `f` on the database on a blocking thread, so async callers never stall on disk.
    pub(crate) async fn with_db<T, F>(&self, f: F) -> EngineResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Database) -> EngineResult<T> + Send + 'static,
    {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = db.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| EngineError::Internal(e.into()))?
    }

    /// Runs `f` on the secret vault on a blocking thread (keychain calls go over D-Bus).
    pub(crate) async fn with_vault<T, F>(&self, f: F) -> EngineResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&SecretVault) -> EngineResult<T> + Send + 'static,
    {
        let vault = self.vault.clone();
        tokio::task::spawn_blocking(move || f(&vault))
            .await
            .map_err(|e| EngineError::Internal(e.into()))?
    }
}
