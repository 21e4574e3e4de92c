//! Readiness: the pre-flight checklist of product.md, each line pass / fail / unknown with why
//! and as of when, and each failure's fix, which goes into the draft and reaches the services
//! through Changes like every other change.

mod checks;
mod facts;
mod fixes;

pub use facts::ReadinessProgress;

use crate::Engine;
use crate::error::EngineResult;
use crate::snapshot::{Freshness, OfflineNote};
use domain::{CheckId, CheckOutcome, RingotelId};
use serde::{Deserialize, Serialize};
use store::tables::readiness_summaries::{self, Summary};
use ts_rs::TS;

/// A fix as the engine offers it and takes it back to draft it. The UI hands it back as it
/// was given; the engine checks it against the organization before drafting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Fix {
    /// Move the organization to Pro (billable: asks first).
    MoveToPro,
    SwitchConnections {
        connections: Vec<RingotelId>,
    },
    /// Not a draft change: the thinQ card is enabled and its credentials saved on the
    /// Integrations tab.
    OpenIntegrations,
    /// SMS on for these DIDs; with `url`, attached to the profile that posts there.
    ThinqSmsOn {
        dids: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        url: Option<String>,
    },
    ThinqInbound {
        url: String,
        dids: Vec<String>,
    },
    ThinqDeliveryUrl {
        url: String,
    },
    /// Drop the users who no longer exist from these numbers.
    RemoveMissingUsers {
        trunks: Vec<RingotelId>,
    },
    /// Set these numbers' formats to the pair that keeps one chat per customer.
    AlignFormats {
        trunks: Vec<RingotelId>,
    },
}

/// A failing check's fix: what it does, whether the draft already holds it, and whether it
/// costs money.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FixOffer {
    pub fix: Fix,
    pub label: String,
    /// The draft already holds this fix: it waits in Changes.
    pub drafted: bool,
    /// Changes what the organization pays: the admin confirms it explicitly.
    pub billable: bool,
    /// Goes into the draft (else it leads to another tab).
    pub drafts: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub id: CheckId,
    pub label: String,
    pub outcome: CheckOutcome,
    pub outcome_label: String,
    pub detail: String,
    /// What is at fault, one line each.
    pub items: Vec<String>,
    /// When the facts behind this line were read (Unix ms).
    pub as_of: i64,
    pub fix: Option<FixOffer>,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessSummary {
    pub passed: u32,
    pub failed: u32,
    pub unknown: u32,
    pub checked_at: i64,
}

impl From<Summary> for ReadinessSummary {
    fn from(s: Summary) -> Self {
        Self {
            passed: s.passed,
            failed: s.failed,
            unknown: s.unknown,
            checked_at: s.checked_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessReport {
    pub checks: Vec<CheckResult>,
    pub summary: ReadinessSummary,
    /// When Ringotel's side was fetched.
    pub fetched_at: i64,
    /// Set when Ringotel could not be reached and its part was checked on the saved copy.
    pub offline: Option<OfflineNote>,
}

impl Engine {
    /// Runs the checklist: reads Ringotel's organization, then thinQ's credentials check,
    /// DIDs and routing profiles at once, reporting each source read. Keeps the summary for
    /// the organization list.
    /// `Saved` takes Ringotel's side from the organization's last fetch (the screen just made
    /// it); `Live` reads it again. thinQ is always read now.
    pub async fn readiness(
        &self,
        org: RingotelId,
        freshness: Freshness,
        progress: impl Fn(ReadinessProgress) + Send + Sync,
    ) -> EngineResult<ReadinessReport> {
        let connected = self.connect().await?;
        let facts = self
            .readiness_facts(&connected, &org, freshness, &progress)
            .await?;
        let mut checks = checks::run(&facts);
        for check in &mut checks {
            if let Some(offer) = &mut check.fix {
                offer.drafted = fixes::is_drafted(&offer.fix, &facts);
            }
        }
        let count = |o: CheckOutcome| checks.iter().filter(|c| c.outcome == o).count() as u32;
        let summary = Summary {
            passed: count(CheckOutcome::Pass),
            failed: count(CheckOutcome::Fail),
            unknown: count(CheckOutcome::Unknown),
            checked_at: crate::organizations::now_ms(),
        };
        let ws = connected.workspace_id();
        let id = org.clone();
        self.with_db(move |db| Ok(readiness_summaries::put(db.conn(), &ws, &id, summary)?))
            .await?;
        Ok(ReadinessReport {
            checks,
            summary: summary.into(),
            fetched_at: facts.fetched_at,
            offline: facts.offline,
        })
    }
}
