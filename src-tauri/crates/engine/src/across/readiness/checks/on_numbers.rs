//! Checks 8-9, on the numbers themselves as they will be after Sync: users who exist, and
//! formats that keep one chat. A fault in Ringotel that a drafted edit already mends is named
//! as such and keeps the line open until Sync sends it.

use super::common::{Numbers, failing, plural, result};
use crate::across::readiness::facts::Facts;
use crate::across::readiness::planned::{PlannedNumber, Source, scope_note};
use crate::across::readiness::report::{CheckResult, Fix};
use domain::UserId;
use domain::format_simulator::reformat_inbound;
use domain::{CheckId, CheckOutcome, InboundFormat, OutboundFormat, SmsNumberFields, WireChoice};
use std::collections::{HashMap, HashSet};

/// What is wrong with a number's users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UsersFault {
    NoUsers,
    AllGone,
    SomeGone(usize),
}

impl UsersFault {
    fn of(fields: &SmsNumberFields, known: &HashSet<&UserId>) -> Option<Self> {
        let missing = fields.users.iter().filter(|u| !known.contains(u)).count();
        if fields.users.is_empty() {
            Some(Self::NoUsers)
        } else if missing == fields.users.len() {
            Some(Self::AllGone)
        } else if missing > 0 {
            Some(Self::SomeGone(missing))
        } else {
            None
        }
    }

    fn said(self) -> String {
        match self {
            Self::NoUsers => "no users assigned".into(),
            Self::AllGone => "none of its users exists any more".into(),
            Self::SomeGone(n) => format!("{} no longer in the organization", plural(n, "user")),
        }
    }

    /// What the admin does about it, when the fix cannot: only people can choose users.
    fn hint(self) -> &'static str {
        match self {
            Self::NoUsers | Self::AllGone => " (assign some in Numbers)",
            Self::SomeGone(_) => "",
        }
    }
}

/// A fault in Ringotel's copy of an edited number that its drafted fields no longer have.
fn mended<T>(number: &PlannedNumber, now: Option<T>, after: Option<T>) -> Option<T> {
    (number.source == Source::Edited && after.is_none())
        .then_some(now)
        .flatten()
}

fn mended_line(number: &PlannedNumber, fault: &str) -> String {
    let how = if number.source == Source::Deleted {
        "deletes it"
    } else {
        "mends it"
    };
    format!(
        "{}: in Ringotel, {fault}; the draft {how} (Sync sends it)",
        number.shown
    )
}

pub(super) fn numbers_users(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
    let id = CheckId::NumbersUsers;
    let at = facts.fetched_at;
    if numbers.all.is_empty() && numbers.deleted.is_empty() {
        return result(id, CheckOutcome::Pass, "No SMS numbers yet.", at);
    }
    let known: HashSet<&UserId> = facts.org.users().iter().map(|u| &u.id).collect();
    let (mut items, mut fixable, mut drafted) = (Vec::new(), Vec::new(), Vec::new());
    let mut mended_count = 0;
    for number in &numbers.all {
        let after = UsersFault::of(&number.fields, &known);
        let now = number.live.as_ref().and_then(|l| UsersFault::of(l, &known));
        if let Some(fault) = after {
            items.push(format!(
                "{}: {}{}",
                number.shown,
                fault.said(),
                fault.hint()
            ));
            if matches!(fault, UsersFault::SomeGone(_)) {
                fixable.push(number.key.clone());
            }
        } else if let Some(fault) = mended(number, now, after) {
            items.push(mended_line(number, &fault.said()));
            mended_count += 1;
            if matches!(fault, UsersFault::SomeGone(_)) {
                drafted.push(number.key.clone());
            }
        }
    }
    for number in &numbers.deleted {
        if let Some(fault) = UsersFault::of(&number.fields, &known) {
            items.push(mended_line(number, &fault.said()));
            mended_count += 1;
        }
    }
    if items.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            format!(
                "{} with users who exist.{}",
                plural(numbers.all.len(), "number"),
                scope_note(numbers.all.iter().chain(&numbers.deleted))
            ),
            at,
        );
    }
    let open = items.len() - mended_count;
    let detail = if open == 0 {
        "Fixed in the draft: Sync sends it."
    } else {
        "Messages to these numbers reach nobody, or users who are gone."
    };
    // The fix for what is still open; else the drafted one, which the line then shows.
    let fix = if fixable.is_empty() { drafted } else { fixable };
    failing(
        id,
        detail,
        at,
        items,
        (!fix.is_empty()).then_some(Fix::RemoveMissingUsers { numbers: fix }),
    )
}

