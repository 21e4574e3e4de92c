//! The thinQ integration of an organization: its card, its settings, checking the credentials
//! against thinQ, and enabling or disabling it in Ringotel.

mod card;
mod portal;
pub(crate) mod view;

pub use view::{IntegrationCard, SandboxThinqHint, ThinqIntegrationView};

use crate::base::clock::now_ms;
use crate::base::context::Connected;
use crate::base::error::{EngineError, EngineResult, ringotel_in_words};
use crate::base::secrets::{SecretPersistence, SecretState};
use crate::stored::engine::Engine;
use crate::stored::snapshot::{Freshness, OfflineNote, SavedPart, ringotel_down};
use domain::OrgId;
use domain::{FieldKey, FieldProblem, ThinqCredentials, ThinqSettingsInput, WorkspaceId};
use ringotel::IntegrationForm;
use serde::Serialize;
use store::tables::{pasted_webhooks, thinq_settings};
use store::{KeychainProblem, SecretName};
use thinq::ThinqError;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ThinqTestOutcome {
    Passed {
        balance: Option<f64>,
    },
    /// thinQ said no; `field` is where the admin should look.
    Rejected {
        field: FieldKey,
        message: String,
        hint: Option<String>,
    },
    Unreachable {
        message: String,
    },
    Invalid {
        problems: Vec<FieldProblem>,
    },
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SaveThinqOutcome {
    /// Saved here and enabled in Ringotel, confirmed by reading the card back.
    Saved {
        integration: ThinqIntegrationView,
        /// What reading back settled, when Ringotel's own answer was lost.
        note: Option<String>,
    },
    /// Saved here, but Ringotel did not take it; the steps say what to click in the portal.
    SavedNotApplied {
        integration: ThinqIntegrationView,
        message: String,
        portal_steps: Vec<String>,
    },
    Invalid {
        problems: Vec<FieldProblem>,
    },
    /// Nothing was saved; the admin may retry with `session` persistence.
    KeychainUnavailable {
        problem: KeychainProblem,
        message: String,
    },
}

/// The hint shown when thinQ refuses the account path: the classic Account ID mix-up.
const ACCOUNT_ID_HINT: &str = "The Account ID is the number thinQ shows for the account (in the portal's \
    account menu), not the API username. Check that the token belongs to that account.";

fn token_name(workspace: &WorkspaceId, org: &OrgId) -> SecretName {
    SecretName::ThinqToken {
        workspace: workspace.clone(),
        org: org.clone(),
    }
}

/// What saving a pasted webhook URL did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum PasteWebhookOutcome {
    Saved {
        integration: Box<ThinqIntegrationView>,
    },
    Invalid {
        problem: FieldProblem,
    },
}

/// Checks the thinQ form as it is typed, without calling anything.
pub fn check_thinq_settings(input: &ThinqSettingsInput, token_stored: bool) -> Vec<FieldProblem> {
    input.problems(token_stored)
}

impl Engine {
    /// The Integrations tab: `Saved` reads the organization as its screen last fetched it (no
    /// network); `Live` asks Ringotel again (Refresh).
    pub async fn thinq_integration(
        &self,
        org: OrgId,
        freshness: Freshness,
    ) -> EngineResult<ThinqIntegrationView> {
        let connected = self.base.connect().await?;
        let report = self.services_report(&connected, &org, freshness).await?;
        self.integration_view(&connected, &org, report).await
    }

    /// A thinQ client on the organization's saved settings and stored token, for what the app
    /// does with the account after Save (reading DIDs, readiness, fixes).
    pub(crate) async fn saved_thinq_client(
        &self,
        connected: &Connected,
        org: &OrgId,
    ) -> EngineResult<thinq::ThinqClient> {
        let (workspace, org_id) = (connected.workspace_id(), org.clone());
        let saved = self
            .base
            .with_db(move |db| Ok(thinq_settings::get(db.conn(), &workspace, &org_id)?))
            .await?
            .ok_or_else(|| EngineError::NoThinqSettings(org.clone()))?;
        let input = ThinqSettingsInput {
            account_id: saved.account_id.to_string(),
            username: saved.username.as_str().to_owned(),
            token: None,
        };
        let creds = self
            .credentials(&connected.workspace_id(), org, &input)
            .await?
            .map_err(|_| EngineError::NoThinqSettings(org.clone()))?;
        Ok(self.base.thinq_client(connected, creds))
    }

    /// The form's credentials, the stored token standing in when the form left it out.
    async fn credentials(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
        input: &ThinqSettingsInput,
    ) -> EngineResult<Result<ThinqCredentials, Vec<FieldProblem>>> {
        let stored = match input.token {
            Some(_) => None,
            None => self.base.get_secret(token_name(workspace, org)).await?,
        };
        Ok(input.validate(stored.as_ref()))
    }

