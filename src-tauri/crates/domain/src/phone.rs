//! Phone numbers, built only by parsing and validating, with the renderings each service wants.

use crate::country::Country;
use phonenumber::Mode;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::hash::{Hash, Hasher};
use thiserror::Error;

/// Longer input than any dialable number with formatting; refused before the parser sees it.
const MAX_INPUT_LEN: usize = 64;

/// The North American Numbering Plan's country calling code: thinQ's numbers are all here.
const NANP_CALLING_CODE: u16 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberProblem {
    #[error("Enter a phone number")]
    Empty,
    #[error("That is longer than any phone number")]
    TooLong,
    #[error("\"{0}\" is not a phone number")]
    NotANumber(String),
    #[error("{0} has an extension; an SMS number cannot have one")]
    HasExtension(String),
    #[error("{number} is not a valid {country} number")]
    NotValid { number: String, country: String },
    #[error("\"{0}\" does not start with a known country calling code")]
    UnknownCallingCode(String),
    /// The number library itself failed (panicked) on this input: its bug, reported as a
    /// refusal of the input rather than taking the app down.
    #[error(
        "\"{0}\" could not be read: the phone-number library failed on it; type it another way"
    )]
    LibraryFailed(String),
}

/// What the phone-number library returned, or `None` when it panicked: a bug in the
/// dependency, which must not take the app or the CLI down. Every call into the library
/// goes through here.
fn caught<T>(library: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(library)).ok()
}

/// Parses `input` with the library; its panic becomes [`NumberProblem::LibraryFailed`] naming
/// the input, so one odd number in a CSV file, a service's answer or the editor is refused.
fn guarded(
    input: &str,
    parse: impl FnOnce() -> Result<PhoneNumber, NumberProblem>,
) -> Result<PhoneNumber, NumberProblem> {
    caught(parse).unwrap_or_else(|| Err(NumberProblem::LibraryFailed(input.to_owned())))
}

/// A valid phone number. Equal numbers are equal however they were typed, because everything
/// is compared by the E.164 form.
#[derive(Clone)]
pub struct PhoneNumber {
    parsed: phonenumber::PhoneNumber,
    e164: String,
}