/// How a customer's number shows in a chat of this SMS number, received and replied to.
fn renderings(fields: &SmsNumberFields) -> (String, String) {
    let example = domain::format_simulator::simulate(
        fields.inbound_format,
        fields.outbound_format,
        fields.country,
    );
    (example.inbound_shown, example.outbound_sent)
}

/// Why a number would split one customer into two chats.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Split {
    /// Its own formats: a customer shows one way when they text in, another in replies.
    OwnFormats { received: String, sent: String },
    /// It shares users with numbers that show customers differently.
    SharedUsers(InboundFormat),
}

impl Split {
    fn said(&self) -> String {
        match self {
            Self::OwnFormats { received, sent } => format!(
                "a customer shows as {received} when they text in, but replies go to {sent}: two chats"
            ),
            Self::SharedUsers(inbound) => format!(
                "shares users with numbers that show customers differently ({})",
                inbound.label()
            ),
        }
    }
}

/// Why each number would split chats, in the order given.
fn splits(fields: &[&SmsNumberFields]) -> Vec<Option<Split>> {
    let mut found: Vec<Option<Split>> = fields
        .iter()
        .map(|f| {
            let (received, sent) = renderings(f);
            (received != sent).then_some(Split::OwnFormats { received, sent })
        })
        .collect();
    // Numbers that share a user must show one customer alike, or that user sees two chats.
    let mut by_user: HashMap<&UserId, Vec<usize>> = HashMap::new();
    for (at, f) in fields.iter().enumerate() {
        for user in &f.users {
            by_user.entry(user).or_default().push(at);
        }
    }
    for shared in by_user.values().filter(|v| v.len() > 1) {
        let shown_as: HashSet<String> = shared
            .iter()
            .map(|&at| {
                reformat_inbound(
                    domain::format_simulator::THINQ_INBOUND_EXAMPLE,
                    fields[at].inbound_format,
                    fields[at].country,
                )
            })
            .collect();
        if shown_as.len() > 1 {
            for &at in shared {
                if found[at].is_none() {
                    found[at] = Some(Split::SharedUsers(fields[at].inbound_format));
                }
            }
        }
    }
    found
}

pub(super) fn consistent_formats(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
    let id = CheckId::ConsistentFormats;
    let at = facts.fetched_at;
    let after = splits(&numbers.all.iter().map(|n| &n.fields).collect::<Vec<_>>());
    let now = splits(&numbers.all.iter().map(|n| n.now()).collect::<Vec<_>>());
    let (mut items, mut open, mut drafted) = (Vec::new(), Vec::new(), Vec::new());
    for ((number, after), now) in numbers.all.iter().zip(after).zip(now) {
        if let Some(split) = &after {
            items.push(format!("{}: {}", number.shown, split.said()));
            open.push(number.key.clone());
        } else if let Some(split) = mended(number, now, after) {
            items.push(mended_line(number, &split.said()));
            if aligned(&number.fields) {
                drafted.push(number.key.clone());
            }
        }
    }
    for number in &numbers.deleted {
        let (received, sent) = renderings(&number.fields);
        if received != sent {
            let split = Split::OwnFormats { received, sent };
            items.push(mended_line(number, &split.said()));
        }
    }
    if items.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            format!(
                "Each customer stays in one chat.{}",
                scope_note(numbers.all.iter().chain(&numbers.deleted))
            ),
            at,
        );
    }
    let (detail, fix) = if open.is_empty() {
        ("Fixed in the draft: Sync sends it.".to_owned(), drafted)
    } else {
        (
            format!(
                "These numbers would split one customer into two chats. Aligning sets inbound to {} and outbound to {}.",
                ALIGNED_INBOUND.label(),
                ALIGNED_OUTBOUND.label()
            ),
            open,
        )
    };
    failing(
        id,
        detail,
        at,
        items,
        (!fix.is_empty()).then_some(Fix::AlignFormats { numbers: fix }),
    )
}

/// Whether a number has the formats "align formats" sets.
pub(crate) fn aligned(fields: &SmsNumberFields) -> bool {
    fields.inbound_format == ALIGNED_INBOUND && fields.outbound_format == ALIGNED_OUTBOUND
}

/// The formats "align formats" sets: the new-number defaults, which keep one chat.
pub(crate) const ALIGNED_INBOUND: InboundFormat = domain::sms_number::NEW_NUMBER_INBOUND;
pub(crate) const ALIGNED_OUTBOUND: OutboundFormat = domain::sms_number::NEW_NUMBER_OUTBOUND;
