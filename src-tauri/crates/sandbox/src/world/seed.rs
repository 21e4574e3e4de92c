//! The demo account every sandbox starts with: three small organizations (one on Essentials),
//! their connections and users, two thinQ accounts with DIDs, some with SMS off and some routed
//! to a wrong URL, so the checks have something real to find; then the large organization.

use super::demo::{DemoThinqAccount, webhook_for};
use super::records::{Object, OptOut, OrgRecord, World, ringotel_id};
use super::seed_large;
use super::shapes::{
    Connection, Ids, Number, Person, branch, obj, organization, services, trunk, user,
};
use super::thinq::{Did, RoutingProfile, ThinqAccount};
use serde_json::json;

/// The sandbox's Ringotel API key. Not a secret: it opens nothing but this simulation.
pub const DEMO_API_KEY: &str = "sandbox-ringotel-api-key";

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

/// Every simulated thinQ account's credentials, the large organization's included.
pub(super) fn all_thinq_accounts() -> impl Iterator<Item = DemoThinqAccount> {
    demo_thinq_accounts()
        .into_iter()
        .chain([seed_large::summit_thinq_account()])
}

const FIRST: [&str; 16] = [
    "Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Isla", "Jonas", "Kemi",
    "Liam", "Maya", "Noah", "Olga", "Priya",
];
const LAST: [&str; 12] = [
    "Nguyen", "Smith", "Garcia", "Kowalski", "Okafor", "Tanaka", "Rossi", "Haddad", "Berg",
    "Moreau", "Silva", "Chen",
];

/// `count` users of one connection, numbered from `offset` across the demo so names vary.
fn users(
    ids: &mut Ids,
    branch_id: &str,
    connection: &Connection,
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
            let person = Person {
                branch_id,
                domain: connection.domain,
                name,
                username: format!("{}.{}", first.to_lowercase(), last.to_lowercase()),
                extension: first_ext + i as u32,
                created: 1_700_000_000_000_u64 + n as u64 * 86_400_000,
                n,
            };
            user(ids.next(), person)
        })
        .collect()
}

fn connection<'a>(name: &'a str, country: &'a str, sms: i64, domain: &'a str) -> Connection<'a> {
    Connection {
        name,
        country,
        sms,
        domain,
        port: if country == "CA" { 5080 } else { 5060 },
        created: 1_695_500_000_000,
    }
}

/// A demo number with the formats most admins start from, no auto-reply and no opt-out.
fn demo_number<'a>(number: &str, name: &str, users: Vec<&'a Object>, timeout: i64) -> Number<'a> {
    Number {
        number: number.into(),
        name: name.into(),
        users,
        inbound: "e164",
        outbound: "national",
        timeout,
        send_name: false,
        welcome: None,
        optout: None,
        created: 1_701_000_000_000,
    }
}

fn dids(prefix: &str, count: usize, sms_off_every: usize, profile: Option<u64>) -> Vec<Did> {
    (0..count)
        .map(|i| Did {
            id: format!("{prefix}{:04}", 6040 + i),
            sms: sms_off_every == 0 || i % sms_off_every != 0,
            cnam: i % 2 == 0,
            e911: i % 3 == 0,
            routing_profile_id: profile.filter(|_| i % 2 == 0),
        })
        .collect()
}

/// A customer who texted STOP to `number`.
fn opted_out(number: &str, customer: &str, created: u64) -> OptOut {
    OptOut {
        number: number.into(),
        customer: customer.into(),
        keyword: Some("STOP".into()),
        created,
    }
}

/// A user Ringotel no longer has, still assigned to a number. Its id is past every id the
/// demo hands out, so taking it moves no other id.
fn deleted_user() -> Object {
    obj(json!({"id": ringotel_id(900_000_000), "name": "Former employee"}))
}

fn harbor(ids: &mut Ids) -> OrgRecord {
    let id = ids.next();
    let (sd, lj) = (ids.next(), ids.next());
    let sd_conn = connection("San Diego Office", "US", 3, "harbordental.example");
    let lj_conn = connection("La Jolla Office", "US", 0, "lajolla.harbordental.example");
    let mut people = users(ids, &sd, &sd_conn, 101, 18, 0);
    people.extend(users(ids, &lj, &lj_conn, 201, 8, 18));
    // 18584376047 stays free: an end-to-end test adds (858) 437-6047 as a new number.
    let front_desk = Number {
        welcome: Some("Thanks for texting Harbor Dental Group! We reply Mon-Fri, 8am-5pm.".into()),
        optout: Some((
            "STOP",
            "You are unsubscribed from Harbor Dental texts. Reply START to resubscribe.".into(),
        )),
        ..demo_number(
            "18584376048",
            "Harbor Front Desk",
            vec![&people[0], &people[1]],
            86_400,
        )
    };
    let front_desk = trunk(ids.next(), front_desk);
    // Problems for the readiness check: Billing's DID has SMS off in thinQ, both numbers' DIDs
    // route inbound messages to an old PBX, Billing keeps a user who was deleted and one from
    // La Jolla (whose connection has SMS off), and both numbers' formats split chats.
    let deleted = deleted_user();
    let billing = Number {
        created: 1_702_000_000_000,
        ..demo_number(
            "18584376050",
            "Harbor Billing",
            vec![&people[2], &people[18], &deleted],
            0,
        )
    };
    let billing = trunk(ids.next(), billing);
    OrgRecord {
        org: organization(
            &id,
            "Harbor Dental Group",
            "harbordental",
            json!(2),
            "us-west",
            1_690_000_000_000,
        ),
        branches: vec![branch(&sd, &sd_conn), branch(&lj, &lj_conn)],
        users: people,
        services: services(&webhook_for(&id), 0),
        trunks: vec![front_desk, billing],
        service_settings: Vec::new(),
        // Two patients who texted STOP to the front desk.
        optouts: vec![
            opted_out("18584376048", "16195550188", 1_702_500_000_000),
            opted_out("18584376048", "17605550123", 1_703_100_000_000),
        ],
        chats: Vec::new(),
    }
}

