//! Diagnostics in the real window: after thinQ is enabled and the checks run on the Sandbox
//! (which answers only as the published examples show), the Overview says what a contradicted
//! assumption changes, the Diagnostics screen lists every verdict, and the shape report is
//! saved where the admin chooses in the system's own save dialog — holding no secret.

use e2e::{AppSession, FileDialog, Home, answer_file_dialog};
use sandbox::{DEMO_API_KEY, demo_thinq_accounts};

#[tokio::test]
async fn diagnostics_show_each_verdict_and_save_a_shape_report_with_no_secret() {
    let home = Home::new();
    let demo = demo_thinq_accounts()[0];
    let app = AppSession::start(&home, &[]).await;
    app.click_row("org-row", "Harbor Dental Group").await;
    app.click("tab-integrations").await;
    app.click("enable-thinq").await;
    app.click("use-portal-webhook").await;
    app.text_until("webhookUrl-hint", |t| t.contains("you pasted"))
        .await;
    app.fill("accountId", demo.account_id).await;
    app.fill("username", demo.username).await;
    app.fill("token", demo.token).await;
    app.click("save-thinq").await;
    app.by_testid("numbers-table").await;
    // The Integrations tab says Ringotel's answers carry no webhook URL.
    app.click("tab-integrations").await;
    app.text_until("assumption-notice-webhookField", |t| {
        t.contains("does not report the thinQ webhook URL, so it is pasted here")
    })
    .await;

    app.click("tab-overview").await;
    app.text_until("readiness-summary", |t| t.contains("of 9 pass"))
        .await;
    app.text_until("assumption-notice-didRouting", |t| {
        t.contains("routing profile")
    })
    .await;
    app.click("notice-diagnostics").await;
    app.text_until("verdict-didRouting", |t| t == "contradicted")
        .await;
    assert_eq!(app.text("verdict-didSmsFlag").await, "confirmed");
    assert_eq!(app.text("verdict-organizationShape").await, "confirmed");
    assert_eq!(app.text("verdict-nestedUpdates").await, "not seen yet");
    let routing = app.text("assumption-didRouting").await;
    assert!(
        routing.contains("rows carry no sms_routing_profile_id"),
        "{routing}"
    );
    assert!(routing.contains("What the app does now"), "{routing}");
    // The log file a failure's next step may ask to send is named here.
    let log = app.text_until("log-file", |t| !t.is_empty()).await;
    assert!(log.contains("sms-admin.log"), "{log}");
    app.screenshot("36-diagnostics").await;

    // Save shape report…: the system's save dialog, answered as a person would.
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("harbor-shapes.json");
    app.click("save-shape-report").await;
    answer_file_dialog(FileDialog::Save, "Save shape report", &path).await;
    app.text_until("shape-report-saved", |t| t.contains("harbor-shapes.json"))
        .await;
    app.screenshot_at("37-shape-report-saved", "shape-report-saved")
        .await;
    let text = std::fs::read_to_string(&path).unwrap();
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        report["answers"]["ringotel"]["getSMSTrunks"].is_object(),
        "{text}"
    );
    for secret in [
        DEMO_API_KEY,
        demo.token,
        demo.username,
        demo.account_id,
        "Harbor",
    ] {
        assert!(!text.contains(secret), "the report holds {secret}");
    }
    app.close().await;
}
