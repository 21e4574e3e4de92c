//! A thinQ client from what an organization's thinQ settings saved: the account and username
//! here, the token in the keychain.

use super::context::Connected;
use super::error::{EngineError, EngineResult};
use super::handle::Base;
use domain::{OrgId, ThinqSettingsInput};
use store::SecretName;
use store::tables::thinq_settings;

impl Base {
    /// The organization's thinQ client; `NoThinqSettings` when its settings or token are not
    /// (or no longer) kept.
    pub(crate) async fn saved_thinq_client(
        &self,
        connected: &Connected,
        org: &OrgId,
    ) -> EngineResult<thinq::ThinqClient> {
        let (workspace, org_id) = (connected.workspace_id(), org.clone());
        let saved = self
            .with_db(move |db| Ok(thinq_settings::get(db.conn(), &workspace, &org_id)?))
            .await?
            .ok_or_else(|| EngineError::NoThinqSettings(org.clone()))?;
        let input = ThinqSettingsInput {
            account_id: saved.account_id.to_string(),
            username: saved.username.as_str().to_owned(),
            token: None,
        };
        let token = self
            .get_secret(SecretName::thinq_token(&connected.workspace_id(), org))
            .await?;
        let creds = input
            .validate(token.as_ref())
            .map_err(|_| EngineError::NoThinqSettings(org.clone()))?;
        Ok(self.thinq_client(connected, creds))
    }
}
