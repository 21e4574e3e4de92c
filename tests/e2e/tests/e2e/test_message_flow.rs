//! *Send a test message* in the real window on the built-in Sandbox: a thinQ number and a
//! phone picked, the real-text warning confirmed, both legs followed to "Inbound reached
//! Ringotel", and the Overview then saying when texts were last verified end to end.

use crate::readiness_flow::open_harbor_with_thinq;
use e2e::{AppSession, Home};

#[tokio::test]
async fn a_test_message_goes_both_ways_and_the_overview_says_when() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    open_harbor_with_thinq(&app).await;
    app.click("tab-overview").await;
    app.text_until("last-verified", |t| {
        t.contains("Not verified end to end yet")
    })
    .await;

    app.click("test-message-open").await;
    app.select("test-message-from", "18584376048").await;
    app.fill("test-to", "619-555-0100").await;
    app.fill("test-wait", "60").await;
    app.click("test-message-next").await;
    app.text_until("test-message-confirm", |t| {
        t.contains("real text") && t.contains("619-555-0100")
    })
    .await;
    app.click("test-message-send").await;
    app.wait_for("[data-testid='leg-delivered'][data-state='passed']")
        .await;
    app.wait_for("[data-testid='leg-reply'][data-state='passed']")
        .await;
    let result = app
        .text_until("test-message-result", |t| !t.is_empty())
        .await;
    assert!(result.contains("Texts flow both ways"), "{result}");
    app.text_until("test-message-reports", |t| t.contains("DELIVRD"))
        .await;
    app.screenshot("49-test-message-both-ways").await;
    app.click("test-message-done").await;
    app.text_until("last-verified", |t| t.contains("Last verified end to end"))
        .await;

    app.click("tab-history").await;
    app.content_until("test-history", |t| t.contains("Went both ways"))
        .await;
    app.close().await;
}
