//! The draft read and written through the engine. Every write goes through
//! [`Stored::write_drafts`], which forgets the decoded copy kept in memory, so reads never see a
//! stale draft.

use super::drafts::{DecodedDrafts, Draft};
use crate::base::error::EngineResult;
use crate::stored::handle::Stored;
use domain::OrgId;
use domain::{Country, WorkspaceId};
use std::sync::{Arc, MutexGuard};
use store::Database;
use store::tables::drafted;

impl Stored {
    fn decoded_drafts(&self) -> MutexGuard<'_, DecodedDrafts> {
        self.decoded_drafts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The organization's drafted number changes, oldest first, their bases read with
    /// `fallback` (the organization's fallback country).
    pub(crate) async fn drafts(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
        fallback: Country,
    ) -> EngineResult<Arc<Vec<Draft>>> {
        let key = (workspace.clone(), org.clone());
        if let Some((read_in, drafts)) = self.decoded_drafts().get(&key).cloned()
            && read_in == fallback
        {
            return Ok(drafts);
        }
        let (ws, id) = key.clone();
        let records = self
            .base
            .with_db(move |db| Ok(drafted::numbers::list(db.conn(), &ws, &id)?))
            .await?;
        let drafts: Arc<Vec<Draft>> = Arc::new(
            records
                .into_iter()
                .map(|r| Draft::new(r, fallback))
                .collect(),
        );
        self.decoded_drafts()
            .insert(key, (fallback, drafts.clone()));
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
        let outcome = self.base.with_db(write).await;
        self.decoded_drafts().retain(|(ws, _), _| ws != workspace);
        outcome
    }
}
