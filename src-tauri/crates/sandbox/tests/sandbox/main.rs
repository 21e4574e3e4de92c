//! The sandbox as a server: loopback only, the envelope on the wire, validation, persistence.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

use sandbox::{AuthFailure, DEMO_API_KEY, SUMMIT_NUMBERS, SUMMIT_USERS, Sandbox, UNKNOWN_FIELD};
use serde_json::{Value, json};

async fn rpc_with_key(sandbox: &Sandbox, key: &str, method: &str, params: Value) -> (u16, String) {
    let response = transport::build_client()
        .unwrap()
        .post(format!("{}/api", sandbox.ringotel_url()))
        .bearer_auth(key)
        .json(&json!({"method": method, "params": params}))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn rpc(sandbox: &Sandbox, method: &str, params: Value) -> (u16, String) {
    rpc_with_key(sandbox, DEMO_API_KEY, method, params).await
}

/// The `result` of a call that must succeed.
async fn result(sandbox: &Sandbox, method: &str, params: Value) -> Value {
    let (status, body) = rpc(sandbox, method, params).await;
    let mut answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 200, "{body}");
    assert!(answer.get("error").is_none(), "{body}");
    answer["result"].take()
}

async fn first_org(sandbox: &Sandbox) -> Value {
    let (_, body) = rpc(sandbox, "getOrganizations", json!({})).await;
    let orgs: Value = serde_json::from_str(&body).unwrap();
    orgs["result"][0].clone()
}

#[tokio::test]
async fn both_services_listen_on_loopback_only() {
    let sandbox = Sandbox::start().await.unwrap();
    assert!(sandbox.addresses().iter().all(|a| a.ip().is_loopback()));
}

#[tokio::test]
async fn an_update_answers_with_an_empty_body_and_replaces_the_object() {
    let sandbox = Sandbox::start().await.unwrap();
    let org = first_org(&sandbox).await;
    let (status, body) = rpc(
        &sandbox,
        "updateOrganization",
        json!({"id": org["id"], "name": "Renamed"}),
    )
    .await;
    assert_eq!((status, body.as_str()), (200, ""));
    let (_, body) = rpc(&sandbox, "getOrganization", json!({"id": org["id"]})).await;
    let updated: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(updated["result"][0]["name"], "Renamed");
    assert!(
        updated["result"][0].get("domain").is_none(),
        "fields not sent back are gone: clients must send the whole object"
    );
}

#[tokio::test]
async fn creating_a_number_validates_it_and_refuses_a_duplicate() {
    let sandbox = Sandbox::start().await.unwrap();
    let org = first_org(&sandbox).await;
    let (_, users) = rpc(&sandbox, "getUsers", json!({"orgid": org["id"]})).await;
    let user = serde_json::from_str::<Value>(&users).unwrap()["result"][0]["id"].clone();
    let trunk = |number: &str| {
        json!({"orgid": org["id"], "number": number, "name": "Test", "service": "ThinQ", "users": [user],
               "country": "US", "inboundFormat": "e164", "outboundFormat": "national", "sessionTimeout": 0,
               "x_client_extra": {"from": "client"}})
    };
    let (status, created) = rpc(&sandbox, "createSMSTrunk", trunk("+18584376041")).await;
    assert_eq!(status, 200);
    let id = serde_json::from_str::<Value>(&created).unwrap()["result"]["id"].clone();
    assert!(id.is_string(), "{created}");
    let trunks = result(&sandbox, "getSMSTrunks", json!({"orgid": org["id"]})).await;
    let stored = trunks
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap();
    assert_eq!(
        stored["number"], "18584376041",
        "stored as digits without '+'"
    );
    assert_eq!(
        stored["x_client_extra"]["from"], "client",
        "what the client sent is kept"
    );
    assert!(
        stored["created"].as_u64().unwrap() > 1_700_000_000_000,
        "created in Unix ms"
    );
    let (status, duplicate) = rpc(&sandbox, "createSMSTrunk", trunk("18584376041")).await;
    assert_eq!(status, 200, "errors arrive inside HTTP 200");
    assert!(duplicate.contains("already exists"), "{duplicate}");
    let (_, bad) = rpc(&sandbox, "createSMSTrunk", trunk("858-437")).await;
    assert!(bad.contains("Invalid number"), "{bad}");
}

#[tokio::test]
async fn a_persistent_sandbox_comes_back_as_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.json");
    {
        let sandbox = Sandbox::start_persistent(&path).await.unwrap();
        let org = first_org(&sandbox).await;
        rpc(
            &sandbox,
            "updateOrganization",
            json!({"id": org["id"], "name": "Kept", "packageid": 2}),
        )
        .await;
    }
    let again = Sandbox::start_persistent(&path).await.unwrap();
    assert_eq!(first_org(&again).await["name"], "Kept");
}

