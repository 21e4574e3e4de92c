//! The demo account every sandbox starts with: three organizations (one on Essentials), their
//! connections and users, and two thinQ accounts with DIDs, some with SMS off and some routed to
//! a wrong URL, so the checks have something real to find.

use super::thinq::{Did, RoutingProfile, ThinqAccount};
use super::{Object, OrgRecord, World, ringotel_id};
use serde_json::{Value, json};

/// The sandbox's Ringotel API key. Not a secret: it opens nothing but this simulation.
pub const DEMO_API_KEY: &str = "sandbox-ringotel-api-key";

/// Credentials of a simulated thinQ account, shown to the admin in the Sandbox workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoThinqAccount {
    pub organization: &'static str,
    pub account_id: &'static str,
    pub username: &'static str,
    pub token: &'static str,
}

pub fn demo_thinq_accounts() -> [DemoThinqAccount; 2] {
    [
        DemoThinqAccount {
            organization: "Harbor Dental Group",
            account_id: "21458",
            username: "harbor-sms",
            token: "sbx7f3c91e04b2a4d6f8e15c0a9d3b7e2f1",
        },
        DemoThinqAccount {
            organization: "Northwind Logistics",
            account_id: "30917",
            username: "northwind-sms",
            token: "sbx2d8e6a4c1f9b3e7d05a8c2f6e4b1d9a3",
        },
    ]
}

const FIRST: [&str; 16] = [
    "Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Isla", "Jonas", "Kemi",
    "Liam", "Maya", "Noah", "Olga", "Priya",
];
const LAST: [&str; 12] = [
    "Nguyen", "Smith", "Garcia", "Kowalski", "Okafor", "Tanaka", "Rossi", "Haddad", "Berg",
    "Moreau", "Silva", "Chen",
];

/// The fake webhook host: `.test` is reserved, so nothing real can ever be reached through it.
const WEBHOOK_HOST: &str = "https://sms.sandbox.ringotel.test";

pub fn webhook_for(org_id: &str) -> String {
    format!("{WEBHOOK_HOST}/thinq/{org_id}")
}

fn obj(value: Value) -> Object {
    match value {
        Value::Object(map) => map,
        _ => Object::new(),
    }
}

struct Ids(u64);

impl Ids {
    fn next(&mut self) -> String {
        self.0 += 1;
        ringotel_id(self.0)
    }
}

fn services(org_id: &str, thinq_state: i64) -> Vec<Object> {
    let webhook = webhook_for(org_id);
    vec![
        obj(json!({"id": "ThinQ", "name": "thinQ", "state": thinq_state, "webhook": webhook})),
        obj(json!({"id": "Twilio", "name": "Twilio", "state": 0})),
        obj(json!({"id": "Telnyx", "name": "Telnyx", "state": 0})),
    ]
}

fn users(
    ids: &mut Ids,
    branch_id: &str,
    first_ext: u32,
    count: usize,
    offset: usize,
) -> Vec<Object> {
    (0..count)
        .map(|i| {
            let n = offset + i;
            let first = FIRST[n % FIRST.len()];
            let last = LAST[(n * 7 + 3) % LAST.len()];
            // One name carries markup: the UI must show it as text, never as HTML.
            let name = if n == 5 {
                format!("{first} <img src=x onerror=alert(1)> {last}")
            } else {
                format!("{first} {last}")
            };
            let ext = first_ext + i as u32;
            obj(json!({
                "id": ids.next(), "branchid": branch_id, "name": name,
                "extension": ext.to_string(),
                "username": format!("{}.{}", first.to_lowercase(), last.to_lowercase()),
                "status": 1, "created": 1_700_000_000_000_u64 + n as u64 * 86_400_000,
            }))
        })
        .collect()
}

fn branch(id: &str, name: &str, country: &str, sms: i64) -> Object {
    obj(json!({
        "id": id, "name": name, "country": country, "status": 1,
        "provision": {"sms": sms, "sms2email": 0, "sms2phone": 0, "nochats": false,
            "inboundFormat": "", "codecs": "opus,g722,pcmu"},
        "address": {"country": country},
    }))
}

fn trunk(ids: &mut Ids, number: &str, name: &str, users: &[&Object], timeout: i64) -> Object {
    let user_ids: Vec<&str> = users.iter().map(|u| super::id_of(u)).collect();
    obj(json!({
        "id": ids.next(), "number": number, "name": name, "service": "ThinQ",
        "users": user_ids, "country": "US", "inboundFormat": "e164", "outboundFormat": "national",
        "sessionTimeout": timeout, "sendName": false, "autoreply": [], "status": 2, "groupmode": false,
    }))
}

fn dids(prefix: &str, count: usize, sms_off_every: usize, profile: Option<u64>) -> Vec<Did> {
    (0..count)
        .map(|i| Did {
            id: format!("{prefix}{:04}", 6040 + i),
            sms: sms_off_every == 0 || i % sms_off_every != 0,
            cnam: i % 2 == 0,
            e911: i % 3 == 0,
            routing_profile_id: profile.filter(|_| i % 2 == 1),
        })
        .collect()
}

