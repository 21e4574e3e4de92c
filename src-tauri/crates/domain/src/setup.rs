//! Setup changes: what a draft may change besides SMS numbers — a connection's SMS mode, the
//! organization's package, the thinQ account's DIDs, inbound routing and delivery URL, and a
//! number's opt-out list.
//! Each kind has the one string it is stored as and the words the admin reads.

use crate::ids::ConnectionId;
use crate::ids::DidId;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A drafted setup change, as stored (JSON) and as the Changes tab lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SetupChange {
    /// Switch a connection's SMS mode to "SMS via Integrations".
    ConnectionSmsMode {
        connection: ConnectionId,
        /// The connection's name when drafted, for the Changes tab.
        name: String,
        /// The mode it had when drafted (`provision.sms`), if Ringotel reported one.
        from: Option<i64>,
    },
    /// Move the organization to the Pro package. Billable: drafted only after the admin
    /// confirmed it, at `confirmed_at` (Unix ms).
    ProPackage {
        from: Option<u32>,
        confirmed_at: i64,
    },
    /// thinQ: a features order turning SMS on for these DIDs (11 digits), other features kept.
    /// With `url` (the Ringotel webhook), the DIDs are attached to the routing profile that
    /// posts there in the same order: a number that should reach Ringotel never has its
    /// profile left to chance.
    ThinqSmsOn {
        dids: Vec<DidId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        url: Option<String>,
    },
    /// thinQ: inbound messages of these DIDs go to `url`, through a routing profile with that
    /// URL (an existing one, one repointed, or a new one) that the DIDs are attached to.
    ThinqInbound { url: String, dids: Vec<DidId> },
    /// thinQ: delivery confirmations are posted to `url`.
    ThinqDeliveryUrl { url: String },
    /// Ringotel: `customer` no longer gets texts from the SMS number `number` (both as Ringotel
    /// stores numbers: E.164 digits without '+').
    OptOutAdd { number: String, customer: String },
    /// Ringotel: `customer` asked to get texts from `number` again.
    OptOutRemove { number: String, customer: String },
}

/// The kinds of setup change, for storage and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SetupKind {
    ConnectionSmsMode,
    ProPackage,
    ThinqSmsOn,
    ThinqInbound,
    ThinqDeliveryUrl,
    OptOutAdd,
    OptOutRemove,
}

/// Which service a setup change is sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SetupService {
    Ringotel,
    Thinq,
}

impl SetupService {
    pub fn label(self) -> &'static str {
        match self {
            Self::Ringotel => "Ringotel",
            Self::Thinq => "thinQ",
        }
    }
}

impl SetupKind {
    /// Every kind, in the order a sync sends them: the package before the connections, and
    /// inbound routing before SMS on, so a changed webhook repoints the profile the DIDs share
    /// before SMS is turned on for some of them on it (rather than them getting a profile of
    /// their own).
    pub const ALL: [Self; 7] = [
        Self::ProPackage,
        Self::ConnectionSmsMode,
        Self::ThinqInbound,
        Self::ThinqSmsOn,
        Self::ThinqDeliveryUrl,
        Self::OptOutAdd,
        Self::OptOutRemove,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ConnectionSmsMode => "connection_sms_mode",
            Self::ProPackage => "pro_package",
            Self::ThinqSmsOn => "thinq_sms_on",
            Self::ThinqInbound => "thinq_inbound",
            Self::ThinqDeliveryUrl => "thinq_delivery_url",
            Self::OptOutAdd => "optout_add",
            Self::OptOutRemove => "optout_remove",
        }
    }

    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == stored)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ConnectionSmsMode => "Connection SMS mode",
            Self::ProPackage => "Package",
            Self::ThinqSmsOn => "SMS feature",
            Self::ThinqInbound => "Inbound routing",
            Self::ThinqDeliveryUrl => "Delivery confirmations",
            Self::OptOutAdd => "Opt-out: add",
            Self::OptOutRemove => "Opt-out: remove",
        }
    }

    /// The label with its service, where nothing beside it names the service: "thinQ · SMS feature".
    pub fn label_with_service(self) -> String {
        format!("{} · {}", self.service().label(), self.label())
    }

    pub fn service(self) -> SetupService {
        match self {
            Self::ConnectionSmsMode | Self::ProPackage | Self::OptOutAdd | Self::OptOutRemove => {
                SetupService::Ringotel
            }
            Self::ThinqSmsOn | Self::ThinqInbound | Self::ThinqDeliveryUrl => SetupService::Thinq,
        }
    }
}

