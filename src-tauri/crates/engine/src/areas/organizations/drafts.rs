//! The setup changes drafted on an organization: a connection's SMS mode and the package.

use super::service::Organizations;
use super::view::OrganizationDetail;
use crate::base::clock::now_ms;
use crate::base::error::{EngineError, EngineResult, Missing};
use crate::stored::snapshot::Freshness;
use domain::{ConnectionId, FieldKey, FieldProblem, OrgId, SetupChange, SmsMode};

impl Organizations<'_> {
    /// Drafts switching a connection to "SMS via Integrations"; returns the organization as
    /// saved, with the switch drafted. Needs no network.
    pub async fn switch_connection_sms(
        &self,
        org: OrgId,
        connection: ConnectionId,
    ) -> EngineResult<OrganizationDetail> {
        self.draft_connections_sms(org.clone(), &[connection])
            .await?;
        self.detail_as(org, Freshness::Saved).await
    }

    /// Drafts moving the organization to Pro once the admin confirmed the cost; returns the
    /// organization as saved. Needs no network.
    pub async fn move_to_pro(
        &self,
        org: OrgId,
        confirmed: bool,
    ) -> EngineResult<OrganizationDetail> {
        self.draft_pro_package(org.clone(), confirmed).await?;
        self.detail_as(org, Freshness::Saved).await
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
            .stored
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
        self.stored
            .put_setup_changes(&connected.workspace_id(), &org, changes)
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
            .stored
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
        self.stored
            .put_setup_change(&connected.workspace_id(), &org, change)
            .await
            .map(|_| ())
    }
}
