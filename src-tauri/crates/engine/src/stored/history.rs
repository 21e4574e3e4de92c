//! The History tab: the sync journal, newest first, in the admin's words.

use crate::base::error::EngineResult;
use crate::base::handle::Base;
use domain::OrgId;
use domain::{JournalState, PhoneNumber, SyncAction};
use serde::Serialize;
use store::tables::{setup_journal, sync_journal};
use ts_rs::TS;

/// How many entries the History tab shows.
const HISTORY_LIMIT: usize = 500;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub id: i64,
    /// When the call was made (Unix milliseconds).
    pub at: i64,
    pub action: SyncAction,
    pub action_label: String,
    pub number: String,
    /// The fields an update set, named as the editor names them (none for an add or delete,
    /// which concern the whole number).
    pub fields: Vec<String>,
    pub state: JournalState,
    pub state_label: String,
    pub detail: Option<String>,
}

/// A setup change that was sent (a connection, the package, the thinQ side).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupHistoryEntry {
    pub id: i64,
    pub at: i64,
    /// "thinQ · SMS feature".
    pub kind_label: String,
    pub description: String,
    pub state: JournalState,
    pub state_label: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryView {
    pub entries: Vec<HistoryEntry>,
    pub setup: Vec<SetupHistoryEntry>,
}

/// The sync journal as the History tab shows it.
#[derive(Clone, Copy)]
pub struct History<'s> {
    pub(crate) base: &'s Base,
}

impl<'s> History<'s> {
    pub(crate) fn new(base: &'s Base) -> Self {
        Self { base }
    }
}

impl History<'_> {
    /// The organization's sync journal, newest first. Reads only the local database.
    pub async fn view(&self, org: OrgId) -> EngineResult<HistoryView> {
        let ws = self.base.active_workspace().await?.id;
        let (entries, setup) = self
            .base
            .with_db(move |db| {
                Ok((
                    sync_journal::list(db.conn(), &ws, &org, HISTORY_LIMIT)?,
                    setup_journal::list(db.conn(), &ws, &org, HISTORY_LIMIT)?,
                ))
            })
            .await?;
        Ok(HistoryView {
            setup: setup
                .into_iter()
                .map(|e| SetupHistoryEntry {
                    id: e.id,
                    at: e.started_at,
                    kind_label: e.change.kind().label_with_service(),
                    description: e.change.describe(),
                    state: e.state,
                    state_label: e.state.label().into(),
                    detail: e.detail,
                })
                .collect(),
            entries: entries
                .into_iter()
                .map(|e| HistoryEntry {
                    id: e.id,
                    at: e.started_at,
                    action: e.intent.action,
                    action_label: e.intent.action.label().into(),
                    number: PhoneNumber::from_wire(&e.intent.number)
                        .map_or(e.intent.number.clone(), |n| n.international_display()),
                    fields: match e.intent.action {
                        SyncAction::Update => e
                            .intent
                            .fields
                            .iter()
                            .map(|f| f.label().to_owned())
                            .collect(),
                        SyncAction::Create | SyncAction::Delete => Vec::new(),
                    },
                    state: e.state,
                    state_label: e.state.label().into(),
                    detail: e.detail,
                })
                .collect(),
        })
    }
}
