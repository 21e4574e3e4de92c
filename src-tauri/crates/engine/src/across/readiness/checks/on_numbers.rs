//! Checks 8-9, on the numbers themselves: users who exist, and formats that keep one chat.

use super::common::{Numbers, failing, plural, result};
use crate::across::readiness::facts::Facts;
use crate::across::readiness::report::{CheckResult, Fix};
use domain::SmsNumberId;
use domain::UserId;
use domain::format_simulator::reformat_inbound;
use domain::{CheckId, CheckOutcome, InboundFormat, OutboundFormat, SmsNumberFields, WireChoice};
use ringotel::SmsTrunk;
use std::collections::{BTreeMap, HashMap, HashSet};

pub(super) fn numbers_users(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
    let id = CheckId::NumbersUsers;
    let at = facts.fetched_at;
    if numbers.all.is_empty() {
        return result(id, CheckOutcome::Pass, "No SMS numbers yet.", at);
    }
    let known: HashSet<&UserId> = facts.org.users.iter().map(|u| &u.id).collect();
    let mut items = Vec::new();
    let mut fixable = Vec::new();
    for (trunk, fields, shown) in &numbers.all {
        let missing = fields.users.iter().filter(|u| !known.contains(u)).count();
        let kept = fields.users.len() - missing;
        if fields.users.is_empty() {
            items.push(format!(
                "{shown}: no users assigned (assign some in Numbers)"
            ));
        } else if missing > 0 && kept == 0 {
            items.push(format!(
                "{shown}: none of its users exists any more (assign some in Numbers)"
            ));
        } else if missing > 0 {
            items.push(format!(
                "{shown}: {} no longer in the organization",
                plural(missing, "user")
            ));
            fixable.push(trunk.id.clone());
        }
    }
    if items.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            format!(
                "{} with users who exist.",
                plural(numbers.all.len(), "number")
            ),
            at,
        );
    }
    failing(
        id,
        "Messages to these numbers reach nobody, or users who are gone.",
        at,
        items,
        (!fixable.is_empty()).then_some(Fix::RemoveMissingUsers { trunks: fixable }),
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

pub(super) fn consistent_formats(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
    let id = CheckId::ConsistentFormats;
    let at = facts.fetched_at;
    let mut split: BTreeMap<&SmsNumberId, String> = BTreeMap::new();
    for (trunk, fields, shown) in &numbers.all {
        let (received, sent) = renderings(fields);
        if received != sent {
            split.insert(&trunk.id, format!("{shown}: a customer shows as {received} when they text in, but replies go to {sent}: two chats"));
        }
    }
    // Numbers that share a user must show one customer alike, or that user sees two chats.
    let mut by_user: HashMap<&UserId, Vec<&(&SmsTrunk, &SmsNumberFields, &str)>> = HashMap::new();
    for entry in &numbers.all {
        for user in &entry.1.users {
            by_user.entry(user).or_default().push(entry);
        }
    }
    for shared in by_user.values().filter(|v| v.len() > 1) {
        let shown_as: HashSet<String> = shared
            .iter()
            .map(|(_, f, _)| {
                reformat_inbound(
                    domain::format_simulator::THINQ_INBOUND_EXAMPLE,
                    f.inbound_format,
                    f.country,
                )
            })
            .collect();
        if shown_as.len() > 1 {
            for (trunk, fields, shown) in shared {
                split.entry(&trunk.id).or_insert_with(|| {
                    format!(
                        "{shown}: shares users with numbers that show customers differently ({})",
                        fields.inbound_format.label()
                    )
                });
            }
        }
    }
    if split.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            "Each customer stays in one chat.",
            at,
        );
    }
    let trunks: Vec<SmsNumberId> = split.keys().map(|id| (*id).clone()).collect();
    failing(
        id,
        format!(
            "These numbers would split one customer into two chats. Aligning sets inbound to {} and outbound to {}.",
            ALIGNED_INBOUND.label(),
            ALIGNED_OUTBOUND.label()
        ),
        at,
        split.into_values().collect(),
        Some(Fix::AlignFormats { trunks }),
    )
}

/// The formats "align formats" sets: the new-number defaults, which keep one chat.
pub(crate) const ALIGNED_INBOUND: InboundFormat = domain::sms_number::NEW_NUMBER_INBOUND;
pub(crate) const ALIGNED_OUTBOUND: OutboundFormat = domain::sms_number::NEW_NUMBER_OUTBOUND;
