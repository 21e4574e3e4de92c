//! *Check all*: the checklist for every organization of the workspace at the engine's
//! concurrency, over one connection, with progress and Cancel. Each run keeps its summary for
//! the organization list as a single run does; the report is what the export files hold.

use super::report::ReadinessReport;
use super::service::Readiness;
use crate::base::cancel::Cancel;
use crate::base::clock::now_ms;
use crate::base::error::EngineResult;
use crate::base::problem::Problem;
use crate::stored::readiness_summary::ReadinessState;
use crate::stored::snapshot::Freshness;
use domain::OrgId;
use futures_util::stream::{self, StreamExt};
use serde::Serialize;
use std::sync::atomic::{AtomicU32, Ordering};
use ts_rs::TS;

/// How far *Check all* is: organizations checked of those in the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckAllProgress {
    pub done: u32,
    pub total: u32,
}

/// One organization in *Check all*: its report, or why it could not be checked.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgReadiness {
    #[ts(type = "string")]
    pub org: OrgId,
    pub name: String,
    pub state: ReadinessState,
    pub state_label: String,
    pub report: Option<ReadinessReport>,
    /// Why it was not checked: Ringotel or thinQ failed for it.
    pub problem: Option<Problem>,
}

impl OrgReadiness {
    fn new(org: OrgId, name: String, outcome: Option<EngineResult<ReadinessReport>>) -> Self {
        let (report, problem) = match outcome {
            Some(Ok(report)) => (Some(report), None),
            Some(Err(error)) => (None, Some(Problem::from(error))),
            None => (None, None),
        };
        let state = ReadinessState::of(report.as_ref().map(|r| &r.summary));
        Self {
            org,
            name,
            state,
            state_label: state.label().into(),
            report,
            problem,
        }
    }
}

/// Every organization's result, in the list's order.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckAllReport {
    pub orgs: Vec<OrgReadiness>,
    /// Cancel stopped it: the organizations not started are not checked.
    pub cancelled: bool,
    pub started_at: i64,
    pub finished_at: i64,
}

impl CheckAllReport {
    /// Takes in a later run of one organization (its Overview ran again), so the report stays
    /// what the list shows.
    pub fn update(&mut self, org: &OrgId, report: ReadinessReport) {
        if let Some(one) = self.orgs.iter_mut().find(|o| o.org == *org) {
            *one = OrgReadiness::new(one.org.clone(), one.name.clone(), Some(Ok(report)));
        }
    }

    /// How many organizations are in `state`.
    pub fn count(&self, state: ReadinessState) -> usize {
        self.orgs.iter().filter(|o| o.state == state).count()
    }
}

impl Readiness<'_> {
    /// Runs the checklist for every organization of the workspace, reading Ringotel's side
    /// live, with at most the engine's concurrency of calls in flight: twice as many
    /// organizations are under way, so the calls of one wait for none of another's. Once
    /// `cancel` is set no organization is started; those running finish.
    pub async fn check_all(
        &self,
        cancel: &Cancel,
        progress: impl Fn(CheckAllProgress) + Send + Sync,
    ) -> EngineResult<CheckAllReport> {
        let started_at = now_ms();
        let concurrency = self.base.network.sync_concurrency.max(1);
        let connected = self.base.connect().await?.limited(concurrency);
        let list = self.organizations.list().await?;
        let total = list.organizations.len() as u32;
        progress(CheckAllProgress { done: 0, total });
        let done = AtomicU32::new(0);
        let (connected, done, progress) = (&connected, &done, &progress);
        let mut orgs: Vec<(usize, OrgReadiness)> =
            stream::iter(list.organizations.into_iter().enumerate())
                .map(|(at, row)| async move {
                    if cancel.is_cancelled() {
                        return (at, OrgReadiness::new(row.id, row.name, None));
                    }
                    let outcome = self
                        .run_connected(connected, row.id.clone(), Freshness::Live, |_| {})
                        .await;
                    let done = done.fetch_add(1, Ordering::SeqCst) + 1;
                    progress(CheckAllProgress { done, total });
                    (at, OrgReadiness::new(row.id, row.name, Some(outcome)))
                })
                .buffer_unordered(2 * concurrency)
                .collect()
                .await;
        orgs.sort_by_key(|(at, _)| *at);
        // Cancelled only when Cancel kept an organization from being checked.
        let skipped = orgs
            .iter()
            .any(|(_, o)| o.report.is_none() && o.problem.is_none());
        Ok(CheckAllReport {
            orgs: orgs.into_iter().map(|(_, o)| o).collect(),
            cancelled: cancel.is_cancelled() && skipped,
            started_at,
            finished_at: now_ms(),
        })
    }
}

/// What *Draft fixes for selected…* did for one organization.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgFixesDrafted {
    #[ts(type = "string")]
    pub org: OrgId,
    pub name: String,
    /// The fixes now in the draft, by their labels.
    pub drafted: Vec<String>,
    /// Why the rest could not be drafted.
    pub problem: Option<Problem>,
}

impl Readiness<'_> {
    /// Drafts, for each chosen organization of `report`, every fix *Fix all* would draft and,
    /// with `confirm_billable`, the billable ones too; marks them drafted in the report. An
    /// organization whose fix cannot be drafted is named with why; the others go on. Needs no
    /// network.
    pub async fn draft_fixes_for(
        &self,
        report: &mut CheckAllReport,
        orgs: &[OrgId],
        confirm_billable: bool,
    ) -> Vec<OrgFixesDrafted> {
        let mut done = Vec::new();
        for one in report.orgs.iter_mut().filter(|o| orgs.contains(&o.org)) {
            let (drafted, problem) = match one.report.as_mut() {
                Some(checked) => self.draft_wanted(&one.org, checked, confirm_billable).await,
                None => (Vec::new(), None),
            };
            done.push(OrgFixesDrafted {
                org: one.org.clone(),
                name: one.name.clone(),
                drafted,
                problem: problem.map(Problem::from),
            });
        }
        done
    }
}
