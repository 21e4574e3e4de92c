//! The Ringotel client against the sandbox over real loopback HTTP: every envelope case on the wire.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

use domain::OrgId;
use domain::{BaseUrl, Secret, ServiceId, ThinqCredentials, ThinqSettingsInput};
use ringotel::{IntegrationForm, RingotelClient, RingotelError};
use sandbox::{
    AuthFailure, DEMO_API_KEY, Fault, Sandbox, Service, WireSwitch, WireVariant,
    demo_thinq_accounts,
};
use std::time::{Duration, Instant};
use transport::RetryPolicy;

mod trunks;

fn client(sandbox: &Sandbox, key: &str) -> RingotelClient {
    let base = BaseUrl::parse(&sandbox.ringotel_url()).expect("loopback base");
    RingotelClient::new(
        transport::build_client().expect("http client"),
        base,
        Secret::new(key),
    )
    .with_retry_policy(quick_retries())
}

/// The default policy with short waits, so retry tests stay quick.
fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        first_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(100),
        ..RetryPolicy::default()
    }
}

fn demo_credentials() -> ThinqCredentials {
    let demo = demo_thinq_accounts()[0];
    ThinqSettingsInput {
        account_id: demo.account_id.into(),
        username: demo.username.into(),
        token: Some(Secret::new(demo.token)),
    }
    .validate(None)
    .unwrap()
}

async fn harbor(client: &RingotelClient) -> OrgId {
    let orgs = client.get_organizations().await.unwrap();
    orgs.into_iter()
        .find(|o| o.name == "Harbor Dental Group")
        .unwrap()
        .id
}

#[tokio::test]
async fn organizations_come_back_with_string_ids_past_i64_and_loose_package_ids() {
    let sandbox = Sandbox::start().await.unwrap();
    let orgs = client(&sandbox, DEMO_API_KEY)
        .get_organizations()
        .await
        .unwrap();
    assert_eq!(orgs.len(), 4);
    assert!(orgs.iter().all(|o| o.id.as_str().parse::<i64>().is_err()));
    let northwind = orgs
        .iter()
        .find(|o| o.name == "Northwind Logistics")
        .unwrap();
    assert_eq!(
        northwind.packageid,
        Some(2),
        "packageid sent as the string \"2\" still reads as Pro"
    );
}

#[tokio::test]
async fn get_organization_accepts_the_array_wrapped_answer() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    let id = harbor(&ringotel).await;
    let org = ringotel.get_organization(&id).await.unwrap();
    assert_eq!(org.name, "Harbor Dental Group");
}

#[tokio::test]
async fn a_wrong_key_is_unauthorized() {
    let sandbox = Sandbox::start().await.unwrap();
    let err = client(&sandbox, "not-the-key")
        .get_organizations()
        .await
        .unwrap_err();
    assert!(matches!(err, RingotelError::Unauthorized { .. }), "{err:?}");
}

#[tokio::test]
async fn a_wrong_key_refused_inside_http_200_is_unauthorized_as_with_a_401() {
    let sandbox = Sandbox::start().await.unwrap();
    let wrong = client(&sandbox, "not-the-key");
    let org = OrgId::parse("1").unwrap();
    let service = ServiceId::parse("ThinQ").unwrap();
    let form = || IntegrationForm {
        org: &org,
        service: &service,
        thinq: None,
    };
    let as_401 = wrong.get_organizations().await.unwrap_err();
    let form_as_401 = wrong.submit_integration_form(form()).await.unwrap_err();
    sandbox.set_auth_failure(AuthFailure::ErrorIn200);
    let in_200 = wrong.get_organizations().await.unwrap_err();
    let form_in_200 = wrong.submit_integration_form(form()).await.unwrap_err();
    assert!(
        matches!(in_200, RingotelError::Unauthorized { .. }),
        "{in_200:?}"
    );
    assert_eq!(
        in_200, as_401,
        "both answers reach the API key field the same way"
    );
    assert_eq!(form_in_200, form_as_401);
    assert!(form_in_200.is_auth(), "{form_in_200:?}");
}

#[tokio::test]
async fn an_unknown_organization_is_an_error_inside_http_200() {
    let sandbox = Sandbox::start().await.unwrap();
    let missing = OrgId::parse("1").unwrap();
    let err = client(&sandbox, DEMO_API_KEY)
        .get_branches(&missing)
        .await
        .unwrap_err();
    assert!(
        matches!(err, RingotelError::Remote { ref message, .. } if message.contains("not found")),
        "{err:?}"
    );
}

#[tokio::test]
async fn injected_faults_arrive_as_their_typed_errors() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY).with_retry_policy(RetryPolicy::ONCE);
    sandbox.inject(Service::Ringotel, Fault::HtmlBadGateway);
    sandbox.inject(Service::Ringotel, Fault::Status(429));
    sandbox.inject(
        Service::Ringotel,
        Fault::ErrorIn200("Internal error".into()),
    );
    let html = ringotel.get_organizations().await.unwrap_err();
    assert!(
        matches!(html, RingotelError::Http { status: 502, .. }) && html.is_transient(),
        "{html:?}"
    );
    let limited = ringotel.get_organizations().await.unwrap_err();
    assert!(matches!(limited, RingotelError::Http { status: 429, .. }) && limited.is_transient());
    let in_200 = ringotel.get_organizations().await.unwrap_err();
    assert!(matches!(in_200, RingotelError::Remote { .. }) && !in_200.is_transient());
    assert!(
        in_200.outcome_unknown(),
        "an error in 200 may hide a passing fault"
    );
    assert!(
        ringotel.get_organizations().await.is_ok(),
        "faults are one-shot"
    );
}

