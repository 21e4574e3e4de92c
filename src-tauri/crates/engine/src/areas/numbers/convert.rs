//! Typed fields as the editor's input when the admin opens a number, also when Ringotel's copy
//! of it cannot be fully read.

use domain::formats::WireChoice;
use domain::{
    Country, InboundFormat, OutboundFormat, PhoneNumber, SmsNumberFields, SmsNumberInput,
    Stickiness, StickinessInput, StickinessUnit,
};
use ringotel::SmsTrunk;

/// The dropdown's choice for a stored duration: a preset when it is one, else custom in the
/// largest whole unit.
pub(crate) fn stickiness_input(stickiness: Stickiness) -> StickinessInput {
    let seconds = stickiness.seconds();
    if Stickiness::presets().contains(&stickiness) {
        return StickinessInput::Preset { seconds };
    }
    let (amount, unit) = [
        (86_400, StickinessUnit::Days),
        (3_600, StickinessUnit::Hours),
    ]
    .into_iter()
    .find(|(size, _)| seconds.is_multiple_of(*size))
    .map(|(size, unit)| (seconds / size, unit))
    .unwrap_or((seconds.div_ceil(60), StickinessUnit::Minutes));
    StickinessInput::Custom {
        amount: amount.to_string(),
        unit,
    }
}

/// Typed fields back as the editor's input.
pub(crate) fn input_of(fields: &SmsNumberFields) -> SmsNumberInput {
    let (keyword, reply) = fields
        .opt_out
        .as_ref()
        .map(|o| (o.keyword.clone(), o.reply.clone()))
        .unwrap_or_default();
    SmsNumberInput {
        country: fields.country.as_str().to_owned(),
        number: fields.number.international_display(),
        name: fields.name.clone(),
        users: fields.users.iter().map(ToString::to_string).collect(),
        stickiness: stickiness_input(fields.stickiness),
        inbound_format: fields.inbound_format,
        outbound_format: fields.outbound_format,
        send_name: fields.send_name,
        opt_out_keyword: keyword,
        opt_out_reply: reply,
        auto_replies: fields.auto_replies.clone(),
    }
}

/// A trunk this app cannot fully read, as the editor's input: what could be read is filled
/// in, the rest is named in `notes` and set to a value the admin sees before saving.
pub(crate) fn input_of_unreadable(
    trunk: &SmsTrunk,
    fallback: Country,
    notes: &mut Vec<String>,
) -> SmsNumberInput {
    let number = PhoneNumber::from_wire(&trunk.number).ok();
    let inbound = InboundFormat::from_wire(&trunk.inbound_format).unwrap_or_else(|| {
        notes.push(format!(
            "Ringotel reports the inbound format \"{}\", which this app does not know; saving sets the one chosen here.",
            trunk.inbound_format
        ));
        InboundFormat::Off
    });
    let outbound = OutboundFormat::from_wire(&trunk.outbound_format).unwrap_or_else(|| {
        notes.push(format!(
            "Ringotel reports the outbound format \"{}\", which this app does not know; saving sets the one chosen here.",
            trunk.outbound_format
        ));
        OutboundFormat::Off
    });
    let stickiness =
        Stickiness::from_wire(trunk.session_timeout.unwrap_or(0)).unwrap_or_else(|e| {
            notes.push(format!("{e}; saving sets the one chosen here."));
            Stickiness::DISABLED
        });
    let (keyword, reply) = trunk
        .opt_out_fields()
        .flatten()
        .map(|o| (o.keyword, o.reply))
        .unwrap_or_default();
    SmsNumberInput {
        country: trunk
            .country_or(number.as_ref(), fallback)
            .as_str()
            .to_owned(),
        number: number.map_or_else(|| trunk.number.clone(), |n| n.international_display()),
        name: trunk.name.clone(),
        users: trunk.users.iter().map(ToString::to_string).collect(),
        stickiness: stickiness_input(stickiness),
        inbound_format: inbound,
        outbound_format: outbound,
        send_name: trunk.send_name().unwrap_or(false),
        opt_out_keyword: keyword,
        opt_out_reply: reply,
        auto_replies: trunk.auto_reply_fields().unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::SmsField;
    use ringotel::SmsTrunkBody;
    use serde_json::json;

    fn us() -> Country {
        Country::parse("US").unwrap()
    }

    fn trunk(extra: serde_json::Value) -> SmsTrunk {
        let mut base = json!({"id": "7", "number": "18584376048", "name": "Desk", "service": "ThinQ",
            "users": ["1"], "country": "US", "inboundFormat": "e164", "outboundFormat": "national",
            "sessionTimeout": 5400, "sendName": true,
            "optout": {"keyword": "STOP", "autoreply": "Bye"}, "autoreply": [{"key": "*", "value": "Hi"}]});
        if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        serde_json::from_value(base).unwrap()
    }

    #[test]
    fn a_full_trunk_reads_as_fields_and_back_as_the_same_input() {
        let fields = trunk(json!({})).fields(us()).unwrap();
        assert_eq!(fields.outbound_format, OutboundFormat::National);
        assert_eq!(fields.opt_out.as_ref().unwrap().reply, "Bye");
        let input = input_of(&fields);
        assert_eq!(
            input.stickiness,
            StickinessInput::Custom {
                amount: "90".into(),
                unit: StickinessUnit::Minutes
            }
        );
        assert_eq!(input.number, "+1 858-437-6048");
    }

    #[test]
    fn fields_written_onto_a_trunk_read_back_the_same_and_keep_unknown_ones() {
        let mut live = trunk(json!({"x_unknown": {"a": 1}}));
        let mut wanted = live.fields(us()).unwrap();
        wanted.name = "Reception".into();
        wanted.opt_out = None;
        wanted.auto_replies.clear();
        wanted.stickiness = domain::Stickiness::DISABLED;
        for field in SmsField::ALL {
            live.write_field(field, &wanted);
        }
        assert_eq!(live.fields(us()).unwrap(), wanted);
        assert_eq!(live.rest["x_unknown"], json!({"a": 1}));
        assert_eq!(
            SmsTrunkBody::from_fields(&wanted).fields(us()).unwrap(),
            wanted
        );
    }

    #[test]
    fn an_unknown_format_is_named_rather_than_silently_changed() {
        let odd = trunk(json!({"inboundFormat": "weird"}));
        assert!(odd.fields(us()).unwrap_err().to_string().contains("weird"));
        let mut notes = Vec::new();
        let input = input_of_unreadable(&odd, us(), &mut notes);
        assert_eq!(input.inbound_format, InboundFormat::Off);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("weird"));
    }
}
