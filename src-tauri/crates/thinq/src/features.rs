//! DID feature orders: turn SMS on (or off) for DIDs and attach them to an SMS routing profile.
//! An order is created, then completed. A line names only what the app knows: the features
//! and routing profile it read are carried over, what it did not read is left out — never
//! sent as off or `null`, which a service could apply (`AssumptionId::OrderKeepsUnnamed`).

use crate::client::{Call, ThinqClient};
use crate::dids::DidRow;
use crate::error::ThinqError;
use domain::DidId;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use transport::Repeatable;

/// One DID in an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLine {
    /// 11-digit DID, as thinQ names it.
    pub did: DidId,
    /// SMS on or off; `None`: left out (a route for a DID whose SMS state was not read).
    pub sms: Option<bool>,
    /// The DID's other features as read; `None`: not reported, left out of the order.
    pub cnam: Option<bool>,
    pub e911: Option<bool>,
    /// The profile to attach, or the one the DID was read on; `None`: left out.
    pub routing_profile_id: Option<u64>,
}

impl OrderLine {
    /// The DID with SMS switched to `sms` (left out when `None`), attached to `profile` when
    /// given (else to the profile it was read on, when the row said), its other features
    /// carried over as read.
    pub fn new(row: &DidRow, sms: Option<bool>, profile: Option<u64>) -> Self {
        Self {
            did: row.id.clone(),
            sms,
            cnam: row.other_feature("cnam"),
            e911: row.other_feature("e911"),
            routing_profile_id: profile.or_else(|| row.routing_profile().flatten()),
        }
    }

    /// Whether the line leaves out a feature thinQ did not report: where thinQ resets what an
    /// order leaves out, that feature must be checked in its portal.
    pub fn leaves_features_out(&self) -> bool {
        self.cnam.is_none() || self.e911.is_none()
    }

    /// The line as the order's `tns` list carries it; what is not known is left out.
    pub fn to_wire(&self) -> Value {
        let mut features = Map::new();
        for (name, value) in [("cnam", self.cnam), ("e911", self.e911), ("sms", self.sms)] {
            if let Some(on) = value {
                features.insert(name.into(), json!(on));
            }
        }
        let mut line = Map::new();
        // [code] DIDs go in orders as numbers.
        line.insert(
            "did".into(),
            self.did
                .as_str()
                .parse::<u64>()
                .map_or_else(|_| json!(self.did), |n| json!(n)),
        );
        if let Some(profile) = self.routing_profile_id {
            line.insert("sms_routing_profile_id".into(), json!(profile));
        }
        if !features.is_empty() {
            line.insert("features".into(), Value::Object(features));
        }
        Value::Object(line)
    }
}

#[derive(Deserialize)]
struct OrderAnswer {
    order: OrderId,
}

#[derive(Deserialize)]
struct OrderId {
    #[serde(deserialize_with = "crate::dids::id_text")]
    id: String,
}

impl ThinqClient {
    /// Creates a features order and completes it. Creating is sent once (a second create would
    /// be a second order); completing an order is safe to repeat. Returns the order's id.
    pub async fn order_features(&self, lines: &[OrderLine]) -> Result<String, ThinqError> {
        let tns: Vec<Value> = lines.iter().map(OrderLine::to_wire).collect();
        let create = Call::new(
            reqwest::Method::POST,
            "POST /account/{account_id}/origination/did/features/create",
            self.account_path("/origination/did/features/create"),
        );
        let created: OrderAnswer = self
            .write(&create, json!({"order": {"tns": tns}}), Repeatable::No)
            .await?;
        let id = crate::checked_id(&created.order.id, "order")?;
        let complete = Call::new(
            reqwest::Method::POST,
            "POST /account/{account_id}/origination/did/features/complete/{order_id}",
            self.account_path(&format!("/origination/did/features/complete/{id}")),
        );
        let _: Value = self.write(&complete, json!({}), Repeatable::Yes).await?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_carries_over_what_was_read_and_leaves_out_what_was_not() {
        let read: DidRow = serde_json::from_str(
            r#"{"id":"18584376047","features":{"sms":false,"cnam":true,"e911":true},"sms_routing_profile_id":7001}"#,
        )
        .unwrap();
        let line = OrderLine::new(&read, Some(true), None);
        assert_eq!(
            line.to_wire(),
            json!({"did": 18584376047_u64, "sms_routing_profile_id": 7001,
                "features": {"cnam": true, "e911": true, "sms": true}})
        );
        assert_eq!(
            OrderLine::new(&read, Some(true), Some(9)).routing_profile_id,
            Some(9)
        );
        let bare: DidRow =
            serde_json::from_str(r#"{"id":"18584376047","provisioned":false}"#).unwrap();
        assert_eq!(
            OrderLine::new(&bare, Some(true), None).to_wire(),
            json!({"did": 18584376047_u64, "features": {"sms": true}}),
            "nothing unread is sent: no profile, no other feature, no null"
        );
        assert_eq!(
            OrderLine::new(&bare, None, Some(9)).to_wire(),
            json!({"did": 18584376047_u64, "sms_routing_profile_id": 9}),
            "a route for a DID whose SMS state was not read names the profile alone"
        );
    }
}
