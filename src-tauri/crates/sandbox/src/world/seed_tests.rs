//! The seeded world as a whole: ids, numbers and object shapes across every organization.

use super::{SUMMIT_NUMBERS, SUMMIT_USERS, UNKNOWN_FIELD, id_of, seeded, summit_thinq_account};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

#[test]
fn the_demo_has_an_essentials_org_and_forty_plus_users() {
    let world = seeded();
    let users: usize = world.orgs.iter().map(|o| o.users.len()).sum();
    assert!(users >= 40, "{users} users");
    assert!(world.orgs.iter().any(|o| o.org["packageid"] == 1));
}

#[test]
fn the_front_desk_number_is_a_did_and_the_next_did_down_is_free_to_add() {
    let world = seeded();
    let harbor = &world.thinq[0];
    let front_desk = world.orgs[0]
        .trunks
        .iter()
        .find(|t| t["name"] == "Harbor Front Desk")
        .unwrap();
    assert_eq!(front_desk["number"], "18584376048");
    assert!(harbor.dids.iter().any(|d| d.id == "18584376048"));
    assert!(harbor.dids.iter().any(|d| d.id == "18584376047"));
    let numbers = world.orgs.iter().flat_map(|o| &o.trunks);
    assert!(
        numbers.clone().all(|t| t["number"] != "18584376047"),
        "an end-to-end test adds (858) 437-6047 as a new number"
    );
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
                    .map(id_of),
            )
        })
        .collect();
    let count = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), count);
    assert!(
        all.iter()
            .all(|id| id.len() == 19 && id.parse::<i64>().is_err())
    );
}

/// A valid North American number as 11 digits: 1, then an area code and an exchange that each
/// start with 2-9 and are not N11, and no 555 exchange.
fn is_valid_nanp(number: &str) -> bool {
    let d = number.as_bytes();
    let code_ok = |c: &[u8]| (b'2'..=b'9').contains(&c[0]) && !(c[1] == b'1' && c[2] == b'1');
    number.len() == 11
        && d.iter().all(u8::is_ascii_digit)
        && d[0] == b'1'
        && code_ok(&d[1..4])
        && code_ok(&d[4..7])
        && &d[4..7] != b"555"
}

#[test]
fn every_seeded_number_is_unique_valid_and_accepted_by_the_app() {
    let world = seeded();
    let mut numbers: Vec<&str> = world
        .orgs
        .iter()
        .flat_map(|o| &o.trunks)
        .map(|t| t["number"].as_str().unwrap())
        .collect();
    let count = numbers.len();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), count, "a number belongs to one trunk only");
    // Northwind's 619-555-0123 predates this rule: 555-01xx is the fictional range on purpose.
    for number in numbers.iter().filter(|n| **n != "16195550123") {
        assert!(is_valid_nanp(number), "{number}");
    }
    for number in &numbers {
        let parsed = domain::PhoneNumber::parse(number, domain::DEFAULT_COUNTRY);
        assert!(parsed.is_ok(), "{number}: {parsed:?}");
    }
}

#[test]
fn every_object_carries_the_published_fields_and_one_no_client_knows() {
    let world = seeded();
    let has_all = |object: &super::Object, fields: &[&str]| {
        fields.iter().all(|f| object.contains_key(*f)) && object.contains_key(UNKNOWN_FIELD)
    };
    for o in &world.orgs {
        assert!(has_all(
            &o.org,
            &["admlogin", "options", "params", "created"]
        ));
        // [doc] `options` is a number in the published example.
        assert!(o.org["options"].is_number() && o.org["params"].is_object());
        for b in &o.branches {
            assert!(has_all(
                b,
                &["accountid", "created", "domain", "address", "provision"]
            ));
            let address = b["address"].as_str().unwrap();
            let (host, port) = address.rsplit_once(':').unwrap();
            assert!(!host.is_empty() && port.parse::<u16>().is_ok(), "{address}");
        }
        let user_fields = [
            "authname", "devs", "domain", "note", "state", "stime", "trunkid",
        ];
        assert!(
            o.users
                .iter()
                .all(|u| has_all(u, &user_fields) && u["devs"].is_array())
        );
        assert!(o.services.iter().all(|s| has_all(s, &["state"])));
        for t in &o.trunks {
            assert!(has_all(
                t,
                &["created", "optout", "autoreply", "status", "groupmode"]
            ));
            assert!(
                t["created"]
                    .as_u64()
                    .is_some_and(|ms| ms > 1_600_000_000_000)
            );
        }
    }
    let welcomes = world.orgs.iter().flat_map(|o| &o.trunks).filter(|t| {
        t["autoreply"]
            .as_array()
            .is_some_and(|a| a.first().is_some_and(|r| r["key"] == "*"))
    });
    assert!(welcomes.count() > 1, "some numbers answer a first contact");
    assert_eq!(world.orgs[0].trunks[0]["optout"]["keyword"], "STOP");
}

