//! The Integrations tab as the UI shows it: the thinQ card first, then the organization's others.

use crate::base::secrets::SecretState;
use crate::stored::snapshot::OfflineNote;
use domain::OrgId;
use domain::{Package, ServiceId, WebhookUrl};
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
    /// The webhook URL the simulated portal's thinQ card shows, to paste.
    pub portal_webhook_url: String,
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
    pub org_id: OrgId,
    pub org_name: String,
    /// SMS integrations need the Pro package; when they are unavailable, this says why.
    pub unavailable_reason: Option<String>,
    /// The thinQ card's id in Ringotel, when the organization has one.
    #[ts(type = "string | null")]
    pub service_id: Option<ServiceId>,
    pub enabled: bool,
    #[ts(type = "string | null")]
    pub webhook_url: Option<WebhookUrl>,
    /// Why Ringotel's webhook URL cannot be shown; the admin may paste it.
    pub webhook_problem: Option<String>,
    /// Ringotel did not report a usable webhook URL, so the field takes a pasted one.
    pub webhook_editable: bool,
    /// The URL shown is the one the admin pasted.
    pub webhook_pasted: bool,
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

/// The webhook URL to show: Ringotel's own when it reports a usable one; else the one the admin
/// pasted, if any, with why Ringotel's could not be used.
struct Webhook {
    url: Option<WebhookUrl>,
    problem: Option<String>,
    editable: bool,
    pasted: bool,
}

/// The webhook URL thinQ must post to: Ringotel's own, else the one the admin pasted.
pub(crate) fn webhook_url(
    service: Option<&Service>,
    pasted: Option<WebhookUrl>,
) -> Option<WebhookUrl> {
    webhook(service, pasted).url
}

fn webhook(service: Option<&Service>, pasted: Option<WebhookUrl>) -> Webhook {
    let problem = match service.and_then(Service::webhook_url) {
        None => "Ringotel did not report this card's webhook URL. Copy it from the Ringotel portal (Integrations → thinQ) and paste it here.".to_owned(),
        Some(raw) => match WebhookUrl::parse(raw) {
            Ok(url) => {
                return Webhook {
                    url: Some(url),
                    problem: None,
                    editable: false,
                    pasted: false,
                };
            }
            Err(e) => format!(
                "The webhook URL Ringotel reported {e}, so it cannot be used with thinQ. Paste the one the Ringotel portal shows."
            ),
        },
    };
    Webhook {
        pasted: pasted.is_some(),
        problem: pasted.is_none().then_some(problem),
        url: pasted,
        editable: true,
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
    pasted_webhook: Option<WebhookUrl>,
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
    let package = organization.package();
    let unavailable_reason = (!package.is_some_and(Package::allows_sms_integrations)).then(|| {
        format!(
            "SMS integrations need the Pro package; {} is on {}. Upgrading is billable: the account owner changes it in the Ringotel portal.",
            organization.name,
            Package::label_of(package)
        )
    });
    let thinq = services.iter().find(|s| s.is_thinq());
    let hook = webhook(thinq, pasted_webhook);
    let other_cards = services
        .iter()
        .filter(|s| !s.is_thinq())
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
        org_id: organization.id,
        org_name: organization.name,
        unavailable_reason,
        service_id: thinq.map(|s| s.id.clone()),
        enabled: thinq.is_some_and(Service::is_enabled),
        webhook_url: hook.url,
        webhook_problem: hook.problem,
        webhook_editable: hook.editable,
        webhook_pasted: hook.pasted,
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
