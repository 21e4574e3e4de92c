//! Workspaces: the built-in Sandbox and Ringotel accounts, their API keys, and which is active.

use crate::base::error::{EngineError, EngineResult, ringotel_in_words};
use crate::base::handle::Base;
use crate::base::next_step::then;
use crate::base::secrets::{SecretPersistence, SecretState};
use domain::{BaseUrl, FieldKey, FieldProblem, Problems, Secret, WorkspaceId};
use ringotel::RingotelClient;
use serde::{Deserialize, Serialize};
use store::tables::workspaces::{self, WorkspaceRecord, WorkspaceTarget};
use store::tables::{app_settings, thinq_settings};
use store::{KeychainProblem, SecretName};
use ts_rs::TS;

/// [doc] Ringotel's default API host; regional hosts exist, so it is only a starting value.
pub const DEFAULT_RINGOTEL_BASE_URL: &str = "https://shell.ringotel.co";

const MAX_NAME_LEN: usize = 80;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceView {
    pub id: WorkspaceId,
    pub name: String,
    /// The built-in simulated Ringotel + thinQ; labelled as such everywhere.
    pub simulated: bool,
    pub base_url: Option<String>,
    /// The account's own thinQ API address; `None`: thinQ's public one (or the Sandbox's).
    pub thinq_base_url: Option<String>,
    pub active: bool,
    /// Where the API key is; `None` for the Sandbox, which needs none.
    pub api_key: Option<SecretState>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceList {
    pub workspaces: Vec<WorkspaceView>,
    pub default_base_url: String,
    /// thinQ's public API address, used when an account names no other.
    pub default_thinq_base_url: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewWorkspaceInput {
    pub name: String,
    pub base_url: String,
    /// Where the account's thinQ API lives; empty for thinQ's public address.
    #[serde(default)]
    pub thinq_base_url: String,
    #[ts(type = "string")]
    pub api_key: Secret,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
/// What became of a workspace whose key was just typed in: added (or its key replaced), or
/// nothing saved and why.
pub enum KeySaveOutcome {
    Saved {
        workspace: WorkspaceView,
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

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RingotelTestInput {
    pub base_url: String,
    /// Absent: use the key stored for `workspace_id`.
    #[ts(type = "string | null")]
    pub api_key: Option<Secret>,
    pub workspace_id: Option<WorkspaceId>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum RingotelTestOutcome {
    Passed {
        organizations: u32,
    },
    /// Nothing was sent: the saved key goes only to its workspace's own address unless the
    /// admin agreed otherwise outside the webview (see [`Workspaces::test_ringotel_connection`]).
    KeyHeldBack {
        saved_address: String,
        new_address: String,
    },
    Rejected {
        field: FieldKey,
        message: String,
    },
    Unreachable {
        message: String,
    },
    Invalid {
        problems: Vec<FieldProblem>,
    },
}

pub(crate) fn parse_key(raw: &str) -> Result<Secret, FieldProblem> {
    let refuse = |message: &str| Err(FieldProblem::new(FieldKey::ApiKey, message));
    if raw.trim().is_empty() {
        refuse("Enter the API key (Ringotel admin portal → Integrations → API)")
    } else if raw.chars().any(char::is_whitespace) {
        refuse("The API key contains spaces or line breaks; copy it again without them")
    } else {
        Ok(Secret::new(raw))
    }
}

fn parse_name(raw: &str) -> Result<String, FieldProblem> {
    let refuse = |message: String| Err(FieldProblem::new(FieldKey::Name, message));
    let name = raw.trim();
    if name.is_empty() {
        refuse("Give the workspace a name, such as the customer or reseller account".into())
    } else if name.chars().count() > MAX_NAME_LEN {
        refuse(format!("The name is longer than {MAX_NAME_LEN} characters"))
    } else {
        Ok(name.to_owned())
    }
}

fn parse_base(raw: &str) -> Result<BaseUrl, FieldProblem> {
    BaseUrl::parse(raw)
        .map_err(|e| FieldProblem::new(FieldKey::BaseUrl, format!("The server address {e}")))
}

/// The thinQ API address as typed: empty (or thinQ's own) means thinQ's public address.
fn parse_thinq_base(raw: &str) -> Result<Option<BaseUrl>, FieldProblem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let url = BaseUrl::parse(raw).map_err(|e| {
        FieldProblem::new(FieldKey::ThinqBaseUrl, format!("The thinQ API address {e}"))
    })?;
    Ok((url.as_str() != thinq::DEFAULT_BASE_URL).then_some(url))
}

/// The workspaces: listed, added, tested, switched and removed.
#[derive(Clone, Copy)]
pub struct Workspaces<'s> {
    pub(crate) base: &'s Base,
}

impl<'s> Workspaces<'s> {
    pub(crate) fn new(base: &'s Base) -> Self {
        Self { base }
    }
}

impl Workspaces<'_> {
    pub async fn list(&self) -> EngineResult<WorkspaceList> {
        let (active, records) = self
            .base
            .with_db(|db| {
                Ok((
                    workspaces::active(db.conn())?.id,
                    workspaces::list(db.conn())?,
                ))
            })
            .await?;
        let views = self
            .base
            .with_vault(move |vault| {
                Ok(records
                    .into_iter()
                    .map(|record| {
                        let api_key = match record.target {
                            WorkspaceTarget::Sandbox => None,
                            WorkspaceTarget::Ringotel { .. } => {
                                let name = SecretName::RingotelApiKey {
                                    workspace: record.id.clone(),
                                };
                                Some(SecretState::of(vault, &name))
                            }
                        };
                        let is_active = record.id == active;
                        view(record, is_active, api_key)
                    })
                    .collect())
            })
            .await?;
        Ok(WorkspaceList {
            workspaces: views,
            default_base_url: DEFAULT_RINGOTEL_BASE_URL.into(),
            default_thinq_base_url: thinq::DEFAULT_BASE_URL.into(),
        })
    }

    /// Adds a Ringotel account and makes it active. The key goes to the keychain (or, by
    /// explicit choice, this session); if it cannot be kept, nothing is kept.
    pub async fn add_ringotel(
        &self,
        input: NewWorkspaceInput,
        persistence: SecretPersistence,
    ) -> EngineResult<KeySaveOutcome> {
        let mut problems = Problems::default();
        let name = problems.keep(parse_name(&input.name));
        let base = problems.keep(parse_base(&input.base_url));
        let key = problems.keep(parse_key(input.api_key.expose()));
        let thinq = problems.keep(parse_thinq_base(&input.thinq_base_url));
        let (Some(name), Some(base), Some(key), Some(thinq)) = (name, base, key, thinq) else {
            return Ok(KeySaveOutcome::Invalid {
                problems: problems.into_vec(),
            });
        };
        let record = self
            .base
            .with_db(move |db| {
                Ok(workspaces::insert_ringotel(
                    db.conn(),
                    &name,
                    &base,
                    thinq.as_ref(),
                )?)
            })
            .await?;
        let secret_name = SecretName::RingotelApiKey {
            workspace: record.id.clone(),
        };
        if let Err(e) = self.base.put_secret(secret_name, key, persistence).await {
            let id = record.id.clone();
            self.base
                .with_db(move |db| Ok(workspaces::delete(db.conn(), &id)?))
                .await?;
            return Ok(KeySaveOutcome::KeychainUnavailable {
                problem: e.problem,
                message: e.message(),
            });
        }
        self.activate(record.id.clone()).await?;
        Ok(KeySaveOutcome::Saved {
            workspace: view(record, true, Some(SecretState::kept(persistence))),
        })
    }

    pub async fn activate(&self, id: WorkspaceId) -> EngineResult<()> {
        self.base
            .with_db(move |db| {
                if workspaces::get(db.conn(), &id)?.is_none() {
                    return Err(EngineError::UnknownWorkspace(id));
                }
                Ok(app_settings::set_active_workspace(db.conn(), &id)?)
            })
            .await
    }

    /// Removes a Ringotel workspace, its saved settings and every secret stored for it.
    pub async fn remove(&self, id: WorkspaceId) -> EngineResult<()> {
        let workspace = id.clone();
        let orgs = self
            .base
            .with_db(move |db| {
                let orgs = thinq_settings::organizations(db.conn(), &workspace)?;
                // The Sandbox is refused here too: it is always present.
                if !workspaces::delete(db.conn(), &workspace)? {
                    return Err(EngineError::UnknownWorkspace(workspace));
                }
                Ok(orgs)
            })
            .await?;
        self.base
            .with_vault(move |vault| {
                vault.delete(&SecretName::RingotelApiKey {
                    workspace: id.clone(),
                })?;
                for org in orgs {
                    vault.delete(&SecretName::ThinqToken {
                        workspace: id.clone(),
                        org,
                    })?;
                }
                Ok(())
            })
            .await
    }

    /// Checks a base URL and key with a harmless call that lists organizations.
    ///
    /// A key typed into the form goes where the form says. A saved key goes only to its own
    /// workspace's address; for any other address the outcome is `KeyHeldBack` and nothing is
    /// sent, unless `approved` names that address's origin — which only the app itself passes,
    /// after the admin agreed in a system dialog (the webview's input cannot carry it).
    pub async fn test_ringotel_connection(
        &self,
        input: RingotelTestInput,
        approved: Option<&str>,
    ) -> EngineResult<RingotelTestOutcome> {
        let mut problems = Problems::default();
        let base = problems.keep(parse_base(&input.base_url));
        let key = match (&input.api_key, &input.workspace_id) {
            (Some(key), _) => problems.keep(parse_key(key.expose())),
            (None, Some(workspace)) => {
                if let Some(base) = &base
                    && let Some(held) = self.held_back(workspace, base, approved).await?
                {
                    return Ok(held);
                }
                let stored = self
                    .base
                    .get_secret(SecretName::RingotelApiKey {
                        workspace: workspace.clone(),
                    })
                    .await?;
                problems.check(
                    FieldKey::ApiKey,
                    stored.ok_or("No API key is stored for this workspace; enter it"),
                )
            }
            (None, None) => problems.keep(parse_key("")),
        };
        let (Some(base), Some(key)) = (base, key) else {
            return Ok(RingotelTestOutcome::Invalid {
                problems: problems.into_vec(),
            });
        };
        let client = RingotelClient::new(self.base.http.clone(), base, key);
        Ok(match client.get_organizations().await {
            Ok(orgs) => RingotelTestOutcome::Passed {
                organizations: orgs.len() as u32,
            },
            Err(e) if e.failure().is_refused_credentials() => RingotelTestOutcome::Rejected {
                field: FieldKey::ApiKey,
                message: e.to_string(),
            },
            Err(e) if e.failure().is_unreachable() => RingotelTestOutcome::Unreachable {
                message: then(
                    &ringotel_in_words(&e),
                    "Check the server address and your network connection, then test again.",
                ),
            },
            Err(e) => RingotelTestOutcome::Rejected {
                field: FieldKey::BaseUrl,
                message: e.to_string(),
            },
        })
    }
}

impl Workspaces<'_> {
    /// `KeyHeldBack` when `base` is not where `workspace`'s saved key belongs and the admin
    /// did not approve its origin; `None` when the key may go.
    async fn held_back(
        &self,
        workspace: &WorkspaceId,
        base: &BaseUrl,
        approved: Option<&str>,
    ) -> EngineResult<Option<RingotelTestOutcome>> {
        let id = workspace.clone();
        let record = self
            .base
            .with_db(move |db| Ok(workspaces::get(db.conn(), &id)?))
            .await?
            .ok_or_else(|| EngineError::UnknownWorkspace(workspace.clone()))?;
        let saved = match &record.target {
            WorkspaceTarget::Ringotel { base: saved, .. } => saved.origin(),
            // Its address changes with every start: no typed address is the saved one.
            WorkspaceTarget::Sandbox => "the built-in Sandbox".to_owned(),
        };
        let new = base.origin();
        if new == saved || approved == Some(new.as_str()) {
            return Ok(None);
        }
        Ok(Some(RingotelTestOutcome::KeyHeldBack {
            saved_address: saved,
            new_address: new,
        }))
    }
}

pub(crate) fn view(
    record: WorkspaceRecord,
    active: bool,
    api_key: Option<SecretState>,
) -> WorkspaceView {
    let (simulated, base_url, thinq_base_url) = match record.target {
        WorkspaceTarget::Sandbox => (true, None, None),
        WorkspaceTarget::Ringotel { base, thinq } => (
            false,
            Some(base.as_str().to_owned()),
            thinq.map(|t| t.as_str().to_owned()),
        ),
    };
    WorkspaceView {
        id: record.id,
        name: record.name,
        simulated,
        base_url,
        thinq_base_url,
        active,
        api_key,
    }
}
