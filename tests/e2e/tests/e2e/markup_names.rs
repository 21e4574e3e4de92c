//! Names as the services send them, markup and all, are shown as text: an organization, a user
//! and an SMS number named with an `<img onerror=…>` render as those very characters in every
//! view, and nothing they carry runs.

use crate::harbor;
use crate::sync_flow::add_acme_workspace;
use e2e::{AppSession, Home};
use sandbox::Sandbox;
use serde_json::json;

const MARKUP: &str = r#"<img src=x onerror="window.__markupRan=1">"#;

/// Fails when a name became markup: an image element made from it, or its script having run.
async fn nothing_ran(app: &AppSession, view: &str) {
    let seen = app
        .eval(
            "return [document.querySelectorAll('img[src=x]').length, \
             window.__markupRan === undefined ? 0 : 1]",
        )
        .await;
    assert_eq!(seen, json!([0, 0]), "in {view}: [images, scripts run]");
}

#[tokio::test]
async fn names_with_markup_render_as_text_in_every_view() {
    let ringotel = Sandbox::start().await.unwrap();
    let org_name = format!("Harbor Dental Group {MARKUP}");
    let user_name = format!("Ava {MARKUP}");
    let number_name = format!("Front {MARKUP}");
    let wire = ringotel.with_world(|world| {
        let org = harbor(world);
        org.org.insert("name".into(), org_name.clone().into());
        org.users[0].insert("name".into(), user_name.clone().into());
        org.trunks[0].insert("name".into(), number_name.clone().into());
        org.trunks[0]["number"].as_str().unwrap().to_owned()
    });
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    add_acme_workspace(&app, &ringotel).await;

    app.content_until("org-list", |t| t.contains(MARKUP)).await;
    nothing_ran(&app, "the Organizations list").await;
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("org-title", |t| t == org_name).await;
    nothing_ran(&app, "the Overview").await;

    app.click("tab-numbers").await;
    app.content_until("numbers-table", |t| {
        t.contains(&number_name) && t.contains(&user_name)
    })
    .await;
    nothing_ran(&app, "the Numbers tab").await;
    app.screenshot("40-markup-names-as-text").await;
    app.click_in_number_row(&wire, "edit-number").await;
    assert_eq!(app.value("displayName").await, number_name);
    app.content_until("number-editor", |t| t.contains(&user_name))
        .await;
    nothing_ran(&app, "the number editor").await;
    app.click("cancel-number").await;

    for tab in [
        "integrations",
        "changes",
        "history",
        "connections",
        "overview",
    ] {
        app.click(&format!("tab-{tab}")).await;
        app.text_until("org-title", |t| t == org_name).await;
        nothing_ran(&app, tab).await;
    }
    app.close().await;
}
