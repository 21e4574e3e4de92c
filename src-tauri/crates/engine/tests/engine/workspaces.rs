//! Workspaces: the Sandbox first and active, adding a Ringotel account, testing and removing it.

use crate::{Setup, setup};
use domain::FieldKey;
use domain::Secret;
use engine::workspaces::{
    KeySaveOutcome, NewWorkspaceInput, RingotelTestInput, RingotelTestOutcome, WorkspaceView,
};
use engine::{SecretPersistence, SecretState};
use sandbox::DEMO_API_KEY;
use store::SecretLocation;

#[tokio::test]
async fn a_first_start_offers_the_sandbox_active_and_labelled_simulated() {
    let s = setup().await;
    let list = s.engine.workspaces().list().await.unwrap();
    assert_eq!(list.workspaces.len(), 1);
    let sandbox = &list.workspaces[0];
    assert!(sandbox.active && sandbox.simulated);
    assert!(sandbox.api_key.is_none());
    assert_eq!(list.default_base_url, "https://shell.ringotel.co");
}

#[tokio::test]
async fn a_bad_workspace_form_names_each_field() {
    let s = setup().await;
    let outcome = s
        .engine
        .workspaces()
        .add_ringotel(
            NewWorkspaceInput {
                name: " ".into(),
                base_url: "http://shell.ringotel.co".into(),
                api_key: Secret::new("a b"),
                thinq_base_url: "javascript:alert(1)".into(),
            },
            SecretPersistence::Keychain,
        )
        .await
        .unwrap();
    let KeySaveOutcome::Invalid { problems } = outcome else {
        panic!("{outcome:?}")
    };
    let fields: Vec<FieldKey> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            FieldKey::Name,
            FieldKey::BaseUrl,
            FieldKey::ApiKey,
            FieldKey::ThinqBaseUrl
        ]
    );
    assert!(problems[3].message.starts_with("The thinQ API address"));
    assert!(
        problems[1].message.contains("https"),
        "{}",
        problems[1].message
    );
    assert_eq!(
        s.engine.workspaces().list().await.unwrap().workspaces.len(),
        1,
        "nothing saved"
    );
}

#[tokio::test]
async fn an_added_account_is_tested_used_and_removed_with_its_key() {
    let s = setup().await;
    let base = s.sandbox.ringotel_url();
    let wrong = s
        .engine
        .workspaces()
        .test_ringotel_connection(
            RingotelTestInput {
                base_url: base.clone(),
                api_key: Some(Secret::new("wrong")),
                workspace_id: None,
            },
            None,
        )
        .await
        .unwrap();
    assert!(
        matches!(&wrong, RingotelTestOutcome::Rejected { field, .. } if *field == FieldKey::ApiKey),
        "{wrong:?}"
    );

    // Both services of the account at the stand-in.
    let workspace = add_acme(&s, DEMO_API_KEY, s.sandbox.thinq_url()).await;
    assert!(workspace.active && !workspace.simulated);
    let stored = s
        .engine
        .workspaces()
        .test_ringotel_connection(
            RingotelTestInput {
                base_url: base.clone(),
                api_key: None,
                workspace_id: Some(workspace.id.clone()),
            },
            None,
        )
        .await
        .unwrap();
    assert!(
        matches!(stored, RingotelTestOutcome::Passed { organizations: 4 }),
        "{stored:?}"
    );
    let orgs = s.engine.organizations().list().await.unwrap();
    assert!(!orgs.simulated && orgs.organizations.len() == 4);
    assert_eq!(workspace.thinq_base_url, Some(s.sandbox.thinq_url()));

    // The saved key goes nowhere but its own address unless the app passes the admin's yes.
    let elsewhere = sandbox::Sandbox::start().await.unwrap();
    let other = RingotelTestInput {
        base_url: elsewhere.ringotel_url(),
        api_key: None,
        workspace_id: Some(workspace.id.clone()),
    };
    let held = s
        .engine
        .workspaces()
        .test_ringotel_connection(other.clone(), None)
        .await
        .unwrap();
    let RingotelTestOutcome::KeyHeldBack {
        saved_address,
        new_address,
    } = &held
    else {
        panic!("the saved key must be held back: {held:?}")
    };
    assert!(base.starts_with(saved_address.as_str()), "{held:?}");
    assert!(elsewhere.ringotel_url().starts_with(new_address.as_str()));
    assert!(
        elsewhere.take_request_log().is_empty(),
        "nothing reaches the other address"
    );
    let approved = s
        .engine
        .workspaces()
        .test_ringotel_connection(other, Some(new_address.as_str()))
        .await
        .unwrap();
    assert!(
        matches!(approved, RingotelTestOutcome::Passed { .. }),
        "{approved:?}"
    );
    assert!(!elsewhere.take_request_log().is_empty());
    let harbor = s.org("Harbor Dental Group").await;
    let demo = sandbox::demo_thinq_accounts()[0];
    let thinq = s
        .engine
        .integrations()
        .test_thinq_connection(
            harbor,
            domain::ThinqSettingsInput {
                account_id: demo.account_id.into(),
                username: demo.username.into(),
                token: Some(Secret::new(demo.token)),
            },
        )
        .await
        .unwrap();
    assert!(
        matches!(thinq, engine::integrations::ThinqTestOutcome::Passed { .. }),
        "the account's thinQ address is the one called: {thinq:?}"
    );

    let listed = s.reopen().workspaces().list().await.unwrap();
    let acme = listed
        .workspaces
        .iter()
        .find(|w| w.id == workspace.id)
        .unwrap();
    assert!(
        acme.active
            && matches!(
                acme.api_key,
                Some(SecretState::Stored {
                    location: SecretLocation::Keychain
                })
            )
    );

    s.engine
        .workspaces()
        .remove(workspace.id.clone())
        .await
        .unwrap();
    let after = s.engine.workspaces().list().await.unwrap();
    assert_eq!(after.workspaces.len(), 1);
    assert!(after.workspaces[0].active, "the Sandbox is active again");
    assert!(
        s.engine
            .workspaces()
            .remove(store::tables::workspaces::sandbox_id())
            .await
            .is_err(),
        "the Sandbox cannot be removed"
    );
}

