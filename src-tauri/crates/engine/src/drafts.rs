//! The draft as the engine reads and writes it. Every write goes through [`Engine::write_drafts`],
//! which forgets the decoded copy kept in memory, so reads never see a stale draft.

use crate::Engine;
use crate::error::EngineResult;
use crate::numbers::convert::fields_of;
use domain::{Country, RingotelId, SmsNumberFields, WorkspaceId};
use ringotel::SmsTrunk;
use std::collections::HashMap;
use std::sync::{Arc, MutexGuard, OnceLock};
use store::Database;
use store::tables::draft_numbers::{self, DraftRecord, DraftTarget};

/// One drafted change, with the number it was based on decoded the first time it is needed.
#[derive(Debug)]
pub struct Draft {
    record: DraftRecord,
    base: OnceLock<Result<Option<SmsNumberFields>, String>>,
}

impl Draft {
    pub fn new(record: DraftRecord) -> Self {
        Self {
            record,
            base: OnceLock::new(),
        }
    }

    /// The number as it was when the draft of it began (`None` for a new number), or what in
    /// the saved copy cannot be read. Decoded once: every view and plan compares against it.
    pub fn base(&self, fallback: Country) -> Result<Option<&SmsNumberFields>, &str> {
        self.base
            .get_or_init(|| match &self.record.target {
                DraftTarget::New => Ok(None),
                DraftTarget::Existing { base, .. } => serde_json::from_str::<SmsTrunk>(base)
                    .map_err(|e| e.to_string())
                    .and_then(|t| fields_of(&t, fallback))
                    .map(Some),
            })
            .as_ref()
            .map(Option::as_ref)
            .map_err(String::as_str)
    }
}

impl std::ops::Deref for Draft {
    type Target = DraftRecord;
    fn deref(&self) -> &DraftRecord {
        &self.record
    }
}

/// Drafts decoded in this process, by workspace and organization. Decoding validates every
/// drafted number again, which for a thousand numbers costs more than the view built on them.
pub(crate) type DecodedDrafts = HashMap<(WorkspaceId, RingotelId), Arc<Vec<Draft>>>;

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
    ) -> EngineResult<Arc<Vec<Draft>>> {
        let key = (workspace.clone(), org.clone());
        if let Some(drafts) = self.decoded_drafts().get(&key).cloned() {
            return Ok(drafts);
        }
        let (ws, id) = key.clone();
        let records = self
            .with_db(move |db| Ok(draft_numbers::list(db.conn(), &ws, &id)?))
            .await?;
        let drafts: Arc<Vec<Draft>> = Arc::new(records.into_iter().map(Draft::new).collect());
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
