//! A failure says what to do next, and offers Try again only where doing the same again can
//! help: settings that must be saved first, against a service out of reach for a moment.

use crate::import_thinq::save_thinq_credentials;
use crate::sync_flow::open_harbor;
use e2e::{AppSession, Home};
use fantoccini::Locator;
use sandbox::Sandbox;

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
    let services = Sandbox::start().await.unwrap();
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    open_harbor(&app, &services).await;

    // Import from thinQ needs the account's settings saved first: saying where is the way
    // forward, and the same press again could not help.
    app.click("import-thinq-open").await;
    let next = app
        .text_until("import-problem-next", |t| !t.is_empty())
        .await;
    assert!(next.contains("Integrations tab"), "{next}");
    assert!(
        !present(&app, "import-problem-retry").await,
        "no Try again where trying again cannot help"
    );
    app.click("import-back").await;

    save_thinq_credentials(&app).await;

    // thinQ out of reach for a moment: the step says what to check, and Try again, once the
    // network is back, reads the account's numbers after all.
    services.set_unreachable(true);
    app.click("import-thinq-open").await;
    let next = app
        .text_until("import-problem-next", |t| !t.is_empty())
        .await;
    assert!(next.contains("network connection"), "{next}");
    app.screenshot("19-problem-with-next-step").await;
    services.set_unreachable(false);
    app.click("import-problem-retry").await;
    app.content_until("import-summary", |t| t.contains("DIDs on thinQ account"))
        .await;
    app.close().await;
}
