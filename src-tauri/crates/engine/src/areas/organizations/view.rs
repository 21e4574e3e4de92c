//! What the Organizations screens show: a row per organization, its connections, its detail.

use crate::stored::snapshot::OfflineNote;
use domain::ConnectionId;
use domain::{OrgId, Package, SmsMode};
use ringotel::Organization;
use serde::Serialize;
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
    /// The readiness states the list can be filtered by, in order, with their words.
    pub readiness_states: Vec<crate::stored::readiness_summary::ReadinessStateChoice>,
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
