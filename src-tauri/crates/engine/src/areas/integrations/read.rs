//! The Integrations tab as read: Ringotel's cards and the saved thinQ settings, live or saved,
//! and the webhook URL the admin pastes from Ringotel's portal.

use super::outcomes::PasteWebhookOutcome;
use super::service::Integrations;
use super::view::{self, SandboxThinqHint, ThinqIntegrationView};
use crate::base::clock::now_ms;
use crate::base::context::Connected;
use crate::base::error::{EngineError, EngineResult};
use crate::base::secrets::SecretState;
use crate::stored::snapshot::{Freshness, OfflineNote, SavedPart, ringotel_down};
use domain::OrgId;
use domain::{FieldKey, FieldProblem};
use store::SecretName;
use store::tables::{pasted_webhooks, thinq_settings};

impl Integrations<'_> {
    pub async fn thinq(
        &self,
        org: OrgId,
        freshness: Freshness,
    ) -> EngineResult<ThinqIntegrationView> {
        let connected = self.base.connect().await?;
        let report = self.services_report(&connected, &org, freshness).await?;
        self.integration_view(&connected, &org, report).await
    }

    pub async fn paste_webhook_url(
        &self,
        org: OrgId,
        raw: String,
    ) -> EngineResult<PasteWebhookOutcome> {
        let url = match domain::WebhookUrl::parse(raw.trim()) {
            Ok(url) => url,
            Err(e) => {
                return Ok(PasteWebhookOutcome::Invalid {
                    problem: FieldProblem::new(
                        FieldKey::WebhookUrl,
                        format!("The webhook URL {e}"),
                    ),
                });
            }
        };
        let connected = self.base.connect().await?;
        let (workspace, org_id) = (connected.workspace_id(), org.clone());
        self.base
            .with_db(move |db| Ok(pasted_webhooks::put(db.conn(), &workspace, &org_id, &url)?))
            .await?;
        let report = self
            .services_report(&connected, &org, Freshness::Saved)
            .await?;
        Ok(PasteWebhookOutcome::Saved {
            integration: Box::new(self.integration_view(&connected, &org, report).await?),
        })
    }

    pub(crate) async fn integration_view(
        &self,
        connected: &Connected,
        org: &OrgId,
        report: view::ServicesReport,
    ) -> EngineResult<ThinqIntegrationView> {
        let workspace = connected.workspace.id.clone();
        let org_id = org.clone();
        let (saved, pasted) = self
            .base
            .with_db(move |db| {
                Ok((
                    thinq_settings::get(db.conn(), &workspace, &org_id)?,
                    pasted_webhooks::get(db.conn(), &workspace, &org_id)?,
                ))
            })
            .await?;
        let name = SecretName::thinq_token(&connected.workspace.id, org);
        let token = self
            .base
            .with_vault(move |vault| Ok(SecretState::of(vault, &name)))
            .await?;
        let hint = connected
            .is_sandbox()
            .then(|| self.sandbox_hint(&report.organization))
            .flatten();
        Ok(view::build(
            report,
            saved,
            pasted,
            token,
            hint,
            connected.is_sandbox(),
        ))
    }

    pub(crate) async fn services_report(
        &self,
        connected: &Connected,
        org: &OrgId,
        freshness: Freshness,
    ) -> EngineResult<view::ServicesReport> {
        if freshness == Freshness::Saved
            && let Some(saved) = self
                .stored
                .saved_snapshot(&connected.workspace_id(), org)
                .await?
        {
            return Ok(view::ServicesReport {
                organization: saved.data.organization.clone(),
                services: saved.data.services.clone(),
                fetched_at: saved.fetched_at,
                offline: saved.offline,
            });
        }
        let client = &connected.ringotel;
        let error = match tokio::try_join!(client.get_organization(org), client.get_services(org)) {
            Ok((organization, services)) => {
                // Every screen shows the card as just read, and no longer as offline.
                if self
                    .stored
                    .saved_snapshot(&connected.workspace_id(), org)
                    .await?
                    .is_some()
                {
                    self.stored
                        .save_part(connected, org, SavedPart::Services(services.clone()))
                        .await?;
                }
                return Ok(view::ServicesReport {
                    organization,
                    services,
                    fetched_at: now_ms(),
                    offline: None,
                });
            }
            Err(error) => EngineError::from(error),
        };
        if !ringotel_down(&error) {
            return Err(error);
        }
        let workspace = connected.workspace_id();
        let Some(saved) = self.stored.saved_snapshot(&workspace, org).await? else {
            return Err(error);
        };
        let note = OfflineNote::from_error(&error, connected);
        self.stored.mark_offline(&workspace, org, &note);
        Ok(view::ServicesReport {
            organization: saved.data.organization.clone(),
            services: saved.data.services.clone(),
            fetched_at: saved.fetched_at,
            offline: Some(note),
        })
    }

    fn sandbox_hint(&self, org: &ringotel::Organization) -> Option<SandboxThinqHint> {
        let sandbox = self.base.sandbox.as_ref()?;
        let accounts = &sandbox.thinq_accounts;
        let account = accounts
            .iter()
            .find(|a| a.organization == org.name)
            .or_else(|| accounts.first())?;
        Some(SandboxThinqHint {
            account_id: account.account_id.clone(),
            username: account.username.clone(),
            token: account.token.clone(),
            portal_webhook_url: sandbox.portal_webhook(org.id.as_str()),
        })
    }
}
