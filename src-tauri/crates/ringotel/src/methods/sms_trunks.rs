//! SMS numbers ("SMS trunks") of an organization.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use crate::types::SmsTrunk;
use domain::RingotelId;
use serde_json::json;

impl RingotelClient {
    pub async fn get_sms_trunks(&self, org: &RingotelId) -> Result<Vec<SmsTrunk>, RingotelError> {
        self.rpc("getSMSTrunks", json!({ "orgid": org })).await
    }
}
