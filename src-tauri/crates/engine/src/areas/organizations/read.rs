//! Reading organizations: the list (or its saved copy when Ringotel is down) and one
//! organization's facts with what the draft would change.

use super::service::Organizations;
use super::view::{ConnectionRow, OrganizationDetail, OrganizationList, OrganizationRow, row};
use crate::base::clock::now_ms;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::readiness_summary::ReadinessState;
use crate::stored::snapshot::{Freshness, OfflineNote};
use domain::{ConnectionId, OrgId, SetupChange, SmsMode};
use ringotel::Organization;
use store::tables::readiness_summaries;
use store::tables::snapshots::{self, Scope};

impl Organizations<'_> {
    /// The organization list, live; the saved copy (marked offline) when Ringotel cannot be
    /// reached.
    pub async fn list(&self) -> EngineResult<OrganizationList> {
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
                let note = OfflineNote::from_error(&error.into(), &connected);
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
            readiness_states: ReadinessState::choices(),
            fetched_at,
            offline,
            simulated: connected.is_sandbox(),
        })
    }

    /// One organization, fetched live and saved for offline use (or the saved copy when
    /// Ringotel cannot be reached).
    pub async fn detail(&self, org: OrgId) -> EngineResult<OrganizationDetail> {
        self.detail_as(org, Freshness::Live).await
    }

    /// The organization as `freshness` asks: `Saved` (no network) for a tab that shows what
    /// the last fetch or sync saved, and after a change to the draft.
    pub async fn detail_as(
        &self,
        org: OrgId,
        freshness: Freshness,
    ) -> EngineResult<OrganizationDetail> {
        let connected = self.base.connect().await?;
        let fetched = self
            .stored
            .org_snapshot(&connected, &org, freshness)
            .await?;
        let data = fetched.data;
        let drafted = self
            .stored
            .setup_drafts(&connected.workspace_id(), &org)
            .await?;
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
                    .users()
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
            user_count: data.users().len() as u32,
            fetched_at: fetched.fetched_at,
            offline: fetched.offline,
            simulated: connected.is_sandbox(),
        })
    }
}
