//! Readiness in the real window, on the built-in Sandbox: Harbor's seeded problems found on
//! both sides, every fix drafted from the Overview tab, sent through Changes, and every check
//! passing after.

use e2e::{AppSession, Home};
use sandbox::demo_thinq_accounts;

/// The checks the seeded Harbor does not pass once its thinQ settings are saved: four fail, and
/// two are unknown until the app sets them (thinQ's published answers show neither a DID's
/// routing profile nor the delivery URL).
const FIXED: [&str; 6] = [
    "connectionsSmsMode",
    "didsSmsOn",
    "inboundRouting",
    "deliveryUrl",
    "numbersUsers",
    "consistentFormats",
];

async fn outcome(app: &AppSession, check: &str) -> String {
    let line = app.by_testid(&format!("check-{check}")).await;
    line.attr("data-outcome").await.unwrap().unwrap_or_default()
}

/// Enables Harbor's thinQ card with the demo account's settings and the portal's webhook URL.
async fn save_thinq(app: &AppSession) {
    let demo = demo_thinq_accounts()[0];
    app.click("tab-integrations").await;
    app.click("enable-thinq").await;
    app.by_testid("thinq-panel").await;
    app.fill("accountId", demo.account_id).await;
    app.fill("username", demo.username).await;
    app.fill("token", demo.token).await;
    // The webhook URL as the simulated portal shows it: Ringotel does not report it.
    app.click("use-portal-webhook").await;
    app.text_until("webhookUrl-hint", |t| t.contains("you pasted"))
        .await;
    app.click("save-thinq").await;
    app.by_testid("numbers-table").await;
}

/// Opens Harbor from the organization list and saves its thinQ settings.
pub(crate) async fn open_harbor_with_thinq(app: &AppSession) {
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("org-title", |t| t == "Harbor Dental Group")
        .await;
    save_thinq(app).await;
}

#[tokio::test]
async fn readiness_finds_harbors_problems_and_its_fixes_make_every_check_pass() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    open_harbor_with_thinq(&app).await;

    app.click("tab-overview").await;
    app.text_until("readiness-summary", |t| t.contains("3 of 9 pass"))
        .await;
    for check in FIXED {
        let seen = outcome(&app, check).await;
        let expected = if matches!(check, "deliveryUrl" | "inboundRouting") {
            "unknown"
        } else {
            "fail"
        };
        assert_eq!(seen, expected, "{check}");
    }
    app.content_until("check-inboundRouting", |t| {
        t.contains("does not say which routing profile")
    })
    .await;
    // What a contradicted assumption changes is said on the tab, with the way to Diagnostics.
    app.text_until("assumption-notice-didRouting", |t| {
        t.contains("rests on what this app set")
    })
    .await;
    app.screenshot("27-readiness-failures").await;

    // Each fix goes into the draft.
    for check in FIXED {
        let line = format!("[data-testid='check-{check}']");
        app.wait_for(&format!("{line} [data-testid='fix']"))
            .await
            .click()
            .await
            .unwrap();
        app.wait_for(&format!("{line} [data-testid='fix-drafted']"))
            .await;
    }
    app.screenshot("28-readiness-fixes-drafted").await;

    // Reviewed and sent through Changes: the setup changes first, then the numbers.
    app.click("readiness-review").await;
    app.by_testid("setup-changes").await;
    app.content_until("changes-list", |t| t.contains("Harbor Billing"))
        .await;
    app.screenshot("29-changes-with-setup").await;
    app.click("sync").await;
    let result = app
        .text_until("sync-result", |t| t.contains("Sync finished"))
        .await;
    assert!(!result.contains("failed"), "{result}");
    app.screenshot("30-sync-of-fixes").await;
    app.click("tab-history").await;
    app.by_testid("setup-history").await;
    app.screenshot("34-history-with-setup").await;

    // Every check passes now.
    app.click("tab-overview").await;
    app.text_until("readiness-summary", |t| t.contains("9 of 9 pass"))
        .await;
    app.content_until("check-inboundRouting", |t| t.contains("set from this app"))
        .await;
    app.screenshot("31-readiness-all-pass").await;

    // The organization list shows the last result.
    app.click("nav-organizations").await;
    app.content_until("org-list", |t| t.contains("Readiness 9/9"))
        .await;
    app.screenshot("35-organizations-with-readiness").await;
    app.close().await;
}

#[tokio::test]
async fn an_essentials_organization_drafts_pro_only_after_the_cost_is_confirmed() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    app.click_row("org-row", "Bluebird Café").await;
    app.text_until("org-title", |t| t == "Bluebird Café").await;
    app.click("tab-connections").await;
    app.text_until("package-notice", |t| t.contains("billable"))
        .await;

    // Cancel drafts nothing; confirming drafts the move.
    app.click("move-to-pro").await;
    app.text_until("confirm-pro", |t| t.contains("billable change"))
        .await;
    app.screenshot("32-confirm-pro").await;
    app.click("confirm-pro-cancel").await;
    let open = app
        .eval("return document.querySelector('[data-testid=confirm-pro]').open")
        .await;
    assert_eq!(open, false, "Cancel closes the dialog");
    app.click("move-to-pro").await;
    app.click("confirm-pro-button").await;
    app.by_testid("pro-drafted").await;

    // The connection's switch is drafted too; both wait in Changes.
    app.click("switch-sms").await;
    app.by_testid("switch-drafted").await;
    app.screenshot("33-connections-drafted").await;
    app.click("tab-changes").await;
    let setup = app
        .content_until("setup-changes", |t| t.contains("Main Street"))
        .await;
    assert!(setup.contains("Essentials → Pro"), "{setup}");
    app.click("sync").await;
    let result = app
        .text_until("sync-result", |t| t.contains("Sync finished"))
        .await;
    assert!(result.contains("2 changes made"), "{result}");
    app.click("tab-connections").await;
    app.text_until("connections-table", |t| t.contains("Ready for thinQ"))
        .await;
    app.close().await;
}
