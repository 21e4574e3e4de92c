//! Session stickiness: how long an external number stays with the user who started the chat.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// [assumed] The unit of Ringotel's `sessionTimeout`, in seconds per wire unit. The portal's
/// example is "1 day" and the unit is not documented (services.md); seconds is the reading
/// every example fits. Change it here alone if it is learned to be otherwise
/// (`AssumptionId::SessionTimeoutSeconds`).
pub const SESSION_TIMEOUT_SECONDS_PER_UNIT: u32 = 1;

/// The longest stickiness the editor accepts: a quarter; longer is almost surely a typo.
const MAX_SECONDS: u32 = 90 * 86_400;

const PRESETS: [u32; 7] = [0, 900, 3_600, 4 * 3_600, 86_400, 3 * 86_400, 7 * 86_400];

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StickinessProblem {
    #[error("Enter a whole number for the stickiness")]
    NotANumber,
    #[error("Stickiness must be positive; choose Disabled for none")]
    NotPositive,
    #[error("Stickiness is at most 90 days")]
    TooLong,
    #[error("Ringotel reports a session timeout of {0}, which is not a duration")]
    BadWire(i64),
}

/// A stickiness duration; zero means disabled (every conversation is a shared chat).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "u32", into = "u32")]
#[ts(type = "number")]
pub struct Stickiness(u32);

/// The unit the admin types a custom stickiness in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StickinessUnit {
    Minutes,
    Hours,
    Days,
}

impl StickinessUnit {
    pub const ALL: [Self; 3] = [Self::Minutes, Self::Hours, Self::Days];

    fn seconds(self) -> u32 {
        match self {
            Self::Minutes => 60,
            Self::Hours => 3_600,
            Self::Days => 86_400,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Minutes => "minutes",
            Self::Hours => "hours",
            Self::Days => "days",
        }
    }
}

impl Stickiness {
    pub const DISABLED: Self = Self(0);

    pub fn from_seconds(seconds: u32) -> Result<Self, StickinessProblem> {
        if seconds > MAX_SECONDS {
            return Err(StickinessProblem::TooLong);
        }
        Ok(Self(seconds))
    }

    /// A custom duration as typed: `amount` in `unit`.
    pub fn custom(amount: &str, unit: StickinessUnit) -> Result<Self, StickinessProblem> {
        let amount: i64 = amount
            .trim()
            .parse()
            .map_err(|_| StickinessProblem::NotANumber)?;
        if amount <= 0 {
            return Err(StickinessProblem::NotPositive);
        }
        let seconds = u32::try_from(amount)
            .ok()
            .and_then(|a| a.checked_mul(unit.seconds()))
            .ok_or(StickinessProblem::TooLong)?;
        Self::from_seconds(seconds)
    }

    pub fn from_wire(value: i64) -> Result<Self, StickinessProblem> {
        let seconds = u32::try_from(value)
            .ok()
            .and_then(|v| v.checked_mul(SESSION_TIMEOUT_SECONDS_PER_UNIT))
            .ok_or(StickinessProblem::BadWire(value))?;
        Self::from_seconds(seconds)
    }

    pub fn to_wire(self) -> i64 {
        i64::from(self.0 / SESSION_TIMEOUT_SECONDS_PER_UNIT)
    }

    pub fn seconds(self) -> u32 {
        self.0
    }

    pub fn is_disabled(self) -> bool {
        self.0 == 0
    }

    /// "Disabled", "1 day", "4 hours", "90 seconds".
    pub fn label(self) -> String {
        if self.0 == 0 {
            return "Disabled".into();
        }
        for (size, name) in [(86_400, "day"), (3_600, "hour"), (60, "minute")] {
            if self.0.is_multiple_of(size) {
                let n = self.0 / size;
                return format!("{n} {name}{}", if n == 1 { "" } else { "s" });
            }
        }
        format!("{} seconds", self.0)
    }

    /// The durations the dropdown offers before "Custom…".
    pub fn presets() -> Vec<Self> {
        PRESETS.iter().map(|s| Self(*s)).collect()
    }
}

/// What one `sessionTimeout` read from Ringotel says about its unit (see
/// [`SESSION_TIMEOUT_SECONDS_PER_UNIT`]): `Some(true)` when it is a preset counted in seconds,
/// `Some(false)` when it is only a preset counted in minutes (1440 for a day), `None` when it
/// says nothing (disabled, or a duration that fits both).
pub fn wire_unit_is_seconds(value: i64) -> Option<bool> {
    let nonzero = PRESETS.iter().filter(|p| **p > 0).map(|p| i64::from(*p));
    if nonzero.clone().any(|p| p == value) {
        Some(true)
    } else if nonzero.map(|p| p / 60).any(|p| p == value) {
        Some(false)
    } else {
        None
    }
}

/// A wire value labelled for a table; a value that is no duration is shown as sent.
pub fn wire_label(value: Option<i64>) -> String {
    match value.map(Stickiness::from_wire) {
        None => "Not set".into(),
        Some(Ok(s)) => s.label(),
        Some(Err(_)) => format!("Unknown ({})", value.unwrap_or_default()),
    }
}

impl TryFrom<u32> for Stickiness {
    type Error = StickinessProblem;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        Self::from_seconds(value)
    }
}

impl From<Stickiness> for u32 {
    fn from(value: Stickiness) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_preset_in_seconds_or_in_minutes_tells_the_unit() {
        assert_eq!(wire_unit_is_seconds(86_400), Some(true));
        assert_eq!(wire_unit_is_seconds(1_440), Some(false));
        assert_eq!(wire_unit_is_seconds(0), None);
        assert_eq!(wire_unit_is_seconds(5_400), None);
    }

    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(Stickiness::DISABLED.label(), "Disabled");
        assert_eq!(Stickiness::from_seconds(86_400).unwrap().label(), "1 day");
        assert_eq!(Stickiness::from_seconds(7_200).unwrap().label(), "2 hours");
        assert_eq!(Stickiness::from_seconds(90).unwrap().label(), "90 seconds");
    }

    #[test]
    fn custom_durations_are_checked_and_converted() {
        let s = Stickiness::custom("3", StickinessUnit::Hours).unwrap();
        assert_eq!(s.seconds(), 10_800);
        assert_eq!(
            Stickiness::custom("0", StickinessUnit::Days),
            Err(StickinessProblem::NotPositive)
        );
        assert_eq!(
            Stickiness::custom("abc", StickinessUnit::Days),
            Err(StickinessProblem::NotANumber)
        );
        assert_eq!(
            Stickiness::custom("400", StickinessUnit::Days),
            Err(StickinessProblem::TooLong)
        );
        assert_eq!(
            Stickiness::custom("99999999999", StickinessUnit::Minutes),
            Err(StickinessProblem::TooLong)
        );
    }

    #[test]
    fn the_wire_value_round_trips_and_negative_values_are_refused() {
        let s = Stickiness::from_wire(86_400).unwrap();
        assert_eq!(s.to_wire(), 86_400);
        assert!(Stickiness::from_wire(-5).is_err());
        assert_eq!(wire_label(Some(-5)), "Unknown (-5)");
        assert_eq!(wire_label(Some(0)), "Disabled");
    }
}
