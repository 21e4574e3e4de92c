//! Integrations ("services") of an organization and their state.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use crate::types::Service;
use domain::RingotelId;
use serde_json::json;

impl RingotelClient {
    pub async fn get_services(&self, org: &RingotelId) -> Result<Vec<Service>, RingotelError> {
        self.rpc("getServices", json!({ "orgid": org })).await
    }
}
