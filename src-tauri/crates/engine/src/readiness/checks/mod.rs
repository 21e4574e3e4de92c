//! The nine checks, decided on typed facts only (no network, no database): each returns its
//! outcome, what is at fault, and the fix that would set it right. Checks 1-3 read Ringotel
//! (`on_ringotel.rs`), 4-7 thinQ (`on_thinq.rs`), 8-9 the numbers themselves (`on_numbers.rs`).

mod on_numbers;
mod on_ringotel;
mod on_thinq;

pub(crate) use on_numbers::{ALIGNED_INBOUND, ALIGNED_OUTBOUND};

use super::facts::Facts;
use super::{CheckResult, Fix};
use domain::{CheckId, CheckOutcome, SmsNumberFields};
use ringotel::SmsTrunk;

/// Every check, in the checklist's order.
pub(crate) fn run(facts: &Facts) -> Vec<CheckResult> {
    let numbers = Numbers::of(facts);
    vec![
        on_ringotel::pro_package(facts),
        on_ringotel::connections(facts),
        on_ringotel::integration(facts),
        on_thinq::credentials(facts),
        on_thinq::dids_sms_on(facts, &numbers),
        on_thinq::inbound_routing(facts, &numbers),
        on_thinq::delivery_url(facts),
        on_numbers::numbers_users(facts, &numbers),
        on_numbers::consistent_formats(facts, &numbers),
    ]
}

pub(super) fn result(
    id: CheckId,
    outcome: CheckOutcome,
    detail: impl Into<String>,
    as_of: i64,
) -> CheckResult {
    CheckResult {
        id,
        label: id.label().into(),
        outcome,
        outcome_label: outcome.label().into(),
        detail: detail.into(),
        items: Vec::new(),
        as_of,
        fix: None,
    }
}

/// A check that does not pass: what is at fault, and the fix that would set it right.
fn open(
    outcome: CheckOutcome,
    id: CheckId,
    detail: impl Into<String>,
    as_of: i64,
    items: Vec<String>,
    fix: Option<Fix>,
) -> CheckResult {
    CheckResult {
        items,
        fix: fix.map(Fix::offer),
        ..result(id, outcome, detail, as_of)
    }
}

pub(super) fn failing(
    id: CheckId,
    detail: impl Into<String>,
    as_of: i64,
    items: Vec<String>,
    fix: Option<Fix>,
) -> CheckResult {
    open(CheckOutcome::Fail, id, detail, as_of, items, fix)
}

/// A check whose input a service did not report: unknown, said why, with the fix that would
/// settle it offered all the same.
pub(super) fn unknown(
    id: CheckId,
    detail: impl Into<String>,
    as_of: i64,
    items: Vec<String>,
    fix: Option<Fix>,
) -> CheckResult {
    open(CheckOutcome::Unknown, id, detail, as_of, items, fix)
}

/// The organization's numbers as typed fields, with how each reads on screen.
pub(super) struct Numbers<'a> {
    pub all: Vec<(&'a SmsTrunk, &'a SmsNumberFields, &'a str)>,
    /// Those that go through the thinQ card.
    pub thinq: Vec<(&'a SmsTrunk, &'a SmsNumberFields, &'a str)>,
}

impl<'a> Numbers<'a> {
    fn of(facts: &'a Facts) -> Self {
        let index = facts.org.live_index();
        let all: Vec<_> = facts
            .org
            .trunks
            .iter()
            .filter_map(|t| index.fields(&t.id).map(|f| (t, f, facts.org.display_of(t))))
            .collect();
        let card = facts.thinq_card.as_ref().map(|c| c.id.clone());
        let thinq = all
            .iter()
            .copied()
            .filter(|(_, f, _)| Some(&f.service) == card.as_ref())
            .collect();
        Self { all, thinq }
    }
}

pub(super) fn plural(n: usize, noun: &str) -> String {
    domain::setup::count(n, noun)
}