    /// Keeps the webhook URL the admin pasted, for a card Ringotel reports without a usable
    /// one. Needs no network: the card is the one the tab shows.
    pub async fn paste_webhook_url(
        &self,
        org: OrgId,
        raw: String,
    ) -> EngineResult<PasteWebhookOutcome> {
        let url = match domain::WebhookUrl::parse(raw.trim()) {
            Ok(url) => url,
            Err(e) => {
                return Ok(PasteWebhookOutcome::Invalid {
                    problem: FieldProblem::new(
                        FieldKey::WebhookUrl,
                        format!("The webhook URL {e}"),
                    ),
                });
            }
        };
        let connected = self.base.connect().await?;
        let (workspace, org_id) = (connected.workspace_id(), org.clone());
        self.base
            .with_db(move |db| Ok(pasted_webhooks::put(db.conn(), &workspace, &org_id, &url)?))
            .await?;
        let report = self
            .services_report(&connected, &org, Freshness::Saved)
            .await?;
        Ok(PasteWebhookOutcome::Saved {
            integration: Box::new(self.integration_view(&connected, &org, report).await?),
        })
    }

    /// Checks the credentials with a harmless authenticated thinQ call.
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
            // Also an answer that cannot be read: whatever answered is not thinQ's API.
            Err(
                e @ (ThinqError::Transport { .. }
                | ThinqError::Http { .. }
                | ThinqError::Malformed { .. }),
            ) => ThinqTestOutcome::Unreachable {
                message: e.to_string(),
            },
        })
    }

    /// Saves the settings (token to the keychain, the rest to the local database), then
    /// enables the card in Ringotel with them and reads the card back to confirm.
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
                    token_name(&workspace, &org),
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

    pub(crate) async fn integration_view(
        &self,
        connected: &Connected,
        org: &OrgId,
        report: view::ServicesReport,
    ) -> EngineResult<ThinqIntegrationView> {
        let workspace = connected.workspace.id.clone();
        let org_id = org.clone();
        let (saved, pasted) = self
            .base
            .with_db(move |db| {
                Ok((
                    thinq_settings::get(db.conn(), &workspace, &org_id)?,
                    pasted_webhooks::get(db.conn(), &workspace, &org_id)?,
                ))
            })
            .await?;
        let name = token_name(&connected.workspace.id, org);
        let token = self
            .base
            .with_vault(move |vault| Ok(SecretState::of(vault, &name)))
            .await?;
        let hint = connected
            .is_sandbox()
            .then(|| self.sandbox_hint(&report.organization))
            .flatten();
        Ok(view::build(
            report,
            saved,
            pasted,
            token,
            hint,
            connected.is_sandbox(),
        ))
    }

    /// The organization and its integrations: as saved when `Saved` asks and there is a saved
    /// copy; else live, and the saved copy, marked offline, when Ringotel cannot be reached.
    async fn services_report(
        &self,
        connected: &Connected,
        org: &OrgId,
        freshness: Freshness,
    ) -> EngineResult<view::ServicesReport> {
        if freshness == Freshness::Saved
            && let Some(saved) = self.saved_snapshot(&connected.workspace_id(), org).await?
        {
            return Ok(view::ServicesReport {
                organization: saved.data.organization.clone(),
                services: saved.data.services.clone(),
                fetched_at: saved.fetched_at,
                offline: saved.offline,
            });
        }
        let client = &connected.ringotel;
        let error = match tokio::try_join!(client.get_organization(org), client.get_services(org)) {
            Ok((organization, services)) => {
                // Every screen shows the card as just read, and no longer as offline.
                if self
                    .saved_snapshot(&connected.workspace_id(), org)
                    .await?
                    .is_some()
                {
                    self.save_part(connected, org, SavedPart::Services(services.clone()))
                        .await?;
                }
                return Ok(view::ServicesReport {
                    organization,
                    services,
                    fetched_at: now_ms(),
                    offline: None,
                });
            }
            Err(error) => EngineError::from(error),
        };
        if !ringotel_down(&error) {
            return Err(error);
        }
        let workspace = connected.workspace_id();
        let Some(saved) = self.saved_snapshot(&workspace, org).await? else {
            return Err(error);
        };
        let note = OfflineNote::from_error(&error);
        self.mark_offline(&workspace, org, &note);
        Ok(view::ServicesReport {
            organization: saved.data.organization.clone(),
            services: saved.data.services.clone(),
            fetched_at: saved.fetched_at,
            offline: Some(note),
        })
    }

    fn sandbox_hint(&self, org: &ringotel::Organization) -> Option<SandboxThinqHint> {
        let sandbox = self.base.sandbox.as_ref()?;
        let accounts = &sandbox.thinq_accounts;
        let account = accounts
            .iter()
            .find(|a| a.organization == org.name)
            .or_else(|| accounts.first())?;
        Some(SandboxThinqHint {
            account_id: account.account_id.clone(),
            username: account.username.clone(),
            token: account.token.clone(),
            portal_webhook_url: (sandbox.portal_webhook)(org.id.as_str()),
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
