//! "Summit Health Network": an organization sized for performance work (5,000 users, 1,000 SMS
//! numbers on thinQ), seeded after the small ones so their ids stay as they are.

use super::demo::{DemoThinqAccount, webhook_for};
use super::records::{Object, OrgRecord};
use super::shapes::{
    Connection, Ids, Number, Person, branch, obj, organization, services, trunk, user,
};
use super::thinq::{Did, RoutingProfile, ThinqAccount};
use serde_json::json;

pub const SUMMIT_USERS: usize = 5_000;
pub const SUMMIT_NUMBERS: usize = 1_000;

/// DIDs of Summit's thinQ account not yet used as SMS numbers: room to add some.
const SPARE_DIDS: usize = 20;

/// Credentials of Summit's simulated thinQ account. Kept out of `demo_thinq_accounts()`, whose
/// two entries other crates destructure.
pub fn summit_thinq_account() -> DemoThinqAccount {
    DemoThinqAccount {
        organization: "Summit Health Network",
        account_id: "40263",
        username: "summit-sms",
        token: "sbx9c4e1b7a3d8f2e6c05b9a1d7e3f8c2b4",
    }
}

/// Real area codes of the San Diego region, each with exchanges that are valid NANP central
/// office codes (first digit 2-9, no N11, not 555) and unused by the small organizations
/// (858-437 and 619-555), so no number can collide with theirs.
const EXCHANGES: [(u16, [u16; 4]); 4] = [
    (619, [232, 246, 271, 298]),
    (858, [324, 352, 367, 381]),
    (760, [423, 439, 462, 487]),
    (442, [214, 258, 263, 279]),
];

/// The `i`-th number: spread over every area code and exchange; distinct for distinct `i`
/// because `i` picks the exchange (i % 16) and the line (i / 16) apart.
fn summit_number(i: usize) -> String {
    let (area, exchanges) = EXCHANGES[i % EXCHANGES.len()];
    let exchange = exchanges[(i / EXCHANGES.len()) % exchanges.len()];
    let line = 1_000 + (i / 16) * 37;
    format!("1{area}{exchange}{line:04}")
}

const FIRST: [&str; 32] = [
    "Aaliyah", "Ahmed", "Amara", "Andrei", "Beatriz", "Carlos", "Dana", "Dmitri", "Emeka",
    "Fatima", "Gabriel", "Hana", "Ibrahim", "Ingrid", "Jamal", "Julia", "Kenji", "Lucia", "Marcus",
    "Mei", "Nadia", "Omar", "Paulo", "Quinn", "Rosa", "Samir", "Sofia", "Tariq", "Uma", "Victor",
    "Wen", "Yusuf",
];
const LAST: [&str; 32] = [
    "Abbott", "Alvarez", "Bauer", "Brooks", "Castillo", "Dubois", "Eriksen", "Fischer", "Gupta",
    "Hoang", "Ivanova", "Jensen", "Kaur", "Lind", "Mendoza", "Novak", "Osei", "Park", "Quintero",
    "Ramirez", "Sato", "Schmidt", "Takeda", "Usman", "Varga", "Wagner", "Xu", "Yamamoto", "Zhang",
    "Bianchi", "Costa", "Dimitrov",
];

const DEPARTMENTS: [&str; 10] = [
    "Front Desk",
    "Scheduling",
    "Billing",
    "Pharmacy",
    "Radiology",
    "Cardiology",
    "Pediatrics",
    "Oncology",
    "Lab Results",
    "Nurse Line",
];
const INBOUND: [&str; 4] = ["", "e164", "national", "national0"];
const OUTBOUND: [&str; 4] = ["", "e164", "national", "international"];
/// Session timeouts in seconds, from off to a week.
const TIMEOUTS: [i64; 5] = [0, 1_800, 3_600, 86_400, 604_800];

/// The connections: name, `provision.sms`, SIP subdomain, first extension, user count. The first
/// carries SMS via Integrations, and every number's users are chosen from it; it holds most of
/// the users, so the editor's users picker lists thousands (the performance case to measure).
const CONNECTIONS: [(&str, i64, &str, u32, usize); 4] = [
    ("Main Campus", 3, "campus", 10_000, 4_400),
    ("North County Clinic", 0, "north", 20_000, 300),
    ("East County Clinic", 0, "east", 30_000, 200),
    ("Telehealth Center", 1, "tele", 40_000, 100),
];

const CREATED: u64 = 1_704_000_000_000;

/// One connection's users, with the ids reserved for them.
struct Staff {
    ids: Ids,
    branch_id: String,
    domain: String,
    first_ext: u32,
    count: usize,
    /// How many users the connections before this one have: names vary across the whole org.
    offset: usize,
}

fn people(staff: Staff) -> Vec<Object> {
    let Staff {
        mut ids,
        branch_id,
        domain,
        first_ext,
        count,
        offset,
    } = staff;
    (0..count)
        .map(|i| {
            let n = offset + i;
            let (first, last) = (
                FIRST[n % FIRST.len()],
                LAST[(n / FIRST.len() + n) % LAST.len()],
            );
            let extension = first_ext + i as u32;
            let person = Person {
                branch_id: &branch_id,
                domain: &domain,
                name: format!("{first} {last}"),
                username: format!(
                    "{}.{}.{extension}",
                    first.to_lowercase(),
                    last.to_lowercase()
                ),
                extension,
                created: CREATED + n as u64 * 600_000,
                n,
            };
            user(ids.next(), person)
        })
        .collect()
}