#[tokio::test]
async fn connections_users_services_and_numbers_of_an_organization() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    let org = harbor(&ringotel).await;
    let branches = ringotel.get_branches(&org).await.unwrap();
    assert_eq!(branches.len(), 2);
    assert!(branches.iter().any(|b| b.provision.sms == Some(3)));
    let all = ringotel.get_users(&org, None).await.unwrap();
    let one_branch = ringotel
        .get_users(&org, Some(&branches[0].id))
        .await
        .unwrap();
    assert!(one_branch.len() < all.len() && !one_branch.is_empty());
    let services = ringotel.get_services(&org).await.unwrap();
    let thinq = services.iter().find(|s| s.id.as_str() == "ThinQ").unwrap();
    assert_eq!(thinq.webhook_url(), None, "no published field carries it");
    sandbox.set_wire(WireVariant::of(&[WireSwitch::WebhookField]));
    let services = ringotel.get_services(&org).await.unwrap();
    let thinq = services.iter().find(|s| s.id.as_str() == "ThinQ").unwrap();
    assert!(
        thinq
            .webhook_url()
            .is_some_and(|u| u.starts_with("https://"))
    );
    let trunks = ringotel.get_sms_trunks(&org).await.unwrap();
    assert!(
        trunks
            .iter()
            .any(|t| t.number == "18584376048" && !t.users.is_empty())
    );
}

#[tokio::test]
async fn the_integration_form_enables_and_disables_the_thinq_card() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    let org = harbor(&ringotel).await;
    let creds = demo_credentials();
    let service = ServiceId::parse("ThinQ").unwrap();
    let enabled = |services: Vec<ringotel::Service>| {
        services.iter().any(|s| s.id == service && s.is_enabled())
    };

    ringotel
        .submit_integration_form(IntegrationForm {
            org: &org,
            service: &service,
            thinq: Some(&creds),
        })
        .await
        .unwrap();
    assert!(enabled(ringotel.get_services(&org).await.unwrap()));
    ringotel
        .submit_integration_form(IntegrationForm {
            org: &org,
            service: &service,
            thinq: None,
        })
        .await
        .unwrap();
    assert!(!enabled(ringotel.get_services(&org).await.unwrap()));
}

#[tokio::test]
async fn the_integration_form_is_refused_for_an_essentials_organization() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    let cafe = ringotel
        .get_organizations()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.packageid == Some(1))
        .unwrap();
    let creds = demo_credentials();
    let service = ServiceId::parse("ThinQ").unwrap();
    let err = ringotel
        .submit_integration_form(IntegrationForm {
            org: &cafe.id,
            service: &service,
            thinq: Some(&creds),
        })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Pro"), "{err}");
}

#[tokio::test]
async fn a_read_retries_through_passing_faults_of_every_kind_but_a_refusal() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    sandbox.inject(Service::Ringotel, Fault::HtmlBadGateway);
    sandbox.inject(Service::Ringotel, Fault::ConnectionReset);
    sandbox.inject(Service::Ringotel, Fault::ErrorIn200("Busy".into()));
    assert!(ringotel.get_organizations().await.is_ok());
    assert_eq!(
        sandbox.take_request_log().len(),
        4,
        "three faults, then the answer"
    );

    let refused = client(&sandbox, "wrong").get_organizations().await;
    assert!(refused.is_err_and(|e| e.is_auth()));
    assert_eq!(
        sandbox.take_request_log().len(),
        1,
        "a refused key is not asked again"
    );
}

#[tokio::test]
async fn a_429_is_waited_out_for_as_long_as_its_retry_after_says() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY);
    sandbox.inject(
        Service::Ringotel,
        Fault::TooManyRequests {
            retry_after_secs: 1,
        },
    );
    let started = Instant::now();
    assert!(ringotel.get_organizations().await.is_ok());
    // Ordering, not timing: the retry came after the server's wait, not the 20 ms back-off.
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn a_reset_connection_is_a_transport_failure() {
    let sandbox = Sandbox::start().await.unwrap();
    let ringotel = client(&sandbox, DEMO_API_KEY).with_retry_policy(RetryPolicy::ONCE);
    sandbox.inject(Service::Ringotel, Fault::ConnectionReset);
    let err = ringotel.get_organizations().await.unwrap_err();
    assert!(err.is_transient(), "{err:?}");
}

#[tokio::test]
async fn a_call_past_its_time_budget_fails_as_timed_out() {
    let sandbox = Sandbox::start().await.unwrap();
    let base = BaseUrl::parse(&sandbox.ringotel_url()).unwrap();
    let ringotel = RingotelClient::new(
        transport::build_client_with(Duration::from_millis(300)).unwrap(),
        base,
        Secret::new(DEMO_API_KEY),
    )
    .with_retry_policy(RetryPolicy::ONCE);
    sandbox.inject(Service::Ringotel, Fault::TimeOut);
    let err = ringotel.get_organizations().await.unwrap_err();
    assert!(
        matches!(
            err,
            RingotelError::Transport {
                timed_out: true,
                ..
            }
        ),
        "{err:?}"
    );
}