/// A new world in its demo state.
pub fn seeded() -> World {
    let mut ids = Ids(0);
    let [harbor_thinq, northwind_thinq] = demo_thinq_accounts();

    let harbor_id = ids.next();
    let sd = ids.next();
    let lj = ids.next();
    let mut harbor_users = users(&mut ids, &sd, 101, 18, 0);
    harbor_users.extend(users(&mut ids, &lj, 201, 8, 18));
    let front_desk = trunk(
        &mut ids,
        "18584376047",
        "Harbor Front Desk",
        &[&harbor_users[0], &harbor_users[1]],
        86_400,
    );
    let billing = trunk(
        &mut ids,
        "18584376050",
        "Harbor Billing",
        &[&harbor_users[2]],
        0,
    );
    let harbor = OrgRecord {
        org: obj(
            json!({"id": harbor_id, "name": "Harbor Dental Group", "domain": "harbordental",
            "packageid": 2, "status": 1, "region": "us-west", "created": 1_690_000_000_000_u64}),
        ),
        branches: vec![
            branch(&sd, "San Diego Office", "US", 3),
            branch(&lj, "La Jolla Office", "US", 0),
        ],
        users: harbor_users,
        services: services(&harbor_id, 0),
        trunks: vec![front_desk, billing],
        service_settings: Vec::new(),
    };

    let northwind_id = ids.next();
    let hq = ids.next();
    let wh = ids.next();
    let mut nw_users = users(&mut ids, &hq, 100, 12, 26);
    nw_users.extend(users(&mut ids, &wh, 300, 6, 38));
    let dispatch = trunk(&mut ids, "16195550123", "Dispatch", &[&nw_users[0]], 3_600);
    let northwind = OrgRecord {
        org: obj(
            json!({"id": northwind_id, "name": "Northwind Logistics", "domain": "northwind",
            "packageid": "2", "status": 1, "region": "us-east", "created": 1_695_000_000_000_u64}),
        ),
        branches: vec![
            branch(&hq, "Headquarters", "US", 0),
            branch(&wh, "Toronto Warehouse", "CA", 1),
        ],
        users: nw_users,
        services: services(&northwind_id, 1),
        trunks: vec![dispatch],
        service_settings: vec![(
            "ThinQ".into(),
            obj(json!({"Account ID": northwind_thinq.account_id,
            "Username": northwind_thinq.username, "Token": northwind_thinq.token})),
        )],
    };

    let cafe_id = ids.next();
    let main = ids.next();
    let cafe = OrgRecord {
        org: obj(
            json!({"id": cafe_id, "name": "Bluebird Café", "domain": "bluebird",
            "packageid": 1, "status": 1, "region": "us-west", "created": 1_700_500_000_000_u64}),
        ),
        branches: vec![branch(&main, "Main Street", "US", 0)],
        users: users(&mut ids, &main, 10, 6, 44),
        services: services(&cafe_id, 0),
        trunks: Vec::new(),
        service_settings: Vec::new(),
    };

    let harbor_account = ThinqAccount {
        account_id: harbor_thinq.account_id.into(),
        username: harbor_thinq.username.into(),
        token: harbor_thinq.token.into(),
        balance: 125.5,
        dids: dids("1858437", 24, 5, Some(7001)),
        routing_profiles: vec![RoutingProfile {
            id: 7001,
            name: "Old PBX".into(),
            url: "https://pbx.harbordental.example/sms/inbound".into(),
        }],
        delivery_confirmation_url: None,
        orders: Vec::new(),
    };
    let northwind_account = ThinqAccount {
        account_id: northwind_thinq.account_id.into(),
        username: northwind_thinq.username.into(),
        token: northwind_thinq.token.into(),
        balance: 48.0,
        dids: dids("1619555", 12, 0, None),
        routing_profiles: Vec::new(),
        delivery_confirmation_url: Some(webhook_for(&northwind_id)),
        orders: Vec::new(),
    };

    World::new(
        DEMO_API_KEY,
        vec![harbor, northwind, cafe],
        vec![harbor_account, northwind_account],
        ids.0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_has_an_essentials_org_and_forty_plus_users() {
        let world = seeded();
        let users: usize = world.orgs.iter().map(|o| o.users.len()).sum();
        assert!(users >= 40, "{users} users");
        assert!(world.orgs.iter().any(|o| o.org["packageid"] == 1));
    }

    #[test]
    fn the_demo_numbers_are_dids_and_some_dids_have_sms_off() {
        let world = seeded();
        let harbor = &world.thinq[0];
        assert!(harbor.dids.iter().any(|d| d.id == "18584376047"));
        assert!(harbor.dids.iter().any(|d| !d.sms));
    }

    #[test]
    fn ids_are_unique_and_do_not_fit_an_i64() {
        let world = seeded();
        let mut all: Vec<&str> = world
            .orgs
            .iter()
            .flat_map(|o| {
                std::iter::once(o.id()).chain(
                    o.branches
                        .iter()
                        .chain(&o.users)
                        .chain(&o.trunks)
                        .map(super::super::id_of),
                )
            })
            .collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count);
        assert!(
            all.iter()
                .all(|id| id.len() == 19 && id.parse::<i64>().is_err())
        );
    }
}
