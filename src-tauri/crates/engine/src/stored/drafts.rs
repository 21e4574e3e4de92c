//! One drafted change as the engine holds it, with the number it was based on read as typed
//! fields when the change is read.

use domain::OrgId;
use domain::{Country, SmsNumberFields, WorkspaceId};
use ringotel::{SmsTrunk, UnreadableTrunk};
use std::collections::HashMap;
use std::sync::Arc;
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

/// One drafted change, with the number it was based on read in the organization's fallback
/// country (see `OrgSnapshot::fallback_country`).
#[derive(Debug)]
pub struct Draft {
    record: DraftRecord,
    base: Result<Option<SmsNumberFields>, UnreadableBase>,
}

impl Draft {
    pub fn new(record: DraftRecord, fallback: Country) -> Self {
        let base = match &record.target {
            DraftTarget::New => Ok(None),
            DraftTarget::Existing { base, .. } => serde_json::from_str::<SmsTrunk>(base)
                .map_err(|e| UnreadableBase::NotATrunk(e.to_string()))
                .and_then(|t| t.fields(fallback).map_err(UnreadableBase::Trunk))
                .map(Some),
        };
        Self { record, base }
    }

    /// The number as it was when the draft of it began (`None` for a new number), or what in
    /// the saved copy cannot be read: every view and plan compares against it.
    pub fn base(&self) -> Result<Option<&SmsNumberFields>, &UnreadableBase> {
        self.base.as_ref().map(Option::as_ref)
    }
}

impl std::ops::Deref for Draft {
    type Target = DraftRecord;
    fn deref(&self) -> &DraftRecord {
        &self.record
    }
}

/// Drafts decoded in this process, by workspace and organization, with the fallback country
/// their bases were read in. Decoding validates every drafted number again, which for a
/// thousand numbers costs more than the view built on them.
pub(crate) type DecodedDrafts = HashMap<(WorkspaceId, OrgId), (Country, Arc<Vec<Draft>>)>;
