//! The thinQ setup changes that go through DID features orders: SMS on, and inbound routing to
//! the Ringotel webhook. Each reads the DIDs first, orders only what still differs, naming
//! only what it read, and reads back. Where thinQ's DID list does not show the result (the
//! per-DID SMS flag and routing profile are not published), a completed order is recorded as
//! set from this app rather than failed, so its fix is not drafted again.

use super::sent::{ALREADY, Sent, SetupFailure};
use domain::DidId;
use std::collections::{HashMap, HashSet};
use thinq::{DidRow, OrderLine, RoutingProfile, ThinqClient};

/// The name this app gives the routing profile it creates for the Ringotel webhook.
pub const ROUTING_PROFILE_NAME: &str = "Ringotel SMS";

/// Every DID of the account.
async fn all_dids(thinq: &ThinqClient, concurrency: usize) -> Result<Vec<DidRow>, SetupFailure> {
    Ok(thinq
        .all_dids(thinq::MAX_PAGE_ROWS, concurrency, |_, _| {})
        .await?)
}

/// The rows of `all` named in `dids`, or the ones thinQ does not know, named.
fn pick(all: &[DidRow], dids: &[DidId]) -> Result<HashMap<DidId, DidRow>, SetupFailure> {
    let wanted: HashSet<&DidId> = dids.iter().collect();
    let rows: HashMap<DidId, DidRow> = all
        .iter()
        .filter(|r| wanted.contains(&r.id))
        .map(|r| (r.id.clone(), r.clone()))
        .collect();
    let missing: Vec<DidId> = dids
        .iter()
        .filter(|d| !rows.contains_key(*d))
        .cloned()
        .collect();
    if missing.is_empty() {
        Ok(rows)
    } else {
        Err(SetupFailure::NotThinqDids(missing))
    }
}

/// What a DID read back after an order shows about what the order set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Holds,
    Differs,
    /// thinQ's DID list does not report it.
    NotReported,
}

fn shown(reported: Option<bool>) -> Shown {
    match reported {
        Some(true) => Shown::Holds,
        Some(false) => Shown::Differs,
        None => Shown::NotReported,
    }
}

/// Sends a features order for `lines` (created once, never repeated blindly), then reads the
/// DIDs back: the read decides. `what` names what the DID list would have to show.
async fn order_and_check(
    thinq: &ThinqClient,
    lines: Vec<OrderLine>,
    check: impl Fn(&DidRow) -> Shown,
    what: &str,
    concurrency: usize,
) -> Sent {
    let dids: Vec<DidId> = lines.iter().map(|l| l.did.clone()).collect();
    let unread_features = lines.iter().any(OrderLine::leaves_features_out);
    let sent = thinq.order_features(&lines).await;
    let after = match all_dids(thinq, concurrency).await {
        Ok(all) => pick(&all, &dids),
        Err(e) => Err(e),
    };
    let rows = match (sent, after) {
        (Err(e), after) => {
            // A lost answer may still have been applied: only a read showing it settles that.
            return match after {
                Ok(rows) if rows.values().all(|r| check(r) == Shown::Holds) => Ok(None),
                _ => Err(e.into()),
            };
        }
        (Ok(_), Err(e)) => return Err(SetupFailure::OrderedNotReadBack(Box::new(e))),
        (Ok(_), Ok(rows)) => rows,
    };
    let mut differs: Vec<DidId> = rows
        .values()
        .filter(|r| check(r) == Shown::Differs)
        .map(|r| r.id.clone())
        .collect();
    differs.sort_unstable();
    if !differs.is_empty() {
        return Err(SetupFailure::NotShownYet(differs));
    }
    let mut notes = Vec::new();
    if rows.values().any(|r| check(r) == Shown::NotReported) {
        notes.push(format!(
            "thinQ completed the order; its DID list does not show {what}, so this is recorded as set from this app."
        ));
    }
    if unread_features {
        // AssumptionId::OrderKeepsUnnamed: said where the admin will read it.
        notes.push(
            "thinQ's DID list does not show these DIDs' CNAM and E911 features, so the order left them out: check them in thinQ's portal.".into(),
        );
    }
    Ok((!notes.is_empty()).then(|| notes.join(" ")))
}

