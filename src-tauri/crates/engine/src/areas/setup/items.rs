//! The drafted setup changes as the Changes tab lists them, each with its last failure.

use super::service::Setup;
use crate::base::error::EngineResult;
use domain::{DraftId, OrgId, SetupKind, SetupService, WorkspaceId};
use serde::Serialize;
use store::tables::drafted;
use store::tables::journal;
use ts_rs::TS;

/// One drafted setup change as the Changes tab lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupItem {
    pub draft_id: DraftId,
    pub kind: SetupKind,
    pub kind_label: String,
    pub service: SetupService,
    pub service_label: String,
    pub description: String,
    /// The last sync's failure for this change, in the admin's words.
    pub last_failure: Option<String>,
}

impl Setup<'_> {
    /// The drafted setup changes with what their last sync said.
    pub(crate) async fn setup_items(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
    ) -> EngineResult<Vec<SetupItem>> {
        let (ws, id) = (workspace.clone(), org.clone());
        let (drafts, failures) = self
            .base
            .with_db(move |db| {
                Ok((
                    drafted::setup::list(db.conn(), &ws, &id)?,
                    journal::last_failures(db.conn(), &ws, &id)?,
                ))
            })
            .await?;
        Ok(drafts
            .into_iter()
            .map(|d| {
                let kind = d.change.kind();
                SetupItem {
                    draft_id: d.id,
                    kind,
                    kind_label: kind.label().into(),
                    service: kind.service(),
                    service_label: kind.service().label().into(),
                    description: d.change.describe(),
                    last_failure: failures.get(&d.id).cloned(),
                }
            })
            .collect())
    }
}
