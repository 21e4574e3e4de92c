//! Identifiers as the services hand them out, kept as strings because they overflow i64 and JS numbers.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use ts_rs::TS;

/// The longest id we accept; real Ringotel ids are 19–20 digits, this leaves room without
/// letting a hostile response fill memory with one "id".
const MAX_ID_LEN: usize = 64;

/// Why text is not an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdProblem {
    #[error("an id is empty")]
    Empty,
    #[error("an id is longer than {MAX_ID_LEN} characters")]
    TooLong,
    #[error("an id contains control characters")]
    ControlCharacters,
}

fn clean_id(raw: &str) -> Result<String, IdProblem> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(IdProblem::Empty);
    }
    if trimmed.len() > MAX_ID_LEN {
        return Err(IdProblem::TooLong);
    }
    if trimmed.chars().any(char::is_control) {
        return Err(IdProblem::ControlCharacters);
    }
    Ok(trimmed.to_owned())
}

/// Reads an id sent either as a string (documented) or as a bare JSON number (seen in loose
/// examples). A number too big for u64 has already been rounded through a float by the JSON
/// parser, so it is refused rather than kept with the wrong digits.
fn id_from_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    let raw = match value {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) if !n.is_f64() => n.to_string(),
        other => {
            return Err(serde::de::Error::custom(format!(
                "expected an id string, found {other}"
            )));
        }
    };
    clean_id(&raw).map_err(serde::de::Error::custom)
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
        #[ts(type = "string")]
        pub struct $name(String);

        impl $name {
            pub fn parse(raw: &str) -> Result<Self, IdProblem> {
                clean_id(raw).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                id_from_json(deserializer).map(Self)
            }
        }

        /// Lists of ids join as text (`ids.join(", ")`); hashing agrees with the text's.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// A connection's id in the Ringotel Admin API ("branch" in the API).
    ConnectionId
);
string_id!(
    /// A user's id in the Ringotel Admin API.
    UserId
);
string_id!(
    /// An SMS number's id in the Ringotel Admin API (an SMS trunk there).
    SmsNumberId
);
string_id!(
    /// An organization's id in the Ringotel Admin API.
    OrgId
);
string_id!(
    /// A thinQ DID as thinQ names it (11 digits for a North American number).
    DidId
);
string_id!(
    /// An integration's id as `getServices` reports it (`"ThinQ"`, `"Twilio"`, ...).
    ServiceId
);

/// A drafted change's id in this app's database (a number change or a setup change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(type = "number")]
pub struct DraftId(pub i64);

impl fmt::Display for DraftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

string_id!(
    /// A workspace of this app: the built-in Sandbox or one Ringotel account.
    WorkspaceId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_twenty_digit_id_survives_as_written() {
        let id: SmsNumberId = serde_json::from_str("\"18446744073709551616\"").unwrap();
        assert_eq!(id.as_str(), "18446744073709551616");
    }

    #[test]
    fn an_id_sent_as_a_number_is_kept_digit_for_digit() {
        let id: SmsNumberId = serde_json::from_str("1234567890123456789").unwrap();
        assert_eq!(id.as_str(), "1234567890123456789");
    }

    #[test]
    fn an_id_too_big_for_an_integer_is_refused_rather_than_rounded() {
        assert!(serde_json::from_str::<SmsNumberId>("18446744073709551616").is_err());
    }

    #[test]
    fn empty_null_and_oversized_ids_are_refused() {
        assert!(serde_json::from_str::<SmsNumberId>("\"\"").is_err());
        assert!(serde_json::from_str::<SmsNumberId>("null").is_err());
        let long = format!("\"{}\"", "9".repeat(MAX_ID_LEN + 1));
        assert!(serde_json::from_str::<SmsNumberId>(&long).is_err());
    }
}