#[test]
fn summit_has_exactly_five_thousand_users_and_a_thousand_numbers() {
    let world = seeded();
    let summit = world.orgs.last().unwrap();
    assert_eq!(summit.org["name"], "Summit Health Network");
    assert_eq!(summit.org["packageid"], 2, "integrations need Pro");
    assert_eq!(summit.users.len(), SUMMIT_USERS);
    assert_eq!(summit.trunks.len(), SUMMIT_NUMBERS);
    let with_integrations = summit
        .branches
        .iter()
        .filter(|b| b["provision"]["sms"] == 3);
    assert_eq!(with_integrations.count(), 1);
}

#[test]
fn each_summit_number_has_a_few_users_of_the_sms_connection_and_is_a_did() {
    let world = seeded();
    let summit = world.orgs.last().unwrap();
    let sms_branch = summit
        .branches
        .iter()
        .find(|b| b["provision"]["sms"] == 3)
        .map(id_of)
        .unwrap();
    let branch_of: HashMap<&str, &Value> = summit
        .users
        .iter()
        .map(|u| (id_of(u), &u["branchid"]))
        .collect();
    let account = world
        .thinq_account(summit_thinq_account().account_id)
        .unwrap();
    let dids: HashSet<&str> = account.dids.iter().map(|d| d.id.as_str()).collect();
    assert!(
        dids.len() > SUMMIT_NUMBERS,
        "spare DIDs leave room to add numbers"
    );
    for t in &summit.trunks {
        let users = t["users"].as_array().unwrap();
        assert!((1..=4).contains(&users.len()), "{t:?}");
        for id in users {
            let branch = branch_of[id.as_str().unwrap()];
            assert_eq!(branch, sms_branch, "only that connection has SMS");
        }
        assert!(dids.contains(t["number"].as_str().unwrap()), "{t:?}");
    }
}

#[test]
fn seeding_the_large_world_stays_fast() {
    // It runs at every sandbox start: tens of milliseconds in a debug build. The bound is loose
    // for shared CI cores, and catches something quadratic slipping in.
    let started = std::time::Instant::now();
    let world = seeded();
    let elapsed = started.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
    assert_eq!(world.orgs.len(), 4);
}

#[test]
fn the_scale_demo_adds_two_hundred_distinct_organizations_after_the_usual_ones() {
    use super::{SCALE_ORGS, scale_problem, seeded_at_scale};
    let usual = seeded();
    let world = seeded_at_scale();
    assert_eq!(world.orgs.len(), usual.orgs.len() + SCALE_ORGS);
    // The usual organizations keep their ids.
    for (a, b) in usual.orgs.iter().zip(&world.orgs) {
        assert_eq!(a.id(), b.id());
    }
    let names: HashSet<&Value> = world.orgs.iter().map(|o| &o.org["name"]).collect();
    assert_eq!(names.len(), world.orgs.len(), "every name differs");
    let mut ids: Vec<&str> = world.orgs.iter().map(|o| o.id()).collect();
    ids.extend(world.orgs.iter().flat_map(|o| o.users.iter().map(id_of)));
    ids.extend(world.orgs.iter().flat_map(|o| o.trunks.iter().map(id_of)));
    let distinct: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(distinct.len(), ids.len(), "ids are unique");
    let numbers: Vec<&Value> = world
        .orgs
        .iter()
        .flat_map(|o| o.trunks.iter().map(|t| &t["number"]))
        .collect();
    let distinct: HashSet<&Value> = numbers.iter().copied().collect();
    assert_eq!(distinct.len(), numbers.len(), "numbers are unique");
    let accounts: HashSet<&str> = world.thinq.iter().map(|a| a.account_id.as_str()).collect();
    assert_eq!(accounts.len(), world.thinq.len());
    // A mix: clean organizations and each kind of problem.
    let problems: HashSet<_> = (0..SCALE_ORGS).map(scale_problem).collect();
    assert_eq!(problems.len(), 6, "five problems and none");
}
