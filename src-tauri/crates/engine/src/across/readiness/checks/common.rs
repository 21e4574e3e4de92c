//! What every check builds its line with, and the numbers the number checks read.

use crate::across::readiness::facts::Facts;
use crate::across::readiness::planned::{PlannedNumber, Source};
use crate::across::readiness::report::{CheckResult, Fix};
use domain::{CheckId, CheckOutcome};

pub(crate) fn result(
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

pub(crate) fn failing(
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
pub(crate) fn unknown(
    id: CheckId,
    detail: impl Into<String>,
    as_of: i64,
    items: Vec<String>,
    fix: Option<Fix>,
) -> CheckResult {
    open(CheckOutcome::Unknown, id, detail, as_of, items, fix)
}

/// The organization's numbers as they will be after Sync (see `planned.rs`).
pub(crate) struct Numbers<'a> {
    pub all: Vec<&'a PlannedNumber>,
    /// Those that go through the thinQ card.
    pub thinq: Vec<&'a PlannedNumber>,
    /// Those the draft deletes, as Ringotel has them.
    pub deleted: Vec<&'a PlannedNumber>,
}

impl<'a> Numbers<'a> {
    pub(crate) fn of(facts: &'a Facts) -> Self {
        let (deleted, all): (Vec<&PlannedNumber>, Vec<&PlannedNumber>) = facts
            .planned
            .iter()
            .partition(|n| n.source == Source::Deleted);
        let card = facts.thinq_card.as_ref().map(|c| c.id.clone());
        let thinq = all
            .iter()
            .copied()
            .filter(|n| Some(&n.fields.service) == card.as_ref())
            .collect();
        Self {
            all,
            thinq,
            deleted,
        }
    }
}

pub(crate) fn plural(n: usize, noun: &str) -> String {
    domain::setup::count(n, noun)
}