fn northwind(ids: &mut Ids, thinq: &DemoThinqAccount) -> OrgRecord {
    let id = ids.next();
    let (hq, wh) = (ids.next(), ids.next());
    let hq_conn = connection("Headquarters", "US", 0, "northwind.example");
    let wh_conn = connection("Toronto Warehouse", "CA", 1, "tor.northwind.example");
    let mut people = users(ids, &hq, &hq_conn, 100, 12, 26);
    people.extend(users(ids, &wh, &wh_conn, 300, 6, 38));
    let dispatch = Number {
        welcome: Some("Northwind dispatch here: a coordinator will answer shortly.".into()),
        optout: Some((
            "STOP",
            "You will no longer get texts from Northwind Logistics.".into(),
        )),
        created: 1_703_000_000_000,
        ..demo_number("16195550123", "Dispatch", vec![&people[0]], 3_600)
    };
    let dispatch = trunk(ids.next(), dispatch);
    OrgRecord {
        // packageid as a string, as the real service sometimes sends it.
        org: organization(
            &id,
            "Northwind Logistics",
            "northwind",
            json!("2"),
            "us-east",
            1_695_000_000_000,
        ),
        branches: vec![branch(&hq, &hq_conn), branch(&wh, &wh_conn)],
        users: people,
        services: services(&webhook_for(&id), 1),
        trunks: vec![dispatch],
        service_settings: vec![(
            "ThinQ".into(),
            obj(
                json!({"Account ID": thinq.account_id, "Username": thinq.username, "Token": thinq.token}),
            ),
        )],
        optouts: vec![opted_out("16195550123", "14165550177", 1_703_600_000_000)],
        chats: Vec::new(),
    }
}

fn cafe(ids: &mut Ids) -> OrgRecord {
    let id = ids.next();
    let main = ids.next();
    let main_conn = connection("Main Street", "US", 0, "bluebirdcafe.example");
    OrgRecord {
        org: organization(
            &id,
            "Bluebird Café",
            "bluebird",
            json!(1),
            "us-west",
            1_700_500_000_000,
        ),
        branches: vec![branch(&main, &main_conn)],
        users: users(ids, &main, &main_conn, 10, 6, 44),
        services: services(&webhook_for(&id), 0),
        trunks: Vec::new(),
        service_settings: Vec::new(),
        optouts: Vec::new(),
        chats: Vec::new(),
    }
}

fn thinq_account(demo: &DemoThinqAccount, balance: f64, dids: Vec<Did>) -> ThinqAccount {
    ThinqAccount {
        account_id: demo.account_id.into(),
        username: demo.username.into(),
        token: demo.token.into(),
        balance,
        dids,
        routing_profiles: Vec::new(),
        delivery_confirmation_url: None,
        orders: Vec::new(),
    }
}

/// A new world in its demo state. The order of the organizations fixes their ids: new ones go
/// last, so the ids other tests know stay as they are.
pub fn seeded() -> World {
    let mut ids = Ids(0);
    let [harbor_thinq, northwind_thinq] = demo_thinq_accounts();
    let harbor = harbor(&mut ids);
    let northwind = northwind(&mut ids, &northwind_thinq);
    let cafe = cafe(&mut ids);
    let (summit, summit_account) = seed_large::summit(&mut ids);

    let harbor_account = ThinqAccount {
        routing_profiles: vec![RoutingProfile {
            id: 7001,
            name: "Old PBX".into(),
            url: "https://pbx.harbordental.example/sms/inbound".into(),
        }],
        ..thinq_account(&harbor_thinq, 125.5, dids("1858437", 24, 5, Some(7001)))
    };
    let northwind_account = ThinqAccount {
        delivery_confirmation_url: Some(webhook_for(northwind.id())),
        ..thinq_account(&northwind_thinq, 48.0, dids("1619555", 12, 0, None))
    };

    World::new(
        DEMO_API_KEY,
        vec![harbor, northwind, cafe, summit],
        vec![harbor_account, northwind_account, summit_account],
        ids.0,
    )
}
