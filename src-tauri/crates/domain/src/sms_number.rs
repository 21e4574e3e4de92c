//! An SMS number as the admin drafts it: every field Ringotel keeps, typed, and the editor's
//! input with the rules that turn it into one.

use crate::country::Country;
use crate::field::{FieldKey, FieldProblem, Problems};
use crate::formats::{InboundFormat, OutboundFormat};
use crate::ids::{ServiceId, UserId};
use crate::phone::PhoneNumber;
use crate::stickiness::{Stickiness, StickinessProblem, StickinessUnit};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

const MAX_NAME_LEN: usize = 100;
const MAX_KEYWORD_LEN: usize = 20;
/// [doc] thinQ's longest message: 910 characters.
const MAX_REPLY_LEN: usize = 910;
/// [doc] The auto-reply key that means "first contact".
pub const FIRST_CONTACT_KEY: &str = "*";

/// An automatic answer: to a keyword, or with key `*` to a first contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AutoReply {
    pub key: String,
    pub value: String,
}

/// The opt-out keyword and what is answered to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OptOut {
    pub keyword: String,
    pub reply: String,
}

/// Everything Ringotel keeps about an SMS number that the admin decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SmsNumberFields {
    #[ts(type = "string")]
    pub number: PhoneNumber,
    pub name: String,
    pub service: ServiceId,
    pub users: Vec<UserId>,
    #[ts(type = "string")]
    pub country: Country,
    pub inbound_format: InboundFormat,
    pub outbound_format: OutboundFormat,
    pub stickiness: Stickiness,
    pub send_name: bool,
    pub opt_out: Option<OptOut>,
    pub auto_replies: Vec<AutoReply>,
}

/// New numbers start with the formats that keep one chat per customer (E.164 both ways) and
/// stickiness disabled. Every field is sent on create, so the service's own defaults (which
/// are not published) never apply.
pub const NEW_NUMBER_INBOUND: InboundFormat = InboundFormat::E164;
pub const NEW_NUMBER_OUTBOUND: OutboundFormat = OutboundFormat::E164;
pub const NEW_NUMBER_STICKINESS: Stickiness = Stickiness::DISABLED;

impl SmsNumberFields {
    /// A number as a new one starts: no name, no users, the new-number formats and stickiness,
    /// no send name, opt-out or auto-replies.
    pub fn new(number: PhoneNumber, service: ServiceId, country: Country) -> Self {
        Self {
            number,
            name: String::new(),
            service,
            users: Vec::new(),
            country,
            inbound_format: NEW_NUMBER_INBOUND,
            outbound_format: NEW_NUMBER_OUTBOUND,
            stickiness: NEW_NUMBER_STICKINESS,
            send_name: false,
            opt_out: None,
            auto_replies: Vec::new(),
        }
    }
}

/// The stickiness dropdown: a preset duration, or a custom amount and unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum StickinessInput {
    Preset {
        seconds: u32,
    },
    Custom {
        amount: String,
        unit: StickinessUnit,
    },
}

/// The editor's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SmsNumberInput {
    pub country: String,
    pub number: String,
    pub name: String,
    pub users: Vec<String>,
    pub stickiness: StickinessInput,
    pub inbound_format: InboundFormat,
    pub outbound_format: OutboundFormat,
    pub send_name: bool,
    pub opt_out_keyword: String,
    pub opt_out_reply: String,
    pub auto_replies: Vec<AutoReply>,
}

/// What the rules need to know beyond the input: the organization's users and the
/// integration the number belongs to.
pub struct NumberRules<'a> {
    pub known_users: &'a HashSet<UserId>,
    pub service: ServiceId,
}

impl SmsNumberInput {
    /// Country and number alone, for the as-you-type check of the number field.
    pub fn parse_number(&self) -> Result<(Country, PhoneNumber), FieldProblem> {
        let country = Country::parse(&self.country)
            .map_err(|e| FieldProblem::new(FieldKey::Country, e.to_string()))?;
        let number = PhoneNumber::parse(&self.number, country)
            .map_err(|e| FieldProblem::new(FieldKey::Number, e.to_string()))?;
        Ok((country, number))
    }

