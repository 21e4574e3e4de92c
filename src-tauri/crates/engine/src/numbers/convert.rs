//! Reading a Ringotel SMS trunk as the typed fields the draft works with, and as the editor's
//! input when the admin opens it.

use domain::SmsField;
use domain::formats::WireChoice;
use domain::{
    AutoReply, Country, InboundFormat, OptOut, OutboundFormat, PhoneNumber, ServiceId,
    SmsNumberFields, SmsNumberInput, Stickiness, StickinessInput, StickinessUnit,
};
use ringotel::{AutoReplyWire, OptOutWire, SmsTrunk, SmsTrunkBody};

/// The trunk's country, or the number's own, or the fallback.
fn country_of(trunk: &SmsTrunkBody, number: Option<&PhoneNumber>, fallback: Country) -> Country {
    Country::parse(&trunk.country)
        .ok()
        .or_else(|| number.and_then(PhoneNumber::country))
        .unwrap_or(fallback)
}

fn auto_replies(trunk: &SmsTrunkBody) -> Option<Vec<AutoReply>> {
    trunk.auto_replies().map(|list| {
        list.into_iter()
            .map(|r| AutoReply {
                key: r.key,
                value: r.value,
            })
            .collect()
    })
}

fn opt_out(trunk: &SmsTrunkBody) -> Option<Option<OptOut>> {
    trunk.opt_out().map(|o| {
        o.map(|o| OptOut {
            keyword: o.keyword,
            reply: o.autoreply,
        })
    })
}

/// The trunk as typed fields, or what in it this app cannot read.
pub(crate) fn fields_of(
    trunk: &SmsTrunkBody,
    fallback: Country,
) -> Result<SmsNumberFields, String> {
    let number = PhoneNumber::from_wire(&trunk.number).map_err(|e| e.to_string())?;
    let stickiness =
        Stickiness::from_wire(trunk.session_timeout.unwrap_or(0)).map_err(|e| e.to_string())?;
    Ok(SmsNumberFields {
        country: country_of(trunk, Some(&number), fallback),
        number,
        name: trunk.name.clone(),
        service: ServiceId::parse(&trunk.service).map_err(|e| format!("service: {e}"))?,
        users: trunk.users.clone(),
        inbound_format: InboundFormat::from_wire(&trunk.inbound_format)
            .ok_or_else(|| format!("inbound format \"{}\"", trunk.inbound_format))?,
        outbound_format: OutboundFormat::from_wire(&trunk.outbound_format)
            .ok_or_else(|| format!("outbound format \"{}\"", trunk.outbound_format))?,
        stickiness,
        send_name: trunk.send_name().unwrap_or(false),
        opt_out: opt_out(trunk).ok_or("the opt-out setting")?,
        auto_replies: auto_replies(trunk).ok_or("the auto-replies")?,
    })
}

/// Writes one typed field onto a trunk in its wire form; every other field, known or not,
/// stays as it was (read-modify-write).
pub(crate) fn write_field(trunk: &mut SmsTrunkBody, field: SmsField, fields: &SmsNumberFields) {
    match field {
        SmsField::Number => trunk.number = fields.number.ringotel_wire().to_owned(),
        SmsField::Name => trunk.name = fields.name.clone(),
        SmsField::Service => trunk.service = fields.service.as_str().to_owned(),
        SmsField::Users => trunk.users = fields.users.clone(),
        SmsField::Country => trunk.country = fields.country.as_str().to_owned(),
        SmsField::InboundFormat => trunk.inbound_format = fields.inbound_format.wire().to_owned(),
        SmsField::OutboundFormat => {
            trunk.outbound_format = fields.outbound_format.wire().to_owned();
        }
        SmsField::Stickiness => trunk.session_timeout = Some(fields.stickiness.to_wire()),
        SmsField::SendName => trunk.set_send_name(fields.send_name),
        SmsField::OptOut => trunk.set_opt_out(
            fields
                .opt_out
                .as_ref()
                .map(|o| OptOutWire {
                    keyword: o.keyword.clone(),
                    autoreply: o.reply.clone(),
                })
                .as_ref(),
        ),
        SmsField::AutoReplies => trunk.set_auto_replies(
            &fields
                .auto_replies
                .iter()
                .map(|r| AutoReplyWire {
                    key: r.key.clone(),
                    value: r.value.clone(),
                })
                .collect::<Vec<_>>(),
        ),
    }
}

/// A new trunk with every field written, as a create sends it.
pub(crate) fn new_trunk(fields: &SmsNumberFields) -> SmsTrunkBody {
    let mut trunk = SmsTrunkBody::default();
    for field in SmsField::ALL {
        write_field(&mut trunk, field, fields);
    }
    trunk
}

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
    let (keyword, reply) = opt_out(trunk)
        .flatten()
        .map(|o| (o.keyword, o.reply))
        .unwrap_or_default();
    SmsNumberInput {
        country: country_of(trunk, number.as_ref(), fallback)
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
        auto_replies: auto_replies(trunk).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let fields = fields_of(&trunk(json!({})), us()).unwrap();
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
        let mut wanted = fields_of(&live, us()).unwrap();
        wanted.name = "Reception".into();
        wanted.opt_out = None;
        wanted.auto_replies.clear();
        wanted.stickiness = domain::Stickiness::DISABLED;
        for field in SmsField::ALL {
            write_field(&mut live, field, &wanted);
        }
        assert_eq!(fields_of(&live, us()).unwrap(), wanted);
        assert_eq!(live.rest["x_unknown"], json!({"a": 1}));
        assert_eq!(fields_of(&new_trunk(&wanted), us()).unwrap(), wanted);
    }

    #[test]
    fn an_unknown_format_is_named_rather_than_silently_changed() {
        let odd = trunk(json!({"inboundFormat": "weird"}));
        assert!(fields_of(&odd, us()).unwrap_err().contains("weird"));
        let mut notes = Vec::new();
        let input = input_of_unreadable(&odd, us(), &mut notes);
        assert_eq!(input.inbound_format, InboundFormat::Off);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("weird"));
    }
}
