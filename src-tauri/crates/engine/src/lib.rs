//! What the app does, independent of any window: workspaces, organizations, the thinQ
//! integration, each as a function over the service clients and the local store.

pub mod bindings;
#[cfg(feature = "builtin-sandbox")]
pub mod builtin_sandbox;
mod context;
pub mod diagnostics;
pub mod draft_file;
pub mod drafts;
mod error;
pub mod home;
pub mod integrations;
pub mod numbers;
mod observations;
pub mod organizations;
pub mod readiness;
mod secrets;
pub mod setup;
pub mod snapshot;
pub mod startup;
pub mod sync;
pub mod workspaces;

pub use context::{NetworkSettings, SandboxEndpoints, SandboxThinqAccount};
pub use error::{EngineError, EngineResult, Problem, ProblemCode};
pub use secrets::{SecretPersistence, SecretState};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use store::{Database, Keychain, SecretVault, SetAside};

/// The engine's state: the open database, the secret vault, one HTTP client, and where the
/// built-in sandbox listens (when this process runs one).
#[derive(Clone)]
pub struct Engine {
    db: Arc<Mutex<Database>>,
    vault: Arc<SecretVault>,
    http: reqwest::Client,
    network: NetworkSettings,
    sandbox: Option<SandboxEndpoints>,
    data_dir: PathBuf,
    set_aside: Option<SetAside>,
    /// Saved organization copies already decoded, so an edit does not decode them again.
    decoded_snapshots: Arc<Mutex<snapshot::DecodedSnapshots>>,
    /// Drafts already decoded; every draft write forgets them (see `drafts.rs`).
    decoded_drafts: Arc<Mutex<drafts::DecodedDrafts>>,
    /// What the services' answers showed, not yet written (see `observations.rs`).
    observations: Arc<observations::Observations>,
}

impl Engine {
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
            .map_err(|e| EngineError::Internal(e.to_string()))?;
        Ok(Self {
            db: Arc::new(Mutex::new(db)),
            vault: Arc::new(SecretVault::new(Keychain::new(keychain_service))),
            http,
            network,
            sandbox,
            data_dir: data_dir.to_path_buf(),
            set_aside,
            decoded_snapshots: Arc::default(),
            decoded_drafts: Arc::default(),
            observations: Arc::default(),
        })
    }

    /// The same engine calling the services with other time-outs, retries or concurrency.
    pub fn with_network(mut self, network: NetworkSettings) -> EngineResult<Self> {
        self.http = transport::build_client_with(network.request_timeout)
            .map_err(|e| EngineError::Internal(e.to_string()))?;
        self.network = network;
        Ok(self)
    }

    /// Runs `f` on the database on a blocking thread, so async callers never stall on disk.
    async fn with_db<T, F>(&self, f: F) -> EngineResult<T>
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
        .map_err(|e| EngineError::Internal(e.to_string()))?
    }

    /// Runs `f` on the secret vault on a blocking thread (keychain calls go over D-Bus).
    async fn with_vault<T, F>(&self, f: F) -> EngineResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&SecretVault) -> EngineResult<T> + Send + 'static,
    {
        let vault = self.vault.clone();
        tokio::task::spawn_blocking(move || f(&vault))
            .await
            .map_err(|e| EngineError::Internal(e.to_string()))?
    }
}
