//! Sync in the real window against a Ringotel stand-in the test controls: draft a new number
//! and an edit, review them in Changes, sync; resolve a conflict both ways; stop the service
//! mid-sync and finish after it is back.

use e2e::{AppSession, Home};
use sandbox::{DEMO_API_KEY, Sandbox};
use std::time::Duration;

/// Adds a Ringotel account whose two services are `ringotel`'s, and opens Harbor Dental
/// Group's Numbers tab.
pub async fn open_harbor(app: &AppSession, ringotel: &Sandbox) {
    add_acme_workspace(app, ringotel).await;
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("org-title", |t| t == "Harbor Dental Group")
        .await;
    app.click("tab-numbers").await;
    app.by_testid("numbers-table").await;
}

/// Adds the stand-in's account as workspace "Acme MSP" (both its services), which becomes active.
pub async fn add_acme_workspace(app: &AppSession, ringotel: &Sandbox) {
    app.click("workspace-switcher").await;
    app.click("add-workspace").await;
    app.fill("name", "Acme MSP").await;
    app.fill("baseUrl", &ringotel.ringotel_url()).await;
    app.fill("apiKey", DEMO_API_KEY).await;
    app.click("workspace-advanced").await;
    app.fill("thinqBaseUrl", &ringotel.thinq_url()).await;
    app.click("save-workspace").await;
    app.text_until("active-workspace", |t| t == "Acme MSP")
        .await;
}

async fn add_number(app: &AppSession, typed: &str, wire: &str, name: &str) {
    app.click("add-number").await;
    app.by_testid("number-editor").await;
    app.fill("number", typed).await;
    app.text_until("number-hint", |t| t.contains(wire)).await;
    app.fill("displayName", name).await;
    app.fill("users-filter", "Ava").await;
    app.click("users-select-all").await;
    app.text_until("users-count", |t| t.starts_with("2 selected"))
        .await;
    app.click("save-number").await;
    app.wait_for(&format!("[data-testid='number-row'][data-number='{wire}']"))
        .await;
}

async fn rename(app: &AppSession, wire: &str, name: &str) {
    app.click_in_number_row(wire, "edit-number").await;
    app.by_testid("number-editor").await;
    app.fill("displayName", name).await;
    app.click("save-number").await;
    app.content_until("numbers-table", |t| t.contains(name))
        .await;
}

/// The name Ringotel holds for the number `wire`, and how many numbers it has with that wire.
fn server_name(ringotel: &Sandbox, wire: &str) -> (Option<String>, usize) {
    ringotel.with_world(|world| {
        let harbor = crate::harbor(world);
        let found: Vec<_> = harbor
            .trunks
            .iter()
            .filter(|t| t["number"] == wire)
            .collect();
        (
            found
                .first()
                .and_then(|t| t["name"].as_str())
                .map(str::to_owned),
            found.len(),
        )
    })
}

pub(crate) fn rename_on_server(ringotel: &Sandbox, wire: &str, name: &str) {
    ringotel.with_world(|world| {
        let trunk = crate::harbor(world)
            .trunks
            .iter_mut()
            .find(|t| t["number"] == wire)
            .unwrap();
        trunk.insert("name".into(), name.into());
    });
}

const DESK: &str = "18584376048";

/// Renames the front desk here and in Ringotel, then syncs: the sync stops at the conflict.
async fn conflict_on_the_name(app: &AppSession, ringotel: &Sandbox, mine: &str, theirs: &str) {
    app.click("tab-numbers").await;
    rename(app, DESK, mine).await;
    rename_on_server(ringotel, DESK, theirs);
    app.click("tab-changes").await;
    // Sync is enabled once the tab has read the draft.
    app.text_until("changes-summary", |t| t.contains("drafted change"))
        .await;
    app.click("sync").await;
    app.text_until("changes-blocked", |t| t.contains("Nothing was sent"))
        .await;
    app.content_until("changes-list", |t| t.contains(mine) && t.contains(theirs))
        .await;
}