#[tokio::test]
async fn unknown_fields_survive_a_read_modify_write_of_a_whole_number() {
    let sandbox = Sandbox::start().await.unwrap();
    let org = first_org(&sandbox).await;
    let trunks = result(&sandbox, "getSMSTrunks", json!({"orgid": org["id"]})).await;
    let mut front_desk = trunks[0].clone();
    assert_eq!(front_desk["number"], "18584376048");
    assert_eq!(front_desk[UNKNOWN_FIELD]["kept"], true);
    front_desk["name"] = json!("Front Desk (renamed)");
    let mut params = front_desk.clone();
    params["orgid"] = org["id"].clone();
    let (status, body) = rpc(&sandbox, "updateSMSTrunk", params).await;
    assert_eq!((status, body.as_str()), (200, ""));
    let after = result(&sandbox, "getSMSTrunks", json!({"orgid": org["id"]})).await;
    let stored = after
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == front_desk["id"])
        .unwrap();
    assert_eq!(
        *stored, front_desk,
        "the whole object comes back, unknown fields included"
    );
}

#[tokio::test]
async fn a_connection_address_is_a_host_and_port_string() {
    let sandbox = Sandbox::start().await.unwrap();
    let org = first_org(&sandbox).await;
    let branches = result(&sandbox, "getBranches", json!({"orgid": org["id"]})).await;
    assert_eq!(branches[0]["address"], "sip.harbordental.example:5060");
    assert!(
        branches
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b["address"].is_string())
    );
}

#[tokio::test]
async fn the_large_organization_answers_every_user_and_number_in_one_call() {
    let sandbox = Sandbox::start().await.unwrap();
    let orgs = result(&sandbox, "getOrganizations", json!({})).await;
    let summit = orgs
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Summit Health Network");
    let orgid = &summit.unwrap()["id"];
    let users = result(&sandbox, "getUsers", json!({"orgid": orgid})).await;
    let trunks = result(&sandbox, "getSMSTrunks", json!({"orgid": orgid})).await;
    assert_eq!(
        users.as_array().unwrap().len(),
        SUMMIT_USERS,
        "no pagination"
    );
    assert_eq!(trunks.as_array().unwrap().len(), SUMMIT_NUMBERS);
}

async fn integration_form(sandbox: &Sandbox, key: &str) -> (u16, String) {
    let response = transport::build_client()
        .unwrap()
        .get(format!("{}/integrations", sandbox.ringotel_url()))
        .bearer_auth(key)
        .query(&[("serviceid", "ThinQ"), ("state", "0"), ("profileid", "1")])
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_wrong_key_is_refused_with_401_or_inside_http_200_as_switched() {
    let sandbox = Sandbox::start().await.unwrap();
    let refused = |body: &str| {
        let answer: Value = serde_json::from_str(body).unwrap();
        answer["error"]["code"] == 401 && answer.get("result").is_none()
    };
    let (status, body) = rpc_with_key(&sandbox, "wrong", "getOrganizations", json!({})).await;
    assert!(
        status == 401 && refused(&body),
        "401 by default: {status} {body}"
    );
    let (status, body) = integration_form(&sandbox, "wrong").await;
    assert!(status == 401 && refused(&body), "{status} {body}");

    sandbox.set_auth_failure(AuthFailure::ErrorIn200);
    let (status, body) = rpc_with_key(&sandbox, "wrong", "getOrganizations", json!({})).await;
    assert!(status == 200 && refused(&body), "{status} {body}");
    let (status, body) = integration_form(&sandbox, "wrong").await;
    assert!(status == 200 && refused(&body), "{status} {body}");
    let (status, _) = rpc(&sandbox, "getOrganizations", json!({})).await;
    assert_eq!(status, 200, "the right key still works");
}

#[tokio::test]
async fn fault_rules_hit_only_their_method_at_about_their_rate_and_repeat_for_a_seed() {
    let sandbox = Sandbox::start().await.unwrap();
    let org = first_org(&sandbox).await;
    let run = |seed| {
        let sandbox = &sandbox;
        let org = &org;
        async move {
            sandbox.clear_faults();
            sandbox.seed_faults(seed);
            sandbox.add_fault_rule(sandbox::FaultRule {
                service: sandbox::Service::Ringotel,
                method: Some("getBranches".into()),
                rate: 0.3,
                faults: vec![sandbox::Fault::Status(503)],
            });
            let mut outcomes = Vec::new();
            for _ in 0..100 {
                let (status, _) = rpc(sandbox, "getBranches", json!({"orgid": org["id"]})).await;
                outcomes.push(status);
                let (other, _) = rpc(sandbox, "getOrganizations", json!({})).await;
                assert_eq!(other, 200, "other methods are untouched");
            }
            outcomes
        }
    };
    let first = run(7).await;
    let failed = first.iter().filter(|s| **s == 503).count();
    assert!(
        (15..=45).contains(&failed),
        "{failed} of 100 failed at a 30 % rate"
    );
    assert_eq!(run(7).await, first, "the same seed, the same faults");
    let log = sandbox.take_request_log();
    assert_eq!(log.len(), 401, "every request is logged with its method");
    assert_eq!(
        log.iter().filter(|r| r.method == "getBranches").count(),
        200
    );
}