#[tokio::test]
async fn a_key_replaced_for_this_session_only_does_not_give_way_to_the_old_one_at_the_next_start() {
    let s = setup().await;
    let workspace = add_acme(&s, "leaked-key", String::new()).await;
    let replace = |key: &str| engine::workspace_key::ReplaceKeyInput {
        workspace_id: workspace.id.clone(),
        api_key: Secret::new(key),
    };
    let refused = s
        .engine
        .workspaces()
        .replace_key(replace("two words"), SecretPersistence::Keychain)
        .await
        .unwrap();
    assert!(
        matches!(&refused, KeySaveOutcome::Invalid { problems } if problems[0].field == FieldKey::ApiKey),
        "{refused:?}"
    );

    let replaced = s
        .engine
        .workspaces()
        .replace_key(replace(DEMO_API_KEY), SecretPersistence::Session)
        .await
        .unwrap();
    let KeySaveOutcome::Saved { workspace: now } = replaced else {
        panic!("not replaced: {replaced:?}")
    };
    assert!(matches!(
        now.api_key,
        Some(SecretState::Stored {
            location: SecretLocation::Session
        })
    ));
    assert_eq!(
        s.engine
            .organizations()
            .list()
            .await
            .unwrap()
            .organizations
            .len(),
        4
    );

    // After a restart the session's key is gone, and so is the leaked one.
    let list = s.reopen().workspaces().list().await.unwrap();
    let acme = list
        .workspaces
        .iter()
        .find(|w| w.id == workspace.id)
        .unwrap();
    assert!(
        matches!(
            acme.api_key,
            Some(SecretState::Stored {
                location: SecretLocation::Missing
            })
        ),
        "{:?}",
        acme.api_key
    );
    s.engine.workspaces().remove(workspace.id).await.unwrap();
}

/// Adds the stand-in's Ringotel as "Acme MSP" with `key` in the keychain, its thinQ side at
/// `thinq_base_url` (empty: thinQ's public address).
async fn add_acme(s: &Setup, key: &str, thinq_base_url: String) -> WorkspaceView {
    let input = NewWorkspaceInput {
        name: "Acme MSP".into(),
        base_url: s.sandbox.ringotel_url(),
        api_key: Secret::new(key),
        thinq_base_url,
    };
    let KeySaveOutcome::Saved { workspace } = s
        .engine
        .workspaces()
        .add_ringotel(input, SecretPersistence::Keychain)
        .await
        .unwrap()
    else {
        panic!("not added")
    };
    workspace
}
