//! Setup changes in the draft (a connection's SMS mode, the package, the thinQ account's DIDs,
//! inbound routing and delivery URL): drafting them from the Connections and Overview tabs,
//! listing them in the Changes tab, and discarding them. `apply.rs` sends them.

pub(crate) mod apply;
mod sent;
mod thinq_orders;

pub use thinq_orders::ROUTING_PROFILE_NAME;

use crate::base::clock::now_ms;
use crate::base::error::Missing;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::engine::Engine;
use crate::stored::snapshot::Freshness;
use domain::ConnectionId;
use domain::DraftId;
use domain::OrgId;
use domain::{FieldKey, FieldProblem, SetupChange, SetupKind, SetupService, SmsMode, WorkspaceId};
use serde::Serialize;
use store::tables::draft_setup::{self, DraftSetup};
use store::tables::setup_journal;
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

impl Engine {
    pub(crate) async fn setup_drafts(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
    ) -> EngineResult<Vec<DraftSetup>> {
        let (ws, id) = (workspace.clone(), org.clone());
        self.base
            .with_db(move |db| Ok(draft_setup::list(db.conn(), &ws, &id)?))
            .await
    }

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
                    draft_setup::list(db.conn(), &ws, &id)?,
                    setup_journal::last_failures(db.conn(), &ws, &id)?,
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

    pub(crate) async fn put_setup_change(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
        change: SetupChange,
    ) -> EngineResult<DraftId> {
        let (ws, id) = (workspace.clone(), org.clone());
        self.base
            .with_db(move |db| Ok(draft_setup::put(db.conn(), &ws, &id, &change)?))
            .await
    }

    /// Drafts switching connections to "SMS via Integrations", all or none. Needs no network:
    /// the connections are the ones the organization's last fetch saved.
    pub(crate) async fn draft_connections_sms(
        &self,
        org: OrgId,
        connections: &[ConnectionId],
    ) -> EngineResult<()> {
        let connected = self.base.connect().await?;
        let saved = self
            .org_snapshot(&connected, &org, Freshness::Saved)
            .await?;
        let mut changes = Vec::with_capacity(connections.len());
        for connection in connections {
            let branch = saved
                .data
                .branches
                .iter()
                .find(|b| &b.id == connection)
                .ok_or_else(|| EngineError::NotFound(Missing::Connection(connection.clone())))?;
            if branch.provision.sms.map(SmsMode::from_wire) == Some(SmsMode::Integrations) {
                return Err(EngineError::Invalid(vec![FieldProblem::new(
                    FieldKey::Connection,
                    format!(
                        "{} already uses {}",
                        branch.name,
                        SmsMode::Integrations.label()
                    ),
                )]));
            }
            changes.push(SetupChange::ConnectionSmsMode {
                connection: connection.clone(),
                name: branch.name.clone(),
                from: branch.provision.sms,
            });
        }
        let (ws, id) = (connected.workspace_id(), org);
        self.base
            .with_db(move |db| {
                let tx = db
                    .conn()
                    .unchecked_transaction()
                    .map_err(store::StoreError::from)?;
                for change in &changes {
                    draft_setup::put(&tx, &ws, &id, change)?;
                }
                tx.commit().map_err(store::StoreError::from)?;
                Ok(())
            })
            .await
    }

    /// Drafts moving the organization to Pro. Billable: refused unless the admin confirmed it.
    pub(crate) async fn draft_pro_package(&self, org: OrgId, confirmed: bool) -> EngineResult<()> {
        if !confirmed {
            return Err(EngineError::Invalid(vec![FieldProblem::new(
                FieldKey::Package,
                "Moving to Pro is billable; confirm it first",
            )]));
        }
        let connected = self.base.connect().await?;
        let saved = self
            .org_snapshot(&connected, &org, Freshness::Saved)
            .await?;
        let package = saved.data.organization.package();
        if package == Some(domain::Package::Pro) {
            return Err(EngineError::Invalid(vec![FieldProblem::new(
                FieldKey::Package,
                "The organization is already on Pro",
            )]));
        }
        let change = SetupChange::ProPackage {
            from: package.map(domain::Package::id),
            confirmed_at: now_ms(),
        };
        self.put_setup_change(&connected.workspace_id(), &org, change)
            .await
            .map(|_| ())
    }
}
