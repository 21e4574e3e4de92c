//! The number editor on an offline draft: add a number as people type it, assign users,
//! choose stickiness and formats, then restart with the sandbox unreachable and keep editing.

use e2e::{AppSession, FileDialog, Home, answer_file_dialog};

/// Set to start the app with its Sandbox services stopped, as if the network were gone.
const OFFLINE: (&str, &str) = ("SMSADMIN_SANDBOX_OFFLINE", "1");

#[tokio::test]
async fn an_admin_drafts_a_number_and_keeps_editing_it_with_the_sandbox_unreachable() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("org-title", |t| t == "Harbor Dental Group")
        .await;
    app.click("tab-numbers").await;
    app.by_testid("numbers-table").await;
    app.click("add-number").await;
    app.by_testid("number-editor").await;

    // The number as people type it, normalized as they type.
    app.fill("number", "(858) 437-6047").await;
    app.text_until("number-hint", |t| {
        t.contains("18584376047") && t.contains("(858) 437-6047")
    })
    .await;
    // A number the organization already has is refused at the field.
    app.fill("number", "858-437-6048").await;
    app.text_until("number-problem", |t| t.contains("already an SMS number"))
        .await;
    app.fill("number", "+1 (858) 437-6047").await;
    app.text_until("number-hint", |t| t.contains("18584376047"))
        .await;
    app.fill("displayName", "Harbor Front Desk 2").await;
    app.screenshot_at("14a-number-typed", "number").await;

    // Users: search, Select all of the filtered set, a visible count.
    app.fill("users-filter", "Ava").await;
    app.click("users-select-all").await;
    app.text_until("users-count", |t| t.starts_with("2 selected"))
        .await;
    app.fill("users-filter", "").await;
    // The keyboard alone: ArrowDown from the search into the list, Space toggles the row.
    let filter = app.by_testid("users-filter").await;
    filter.send_keys("\u{E015}").await.unwrap();
    let list = app.client.active_element().await.unwrap();
    list.send_keys(" ").await.unwrap();
    app.text_until("users-count", |t| t.starts_with("1 selected"))
        .await;
    list.send_keys(" ").await.unwrap();
    app.text_until("users-count", |t| t.starts_with("2 selected"))
        .await;

    // Stickiness and formats, with the live example.
    app.select("stickiness", "86400").await;
    app.select("inbound-format", "national").await;
    app.select("outbound-format", "e164").await;
    app.text_until("example-verdict", |t| t.contains("second chat"))
        .await;
    app.select("outbound-format", "national").await;
    app.text_until("example-outbound", |t| t == "8584376047")
        .await;
    app.text_until("example-verdict", |t| t.contains("same chat"))
        .await;
    app.screenshot_at("14-number-editor", "format-example")
        .await;

    app.click("save-number").await;
    let row = app
        .wait_for("[data-testid='number-row'][data-number='18584376047']")
        .await;
    // The whole row's text: cells clipped to one line still hold all of it.
    let text = row.prop("textContent").await.unwrap().unwrap_or_default();
    assert!(text.contains("Draft: new"), "{text}");
    assert!(
        text.contains("1 day") && text.contains("National"),
        "{text}"
    );
    app.screenshot("15-numbers-with-draft").await;
    app.close().await;

    // Restart with the sandbox unreachable: the saved organization and the draft are there.
    let app = AppSession::start(&home, &[OFFLINE]).await;
    app.by_testid("orgs-offline").await;
    // The Sandbox's services are the app's own: the way forward is not the admin's network.
    app.text_until("orgs-offline-next", |t| t.contains("Restart the app"))
        .await;
    app.click_row("org-row", "Harbor Dental Group").await;
    app.by_testid("org-offline").await;
    app.text_until("org-title", |t| t == "Harbor Dental Group")
        .await;
    // The Integrations tab shows the card as last fetched, marked offline.
    app.by_testid("integrations-offline").await;
    app.text_until("thinq-state", |t| t == "Disabled").await;
    app.screenshot("16a-integrations-offline").await;
    app.click("tab-numbers").await;
    let row = app.click_in_number_row("18584376047", "edit-number").await;
    assert!(row.contains("Draft: new"), "{row}");
    app.text_until("users-count", |t| t.starts_with("2 selected"))
        .await;
    app.fill("displayName", "Harbor Front Desk (offline edit)")
        .await;
    app.click("save-number").await;
    app.content_until("numbers-table", |t| {
        t.contains("Harbor Front Desk (offline edit)")
    })
    .await;
    app.screenshot("16-offline-edit").await;
    app.close().await;
}

#[tokio::test]
async fn a_draft_leaves_and_comes_back_only_through_the_systems_file_dialogs() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    // The page itself cannot open a file dialog (so it can never name a path): the capability
    // allows the app's own commands, and those open the dialogs.
    let asked = app
        .eval(
            "return window.__TAURI_INTERNALS__.invoke('plugin:dialog|open', { options: {} })\
             .then(() => 'opened', e => 'refused: ' + e)",
        )
        .await;
    let asked = asked.as_str().unwrap_or_default();
    assert!(
        asked.starts_with("refused: ") && asked.contains("not allowed"),
        "{asked}"
    );

    app.click_row("org-row", "Harbor Dental Group").await;
    app.click("tab-numbers").await;
    app.by_testid("numbers-table").await;
    app.click("add-number").await;
    app.fill("number", "858-437-6047").await;
    app.text_until("number-hint", |t| t.contains("18584376047"))
        .await;
    app.fill("displayName", "Front desk 2").await;
    app.click("save-number").await;
    let drafted = "[data-testid='number-row'][data-number='18584376047']";
    app.wait_for(drafted).await;

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("harbor-draft.json");
    app.click("export-draft").await;
    answer_file_dialog(FileDialog::Save, "Export draft", &file).await;
    // Read once the whole file is there: it is created before it is written.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let text = loop {
        let read = std::fs::read_to_string(&file).unwrap_or_default();
        if serde_json::from_str::<serde_json::Value>(&read).is_ok() {
            break read;
        }
        assert!(std::time::Instant::now() < deadline, "no draft written");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(text.contains("Front desk 2"), "{text}");
    assert!(!text.contains(sandbox::DEMO_API_KEY), "no key in an export");

    app.click("tab-changes").await;
    app.click("discard-draft").await;
    app.click("confirm-discard-button").await;
    app.text_until("changes-summary", |t| t.starts_with("0 drafted changes"))
        .await;
    app.click("tab-numbers").await;
    app.by_testid("numbers-table").await;
    app.click("import-draft").await;
    answer_file_dialog(FileDialog::Open, "Import draft", &file).await;
    let row = app.wait_for(drafted).await;
    let text = row.prop("textContent").await.unwrap().unwrap_or_default();
    assert!(text.contains("Draft: new"), "{text}");
    app.screenshot("15b-draft-imported").await;
    app.close().await;
}
