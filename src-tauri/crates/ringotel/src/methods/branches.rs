//! Connections ("branches"): their SMS provisioning, read and written back whole.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use crate::types::Branch;
use domain::ConnectionId;
use domain::OrgId;
use serde_json::{Value, json};
use transport::Repeatable;

impl RingotelClient {
    pub async fn get_branches(&self, org: &OrgId) -> Result<Vec<Branch>, RingotelError> {
        self.rpc("getBranches", json!({ "orgid": org })).await
    }

    pub async fn get_branch(
        &self,
        org: &OrgId,
        id: &ConnectionId,
    ) -> Result<Branch, RingotelError> {
        self.rpc("getBranch", json!({ "id": id, "orgid": org }))
            .await
    }

    /// Replaces the connection with `branch`, its whole `provision` included (fields this app
    /// does not know too), so the update means the same whether the service merges or replaces.
    pub async fn update_branch(&self, org: &OrgId, branch: &Branch) -> Result<(), RingotelError> {
        let mut params = serde_json::to_value(branch).map_err(|e| RingotelError::Malformed {
            method: "updateBranch".into(),
            detail: e.to_string(),
        })?;
        if let Value::Object(map) = &mut params {
            map.insert("orgid".into(), json!(org));
        }
        self.rpc_write("updateBranch", params, Repeatable::Yes)
            .await
            .map(|_| ())
    }
}
