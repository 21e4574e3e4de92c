//! Connections ("branches"): their SMS provisioning.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use crate::types::Branch;
use domain::RingotelId;
use serde_json::json;

impl RingotelClient {
    pub async fn get_branches(&self, org: &RingotelId) -> Result<Vec<Branch>, RingotelError> {
        self.rpc("getBranches", json!({ "orgid": org })).await
    }
}
