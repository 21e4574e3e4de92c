//! *Check all* in the real window on the built-in Sandbox: every organization checked from the
//! list, *Not ready* filtered, one opened from its readiness and fixed, synced, and the list
//! then showing it ready; the report exported as CSV holds what the list shows, and the fixes of
//! a chosen organization are drafted with its billable one left out unless ticked.

use crate::readiness_flow::open_harbor_with_thinq;
use e2e::{AppSession, FileDialog, Home, answer_file_dialog};

/// The `org-readiness` cell of the row showing `name`: its state.
async fn state_of(app: &AppSession, name: &str) -> String {
    let script = format!(
        "const row = [...document.querySelectorAll('.org')].find(r => r.textContent.includes({name:?})); \
         return row ? row.querySelector('[data-testid=org-readiness]').dataset.state : null;"
    );
    app.eval(&script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Waits (at most 20 s) for a toast whose text contains `text`.
async fn toast_saying(app: &AppSession, text: &str) {
    let script = format!(
        "return [...document.querySelectorAll('[data-testid=toast]')].some(t => t.textContent.includes({text:?}));"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.eval(&script).await != serde_json::Value::Bool(true) {
        assert!(
            std::time::Instant::now() < deadline,
            "no toast said {text:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn check_all_filter_not_ready_fix_one_and_the_list_shows_it_ready() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    // Harbor was set up from this app before: its thinQ settings are saved.
    open_harbor_with_thinq(&app).await;
    app.click("nav-organizations").await;
    app.by_testid("org-list").await;

    app.click("check-all").await;
    app.text_until("check-all-summary", |t| t.starts_with("Checked"))
        .await;
    assert_eq!(state_of(&app, "Harbor Dental Group").await, "notReady");
    app.select("org-filter", "notReady").await;
    let list = app
        .content_until("org-list", |t| t.contains("Harbor Dental Group"))
        .await;
    assert!(list.contains("Not ready"), "{list}");
    app.screenshot("44-check-all-not-ready").await;

    // The report file holds what the list shows.
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("readiness.csv");
    app.click("export-csv").await;
    answer_file_dialog(FileDialog::Save, "Export readiness report", &file).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let csv = loop {
        let read = std::fs::read_to_string(&file).unwrap_or_default();
        if read.contains("Summit Health Network") {
            break read;
        }
        assert!(std::time::Instant::now() < deadline, "no report written");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(
        csv.lines().any(|l| l.starts_with("Harbor Dental Group,")
            && l.contains(",Not ready,Connections use SMS via Integrations,Fail,")),
        "{csv}"
    );

    // Bluebird's free fixes are drafted; moving it to Pro is listed and left out.
    app.select("org-filter", "all").await;
    let boxes = "[data-testid='org-select']";
    app.wait_for(boxes).await;
    app.eval(
        "[...document.querySelectorAll('.org')].find(r => r.textContent.includes('Bluebird Café')) \
         .querySelector('[data-testid=org-select]').click(); return null;",
    )
    .await;
    app.click("draft-selected-open").await;
    app.content_until("draft-selected-billable", |t| {
        t.contains("Bluebird Café: Move to Pro")
    })
    .await;
    app.screenshot("45-draft-fixes-for-selected").await;
    app.click("draft-selected-confirm").await;
    toast_saying(&app, "Drafted 1 fix for 1 organization").await;

    // Harbor opened from its readiness, fixed, synced: the list shows it ready.
    app.select("org-filter", "notReady").await;
    app.eval(
        "[...document.querySelectorAll('.org')].find(r => r.textContent.includes('Harbor Dental Group')) \
         .querySelector('[data-testid=org-readiness]').click(); return null;",
    )
    .await;
    app.text_until("readiness-fix-all", |t| t.starts_with("Fix all"))
        .await;
    app.click("readiness-fix-all").await;
    app.click("readiness-review").await;
    app.click("sync").await;
    app.text_until("sync-result", |t| t.contains("Sync finished"))
        .await;
    app.click("tab-overview").await;
    app.text_until("readiness-summary", |t| t.contains("9 of 9 pass"))
        .await;
    app.click("nav-organizations").await;
    app.select("org-filter", "ready").await;
    app.content_until("org-list", |t| {
        t.contains("Harbor Dental Group") && t.contains("Ready · Readiness 9/9")
    })
    .await;
    app.screenshot("46-check-all-harbor-ready").await;
    app.close().await;
}
