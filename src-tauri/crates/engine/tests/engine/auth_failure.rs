//! A wrong API key reaches the API key field however Ringotel says so: HTTP 401, or an error
//! inside HTTP 200.

use crate::setup;
use domain::{FieldKey, Secret};
use engine::workspaces::{RingotelTestInput, RingotelTestOutcome};
use sandbox::AuthFailure;

#[tokio::test]
async fn a_wrong_key_is_named_at_the_api_key_field_in_both_answers() {
    let s = setup().await;
    for style in [AuthFailure::Http401, AuthFailure::ErrorIn200] {
        s.sandbox.set_auth_failure(style);
        let outcome = s
            .engine
            .workspaces()
            .test_ringotel_connection(
                RingotelTestInput {
                    base_url: s.sandbox.ringotel_url(),
                    api_key: Some(Secret::new("wrong")),
                    workspace_id: None,
                },
                None,
            )
            .await
            .unwrap();
        assert!(
            matches!(&outcome, RingotelTestOutcome::Rejected { field, .. } if *field == FieldKey::ApiKey),
            "{style:?}: {outcome:?}"
        );
    }
}