/// Thousands of users are most of the seeding time (JSON maps, unoptimized in debug builds),
/// and seeding runs at every sandbox start: each connection's users are built on a thread of
/// their own. Their ids were reserved beforehand, so they are the same on every run.
fn people_in_parallel(staffs: Vec<Staff>) -> Vec<Object> {
    std::thread::scope(|scope| {
        let running: Vec<_> = staffs
            .into_iter()
            .map(|staff| scope.spawn(|| people(staff)))
            .collect();
        running
            .into_iter()
            .flat_map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

fn number(i: usize, users: Vec<&Object>) -> Number<'_> {
    let department = DEPARTMENTS[i % DEPARTMENTS.len()];
    Number {
        number: summit_number(i),
        name: format!("{department} {}", i / DEPARTMENTS.len() + 1),
        users,
        inbound: INBOUND[i % INBOUND.len()],
        outbound: OUTBOUND[(i / INBOUND.len()) % OUTBOUND.len()],
        timeout: TIMEOUTS[i % TIMEOUTS.len()],
        send_name: i.is_multiple_of(3),
        welcome: i.is_multiple_of(7).then(|| {
            format!("Thanks for texting Summit Health {department}. For emergencies call 911.")
        }),
        optout: i.is_multiple_of(2).then(|| {
            (
                "STOP",
                "You are unsubscribed from Summit Health texts.".into(),
            )
        }),
        created: CREATED + i as u64 * 3_600_000,
    }
}

/// The organization and its thinQ account, whose DIDs are its numbers and a few spare.
pub fn summit(ids: &mut Ids) -> (OrgRecord, ThinqAccount) {
    let id = ids.next();
    let mut branches = Vec::with_capacity(CONNECTIONS.len());
    let mut staffs = Vec::with_capacity(CONNECTIONS.len());
    let mut offset = 0;
    for (name, sms, subdomain, first_ext, count) in CONNECTIONS {
        let branch_id = ids.next();
        let domain = format!("{subdomain}.summithealth.example");
        let connection = Connection {
            name,
            country: "US",
            sms,
            domain: &domain,
            port: 5060,
            created: CREATED,
        };
        branches.push(branch(&branch_id, &connection));
        staffs.push(Staff {
            ids: Ids(ids.0),
            branch_id,
            domain,
            first_ext,
            count,
            offset,
        });
        ids.0 += count as u64;
        offset += count;
    }
    let users = people_in_parallel(staffs);
    let (sms_users, _) = users.split_at(CONNECTIONS[0].4);
    let trunks = (0..SUMMIT_NUMBERS)
        .map(|i| {
            // One to four users each, spread over the connection without repeats in one number.
            let chosen: Vec<&Object> = (0..1 + i % 4)
                .map(|k| &sms_users[(i * 2 + k * 577) % sms_users.len()])
                .collect();
            trunk(ids.next(), number(i, chosen))
        })
        .collect();
    let webhook = webhook_for(&id);
    let demo = summit_thinq_account();
    let record = OrgRecord {
        org: organization(
            &id,
            "Summit Health Network",
            "summithealth",
            json!(2),
            "us-west",
            CREATED,
        ),
        branches,
        users,
        services: services(&webhook, 1),
        trunks,
        service_settings: vec![(
            "ThinQ".into(),
            obj(
                json!({"Account ID": demo.account_id, "Username": demo.username, "Token": demo.token}),
            ),
        )],
        optouts: Vec::new(),
        chats: Vec::new(),
    };
    let profile = RoutingProfile {
        id: 7101,
        name: "Ringotel".into(),
        url: webhook.clone(),
    };
    let dids = (0..SUMMIT_NUMBERS + SPARE_DIDS)
        .map(|i| Did {
            id: summit_number(i),
            // A few numbers still have SMS off, so readiness checks find something at scale.
            sms: i % 97 != 0,
            cnam: i % 2 == 0,
            e911: i % 5 == 0,
            routing_profile_id: Some(profile.id),
        })
        .collect();
    let account = ThinqAccount {
        account_id: demo.account_id.into(),
        username: demo.username.into(),
        token: demo.token.into(),
        balance: 2_310.75,
        dids,
        routing_profiles: vec![profile],
        delivery_confirmation_url: Some(webhook),
        orders: Vec::new(),
    };
    (record, account)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::seeded;

    #[test]
    fn summit_numbers_vary_in_formats_timeouts_and_replies() {
        let world = seeded();
        let trunks = &world.orgs.last().unwrap().trunks;
        let distinct = |key: &str| {
            let mut seen: Vec<String> = trunks.iter().map(|t| t[key].to_string()).collect();
            seen.sort();
            seen.dedup();
            seen.len()
        };
        assert_eq!(distinct("inboundFormat"), INBOUND.len());
        assert_eq!(distinct("outboundFormat"), OUTBOUND.len());
        assert_eq!(distinct("sessionTimeout"), TIMEOUTS.len());
        assert_eq!(
            distinct("autoreply"),
            1 + DEPARTMENTS.len(),
            "none, or one per department"
        );
        let account = world.thinq.last().unwrap();
        assert_eq!(account.dids.len(), SUMMIT_NUMBERS + SPARE_DIDS);
    }
}
