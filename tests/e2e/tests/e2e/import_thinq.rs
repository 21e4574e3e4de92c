//! Import from thinQ in the real window: fifty DIDs of the organization's thinQ account picked
//! with one Select all and added to the draft in one step.

use crate::sync_flow::open_harbor;
use e2e::{AppSession, Home};
use sandbox::world::Did;
use sandbox::{Sandbox, demo_thinq_accounts};

/// Enables thinQ for the open organization with the first demo account's credentials, and waits
/// for the Numbers tab the save lands on.
pub(crate) async fn save_thinq_credentials(app: &AppSession) {
    let demo = demo_thinq_accounts()[0];
    app.click("tab-integrations").await;
    app.click("enable-thinq").await;
    app.fill("accountId", demo.account_id).await;
    app.fill("username", demo.username).await;
    app.fill("token", demo.token).await;
    app.click("save-thinq").await;
    app.by_testid("numbers-table").await;
}

#[tokio::test]
async fn an_admin_imports_fifty_dids_from_thinq_in_one_step() {
    let ringotel = Sandbox::start().await.unwrap();
    let demo = demo_thinq_accounts()[0];
    ringotel.with_world(|world| {
        let account = world.thinq_account_mut(demo.account_id).unwrap();
        account.dids.extend((0..50).map(|i| Did {
            id: format!("1442555{:04}", 100 + i),
            sms: i % 4 != 0,
            cnam: false,
            e911: false,
            routing_profile_id: None,
        }));
    });
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    open_harbor(&app, &ringotel).await;

    // The account's settings are saved first: Import reads thinQ with them.
    save_thinq_credentials(&app).await;

    app.click("import-thinq-open").await;
    app.content_until("import-thinq", |t| t.contains("74 DIDs"))
        .await;
    app.fill("dids-filter", "442").await;
    app.click("dids-select-all").await;
    app.text_until("dids-count", |t| t.starts_with("50 selected"))
        .await;
    app.fill("users-filter", "Ava").await;
    app.click("users-select-all").await;
    app.screenshot("25-import-from-thinq").await;
    app.click("import-add").await;
    app.text_until("numbers-drafted", |t| t.starts_with("50 drafted"))
        .await;
    // The table renders the rows in view: the first imported ones.
    app.content_until("numbers-table", |t| t.contains("(442) 555-0100"))
        .await;
    app.screenshot("26-imported-numbers").await;
    app.close().await;
}
