//! The engine: the base it works on and the decoded copies of what is stored, kept so an edit
//! does not decode them again. Every area adds its operations to it.

use crate::base::error::EngineResult;
use crate::base::handle::Base;
use crate::base::settings::{NetworkSettings, SandboxEndpoints};
use crate::base::startup::StartupReport;
use crate::stored::{drafts, snapshot};
use std::path::Path;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub struct Engine {
    pub(crate) base: Base,
    /// Saved organization copies already decoded, so an edit does not decode them again.
    pub(crate) decoded_snapshots: Arc<Mutex<snapshot::DecodedSnapshots>>,
    /// Drafts already decoded; every draft write forgets them (see `drafts.rs`).
    pub(crate) decoded_drafts: Arc<Mutex<drafts::DecodedDrafts>>,
}

impl Engine {
    /// Opens the local database in `data_dir` (recovering from a damaged file) and the
    /// keychain under `keychain_service`.
    pub fn open(
        data_dir: &Path,
        keychain_service: &str,
        sandbox: Option<SandboxEndpoints>,
    ) -> EngineResult<Self> {
        Ok(Self {
            base: Base::open(data_dir, keychain_service, sandbox)?,
            decoded_snapshots: Arc::default(),
            decoded_drafts: Arc::default(),
        })
    }

    /// The same engine calling the services with other time-outs, retries or concurrency.
    pub fn with_network(self, network: NetworkSettings) -> EngineResult<Self> {
        Ok(Self {
            base: self.base.with_network(network)?,
            ..self
        })
    }

    /// Writes what the services' answers showed and is not written yet.
    pub async fn flush_observations(&self) -> EngineResult<()> {
        self.base.flush_observations().await
    }

    /// What the app found when it opened its data.
    pub fn startup_report(&self) -> StartupReport {
        self.base.startup_report()
    }
}
