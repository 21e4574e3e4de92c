//! Resolving what blocks a sync: keep mine or take Ringotel's, by rebasing the drafted change
//! on the number as Ringotel has it now. A later change in Ringotel is then a new conflict.

use super::service::Changes;
use super::view::ChangesView;
use crate::base::error::{EngineError, EngineResult};
use crate::base::error::{Internal, Missing};
use crate::stored::plan::{self, Blocker};
use crate::stored::snapshot::Freshness;
use domain::DraftId;
use domain::OrgId;
use domain::SmsField;
use ringotel::SmsTrunk;
use serde::Deserialize;
use store::tables::drafted::{
    self,
    numbers::{DraftChange, DraftTarget},
};
use ts_rs::TS;

/// Which side wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    /// The draft's value is sent.
    Mine,
    /// Ringotel's value is kept, and the draft follows it.
    Theirs,
}

/// What resolving does to the drafted change.
enum Rewrite {
    Replace(DraftTarget, DraftChange),
    Drop,
}

fn json(trunk: &SmsTrunk) -> EngineResult<String> {
    serde_json::to_string(trunk).map_err(|e| EngineError::Internal(e.into()))
}

impl Changes<'_> {
    /// Resolves the blocker of one drafted change: for conflicting fields, `field` (or all of
    /// them when `None`); otherwise the change as a whole.
    pub async fn resolve_conflict(
        &self,
        org: OrgId,
        draft_id: DraftId,
        field: Option<SmsField>,
        side: Side,
    ) -> EngineResult<ChangesView> {
        let state = self.numbers.numbers_state(&org, Freshness::Saved).await?;
        let not_found = || EngineError::NotFound(Missing::DraftedChange(draft_id));
        let draft = state
            .drafts
            .iter()
            .find(|d| d.id == draft_id)
            .ok_or_else(not_found)?;
        let data = &state.snapshot.data;
        let planned = plan::plan(std::slice::from_ref(draft), data.live_index());
        let step = planned.steps.first().ok_or_else(not_found)?;
        let Some(blocker) = &step.blocker else {
            return self.changes_of(&state).await;
        };
        let live_trunk = step.live.and_then(|(id, _)| data.trunk(id));
        let rebased_on_live = |trunk: &SmsTrunk| -> EngineResult<DraftTarget> {
            Ok(DraftTarget::Existing {
                trunk_id: trunk.id.clone(),
                base: json(trunk)?,
                base_fetched_at: state.snapshot.fetched_at,
            })
        };
        let rewrite = match (blocker, side) {
            (Blocker::Unreadable(problem), _) => {
                return Err(EngineError::Internal(Internal::CannotCompare(Box::new(
                    problem.clone(),
                ))));
            }
            (Blocker::GoneFromRingotel | Blocker::AlreadyInRingotel { .. }, Side::Theirs) => {
                Rewrite::Drop
            }
            (Blocker::GoneFromRingotel, Side::Mine) => {
                Rewrite::Replace(DraftTarget::New, draft.change.clone())
            }
            (Blocker::AlreadyInRingotel { .. }, Side::Mine) => {
                let trunk = live_trunk.ok_or_else(not_found)?;
                Rewrite::Replace(rebased_on_live(trunk)?, draft.change.clone())
            }
            // A deletion of a number changed since: delete anyway, or keep the number.
            (Blocker::Fields(_), Side::Theirs) if step.mine.is_none() => Rewrite::Drop,
            (Blocker::Fields(_), Side::Mine) if step.mine.is_none() => {
                let trunk = live_trunk.ok_or_else(not_found)?;
                Rewrite::Replace(rebased_on_live(trunk)?, DraftChange::Delete)
            }
            (Blocker::Fields(conflicts), side) => {
                let (
                    Some(trunk),
                    Some((_, theirs)),
                    Some(mine),
                    DraftTarget::Existing { base, .. },
                ) = (live_trunk, &step.live, &step.mine, &draft.target)
                else {
                    return Err(not_found());
                };
                let mut base: SmsTrunk =
                    serde_json::from_str(base).map_err(|e| EngineError::Internal(e.into()))?;
                let mut mine = domain::SmsNumberFields::clone(mine);
                for conflict in conflicts.iter().filter(|c| field.is_none_or(|f| f == **c)) {
                    // The base takes Ringotel's value: the field no longer counts as changed
                    // there. Taking theirs, the draft takes it too.
                    base.write_field(*conflict, theirs);
                    if side == Side::Theirs {
                        conflict.copy(theirs, &mut mine);
                    }
                }
                let target = DraftTarget::Existing {
                    trunk_id: trunk.id.clone(),
                    base: json(&base)?,
                    base_fetched_at: state.snapshot.fetched_at,
                };
                Rewrite::Replace(target, DraftChange::Upsert(Box::new(mine)))
            }
        };
        let (ws, org) = (
            state.workspace.clone(),
            state.snapshot.data.organization.id.clone(),
        );
        self.stored
            .write_drafts(&ws.clone(), move |db| {
                match rewrite {
                    Rewrite::Drop => drafted::remove(db.conn(), &ws, &org, draft_id)?,
                    Rewrite::Replace(target, change) => {
                        drafted::numbers::replace(db.conn(), &ws, draft_id, &target, &change)?
                    }
                };
                Ok(())
            })
            .await?;
        self.changes_of(&self.numbers.reread(&state).await?).await
    }
}
