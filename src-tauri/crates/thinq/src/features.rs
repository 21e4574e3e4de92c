//! DID feature orders: turn SMS on (or off) for DIDs, keeping each DID's other features as
//! they are, and attach them to an SMS routing profile. An order is created, then completed.

use crate::client::ThinqClient;
use crate::dids::DidRow;
use crate::error::ThinqError;
use serde::Deserialize;
use serde_json::{Value, json};
use transport::Repeatable;

/// A DID's features as an order sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DidFeatures {
    pub sms: bool,
    pub cnam: bool,
    pub e911: bool,
}

impl DidRow {
    /// The features the search reported for this DID. [assumed] An order may overwrite every
    /// flag it names, so an order that changes one carries the others over from here; a flag
    /// the search did not report is taken as off.
    pub fn features(&self) -> DidFeatures {
        let flag = |name: &str| {
            self.rest
                .get("features")
                .and_then(|f| f.get(name))
                .and_then(Value::as_bool)
                .unwrap_or(false)
        };
        DidFeatures {
            sms: self.sms_enabled().unwrap_or(false),
            cnam: flag("cnam"),
            e911: flag("e911"),
        }
    }

    /// The SMS routing profile the DID is attached to, when the search says.
    pub fn routing_profile_id(&self) -> Option<u64> {
        self.rest
            .get("sms_routing_profile_id")
            .and_then(Value::as_u64)
    }
}

/// One DID in an order: its features after the order, and its routing profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLine {
    /// 11-digit DID, as thinQ names it.
    pub did: String,
    pub features: DidFeatures,
    pub routing_profile_id: Option<u64>,
}

impl OrderLine {
    /// The DID with SMS switched to `sms` and attached to `profile` (or its current one),
    /// every other feature carried over.
    pub fn sms(row: &DidRow, sms: bool, profile: Option<u64>) -> Self {
        Self {
            did: row.id.clone(),
            features: DidFeatures {
                sms,
                ..row.features()
            },
            routing_profile_id: profile.or_else(|| row.routing_profile_id()),
        }
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
        let tns: Vec<Value> = lines
            .iter()
            .map(|l| {
                json!({
                    // [code] DIDs go in orders as numbers.
                    "did": l.did.parse::<u64>().map_or_else(|_| json!(l.did), |n| json!(n)),
                    "sms_routing_profile_id": l.routing_profile_id,
                    "features": {"cnam": l.features.cnam, "e911": l.features.e911, "sms": l.features.sms},
                })
            })
            .collect();
        let created: OrderAnswer = self
            .write(
                reqwest::Method::POST,
                &self.account_path("/origination/did/features/create"),
                &json!({"order": {"tns": tns}}),
                Repeatable::No,
            )
            .await?;
        let id = created.order.id;
        let _: Value = self
            .write(
                reqwest::Method::POST,
                &self.account_path(&format!("/origination/did/features/complete/{id}")),
                &json!({}),
                Repeatable::Yes,
            )
            .await?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_sms_keeps_the_other_features_and_the_profile() {
        let row: DidRow = serde_json::from_str(
            r#"{"id":"18584376047","features":{"sms":false,"cnam":true,"e911":true},"sms_routing_profile_id":7001}"#,
        )
        .unwrap();
        let line = OrderLine::sms(&row, true, None);
        assert_eq!(
            line.features,
            DidFeatures {
                sms: true,
                cnam: true,
                e911: true
            }
        );
        assert_eq!(line.routing_profile_id, Some(7001));
        assert_eq!(
            OrderLine::sms(&row, true, Some(9)).routing_profile_id,
            Some(9)
        );
    }
}