    /// Every problem with the input at once, or the typed fields.
    pub fn validate(&self, rules: &NumberRules<'_>) -> Result<SmsNumberFields, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let parsed = match self.parse_number() {
            Ok(parsed) => Some(parsed),
            Err(problem) => {
                problems.0.push(problem);
                None
            }
        };
        let name = problems.keep(display_name(&self.name));
        let users = problems.keep(users(&self.users, rules.known_users));
        let stickiness = problems.check(FieldKey::Stickiness, stickiness(&self.stickiness));
        let opt_out = opt_out(&self.opt_out_keyword, &self.opt_out_reply, &mut problems);
        let auto_replies = problems.keep(auto_replies(&self.auto_replies));
        match (parsed, name, users, stickiness, auto_replies) {
            (Some((country, number)), Some(name), Some(users), Some(stickiness), Some(replies))
                if problems.is_empty() =>
            {
                Ok(SmsNumberFields {
                    number,
                    name,
                    service: rules.service.clone(),
                    users,
                    country,
                    inbound_format: self.inbound_format,
                    outbound_format: self.outbound_format,
                    stickiness,
                    send_name: self.send_name,
                    opt_out,
                    auto_replies: replies,
                })
            }
            _ => Err(problems.into_vec()),
        }
    }
}

fn display_name(raw: &str) -> Result<String, FieldProblem> {
    let refuse = |message: String| Err(FieldProblem::new(FieldKey::DisplayName, message));
    let name = raw.trim();
    if name.is_empty() {
        return refuse("Enter a display name: users see it as the chat's title".into());
    }
    if name.chars().count() > MAX_NAME_LEN {
        return refuse(format!(
            "The display name is at most {MAX_NAME_LEN} characters"
        ));
    }
    if name.chars().any(char::is_control) {
        return refuse("The display name has a line break or control character".into());
    }
    Ok(name.to_owned())
}

fn users(raw: &[String], known: &HashSet<UserId>) -> Result<Vec<UserId>, FieldProblem> {
    let refuse = |message: String| FieldProblem::new(FieldKey::Users, message);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(raw.len());
    for id in raw {
        let id =
            UserId::parse(id).map_err(|e| refuse(format!("A selected user is invalid: {e}")))?;
        if !known.contains(&id) {
            return Err(refuse(format!(
                "User {id} is no longer in this organization; clear it and pick again"
            )));
        }
        if seen.insert(id.clone()) {
            out.push(id);
        }
    }
    Ok(out)
}

fn stickiness(input: &StickinessInput) -> Result<Stickiness, StickinessProblem> {
    match input {
        StickinessInput::Preset { seconds } => Stickiness::from_seconds(*seconds),
        StickinessInput::Custom { amount, unit } => Stickiness::custom(amount, *unit),
    }
}

fn opt_out(keyword: &str, reply: &str, problems: &mut Problems) -> Option<OptOut> {
    let (keyword, reply) = (keyword.trim(), reply.trim());
    match (keyword.is_empty(), reply.is_empty()) {
        (true, true) => return None,
        (true, false) => problems.push(
            FieldKey::OptOutKeyword,
            "Enter the keyword that opts a sender out, or clear the reply",
        ),
        (false, true) => problems.push(
            FieldKey::OptOutReply,
            "Enter what is answered to the opt-out keyword",
        ),
        (false, false) => {}
    }
    if !keyword.is_empty()
        && (keyword.chars().count() > MAX_KEYWORD_LEN
            || !keyword.chars().all(char::is_alphanumeric))
    {
        problems.push(
            FieldKey::OptOutKeyword,
            format!("The keyword is one word of letters and digits, at most {MAX_KEYWORD_LEN}"),
        );
    }
    if reply.chars().count() > MAX_REPLY_LEN {
        problems.push(
            FieldKey::OptOutReply,
            format!("The reply is at most {MAX_REPLY_LEN} characters"),
        );
    }
    Some(OptOut {
        keyword: keyword.to_owned(),
        reply: reply.to_owned(),
    })
}

