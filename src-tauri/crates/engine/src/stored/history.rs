//! The History tab: the journal, newest first, in the admin's words.

use crate::base::error::EngineResult;
use crate::base::handle::Base;
use domain::OrgId;
use domain::{JournalState, PhoneNumber, SyncAction};
use serde::Serialize;
use store::tables::journal::{self, Of};
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
                    journal::list(db.conn(), &ws, &org, Of::Numbers, HISTORY_LIMIT)?,
                    journal::list(db.conn(), &ws, &org, Of::Setup, HISTORY_LIMIT)?,
                ))
            })
            .await?;
        Ok(HistoryView {
            setup: setup
                .into_iter()
                .filter_map(|e| {
                    let change = e.setup_change()?;
                    Some(SetupHistoryEntry {
                        id: e.id,
                        at: e.started_at,
                        kind_label: change.kind().label_with_service(),
                        description: change.describe(),
                        state: e.state,
                        state_label: e.state.label().into(),
                        detail: e.detail,
                    })
                })
                .collect(),
            entries: entries
                .into_iter()
                .filter_map(|e| {
                    let call = e.number_call()?;
                    Some(HistoryEntry {
                        id: e.id,
                        at: e.started_at,
                        action: call.action,
                        action_label: call.action.label().into(),
                        number: PhoneNumber::display_of_wire(&call.number),
                        fields: match call.action {
                            SyncAction::Update => {
                                call.fields.iter().map(|f| f.label().to_owned()).collect()
                            }
                            SyncAction::Create | SyncAction::Delete => Vec::new(),
                        },
                        state: e.state,
                        state_label: e.state.label().into(),
                        detail: e.detail.clone(),
                    })
                })
                .collect(),
        })
    }
}
