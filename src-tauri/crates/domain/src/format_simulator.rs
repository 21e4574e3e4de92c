//! What the reformat settings do to numbers: the editor's live example and the readiness check
//! that warns when one customer would be split into two chats.
//!
//! [assumed] Ringotel does not publish its rewriting rules; these follow the portal's labels
//! (`AssumptionId::FormatRules`).
//! Inbound: Off keeps thinQ's digits, E.164 adds '+', National drops the country code,
//! National with leading 0 puts the trunk prefix in its place. Outbound: Off sends the typed
//! digits, E.164 and International add the country code (with and without '+'), National
//! drops it. National forms apply only to numbers of the SMS number's own country.

use crate::country::Country;
use crate::formats::{InboundFormat, OutboundFormat};
use crate::phone::PhoneNumber;
use serde::Serialize;
use ts_rs::TS;

/// The spec's examples: how thinQ delivers an inbound sender, and what a user types.
pub const THINQ_INBOUND_EXAMPLE: &str = "18584376047";
pub const USER_TYPED_EXAMPLE: &str = "(858) 437-6047";

/// thinQ's numbers are North American: inbound senders are read in that plan.
const THINQ_PLAN: Country = crate::country::DEFAULT_COUNTRY;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormatExample {
    pub inbound_received: String,
    pub inbound_shown: String,
    pub outbound_typed: String,
    pub outbound_sent: String,
    /// Whether a reply to the inbound sender lands in the same chat: the two renderings agree.
    pub same_chat: bool,
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// National digits for a number of `country`'s plan, else `None` (a foreign number).
fn national_in(number: &PhoneNumber, country: Country) -> Option<String> {
    (country.calling_code() == Some(number.calling_code())).then(|| number.national_digits())
}

/// The external number of an inbound message as the user's app will show it.
pub fn reformat_inbound(received: &str, format: InboundFormat, country: Country) -> String {
    let Ok(number) = PhoneNumber::parse(received, THINQ_PLAN) else {
        return received.to_owned();
    };
    match format {
        InboundFormat::Off => received.to_owned(),
        InboundFormat::E164 => number.e164().to_owned(),
        InboundFormat::National => {
            national_in(&number, country).unwrap_or_else(|| number.ringotel_wire().to_owned())
        }
        InboundFormat::National0 => national_in(&number, country)
            .map(|n| format!("0{n}"))
            .unwrap_or_else(|| number.ringotel_wire().to_owned()),
    }
}

/// A number a user typed as it is sent to thinQ.
pub fn reformat_outbound(typed: &str, format: OutboundFormat, country: Country) -> String {
    let Ok(number) = PhoneNumber::parse(typed, country) else {
        return digits(typed);
    };
    match format {
        OutboundFormat::Off => digits(typed),
        OutboundFormat::E164 => number.e164().to_owned(),
        OutboundFormat::International => number.ringotel_wire().to_owned(),
        OutboundFormat::National => {
            national_in(&number, country).unwrap_or_else(|| number.ringotel_wire().to_owned())
        }
    }
}

/// The editor's live example for one pair of settings.
pub fn simulate(
    inbound: InboundFormat,
    outbound: OutboundFormat,
    country: Country,
) -> FormatExample {
    let inbound_shown = reformat_inbound(THINQ_INBOUND_EXAMPLE, inbound, country);
    let outbound_sent = reformat_outbound(USER_TYPED_EXAMPLE, outbound, country);
    FormatExample {
        inbound_received: THINQ_INBOUND_EXAMPLE.into(),
        same_chat: inbound_shown == outbound_sent,
        inbound_shown,
        outbound_typed: USER_TYPED_EXAMPLE.into(),
        outbound_sent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::WireChoice;
    use InboundFormat as In;
    use OutboundFormat as Out;

    fn us() -> Country {
        Country::parse("US").unwrap()
    }

    #[test]
    fn every_pair_of_formats_gives_the_expected_example() {
        // (inbound, outbound, shown, sent, same chat), written from services.md's examples.
        let table = [
            (In::Off, Out::Off, "18584376047", "8584376047", false),
            (In::Off, Out::E164, "18584376047", "+18584376047", false),
            (In::Off, Out::National, "18584376047", "8584376047", false),
            (
                In::Off,
                Out::International,
                "18584376047",
                "18584376047",
                true,
            ),
            (In::E164, Out::Off, "+18584376047", "8584376047", false),
            (In::E164, Out::E164, "+18584376047", "+18584376047", true),
            (In::E164, Out::National, "+18584376047", "8584376047", false),
            (
                In::E164,
                Out::International,
                "+18584376047",
                "18584376047",
                false,
            ),
            (In::National, Out::Off, "8584376047", "8584376047", true),
            (In::National, Out::E164, "8584376047", "+18584376047", false),
            (
                In::National,
                Out::National,
                "8584376047",
                "8584376047",
                true,
            ),
            (
                In::National,
                Out::International,
                "8584376047",
                "18584376047",
                false,
            ),
            (In::National0, Out::Off, "08584376047", "8584376047", false),
            (
                In::National0,
                Out::E164,
                "08584376047",
                "+18584376047",
                false,
            ),
            (
                In::National0,
                Out::National,
                "08584376047",
                "8584376047",
                false,
            ),
            (
                In::National0,
                Out::International,
                "08584376047",
                "18584376047",
                false,
            ),
        ];
        assert_eq!(table.len(), In::ALL.len() * Out::ALL.len());
        for (inbound, outbound, shown, sent, same) in table {
            let example = simulate(inbound, outbound, us());
            assert_eq!(example.inbound_shown, shown, "{inbound:?}/{outbound:?}");
            assert_eq!(example.outbound_sent, sent, "{inbound:?}/{outbound:?}");
            assert_eq!(example.same_chat, same, "{inbound:?}/{outbound:?}");
        }
    }

    #[test]
    fn a_ten_digit_inbound_sender_is_read_as_north_american() {
        assert_eq!(
            reformat_inbound("8584376047", In::E164, us()),
            "+18584376047"
        );
    }

    #[test]
    fn national_forms_keep_foreign_numbers_international() {
        let gb = Country::parse("GB").unwrap();
        assert_eq!(
            reformat_inbound("18584376047", In::National, gb),
            "18584376047"
        );
        assert_eq!(
            reformat_outbound("020 7183 8750", Out::National, gb),
            "2071838750"
        );
        assert_eq!(
            reformat_outbound("+1 858 437 6047", Out::National, gb),
            "18584376047"
        );
    }

    #[test]
    fn text_that_is_no_number_passes_through() {
        assert_eq!(reformat_inbound("SHORTCODE", In::E164, us()), "SHORTCODE");
        assert_eq!(reformat_outbound("abc", Out::E164, us()), "");
    }
}
