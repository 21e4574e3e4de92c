//! Editing the draft: save a number from the editor, delete one, or drop a drafted change.
//! Every edit lands in SQLite at once and needs no network.

use super::editor::duplicate_of;
use super::service::Numbers;
use super::table::{NumberKey, NumbersState, NumbersView};
use crate::base::error::{EngineError, EngineResult};
use crate::base::error::{Internal, Missing};
use crate::stored::snapshot::Freshness;
use domain::OrgId;
use domain::sms_number::NumberRules;
use domain::{FieldKey, FieldProblem, ServiceId, SmsNumberFields, SmsNumberInput};
use serde::Serialize;
use store::tables::drafted::{self, numbers::DraftChange};
use ts_rs::TS;

/// What Save in the editor did: saved into the draft, or the fields at fault.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SaveNumberOutcome {
    Saved { key: NumberKey, view: NumbersView },
    Invalid { problems: Vec<FieldProblem> },
}

/// The integration a saved number goes through: the one it has, or the thinQ card's.
pub(crate) fn service_for(
    state: &NumbersState,
    editing: Option<&NumberKey>,
) -> EngineResult<ServiceId> {
    if let Some(NumberKey::Existing { trunk_id }) = editing
        && let Some(trunk) = state.trunk(trunk_id)
        && let Ok(service) = ServiceId::parse(&trunk.service)
    {
        return Ok(service);
    }
    if let Some(DraftChange::Upsert(fields)) =
        editing.and_then(|k| state.draft_of(k)).map(|d| &d.change)
    {
        return Ok(fields.service.clone());
    }
    state
        .thinq_service()
        .map(|s| s.id.clone())
        .ok_or_else(|| EngineError::NoThinqCard(state.snapshot.data.organization.name.clone()))
}

impl Numbers<'_> {
    /// The Numbers tab after a write to the draft.
    async fn reload(&self, state: &NumbersState) -> EngineResult<NumbersView> {
        self.view_of(&self.reread(state).await?).await
    }

    /// Saves the editor's fields into the draft: a new number, or a change to one.
    pub async fn save(
        &self,
        org: OrgId,
        editing: Option<NumberKey>,
        input: SmsNumberInput,
    ) -> EngineResult<SaveNumberOutcome> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        let known = state.known_users();
        let rules = NumberRules {
            known_users: &known,
            service: service_for(&state, editing.as_ref())?,
        };
        let fields = match input.validate(&rules) {
            Ok(fields) => fields,
            Err(problems) => return Ok(SaveNumberOutcome::Invalid { problems }),
        };
        if let Some(message) = duplicate_of(&state, &fields.number, editing.as_ref()) {
            return Ok(SaveNumberOutcome::Invalid {
                problems: vec![FieldProblem::new(FieldKey::Number, message)],
            });
        }
        let key = self.write_draft(&state, editing, fields).await?;
        Ok(SaveNumberOutcome::Saved {
            key,
            view: self.reload(&state).await?,
        })
    }

    /// Writes a number's fields into the draft: a new number, a drafted one, or an edit of one
    /// Ringotel has (dropped again when it matches Ringotel's).
    pub(crate) async fn write_draft(
        &self,
        state: &NumbersState,
        editing: Option<NumberKey>,
        fields: SmsNumberFields,
    ) -> EngineResult<NumberKey> {
        let (ws, org) = (
            state.workspace.clone(),
            state.snapshot.data.organization.id.clone(),
        );
        match editing {
            None => {
                let id = self
                    .stored
                    .write_drafts(&ws.clone(), move |db| {
                        Ok(drafted::numbers::insert_new(db.conn(), &ws, &org, &fields)?)
                    })
                    .await?;
                Ok(NumberKey::New { draft_id: id })
            }
            Some(NumberKey::New { draft_id }) => {
                // Only a draft of this organization: an id from another one is not found here.
                if state.draft_of(&NumberKey::New { draft_id }).is_none() {
                    return Err(EngineError::NotFound(Missing::DraftedNumber(draft_id)));
                }
                let change = DraftChange::Upsert(Box::new(fields));
                let found = self
                    .stored
                    .write_drafts(&ws.clone(), move |db| {
                        Ok(drafted::numbers::update_change(
                            db.conn(),
                            &ws,
                            draft_id,
                            &change,
                        )?)
                    })
                    .await?;
                if !found {
                    return Err(EngineError::NotFound(Missing::DraftedNumber(draft_id)));
                }
                Ok(NumberKey::New { draft_id })
            }
            Some(NumberKey::Existing { trunk_id }) => {
                let trunk = state
                    .trunk(&trunk_id)
                    .ok_or_else(|| EngineError::NotFound(Missing::SmsNumber(trunk_id.clone())))?;
                let unchanged = trunk
                    .fields(state.fallback_country())
                    .is_ok_and(|live| domain::changed_fields(&live, &fields).is_empty());
                let key = NumberKey::Existing { trunk_id };
                if unchanged {
                    self.drop_draft(state, &key).await?;
                } else {
                    self.draft_existing(state, &key, DraftChange::Upsert(Box::new(fields)))
                        .await?;
                }
                Ok(key)
            }
        }
    }

    /// Drafts a change to a number Ringotel has, anchored to the trunk as last fetched.
    pub(crate) async fn draft_existing(
        &self,
        state: &NumbersState,
        key: &NumberKey,
        change: DraftChange,
    ) -> EngineResult<()> {
        let NumberKey::Existing { trunk_id } = key else {
            return Err(EngineError::Internal(Internal::NotAnExistingNumber));
        };
        let trunk = state
            .trunk(trunk_id)
            .ok_or_else(|| EngineError::NotFound(Missing::SmsNumber(trunk_id.clone())))?;
        let base = serde_json::to_string(trunk).map_err(|e| EngineError::Internal(e.into()))?;
        let fetched_at = state.snapshot.fetched_at;
        let (ws, org, trunk_id) = (
            state.workspace.clone(),
            state.snapshot.data.organization.id.clone(),
            trunk_id.clone(),
        );
        self.stored
            .write_drafts(&ws.clone(), move |db| {
                drafted::numbers::upsert_existing(
                    db.conn(),
                    &ws,
                    &org,
                    &trunk_id,
                    &base,
                    fetched_at,
                    &change,
                )?;
                Ok(())
            })
            .await
    }

    async fn drop_draft(&self, state: &NumbersState, key: &NumberKey) -> EngineResult<()> {
        if let Some(draft) = state.draft_of(key) {
            let (ws, org, id) = (
                state.workspace.clone(),
                state.snapshot.data.organization.id.clone(),
                draft.id,
            );
            self.stored
                .write_drafts(&ws.clone(), move |db| {
                    Ok(drafted::remove(db.conn(), &ws, &org, id)?)
                })
                .await?;
        }
        Ok(())
    }

    /// Deletes a number: a drafted new number is dropped; an existing one is drafted for deletion.
    pub async fn delete(&self, org: OrgId, key: NumberKey) -> EngineResult<NumbersView> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        match &key {
            NumberKey::New { .. } => self.drop_draft(&state, &key).await?,
            NumberKey::Existing { .. } => {
                self.draft_existing(&state, &key, DraftChange::Delete)
                    .await?
            }
        }
        self.reload(&state).await
    }

    /// Drops the drafted change of one number: it goes back to what Ringotel has.
    pub async fn revert(&self, org: OrgId, key: NumberKey) -> EngineResult<NumbersView> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        self.drop_draft(&state, &key).await?;
        self.reload(&state).await
    }
}
