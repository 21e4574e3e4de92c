//! Checks 4-7, on thinQ's side: the credentials, the DIDs' SMS feature, inbound routing to the
//! webhook, the delivery-confirmation URL.

use super::common::{Numbers, failing, plural, result, unknown};
use crate::across::readiness::facts::{Facts, Probe};
use crate::across::readiness::planned::scope_note;
use crate::across::readiness::report::{CheckResult, Fix};
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

/// The webhook URL as fixes carry it.
fn webhook_text(facts: &Facts) -> Option<String> {
    facts.webhook.as_ref().map(|w| w.as_str().to_owned())
}

/// " 2 DIDs set from this app: thinQ's DID list does not show it.", when any.
fn set_here_note(n: usize, what: &str) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(
            " {} set from this app: thinQ's DID list does not show {what}.",
            plural(n, "DID")
        )
    }
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
    let (mut failed, mut unsaid, mut to_turn_on, mut set_here) =
        (Vec::new(), Vec::new(), Vec::new(), 0);
    let mut not_dids = 0;
    for number in &numbers.thinq {
        let shown = &number.shown;
        let Some(row) = by_id.get(number.fields.number.ringotel_wire()) else {
            failed.push(format!("{shown}: not a DID of this thinQ account"));
            not_dids += 1;
            continue;
        };
        match row.sms_enabled() {
            Some(true) => {}
            Some(false) => {
                failed.push(format!("{shown}: SMS is off in thinQ"));
                to_turn_on.push(row.id.clone());
            }
            // [assumed] The flag is not published (AssumptionId::DidSmsFlag): what this app
            // turned on stands in for it; anything else is unknown, never "off".
            None if facts.set_here.sms_on.contains_key(&row.id) => set_here += 1,
            None => {
                unsaid.push(format!(
                    "{shown}: thinQ's DID list does not say whether SMS is on"
                ));
                to_turn_on.push(row.id.clone());
            }
        }
    }
    to_turn_on.sort();
    let fix = (!to_turn_on.is_empty()).then(|| Fix::ThinqSmsOn {
        dids: to_turn_on,
        url: webhook_text(facts),
    });
    if failed.is_empty() && unsaid.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            format!(
                "{} with SMS on.{}{}",
                plural(numbers.thinq.len(), "DID"),
                set_here_note(set_here, "it"),
                scope_note(&numbers.thinq)
            ),
            facts.thinq_at,
        );
    }
    if failed.is_empty() {
        return unknown(
            id,
            "thinQ's DID list does not say whether SMS is on for these DIDs: turn it on from here (it is then recorded as set from this app), or check them in thinQ's portal.",
            facts.thinq_at,
            unsaid,
            fix,
        );
    }
    let detail = if not_dids == 0 {
        "thinQ does not send or receive SMS for these DIDs.".to_owned()
    } else {
        "Numbers that are no DID of this account cannot work with it: remove them, or check the account.".to_owned()
    };
    failed.extend(unsaid);
    failing(id, detail, facts.thinq_at, failed, fix)
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
    let profile_posts_there = profiles.iter().any(|p| p.url == webhook.as_str());
    let (mut failed, mut unsaid, mut wrong, mut set_here) = (Vec::new(), Vec::new(), Vec::new(), 0);
    for number in &numbers.thinq {
        let shown = &number.shown;
        let Some(row) = by_id.get(number.fields.number.ringotel_wire()) else {
            continue; // Named by the DID check.
        };
        match row.routing_profile() {
            Some(Some(p)) => match url_of.get(&p) {
                Some(profile) if profile.url == webhook.as_str() => continue,
                Some(profile) => failed.push(format!("{shown}: routed to {} (profile \"{}\")", profile.url, profile.name)),
                None => failed.push(format!("{shown}: on routing profile {p}, which thinQ does not list")),
            },
            // [doc] thinQ's API does not expose the account's inbound URL: only a profile can be checked.
            Some(None) => failed.push(format!("{shown}: no routing profile (the account's inbound URL cannot be read through thinQ's API)")),
            // [assumed] The per-DID profile is not published (AssumptionId::DidRouting): what
            // this app routed stands in for it while a profile still posts to the webhook.
            None => match facts.set_here.routed.get(&row.id) {
                Some((url, _)) if url == webhook.as_str() && profile_posts_there => {
                    set_here += 1;
                    continue;
                }
                Some((url, _)) if url == webhook.as_str() => failed.push(format!("{shown}: routed from this app to the webhook, but no routing profile posts there any more")),
                Some((url, _)) => failed.push(format!("{shown}: routed from this app to {url}, not to the webhook")),
                None => unsaid.push(format!("{shown}: thinQ's DID list does not say which routing profile it is on")),
            },
        }
        wrong.push(row.id.clone());
    }
    wrong.sort();
    let fix = (!wrong.is_empty()).then(|| Fix::ThinqInbound {
        url: webhook.as_str().to_owned(),
        dids: wrong,
    });
    if failed.is_empty() && unsaid.is_empty() {
        return result(
            id,
            CheckOutcome::Pass,
            format!(
                "Every thinQ number's routing profile posts to {webhook}.{}{}",
                set_here_note(set_here, "routing"),
                scope_note(&numbers.thinq)
            ),
            facts.thinq_at,
        );
    }
    if failed.is_empty() {
        return unknown(
            id,
            format!(
                "thinQ's DID list does not say where these DIDs' inbound messages go: route them to {webhook} from here (it is then recorded as set from this app), or check them in thinQ's portal."
            ),
            facts.thinq_at,
            unsaid,
            fix,
        );
    }
    failed.extend(unsaid);
    failing(
        id,
        format!("Inbound messages of these numbers would not reach {webhook}."),
        facts.thinq_at,
        failed,
        fix,
    )
}

/// A check that compares with the webhook URL, when neither Ringotel nor the admin gave one.
fn webhook_unknown(id: CheckId, facts: &Facts) -> CheckResult {
    result(
        id,
        CheckOutcome::Unknown,
        "The Ringotel webhook URL is not known: Ringotel does not report it, so paste the one its portal shows on the thinQ card.",
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
    match &facts.set_here.delivery {
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
        None => unknown(
            id,
            "thinQ offers no way to read it, and it was not set from this app yet: set it here, or compare it in thinQ's portal.",
            facts.fetched_at,
            Vec::new(),
            fix,
        ),
    }
}