/// Resolves the name conflict with `choice` (`keep-mine`, `take-theirs`) and syncs again.
async fn choose(app: &AppSession, choice: &str, result: &str) {
    // By keyboard: the choice is a plain button that Enter presses.
    app.wait_for(&format!("[data-testid^='{choice}-'][data-testid$='-name']"))
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.text_until("changes-summary", |t| !t.contains("waiting"))
        .await;
    app.click("sync").await;
    app.text_until("sync-result", |t| t.contains(result)).await;
}

#[tokio::test]
async fn an_admin_reviews_syncs_resolves_conflicts_and_finishes_a_sync_cut_short() {
    let state = tempfile::tempdir().unwrap();
    let state_file = state.path().join("ringotel.json");
    let mut ringotel = Sandbox::start_persistent(&state_file).await.unwrap();
    let [ringotel_port, thinq_port] = ringotel.addresses().map(|a| a.port());
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    open_harbor(&app, &ringotel).await;

    // A new number and an edit, both in Changes field by field.
    add_number(&app, "(858) 437-6047", "18584376047", "Harbor Front Desk 2").await;
    rename(&app, DESK, "Reception").await;
    app.click("review-changes").await;
    app.content_until("changes-list", |t| {
        t.contains("Reception") && t.contains("Harbor Front Desk 2")
    })
    .await;
    app.text_until("changes-summary", |t| t.starts_with("2 drafted changes"))
        .await;
    app.screenshot("19-changes-before-sync").await;
    app.click("sync").await;
    app.text_until("sync-result", |t| t.contains("2 changes made"))
        .await;
    app.text_until("relogin-users", |t| t.contains("Ava")).await;
    app.by_testid("changes-empty").await;
    app.screenshot("20-after-sync").await;
    assert_eq!(server_name(&ringotel, DESK), (Some("Reception".into()), 1));
    assert_eq!(server_name(&ringotel, "18584376047").1, 1);

    // The same field changed in Ringotel meanwhile: nothing is sent until the admin decides.
    conflict_on_the_name(&app, &ringotel, "Mine", "Theirs").await;
    app.screenshot("21-conflict").await;
    choose(&app, "keep-mine", "1 change made").await;
    assert_eq!(server_name(&ringotel, DESK).0.as_deref(), Some("Mine"));

    // Again, and this time Ringotel's value wins: nothing to send, the draft follows it.
    conflict_on_the_name(&app, &ringotel, "Mine again", "Theirs again").await;
    choose(&app, "take-theirs", "0 changes made").await;
    assert_eq!(
        server_name(&ringotel, DESK).0.as_deref(),
        Some("Theirs again")
    );

    // The service goes away in the middle of a sync, and comes back.
    app.click("tab-numbers").await;
    add_number(&app, "619-555-0140", "16195550140", "Clinic Line 1").await;
    add_number(&app, "619-555-0141", "16195550141", "Clinic Line 2").await;
    app.click("tab-changes").await;
    app.text_until("changes-summary", |t| t.starts_with("2 drafted changes"))
        .await;
    ringotel.set_latency(Duration::from_millis(1500));
    app.click("sync").await;
    app.text_until("sync-progress", |t| t.contains("of 2"))
        .await;
    // The network goes: the calls in flight are lost, then the service stops.
    ringotel.set_unreachable(true);
    drop(ringotel);
    app.text_until("sync-result", |t| t.contains("2 failed"))
        .await;
    app.screenshot("22-sync-cut-short").await;
    ringotel = Sandbox::start_persistent_on(&state_file, ringotel_port, thinq_port)
        .await
        .unwrap();
    app.click("retry-failed").await;
    app.text_until("sync-result", |t| {
        t.contains("Sync finished") && !t.contains("failed")
    })
    .await;
    app.by_testid("changes-empty").await;
    app.screenshot("23-sync-finished-after-outage").await;
    for wire in ["16195550140", "16195550141"] {
        assert_eq!(server_name(&ringotel, wire).1, 1, "{wire} exactly once");
    }
    app.click("tab-history").await;
    app.content_until("history", |t| t.contains("Clinic") || t.contains("619"))
        .await;
    app.screenshot("24-history").await;
    app.close().await;
}
