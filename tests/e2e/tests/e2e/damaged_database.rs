//! A damaged database does not stop the app: it starts, says so, and keeps the file aside.

use e2e::{AppSession, Home};

#[tokio::test]
async fn a_damaged_database_is_set_aside_and_the_admin_is_told() {
    let home = Home::new();
    std::fs::create_dir_all(home.app_data()).unwrap();
    let database = home.app_data().join(store::DATABASE_FILE);
    std::fs::write(&database, b"definitely not SQLite").unwrap();

    let app = AppSession::start(&home, &[]).await;
    let notice = app
        .text_until("database-set-aside", |t| !t.is_empty())
        .await;
    assert!(
        notice.contains("damaged") && notice.contains("kept"),
        "{notice}"
    );
    app.text_until("org-row", |t| !t.is_empty()).await;
    app.screenshot("11-database-set-aside").await;
    app.close().await;

    let kept: Vec<_> = std::fs::read_dir(home.app_data())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read(kept[0].path()).unwrap(),
        b"definitely not SQLite"
    );
}
