//! Turning "the active workspace" into connected clients: where each service lives and with
//! which key.

use super::handle::Base;
use super::settings::SandboxEndpoints;
use crate::base::error::Internal;
use crate::base::error::{EngineError, EngineResult};
use domain::{BaseUrl, ThinqCredentials, WorkspaceId};
use ringotel::RingotelClient;
use store::SecretName;
use store::tables::workspaces;
use store::tables::workspaces::{WorkspaceRecord, WorkspaceTarget};
use thinq::ThinqClient;

/// The active workspace, ready to call both services.
#[derive(Clone)]
pub(crate) struct Connected {
    pub workspace: WorkspaceRecord,
    pub ringotel: RingotelClient,
    pub thinq_base: BaseUrl,
    /// Shared by every client made from this connection, for an action over many items.
    pub call_limit: Option<transport::CallLimit>,
}

impl Connected {
    pub fn is_sandbox(&self) -> bool {
        self.workspace.target == WorkspaceTarget::Sandbox
    }

    pub fn workspace_id(&self) -> WorkspaceId {
        self.workspace.id.clone()
    }

    /// The same connection keeping at most `calls` requests in flight, Ringotel's and every
    /// thinQ client's made from it together.
    pub fn limited(&self, calls: usize) -> Self {
        let limit = transport::CallLimit::new(calls);
        Self {
            workspace: self.workspace.clone(),
            ringotel: self.ringotel.clone().with_call_limit(limit.clone()),
            thinq_base: self.thinq_base.clone(),
            call_limit: Some(limit),
        }
    }
}

impl Base {
    pub(crate) fn sandbox(&self) -> EngineResult<&SandboxEndpoints> {
        self.sandbox.as_ref().ok_or(EngineError::SandboxNotRunning)
    }

    /// The active workspace's record; the Sandbox when none was chosen or the chosen one is gone.
    pub(crate) async fn active_workspace(&self) -> EngineResult<WorkspaceRecord> {
        self.with_db(|db| Ok(workspaces::active(db.conn())?)).await
    }

    pub(crate) async fn connect(&self) -> EngineResult<Connected> {
        // What the last action's answers showed is written as the next one starts; a failure
        // to keep them must not stop the action (they are kept for the next try).
        if let Err(error) = self.flush_observations().await {
            tracing::warn!(%error, "what the services' answers showed could not be kept yet");
        }
        let workspace = self.active_workspace().await?;
        let (base, key, thinq_base) = match &workspace.target {
            WorkspaceTarget::Sandbox => {
                let sandbox = self.sandbox()?;
                (
                    sandbox.ringotel.clone(),
                    sandbox.api_key.clone(),
                    sandbox.thinq.clone(),
                )
            }
            WorkspaceTarget::Ringotel { base, thinq } => {
                let name = SecretName::RingotelApiKey {
                    workspace: workspace.id.clone(),
                };
                let key = self
                    .with_vault(move |vault| Ok(vault.load(&name)?))
                    .await?
                    .ok_or_else(|| EngineError::MissingApiKey(workspace.name.clone()))?;
                let thinq_base = match thinq {
                    Some(own) => own.clone(),
                    None => BaseUrl::parse(thinq::DEFAULT_BASE_URL)
                        .map_err(|e| EngineError::Internal(Internal::ThinqBaseUrl(e)))?,
                };
                (base.clone(), key, thinq_base)
            }
        };
        let ringotel = RingotelClient::new(self.http.clone(), base, key)
            .with_retry_policy(self.network.retry)
            .with_observer(self.observer(&workspace.id));
        Ok(Connected {
            workspace,
            ringotel,
            thinq_base,
            call_limit: None,
        })
    }

    /// A thinQ client for the connected workspace's thinQ address, reporting its answers.
    pub(crate) fn thinq_client(
        &self,
        connected: &Connected,
        creds: ThinqCredentials,
    ) -> ThinqClient {
        let client = ThinqClient::new(self.http.clone(), connected.thinq_base.clone(), creds)
            .with_retry_policy(self.network.retry)
            .with_observer(self.observer(&connected.workspace.id));
        match &connected.call_limit {
            Some(limit) => client.with_call_limit(limit.clone()),
            None => client,
        }
    }
}
