//! The words of the pre-flight checklist: its nine checks in order and the three outcomes,
//! each with the label the admin reads.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One line of the checklist (product.md, "Pre-flight checklist").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CheckId {
    ProPackage,
    ConnectionsSmsMode,
    IntegrationEnabled,
    ThinqCredentials,
    DidsSmsOn,
    InboundRouting,
    DeliveryUrl,
    NumbersUsers,
    ConsistentFormats,
}

impl CheckId {
    pub const ALL: [Self; 9] = [
        Self::ProPackage,
        Self::ConnectionsSmsMode,
        Self::IntegrationEnabled,
        Self::ThinqCredentials,
        Self::DidsSmsOn,
        Self::InboundRouting,
        Self::DeliveryUrl,
        Self::NumbersUsers,
        Self::ConsistentFormats,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::ProPackage => "Organization is on the Pro package",
            Self::ConnectionsSmsMode => "Connections use SMS via Integrations",
            Self::IntegrationEnabled => "thinQ integration enabled, credentials stored",
            Self::ThinqCredentials => "thinQ credentials work",
            Self::DidsSmsOn => "Every number is a thinQ DID with SMS on",
            Self::InboundRouting => "Inbound messages reach the Ringotel webhook",
            Self::DeliveryUrl => "Delivery confirmations reach the Ringotel webhook",
            Self::NumbersUsers => "Every number has users, and they all exist",
            Self::ConsistentFormats => "Number formats keep one chat per customer",
        }
    }
}

/// A check's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CheckOutcome {
    Pass,
    Fail,
    /// Could not be checked; the check says why.
    Unknown,
}

impl CheckOutcome {
    pub fn label(self) -> &'static str {
        match self {
            Self::Pass => "Pass",
            Self::Fail => "Fail",
            Self::Unknown => "Unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_checks_each_with_its_own_label() {
        let mut labels: Vec<_> = CheckId::ALL.iter().map(|c| c.label()).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), 9);
    }
}
