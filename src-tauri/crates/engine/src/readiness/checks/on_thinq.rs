//! Checks 4-7, on thinQ's side: the credentials, the DIDs' SMS feature, inbound routing to the
//! webhook, the delivery-confirmation URL.

use super::{Numbers, failing, plural, result};
use crate::readiness::facts::{Facts, Probe};
use crate::readiness::{CheckResult, Fix};
use domain::{CheckId, CheckOutcome};
use std::collections::HashMap;
use thinq::{DidRow, ThinqError};

/// A thinQ read that failed, as the check it blocks says it: refused credentials fail, an
/// unreachable thinQ leaves it unknown.
fn thinq_failure(id: CheckId, error: &ThinqError, at: i64) -> CheckResult {
    match error {
        ThinqError::Unauthorized { .. } => failing(
            id,
            format!("{error}. Check the username and token on the Integrations tab."),
            at,
            Vec::new(),
            Some(Fix::OpenIntegrations),
        ),
        ThinqError::AccountRefused { .. } => failing(
            id,
            format!(
                "{error}. The Account ID is the number in thinQ's portal, not the API username."
            ),
            at,
            Vec::new(),
            Some(Fix::OpenIntegrations),
        ),
        _ => result(
            id,
            CheckOutcome::Unknown,
            format!("thinQ could not be asked: {error}"),
            at,
        ),
    }
}

pub(super) fn credentials(facts: &Facts) -> CheckResult {
    let id = CheckId::ThinqCredentials;
    match &facts.balance {
        Probe::Read(()) => result(
            id,
            CheckOutcome::Pass,
            "thinQ accepted the Account ID, username and token.",
            facts.thinq_at,
        ),
        Probe::Failed(error) => thinq_failure(id, error, facts.thinq_at),
        Probe::NotAsked(why) => result(
            id,
            CheckOutcome::Unknown,
            format!("Not checked: {why}."),
            facts.fetched_at,
        ),
    }
}

/// The probe's answer, or the check's result when it has none.
fn read<'a, T>(probe: &'a Probe<T>, id: CheckId, facts: &Facts) -> Result<&'a T, Box<CheckResult>> {
    match probe {
        Probe::Read(value) => Ok(value),
        Probe::Failed(error) => Err(Box::new(thinq_failure(id, error, facts.thinq_at))),
        Probe::NotAsked(why) => Err(Box::new(result(
            id,
            CheckOutcome::Unknown,
            format!("Not checked: {why}."),
            facts.fetched_at,
        ))),
    }
}

fn no_thinq_numbers(id: CheckId, facts: &Facts) -> CheckResult {
    result(
        id,
        CheckOutcome::Pass,
        "No SMS number goes through thinQ yet.",
        facts.fetched_at,
    )
}

pub(super) fn dids_sms_on(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
    let id = CheckId::DidsSmsOn;
    let dids = match read(&facts.dids, id, facts) {
        Ok(dids) => dids,
        Err(unknown) => return *unknown,
    };
    if numbers.thinq.is_empty() {
        return no_thinq_numbers(id, facts);
    }
    let by_id: HashMap<&str, &DidRow> = dids.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut items = Vec::new();
    let mut off = Vec::new();
    for (_, fields, shown) in &numbers.thinq {
        match by_id.get(fields.number.ringotel_wire()) {
            None => items.push(format!("{shown}: not a DID of this thinQ account")),
            Some(row) if !row.features().sms => {
                items.push(format!("{shown}: SMS is off in thinQ"));
                off.push(row.id.clone());
            }
            Some(_) => {}
        }
    }
    if items.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            format!("{} with SMS on.", plural(numbers.thinq.len(), "DID")),
            facts.thinq_at,
        );
    }
    off.sort();
    let detail = if off.len() == items.len() {
        "thinQ does not send or receive SMS for these DIDs.".to_owned()
    } else {
        "Numbers that are no DID of this account cannot work with it: remove them, or check the account.".to_owned()
    };
    failing(
        id,
        detail,
        facts.thinq_at,
        items,
        (!off.is_empty()).then_some(Fix::ThinqSmsOn { dids: off }),
    )
}

