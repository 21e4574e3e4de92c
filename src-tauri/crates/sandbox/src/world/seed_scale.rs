//! The workspace-scale demo: the usual demo plus 200 small organizations, each with its own
//! thinQ account and two SMS numbers on it. Most are set up right; the others carry one seeded
//! problem each (`scale_problem`), so *Check all* has something to find, in known places.

use super::demo::webhook_for;
use super::records::{Object, OrgRecord, World, ringotel_id};
use super::seed::seeded;
use super::shapes::{
    Connection, Ids, Number, Person, branch, obj, organization, services, trunk, user,
};
use super::thinq::{Did, RoutingProfile, ThinqAccount};
use serde_json::json;

/// How many organizations the scale demo adds.
pub const SCALE_ORGS: usize = 200;

/// The one problem a scale-demo organization is seeded with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScaleProblem {
    /// On Essentials: SMS integrations need Pro.
    Essentials,
    /// Its connection's SMS mode is Off.
    ConnectionOff,
    /// Its first DID has SMS off in thinQ.
    SmsOff,
    /// Its second number keeps a user Ringotel no longer has.
    DeletedUser,
    /// Its first number's formats split a customer into two chats.
    SplitFormats,
}

/// The problem seeded in the `i`-th scale organization: five in seven have one, two are clean.
pub fn scale_problem(i: usize) -> Option<ScaleProblem> {
    match i % 7 {
        0 => Some(ScaleProblem::Essentials),
        1 => Some(ScaleProblem::ConnectionOff),
        2 => Some(ScaleProblem::SmsOff),
        3 => Some(ScaleProblem::DeletedUser),
        4 => Some(ScaleProblem::SplitFormats),
        _ => None,
    }
}

const PLACES: [&str; 20] = [
    "Alder Creek",
    "Bayview",
    "Cedar Point",
    "Driftwood",
    "Elm Grove",
    "Fox Hollow",
    "Granite Bay",
    "Harborview",
    "Iron Ridge",
    "Juniper",
    "Kestrel",
    "Lakeside",
    "Maple Ridge",
    "North Shore",
    "Oak Valley",
    "Pine Bluff",
    "Quarry Hill",
    "Redwood",
    "Silver Lake",
    "Tidewater",
];
const KINDS: [&str; 10] = [
    "Dental",
    "Family Clinic",
    "Veterinary",
    "Auto Repair",
    "Law Office",
    "Realty",
    "Pharmacy",
    "Physio",
    "Insurance",
    "Plumbing",
];

/// The `i`-th scale organization's name: every one different.
pub fn scale_org_name(i: usize) -> String {
    format!(
        "{} {}",
        PLACES[i % PLACES.len()],
        KINDS[(i / PLACES.len()) % KINDS.len()]
    )
}

/// The thinQ credentials of the `i`-th scale organization's account.
pub fn scale_thinq_account(i: usize) -> (String, String, String) {
    (
        (60_000 + i).to_string(),
        format!("scale{i:03}-sms"),
        format!("sbx-scale-{i:03}-4d1c9e7a2b6f"),
    )
}

/// The `k`-th number (0 or 1) of the `i`-th scale organization: in area 951, exchanges 340-343
/// (valid central office codes no other demo organization uses), one line each.
pub fn scale_number(i: usize, k: usize) -> String {
    format!("1951{}{:04}", 340 + i / 50, 1_000 + (i % 50) * 2 + k)
}

const CREATED: u64 = 1_704_000_000_000;

/// The usual demo, then the scale organizations after it (so the usual ids stay as they are).
pub fn seeded_at_scale() -> World {
    let demo = seeded();
    let mut ids = Ids(demo.last_id());
    let (mut orgs, mut thinq) = (demo.orgs, demo.thinq);
    for i in 0..SCALE_ORGS {
        let (org, account) = scale_org(&mut ids, i);
        orgs.push(org);
        thinq.push(account);
    }
    World::new(&demo.api_key, orgs, thinq, ids.0)
}

/// The `k`-th number of the `i`-th organization, as most are set up: E.164 both ways.
fn scale_trunk<'a>(i: usize, k: usize, users: Vec<&'a Object>, inbound: &'a str) -> Number<'a> {
    Number {
        number: scale_number(i, k),
        name: if k == 0 { "Main line" } else { "After hours" }.into(),
        users,
        inbound,
        outbound: "e164",
        timeout: 3_600,
        send_name: false,
        welcome: None,
        optout: None,
        created: CREATED,
    }
}

fn scale_org(ids: &mut Ids, i: usize) -> (OrgRecord, ThinqAccount) {
    let problem = scale_problem(i);
    let id = ids.next();
    let branch_id = ids.next();
    let domain = format!("scale{i:03}.example");
    let connection = Connection {
        name: "Main Office",
        country: "US",
        sms: if problem == Some(ScaleProblem::ConnectionOff) {
            0
        } else {
            3
        },
        domain: &domain,
        port: 5060,
        created: CREATED,
    };
    let people: Vec<Object> = ["Front Desk", "Office Manager", "On Call"]
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let person = Person {
                branch_id: &branch_id,
                domain: &domain,
                name: (*name).to_owned(),
                username: format!("user{}", k + 1),
                extension: 100 + k as u32,
                created: CREATED,
                n: i * 3 + k,
            };
            user(ids.next(), person)
        })
        .collect();
    // A user Ringotel no longer has: its id is past every id the demo hands out.
    let deleted =
        obj(json!({"id": ringotel_id(900_000_000 + i as u64), "name": "Former employee"}));
    let split = problem == Some(ScaleProblem::SplitFormats);
    let main = scale_trunk(
        i,
        0,
        vec![&people[0], &people[1]],
        if split { "national" } else { "e164" },
    );
    let mut late_users = vec![&people[2]];
    if problem == Some(ScaleProblem::DeletedUser) {
        late_users.push(&deleted);
    }
    let late = scale_trunk(i, 1, late_users, "e164");
    let trunks = vec![trunk(ids.next(), main), trunk(ids.next(), late)];
    let webhook = webhook_for(&id);
    let package = if problem == Some(ScaleProblem::Essentials) {
        1
    } else {
        2
    };
    let record = OrgRecord {
        org: organization(
            &id,
            &scale_org_name(i),
            &format!("scale{i:03}"),
            json!(package),
            "us-west",
            CREATED,
        ),
        branches: vec![branch(&branch_id, &connection)],
        users: people,
        services: services(&webhook, 1),
        trunks,
        service_settings: Vec::new(),
        optouts: Vec::new(),
        chats: Vec::new(),
    };
    let profile = 20_000 + i as u64;
    let (account_id, username, token) = scale_thinq_account(i);
    let account = ThinqAccount {
        account_id,
        username,
        token,
        balance: 20.0,
        dids: (0..2)
            .map(|k| Did {
                id: scale_number(i, k),
                sms: !(k == 0 && problem == Some(ScaleProblem::SmsOff)),
                cnam: false,
                e911: false,
                routing_profile_id: Some(profile),
            })
            .collect(),
        routing_profiles: vec![RoutingProfile {
            id: profile,
            name: "Ringotel".into(),
            url: webhook.clone(),
        }],
        delivery_confirmation_url: Some(webhook),
        orders: Vec::new(),
    };
    (record, account)
}