/// The profile every one of `dids` is on that no other DID of the account uses: repointing it
/// reroutes nothing else. Only where thinQ reports each DID's profile.
fn own_profile<'p>(
    all: &[DidRow],
    profiles: &'p [RoutingProfile],
    dids: &[DidId],
) -> Option<&'p RoutingProfile> {
    let ours: HashSet<&DidId> = dids.iter().collect();
    let on = |row: &DidRow| row.routing_profile().flatten();
    let shared: HashSet<Option<u64>> = all
        .iter()
        .filter(|r| ours.contains(&r.id))
        .map(on)
        .collect();
    let [Some(id)] = shared.into_iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    // A DID whose profile is not reported might be on it too: then it is not known to be ours.
    let others = all
        .iter()
        .any(|r| !ours.contains(&r.id) && (on(r) == Some(id) || r.routing_profile().is_none()));
    (!others)
        .then(|| profiles.iter().find(|p| p.id == id.to_string()))
        .flatten()
}

/// The profile that posts to `url`: one that already does, else one only these DIDs use
/// repointed, else a new one.
async fn webhook_profile(
    thinq: &ThinqClient,
    url: &str,
    all: &[DidRow],
    dids: &[DidId],
) -> Result<u64, SetupFailure> {
    let profiles = thinq.routing_profiles().await?;
    let id = match profiles.iter().find(|p| p.url == url) {
        Some(p) => p.id.clone(),
        None => match own_profile(all, &profiles, dids) {
            Some(p) => thinq
                .update_routing_profile(&p.id, &p.name, url)
                .await
                .map(|p| p.id)?,
            None => match thinq
                .create_routing_profile(ROUTING_PROFILE_NAME, url)
                .await
            {
                Ok(made) => made.id,
                // Sent once only: a lost answer is settled by looking for the profile.
                Err(e) => thinq
                    .routing_profiles()
                    .await
                    .ok()
                    .and_then(|all| all.into_iter().find(|p| p.url == url))
                    .map(|p| p.id)
                    .ok_or(e)?,
            },
        },
    };
    id.parse().map_err(|_| SetupFailure::ProfileIdNotNumber(id))
}

/// Turns SMS on for `dids`; with `url`, attaches them to the profile that posts there in the
/// same order. A DID's profile is otherwise carried over only when thinQ reported it, and
/// left out of the order when not: never detached by a `null`.
pub(super) async fn sms_on(
    thinq: &ThinqClient,
    dids: &[DidId],
    url: Option<&str>,
    concurrency: usize,
) -> Sent {
    let all = all_dids(thinq, concurrency).await?;
    let rows = pick(&all, dids)?;
    let profile = match url {
        Some(url) => Some(webhook_profile(thinq, url, &all, dids).await?),
        None => None,
    };
    // Unless thinQ shows both already so, the DID is ordered.
    let needs = |r: &&DidRow| {
        r.sms_enabled() != Some(true)
            || profile.is_some_and(|p| r.routing_profile() != Some(Some(p)))
    };
    let lines: Vec<OrderLine> = rows
        .values()
        .filter(needs)
        .map(|r| OrderLine::new(r, Some(true), profile))
        .collect();
    if lines.is_empty() {
        return Ok(Some(ALREADY.into()));
    }
    let check = |r: &DidRow| match (shown(r.sms_enabled()), profile) {
        (Shown::Differs, _) => Shown::Differs,
        (sms, None) => sms,
        (sms, Some(p)) => match r.routing_profile() {
            None => Shown::NotReported,
            Some(on) if on != Some(p) => Shown::Differs,
            Some(_) => sms,
        },
    };
    order_and_check(thinq, lines, check, "SMS or routing", concurrency).await
}

/// Points the DIDs' inbound messages at `url` through the profile that posts there.
pub(super) async fn route_inbound(
    thinq: &ThinqClient,
    url: &str,
    dids: &[DidId],
    concurrency: usize,
) -> Sent {
    // One read of the account's DIDs serves both the DIDs to attach and whose profile is whose.
    let all = all_dids(thinq, concurrency).await?;
    let rows = pick(&all, dids)?;
    let id = webhook_profile(thinq, url, &all, dids).await?;
    let lines: Vec<OrderLine> = rows
        .values()
        .filter(|r| r.routing_profile() != Some(Some(id)))
        // SMS as read: where thinQ did not say, it is left out of the line, not guessed.
        .map(|r| OrderLine::new(r, r.sms_enabled(), Some(id)))
        .collect();
    if lines.is_empty() {
        // The profile itself may just have been repointed: not "nothing was sent".
        return Ok(None);
    }
    let check = |r: &DidRow| match r.routing_profile() {
        None => Shown::NotReported,
        Some(on) => shown(Some(on == Some(id))),
    };
    order_and_check(thinq, lines, check, "routing profiles", concurrency).await
}
