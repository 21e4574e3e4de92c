//! A failure says what to do next, and offers Try again only where doing the same again can
//! help: a service that cannot be reached, against settings that must be saved first.

use e2e::{AppSession, Home};
use fantoccini::Locator;

/// Whether anything in the page carries `testid` now.
async fn present(app: &AppSession, testid: &str) -> bool {
    !app.client
        .find_all(Locator::Css(&format!("[data-testid='{testid}']")))
        .await
        .unwrap()
        .is_empty()
}

#[tokio::test]
async fn a_failure_says_what_to_do_next_and_try_again_only_where_it_can_help() {
    // Ringotel out of reach, nothing saved yet: the list cannot be shown.
    let home = Home::new();
    let app = AppSession::start(&home, &[("SMSADMIN_SANDBOX_OFFLINE", "1")]).await;
    let said = app.text_until("orgs-problem", |t| !t.is_empty()).await;
    assert!(said.contains("could not be reached"), "{said}");
    let next = app.text("orgs-problem-next").await;
    assert!(next.contains("network connection"), "{next}");
    app.screenshot("19-problem-with-next-step").await;
    // Trying again asks again (and fails again, the service still out of reach).
    app.click("orgs-problem-retry").await;
    app.text_until("orgs-problem-next", |t| t.contains("network connection"))
        .await;
    app.close().await;

    // Reachable, but Import from thinQ needs the account's settings saved first: saying so is
    // the way forward, and the same press again could not help.
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("org-title", |t| t == "Harbor Dental Group")
        .await;
    app.click("tab-numbers").await;
    app.click("import-thinq-open").await;
    let next = app
        .text_until("import-problem-next", |t| !t.is_empty())
        .await;
    assert!(next.contains("Integrations tab"), "{next}");
    assert!(
        !present(&app, "import-problem-retry").await,
        "no Try again where trying again cannot help"
    );
    app.close().await;
}
