//! What a sync reports: progress while it runs, and at the end every change's outcome, who
//! must sign in again, and the Changes tab as it is now. Built only from what the run already
//! holds, so it cannot fail once anything was sent.

use super::apply::StepOutcome;
use super::values::UserNames;
use super::view::ChangesView;
use crate::areas::setup::apply::SetupOutcome;
use domain::{DraftId, JournalState, SyncAction};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// How far a running sync is, sent after each change ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    pub done: u32,
    pub total: u32,
    pub failed: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncStatus {
    /// Every change was sent, or those that failed are named.
    Finished,
    /// Conflicts wait for the admin: nothing was sent.
    Blocked,
}

/// One change's result.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncItemResult {
    pub draft_id: DraftId,
    pub number: String,
    pub action: SyncAction,
    pub action_label: String,
    pub state: JournalState,
    pub state_label: String,
    pub detail: Option<String>,
}

/// One setup change's result.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupResult {
    pub draft_id: DraftId,
    pub description: String,
    pub state: JournalState,
    pub state_label: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub status: SyncStatus,
    pub items: Vec<SyncItemResult>,
    /// The setup changes sent before the numbers.
    pub setup: Vec<SetupResult>,
    pub sent: u32,
    /// Changes of either kind that did not reach their end.
    pub failed: u32,
    /// The drafted number changes that failed, for "Retry failed".
    pub failed_changes: Vec<DraftId>,
    /// Users whose number assignments changed: they must sign in again, or use Reload Objects,
    /// in their Ringotel app. "Name (extension)".
    pub relogin: Vec<String>,
    /// Changes a sync cut short earlier (the app stopped) that this one found made or finished.
    pub resumed: u32,
    /// The Changes tab after the sync; `None` when it could not be read again (the sync and
    /// its outcomes stand: the tab reads it afresh).
    pub view: Option<ChangesView>,
}

impl SyncReport {
    /// The report of a sync that a conflict stopped before anything was sent.
    pub(crate) fn blocked(view: ChangesView) -> Self {
        Self {
            status: SyncStatus::Blocked,
            items: Vec::new(),
            setup: Vec::new(),
            sent: 0,
            failed: 0,
            failed_changes: Vec::new(),
            relogin: Vec::new(),
            resumed: 0,
            view: Some(view),
        }
    }
}

/// What a finished run did, as the report says it.
pub(crate) struct Finished<'a> {
    pub setup: Vec<SetupOutcome>,
    pub outcomes: Vec<StepOutcome>,
    /// Each planned change's number as shown, by draft id.
    pub numbers: HashMap<DraftId, String>,
    /// The organization's users after the run (or before it, when it could not be read again).
    pub users: UserNames<'a>,
    pub resumed: u32,
    pub view: Option<ChangesView>,
}

/// The report of a finished run: pure, so nothing here can fail.
pub(crate) fn finished(run: Finished<'_>) -> SyncReport {
    let Finished {
        setup,
        outcomes,
        numbers,
        users,
        resumed,
        view,
    } = run;
    let mut relogin: Vec<String> = outcomes
        .iter()
        // A user the organization no longer has cannot sign in again.
        .flat_map(|o| o.users_touched.iter().filter(|u| users.knows(u)))
        .map(|u| users.name(u))
        .collect();
    relogin.sort();
    relogin.dedup();
    let failed_changes: Vec<DraftId> = outcomes
        .iter()
        .filter(|o| o.state != JournalState::Done)
        .map(|o| o.draft_id)
        .collect();
    let setup_failed = setup
        .iter()
        .filter(|o| o.state != JournalState::Done)
        .count() as u32;
    let failed = failed_changes.len() as u32;
    SyncReport {
        status: SyncStatus::Finished,
        sent: (outcomes.len() + setup.len()) as u32 - failed - setup_failed,
        failed: failed + setup_failed,
        failed_changes,
        setup: setup
            .into_iter()
            .map(|o| SetupResult {
                draft_id: o.draft_id,
                description: o.description,
                state: o.state,
                state_label: o.state.label().into(),
                detail: o.detail,
            })
            .collect(),
        relogin,
        resumed,
        items: outcomes
            .into_iter()
            .map(|o| SyncItemResult {
                number: numbers.get(&o.draft_id).cloned().unwrap_or_default(),
                draft_id: o.draft_id,
                action: o.action,
                action_label: o.action.label().into(),
                state: o.state,
                state_label: o.state.label().into(),
                detail: o.detail,
            })
            .collect(),
        view,
    }
}
