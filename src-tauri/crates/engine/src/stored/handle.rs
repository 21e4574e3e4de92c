//! The stored layer's handle: the base it works on and the decoded copies of what is stored,
//! kept so an edit does not decode them again.

use crate::base::error::EngineResult;
use crate::base::handle::Base;
use crate::base::settings::{NetworkSettings, SandboxEndpoints};
use crate::stored::{drafts, snapshot};
use std::path::Path;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub struct Stored {
    pub(crate) base: Base,
    /// Saved organization copies already decoded, so an edit does not decode them again.
    pub(crate) decoded_snapshots: Arc<Mutex<snapshot::DecodedSnapshots>>,
    /// Drafts already decoded; every draft write forgets them (see `drafts.rs`).
    pub(crate) decoded_drafts: Arc<Mutex<drafts::DecodedDrafts>>,
    /// Opt-out lists as last read (see `opt_out_lists.rs`).
    pub(crate) opt_out_lists: Arc<Mutex<super::opt_out_lists::OptOutLists>>,
}

impl Stored {
    /// Opens the local database in `data_dir` (recovering from a damaged file) and the
    /// keychain under `keychain_service`.
    pub(crate) fn open(
        data_dir: &Path,
        keychain_service: &str,
        sandbox: Option<SandboxEndpoints>,
    ) -> EngineResult<Self> {
        Ok(Self {
            base: Base::open(data_dir, keychain_service, sandbox)?,
            decoded_snapshots: Arc::default(),
            decoded_drafts: Arc::default(),
            opt_out_lists: Arc::default(),
        })
    }

    /// The same store calling the services with other time-outs, retries or concurrency.
    pub(crate) fn with_network(self, network: NetworkSettings) -> EngineResult<Self> {
        Ok(Self {
            base: self.base.with_network(network)?,
            ..self
        })
    }
}
