//! A Ringotel key that stops working: the refusal says where to give the workspace a new one,
//! and Replace key… does it in place, tested first, without adding the workspace again.

use crate::files_containing;
use e2e::{AppSession, Home};
use sandbox::{DEMO_API_KEY, Sandbox};

#[tokio::test]
async fn a_refused_key_is_replaced_where_the_next_step_says() {
    let ringotel = Sandbox::start().await.unwrap();
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;

    // Saved without a test: the key is one Ringotel no longer accepts.
    app.click("workspace-switcher").await;
    app.click("add-workspace").await;
    app.fill("name", "Acme MSP").await;
    app.fill("baseUrl", &ringotel.ringotel_url()).await;
    app.fill("apiKey", "revoked-key").await;
    app.click("save-workspace").await;
    let next = app.text_until("orgs-problem-next", |t| !t.is_empty()).await;
    assert!(next.contains("Replace key"), "{next}");

    app.click("workspace-switcher").await;
    app.click("replace-key").await;
    app.fill("newApiKey", "still-wrong").await;
    app.click("test-new-key").await;
    app.text_until("newApiKey-problem", |t| t.contains("401"))
        .await;
    app.fill("newApiKey", DEMO_API_KEY).await;
    app.click("test-new-key").await;
    app.text_until("replace-key-result", |t| t.contains("4 organizations"))
        .await;
    app.screenshot_at("20-replace-key", "replace-key-dialog")
        .await;
    app.click("save-new-key").await;
    app.text_until("toast", |t| t.contains("API key of “Acme MSP” replaced"))
        .await;

    app.click("nav-organizations").await;
    app.text_until("orgs-as-of", |t| t.contains("4 in Acme MSP"))
        .await;
    app.close().await;

    let leaks = files_containing(home.path(), DEMO_API_KEY);
    assert!(leaks.is_empty(), "the API key is in {leaks:?}");
}
