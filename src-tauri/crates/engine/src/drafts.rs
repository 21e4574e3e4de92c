//! The draft as the engine reads and writes it. Every write goes through [`Engine::write_drafts`],
//! which forgets the decoded copy kept in memory, so reads never see a stale draft.

use crate::Engine;
use crate::error::EngineResult;
use domain::{RingotelId, WorkspaceId};
use std::collections::HashMap;
use std::sync::{Arc, MutexGuard};
use store::Database;
use store::tables::draft_numbers::{self, DraftRecord};

/// Drafts decoded in this process, by workspace and organization. Decoding validates every
/// drafted number again, which for a thousand numbers costs more than the view built on them.
pub(crate) type DecodedDrafts = HashMap<(WorkspaceId, RingotelId), Arc<Vec<DraftRecord>>>;

impl Engine {
    fn decoded_drafts(&self) -> MutexGuard<'_, DecodedDrafts> {
        self.decoded_drafts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The organization's drafted changes, oldest first.
    pub(crate) async fn drafts(
        &self,
        workspace: &WorkspaceId,
        org: &RingotelId,
    ) -> EngineResult<Arc<Vec<DraftRecord>>> {
        let key = (workspace.clone(), org.clone());
        if let Some(drafts) = self.decoded_drafts().get(&key).cloned() {
            return Ok(drafts);
        }
        let (ws, id) = key.clone();
        let drafts = Arc::new(
            self.with_db(move |db| Ok(draft_numbers::list(db.conn(), &ws, &id)?))
                .await?,
        );
        self.decoded_drafts().insert(key, drafts.clone());
        Ok(drafts)
    }

    /// Runs a write to the workspace's draft, then forgets the workspace's decoded drafts
    /// (also when the write failed part-way: the file is the truth).
    pub(crate) async fn write_drafts<T, F>(
        &self,
        workspace: &WorkspaceId,
        write: F,
    ) -> EngineResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Database) -> EngineResult<T> + Send + 'static,
    {
        let outcome = self.with_db(write).await;
        self.decoded_drafts().retain(|(ws, _), _| ws != workspace);
        outcome
    }
}
