//! The thinQ integration flow: view, test, save, restart, disable.

use crate::{files_containing, setup, setup_with};
use domain::FieldKey;
use domain::{Secret, ThinqSettingsInput};
use engine::integrations::{SaveThinqOutcome, ThinqTestOutcome};
use engine::snapshot::Freshness;
use engine::{SecretPersistence, SecretState};
use sandbox::demo_thinq_accounts;
use sandbox::world::webhook_for;
use sandbox::{WireSwitch, WireVariant};
use store::SecretLocation;

fn input(account: &str, user: &str, token: Option<&str>) -> ThinqSettingsInput {
    ThinqSettingsInput {
        account_id: account.into(),
        username: user.into(),
        token: token.map(Secret::new),
    }
}

#[tokio::test]
async fn the_thinq_card_leads_with_the_sandbox_account_and_the_portals_webhook_to_paste() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    let view = s
        .engine
        .integrations()
        .thinq(org.clone(), Freshness::Live)
        .await
        .unwrap();
    assert!(view.unavailable_reason.is_none());
    assert!(!view.enabled);
    // Published getServices entries carry no webhook field: the admin pastes the portal's.
    assert!(view.webhook_editable && view.webhook_url.is_none());
    let hint = view.sandbox_account.as_ref().unwrap();
    assert_eq!(hint.account_id, demo_thinq_accounts()[0].account_id);
    assert_eq!(hint.portal_webhook_url, webhook_for(org.as_str()));
    assert!(view.other_cards.iter().any(|c| c.name == "Twilio"));
    assert!(view.simulated);
}

#[tokio::test]
async fn a_card_that_reports_its_webhook_shows_it_read_only() {
    let s = setup_with(WireVariant::of(&[WireSwitch::WebhookField])).await;
    let org = s.org("Harbor Dental Group").await;
    let view = s
        .engine
        .integrations()
        .thinq(org.clone(), Freshness::Live)
        .await
        .unwrap();
    assert!(!view.webhook_editable, "Ringotel's own URL is read-only");
    assert_eq!(
        view.webhook_url.map(|u| u.to_string()),
        Some(webhook_for(org.as_str()))
    );
}

#[tokio::test]
async fn an_essentials_organization_says_why_sms_integrations_are_unavailable() {
    let s = setup().await;
    let org = s.org("Bluebird Café").await;
    let view = s
        .engine
        .integrations()
        .thinq(org, Freshness::Live)
        .await
        .unwrap();
    let reason = view.unavailable_reason.unwrap();
    assert!(
        reason.contains("Pro") && reason.contains("Essentials"),
        "{reason}"
    );
}

#[tokio::test]
async fn test_connection_names_the_field_at_fault_in_thinqs_words() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    let demo = demo_thinq_accounts()[0];

    let wrong_token = s
        .engine
        .integrations()
        .test_thinq_connection(
            org.clone(),
            input(demo.account_id, demo.username, Some("nope")),
        )
        .await
        .unwrap();
    assert!(
        matches!(&wrong_token, ThinqTestOutcome::Rejected { field, message, .. } if *field == FieldKey::Token && message.contains("Invalid username or API token")),
        "{wrong_token:?}"
    );
    let wrong_account = s
        .engine
        .integrations()
        .test_thinq_connection(org.clone(), input("30917", demo.username, Some(demo.token)))
        .await
        .unwrap();
    assert!(
        matches!(&wrong_account, ThinqTestOutcome::Rejected { field, hint: Some(_), .. } if *field == FieldKey::AccountId),
        "{wrong_account:?}"
    );
    let malformed = s
        .engine
        .integrations()
        .test_thinq_connection(org.clone(), input(demo.username, "", Some(" x")))
        .await
        .unwrap();
    assert!(
        matches!(&malformed, ThinqTestOutcome::Invalid { problems } if problems.len() == 3),
        "{malformed:?}"
    );
    let right = s
        .engine
        .integrations()
        .test_thinq_connection(org, input(demo.account_id, demo.username, Some(demo.token)))
        .await
        .unwrap();
    assert!(
        matches!(right, ThinqTestOutcome::Passed { balance: Some(_) }),
        "{right:?}"
    );
}

