//! The last readiness run's counts, kept per organization for the organization list, and
//! where that leaves the organization (the list's filter).

use serde::Serialize;
use store::tables::readiness_summaries::Summary;
use ts_rs::TS;

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

/// Where an organization stands by its last readiness run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReadinessState {
    /// A check fails.
    NotReady,
    /// None fails, but a service did not report what one needs.
    Unknown,
    /// Every check passes.
    Ready,
    NotChecked,
}

impl ReadinessState {
    /// In the order the list's filter offers them: what needs work first.
    pub const ALL: [Self; 4] = [Self::NotReady, Self::Unknown, Self::Ready, Self::NotChecked];

    pub fn of(summary: Option<&ReadinessSummary>) -> Self {
        match summary {
            None => Self::NotChecked,
            Some(s) if s.failed > 0 => Self::NotReady,
            Some(s) if s.unknown > 0 => Self::Unknown,
            Some(_) => Self::Ready,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NotReady => "Not ready",
            Self::Unknown => "Unknown",
            Self::Ready => "Ready",
            Self::NotChecked => "Not checked",
        }
    }
}
