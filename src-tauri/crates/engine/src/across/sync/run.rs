//! Running a sync in three phases: plan (read Ringotel's numbers again and plan the draft;
//! may fail, nothing is sent yet), apply (setup changes, then every number change at bounded
//! concurrency, each journaled; never fails as a whole) and report (best-effort reads and a
//! pure report, so a sync that sent N changes always returns their N outcomes).

use super::apply::{self, Runner, StepOutcome};
use super::report::{self, Finished, SyncProgress, SyncReport};
use super::service::Changes;
use super::values::UserNames;
use crate::areas::numbers::table::NumbersState;
use crate::areas::setup::apply::{SetupOutcome, SetupRunner};
use crate::base::clock::now_ms;
use crate::base::context::Connected;
use crate::base::error::EngineResult;
use crate::stored::journaled::{Run, Sending};
use crate::stored::plan::{self, Plan};
use crate::stored::snapshot::{Freshness, SavedPart};
use domain::{DraftId, JournalState, OrgId, SyncAction};
use std::collections::HashMap;
use std::sync::Arc;
use store::tables::journal::{self, JournaledCall, NumberCall};

/// The message journaled for calls a stopped app never heard back about.
const INTERRUPTED: &str =
    "The app stopped before Ringotel answered; the next sync checked Ringotel and carried on.";

/// What the plan phase read: the organization and its draft, Ringotel's numbers as they are
/// now, and what an earlier sync cut short left unfinished.
struct Planned {
    connected: Connected,
    state: NumbersState,
    interrupted: Vec<journal::JournalEntry>,
}

/// What the apply phase did.
struct Applied {
    setup: Vec<SetupOutcome>,
    outcomes: Vec<StepOutcome>,
    resumed: u32,
}