pub(super) fn inbound_routing(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
    let id = CheckId::InboundRouting;
    let Some(webhook) = &facts.webhook else {
        return webhook_unknown(id, facts);
    };
    let (dids, profiles) = match (
        read(&facts.dids, id, facts),
        read(&facts.profiles, id, facts),
    ) {
        (Ok(d), Ok(p)) => (d, p),
        (Err(unknown), _) | (_, Err(unknown)) => return *unknown,
    };
    if numbers.thinq.is_empty() {
        return no_thinq_numbers(id, facts);
    }
    let by_id: HashMap<&str, &DidRow> = dids.iter().map(|d| (d.id.as_str(), d)).collect();
    let url_of: HashMap<u64, &thinq::RoutingProfile> = profiles
        .iter()
        .filter_map(|p| p.id.parse().ok().map(|n| (n, p)))
        .collect();
    let mut items = Vec::new();
    let mut wrong = Vec::new();
    for (_, fields, shown) in &numbers.thinq {
        let Some(row) = by_id.get(fields.number.ringotel_wire()) else {
            continue; // Named by the DID check.
        };
        match row.routing_profile_id().map(|p| (p, url_of.get(&p))) {
            Some((_, Some(profile))) if profile.url == webhook.as_str() => continue,
            Some((_, Some(profile))) => items.push(format!("{shown}: routed to {} (profile \"{}\")", profile.url, profile.name)),
            Some((p, None)) => items.push(format!("{shown}: on routing profile {p}, which thinQ does not list")),
            // [doc] thinQ's API does not expose the account's inbound URL: only a profile can be checked.
            None => items.push(format!("{shown}: no routing profile (the account's inbound URL cannot be read through thinQ's API)")),
        }
        wrong.push(row.id.clone());
    }
    if items.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            format!("Every thinQ number's routing profile posts to {webhook}."),
            facts.thinq_at,
        );
    }
    wrong.sort();
    failing(
        id,
        format!("Inbound messages of these numbers would not reach {webhook}."),
        facts.thinq_at,
        items,
        Some(Fix::ThinqInbound {
            url: webhook.as_str().to_owned(),
            dids: wrong,
        }),
    )
}

/// A check that compares with the webhook URL, when neither Ringotel nor the admin gave one.
fn webhook_unknown(id: CheckId, facts: &Facts) -> CheckResult {
    result(
        id,
        CheckOutcome::Unknown,
        "The Ringotel webhook URL is not known: paste it on the Integrations tab.",
        facts.fetched_at,
    )
}

pub(super) fn delivery_url(facts: &Facts) -> CheckResult {
    let id = CheckId::DeliveryUrl;
    let Some(webhook) = &facts.webhook else {
        return webhook_unknown(id, facts);
    };
    let fix = Some(Fix::ThinqDeliveryUrl {
        url: webhook.as_str().to_owned(),
    });
    // [code] thinQ's API sets the delivery-confirmation URL but offers no way to read it, so
    // the check rests on what this app last set.
    match &facts.delivery_set {
        Some((url, at)) if url == webhook.as_str() => result(
            id,
            CheckOutcome::Pass,
            format!("Set to {webhook} from this app (thinQ offers no way to read it back)."),
            *at,
        ),
        Some((url, at)) => failing(
            id,
            format!("Last set from this app to {url}, not to {webhook}."),
            *at,
            Vec::new(),
            fix,
        ),
        None => CheckResult {
            fix: fix.map(Fix::offer),
            ..result(
                id,
                CheckOutcome::Unknown,
                "thinQ offers no way to read it, and it was not set from this app yet: set it here, or compare it in thinQ's portal.",
                facts.fetched_at,
            )
        },
    }
}
