//! Checks 1-3, on Ringotel's side: the package, the connections' SMS mode, the thinQ card.

use super::common::{failing, plural, result, unknown};
use crate::across::readiness::facts::Facts;
use crate::across::readiness::report::{CheckResult, Fix};
use domain::ConnectionId;
use domain::UserId;
use domain::{CheckId, CheckOutcome, Package, SmsMode};
use std::collections::HashSet;

pub(super) fn pro_package(facts: &Facts) -> CheckResult {
    let id = CheckId::ProPackage;
    let at = facts.fetched_at;
    let package = facts.org.organization.package();
    match package {
        None => result(
            id,
            CheckOutcome::Unknown,
            "Ringotel did not report the organization's package.",
            at,
        ),
        Some(Package::Pro) => result(id, CheckOutcome::Pass, "On Pro.", at),
        Some(other) => failing(
            id,
            format!(
                "On {}; SMS integrations need Pro. Changing the package is billable.",
                other.label()
            ),
            at,
            Vec::new(),
            Some(Fix::MoveToPro),
        ),
    }
}

/// The connections whose users are assigned to numbers after Sync; every connection while
/// none are.
fn chosen_connections(facts: &Facts) -> Vec<&ringotel::Branch> {
    let assigned: HashSet<&UserId> = facts.planned.iter().flat_map(|n| &n.fields.users).collect();
    let used: HashSet<&ConnectionId> = facts
        .org
        .users()
        .iter()
        .filter(|u| assigned.contains(&u.id))
        .filter_map(|u| u.branchid.as_ref())
        .collect();
    facts
        .org
        .branches
        .iter()
        .filter(|b| used.is_empty() || used.contains(&b.id))
        .collect()
}

pub(super) fn connections(facts: &Facts) -> CheckResult {
    let id = CheckId::ConnectionsSmsMode;
    let at = facts.fetched_at;
    let chosen = chosen_connections(facts);
    if chosen.is_empty() {
        return result(
            id,
            CheckOutcome::Unknown,
            "The organization has no connections.",
            at,
        );
    }
    let wrong: Vec<_> = chosen
        .iter()
        .filter(|b| b.provision.sms.map(SmsMode::from_wire) != Some(SmsMode::Integrations))
        .collect();
    let fix = Some(Fix::SwitchConnections {
        connections: wrong.iter().map(|b| b.id.clone()).collect(),
    });
    let line = |b: &&&ringotel::Branch| {
        let mode = b
            .provision
            .sms
            .map_or_else(|| "not reported".into(), |m| SmsMode::from_wire(m).label());
        format!("{}: {mode}", b.name)
    };
    if !wrong.is_empty() && wrong.iter().all(|b| b.provision.sms.is_none()) {
        // Ringotel did not say: unknown, not wrong; the switch is still offered.
        return unknown(
            id,
            "Ringotel did not report the SMS mode of these connections.",
            at,
            wrong.iter().map(line).collect(),
            fix,
        );
    }
    if wrong.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            format!(
                "{} with users on SMS numbers.",
                plural(chosen.len(), "connection")
            ),
            at,
        );
    }
    failing(
        id,
        format!(
            "{} not on {}.",
            plural(wrong.len(), "connection"),
            SmsMode::Integrations.label()
        ),
        at,
        wrong.iter().map(line).collect(),
        fix,
    )
}

pub(super) fn integration(facts: &Facts) -> CheckResult {
    let id = CheckId::IntegrationEnabled;
    let at = facts.fetched_at;
    match &facts.thinq_card {
        None => result(
            id,
            CheckOutcome::Fail,
            "Ringotel shows no thinQ card for this organization.",
            at,
        ),
        Some(card) if card.state.is_none() => unknown(
            id,
            "Ringotel did not report whether the thinQ card is enabled.",
            at,
            Vec::new(),
            Some(Fix::OpenIntegrations),
        ),
        Some(card) if !card.is_enabled() => failing(
            id,
            "The thinQ card is not enabled in Ringotel.",
            at,
            Vec::new(),
            Some(Fix::OpenIntegrations),
        ),
        Some(_) if !facts.settings_saved => failing(
            id,
            "Enabled in Ringotel, but its Account ID, username and token are not saved in this app.",
            at,
            Vec::new(),
            Some(Fix::OpenIntegrations),
        ),
        Some(_) => result(id, CheckOutcome::Pass, "Enabled, credentials stored.", at),
    }
}
