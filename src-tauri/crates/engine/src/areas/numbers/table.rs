//! The Numbers tab's table: the organization's SMS numbers as last fetched, with the draft on
//! top, and a status per row that the code computed (synced, new, changed, deleted, conflict).

use super::service::Numbers;
use crate::base::context::Connected;
use crate::base::error::EngineResult;
use crate::stored::drafts::Draft;
use crate::stored::plan::{self, Blocker};
use crate::stored::snapshot::{
    Fetched, Freshness, OfflineNote, OrgSnapshot, unknown_user_label, user_label,
};
use domain::DraftId;
use domain::OrgId;
use domain::SmsNumberId;
use domain::UserId;
use domain::formats::WireChoice;
use domain::{
    Country, InboundFormat, OutboundFormat, SmsField, SmsNumberFields, WorkspaceId, stickiness,
};
use ringotel::SmsTrunk;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use store::tables::drafted::numbers::{DraftChange, DraftTarget};
use store::tables::journal;
use ts_rs::TS;

/// Which number a row, an edit or a deletion is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum NumberKey {
    /// A number Ringotel has.
    Existing { trunk_id: SmsNumberId },
    /// A number that exists only in the draft.
    New { draft_id: DraftId },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NumberStatus {
    Synced,
    New,
    Changed,
    Deleted,
    /// Sync waits for the admin: a field changed both here and in Ringotel since the draft
    /// began, the number was deleted there, or a new one was made there meanwhile.
    Conflict,
    /// The last sync of this change failed; it stays in the draft.
    Failed,
}

