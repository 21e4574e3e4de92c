//! First start to a saved thinQ integration, and the restart that finds it all still there.

use crate::{files_containing, harbor_org_id};
use e2e::{AppSession, Home};
use sandbox::demo_thinq_accounts;
use store::{Keychain, SecretName};

/// The debug build's keychain service name (release builds use another).
const APP_KEYCHAIN_SERVICE: &str = "ringotel-sms-admin-dev";

fn clipboard() -> String {
    let out = std::process::Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "xclip could not read the clipboard: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn an_admin_enables_thinq_in_the_sandbox_and_finds_it_after_a_restart() {
    let home = Home::new();
    let demo = demo_thinq_accounts()[0];
    let app = AppSession::start(&home, &[]).await;

    // First start: the Sandbox, labelled as simulated.
    assert_eq!(app.text("active-workspace").await, "Sandbox");
    assert_eq!(app.text("simulated-badge").await, "Simulated");
    app.by_testid("sandbox-notice").await;
    app.text_until("org-row", |t| !t.is_empty()).await;
    app.screenshot("01-organizations-first-start").await;

    // Organization → Integrations → thinQ card → Enable integration.
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("thinq-state", |t| t == "Disabled").await;
    app.screenshot("02-integrations-tab").await;
    app.click("enable-thinq").await;
    app.by_testid("thinq-panel").await;

    // Ringotel's published answers carry no webhook URL: it is pasted from the portal's card,
    // which in the Sandbox the hint shows.
    let hint = app.text("sandbox-portal-webhook").await;
    assert!(hint.contains("https://"), "{hint}");
    app.click("use-portal-webhook").await;
    app.text_until("webhookUrl-hint", |t| t.contains("you pasted"))
        .await;

    // Copy the webhook URL and read it back from the system clipboard.
    let webhook = app.value("webhookUrl").await;
    assert!(webhook.starts_with("https://"), "{webhook}");
    app.click("copy-webhook").await;
    app.text_until("copy-webhook", |t| t.contains("Copied"))
        .await;
    assert_eq!(
        clipboard(),
        webhook,
        "the clipboard holds exactly the webhook URL"
    );
    app.screenshot("03-thinq-settings-copied").await;

    // Inline validation names the field: the username typed where the Account ID belongs.
    app.fill("accountId", demo.username).await;
    app.fill("username", demo.username).await;
    app.text_until("accountId-problem", |t| t.contains("digits only"))
        .await;

    // A wrong token: thinQ's own words, at the token field.
    app.fill("accountId", demo.account_id).await;
    app.fill("token", "not-the-right-token").await;
    app.click("test-thinq").await;
    app.text_until("token-problem", |t| {
        t.contains("Invalid username or API token")
    })
    .await;
    app.screenshot_at("04-wrong-token", "token-problem").await;

    // The right token passes Test connection.
    app.fill("token", demo.token).await;
    app.click("test-thinq").await;
    app.text_until("thinq-test-result", |t| {
        t.contains("Connected to thinQ account 21458")
    })
    .await;
    app.screenshot_at("05-test-connection-passed", "thinq-test-result")
        .await;

    // Save & Continue goes to Numbers.
    app.click("save-thinq").await;
    app.by_testid("numbers-table").await;
    app.text_until("toast", |t| t.contains("thinQ integration enabled"))
        .await;
    app.screenshot("06-numbers-after-save").await;
    app.close().await;

    // The token is in the keychain and nowhere in the app's files.
    let keychain = Keychain::new(APP_KEYCHAIN_SERVICE);
    let name = SecretName::ThinqToken {
        workspace: store::tables::workspaces::sandbox_id(),
        org: domain::OrgId::parse(&harbor_org_id()).unwrap(),
    };
    let stored = keychain
        .load(&name)
        .unwrap()
        .expect("the token is in the keychain");
    assert_eq!(stored.expose(), demo.token);
    let leaks = files_containing(home.path(), demo.token);
    assert!(
        leaks.is_empty(),
        "the token must not be written to any file: {leaks:?}"
    );

    // Restart: the card is enabled and the settings are still there.
    let app = AppSession::start(&home, &[]).await;
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("thinq-state", |t| t == "Enabled").await;
    let summary = app.text("thinq-saved-summary").await;
    assert!(
        summary.contains("21458") && summary.contains(demo.username),
        "{summary}"
    );
    assert!(summary.contains("in the system keychain"), "{summary}");
    app.screenshot("07-after-restart").await;

    // Disabling asks first, and keeps the settings for enabling again.
    app.click("disable-thinq").await;
    app.by_testid("confirm-disable").await;
    app.screenshot("08-confirm-disable").await;
    app.click("confirm-disable-button").await;
    app.text_until("thinq-state", |t| t == "Disabled").await;
    app.click("enable-thinq").await;
    assert_eq!(app.value("accountId").await, demo.account_id);
    assert_eq!(
        app.value("token").await,
        "",
        "the token is never shown again"
    );
    app.screenshot_at("09-settings-after-disable", "token")
        .await;
    app.close().await;

    keychain.delete(&name).unwrap();
}
