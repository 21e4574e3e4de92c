//! Where inbound messages and delivery confirmations go: SMS routing profiles (a URL that DIDs
//! are attached to) and the account's outbound settings (the delivery-confirmation URL).

use crate::client::{Call, ThinqClient};
use crate::error::ThinqError;
use serde::Deserialize;
use serde_json::{Value, json};
use transport::Repeatable;

/// An SMS routing profile: inbound messages of the DIDs attached to it are posted to `url`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RoutingProfile {
    #[serde(deserialize_with = "crate::dids::id_text")]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub url: String,
}

#[derive(Deserialize)]
struct ProfileList {
    #[serde(default)]
    rows: Vec<RoutingProfile>,
}

/// A created or updated profile comes back bare or wrapped, as clients have seen both.
#[derive(Deserialize)]
#[serde(untagged)]
enum ProfileAnswer {
    Wrapped { sms_routing_profile: RoutingProfile },
    Bare(RoutingProfile),
}

impl ProfileAnswer {
    fn profile(self) -> RoutingProfile {
        match self {
            Self::Wrapped {
                sms_routing_profile,
            } => sms_routing_profile,
            Self::Bare(profile) => profile,
        }
    }
}

/// [code] Profiles in this app post to a URL (thinQ also knows other attachment types).
const ATTACHMENT_TYPE: &str = "url";

/// [code] How delivery confirmations are posted: as a form, as Ringotel's webhook reads them.
const DELIVERY_NOTIFICATION_TYPE: &str = "form-data";

fn profile_body(name: &str, url: &str) -> Value {
    json!({"sms_routing_profile": {"name": name, "url": url, "attachment_type": ATTACHMENT_TYPE}})
}

impl ThinqClient {
    fn profiles(&self, method: reqwest::Method, template: &'static str, tail: &str) -> Call {
        Call::new(
            method,
            template,
            self.account_path(&format!("/product/origination/sms/profile{tail}")),
        )
    }

    pub async fn routing_profiles(&self) -> Result<Vec<RoutingProfile>, ThinqError> {
        let call = self.profiles(
            reqwest::Method::GET,
            "GET /account/{account_id}/product/origination/sms/profile",
            "",
        );
        let list: ProfileList = self.get(&call, &[]).await?;
        Ok(list.rows)
    }

    /// Creates a profile; sent once (a second create would be a second profile).
    pub async fn create_routing_profile(
        &self,
        name: &str,
        url: &str,
    ) -> Result<RoutingProfile, ThinqError> {
        let call = self.profiles(
            reqwest::Method::POST,
            "POST /account/{account_id}/product/origination/sms/profile",
            "",
        );
        let answer: ProfileAnswer = self
            .write(&call, profile_body(name, url), Repeatable::No)
            .await?;
        Ok(answer.profile())
    }

    /// Points an existing profile at `url`; safe to repeat.
    pub async fn update_routing_profile(
        &self,
        id: &str,
        name: &str,
        url: &str,
    ) -> Result<RoutingProfile, ThinqError> {
        let id = crate::checked_id(id, "routing profile")?;
        let call = self.profiles(
            reqwest::Method::PUT,
            "PUT /account/{account_id}/product/origination/sms/profile/{profile_id}",
            &format!("/{id}"),
        );
        let answer: ProfileAnswer = self
            .write(&call, profile_body(name, url), Repeatable::Yes)
            .await?;
        Ok(answer.profile())
    }

    /// Sets where thinQ posts delivery confirmations; safe to repeat.
    pub async fn set_delivery_confirmation_url(&self, url: &str) -> Result<(), ThinqError> {
        let call = Call::new(
            reqwest::Method::POST,
            "POST /account/{account_id}/product/origination/sms/settings/outbound",
            self.account_path("/product/origination/sms/settings/outbound"),
        );
        let body = json!({"settings": {
            "deliveryConfirmationUrl": url,
            "deliveryNotificationType": DELIVERY_NOTIFICATION_TYPE,
        }});
        let _: Value = self.write(&call, body, Repeatable::Yes).await?;
        Ok(())
    }
}
