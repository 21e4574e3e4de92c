//! The Harbor job in one round, as a new administrator does it on the built-in Sandbox:
//! thinQ enabled, its 22 free DIDs imported into the draft, *Fix all* once, one Sync, and
//! every check passes — the drafted numbers were judged before they were sent.

use crate::readiness_flow::open_harbor_with_thinq;
use e2e::{AppSession, Home};

#[tokio::test]
async fn thinq_enabled_dids_imported_fix_all_and_one_sync_make_every_check_pass() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    open_harbor_with_thinq(&app).await;

    // Every DID the organization does not have yet, for the front desk's Ava.
    app.click("import-thinq-open").await;
    app.content_until("import-thinq", |t| t.contains("24 DIDs"))
        .await;
    app.click("dids-select-all").await;
    app.text_until("dids-count", |t| t.starts_with("22 selected"))
        .await;
    app.fill("users-filter", "Ava").await;
    app.click("users-select-all").await;
    app.click("import-add").await;
    app.text_until("numbers-drafted", |t| t.starts_with("22 drafted"))
        .await;

    // The Overview judges the drafted numbers too, and offers their fixes with the rest.
    app.click("tab-overview").await;
    app.content_until("check-didsSmsOn", |t| {
        t.contains("+1 858-437-6040 (new in the draft): SMS is off in thinQ")
    })
    .await;
    app.text_until("readiness-fix-all", |t| t == "Fix all (6)")
        .await;
    app.screenshot("41-readiness-with-drafted-numbers").await;
    app.click("readiness-fix-all").await;
    for check in [
        "connectionsSmsMode",
        "didsSmsOn",
        "inboundRouting",
        "deliveryUrl",
        "numbersUsers",
        "consistentFormats",
    ] {
        app.wait_for(&format!(
            "[data-testid='check-{check}'] [data-testid='fix-drafted']"
        ))
        .await;
    }
    app.screenshot("42-readiness-fix-all-drafted").await;

    app.click("readiness-review").await;
    app.content_until("changes-list", |t| t.contains("(858) 437-6040"))
        .await;
    app.click("sync").await;
    let result = app
        .text_until("sync-result", |t| t.contains("Sync finished"))
        .await;
    assert!(!result.contains("failed"), "{result}");

    app.click("tab-overview").await;
    app.text_until("readiness-summary", |t| t.contains("9 of 9 pass"))
        .await;
    app.content_until("check-didsSmsOn", |t| t.contains("24 DIDs with SMS on"))
        .await;
    app.screenshot("43-readiness-one-round-all-pass").await;
    app.close().await;
}
