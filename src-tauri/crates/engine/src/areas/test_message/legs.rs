//! A test message's legs as the admin follows them: each one's state, what happened, and
//! what to check next when it failed — words decided here, once.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the admin asks for.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestMessageInput {
    /// One of the organization's SMS numbers on thinQ, as written anywhere.
    pub from: String,
    /// The mobile phone that gets the text and replies, as written anywhere.
    pub to: String,
    /// How long to watch Ringotel's chats for the reply (seconds, 1 to 900).
    pub wait_reply_secs: u32,
}

/// The three legs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Leg {
    Sent,
    Delivered,
    Reply,
}

impl Leg {
    pub const ALL: [Self; 3] = [Self::Sent, Self::Delivered, Self::Reply];

    pub fn label(self) -> &'static str {
        match self {
            Self::Sent => "Accepted by thinQ",
            Self::Delivered => "Delivered to the phone",
            Self::Reply => "Inbound reached Ringotel",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LegState {
    Waiting,
    Running,
    Passed,
    Failed,
    /// An earlier leg failed or the test was cancelled first.
    NotReached,
    Cancelled,
}

impl LegState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Waiting => "Waiting",
            Self::Running => "In progress",
            Self::Passed => "Passed",
            Self::Failed => "Failed",
            Self::NotReached => "Not reached",
            Self::Cancelled => "Cancelled",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LegView {
    pub leg: Leg,
    pub label: String,
    pub state: LegState,
    pub state_label: String,
    /// What happened, in the admin's words.
    pub detail: Option<String>,
    /// When it failed: what to check next.
    pub check_next: Option<String>,
    /// When it ended (Unix ms).
    pub at: Option<i64>,
}

impl LegView {
    pub(super) fn new(leg: Leg) -> Self {
        Self {
            leg,
            label: leg.label().into(),
            state: LegState::Waiting,
            state_label: LegState::Waiting.label().into(),
            detail: None,
            check_next: None,
            at: None,
        }
    }

    pub(super) fn set(&mut self, state: LegState, detail: Option<String>, at: Option<i64>) {
        self.state = state;
        self.state_label = state.label().into();
        self.detail = detail;
        self.at = at;
    }
}

/// A test message as it stands.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestMessageView {
    pub from: String,
    pub to: String,
    pub legs: Vec<LegView>,
    /// thinQ's delivery statuses in the order they came.
    pub reports: Vec<String>,
    /// Every leg passed: texts flow both ways.
    pub passed: bool,
    pub finished: bool,
    pub started_at: i64,
    pub finished_at: Option<i64>,
}

impl TestMessageView {
    pub(super) fn leg(&mut self, leg: Leg) -> &mut LegView {
        let at = Leg::ALL.iter().position(|l| *l == leg).unwrap_or_default();
        &mut self.legs[at]
    }

    /// Ends the test: legs not reached say so; `passed` when all three passed.
    pub(super) fn finish(&mut self, at: i64) {
        for leg in &mut self.legs {
            if matches!(leg.state, LegState::Waiting) {
                leg.set(LegState::NotReached, None, None);
            }
        }
        self.passed = self.legs.iter().all(|l| l.state == LegState::Passed);
        self.finished = true;
        self.finished_at = Some(at);
    }
}
