//! The engine's front door: opens the data home and hands out each area's operations; it
//! holds no operations of its own.

use crate::across::readiness::Readiness;
use crate::across::sync::Changes;
use crate::areas::diagnostics::Diagnostics;
use crate::areas::integrations::Integrations;
use crate::areas::numbers::Numbers;
use crate::areas::numbers::draft_file::DraftFiles;
use crate::areas::opt_outs::OptOuts;
use crate::areas::organizations::Organizations;
use crate::areas::test_message::TestMessages;
use crate::base::error::EngineResult;
use crate::base::settings::{NetworkSettings, SandboxEndpoints};
use crate::base::startup::StartupReport;
use crate::stored::handle::Stored;
use crate::stored::history::History;
use crate::stored::workspaces::Workspaces;
use std::path::Path;

#[derive(Clone)]
pub struct Engine {
    stored: Stored,
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
            stored: Stored::open(data_dir, keychain_service, sandbox)?,
        })
    }

    /// The same engine calling the services with other time-outs, retries or concurrency.
    pub fn with_network(self, network: NetworkSettings) -> EngineResult<Self> {
        Ok(Self {
            stored: self.stored.with_network(network)?,
        })
    }

    /// Writes what the services' answers showed and is not written yet.
    pub async fn flush_observations(&self) -> EngineResult<()> {
        self.stored.base.flush_observations().await
    }

    /// What the app found when it opened its data.
    pub fn startup_report(&self) -> StartupReport {
        self.stored.base.startup_report()
    }

    /// The Ringotel accounts and the Sandbox: listed, added, tested, switched, removed.
    pub fn workspaces(&self) -> Workspaces<'_> {
        Workspaces::new(&self.stored.base)
    }

    /// The active workspace's organizations, and the setup changes drafted on one.
    pub fn organizations(&self) -> Organizations<'_> {
        Organizations::new(&self.stored)
    }

    /// An organization's SMS numbers: the table, the editor, CSV and thinQ imports.
    pub fn numbers(&self) -> Numbers<'_> {
        Numbers::new(&self.stored)
    }

    /// An organization's thinQ card and settings.
    pub fn integrations(&self) -> Integrations<'_> {
        Integrations::new(&self.stored)
    }

    /// The opt-out lists of an organization's SMS numbers.
    pub fn opt_outs(&self) -> OptOuts<'_> {
        OptOuts::new(&self.stored)
    }

    /// Live test messages: a real text sent and followed both ways.
    pub fn test_messages(&self) -> TestMessages<'_> {
        TestMessages::new(&self.stored)
    }

    /// The pre-flight checklist and the fixes it drafts.
    pub fn readiness(&self) -> Readiness<'_> {
        Readiness::new(&self.stored)
    }

    /// The Changes tab: the draft planned, resolved and synced.
    pub fn changes(&self) -> Changes<'_> {
        Changes::new(&self.stored)
    }

    /// The sync journal, newest first.
    pub fn history(&self) -> History<'_> {
        History::new(&self.stored.base)
    }

    /// The draft exported to and imported from a file.
    pub fn draft_files(&self) -> DraftFiles<'_> {
        DraftFiles::new(&self.stored)
    }

    /// What the services' answers showed about each assumption, and the shape report.
    pub fn diagnostics(&self) -> Diagnostics<'_> {
        Diagnostics::new(&self.stored.base)
    }
}
