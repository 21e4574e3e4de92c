//! The reformat settings of an SMS number: their wire strings and labels, defined once here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How Ringotel rewrites the external number of a message arriving from thinQ. [doc] values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum InboundFormat {
    #[serde(rename = "")]
    Off,
    #[serde(rename = "e164")]
    E164,
    #[serde(rename = "national")]
    National,
    #[serde(rename = "national0")]
    National0,
}

/// How Ringotel rewrites a number a user typed before sending it to thinQ. [doc] values; the
/// set differs from the inbound one on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum OutboundFormat {
    #[serde(rename = "")]
    Off,
    #[serde(rename = "e164")]
    E164,
    #[serde(rename = "national")]
    National,
    #[serde(rename = "international")]
    International,
}

/// One choice in a dropdown: the wire value and what the admin reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
}

/// A setting sent as a fixed wire string and shown with a label: both defined by the enum.
pub trait WireChoice: Copy + 'static {
    const ALL: &'static [Self];
    fn wire(self) -> &'static str;
    fn label(self) -> &'static str;

    fn from_wire(raw: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|f| f.wire() == raw)
    }

    /// Every value as a dropdown choice.
    fn choices() -> Vec<Choice<Self>> {
        Self::ALL
            .iter()
            .map(|&value| Choice {
                value,
                label: value.label().into(),
            })
            .collect()
    }

    /// A value as a service reported it, labelled for a table: unknown values are shown as
    /// sent rather than guessed at.
    fn wire_label(raw: &str) -> String {
        Self::from_wire(raw).map_or_else(|| format!("Unknown ({raw})"), |f| f.label().into())
    }
}

impl WireChoice for InboundFormat {
    const ALL: &'static [Self] = &[Self::Off, Self::E164, Self::National, Self::National0];

    fn wire(self) -> &'static str {
        match self {
            Self::Off => "",
            Self::E164 => "e164",
            Self::National => "national",
            Self::National0 => "national0",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Off => "Off",
            Self::E164 => "E.164",
            Self::National => "National",
            Self::National0 => "National with leading 0",
        }
    }
}

impl WireChoice for OutboundFormat {
    const ALL: &'static [Self] = &[Self::Off, Self::E164, Self::National, Self::International];

    fn wire(self) -> &'static str {
        match self {
            Self::Off => "",
            Self::E164 => "e164",
            Self::National => "national",
            Self::International => "international",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Off => "Off",
            Self::E164 => "E.164",
            Self::National => "National",
            Self::International => "International",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_serializes_as_its_wire_string_and_reads_back() {
        for &f in InboundFormat::ALL {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.wire()));
            assert_eq!(InboundFormat::from_wire(f.wire()), Some(f));
        }
        for &f in OutboundFormat::ALL {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.wire()));
            assert_eq!(OutboundFormat::from_wire(f.wire()), Some(f));
        }
    }

    #[test]
    fn the_two_sets_differ_as_documented() {
        assert_eq!(InboundFormat::from_wire("international"), None);
        assert_eq!(OutboundFormat::from_wire("national0"), None);
        assert_eq!(InboundFormat::wire_label("weird"), "Unknown (weird)");
        assert_eq!(OutboundFormat::wire_label(""), "Off");
    }
}