fn auto_replies(raw: &[AutoReply]) -> Result<Vec<AutoReply>, FieldProblem> {
    let refuse = |message: String| Err(FieldProblem::new(FieldKey::AutoReplies, message));
    let mut keys = HashSet::new();
    let mut out = Vec::with_capacity(raw.len());
    for (n, reply) in raw.iter().enumerate() {
        let (key, value) = (reply.key.trim(), reply.value.trim());
        let which = n + 1;
        if key.is_empty() {
            return refuse(format!(
                "Auto-reply {which} has no keyword (use * for a first contact)"
            ));
        }
        if value.is_empty() {
            return refuse(format!("Auto-reply {which} (\"{key}\") has no text"));
        }
        if value.chars().count() > MAX_REPLY_LEN {
            return refuse(format!(
                "Auto-reply {which} is longer than {MAX_REPLY_LEN} characters"
            ));
        }
        if !keys.insert(key.to_lowercase()) {
            return refuse(format!("The keyword \"{key}\" has two auto-replies"));
        }
        out.push(AutoReply {
            key: key.to_owned(),
            value: value.to_owned(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::FieldKey;

    fn user(n: u32) -> UserId {
        UserId::parse(&format!("92233720368547758{n:02}")).unwrap()
    }

    fn input() -> SmsNumberInput {
        SmsNumberInput {
            country: "US".into(),
            number: "(858) 437-6047".into(),
            name: " Front Desk ".into(),
            users: vec![
                user(1).to_string(),
                user(2).to_string(),
                user(1).to_string(),
            ],
            stickiness: StickinessInput::Preset { seconds: 86_400 },
            inbound_format: InboundFormat::E164,
            outbound_format: OutboundFormat::E164,
            send_name: true,
            opt_out_keyword: "STOP".into(),
            opt_out_reply: "You are unsubscribed".into(),
            auto_replies: vec![AutoReply {
                key: "*".into(),
                value: "Thanks for texting".into(),
            }],
        }
    }

    fn validate(input: &SmsNumberInput) -> Result<SmsNumberFields, Vec<FieldKey>> {
        let known: HashSet<UserId> = [user(1), user(2)].into();
        let rules = NumberRules {
            known_users: &known,
            service: ServiceId::parse("ThinQ").unwrap(),
        };
        input
            .validate(&rules)
            .map_err(|p| p.iter().map(|p| p.field).collect())
    }

    #[test]
    fn a_complete_input_becomes_typed_fields_with_users_once_each() {
        let fields = validate(&input()).unwrap();
        assert_eq!(fields.number.ringotel_wire(), "18584376047");
        assert_eq!(fields.name, "Front Desk");
        assert_eq!(fields.users, [user(1), user(2)]);
        assert_eq!(fields.stickiness.seconds(), 86_400);
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let mut bad = input();
        bad.number = "12345".into();
        bad.name = "".into();
        bad.users = vec![user(9).to_string()];
        bad.stickiness = StickinessInput::Custom {
            amount: "-1".into(),
            unit: StickinessUnit::Hours,
        };
        bad.opt_out_keyword = "".into();
        bad.auto_replies.push(AutoReply {
            key: "*".into(),
            value: "again".into(),
        });
        assert_eq!(
            validate(&bad).unwrap_err(),
            [
                FieldKey::Number,
                FieldKey::DisplayName,
                FieldKey::Users,
                FieldKey::Stickiness,
                FieldKey::OptOutKeyword,
                FieldKey::AutoReplies
            ]
        );
    }

    #[test]
    fn an_empty_opt_out_means_none_and_a_bad_country_is_named() {
        let mut plain = input();
        plain.opt_out_keyword = " ".into();
        plain.opt_out_reply = "".into();
        assert_eq!(validate(&plain).unwrap().opt_out, None);
        plain.country = "XX".into();
        assert_eq!(validate(&plain).unwrap_err(), [FieldKey::Country]);
    }

    #[test]
    fn drafted_fields_survive_json_and_a_tampered_number_is_refused() {
        let fields = validate(&input()).unwrap();
        let json = serde_json::to_string(&fields).unwrap();
        let back: SmsNumberFields = serde_json::from_str(&json).unwrap();
        assert_eq!(back, fields);
        let tampered = json.replace("+18584376047", "+1858");
        assert!(serde_json::from_str::<SmsNumberFields>(&tampered).is_err());
    }
}
