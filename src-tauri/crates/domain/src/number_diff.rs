//! Which fields of an SMS number differ between two versions, and whether a drafted change
//! collides with a change made on the server since the draft began (the three-way compare).

use crate::sms_number::SmsNumberFields;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One field of an SMS number, named for a before → after list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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
            Self::Users if a.users.len() != b.users.len() => true,
            Self::Users if a.users == b.users => false,
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

impl SmsField {
    /// Copies this field's value from `from` into `to`.
    pub fn copy(self, from: &SmsNumberFields, to: &mut SmsNumberFields) {
        match self {
            Self::Number => to.number = from.number.clone(),
            Self::Name => to.name = from.name.clone(),
            Self::Service => to.service = from.service.clone(),
            Self::Users => to.users = from.users.clone(),
            Self::Country => to.country = from.country,
            Self::InboundFormat => to.inbound_format = from.inbound_format,
            Self::OutboundFormat => to.outbound_format = from.outbound_format,
            Self::Stickiness => to.stickiness = from.stickiness,
            Self::SendName => to.send_name = from.send_name,
            Self::OptOut => to.opt_out = from.opt_out.clone(),
            Self::AutoReplies => to.auto_replies = from.auto_replies.clone(),
        }
    }
}

/// The result of a three-way merge: what to send, and the fields only the admin can decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// `theirs` with every field the draft changed (and the server did not) set to `mine`;
    /// conflicting fields keep `theirs` until the admin resolves them.
    pub fields: SmsNumberFields,
    pub conflicts: Vec<SmsField>,
}

/// Merges the draft (`mine`) into the server's number (`theirs`), both grown from `base`: a
/// field changed on one side only takes that side's value; a field both changed to different
/// values is a conflict.
pub fn merge(base: &SmsNumberFields, mine: &SmsNumberFields, theirs: &SmsNumberFields) -> Merged {
    let mut fields = theirs.clone();
    let mut conflicts = Vec::new();
    for field in SmsField::ALL {
        if !field.differs(base, mine) || !field.differs(mine, theirs) {
            continue;
        }
        if field.differs(base, theirs) {
            conflicts.push(field);
        } else {
            field.copy(mine, &mut fields);
        }
    }
    Merged { fields, conflicts }
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
    merge(base, mine, theirs).conflicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::WireChoice;
    use crate::{
        AutoReply, Country, InboundFormat, OptOut, OutboundFormat, PhoneNumber, ServiceId,
        Stickiness, UserId,
    };
    use proptest::prelude::*;

    fn base() -> SmsNumberFields {
        let us = Country::parse("US").unwrap();
        let number = PhoneNumber::parse("8584376048", us).unwrap();
        SmsNumberFields {
            name: "Desk".into(),
            users: vec![UserId::parse("1").unwrap(), UserId::parse("2").unwrap()],
            ..SmsNumberFields::new(number, ServiceId::parse("ThinQ").unwrap(), us)
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

    /// A number's fields drawn from small sets, so that two draws often agree on a field.
    fn fields() -> impl Strategy<Value = SmsNumberFields> {
        let us = Country::parse("US").unwrap();
        let numbers = ["8584376048", "8584376049"];
        (
            (
                0..2usize,
                0..3usize,
                0..2usize,
                proptest::collection::vec(0..4u8, 0..3),
            ),
            (0..3usize, 0..3usize, 0..3u32, any::<bool>()),
            (0..2usize, 0..2usize),
        )
            .prop_map(
                move |((n, name, svc, users), (inb, outb, sticky, send), (opt, auto))| {
                    SmsNumberFields {
                        number: PhoneNumber::parse(numbers[n], us).unwrap(),
                        name: ["Desk", "Front", "Sales"][name].into(),
                        service: ServiceId::parse(["ThinQ", "Twilio"][svc]).unwrap(),
                        users: users
                            .into_iter()
                            .map(|u| UserId::parse(&u.to_string()).unwrap())
                            .collect(),
                        country: us,
                        inbound_format: InboundFormat::ALL[inb],
                        outbound_format: OutboundFormat::ALL[outb],
                        stickiness: Stickiness::from_wire(i64::from(sticky) * 3600).unwrap(),
                        send_name: send,
                        opt_out: (opt == 1).then(|| OptOut {
                            keyword: "STOP".into(),
                            reply: "Bye".into(),
                        }),
                        auto_replies: (0..auto)
                            .map(|_| AutoReply {
                                key: "*".into(),
                                value: "Hi".into(),
                            })
                            .collect(),
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn with_the_server_unchanged_the_merge_is_the_draft(base in fields(), mine in fields()) {
            let merged = merge(&base, &mine, &base);
            prop_assert!(merged.conflicts.is_empty());
            prop_assert!(changed_fields(&merged.fields, &mine).is_empty());
        }

        #[test]
        fn an_unchanged_draft_takes_the_server_as_it_is(base in fields(), theirs in fields()) {
            let merged = merge(&base, &base, &theirs);
            prop_assert!(merged.conflicts.is_empty());
            prop_assert_eq!(merged.fields, theirs);
        }

        #[test]
        fn every_field_is_mine_theirs_or_a_conflict_changed_on_both_sides(
            base in fields(), mine in fields(), theirs in fields()
        ) {
            let merged = merge(&base, &mine, &theirs);
            for field in SmsField::ALL {
                let conflict = merged.conflicts.contains(&field);
                prop_assert_eq!(
                    conflict,
                    field.differs(&base, &mine) && field.differs(&base, &theirs)
                        && field.differs(&mine, &theirs)
                );
                let took_mine = !field.differs(&merged.fields, &mine);
                let took_theirs = !field.differs(&merged.fields, &theirs);
                if conflict {
                    prop_assert!(took_theirs, "an open conflict sends nothing of mine");
                } else if field.differs(&base, &mine) {
                    prop_assert!(took_mine);
                } else {
                    prop_assert!(took_theirs);
                }
            }
        }

        #[test]
        fn merging_is_the_same_from_either_side_where_nothing_conflicts(
            base in fields(), mine in fields(), theirs in fields()
        ) {
            let ours = merge(&base, &mine, &theirs);
            let other = merge(&base, &theirs, &mine);
            prop_assert_eq!(&ours.conflicts, &other.conflicts);
            if ours.conflicts.is_empty() {
                prop_assert!(changed_fields(&ours.fields, &other.fields).is_empty());
            }
        }
    }
}
