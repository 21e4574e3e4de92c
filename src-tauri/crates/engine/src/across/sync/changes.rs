//! The Changes tab: the draft planned against Ringotel's numbers, and dropping changes from it.

use super::service::Changes;
use super::values::UserNames;
use super::view::{self, ChangesView};
use crate::areas::numbers::table::NumbersState;
use crate::base::error::{EngineError, EngineResult, Missing};
use crate::stored::plan;
use crate::stored::snapshot::Freshness;
use domain::{DraftId, OrgId};
use store::tables::drafted;

impl Changes<'_> {
    pub(crate) async fn changes_of(&self, state: &NumbersState) -> EngineResult<ChangesView> {
        let data = &state.snapshot.data;
        let plan = plan::plan(&state.drafts, data.live_index());
        let failures = self.numbers.last_failures(state).await?;
        let setup = self
            .setup
            .setup_items(&state.workspace, &data.organization.id)
            .await?;
        Ok(view::build(
            &plan,
            &UserNames::new(data),
            &failures,
            setup,
            state.snapshot.fetched_at,
            state.snapshot.offline.clone(),
        ))
    }

    /// The Changes tab: the draft planned against Ringotel's numbers as last fetched (`Saved`,
    /// no network) or fetched now (`Live`, the saved copy when Ringotel cannot be reached).
    pub async fn view(&self, org: OrgId, freshness: Freshness) -> EngineResult<ChangesView> {
        let state = self.numbers.numbers_state(&org, freshness).await?;
        self.changes_of(&state).await
    }

    /// Drops one drafted change.
    pub async fn discard(&self, org: OrgId, draft_id: DraftId) -> EngineResult<ChangesView> {
        let state = self.numbers.numbers_state(&org, Freshness::Saved).await?;
        if !state.drafts.iter().any(|d| d.id == draft_id) {
            return Err(EngineError::NotFound(Missing::DraftedChange(draft_id)));
        }
        let (ws, id) = (state.workspace.clone(), org.clone());
        self.stored
            .write_drafts(&ws.clone(), move |db| {
                Ok(drafted::remove(db.conn(), &ws, &id, draft_id)?)
            })
            .await?;
        self.changes_of(&self.numbers.reread(&state).await?).await
    }

    /// Drops one drafted setup change; returns the Changes tab.
    pub async fn discard_setup(&self, org: OrgId, draft_id: DraftId) -> EngineResult<ChangesView> {
        let (ws, id) = (self.base.active_workspace().await?.id, org.clone());
        let found = self
            .base
            .with_db(move |db| Ok(drafted::setup::remove(db.conn(), &ws, &id, draft_id)?))
            .await?;
        if !found {
            return Err(EngineError::NotFound(Missing::DraftedChange(draft_id)));
        }
        self.view(org, Freshness::Saved).await
    }

    /// Drops the organization's whole draft.
    pub async fn discard_all(&self, org: OrgId) -> EngineResult<ChangesView> {
        let connected = self.base.connect().await?;
        let (ws, id) = (connected.workspace_id(), org.clone());
        self.stored
            .write_drafts(&ws.clone(), move |db| {
                Ok(drafted::remove_org(db.conn(), &ws, &id)?)
            })
            .await?;
        let state = self
            .numbers
            .numbers_state_on(connected, &org, Freshness::Saved)
            .await?;
        self.changes_of(&state).await
    }
}
