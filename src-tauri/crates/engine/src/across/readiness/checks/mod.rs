//! The nine checks, decided on typed facts only (no network, no database): each returns its
//! outcome, what is at fault, and the fix that would set it right. Checks 1-3 read Ringotel
//! (`on_ringotel.rs`), 4-7 thinQ (`on_thinq.rs`), 8-9 the numbers themselves (`on_numbers.rs`).

mod common;
mod on_numbers;
mod on_ringotel;
mod on_thinq;

pub(crate) use on_numbers::{ALIGNED_INBOUND, ALIGNED_OUTBOUND, aligned};

use super::facts::Facts;
use super::report::CheckResult;
use common::Numbers;

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
