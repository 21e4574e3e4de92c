//! One drafted change as the engine holds it, with the number it was based on decoded once.

use domain::OrgId;
use domain::{Country, SmsNumberFields, WorkspaceId};
use ringotel::{SmsTrunk, UnreadableTrunk};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use store::tables::drafted::numbers::{DraftRecord, DraftTarget};

/// What in the saved copy a change was drafted on cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnreadableBase {
    /// It is not a trunk as saved (the JSON decoder's words).
    NotATrunk(String),
    Trunk(UnreadableTrunk),
}

impl std::fmt::Display for UnreadableBase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotATrunk(reason) => f.write_str(reason),
            Self::Trunk(problem) => write!(f, "{problem}"),
        }
    }
}

/// One drafted change, with the number it was based on decoded the first time it is needed.
#[derive(Debug)]
pub struct Draft {
    record: DraftRecord,
    base: OnceLock<Result<Option<SmsNumberFields>, UnreadableBase>>,
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
    pub fn base(&self, fallback: Country) -> Result<Option<&SmsNumberFields>, &UnreadableBase> {
        self.base
            .get_or_init(|| match &self.record.target {
                DraftTarget::New => Ok(None),
                DraftTarget::Existing { base, .. } => serde_json::from_str::<SmsTrunk>(base)
                    .map_err(|e| UnreadableBase::NotATrunk(e.to_string()))
                    .and_then(|t| t.fields(fallback).map_err(UnreadableBase::Trunk))
                    .map(Some),
            })
            .as_ref()
            .map(Option::as_ref)
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
pub(crate) type DecodedDrafts = HashMap<(WorkspaceId, OrgId), Arc<Vec<Draft>>>;
