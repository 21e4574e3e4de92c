//! Sync: the Changes tab's plan of the draft against Ringotel, conflict resolution, and the
//! apply that sends it, journaled so that nothing is duplicated, lost or silently overwritten.

mod apply;
mod resolve;
mod values;
pub mod view;

pub use crate::stored::history::{HistoryEntry, HistoryView, SetupHistoryEntry};
pub use apply::StepOutcome;
pub use resolve::Side;
pub use view::ChangesView;

use crate::areas::numbers::table::NumbersState;
use crate::areas::setup::apply::SetupRunner;
use crate::base::clock::now_ms;
use crate::base::error::EngineResult;
use crate::base::error::Missing;
use crate::stored::engine::Engine;
use crate::stored::plan;
use crate::stored::snapshot::{Freshness, SavedPart};
use apply::Runner;
use domain::DraftId;
use domain::OrgId;
use domain::{JournalState, SyncAction};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use store::tables::{draft_numbers, draft_setup, setup_journal, sync_journal};
use ts_rs::TS;
use values::UserNames;

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

/// The message journaled for calls a stopped app never heard back about.
const INTERRUPTED: &str =
    "The app stopped before Ringotel answered; the next sync checked Ringotel and carried on.";

impl Engine {
    pub(crate) async fn changes_of(&self, state: &NumbersState) -> EngineResult<ChangesView> {
        let data = &state.snapshot.data;
        let plan = plan::plan(&state.drafts, data.live_index(), state.fallback_country());
        let failures = self.last_failures(state).await?;
        let setup = self
            .setup_items(&state.workspace, &data.organization.id)
            .await?;
        Ok(view::build(
            &plan,
            &UserNames::new(&data.users),
            &failures,
            setup,
            state.snapshot.fetched_at,
            state.snapshot.offline.clone(),
        ))
    }

    /// The Changes tab: the draft planned against Ringotel's numbers as last fetched (`Saved`,
    /// no network) or fetched now (`Live`, the saved copy when Ringotel cannot be reached).
    pub async fn changes_view(
        &self,
        org: OrgId,
        freshness: Freshness,
    ) -> EngineResult<ChangesView> {
        let state = self.numbers_state(&org, freshness).await?;
        self.changes_of(&state).await
    }