impl NumberStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Synced => "Synced",
            Self::New => "Draft: new",
            Self::Changed => "Draft: changed",
            Self::Deleted => "Draft: delete",
            Self::Conflict => "Conflict",
            Self::Failed => "Sync failed",
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UserRef {
    pub id: UserId,
    /// "Ava Kowalski (101)", or "Unknown user …" when the organization no longer has it
    /// (see [`user_label`]).
    pub label: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NumberRow {
    pub key: NumberKey,
    pub status: NumberStatus,
    pub status_label: &'static str,
    /// Fields changed both here and in Ringotel since the draft began, and their names (or
    /// what else waits for the admin).
    pub conflicts: Vec<SmsField>,
    pub conflict_labels: Vec<String>,
    /// Why the last sync of this change failed.
    pub failure: Option<String>,
    /// As Ringotel stores it (E.164 digits without '+').
    pub number: String,
    pub formatted: String,
    pub name: String,
    pub users: Vec<UserRef>,
    pub stickiness: String,
    pub inbound: String,
    pub outbound: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NumbersView {
    pub rows: Vec<NumberRow>,
    pub fetched_at: i64,
    pub offline: Option<OfflineNote>,
    pub simulated: bool,
    /// How many numbers the draft changes.
    pub drafted: u32,
}

/// What every Numbers action reads: the saved or live organization and its draft.
pub(crate) struct NumbersState {
    pub connected: Connected,
    pub workspace: WorkspaceId,
    pub snapshot: Fetched<Arc<OrgSnapshot>>,
    pub drafts: Arc<Vec<Draft>>,
}

/// The last sync's failure per drafted change, from the journal; read only to build a view, not
/// for every as-you-type check that loads the state.
pub(crate) type LastFailures = HashMap<DraftId, String>;

impl NumbersState {
    /// The country numbers are read in when a trunk names none.
    pub fn fallback_country(&self) -> Country {
        self.snapshot.data.fallback_country()
    }

    /// The ids of the organization's users, which a number's users must be among.
    pub fn known_users(&self) -> std::collections::HashSet<UserId> {
        self.snapshot
            .data
            .users()
            .iter()
            .map(|u| u.id.clone())
            .collect()
    }

    /// The organization's thinQ integration, which new numbers go through.
    pub fn thinq_service(&self) -> Option<&ringotel::Service> {
        self.snapshot.data.thinq_service()
    }

    /// The Numbers tab's view of this state.
    pub fn view(&self, failures: &LastFailures) -> NumbersView {
        NumbersView {
            rows: rows(self, failures),
            fetched_at: self.snapshot.fetched_at,
            offline: self.snapshot.offline.clone(),
            simulated: self.connected.is_sandbox(),
            drafted: self.drafts.len() as u32,
        }
    }

    pub fn trunk(&self, id: &SmsNumberId) -> Option<&SmsTrunk> {
        self.snapshot.data.trunk(id)
    }

    pub fn draft_of(&self, key: &NumberKey) -> Option<&Draft> {
        self.drafts.iter().find(|d| match (&d.target, key) {
            (DraftTarget::New, NumberKey::New { draft_id }) => d.id == *draft_id,
            (DraftTarget::Existing { trunk_id, .. }, NumberKey::Existing { trunk_id: k }) => {
                trunk_id == k
            }
            _ => false,
        })
    }
}

fn labels(fields: &[SmsField]) -> Vec<String> {
    fields.iter().map(|f| f.label().to_owned()).collect()
}

struct RowBuilder<'a> {
    snapshot: &'a OrgSnapshot,
}

impl RowBuilder<'_> {
    fn users(&self, ids: &[UserId]) -> Vec<UserRef> {
        ids.iter()
            .map(|id| match self.snapshot.user(id) {
                Some(u) => UserRef {
                    id: id.clone(),
                    label: user_label(u),
                },
                None => UserRef {
                    id: id.clone(),
                    label: unknown_user_label(id),
                },
            })
            .collect()
    }

    fn live_row(&self, trunk: &SmsTrunk, status: NumberStatus) -> NumberRow {
        NumberRow {
            key: NumberKey::Existing {
                trunk_id: trunk.id.clone(),
            },
            status,
            status_label: status.label(),
            conflicts: Vec::new(),
            conflict_labels: Vec::new(),
            failure: None,
            number: trunk.number.clone(),
            formatted: self.snapshot.display_of(trunk).to_owned(),
            name: trunk.name.clone(),
            users: self.users(&trunk.users),
            stickiness: stickiness::wire_label(trunk.session_timeout),
            inbound: InboundFormat::wire_label(&trunk.inbound_format),
            outbound: OutboundFormat::wire_label(&trunk.outbound_format),
        }
    }

    fn drafted_row(
        &self,
        key: NumberKey,
        fields: &SmsNumberFields,
        status: NumberStatus,
    ) -> NumberRow {
        NumberRow {
            key,
            status,
            status_label: status.label(),
            conflicts: Vec::new(),
            conflict_labels: Vec::new(),
            failure: None,
            number: fields.number.ringotel_wire().to_owned(),
            formatted: fields.number.international_display(),
            name: fields.name.clone(),
            users: self.users(&fields.users),
            stickiness: fields.stickiness.label(),
            inbound: fields.inbound_format.label().into(),
            outbound: fields.outbound_format.label().into(),
        }
    }

    /// A drafted number's row, its status as the sync plan sees it: what blocks it, else
    /// whether its last sync failed, else what it does.
    fn drafted(
        &self,
        draft: &Draft,
        trunk: Option<&SmsTrunk>,
        failures: &HashMap<DraftId, String>,
    ) -> Option<NumberRow> {
        let step = plan::step(draft, self.snapshot.live_index())?;
        let key = match &draft.target {
            DraftTarget::New => NumberKey::New { draft_id: draft.id },
            DraftTarget::Existing { trunk_id, .. } => NumberKey::Existing {
                trunk_id: trunk_id.clone(),
            },
        };
        let failure = failures.get(&draft.id).cloned();
        let (status, conflicts, conflict_labels) = match &step.blocker {
            Some(Blocker::Fields(fields)) => {
                (NumberStatus::Conflict, fields.clone(), labels(fields))
            }
            Some(other) => (
                NumberStatus::Conflict,
                Vec::new(),
                vec![blocker_label(other)],
            ),
            None if failure.is_some() => (NumberStatus::Failed, Vec::new(), Vec::new()),
            None => (
                match (&draft.target, &draft.change) {
                    (_, DraftChange::Delete) => NumberStatus::Deleted,
                    (DraftTarget::New, _) => NumberStatus::New,
                    (DraftTarget::Existing { .. }, _) => NumberStatus::Changed,
                },
                Vec::new(),
                Vec::new(),
            ),
        };
        let row = match (&draft.change, trunk) {
            (DraftChange::Upsert(mine), _) => self.drafted_row(key, mine, status),
            (DraftChange::Delete, Some(trunk)) => self.live_row(trunk, status),
            (DraftChange::Delete, None) => return None,
        };
        Some(NumberRow {
            conflicts,
            conflict_labels,
            failure,
            ..row
        })
    }
}

