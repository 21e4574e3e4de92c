//! With no keychain reachable, saving says why and offers this session only; nothing is written.

use crate::files_containing;
use e2e::{AppSession, Home};
use sandbox::demo_thinq_accounts;

#[tokio::test]
async fn without_a_session_bus_the_token_can_be_kept_for_this_session_only() {
    let home = Home::new();
    let demo = demo_thinq_accounts()[0];
    let app = AppSession::start(
        &home,
        &[("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")],
    )
    .await;

    app.click_row("org-row", "Harbor Dental Group").await;
    app.click("enable-thinq").await;
    app.fill("accountId", demo.account_id).await;
    app.fill("username", demo.username).await;
    app.fill("token", demo.token).await;
    app.click("save-thinq").await;

    let reason = app.text_until("keychain-reason", |t| !t.is_empty()).await;
    assert!(
        reason.contains("session bus"),
        "the cause is named: {reason}"
    );
    app.screenshot("10-keychain-unavailable").await;
    app.click("keep-for-session").await;
    app.by_testid("numbers-table").await;

    app.click("tab-integrations").await;
    let summary = app
        .text_until("thinq-saved-summary", |t| !t.is_empty())
        .await;
    assert!(summary.contains("kept for this session only"), "{summary}");
    app.close().await;
    assert!(
        files_containing(home.path(), demo.token).is_empty(),
        "a session-only token is never written"
    );
}
