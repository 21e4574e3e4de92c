//! The thinQ card switched through the portal's form: disabling it, and what each submission
//! showed about the form, judged by the card read back with `getServices`.

use super::service::Integrations;
use super::view;
use super::view::ThinqIntegrationView;
use crate::base::context::Connected;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::snapshot::{Freshness, SavedPart};
use domain::OrgId;
use ringotel::IntegrationForm;

impl Integrations<'_> {
    /// Disables the card in Ringotel. The saved settings and token stay, for enabling again.
    pub async fn disable_thinq(&self, org: OrgId) -> EngineResult<ThinqIntegrationView> {
        let connected = self.base.connect().await?;
        let report = self
            .services_report(&connected, &org, Freshness::Saved)
            .await?;
        let before = self.integration_view(&connected, &org, report).await?;
        let service = before
            .service_id
            .clone()
            .ok_or_else(|| EngineError::NoThinqCard(before.org_name.clone()))?;
        let form = IntegrationForm {
            org: &org,
            service: &service,
            thinq: None,
        };
        let submitted = connected.ringotel.submit_integration_form(form).await;
        let after = self.read_back_card(&connected, &org).await?;
        self.record_form_result(&connected, submitted.is_ok(), !after.enabled, false);
        match submitted {
            Ok(()) => Ok(after),
            // A lost answer is settled by the card as read back.
            Err(e) if e.outcome_unknown() && !after.enabled => Ok(after),
            Err(e) => Err(e.into()),
        }
    }

    /// What a form submission that was accepted showed about the form itself, by the card
    /// read back (`AssumptionId::IntegrationForm`).
    pub(super) fn record_form_result(
        &self,
        connected: &Connected,
        accepted: bool,
        holds: bool,
        enabling: bool,
    ) {
        if !accepted {
            return;
        }
        let seen = match (holds, enabling) {
            (true, true) => "the card read back enabled after the form",
            (true, false) => "the card read back disabled after the form",
            (false, true) => "the form was accepted, but the card read back not enabled",
            (false, false) => "the form was accepted, but the card read back still enabled",
        };
        self.base.observations.fact(
            &connected.workspace.id,
            domain::Fact::new(domain::AssumptionId::IntegrationForm, holds, seen),
        );
    }

    /// The card as Ringotel reports it right after a change: one `getServices`, with the
    /// organization as last fetched; both saved for the other screens.
    pub(super) async fn read_back_card(
        &self,
        connected: &Connected,
        org: &OrgId,
    ) -> EngineResult<ThinqIntegrationView> {
        let services = connected.ringotel.get_services(org).await?;
        let saved = self
            .stored
            .save_part(connected, org, SavedPart::Services(services))
            .await?;
        let report = view::ServicesReport {
            organization: saved.data.organization.clone(),
            services: saved.data.services.clone(),
            fetched_at: saved.fetched_at,
            offline: None,
        };
        self.integration_view(connected, org, report).await
    }
}