impl SetupChange {
    pub fn kind(&self) -> SetupKind {
        match self {
            Self::ConnectionSmsMode { .. } => SetupKind::ConnectionSmsMode,
            Self::ProPackage { .. } => SetupKind::ProPackage,
            Self::ThinqSmsOn { .. } => SetupKind::ThinqSmsOn,
            Self::ThinqInbound { .. } => SetupKind::ThinqInbound,
            Self::ThinqDeliveryUrl { .. } => SetupKind::ThinqDeliveryUrl,
            Self::OptOutAdd { .. } => SetupKind::OptOutAdd,
            Self::OptOutRemove { .. } => SetupKind::OptOutRemove,
        }
    }

    /// What the change is about within its kind: one draft holds at most one change per kind
    /// and target (a second one replaces the first).
    pub fn target(&self) -> String {
        match self {
            Self::ConnectionSmsMode { connection, .. } => connection.as_str().to_owned(),
            Self::OptOutAdd { number, customer } | Self::OptOutRemove { number, customer } => {
                format!("{number}:{customer}")
            }
            _ => String::new(),
        }
    }

    /// The Changes tab's line: what will change, in the admin's words.
    pub fn describe(&self) -> String {
        match self {
            Self::ConnectionSmsMode { name, from, .. } => format!(
                "{name}: SMS mode {} → {}",
                from.map_or_else(
                    || "not reported".into(),
                    |m| crate::SmsMode::from_wire(m).label()
                ),
                crate::SmsMode::Integrations.label()
            ),
            Self::ProPackage { from, .. } => format!(
                "{} → {} (billable; confirmed)",
                crate::Package::label_of(from.map(crate::Package::from_id)),
                crate::Package::Pro.label()
            ),
            Self::ThinqSmsOn { dids, url } => {
                let routed = url
                    .as_ref()
                    .map(|u| format!(", routed to {u}"))
                    .unwrap_or_default();
                format!(
                    "Turn SMS on for {}{routed}: {}",
                    count(dids.len(), "DID"),
                    dids.join(", ")
                )
            }
            Self::ThinqInbound { url, dids } => format!(
                "Route inbound messages of {} to {url}: {}",
                count(dids.len(), "DID"),
                dids.join(", ")
            ),
            Self::ThinqDeliveryUrl { url } => format!("Post delivery confirmations to {url}"),
            Self::OptOutAdd { number, customer } => format!(
                "Stop texts from {} to {} (add to its opt-out list)",
                crate::PhoneNumber::display_of_wire(number),
                crate::PhoneNumber::display_of_wire(customer)
            ),
            Self::OptOutRemove { number, customer } => format!(
                "Let {} text {} again (remove from its opt-out list)",
                crate::PhoneNumber::display_of_wire(number),
                crate::PhoneNumber::display_of_wire(customer)
            ),
        }
    }
}

/// "1 DID", "3 DIDs".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back_from_their_stored_strings() {
        for kind in SetupKind::ALL {
            assert_eq!(SetupKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(SetupKind::parse("package"), None);
    }

    #[test]
    fn a_change_round_trips_through_json_and_names_its_target() {
        let change = SetupChange::ConnectionSmsMode {
            connection: ConnectionId::parse("9223372036854775808").unwrap(),
            name: "La Jolla".into(),
            from: Some(0),
        };
        let json = serde_json::to_string(&change).unwrap();
        assert_eq!(serde_json::from_str::<SetupChange>(&json).unwrap(), change);
        assert_eq!(change.target(), "9223372036854775808");
        assert_eq!(
            change.describe(),
            "La Jolla: SMS mode Off → SMS via Integrations"
        );
        let order = SetupChange::ThinqSmsOn {
            dids: vec![DidId::parse("18584376050").unwrap()],
            url: None,
        };
        assert_eq!(order.describe(), "Turn SMS on for 1 DID: 18584376050");
        let stored: SetupChange =
            serde_json::from_str(r#"{"kind":"thinqSmsOn","dids":["18584376050"]}"#).unwrap();
        assert_eq!(stored, order, "drafts saved before the url read back");
        assert_eq!(order.kind().service(), SetupService::Thinq);
    }
}
