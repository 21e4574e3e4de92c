//! The nine checks, decided on typed facts only (no network, no database): each returns its
//! outcome, what is at fault, and the fix that would set it right.

use super::facts::{Facts, Probe};
use super::{CheckResult, Fix};
use domain::format_simulator::reformat_inbound;
use domain::{
    CheckId, CheckOutcome, InboundFormat, OutboundFormat, Package, RingotelId, SmsMode,
    SmsNumberFields, WireChoice,
};
use ringotel::SmsTrunk;
use std::collections::{BTreeMap, HashMap, HashSet};
use thinq::{DidRow, ThinqError};

/// Every check, in the checklist's order.
pub(crate) fn run(facts: &Facts) -> Vec<CheckResult> {
    let numbers = Numbers::of(facts);
    vec![
        pro_package(facts),
        connections(facts),
        integration(facts),
        credentials(facts),
        dids_sms_on(facts, &numbers),
        inbound_routing(facts, &numbers),
        delivery_url(facts),
        numbers_users(facts, &numbers),
        consistent_formats(facts, &numbers),
    ]
}

fn result(
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

fn failing(
    id: CheckId,
    detail: impl Into<String>,
    as_of: i64,
    items: Vec<String>,
    fix: Option<Fix>,
) -> CheckResult {
    CheckResult {
        items,
        fix: fix.map(Fix::offer),
        ..result(id, CheckOutcome::Fail, detail, as_of)
    }
}

/// The organization's numbers as typed fields, with how each reads on screen.
struct Numbers<'a> {
    all: Vec<(&'a SmsTrunk, &'a SmsNumberFields, &'a str)>,
    /// Those that go through the thinQ card.
    thinq: Vec<(&'a SmsTrunk, &'a SmsNumberFields, &'a str)>,
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

fn pro_package(facts: &Facts) -> CheckResult {
    let id = CheckId::ProPackage;
    let at = facts.fetched_at;
    let package = facts
        .org
        .organization
        .packageid
        .and_then(|p| u32::try_from(p).ok())
        .map(Package::from_id);
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

/// The connections whose users are assigned to numbers; every connection while none are.
fn chosen_connections(facts: &Facts) -> Vec<&ringotel::Branch> {
    let assigned: HashSet<&RingotelId> = facts.org.trunks.iter().flat_map(|t| &t.users).collect();
    let used: HashSet<&RingotelId> = facts
        .org
        .users
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

fn connections(facts: &Facts) -> CheckResult {
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
        wrong
            .iter()
            .map(|b| {
                let mode = b
                    .provision
                    .sms
                    .map_or_else(|| "not reported".into(), |m| SmsMode::from_wire(m).label());
                format!("{}: {mode}", b.name)
            })
            .collect(),
        Some(Fix::SwitchConnections {
            connections: wrong.iter().map(|b| b.id.clone()).collect(),
        }),
    )
}

fn integration(facts: &Facts) -> CheckResult {
    let id = CheckId::IntegrationEnabled;
    let at = facts.fetched_at;
    match &facts.thinq_card {
        None => result(
            id,
            CheckOutcome::Fail,
            "Ringotel shows no thinQ card for this organization.",
            at,
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

fn credentials(facts: &Facts) -> CheckResult {
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

fn dids_sms_on(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
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

fn inbound_routing(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
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

fn delivery_url(facts: &Facts) -> CheckResult {
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

fn numbers_users(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
    let id = CheckId::NumbersUsers;
    let at = facts.fetched_at;
    if numbers.all.is_empty() {
        return result(id, CheckOutcome::Pass, "No SMS numbers yet.", at);
    }
    let known: HashSet<&RingotelId> = facts.org.users.iter().map(|u| &u.id).collect();
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

fn consistent_formats(facts: &Facts, numbers: &Numbers<'_>) -> CheckResult {
    let id = CheckId::ConsistentFormats;
    let at = facts.fetched_at;
    let mut split: BTreeMap<&RingotelId, String> = BTreeMap::new();
    for (trunk, fields, shown) in &numbers.all {
        let (received, sent) = renderings(fields);
        if received != sent {
            split.insert(&trunk.id, format!("{shown}: a customer shows as {received} when they text in, but replies go to {sent}: two chats"));
        }
    }
    // Numbers that share a user must show one customer alike, or that user sees two chats.
    let mut by_user: HashMap<&RingotelId, Vec<&(&SmsTrunk, &SmsNumberFields, &str)>> =
        HashMap::new();
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
    let trunks: Vec<RingotelId> = split.keys().map(|id| (*id).clone()).collect();
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

fn plural(n: usize, noun: &str) -> String {
    domain::setup::count(n, noun)
}
