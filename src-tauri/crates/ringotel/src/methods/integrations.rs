//! Enabling or disabling an integration card and storing its credentials.
//!
//! [code] No documented Admin API method does this. The portal's own form submits
//! `GET {base}/integrations?serviceid=..&state=1|0&profileid=<orgid>` plus one query key per
//! field label, with the Bearer key. This is that experimental path, kept in this one file;
//! callers always confirm the outcome with `getServices`. A browser form may answer with a
//! page or a redirect rather than JSON: either counts as submitted (the redirect is not
//! followed), and the card read back decides (`AssumptionId::FormAnswer`).

use crate::client::RingotelClient;
use crate::envelope;
use crate::error::RingotelError;
use domain::OrgId;
use domain::{Api, AssumptionId, Fact, ServiceId, ThinqCredentials};

/// [code] The thinQ card's field labels, which become the form's query keys.
pub const THINQ_FORM_FIELDS: [&str; 3] = ["Account ID", "Username", "Token"];

/// The method name used in errors about the form, which has none of its own.
const FORM_METHOD: &str = "integrations form";

/// One submission of an integration card: enable with credentials, or disable.
pub struct IntegrationForm<'a> {
    pub org: &'a OrgId,
    pub service: &'a ServiceId,
    /// `Some` enables the card with these credentials; `None` disables it.
    pub thinq: Option<&'a ThinqCredentials>,
}

impl RingotelClient {
    #[tracing::instrument(level = "debug", skip_all, fields(org = %form.org, service = %form.service, enable = form.thinq.is_some()), err(Display))]
    pub async fn submit_integration_form(
        &self,
        form: IntegrationForm<'_>,
    ) -> Result<(), RingotelError> {
        let mut query: Vec<(&str, &str)> = vec![
            ("serviceid", form.service.as_str()),
            ("state", if form.thinq.is_some() { "1" } else { "0" }),
            ("profileid", form.org.as_str()),
        ];
        if let Some(creds) = form.thinq {
            let [account, username, token] = THINQ_FORM_FIELDS;
            query.push((account, creds.account_id.as_str()));
            query.push((username, creds.username.as_str()));
            query.push((token, creds.token.expose()));
        }
        let request = self
            .http()
            .get(self.base().endpoint("/integrations"))
            .bearer_auth(self.key().expose())
            .query(&query);
        let reply = self.send(FORM_METHOD, request).await?;
        let seen = |held: bool, how: &str| {
            self.observed()
                .fact(Fact::new(AssumptionId::FormAnswer, held, how));
        };
        if (300..400).contains(&reply.status) {
            seen(false, "the form answered with a redirect (3xx)");
            return Ok(());
        }
        match envelope::decode_reply(FORM_METHOD, &reply) {
            Ok(result) => {
                self.observed()
                    .answer(Api::Ringotel, FORM_METHOD, result.as_ref());
                seen(true, "the form answered 2xx");
                Ok(())
            }
            // A web form's page instead of JSON: submitted, as far as the answer says.
            Err(RingotelError::Malformed { .. }) if (200..300).contains(&reply.status) => {
                seen(true, "the form answered 2xx with a page, not JSON");
                Ok(())
            }
            Err(error) => Err(error),
        }
    }
}
