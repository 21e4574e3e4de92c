//! The simulated thinQ accounts: credentials, DIDs with their features, routing profiles, settings.

use serde::{Deserialize, Serialize};

/// One DID as thinQ keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Did {
    /// 11-digit NANP number, as thinQ's ids are.
    pub id: String,
    pub sms: bool,
    pub cnam: bool,
    pub e911: bool,
    pub routing_profile_id: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutingProfile {
    pub id: u64,
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ThinqAccount {
    pub account_id: String,
    pub username: String,
    /// Never written to a snapshot: restored from the demo accounts when one is loaded.
    #[serde(skip)]
    pub token: String,
    pub balance: f64,
    pub dids: Vec<Did>,
    pub routing_profiles: Vec<RoutingProfile>,
    pub delivery_confirmation_url: Option<String>,
    pub orders: Vec<FeatureOrder>,
}

/// A DID features order: created first, applied when completed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureOrder {
    pub id: u64,
    pub lines: Vec<OrderedLine>,
    pub completed: bool,
}

/// What an order changes on one DID: each feature it names, and its routing profile when the
/// line names one (`Some(None)`: the line sent `null`, which detaches the DID).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderedLine {
    pub id: String,
    pub sms: Option<bool>,
    pub cnam: Option<bool>,
    pub e911: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "named"
    )]
    pub routing_profile_id: Option<Option<u64>>,
}

/// A field that was named, as `null` or with a value.
pub(crate) fn named<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<u64>>, D::Error> {
    Option::<u64>::deserialize(d).map(Some)
}

impl OrderedLine {
    /// Completing the order: what the line names replaces the DID's; the features it leaves
    /// out stay as they are, or are reset to off where `resets` (a service that applies an
    /// order as a whole).
    pub fn apply(&self, did: &mut Did, resets: bool) {
        let keep = |named: Option<bool>, now: bool| named.unwrap_or(now && !resets);
        did.sms = keep(self.sms, did.sms);
        did.cnam = keep(self.cnam, did.cnam);
        did.e911 = keep(self.e911, did.e911);
        if let Some(profile) = self.routing_profile_id {
            did.routing_profile_id = profile;
        }
    }
}
