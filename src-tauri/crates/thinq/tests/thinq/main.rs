//! The thinQ client against the sandbox over real loopback HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

use domain::{BaseUrl, Secret, ThinqSettingsInput};
use sandbox::{Fault, Sandbox, Service, demo_thinq_accounts};
use thinq::{ThinqClient, ThinqError};
use transport::RetryPolicy;

mod writes;

fn client(sandbox: &Sandbox, account: &str, username: &str, token: &str) -> ThinqClient {
    let creds = ThinqSettingsInput {
        account_id: account.into(),
        username: username.into(),
        token: Some(Secret::new(token)),
    }
    .validate(None)
    .expect("well-formed credentials");
    let base = BaseUrl::parse(&sandbox.thinq_url()).expect("loopback base");
    ThinqClient::new(transport::build_client().expect("http client"), base, creds)
        .with_retry_policy(RetryPolicy {
            first_delay: std::time::Duration::from_millis(20),
            ..RetryPolicy::default()
        })
}

#[tokio::test]
async fn the_right_credentials_pass_the_check_and_report_the_balance() {
    let sandbox = Sandbox::start().await.unwrap();
    let demo = demo_thinq_accounts()[0];
    let balance = client(&sandbox, demo.account_id, demo.username, demo.token)
        .check_credentials()
        .await
        .unwrap();
    assert_eq!(balance.0, Some(125.5));
}

#[tokio::test]
async fn a_wrong_token_is_unauthorized_with_thinqs_own_words() {
    let sandbox = Sandbox::start().await.unwrap();
    let demo = demo_thinq_accounts()[0];
    let err = client(&sandbox, demo.account_id, demo.username, "wrong-token")
        .check_credentials()
        .await
        .unwrap_err();
    assert!(matches!(err, ThinqError::Unauthorized { .. }), "{err:?}");
    assert!(
        err.server_message()
            .is_some_and(|m| m.contains("Invalid username or API token")),
        "{err}"
    );
}

#[tokio::test]
async fn someone_elses_account_is_403_and_a_missing_one_404() {
    let sandbox = Sandbox::start().await.unwrap();
    let [harbor, northwind] = demo_thinq_accounts();
    let other = client(
        &sandbox,
        northwind.account_id,
        harbor.username,
        harbor.token,
    )
    .check_credentials()
    .await
    .unwrap_err();
    assert!(
        matches!(other, ThinqError::AccountRefused { status: 403, .. }),
        "{other:?}"
    );
    let missing = client(&sandbox, "99999", harbor.username, harbor.token)
        .check_credentials()
        .await
        .unwrap_err();
    assert!(
        matches!(missing, ThinqError::AccountRefused { status: 404, .. }),
        "{missing:?}"
    );
}

#[tokio::test]
async fn dids_come_in_pages_with_their_sms_flag() {
    let sandbox = Sandbox::start().await.unwrap();
    let demo = demo_thinq_accounts()[0];
    let thinq = client(&sandbox, demo.account_id, demo.username, demo.token);
    let first = thinq.search_dids(1, 10).await.unwrap();
    assert_eq!(
        (first.total_rows, first.rows.len(), first.has_next_page),
        (Some(24), 10, true)
    );
    let last = thinq.search_dids(3, 10).await.unwrap();
    assert_eq!((last.rows.len(), last.has_next_page), (4, false));
    assert!(first.rows.iter().any(|d| d.sms_enabled() == Some(false)));
}

#[tokio::test]
async fn a_proxy_error_page_is_transient_and_readable() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Service::Thinq, Fault::HtmlBadGateway);
    let demo = demo_thinq_accounts()[0];
    let err = client(&sandbox, demo.account_id, demo.username, demo.token)
        .with_retry_policy(RetryPolicy::ONCE)
        .check_credentials()
        .await
        .unwrap_err();
    assert!(err.is_transient());
    assert!(err.to_string().contains("502 Bad Gateway"), "{err}");
}

#[tokio::test]
async fn a_read_is_retried_past_a_passing_fault() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Service::Thinq, Fault::HtmlBadGateway);
    sandbox.inject(Service::Thinq, Fault::ConnectionReset);
    let demo = demo_thinq_accounts()[0];
    let thinq = client(&sandbox, demo.account_id, demo.username, demo.token);
    assert!(thinq.check_credentials().await.is_ok());
    assert_eq!(sandbox.take_request_log().len(), 3);
}

#[tokio::test]
async fn a_closed_port_is_a_transport_error_not_a_panic() {
    let sandbox = Sandbox::start().await.unwrap();
    let demo = demo_thinq_accounts()[0];
    let thinq = client(&sandbox, demo.account_id, demo.username, demo.token);
    drop(sandbox);
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let err = thinq.check_credentials().await.unwrap_err();
    assert!(matches!(err, ThinqError::Transport { .. }), "{err:?}");
}
