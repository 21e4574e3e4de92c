//! Integrations ("services") of an organization and their state.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use crate::types::ASSUMED_THINQ_SERVICE_ID;
use crate::types::Service;
use domain::OrgId;
use domain::{AssumptionId, Fact};
use serde_json::json;

impl RingotelClient {
    pub async fn get_services(&self, org: &OrgId) -> Result<Vec<Service>, RingotelError> {
        let services: Vec<Service> = self.rpc("getServices", json!({ "orgid": org })).await?;
        if let Some(card) = services.iter().find(|s| s.is_thinq()) {
            let exact = card
                .id
                .as_str()
                .eq_ignore_ascii_case(ASSUMED_THINQ_SERVICE_ID);
            self.observed().fact(Fact::new(
                AssumptionId::ThinqServiceId,
                exact,
                if exact {
                    "the thinQ card has the id \"ThinQ\" (letter case aside)"
                } else {
                    "the thinQ card was found by its name, under another id"
                },
            ));
            let webhook = card.webhook_url().is_some();
            self.observed().fact(Fact::new(
                AssumptionId::WebhookField,
                webhook,
                if webhook {
                    "the thinQ card carries a webhook URL field"
                } else {
                    "the thinQ card carries none of webhook, webhookUrl, url"
                },
            ));
        }
        Ok(services)
    }
}
