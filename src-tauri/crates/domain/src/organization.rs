//! What an organization's package and a connection's SMS mode mean for SMS integrations.

use serde::Serialize;
use ts_rs::TS;

/// [doc] `packageid` values in the Ringotel Admin API.
const PACKAGE_ID_ESSENTIALS: u32 = 1;
const PACKAGE_ID_PRO: u32 = 2;

/// An organization's Ringotel package; SMS integrations need Pro.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "camelCase")]
pub enum Package {
    Essentials,
    Pro,
    /// A package id this app does not know: shown as is, never guessed at.
    Other(u32),
}

impl Package {
    pub fn from_id(id: u32) -> Self {
        match id {
            PACKAGE_ID_ESSENTIALS => Self::Essentials,
            PACKAGE_ID_PRO => Self::Pro,
            other => Self::Other(other),
        }
    }

    pub fn id(self) -> u32 {
        match self {
            Self::Essentials => PACKAGE_ID_ESSENTIALS,
            Self::Pro => PACKAGE_ID_PRO,
            Self::Other(id) => id,
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::Essentials => "Essentials".into(),
            Self::Pro => "Pro".into(),
            Self::Other(id) => format!("Package {id}"),
        }
    }

    /// How a package reads on screen, also when Ringotel reports none this app reads.
    pub fn label_of(package: Option<Self>) -> String {
        package.map_or_else(|| "Unknown package".into(), Self::label)
    }

    pub fn allows_sms_integrations(self) -> bool {
        matches!(self, Self::Pro)
    }
}

/// [doc] `provision.sms` of a connection (branch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum SmsMode {
    Off,
    SipSimple,
    Api,
    /// "SMS via Integrations": the mode thinQ numbers need.
    Integrations,
    Other(i64),
}

impl SmsMode {
    pub fn from_wire(value: i64) -> Self {
        match value {
            0 => Self::Off,
            1 => Self::SipSimple,
            2 => Self::Api,
            3 => Self::Integrations,
            other => Self::Other(other),
        }
    }

    /// What the admin reads for the mode (the portal's words).
    pub fn label(self) -> String {
        match self {
            Self::Off => "Off".into(),
            Self::SipSimple => "SIP SIMPLE".into(),
            Self::Api => "API".into(),
            Self::Integrations => "SMS via Integrations".into(),
            Self::Other(v) => format!("Mode {v}"),
        }
    }

    pub fn to_wire(self) -> i64 {
        match self {
            Self::Off => 0,
            Self::SipSimple => 1,
            Self::Api => 2,
            Self::Integrations => 3,
            Self::Other(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pro_allows_sms_integrations() {
        assert!(Package::from_id(2).allows_sms_integrations());
        assert!(!Package::from_id(1).allows_sms_integrations());
        assert!(!Package::from_id(7).allows_sms_integrations());
        assert_eq!(Package::from_id(7).label(), "Package 7");
    }

    #[test]
    fn sms_modes_round_trip_through_the_wire_value() {
        for v in [0, 1, 2, 3, 9] {
            assert_eq!(SmsMode::from_wire(v).to_wire(), v);
        }
        assert_eq!(SmsMode::from_wire(3), SmsMode::Integrations);
        assert_eq!(SmsMode::Integrations.label(), "SMS via Integrations");
        assert_eq!(SmsMode::from_wire(9).label(), "Mode 9");
    }
}
