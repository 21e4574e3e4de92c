//! The words of a sync: what a step does to a number and where its journal entry stands, each
//! with the one string it is stored as and the label the admin reads.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a sync step does to one SMS number in Ringotel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncAction {
    Create,
    Update,
    Delete,
}

impl SyncAction {
    pub const ALL: [Self; 3] = [Self::Create, Self::Update, Self::Delete];

    /// How the journal stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
        }
    }

    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == stored)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Create => "Add",
            Self::Update => "Change",
            Self::Delete => "Delete",
        }
    }
}

/// Where one journal entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum JournalState {
    /// Written before the call went out; no outcome known yet.
    Sending,
    /// Ringotel holds the change (its answer, or a read-back, said so).
    Done,
    /// Ringotel refused it, or it could not be confirmed; the change stays in the draft.
    Failed,
    /// The app stopped before the outcome was known; the next sync settled it.
    Interrupted,
}

impl JournalState {
    pub const ALL: [Self; 4] = [Self::Sending, Self::Done, Self::Failed, Self::Interrupted];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sending => "sending",
            Self::Done => "done",
            Self::Failed => "failed",
            Self::Interrupted => "interrupted",
        }
    }

    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == stored)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Sending => "Sending",
            Self::Done => "Done",
            Self::Failed => "Failed",
            Self::Interrupted => "Interrupted",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_strings_read_back_as_themselves() {
        for action in SyncAction::ALL {
            assert_eq!(SyncAction::parse(action.as_str()), Some(action));
        }
        for state in JournalState::ALL {
            assert_eq!(JournalState::parse(state.as_str()), Some(state));
        }
        assert_eq!(SyncAction::parse("upsert"), None);
    }
}
