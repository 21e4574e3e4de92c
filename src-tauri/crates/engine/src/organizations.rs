//! Organizations of the active workspace: the searchable list and one organization's facts.

use crate::Engine;
use crate::error::EngineResult;
use domain::{Package, RingotelId, SmsMode};
use ringotel::Organization;
use serde::Serialize;
use std::time::{SystemTime, UNIX_EPOCH};
use ts_rs::TS;

/// Unix milliseconds now: the "as of" stamp on everything fetched.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRow {
    #[ts(type = "string")]
    pub id: RingotelId,
    pub name: String,
    pub domain: String,
    pub package: Option<Package>,
    pub package_label: String,
    pub sms_integrations_allowed: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationList {
    pub organizations: Vec<OrganizationRow>,
    pub fetched_at: i64,
    pub simulated: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionRow {
    #[ts(type = "string")]
    pub id: RingotelId,
    pub name: String,
    pub country: String,
    pub sms_mode: Option<SmsMode>,
    pub user_count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationDetail {
    pub organization: OrganizationRow,
    pub connections: Vec<ConnectionRow>,
    pub user_count: u32,
    pub fetched_at: i64,
    pub simulated: bool,
}

pub(crate) fn row(org: Organization) -> OrganizationRow {
    let package = org
        .packageid
        .and_then(|id| u32::try_from(id).ok())
        .map(Package::from_id);
    OrganizationRow {
        id: org.id,
        name: org.name,
        domain: org.domain,
        package,
        package_label: package
            .map(Package::label)
            .unwrap_or_else(|| "Unknown package".into()),
        sms_integrations_allowed: package.is_some_and(Package::allows_sms_integrations),
    }
}

impl Engine {
    pub async fn list_organizations(&self) -> EngineResult<OrganizationList> {
        let connected = self.connect().await?;
        let mut organizations: Vec<OrganizationRow> = connected
            .ringotel
            .get_organizations()
            .await?
            .into_iter()
            .map(row)
            .collect();
        organizations.sort_by_key(|o| o.name.to_lowercase());
        Ok(OrganizationList {
            organizations,
            fetched_at: now_ms(),
            simulated: connected.is_sandbox(),
        })
    }

    pub async fn organization_detail(&self, org: RingotelId) -> EngineResult<OrganizationDetail> {
        let connected = self.connect().await?;
        let client = &connected.ringotel;
        let (organization, branches, users) = tokio::try_join!(
            client.get_organization(&org),
            client.get_branches(&org),
            client.get_users(&org, None)
        )?;
        let connections = branches
            .into_iter()
            .map(|branch| ConnectionRow {
                user_count: users
                    .iter()
                    .filter(|u| u.branchid.as_ref() == Some(&branch.id))
                    .count() as u32,
                sms_mode: branch.provision.sms.map(SmsMode::from_wire),
                id: branch.id,
                name: branch.name,
                country: branch.country,
            })
            .collect();
        Ok(OrganizationDetail {
            organization: row(organization),
            connections,
            user_count: users.len() as u32,
            fetched_at: now_ms(),
            simulated: connected.is_sandbox(),
        })
    }
}
