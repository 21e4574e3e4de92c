//! The last readiness run's counts, kept per organization for the organization list, and
//! where that leaves the organization (the list's filter).

use serde::Serialize;
use store::tables::readiness_summaries::Summary;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessSummary {
    pub passed: u32,
    pub failed: u32,
    pub unknown: u32,
    pub checked_at: i64,
    /// Where these counts leave the organization.
    pub state: ReadinessState,
    pub state_label: String,
}

impl From<Summary> for ReadinessSummary {
    fn from(s: Summary) -> Self {
        let state = ReadinessState::of_counts(s.failed, s.unknown);
        Self {
            passed: s.passed,
            failed: s.failed,
            unknown: s.unknown,
            checked_at: s.checked_at,
            state,
            state_label: state.label().into(),
        }
    }
}

/// A state the list's filter offers, with its words.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessStateChoice {
    pub state: ReadinessState,
    pub label: String,
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
        summary.map_or(Self::NotChecked, |s| s.state)
    }

    fn of_counts(failed: u32, unknown: u32) -> Self {
        if failed > 0 {
            Self::NotReady
        } else if unknown > 0 {
            Self::Unknown
        } else {
            Self::Ready
        }
    }

    /// Every state with its words, for the list's filter.
    pub fn choices() -> Vec<ReadinessStateChoice> {
        Self::ALL
            .iter()
            .map(|&state| ReadinessStateChoice {
                state,
                label: state.label().into(),
            })
            .collect()
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
