//! `sms-admin sandbox serve` as the app runs it: a child that announces where it listens, keeps
//! the world in the data folder, and ends when its standard input closes.

use engine::sandbox_process;
use std::path::Path;
use std::time::Duration;

/// Whether anything still accepts connections at `url`'s port.
async fn listening(url: &str) -> bool {
    let address = url.trim_start_matches("http://");
    let address = address.split('/').next().unwrap();
    tokio::net::TcpStream::connect(address).await.is_ok()
}

/// Waits (bounded) until nothing listens at `url`.
async fn closes(url: &str) -> bool {
    for _ in 0..100 {
        if !listening(url).await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test]
async fn the_app_s_sandbox_child_serves_both_services_and_ends_with_its_parent_s_pipe() {
    let data = tempfile::tempdir().unwrap();
    let program = Path::new(env!("CARGO_BIN_EXE_sms-admin"));
    let (process, endpoints) = sandbox_process::spawn(program, data.path()).await.unwrap();

    // The announced services answer, with the demo's key and accounts.
    let ringotel = endpoints.ringotel.as_str().to_owned();
    let thinq = endpoints.thinq.as_str().to_owned();
    assert!(ringotel.starts_with("http://127.0.0.1:"), "{ringotel}");
    assert!(listening(&ringotel).await && listening(&thinq).await);
    let demo = sandbox::demo_thinq_accounts();
    assert_eq!(endpoints.thinq_accounts.len(), demo.len());
    assert_eq!(endpoints.thinq_accounts[0].account_id, demo[0].account_id);
    assert_eq!(endpoints.api_key.expose(), sandbox::DEMO_API_KEY);
    assert_eq!(
        endpoints.portal_webhook("org-1"),
        sandbox::world::webhook_for("org-1")
    );
    // The world is kept in the data folder, as the in-process sandbox keeps it.
    assert!(data.path().join(engine::home::SANDBOX_STATE_FILE).is_file());

    // Dropping the handle closes the child's standard input: the child ends by itself.
    drop(process);
    assert!(closes(&ringotel).await, "Ringotel still answers");
    assert!(closes(&thinq).await, "thinQ still answers");
}

#[tokio::test]
async fn a_stopped_sandbox_child_has_closed_its_ports_when_stop_returns() {
    let data = tempfile::tempdir().unwrap();
    let program = Path::new(env!("CARGO_BIN_EXE_sms-admin"));
    let (process, endpoints) = sandbox_process::spawn(program, data.path()).await.unwrap();
    process.stop().await;
    assert!(!listening(endpoints.ringotel.as_str()).await);
}

#[tokio::test]
async fn a_missing_sandbox_program_is_named_in_the_error() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("no-such-sms-admin");
    let Err(error) = sandbox_process::spawn(&missing, data.path()).await else {
        panic!("a missing program started");
    };
    assert!(error.to_string().contains("no-such-sms-admin"), "{error}");
}
