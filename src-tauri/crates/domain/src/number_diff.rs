//! Which fields of an SMS number differ between two versions, and whether a drafted change
//! collides with a change made on the server since the draft began (the three-way compare).

use crate::sms_number::SmsNumberFields;
use serde::Serialize;
use ts_rs::TS;

/// One field of an SMS number, named for a before → after list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SmsField {
    Number,
    Name,
    Service,
    Users,
    Country,
    InboundFormat,
    OutboundFormat,
    Stickiness,
    SendName,
    OptOut,
    AutoReplies,
}

impl SmsField {
    pub const ALL: [Self; 11] = [
        Self::Number,
        Self::Name,
        Self::Service,
        Self::Users,
        Self::Country,
        Self::InboundFormat,
        Self::OutboundFormat,
        Self::Stickiness,
        Self::SendName,
        Self::OptOut,
        Self::AutoReplies,
    ];

    /// The field as the editor names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Name => "display name",
            Self::Service => "service",
            Self::Users => "users",
            Self::Country => "country",
            Self::InboundFormat => "inbound format",
            Self::OutboundFormat => "outbound format",
            Self::Stickiness => "stickiness",
            Self::SendName => "send user name",
            Self::OptOut => "opt-out",
            Self::AutoReplies => "auto-replies",
        }
    }

    /// Whether `a` and `b` differ in this field. Users are a set: their order means nothing.
    pub fn differs(self, a: &SmsNumberFields, b: &SmsNumberFields) -> bool {
        match self {
            Self::Number => a.number != b.number,
            Self::Name => a.name != b.name,
            Self::Service => a.service != b.service,
            Self::Users => {
                let mut x: Vec<_> = a.users.iter().collect();
                let mut y: Vec<_> = b.users.iter().collect();
                x.sort();
                y.sort();
                x != y
            }
            Self::Country => a.country != b.country,
            Self::InboundFormat => a.inbound_format != b.inbound_format,
            Self::OutboundFormat => a.outbound_format != b.outbound_format,
            Self::Stickiness => a.stickiness != b.stickiness,
            Self::SendName => a.send_name != b.send_name,
            Self::OptOut => a.opt_out != b.opt_out,
            Self::AutoReplies => a.auto_replies != b.auto_replies,
        }
    }
}

/// The fields in which `a` and `b` differ.
pub fn changed_fields(a: &SmsNumberFields, b: &SmsNumberFields) -> Vec<SmsField> {
    SmsField::ALL
        .into_iter()
        .filter(|f| f.differs(a, b))
        .collect()
}

/// Fields both the draft and the server changed since `base`, to different values.
pub fn conflicting_fields(
    base: &SmsNumberFields,
    mine: &SmsNumberFields,
    theirs: &SmsNumberFields,
) -> Vec<SmsField> {
    SmsField::ALL
        .into_iter()
        .filter(|f| f.differs(base, mine) && f.differs(base, theirs) && f.differs(mine, theirs))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        Country, InboundFormat, OutboundFormat, PhoneNumber, RingotelId, ServiceId, Stickiness,
    };

    fn base() -> SmsNumberFields {
        let us = Country::parse("US").unwrap();
        SmsNumberFields {
            number: PhoneNumber::parse("8584376048", us).unwrap(),
            name: "Desk".into(),
            service: ServiceId::parse("ThinQ").unwrap(),
            users: vec![
                RingotelId::parse("1").unwrap(),
                RingotelId::parse("2").unwrap(),
            ],
            country: us,
            inbound_format: InboundFormat::E164,
            outbound_format: OutboundFormat::E164,
            stickiness: Stickiness::DISABLED,
            send_name: false,
            opt_out: None,
            auto_replies: vec![],
        }
    }

    #[test]
    fn the_same_users_in_another_order_are_no_change() {
        let mut other = base();
        other.users.reverse();
        assert!(changed_fields(&base(), &other).is_empty());
    }

    #[test]
    fn changes_on_one_side_only_or_to_the_same_value_do_not_conflict() {
        let mut mine = base();
        mine.name = "Front Desk".into();
        let mut theirs = base();
        theirs.send_name = true;
        assert!(conflicting_fields(&base(), &mine, &theirs).is_empty());
        theirs.name = "Front Desk".into();
        assert!(conflicting_fields(&base(), &mine, &theirs).is_empty());
        theirs.name = "Reception".into();
        assert_eq!(
            conflicting_fields(&base(), &mine, &theirs),
            [SmsField::Name]
        );
    }
}
