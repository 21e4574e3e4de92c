//! Test messages already run, for the History tab and the Overview's "last verified end to
//! end": read from the local database only.

use super::legs::{LegState, LegView};
use super::service::TestMessages;
use crate::base::error::EngineResult;
use crate::stored::snapshot::Freshness;
use domain::{OrgId, PhoneNumber};
use serde::Serialize;
use store::tables::test_messages;
use ts_rs::TS;

/// How many past tests History shows.
const PAST_LIMIT: u32 = 50;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PastTest {
    pub from: String,
    pub to: String,
    pub passed: bool,
    /// How it ended in a few words: both ways, or the leg that did not pass and how.
    pub result_label: String,
    /// How each leg ended; empty when what was kept cannot be read.
    pub legs: Vec<LegView>,
    pub started_at: i64,
    pub finished_at: i64,
}

/// An SMS number a test message can be sent from: one of the organization's on thinQ.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Sender {
    /// As Ringotel stores it.
    pub number: String,
    pub formatted: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestHistory {
    /// When texts last went both ways (the last test that passed ended).
    pub last_verified: Option<i64>,
    pub tests: Vec<PastTest>,
    /// The numbers a new test can be sent from, as last fetched.
    pub senders: Vec<Sender>,
}

/// "Went both ways", or "Inbound reached Ringotel: Cancelled".
fn result_label(passed: bool, legs: &[LegView]) -> String {
    if passed {
        return "Went both ways".into();
    }
    legs.iter()
        .find(|l| !matches!(l.state, LegState::Passed | LegState::NotReached))
        .map_or_else(
            || "Did not finish".into(),
            |l| format!("{}: {}", l.label, l.state_label),
        )
}

impl TestMessages<'_> {
    /// The organization's test messages, newest first, and the numbers a new one can be sent
    /// from (Ringotel asked only when the organization was never fetched).
    pub async fn history(&self, org: OrgId) -> EngineResult<TestHistory> {
        let connected = self.base.connect().await?;
        let snapshot = self
            .stored
            .org_snapshot(&connected, &org, Freshness::Saved)
            .await?;
        let data = &snapshot.data;
        let senders = data
            .thinq_trunks()
            .map(|t| Sender {
                number: t.number.clone(),
                formatted: data.display_of(t).to_owned(),
                name: t.name.clone(),
            })
            .collect();
        let ws = connected.workspace_id();
        let records = self
            .base
            .with_db(move |db| Ok(test_messages::recent(db.conn(), &ws, &org, PAST_LIMIT)?))
            .await?;
        let tests: Vec<PastTest> = records
            .into_iter()
            .map(|r| {
                let legs: Vec<LegView> = serde_json::from_str(&r.legs).unwrap_or_default();
                PastTest {
                    from: PhoneNumber::display_of_wire(&r.from_number),
                    to: PhoneNumber::display_of_wire(&r.to_number),
                    passed: r.passed,
                    result_label: result_label(r.passed, &legs),
                    legs,
                    started_at: r.started_at,
                    finished_at: r.finished_at,
                }
            })
            .collect();
        Ok(TestHistory {
            last_verified: tests.iter().find(|t| t.passed).map(|t| t.finished_at),
            tests,
            senders,
        })
    }
}
