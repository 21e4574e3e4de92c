//! A number's opt-out list in the real window: Harbor's front desk list read and searched, a
//! bad customer number named at its field, one customer added and one removed (each asked
//! first, naming the customer), sent by Sync, and the list read again.

use e2e::{AppSession, Home};

const FRONT_DESK: &str = "18584376048";

/// Clicks `testid` in the opt-out row of `customer`.
async fn in_row(app: &AppSession, customer: &str, testid: &str) {
    app.wait_for(&format!(
        "[data-testid='opt-out-row'][data-customer='{customer}'] [data-testid='{testid}']"
    ))
    .await
    .click()
    .await
    .unwrap();
}

#[tokio::test]
async fn an_admin_adds_and_removes_opt_outs_through_the_draft_and_sync() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("org-title", |t| t == "Harbor Dental Group")
        .await;
    app.click("tab-numbers").await;
    app.click_in_number_row(FRONT_DESK, "opt-outs-open").await;
    let list = app
        .content_until("opt-outs-list", |t| t.contains("+1 760-555-0123"))
        .await;
    assert!(
        list.contains("+1 619-555-0188") && list.contains("STOP"),
        "{list}"
    );
    app.fill("opt-outs-search", "760").await;
    let found = app
        .content_until("opt-outs-list", |t| !t.contains("619-555-0188"))
        .await;
    assert!(found.contains("760-555-0123"), "{found}");
    app.fill("opt-outs-search", "").await;

    // A number that is none is named at its field; nothing is drafted.
    app.fill("customer", "12").await;
    app.click("opt-out-add").await;
    app.click("confirm-opt-out-button").await;
    app.text_until("customer-problem", |t| t.contains("is not a"))
        .await;

    app.fill("customer", "(619) 555-0111").await;
    app.click("opt-out-add").await;
    app.text_until("confirm-opt-out", |t| t.contains("(619) 555-0111"))
        .await;
    app.click("confirm-opt-out-button").await;
    app.wait_for("[data-testid='opt-out-row'][data-customer='16195550111']")
        .await;
    in_row(&app, "17605550123", "opt-out-remove").await;
    app.text_until("confirm-opt-out", |t| {
        t.contains("+1 760-555-0123") && t.contains("re-subscribed")
    })
    .await;
    app.click("confirm-opt-out-button").await;
    app.content_until("opt-outs-list", |t| t.contains("Draft: remove"))
        .await;
    app.screenshot("47-opt-out-list-drafted").await;

    app.click("opt-outs-review").await;
    app.content_until("setup-changes", |t| {
        t.contains("Stop texts from +1 858-437-6048 to +1 619-555-0111")
    })
    .await;
    app.click("sync").await;
    let result = app
        .text_until("sync-result", |t| t.contains("Sync finished"))
        .await;
    assert!(!result.contains("failed"), "{result}");

    app.click("tab-numbers").await;
    app.click_in_number_row(FRONT_DESK, "opt-outs-open").await;
    app.click("opt-outs-refresh").await;
    let after = app
        .content_until("opt-outs-list", |t| {
            t.contains("+1 619-555-0111") && !t.contains("760-555-0123")
        })
        .await;
    assert!(!after.contains("Draft:"), "{after}");
    app.screenshot("48-opt-out-list-synced").await;
    app.close().await;
}
