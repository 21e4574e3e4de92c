//! One app at a time: starting it again hands over to the running window and exits, so two
//! windows never write the same draft.

use e2e::{AppSession, Home, app_binary};
use std::process::Command;
use std::time::{Duration, Instant};

#[tokio::test]
async fn a_second_start_exits_and_leaves_the_first_window_working() {
    let home = Home::new();
    let app = AppSession::start(&home, &[]).await;
    app.text_until("org-row", |t| !t.is_empty()).await;

    let mut second = Command::new(app_binary())
        .envs(home.env())
        .spawn()
        .expect("the app binary starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = second.kill();
            panic!("a second instance kept running beside the first");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(
        status.success(),
        "the second start hands over and exits cleanly: {status}"
    );

    // The first window still answers.
    app.click_row("org-row", "Harbor Dental Group").await;
    app.text_until("org-title", |t| t == "Harbor Dental Group")
        .await;
    app.close().await;
}
