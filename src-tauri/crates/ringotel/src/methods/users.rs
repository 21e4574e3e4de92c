//! Users of an organization, optionally of one connection.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use crate::types::User;
use domain::ConnectionId;
use domain::OrgId;
use serde_json::json;

impl RingotelClient {
    pub async fn get_users(
        &self,
        org: &OrgId,
        branch: Option<&ConnectionId>,
    ) -> Result<Vec<User>, RingotelError> {
        let params = match branch {
            Some(branch) => json!({ "orgid": org, "branchid": branch }),
            None => json!({ "orgid": org }),
        };
        self.rpc("getUsers", params).await
    }
}
