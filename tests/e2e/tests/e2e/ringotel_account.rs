//! Adding a Ringotel account: a wrong key is refused at its field, the right one tested, saved
//! to the keychain, and its organizations shown.

use crate::files_containing;
use e2e::{AppSession, Home, answer_question};
use sandbox::{DEMO_API_KEY, Sandbox, demo_thinq_accounts};

#[tokio::test]
async fn an_admin_adds_a_ringotel_account_and_works_in_it() {
    // A Ringotel stand-in of its own, reached like a real account (a base URL and a key).
    let ringotel = Sandbox::start().await.unwrap();
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;

    app.click("workspace-switcher").await;
    app.click("add-workspace").await;
    app.fill("name", "Acme MSP").await;
    app.fill("baseUrl", "http://shell.ringotel.co").await;
    app.fill("apiKey", "wrong-key").await;
    app.click("save-workspace").await;
    app.text_until("baseUrl-problem", |t| t.contains("https://"))
        .await;

    app.fill("baseUrl", &ringotel.ringotel_url()).await;
    app.click("test-ringotel").await;
    app.text_until("apiKey-problem", |t| t.contains("401"))
        .await;
    app.fill("apiKey", DEMO_API_KEY).await;
    app.click("test-ringotel").await;
    app.text_until("ringotel-test-result", |t| t.contains("4 organizations"))
        .await;
    app.screenshot_at("12-add-ringotel-account", "ringotel-test-result")
        .await;

    // Both services of the account at the stand-in: its thinQ side too (Advanced).
    app.click("workspace-advanced").await;
    app.fill("thinqBaseUrl", "http://thinq.example").await;
    app.click("save-workspace").await;
    app.text_until("thinqBaseUrl-problem", |t| t.contains("https"))
        .await;
    app.fill("thinqBaseUrl", &ringotel.thinq_url()).await;
    app.click("save-workspace").await;
    app.text_until("active-workspace", |t| t == "Acme MSP")
        .await;
    app.text_until("orgs-as-of", |t| t.contains("4 in Acme MSP"))
        .await;
    app.screenshot("13-ringotel-account-organizations").await;

    // Ringotel's published answers carry no webhook URL: it is pasted from the portal.
    let demo = demo_thinq_accounts()[0];
    app.click_row("org-row", "Harbor Dental Group").await;
    app.click("integrations-refresh").await;
    app.click("enable-thinq").await;
    app.text_until("webhookUrl-hint", |t| t.contains("paste it here"))
        .await;
    app.fill("webhookUrl", "http://hooks.example/thinq").await;
    app.click("keep-webhook").await;
    app.text_until("webhookUrl-problem", |t| t.contains("https"))
        .await;
    app.fill("webhookUrl", "https://hooks.example/thinq/harbor")
        .await;
    app.click("keep-webhook").await;
    app.text_until("webhookUrl-hint", |t| t.contains("you pasted"))
        .await;

    // thinQ's Test connection goes to the account's own thinQ address; credentials it refuses
    // are not saved without asking.
    app.fill("accountId", demo.account_id).await;
    app.fill("username", demo.username).await;
    app.fill("token", "not-the-token").await;
    app.click("test-thinq").await;
    app.text_until("thinq-test-result", |t| t.contains("refused"))
        .await;
    app.click("save-thinq").await;
    app.by_testid("save-refused-anyway").await;
    app.screenshot("13b-save-refused-credentials").await;
    app.click("cancel-refused").await;
    app.fill("token", demo.token).await;
    app.click("test-thinq").await;
    app.text_until("thinq-test-result", |t| {
        t.contains(&format!("Connected to thinQ account {}", demo.account_id))
    })
    .await;
    app.screenshot("13a-ringotel-account-thinq-test").await;

    // Should the page ever ask to send the saved key to another address, the admin is asked
    // in a system dialog naming it, and "Don't send" means nothing reaches that address.
    let elsewhere = Sandbox::start().await.unwrap();
    let ask = format!(
        "return (async () => {{
            const invoke = window.__TAURI_INTERNALS__.invoke;
            const list = await invoke('list_workspaces');
            const id = list.workspaces.find(w => w.name === 'Acme MSP').id;
            const outcome = await invoke('test_ringotel_connection',
                {{ input: {{ baseUrl: '{}', apiKey: null, workspaceId: id }} }});
            return outcome.outcome;
        }})()",
        elsewhere.ringotel_url()
    );
    let (outcome, title) = tokio::join!(
        app.eval(&ask),
        answer_question("Send the saved API key", "Escape")
    );
    assert_eq!(outcome, "keyHeldBack");
    let host = elsewhere.ringotel_url();
    let host = host.trim_start_matches("http://");
    assert!(
        title.contains(host),
        "the dialog names the address: {title}"
    );
    assert!(
        elsewhere.take_request_log().is_empty(),
        "the saved key went nowhere"
    );
    app.close().await;

    let leaks = files_containing(home.path(), DEMO_API_KEY);
    assert!(
        leaks.is_empty(),
        "the API key must not be written to any file: {leaks:?}"
    );
}