impl PhoneNumber {
    /// Parses what a person typed ("+1 (858) 437-6047", "858-437-6047", "18584376047"); numbers
    /// without a country code are read as numbers of `default_country`.
    pub fn parse(input: &str, default_country: Country) -> Result<Self, NumberProblem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(NumberProblem::Empty);
        }
        if trimmed.len() > MAX_INPUT_LEN {
            return Err(NumberProblem::TooLong);
        }
        guarded(trimmed, || {
            let parsed =
                phonenumber::parse(Some(default_country.id()), trimmed).map_err(|e| match e {
                    phonenumber::ParseError::InvalidCountryCode => {
                        NumberProblem::UnknownCallingCode(trimmed.to_owned())
                    }
                    phonenumber::ParseError::TooLong => NumberProblem::TooLong,
                    _ => NumberProblem::NotANumber(trimmed.to_owned()),
                })?;
            Self::validated(parsed, trimmed, Some(default_country))
        })
    }

    /// A number as a service may write someone else's (E.164 with or without '+', or national
    /// digits, as 10-digit NANP numbers arrive), read in `country` when it has no country code;
    /// `None` when it is none.
    pub fn from_any(written: &str, country: Country) -> Option<Self> {
        // The country's reading first ("6195550188" is a San Diego number, not an Australian
        // one; "+1 760 555 0123" reads as written), then E.164 digits without their '+'.
        Self::parse(written, country)
            .ok()
            .or_else(|| Self::from_wire(written).ok())
    }

    /// How a number a service stores reads on screen (`+1 858-437-6048`); one that is no valid
    /// number shows as stored.
    pub fn display_of_wire(stored: &str) -> String {
        Self::from_wire(stored).map_or_else(|_| stored.to_owned(), |n| n.international_display())
    }

    /// Reads a number as a service stores it: E.164 digits with or without the '+'.
    pub fn from_wire(stored: &str) -> Result<Self, NumberProblem> {
        let digits = stored.trim().trim_start_matches('+');
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NumberProblem::NotANumber(stored.to_owned()));
        }
        if digits.len() > MAX_INPUT_LEN {
            return Err(NumberProblem::TooLong);
        }
        guarded(stored, || {
            let parsed = phonenumber::parse(None, format!("+{digits}"))
                .map_err(|_| NumberProblem::NotANumber(stored.to_owned()))?;
            Self::validated(parsed, stored, None)
        })
    }

    fn validated(
        parsed: phonenumber::PhoneNumber,
        input: &str,
        country: Option<Country>,
    ) -> Result<Self, NumberProblem> {
        if parsed.extension().is_some() {
            return Err(NumberProblem::HasExtension(input.to_owned()));
        }
        if !phonenumber::is_valid(&parsed) {
            let country = parsed
                .country()
                .id()
                .map(|id| id.as_ref().to_owned())
                .or_else(|| country.map(|c| c.as_str().to_owned()))
                .unwrap_or_else(|| "phone".into());
            return Err(NumberProblem::NotValid {
                number: input.to_owned(),
                country,
            });
        }
        let national = parsed.national();
        let zeros = "0".repeat(usize::from(national.zeros()));
        let e164 = format!("+{}{zeros}{}", parsed.code().value(), national.value());
        Ok(Self { parsed, e164 })
    }

    /// `+18584376047`.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// What Ringotel stores: E.164 digits without '+', `18584376047`.
    pub fn ringotel_wire(&self) -> &str {
        &self.e164[1..]
    }

    /// What thinQ's APIs take: the 10-digit NANP number, `8584376047`; `None` outside NANP.
    /// [code] thinQ's clients send 10 digits (services.md); no message is sent through thinQ
    /// yet, so this rule is registered as an assumption when a send first uses it.
    pub fn thinq_wire(&self) -> Option<String> {
        (self.calling_code() == NANP_CALLING_CODE).then(|| self.national_digits())
    }

    pub fn calling_code(&self) -> u16 {
        self.parsed.code().value()
    }

    /// The national significant number's digits, leading zeros kept: `8584376047`.
    pub fn national_digits(&self) -> String {
        let prefix_len = self.calling_code().to_string().len();
        self.e164[1 + prefix_len..].to_owned()
    }

    /// The three groups of a NANP number, which has one fixed layout: tables of a thousand
    /// numbers are drawn without running the library's format patterns for each.
    fn nanp_groups(&self) -> Option<(&str, &str, &str)> {
        let digits = self.e164.strip_prefix("+1")?;
        (self.calling_code() == NANP_CALLING_CODE && digits.len() == 10)
            .then(|| (&digits[..3], &digits[3..6], &digits[6..]))
    }

    /// As people in the number's country write it: `(858) 437-6047`.
    pub fn national_display(&self) -> String {
        match self.nanp_groups() {
            Some((area, exchange, line)) => format!("({area}) {exchange}-{line}"),
            None => self.formatted(Mode::National),
        }
    }

    /// As people abroad write it: `+1 858-437-6047`.
    pub fn international_display(&self) -> String {
        match self.nanp_groups() {
            Some((area, exchange, line)) => format!("+1 {area}-{exchange}-{line}"),
            None => self.formatted(Mode::International),
        }
    }

    /// The library's rendering in `mode`; its E.164 form should the library fail (panic) on
    /// this number, so a table of numbers is never taken down by one of them.
    fn formatted(&self, mode: Mode) -> String {
        caught(|| self.parsed.format().mode(mode).to_string()).unwrap_or_else(|| self.e164.clone())
    }

    /// The country the number belongs to, where the numbering plan says (`None` also when the
    /// library fails on it).
    pub fn country(&self) -> Option<Country> {
        caught(|| self.parsed.country().id())
            .flatten()
            .and_then(|id| Country::parse(id.as_ref()).ok())
    }
}

impl PartialEq for PhoneNumber {
    fn eq(&self, other: &Self) -> bool {
        self.e164 == other.e164
    }
}

impl Eq for PhoneNumber {}

impl Hash for PhoneNumber {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.e164.hash(state);
    }
}

impl PartialOrd for PhoneNumber {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PhoneNumber {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.e164.cmp(&other.e164)
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.e164)
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e164)
    }
}

/// Saved and exported as E.164 (`"+18584376047"`); reading one back validates it again.
impl Serialize for PhoneNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.e164)
    }
}

impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Self::from_wire(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_number_written_any_way_reads_as_the_same_number() {
        let us = Country::parse("US").unwrap();
        let want = PhoneNumber::from_wire("16195550188").unwrap();
        for written in [
            "16195550188",
            "+16195550188",
            "6195550188",
            "(619) 555-0188",
        ] {
            assert!(
                PhoneNumber::from_any(written, us) == Some(want.clone()),
                "{written}"
            );
        }
        let uk = PhoneNumber::from_any("447946095800", us).map(|n| n.e164().to_owned());
        assert_eq!(uk.as_deref(), Some("+447946095800"));
        assert!(
            PhoneNumber::from_any("1704000000000", us).is_none(),
            "a timestamp is no number"
        );
    }

    use super::*;
    use proptest::prelude::*;

    fn us() -> Country {
        Country::parse("US").unwrap()
    }

    #[test]
    fn a_panic_inside_the_number_library_is_a_refusal_naming_the_input() {
        let refused = guarded("+1 858 437 6047", || panic!("a bug in the library"));
        let Err(problem) = refused else {
            panic!("a panic must not read as a number")
        };
        assert_eq!(
            problem,
            NumberProblem::LibraryFailed("+1 858 437 6047".into())
        );
        assert!(problem.to_string().contains("\"+1 858 437 6047\""));
        // And the real parse still answers after it.
        assert!(PhoneNumber::parse("858-437-6047", us()).is_ok());
    }

    #[test]
    fn the_ways_people_type_one_number_are_the_same_number() {
        let typed = [
            "+1 (858) 437-6047",
            "858-437-6047",
            "18584376047",
            "(858) 437-6047",
            " 858.437.6047 ",
        ];
        for input in typed {
            let n = PhoneNumber::parse(input, us()).unwrap();
            assert_eq!(n.e164(), "+18584376047", "{input}");
            assert_eq!(n.ringotel_wire(), "18584376047");
            assert_eq!(n.thinq_wire().as_deref(), Some("8584376047"));
            assert_eq!(n.national_display(), "(858) 437-6047");
        }
    }

    #[test]
    fn numbers_from_elsewhere_keep_their_country_and_have_no_thinq_form() {
        let uk = PhoneNumber::parse("020 7183 8750", Country::parse("GB").unwrap()).unwrap();
        assert_eq!(uk.ringotel_wire(), "442071838750");
        assert_eq!(uk.thinq_wire(), None);
        assert_eq!(uk.country().unwrap().as_str(), "GB");
        let it = PhoneNumber::parse("+39 06 6988 4444", us()).unwrap();
        assert_eq!(
            it.national_digits(),
            "0669884444",
            "Italy keeps its leading zero"
        );
    }

    #[test]
    fn short_or_invalid_numbers_are_refused_with_a_reason() {
        assert_eq!(PhoneNumber::parse("  ", us()), Err(NumberProblem::Empty));
        assert!(matches!(
            PhoneNumber::parse("12345", us()),
            Err(NumberProblem::NotValid { .. })
        ));
        assert!(matches!(
            PhoneNumber::parse("call me", us()),
            Err(NumberProblem::NotANumber(_))
        ));
        assert!(matches!(
            PhoneNumber::parse("858-437-6047 ext. 12", us()),
            Err(NumberProblem::HasExtension(_))
        ));
    }

    #[test]
    fn stored_numbers_are_read_with_or_without_the_plus() {
        let a = PhoneNumber::from_wire("18584376048").unwrap();
        let b = PhoneNumber::from_wire("+18584376048").unwrap();
        assert_eq!(a, b);
        assert!(PhoneNumber::from_wire("8584376048").is_err());
        assert!(PhoneNumber::from_wire("1-858").is_err());
    }

    #[test]
    fn a_saved_number_reads_back_equal_and_a_tampered_one_is_refused() {
        let n = PhoneNumber::parse("858-437-6047", us()).unwrap();
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, "\"+18584376047\"");
        assert_eq!(serde_json::from_str::<PhoneNumber>(&json).unwrap(), n);
        assert!(serde_json::from_str::<PhoneNumber>("\"+1858\"").is_err());
    }

    /// Area codes in service across the United States.
    const AREAS: [u32; 10] = [201, 212, 305, 415, 512, 619, 702, 818, 858, 917];

    proptest! {
        #[test]
        fn parsing_any_text_never_panics(input in ".{0,80}") {
            let _ = PhoneNumber::parse(&input, us());
            let _ = PhoneNumber::from_wire(&input);
        }

        #[test]
        fn parsing_digit_soup_never_panics(input in "[0-9+() .-]{0,30}") {
            let _ = PhoneNumber::parse(&input, us());
        }

        #[test]
        fn valid_numbers_round_trip_through_e164_and_the_wire_form_is_digits(
            area in proptest::sample::select(&AREAS[..]),
            exchange in (200u32..1000).prop_filter("no N11 service code", |e| e % 100 != 11),
            line in 0u32..10_000,
        ) {
            // Assigned area codes and any exchange but N11: every draw is a valid number, so
            // every draw is checked (none passes by failing to parse).
            let typed = format!("({area}) {exchange}-{line:04}");
            let n = PhoneNumber::parse(&typed, us());
            prop_assert!(n.is_ok(), "{typed}: {n:?}");
            let n = n.unwrap();
            let digits = format!("1{area}{exchange}{line:04}");
            prop_assert_eq!(n.ringotel_wire(), digits.as_str());
            let e164 = format!("+{digits}");
            prop_assert_eq!(n.e164(), e164.as_str());
            prop_assert_eq!(n.thinq_wire(), Some(digits[1..].to_owned()));
            prop_assert_eq!(
                n.national_display(),
                format!("({area}) {exchange}-{line:04}")
            );
            prop_assert_eq!(
                n.international_display(),
                format!("+1 {area}-{exchange}-{line:04}")
            );
            let again = PhoneNumber::parse(n.e164(), us()).unwrap();
            prop_assert_eq!(&again, &n);
            prop_assert_eq!(PhoneNumber::from_wire(n.ringotel_wire()).unwrap(), n.clone());
        }
    }
}
