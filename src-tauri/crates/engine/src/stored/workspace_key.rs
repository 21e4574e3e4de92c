//! Replacing a Ringotel workspace's API key in place (a key revoked, rotated or kept for one
//! session only), so its drafts, saved copies and thinQ settings stay as they are.

use super::workspaces::{KeySaveOutcome, Workspaces, parse_key, view};
use crate::base::error::{EngineError, EngineResult};
use crate::base::secrets::{SecretPersistence, SecretState};
use domain::{FieldKey, FieldProblem, Secret, WorkspaceId};
use serde::Deserialize;
use store::SecretName;
use store::tables::workspaces::{self, WorkspaceTarget};
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplaceKeyInput {
    pub workspace_id: WorkspaceId,
    #[ts(type = "string")]
    pub api_key: Secret,
}

impl Workspaces<'_> {
    /// Keeps `input.api_key` as the workspace's key from now on. If the keychain cannot keep
    /// it, the key that was there stays; kept for this session only, it replaces the keychain's
    /// copy too (removed when the keychain lets it).
    pub async fn replace_key(
        &self,
        input: ReplaceKeyInput,
        persistence: SecretPersistence,
    ) -> EngineResult<KeySaveOutcome> {
        let id = input.workspace_id;
        let wanted = id.clone();
        let (record, active) = self
            .base
            .with_db(move |db| {
                Ok((
                    workspaces::get(db.conn(), &wanted)?,
                    workspaces::active(db.conn())?.id == wanted,
                ))
            })
            .await?;
        let record = record.ok_or_else(|| EngineError::UnknownWorkspace(id.clone()))?;
        if record.target == WorkspaceTarget::Sandbox {
            return Ok(KeySaveOutcome::Invalid {
                problems: vec![FieldProblem::new(
                    FieldKey::ApiKey,
                    "The Sandbox needs no API key",
                )],
            });
        }
        let key = match parse_key(input.api_key.expose()) {
            Ok(key) => key,
            Err(problem) => {
                return Ok(KeySaveOutcome::Invalid {
                    problems: vec![problem],
                });
            }
        };
        let name = SecretName::RingotelApiKey { workspace: id };
        if persistence == SecretPersistence::Session {
            // A key kept for this session only must not give way to the old one at the next
            // start (it may have been replaced because it leaked): the keychain's copy goes.
            let old = name.clone();
            if let Err(error) = self
                .base
                .with_vault(move |vault| Ok(vault.delete(&old)?))
                .await
            {
                tracing::warn!(%error, "the replaced API key could not be removed from the keychain");
            }
        }
        if let Err(e) = self.base.put_secret(name, key, persistence).await {
            return Ok(KeySaveOutcome::KeychainUnavailable {
                problem: e.problem,
                message: e.message(),
            });
        }
        Ok(KeySaveOutcome::Saved {
            workspace: view(record, active, Some(SecretState::kept(persistence))),
        })
    }
}
