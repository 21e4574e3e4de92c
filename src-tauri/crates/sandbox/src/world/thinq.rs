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
    pub lines: Vec<Did>,
    pub completed: bool,
}
