//! The last readiness run's counts, kept per organization for the organization list.

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
