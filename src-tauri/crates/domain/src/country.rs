//! Countries as ISO 3166 alpha-2 codes, limited to those the numbering-plan data knows.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// Why text is not a country this app knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountryProblem {
    #[error("\"{0}\" is not a two-letter country code")]
    NotTwoLetters(String),
    #[error("\"{0}\" is not a country this app knows")]
    Unknown(String),
}

/// A country whose numbering plan is known, such as `US`; SMS numbers are reformatted by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country(phonenumber::country::Id);

/// [assumed] thinQ numbers are North American; where a connection names no country, the
/// United States is the sensible default (`AssumptionId::DidsNorthAmerican`).
pub const DEFAULT_COUNTRY: Country = Country(phonenumber::country::Id::US);

impl Country {
    /// Reads a two-letter code in any case (`"us"`, `"US"`); anything else is refused.
    pub fn parse(raw: &str) -> Result<Self, CountryProblem> {
        let code = raw.trim().to_ascii_uppercase();
        if code.len() != 2 {
            return Err(CountryProblem::NotTwoLetters(raw.trim().to_owned()));
        }
        phonenumber::country::Id::from_str(&code)
            .map(Self)
            .map_err(|_| CountryProblem::Unknown(code))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_ref()
    }

    pub(crate) fn id(self) -> phonenumber::country::Id {
        self.0
    }

    /// The international calling code, `1` for the US and Canada.
    pub fn calling_code(self) -> Option<u16> {
        phonenumber::metadata::DATABASE
            .by_id(self.0.as_ref())
            .map(|m| m.country_code())
    }
}

/// Every country code in the numbering-plan data, sorted; built once.
static ALL_CODES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut codes: Vec<&'static str> = phonenumber::metadata::DATABASE
        .iter()
        .map(|m| m.id())
        .filter(|id| id.len() == 2 && id.chars().all(|c| c.is_ascii_uppercase()))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
});

/// A country the number editor offers, with its calling code for the label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountryOption {
    pub code: String,
    pub calling_code: u16,
}

/// Every country the editor may offer, by code.
pub fn country_options() -> Vec<CountryOption> {
    ALL_CODES
        .iter()
        .filter_map(|code| Country::parse(code).ok())
        .filter_map(|c| {
            c.calling_code().map(|calling_code| CountryOption {
                code: c.as_str().to_owned(),
                calling_code,
            })
        })
        .collect()
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_in_any_case_and_unknown_ones_refused() {
        assert_eq!(Country::parse(" us ").unwrap().as_str(), "US");
        assert_eq!(Country::parse("CA").unwrap().calling_code(), Some(1));
        assert!(Country::parse("USA").is_err());
        assert!(Country::parse("QQ").is_err());
    }

    #[test]
    fn the_options_cover_the_numbering_plans_and_lead_with_no_duplicates() {
        let options = country_options();
        assert!(options.len() > 200, "{} countries", options.len());
        assert!(
            options
                .iter()
                .any(|o| o.code == "GB" && o.calling_code == 44)
        );
        let mut codes: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
        codes.dedup();
        assert_eq!(codes.len(), options.len());
    }
}