#[tokio::test]
async fn save_enables_the_card_keeps_the_token_only_in_the_keychain_and_survives_a_restart() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    let demo = demo_thinq_accounts()[0];
    let saved = s
        .engine
        .integrations()
        .save_thinq_settings(
            org.clone(),
            input(demo.account_id, demo.username, Some(demo.token)),
            SecretPersistence::Keychain,
        )
        .await
        .unwrap();
    let SaveThinqOutcome::Saved { integration, note } = saved else {
        panic!("{saved:?}")
    };
    assert!(integration.enabled);
    assert_eq!(note, None);
    assert!(
        files_containing(s.data.path(), demo.token).is_empty(),
        "the token must not be in the data folder"
    );

    let after_restart = s
        .reopen()
        .integrations()
        .thinq(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(after_restart.account_id.as_deref(), Some(demo.account_id));
    assert_eq!(after_restart.username.as_deref(), Some(demo.username));
    assert!(matches!(
        after_restart.token,
        SecretState::Stored {
            location: SecretLocation::Keychain
        }
    ));

    // Testing again without retyping the token uses the stored one.
    let retest = s
        .reopen()
        .integrations()
        .test_thinq_connection(org.clone(), input(demo.account_id, demo.username, None))
        .await
        .unwrap();
    assert!(
        matches!(retest, ThinqTestOutcome::Passed { .. }),
        "{retest:?}"
    );

    let disabled = s
        .engine
        .integrations()
        .disable_thinq(org.clone())
        .await
        .unwrap();
    assert!(!disabled.enabled);
    assert_eq!(
        disabled.account_id.as_deref(),
        Some(demo.account_id),
        "disabling keeps the settings for next time"
    );
}

#[tokio::test]
async fn a_card_ringotel_refuses_is_saved_here_with_the_portal_steps() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    let demo = demo_thinq_accounts()[0];
    let rejected = sandbox::Fault::ErrorIn200("Integration settings rejected".into());
    s.sandbox
        .inject_on(sandbox::Service::Ringotel, "/integrations", rejected);
    let outcome = s
        .engine
        .integrations()
        .save_thinq_settings(
            org.clone(),
            input(demo.account_id, demo.username, Some(demo.token)),
            SecretPersistence::Session,
        )
        .await
        .unwrap();
    let SaveThinqOutcome::SavedNotApplied {
        integration,
        message,
        portal_steps,
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert!(!integration.enabled);
    assert!(
        message.contains("Integration settings rejected"),
        "{message}"
    );
    assert!(portal_steps.iter().any(|s| s.contains(demo.account_id)));
    assert!(
        portal_steps.iter().all(|s| !s.contains(demo.token)),
        "steps never repeat the token"
    );
    assert!(matches!(
        integration.token,
        SecretState::Stored {
            location: SecretLocation::Session
        }
    ));
}

#[tokio::test]
async fn an_enable_whose_answer_is_lost_is_settled_by_the_card_read_back() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    let demo = demo_thinq_accounts()[0];
    s.sandbox.inject_on(
        sandbox::Service::Ringotel,
        "/integrations",
        sandbox::Fault::DropResponse,
    );
    let outcome = s
        .engine
        .integrations()
        .save_thinq_settings(
            org,
            input(demo.account_id, demo.username, Some(demo.token)),
            SecretPersistence::Session,
        )
        .await
        .unwrap();
    let SaveThinqOutcome::Saved { integration, note } = outcome else {
        panic!("the card read back is enabled, so the screen says so: {outcome:?}")
    };
    assert!(integration.enabled);
    let note = note.unwrap();
    assert!(note.contains("shows the integration enabled"), "{note}");
    assert!(
        !note.contains("message completed"),
        "no client internals: {note}"
    );
}

#[tokio::test]
async fn one_error_inside_http_200_from_get_services_is_retried_not_a_dead_end() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    s.sandbox.inject(
        sandbox::Service::Ringotel,
        sandbox::Fault::ErrorIn200("Temporary failure".into()),
    );
    let view = s
        .engine
        .integrations()
        .thinq(org, Freshness::Live)
        .await
        .unwrap();
    assert!(view.offline.is_none());
}

#[tokio::test]
async fn a_card_without_its_webhook_url_takes_a_pasted_one_checked_at_its_field() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    let missing = s
        .engine
        .integrations()
        .thinq(org.clone(), Freshness::Live)
        .await
        .unwrap();
    assert!(missing.webhook_editable && missing.webhook_url.is_none());
    assert!(missing.webhook_problem.unwrap().contains("paste"));

    for bad in [
        "http://hooks.example/x",
        "https://hooks.example/a b",
        "javascript:alert(1)",
    ] {
        let outcome = s
            .engine
            .integrations()
            .paste_webhook_url(org.clone(), bad.into())
            .await
            .unwrap();
        assert!(
            matches!(&outcome, engine::integrations::PasteWebhookOutcome::Invalid { problem }
                if problem.field == FieldKey::WebhookUrl),
            "{bad}: {outcome:?}"
        );
    }
    let outcome = s
        .engine
        .integrations()
        .paste_webhook_url(org.clone(), " https://hooks.example/thinq ".into())
        .await
        .unwrap();
    let engine::integrations::PasteWebhookOutcome::Saved { integration } = outcome else {
        panic!("{outcome:?}")
    };
    assert!(integration.webhook_pasted);
    assert_eq!(
        integration.webhook_url.map(|u| u.to_string()).as_deref(),
        Some("https://hooks.example/thinq")
    );
}