/// What waits for the admin, in a few words for the table.
fn blocker_label(blocker: &Blocker) -> String {
    match blocker {
        Blocker::Fields(fields) => labels(fields).join(", "),
        Blocker::GoneFromRingotel => "deleted in Ringotel".into(),
        Blocker::AlreadyInRingotel { .. } => "made in Ringotel meanwhile".into(),
        Blocker::Unreadable(_) => "cannot be compared".into(),
    }
}

/// The rows of the Numbers tab: every number Ringotel has with its drafted change, then the
/// numbers that exist only in the draft.
pub(crate) fn rows(state: &NumbersState, failures: &LastFailures) -> Vec<NumberRow> {
    let data = &state.snapshot.data;
    let builder = RowBuilder { snapshot: data };
    let mut by_trunk: HashMap<&SmsNumberId, &Draft> = HashMap::new();
    let mut rows = Vec::with_capacity(data.trunks.len() + state.drafts.len());
    let mut new_rows = Vec::new();
    for draft in state.drafts.iter() {
        match &draft.target {
            DraftTarget::Existing { trunk_id, .. } => {
                by_trunk.insert(trunk_id, draft);
            }
            DraftTarget::New => new_rows.extend(builder.drafted(draft, None, failures)),
        }
    }
    for trunk in &data.trunks {
        rows.extend(match by_trunk.remove(&trunk.id) {
            Some(draft) => builder.drafted(draft, Some(trunk), failures),
            None => Some(builder.live_row(trunk, NumberStatus::Synced)),
        });
    }
    // Drafted changes to numbers that are gone from Ringotel since: the admin decides.
    for draft in state.drafts.iter() {
        if let DraftTarget::Existing { trunk_id, .. } = &draft.target
            && by_trunk.contains_key(trunk_id)
        {
            rows.extend(builder.drafted(draft, None, failures));
        }
    }
    rows.extend(new_rows);
    rows
}

impl Numbers<'_> {
    pub(crate) async fn numbers_state(
        &self,
        org: &OrgId,
        freshness: Freshness,
    ) -> EngineResult<NumbersState> {
        let connected = self.base.connect().await?;
        self.numbers_state_on(connected, org, freshness).await
    }

    /// [`Numbers::numbers_state`] on a workspace already connected: an action that reads the
    /// state again after writing does not look the workspace and its key up twice.
    pub(crate) async fn numbers_state_on(
        &self,
        connected: Connected,
        org: &OrgId,
        freshness: Freshness,
    ) -> EngineResult<NumbersState> {
        let workspace = connected.workspace_id();
        let snapshot = self.stored.org_snapshot(&connected, org, freshness).await?;
        let drafts = self
            .stored
            .drafts(&workspace, org, snapshot.data.fallback_country())
            .await?;
        Ok(NumbersState {
            connected,
            workspace,
            snapshot,
            drafts,
        })
    }

    pub(crate) async fn last_failures(&self, state: &NumbersState) -> EngineResult<LastFailures> {
        let (ws, id) = (
            state.workspace.clone(),
            state.snapshot.data.organization.id.clone(),
        );
        self.base
            .with_db(move |db| Ok(journal::last_failures(db.conn(), &ws, &id)?))
            .await
    }

    /// The Numbers tab's view of a state, with each change's last sync failure.
    pub(crate) async fn view_of(&self, state: &NumbersState) -> EngineResult<NumbersView> {
        Ok(state.view(&self.last_failures(state).await?))
    }

    /// The same organization read again from what is saved, after a write to its draft.
    pub(crate) async fn reread(&self, state: &NumbersState) -> EngineResult<NumbersState> {
        let org = state.snapshot.data.organization.id.clone();
        self.numbers_state_on(state.connected.clone(), &org, Freshness::Saved)
            .await
    }

    /// The Numbers tab. `Saved` reads the organization as last fetched (no network needed);
    /// `Live` fetches it again, falling back to the saved copy when Ringotel cannot be reached.
    pub async fn view(&self, org: OrgId, freshness: Freshness) -> EngineResult<NumbersView> {
        let state = self.numbers_state(&org, freshness).await?;
        self.view_of(&state).await
    }
}
