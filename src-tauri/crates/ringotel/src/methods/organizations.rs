//! Organizations: listing (also the cheap credential check) and reading one.

use crate::client::{RingotelClient, no_params};
use crate::error::RingotelError;
use crate::types::Organization;
use domain::OrgId;
use domain::{AssumptionId, Fact};
use serde::Deserialize;
use serde_json::json;
use transport::Repeatable;

/// [doc] The published example of `getOrganization` wraps the object in an array; accept both.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrList {
    One(Organization),
    List(Vec<Organization>),
}

impl RingotelClient {
    /// Every organization of the account. [code] Also the cheapest way to check an API key.
    pub async fn get_organizations(&self) -> Result<Vec<Organization>, RingotelError> {
        self.rpc("getOrganizations", no_params()).await
    }

    pub async fn get_organization(&self, id: &OrgId) -> Result<Organization, RingotelError> {
        let answer = self.rpc("getOrganization", json!({ "id": id })).await?;
        let is_list = matches!(answer, OneOrList::List(_));
        self.observed().fact(Fact::new(
            AssumptionId::OrganizationShape,
            is_list,
            if is_list {
                "getOrganization answered an array"
            } else {
                "getOrganization answered a bare object"
            },
        ));
        match answer {
            OneOrList::One(org) => Ok(org),
            OneOrList::List(list) => list
                .into_iter()
                .next()
                .ok_or_else(|| RingotelError::Remote {
                    method: "getOrganization".into(),
                    code: None,
                    message: format!("organization {id} was not found"),
                }),
        }
    }

    /// Replaces the organization with `org` (every field it was read with), e.g. to change its
    /// package. Billable on a real account: callers ask the admin first.
    pub async fn update_organization(&self, org: &Organization) -> Result<(), RingotelError> {
        let params = serde_json::to_value(org).map_err(|e| RingotelError::Malformed {
            method: "updateOrganization".into(),
            detail: e.to_string(),
        })?;
        self.rpc_write("updateOrganization", params, Repeatable::Yes)
            .await
            .map(|_| ())
    }
}
