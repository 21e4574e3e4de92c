//! SMS numbers ("SMS trunks") of an organization: list, create, update, delete.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use crate::types::{SmsTrunk, SmsTrunkBody};
use domain::OrgId;
use domain::{AssumptionId, Fact, SmsNumberId};
use serde::Deserialize;
use serde_json::{Value, json};
use transport::Repeatable;

const CREATE: &str = "createSMSTrunk";

/// `createSMSTrunk`'s answer: `{id}`.
#[derive(Deserialize)]
struct Created {
    id: SmsNumberId,
}

/// The trunk's fields as the write methods take them: the object with `orgid` added.
fn params(org: &OrgId, trunk: &impl serde::Serialize) -> Result<Value, RingotelError> {
    let mut value = serde_json::to_value(trunk).map_err(|e| RingotelError::Malformed {
        method: "SMS number".into(),
        detail: e.to_string(),
    })?;
    if let Value::Object(map) = &mut value {
        map.insert("orgid".into(), json!(org));
    }
    Ok(value)
}

/// What a list of numbers shows about the opt-out's type and the stickiness unit.
fn trunk_facts(trunks: &[SmsTrunk]) -> Vec<Fact> {
    let mut facts = Vec::new();
    let optouts: Vec<bool> = trunks
        .iter()
        .filter_map(|t| t.opt_out_is_object())
        .collect();
    if !optouts.is_empty() {
        let all_objects = optouts.iter().all(|o| *o);
        facts.push(Fact::new(
            AssumptionId::OptOutObject,
            all_objects,
            if all_objects {
                "optout is an object"
            } else {
                "optout is sometimes not an object (null or another type)"
            },
        ));
    }
    let units: Vec<bool> = trunks
        .iter()
        .filter_map(|t| t.session_timeout)
        .filter_map(domain::stickiness::wire_unit_is_seconds)
        .collect();
    // A value this app wrote reads back the same whatever the unit, so a preset in seconds
    // proves little; one that is only a preset in minutes (1440 for a day) says more.
    if units.contains(&false) {
        facts.push(Fact::new(
            AssumptionId::SessionTimeoutSeconds,
            false,
            "a sessionTimeout equals a preset duration counted in minutes, not in seconds",
        ));
    } else if units.contains(&true) {
        facts.push(Fact::new(
            AssumptionId::SessionTimeoutSeconds,
            true,
            "sessionTimeout values equal preset durations counted in seconds",
        ));
    }
    facts
}

impl RingotelClient {
    pub async fn get_sms_trunks(&self, org: &OrgId) -> Result<Vec<SmsTrunk>, RingotelError> {
        let trunks: Vec<SmsTrunk> = self.rpc("getSMSTrunks", json!({ "orgid": org })).await?;
        for fact in trunk_facts(&trunks) {
            self.observed().fact(fact);
        }
        Ok(trunks)
    }

    /// Creates a number and returns the id Ringotel gave it. Sent once only: a second create
    /// after a lost answer could make the number twice, so the caller reads back instead.
    pub async fn create_sms_trunk(
        &self,
        org: &OrgId,
        trunk: &SmsTrunkBody,
    ) -> Result<SmsNumberId, RingotelError> {
        let outcome = self
            .rpc_write(CREATE, params(org, trunk)?, Repeatable::No)
            .await?;
        let value = outcome.ok_or_else(|| RingotelError::Malformed {
            method: CREATE.into(),
            detail: "the answer carried no id".into(),
        })?;
        serde_json::from_value::<Created>(value)
            .map(|c| c.id)
            .map_err(|e| RingotelError::Malformed {
                method: CREATE.into(),
                detail: e.to_string(),
            })
    }

    /// Replaces the number with `trunk`, every field sent (those this app does not know too),
    /// so the update means the same whether the service merges or replaces.
    pub async fn update_sms_trunk(
        &self,
        org: &OrgId,
        trunk: &SmsTrunk,
    ) -> Result<(), RingotelError> {
        self.rpc_write("updateSMSTrunk", params(org, trunk)?, Repeatable::Yes)
            .await
            .map(|_| ())
    }

    pub async fn delete_sms_trunk(
        &self,
        org: &OrgId,
        id: &SmsNumberId,
    ) -> Result<(), RingotelError> {
        self.rpc_write(
            "deleteSMSTrunk",
            json!({ "id": id, "orgid": org }),
            Repeatable::Yes,
        )
        .await
        .map(|_| ())
    }
}
