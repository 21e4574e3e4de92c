//! Running the checklist: read the facts, decide every check, mark the fixes the draft holds,
//! and keep the summary.

use super::facts::ReadinessProgress;
use super::report::ReadinessReport;
use super::service::Readiness;
use super::{checks, fixes};
use crate::base::context::Connected;
use crate::base::error::EngineResult;
use crate::stored::snapshot::Freshness;
use domain::CheckOutcome;
use domain::OrgId;
use store::tables::readiness_summaries::{self, Summary};

impl Readiness<'_> {
    /// Runs the checklist: reads Ringotel's organization, then thinQ's credentials check,
    /// DIDs and routing profiles at once, reporting each source read. Keeps the summary for
    /// the organization list.
    /// `Saved` takes Ringotel's side from the organization's last fetch (the screen just made
    /// it); `Live` reads it again. thinQ is always read now.
    pub async fn run(
        &self,
        org: OrgId,
        freshness: Freshness,
        progress: impl Fn(ReadinessProgress) + Send + Sync,
    ) -> EngineResult<ReadinessReport> {
        let connected = self.base.connect().await?;
        self.run_connected(&connected, org, freshness, progress)
            .await
    }

    /// [`Readiness::run`] on a connection already made (*Check all* makes one for all).
    pub(crate) async fn run_connected(
        &self,
        connected: &Connected,
        org: OrgId,
        freshness: Freshness,
        progress: impl Fn(ReadinessProgress) + Send + Sync,
    ) -> EngineResult<ReadinessReport> {
        let facts = self.facts(connected, &org, freshness, &progress).await?;
        let mut checks = checks::run(&facts);
        for check in &mut checks {
            if let Some(offer) = &mut check.fix {
                offer.set_drafted(fixes::is_drafted(&offer.fix, &facts));
            }
        }
        let count = |o: CheckOutcome| checks.iter().filter(|c| c.outcome == o).count() as u32;
        let summary = Summary {
            passed: count(CheckOutcome::Pass),
            failed: count(CheckOutcome::Fail),
            unknown: count(CheckOutcome::Unknown),
            checked_at: crate::base::clock::now_ms(),
        };
        let ws = connected.workspace_id();
        let id = org.clone();
        self.base
            .with_db(move |db| Ok(readiness_summaries::put(db.conn(), &ws, &id, summary)?))
            .await?;
        Ok(ReadinessReport {
            checks,
            summary: summary.into(),
            fetched_at: facts.fetched_at,
            offline: facts.offline,
        })
    }
}
