//! The organization's thinQ settings: checked as typed, tested against thinQ, saved (the token
//! to the keychain, the rest here) and enabled on Ringotel's integration card.

use super::outcomes::{SaveThinqOutcome, ThinqTestOutcome};
use super::portal;
use super::service::Integrations;
use super::view::ThinqIntegrationView;
use crate::base::error::{EngineError, EngineResult, ringotel_in_words};
use crate::base::next_step::then;
use crate::base::secrets::SecretPersistence;
use crate::stored::snapshot::Freshness;
use domain::OrgId;
use domain::{FieldKey, FieldProblem, ThinqCredentials, ThinqSettingsInput, WorkspaceId};
use ringotel::IntegrationForm;
use store::SecretName;
use store::tables::thinq_settings;
use thinq::ThinqError;

/// The hint shown when thinQ refuses the account path: the classic Account ID mix-up.
const ACCOUNT_ID_HINT: &str = "The Account ID is the number thinQ shows for the account (in the portal's \
    account menu), not the API username. Check that the token belongs to that account.";

/// Checks the thinQ form as it is typed, without calling anything.
pub fn check_thinq_settings(input: &ThinqSettingsInput, token_stored: bool) -> Vec<FieldProblem> {
    input.problems(token_stored)
}

impl Integrations<'_> {
    async fn credentials(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
        input: &ThinqSettingsInput,
    ) -> EngineResult<Result<ThinqCredentials, Vec<FieldProblem>>> {
        let stored = match input.token {
            Some(_) => None,
            None => {
                self.base
                    .get_secret(SecretName::thinq_token(workspace, org))
                    .await?
            }
        };
        Ok(input.validate(stored.as_ref()))
    }

    pub async fn test_thinq_connection(
        &self,
        org: OrgId,
        input: ThinqSettingsInput,
    ) -> EngineResult<ThinqTestOutcome> {
        let connected = self.base.connect().await?;
        let creds = match self
            .credentials(&connected.workspace.id, &org, &input)
            .await?
        {
            Ok(creds) => creds,
            Err(problems) => return Ok(ThinqTestOutcome::Invalid { problems }),
        };
        let client = self.base.thinq_client(&connected, creds);
        Ok(match client.check_credentials().await {
            Ok(balance) => ThinqTestOutcome::Passed { balance: balance.0 },
            Err(e @ ThinqError::Unauthorized { .. }) => ThinqTestOutcome::Rejected {
                field: FieldKey::Token,
                message: e.to_string(),
                hint: Some(
                    "Check the username and token together: a token belongs to one API user."
                        .into(),
                ),
            },
            Err(e @ ThinqError::AccountRefused { .. }) => ThinqTestOutcome::Rejected {
                field: FieldKey::AccountId,
                message: e.to_string(),
                hint: Some(ACCOUNT_ID_HINT.into()),
            },
            Err(e @ ThinqError::Transport { .. }) => ThinqTestOutcome::Unreachable {
                message: then(
                    &e.to_string(),
                    "Check your network connection, then test again.",
                ),
            },
            // Also an answer that cannot be read: whatever answered is not thinQ's API.
            Err(e @ (ThinqError::Http { .. } | ThinqError::Malformed { .. })) => {
                ThinqTestOutcome::Unreachable {
                    message: then(
                        &e.to_string(),
                        "thinQ (or something in front of it) failed: test again in a few minutes.",
                    ),
                }
            }
        })
    }

    pub async fn save_thinq_settings(
        &self,
        org: OrgId,
        input: ThinqSettingsInput,
        persistence: SecretPersistence,
    ) -> EngineResult<SaveThinqOutcome> {
        let connected = self.base.connect().await?;
        let workspace = connected.workspace.id.clone();
        let creds = match self.credentials(&workspace, &org, &input).await? {
            Ok(creds) => creds,
            Err(problems) => return Ok(SaveThinqOutcome::Invalid { problems }),
        };
        if input.token.is_some()
            && let Err(e) = self
                .base
                .put_secret(
                    SecretName::thinq_token(&workspace, &org),
                    creds.token.clone(),
                    persistence,
                )
                .await
        {
            return Ok(SaveThinqOutcome::KeychainUnavailable {
                problem: e.problem,
                message: e.message(),
            });
        }
        let (account, user, org_id) = (
            creds.account_id.clone(),
            creds.username.clone(),
            org.clone(),
        );
        self.base
            .with_db(move |db| {
                Ok(thinq_settings::put(
                    db.conn(),
                    &workspace,
                    &org_id,
                    &account,
                    &user,
                )?)
            })
            .await?;

        let report = self
            .services_report(&connected, &org, Freshness::Saved)
            .await?;
        let before = self.integration_view(&connected, &org, report).await?;
        if let Some(reason) = before.unavailable_reason.clone() {
            return Ok(not_applied(before, reason, Vec::new()));
        }
        let Some(service) = before.service_id.clone() else {
            let message = EngineError::NoThinqCard(before.org_name.clone()).to_string();
            return Ok(not_applied(before, message, Vec::new()));
        };
        let form = IntegrationForm {
            org: &org,
            service: &service,
            thinq: Some(&creds),
        };
        let submitted = connected.ringotel.submit_integration_form(form).await;
        let after = self.read_back_card(&connected, &org).await?;
        self.record_form_result(&connected, submitted.is_ok(), after.enabled, true);
        let steps = || portal::enable_steps(&after.org_name, &creds);
        Ok(match submitted {
            Ok(()) if after.enabled => SaveThinqOutcome::Saved {
                integration: after,
                note: None,
            },
            Ok(()) => not_applied(
                after.clone(),
                "Ringotel accepted the settings but the card still shows as disabled.".into(),
                steps(),
            ),
            // The answer was lost, but the card read back says what happened.
            Err(e) if after.enabled && e.outcome_unknown() => SaveThinqOutcome::Saved {
                note: Some(format!(
                    "Ringotel's answer was lost ({}), but reading the card back shows the integration enabled.",
                    ringotel_in_words(&e)
                )),
                integration: after,
            },
            Err(e) => not_applied(
                after.clone(),
                format!("Not enabled in Ringotel: {}", ringotel_in_words(&e)),
                steps(),
            ),
        })
    }
}

fn not_applied(
    integration: ThinqIntegrationView,
    message: String,
    portal_steps: Vec<String>,
) -> SaveThinqOutcome {
    SaveThinqOutcome::SavedNotApplied {
        integration,
        message,
        portal_steps,
    }
}
