//! The sandbox as a server: loopback only, the envelope on the wire, validation, persistence.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

use sandbox::{DEMO_API_KEY, Sandbox};
use serde_json::{Value, json};

async fn rpc(sandbox: &Sandbox, method: &str, params: Value) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(format!("{}/api", sandbox.ringotel_url()))
        .bearer_auth(DEMO_API_KEY)
        .json(&json!({"method": method, "params": params}))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
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
               "country": "US", "inboundFormat": "e164", "outboundFormat": "national", "sessionTimeout": 0})
    };
    let (status, created) = rpc(&sandbox, "createSMSTrunk", trunk("+18584376041")).await;
    assert_eq!(status, 200);
    assert!(serde_json::from_str::<Value>(&created).unwrap()["result"]["id"].is_string());
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
