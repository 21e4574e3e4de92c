//! The Integrations tab as the UI shows it: the thinQ card first, then the organization's others.

use super::is_thinq;
use crate::organizations::row;
use crate::secrets::SecretState;
use crate::snapshot::OfflineNote;
use domain::{RingotelId, ServiceId, WebhookUrl};
use ringotel::{Organization, Service};
use serde::Serialize;
use store::tables::thinq_settings::ThinqSettingsRecord;
use ts_rs::TS;

/// A simulated thinQ account's credentials, offered only in the Sandbox workspace.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SandboxThinqHint {
    pub account_id: String,
    pub username: String,
    pub token: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationCard {
    #[ts(type = "string")]
    pub id: ServiceId,
    pub name: String,
    pub enabled: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThinqIntegrationView {
    pub org_id: RingotelId,
    pub org_name: String,
    /// SMS integrations need the Pro package; when they are unavailable, this says why.
    pub unavailable_reason: Option<String>,
    /// The thinQ card's id in Ringotel, when the organization has one.
    #[ts(type = "string | null")]
    pub service_id: Option<ServiceId>,
    pub enabled: bool,
    #[ts(type = "string | null")]
    pub webhook_url: Option<WebhookUrl>,
    /// Why no usable webhook URL is shown.
    pub webhook_problem: Option<String>,
    pub account_id: Option<String>,
    pub username: Option<String>,
    pub saved_at: Option<i64>,
    pub token: SecretState,
    pub sandbox_account: Option<SandboxThinqHint>,
    pub other_cards: Vec<IntegrationCard>,
    pub fetched_at: i64,
    /// Set when Ringotel could not be reached and this is the saved copy.
    pub offline: Option<OfflineNote>,
    pub simulated: bool,
}

fn webhook(service: Option<&Service>) -> (Option<WebhookUrl>, Option<String>) {
    let Some(raw) = service.and_then(Service::webhook_url) else {
        return (
            None,
            Some("Ringotel did not report this card's webhook URL. Copy it from the Ringotel portal (Integrations → thinQ).".into()),
        );
    };
    match WebhookUrl::parse(raw) {
        Ok(url) => (Some(url), None),
        Err(e) => (
            None,
            Some(format!(
                "The webhook URL Ringotel reported {e}, so it cannot be used with thinQ."
            )),
        ),
    }
}

/// What Ringotel said about the organization's integrations, live or as last saved.
pub struct ServicesReport {
    pub organization: Organization,
    pub services: Vec<Service>,
    pub fetched_at: i64,
    pub offline: Option<OfflineNote>,
}

pub fn build(
    report: ServicesReport,
    saved: Option<ThinqSettingsRecord>,
    token: SecretState,
    sandbox_account: Option<SandboxThinqHint>,
    simulated: bool,
) -> ThinqIntegrationView {
    let ServicesReport {
        organization,
        services,
        fetched_at,
        offline,
    } = report;
    let org = row(organization);
    let unavailable_reason = (!org.sms_integrations_allowed).then(|| {
        format!(
            "SMS integrations need the Pro package; {} is on {}. Upgrading is billable: the account owner changes it in the Ringotel portal.",
            org.name, org.package_label
        )
    });
    let thinq = services.iter().find(|s| is_thinq(s));
    let (webhook_url, webhook_problem) = webhook(thinq);
    let other_cards = services
        .iter()
        .filter(|s| !is_thinq(s))
        .map(|s| IntegrationCard {
            id: s.id.clone(),
            name: if s.name.is_empty() {
                s.id.to_string()
            } else {
                s.name.clone()
            },
            enabled: s.is_enabled(),
        })
        .collect();
    ThinqIntegrationView {
        org_id: org.id,
        org_name: org.name,
        unavailable_reason,
        service_id: thinq.map(|s| s.id.clone()),
        enabled: thinq.is_some_and(Service::is_enabled),
        webhook_url,
        webhook_problem,
        account_id: saved.as_ref().map(|s| s.account_id.to_string()),
        username: saved.as_ref().map(|s| s.username.as_str().to_owned()),
        saved_at: saved.as_ref().map(|s| s.updated_at),
        token,
        sandbox_account,
        other_cards,
        fetched_at,
        offline,
        simulated,
    }
}
