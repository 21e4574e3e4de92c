//! Organizations of the active workspace: the searchable list and one organization's facts.

use crate::base::clock::now_ms;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::engine::Engine;
use crate::stored::snapshot::{Freshness, OfflineNote};
use domain::ConnectionId;
use domain::{OrgId, Package, SetupChange, SmsMode};
use ringotel::Organization;
use serde::Serialize;
use store::tables::readiness_summaries;
use store::tables::snapshots::{self, Scope};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRow {
    #[ts(type = "string")]
    pub id: OrgId,
    pub name: String,
    pub domain: String,
    pub package: Option<Package>,
    pub package_label: String,
    pub sms_integrations_allowed: bool,
    /// The last readiness run's counts, when one ran in this workspace.
    pub readiness: Option<crate::stored::readiness_summary::ReadinessSummary>,
    /// Moving to Pro waits in the draft.
    pub pro_drafted: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationList {
    pub organizations: Vec<OrganizationRow>,
    pub fetched_at: i64,
    pub offline: Option<OfflineNote>,
    pub simulated: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionRow {
    #[ts(type = "string")]
    pub id: ConnectionId,
    pub name: String,
    pub country: String,
    pub sms_mode: Option<SmsMode>,
    pub sms_mode_label: String,
    /// Whether the connection has "SMS via Integrations" (what thinQ numbers need).
    pub sms_ready: bool,
    /// Switching it to "SMS via Integrations" waits in the draft.
    pub switch_drafted: bool,
    pub user_count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationDetail {
    pub organization: OrganizationRow,
    pub connections: Vec<ConnectionRow>,
    pub user_count: u32,
    pub fetched_at: i64,
    pub offline: Option<OfflineNote>,
    pub simulated: bool,
}

pub(crate) fn row(org: Organization) -> OrganizationRow {
    let package = org.package();
    OrganizationRow {
        id: org.id,
        name: org.name,
        domain: org.domain,
        package,
        package_label: Package::label_of(package),
        sms_integrations_allowed: package.is_some_and(Package::allows_sms_integrations),
        readiness: None,
        pro_drafted: false,
    }
}

impl Engine {
    /// The organization list, live; the saved copy (marked offline) when Ringotel cannot be
    /// reached.
    pub async fn list_organizations(&self) -> EngineResult<OrganizationList> {
        let connected = self.base.connect().await?;
        let workspace = connected.workspace_id();
        let (orgs, fetched_at, offline) = match connected.ringotel.get_organizations().await {
            Ok(orgs) => {
                let fetched_at = now_ms();
                let payload =
                    serde_json::to_string(&orgs).map_err(|e| EngineError::Internal(e.into()))?;
                let ws = workspace.clone();
                self.base
                    .with_db(move |db| {
                        Ok(snapshots::put(
                            db.conn(),
                            &ws,
                            Scope::Organizations,
                            &payload,
                            fetched_at,
                        )?)
                    })
                    .await?;
                (orgs, fetched_at, None)
            }
            Err(error) => {
                if !error.failure().is_service_down() {
                    return Err(error.into());
                }
                let saved = self
                    .base
                    .with_db(move |db| {
                        Ok(snapshots::get(db.conn(), &workspace, Scope::Organizations)?)
                    })
                    .await?;
                let Some(saved) = saved else {
                    return Err(error.into());
                };
                let orgs: Vec<Organization> =
                    serde_json::from_str(&saved.payload).map_err(|e| {
                        EngineError::Store(store::StoreError::Corrupt {
                            what: "the saved organization list".into(),
                            reason: e.to_string(),
                        })
                    })?;
                let note = OfflineNote::from_error(&error.into());
                (orgs, saved.fetched_at, Some(note))
            }
        };
        let ws = connected.workspace_id();
        let summaries = self
            .base
            .with_db(move |db| Ok(readiness_summaries::all(db.conn(), &ws)?))
            .await?;
        let mut organizations: Vec<OrganizationRow> = orgs
            .into_iter()
            .map(|org| {
                let readiness = summaries.get(org.id.as_str()).copied().map(Into::into);
                OrganizationRow {
                    readiness,
                    ..row(org)
                }
            })
            .collect();
        organizations.sort_by_key(|o| o.name.to_lowercase());
        Ok(OrganizationList {
            organizations,
            fetched_at,
            offline,
            simulated: connected.is_sandbox(),
        })
    }

    /// One organization, fetched live and saved for offline use (or the saved copy when
    /// Ringotel cannot be reached).
    pub async fn organization_detail(&self, org: OrgId) -> EngineResult<OrganizationDetail> {
        self.organization_detail_as(org, Freshness::Live).await
    }

    /// The organization as `freshness` asks: `Saved` (no network) for a tab that shows what
    /// the last fetch or sync saved, and after a change to the draft.
    pub async fn organization_detail_as(
        &self,
        org: OrgId,
        freshness: Freshness,
    ) -> EngineResult<OrganizationDetail> {
        let connected = self.base.connect().await?;
        let fetched = self.org_snapshot(&connected, &org, freshness).await?;
        let data = fetched.data;
        let drafted = self.setup_drafts(&connected.workspace_id(), &org).await?;
        let switch_drafted = |id: &ConnectionId| {
            drafted.iter().any(|d| {
                matches!(&d.change, SetupChange::ConnectionSmsMode { connection, .. } if connection == id)
            })
        };
        let pro_drafted = drafted
            .iter()
            .any(|d| matches!(d.change, SetupChange::ProPackage { .. }));
        let connections = data
            .branches
            .iter()
            .cloned()
            .map(|branch| ConnectionRow {
                user_count: data
                    .users
                    .iter()
                    .filter(|u| u.branchid.as_ref() == Some(&branch.id))
                    .count() as u32,
                sms_mode: branch.provision.sms.map(SmsMode::from_wire),
                sms_mode_label: branch
                    .provision
                    .sms
                    .map_or_else(|| "Not reported".into(), |m| SmsMode::from_wire(m).label()),
                sms_ready: branch.provision.sms.map(SmsMode::from_wire)
                    == Some(SmsMode::Integrations),
                switch_drafted: switch_drafted(&branch.id),
                id: branch.id,
                name: branch.name,
                country: branch.country,
            })
            .collect();
        Ok(OrganizationDetail {
            organization: OrganizationRow {
                pro_drafted,
                ..row(data.organization.clone())
            },
            connections,
            user_count: data.users.len() as u32,
            fetched_at: fetched.fetched_at,
            offline: fetched.offline,
            simulated: connected.is_sandbox(),
        })
    }

    /// Drafts switching a connection to "SMS via Integrations"; returns the organization as
    /// saved, with the switch drafted. Needs no network.
    pub async fn switch_connection_sms(
        &self,
        org: OrgId,
        connection: ConnectionId,
    ) -> EngineResult<OrganizationDetail> {
        self.draft_connections_sms(org.clone(), &[connection])
            .await?;
        self.organization_detail_as(org, Freshness::Saved).await
    }

    /// Drafts moving the organization to Pro once the admin confirmed the cost; returns the
    /// organization as saved. Needs no network.
    pub async fn move_to_pro(
        &self,
        org: OrgId,
        confirmed: bool,
    ) -> EngineResult<OrganizationDetail> {
        self.draft_pro_package(org.clone(), confirmed).await?;
        self.organization_detail_as(org, Freshness::Saved).await
    }
}