impl Changes<'_> {
    /// Sends the draft to Ringotel: reads its numbers again, plans, and unless a conflict waits
    /// for the admin, applies every change (or those in `only`) at bounded concurrency, each
    /// journaled. One change failing does not stop the others.
    pub async fn sync(
        &self,
        org: OrgId,
        only: Option<Vec<DraftId>>,
        progress: impl Fn(SyncProgress) + Send + Sync + 'static,
    ) -> EngineResult<SyncReport> {
        let planned = self.read_for_sync(&org).await?;
        let mut plan = plan::plan(
            &planned.state.drafts,
            planned.state.snapshot.data.live_index(),
        );
        if let Some(only) = &only {
            plan.steps.retain(|s| only.contains(&s.draft_id));
        }
        if plan.blocked().next().is_some() {
            return Ok(SyncReport::blocked(self.changes_of(&planned.state).await?));
        }
        let setup_drafts = self
            .stored
            .setup_drafts(&planned.state.workspace, &org)
            .await?;
        // From here on something may be sent: nothing below fails the sync.
        let applied = self
            .apply_all(&planned, &plan, setup_drafts, progress)
            .await;
        Ok(self.report(&planned, &plan, applied).await)
    }

    /// The plan phase's reads: journal entries a stopped app left open are closed, and
    /// Ringotel's numbers are read now and saved.
    async fn read_for_sync(&self, org: &OrgId) -> EngineResult<Planned> {
        let connected = self.base.connect().await?;
        let (w, o) = (connected.workspace_id(), org.clone());
        let interrupted = self
            .base
            .with_db(move |db| {
                Ok(journal::interrupt_unfinished(
                    db.conn(),
                    &w,
                    &o,
                    INTERRUPTED,
                )?)
            })
            .await?;
        let live = connected.ringotel.get_sms_trunks(org).await?;
        self.stored
            .save_part(&connected, org, SavedPart::Trunks(live.clone()))
            .await?;
        let state = self
            .numbers
            .numbers_state_on(connected.clone(), org, Freshness::Saved)
            .await?;
        Ok(Planned {
            connected,
            state,
            interrupted,
        })
    }

    /// The apply phase: setup changes first, in the order a sync sends them, then the number
    /// changes. Every outcome is journaled as it ends; nothing here fails the sync.
    async fn apply_all(
        &self,
        planned: &Planned,
        plan: &Plan<'_>,
        setup_drafts: Vec<store::tables::drafted::setup::DraftSetup>,
        progress: impl Fn(SyncProgress) + Send + Sync + 'static,
    ) -> Applied {
        let (connected, state) = (&planned.connected, &planned.state);
        let org = state.snapshot.data.organization.id.clone();
        let run_id = now_ms();
        let total = (setup_drafts.len() + plan.sendable().count()) as u32;
        progress(SyncProgress {
            done: 0,
            total,
            failed: 0,
        });
        let run = Run {
            stored: self.stored.clone(),
            workspace: state.workspace.clone(),
            org,
            run_id,
        };
        let mut setup_runner = SetupRunner {
            run: run.clone(),
            connected,
            thinq: None,
        };
        let mut setup = Vec::with_capacity(setup_drafts.len());
        for draft in setup_drafts {
            setup.push(setup_runner.run(draft).await);
            progress(SyncProgress {
                done: setup.len() as u32,
                total,
                failed: failed_setup(&setup),
            });
        }
        let before = SyncProgress {
            done: setup.len() as u32,
            total,
            failed: failed_setup(&setup),
        };
        let settled = self.settle(&run, plan).await.unwrap_or_else(|error| {
            // They stay in the draft; the next sync settles them again.
            tracing::warn!(%error, "changes Ringotel already holds could not be marked done");
            Vec::new()
        });
        let resumed = planned
            .interrupted
            .iter()
            .filter(|e| e.intent.draft_id.is_some_and(|d| settled.contains(&d)))
            .count() as u32;
        let runner = Arc::new(Runner {
            run,
            client: connected.ringotel.clone(),
            live: Arc::clone(&state.snapshot.data),
            retry: self.base.network.retry,
        });
        let outcomes = self.run_steps(runner, plan, before, progress).await;
        Applied {
            setup,
            outcomes,
            resumed,
        }
    }

    /// The report phase: what Ringotel holds now is read for every screen where it can be (a
    /// connection or the package changed: the whole organization, else its numbers), and the
    /// report is built from the outcomes whatever those reads did.
    async fn report(&self, planned: &Planned, plan: &Plan<'_>, applied: Applied) -> SyncReport {
        let (connected, state) = (&planned.connected, &planned.state);
        let org = &state.snapshot.data.organization.id;
        let ringotel_setup = applied
            .setup
            .iter()
            .any(|o| o.state == JournalState::Done && o.service == domain::SetupService::Ringotel);
        if ringotel_setup {
            let _ = self
                .stored
                .org_snapshot(connected, org, Freshness::Live)
                .await;
        } else if let Ok(after) = connected.ringotel.get_sms_trunks(org).await
            && let Err(error) = self
                .stored
                .save_part(connected, org, SavedPart::Trunks(after))
                .await
        {
            tracing::warn!(%error, "the numbers as synced could not be saved for offline use");
        }
        let after = self.numbers.reread(state).await.map_err(|error| {
            tracing::warn!(%error, "the organization could not be read again after the sync");
        });
        let view = match &after {
            Ok(after) => self
                .changes_of(after)
                .await
                .map_err(|error| {
                    tracing::warn!(%error, "the Changes tab could not be built after the sync");
                })
                .ok(),
            Err(()) => None,
        };
        report::finished(Finished {
            setup: applied.setup,
            outcomes: applied.outcomes,
            numbers: plan
                .steps
                .iter()
                .map(|s| (s.draft_id, s.number.international_display()))
                .collect(),
            users: UserNames::new(match &after {
                Ok(after) => &after.snapshot.data,
                Err(()) => &state.snapshot.data,
            }),
            resumed: applied.resumed,
            view,
        })
    }

    /// Drops drafted changes Ringotel already holds (a sync cut short made them, or someone
    /// made the same change), journaled as done; returns their draft ids.
    async fn settle(&self, run: &Run, plan: &Plan<'_>) -> EngineResult<Vec<DraftId>> {
        let settled: Vec<(Sending, JournaledCall)> = plan
            .steps
            .iter()
            .filter(|s| s.is_settled())
            .map(|s| {
                let action = match (s.mine, s.base) {
                    (None, _) => SyncAction::Delete,
                    (Some(_), None) => SyncAction::Create,
                    (Some(_), Some(_)) => SyncAction::Update,
                };
                let call = NumberCall {
                    action,
                    number: s.number.e164().to_owned(),
                    trunk_id: s.live.map(|(id, _)| id.clone()),
                    fields: Vec::new(),
                };
                let sending = Sending {
                    draft_id: s.draft_id,
                    updated_at: s.draft_updated_at,
                };
                (sending, JournaledCall::Number(call))
            })
            .collect();
        if settled.is_empty() {
            return Ok(Vec::new());
        }
        let ids = settled.iter().map(|(s, _)| s.draft_id).collect();
        run.settled(
            settled,
            "Ringotel already had this change; nothing was sent.",
        )
        .await?;
        Ok(ids)
    }

    /// Runs the plan's calls, at most `sync_concurrency` at once, reporting progress as each ends.
    async fn run_steps(
        &self,
        runner: Arc<Runner>,
        plan: &Plan<'_>,
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

fn failed_setup(setup: &[SetupOutcome]) -> u32 {
    setup
        .iter()
        .filter(|o| o.state != JournalState::Done)
        .count() as u32
}