    /// Drops one drafted change.
    pub async fn discard_change(&self, org: OrgId, draft_id: DraftId) -> EngineResult<ChangesView> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        if !state.drafts.iter().any(|d| d.id == draft_id) {
            return Err(crate::base::error::EngineError::NotFound(
                Missing::DraftedChange(draft_id),
            ));
        }
        let ws = state.workspace.clone();
        self.write_drafts(&ws.clone(), move |db| {
            Ok(draft_numbers::remove(db.conn(), &ws, draft_id)?)
        })
        .await?;
        self.changes_of(&self.reread(&state).await?).await
    }

    /// Drops one drafted setup change; returns the Changes tab.
    pub async fn discard_setup_change(
        &self,
        org: OrgId,
        draft_id: DraftId,
    ) -> EngineResult<ChangesView> {
        let (ws, id) = (self.base.active_workspace().await?.id, org.clone());
        let found = self
            .base
            .with_db(move |db| Ok(draft_setup::remove(db.conn(), &ws, &id, draft_id)?))
            .await?;
        if !found {
            return Err(crate::base::error::EngineError::NotFound(
                Missing::DraftedChange(draft_id),
            ));
        }
        self.changes_view(org, Freshness::Saved).await
    }

    /// Drops the organization's whole draft.
    pub async fn discard_draft(&self, org: OrgId) -> EngineResult<ChangesView> {
        let connected = self.base.connect().await?;
        let (ws, id) = (connected.workspace_id(), org.clone());
        self.write_drafts(&ws.clone(), move |db| {
            draft_numbers::remove_org(db.conn(), &ws, &id)?;
            Ok(draft_setup::remove_org(db.conn(), &ws, &id)?)
        })
        .await?;
        let state = self
            .numbers_state_on(connected, &org, Freshness::Saved)
            .await?;
        self.changes_of(&state).await
    }

    /// Sends the draft to Ringotel: reads its numbers again, plans, and unless a conflict waits
    /// for the admin, applies every change (or those in `only`) at bounded concurrency, each
    /// journaled. One change failing does not stop the others.
    pub async fn sync(
        &self,
        org: OrgId,
        only: Option<Vec<DraftId>>,
        progress: impl Fn(SyncProgress) + Send + Sync + 'static,
    ) -> EngineResult<SyncReport> {
        let connected = self.base.connect().await?;
        let ws = connected.workspace_id();
        let (w, o) = (ws.clone(), org.clone());
        let interrupted = self
            .base
            .with_db(move |db| {
                setup_journal::interrupt_unfinished(db.conn(), &w, &o, INTERRUPTED)?;
                Ok(sync_journal::interrupt_unfinished(
                    db.conn(),
                    &w,
                    &o,
                    INTERRUPTED,
                )?)
            })
            .await?;
        let live = connected.ringotel.get_sms_trunks(&org).await?;
        self.save_part(&connected, &org, SavedPart::Trunks(live.clone()))
            .await?;
        let state = self
            .numbers_state_on(connected.clone(), &org, Freshness::Saved)
            .await?;
        let fallback = state.fallback_country();
        let mut plan = plan::plan(&state.drafts, state.snapshot.data.live_index(), fallback);
        if let Some(only) = &only {
            plan.steps.retain(|s| only.contains(&s.draft_id));
        }
        if plan.blocked().next().is_some() {
            return Ok(SyncReport {
                status: SyncStatus::Blocked,
                items: Vec::new(),
                setup: Vec::new(),
                sent: 0,
                failed: 0,
                failed_changes: Vec::new(),
                relogin: Vec::new(),
                resumed: 0,
                view: Some(self.changes_of(&state).await?),
            });
        }
        let run_id = now_ms();
        let setup_drafts = self.setup_drafts(&ws, &org).await?;
        let jobs = plan.sendable().count() as u32;
        let total = setup_drafts.len() as u32 + jobs;
        progress(SyncProgress {
            done: 0,
            total,
            failed: 0,
        });
        let mut setup_runner = SetupRunner {
            engine: self,
            connected: &connected,
            workspace: ws.clone(),
            org: org.clone(),
            run_id,
            thinq: None,
        };
        let mut setup = Vec::with_capacity(setup_drafts.len());
        for draft in setup_drafts {
            setup.push(setup_runner.run(draft).await);
            progress(SyncProgress {
                done: setup.len() as u32,
                total,
                failed: setup
                    .iter()
                    .filter(|o| o.state != JournalState::Done)
                    .count() as u32,
            });
        }
        let setup_failed = setup
            .iter()
            .filter(|o| o.state != JournalState::Done)
            .count() as u32;
        let before = SyncProgress {
            done: setup.len() as u32,
            total,
            failed: setup_failed,
        };
        // From here on something may have been sent: nothing below fails the sync, so its
        // report always carries every outcome (each is journaled already).
        let settled = self
            .settle(&state, &plan, run_id)
            .await
            .unwrap_or_else(|error| {
                // They stay in the draft; the next sync settles them again.
                tracing::warn!(%error, "changes Ringotel already holds could not be marked done");
                Vec::new()
            });
        let resumed = interrupted
            .iter()
            .filter(|e| e.intent.draft_id.is_some_and(|d| settled.contains(&d)))
            .count() as u32;
        let runner = Arc::new(Runner {
            engine: self.clone(),
            client: connected.ringotel.clone(),
            workspace: ws.clone(),
            org: org.clone(),
            run_id,
            live: live.into_iter().map(|t| (t.id.clone(), t)).collect(),
            fallback,
            retry: self.base.network.retry,
        });
        let outcomes = self.run_steps(runner, &plan, before, progress).await;
        // What Ringotel holds now, for every screen; the sync stands if this read fails. A
        // connection or the package changed: the whole organization, else its numbers.
        let ringotel_setup = setup
            .iter()
            .any(|o| o.state == JournalState::Done && o.service == domain::SetupService::Ringotel);
        if ringotel_setup {
            let _ = self.org_snapshot(&connected, &org, Freshness::Live).await;
        } else if let Ok(after) = connected.ringotel.get_sms_trunks(&org).await
            && let Err(error) = self
                .save_part(&connected, &org, SavedPart::Trunks(after))
                .await
        {
            tracing::warn!(%error, "the numbers as synced could not be saved for offline use");
        }
        let after = self.reread(&state).await.map_err(|error| {
            tracing::warn!(%error, "the organization could not be read again after the sync");
        });
        let users = UserNames::new(match &after {
            Ok(after) => &after.snapshot.data.users,
            Err(()) => &state.snapshot.data.users,
        });
        let numbers: HashMap<DraftId, String> = plan
            .steps
            .iter()
            .map(|s| (s.draft_id, s.number.international_display()))
            .collect();
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
        let failed = failed_changes.len() as u32;
        Ok(SyncReport {
            failed_changes,
            status: SyncStatus::Finished,
            sent: (outcomes.len() + setup.len()) as u32 - failed - setup_failed,
            failed: failed + setup_failed,
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
            view: match &after {
                Ok(after) => self
                    .changes_of(after)
                    .await
                    .map_err(|error| {
                        tracing::warn!(%error, "the Changes tab could not be built after the sync");
                    })
                    .ok(),
                Err(()) => None,
            },
        })
    }

    /// Drops drafted changes Ringotel already holds (a sync cut short made them, or someone
    /// made the same change), journaled as done; returns their draft ids.
    async fn settle(
        &self,
        state: &NumbersState,
        plan: &plan::Plan<'_>,
        run_id: i64,
    ) -> EngineResult<Vec<DraftId>> {
        let settled: Vec<(DraftId, i64, sync_journal::Intent)> = plan
            .steps
            .iter()
            .filter(|s| s.is_settled())
            .map(|s| {
                let action = match (s.mine, s.base) {
                    (None, _) => SyncAction::Delete,
                    (Some(_), None) => SyncAction::Create,
                    (Some(_), Some(_)) => SyncAction::Update,
                };
                let intent = sync_journal::Intent {
                    run_id,
                    draft_id: Some(s.draft_id),
                    action,
                    number: s.number.e164().to_owned(),
                    trunk_id: s.live.map(|(id, _)| id.clone()),
                    fields: Vec::new(),
                };
                (s.draft_id, s.draft_updated_at, intent)
            })
            .collect();
        if settled.is_empty() {
            return Ok(Vec::new());
        }
        let ids = settled.iter().map(|s| s.0).collect();
        let (ws, org) = (
            state.workspace.clone(),
            state.snapshot.data.organization.id.clone(),
        );
        self.write_drafts(&ws.clone(), move |db| {
            let tx = db
                .conn()
                .unchecked_transaction()
                .map_err(store::StoreError::from)?;
            for (draft_id, updated_at, intent) in settled {
                let id = sync_journal::record_intent(&tx, &ws, &org, &intent)?;
                sync_journal::record_outcome(
                    &tx,
                    &ws,
                    id,
                    JournalState::Done,
                    Some("Ringotel already had this change; nothing was sent."),
                    None,
                )?;
                draft_numbers::remove_applied(&tx, &ws, draft_id, updated_at)?;
            }
            tx.commit().map_err(store::StoreError::from)?;
            Ok(())
        })
        .await?;
        Ok(ids)
    }

    /// Runs the plan's calls, at most `sync_concurrency` at once, reporting progress as each ends.
    async fn run_steps(
        &self,
        runner: Arc<Runner>,
        plan: &plan::Plan<'_>,
        before: SyncProgress,
        progress: impl Fn(SyncProgress) + Send + Sync + 'static,
    ) -> Vec<StepOutcome> {
        let jobs: Vec<apply::Job> = plan.sendable().map(|(s, a)| apply::Job::of(s, a)).collect();
        let total = before.total;
        let permits = Arc::new(tokio::sync::Semaphore::new(
            self.base.network.sync_concurrency.max(1),
        ));
        let mut running = tokio::task::JoinSet::new();
        let mut tasks = HashMap::new();
        for job in jobs {
            let (runner, permits) = (runner.clone(), permits.clone());
            let named = (job.draft_id, apply::action_of(&job.action));
            let task = running.spawn(async move {
                let _permit = permits.acquire_owned().await;
                runner.run(job).await
            });
            tasks.insert(task.id(), named);
        }
        let mut outcomes = Vec::new();
        let mut failed = before.failed;
        while let Some(joined) = running.join_next_with_id().await {
            let outcome = match joined {
                Ok((_, outcome)) => outcome,
                // A change whose task ended abnormally is still named, as failed.
                Err(error) => {
                    let Some((draft_id, action)) = tasks.get(&error.id()).copied() else {
                        continue;
                    };
                    StepOutcome {
                        draft_id,
                        action,
                        state: JournalState::Failed,
                        detail: Some(format!("Stopped unexpectedly: {error}")),
                        users_touched: Vec::new(),
                    }
                }
            };
            if outcome.state != JournalState::Done {
                failed += 1;
            }
            outcomes.push(outcome);
            progress(SyncProgress {
                done: before.done + outcomes.len() as u32,
                total,
                failed,
            });
        }
        outcomes
    }
}
