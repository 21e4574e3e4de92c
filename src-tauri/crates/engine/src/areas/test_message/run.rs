//! Running a test message: checks what the admin named, sends through thinQ, follows the
//! delivery reports, watches Ringotel's chats for the reply, and keeps the result.

use super::legs::{Leg, LegState, LegView, TestMessageInput, TestMessageView};
use super::service::TestMessages;
use crate::base::cancel::Cancel;
use crate::base::clock::now_ms;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::snapshot::Freshness;
use domain::{FieldKey, FieldProblem, OrgId, PhoneNumber};
use std::time::{Duration, Instant};
use store::tables::test_messages::{self, TestMessageRecord};
use thinq::{ThinqClient, ThinqError};

/// How far back the reply is counted from before the send: Ringotel's clock may run behind
/// this desktop's by this much and the reply is still seen.
const CLOCK_SLACK_MS: i64 = 10 * 60_000;

/// How long the reply may be waited for, in seconds.
const REPLY_WAIT_SECS: std::ops::RangeInclusive<u32> = 1..=900;

/// Statuses thinQ reports for a text that reached the phone, and for one that never will.
/// [code] services.md lists DELIVRD, UNDELIV, REJECTD and EXPIRED for delivery confirmations;
/// [assumed] that `send_status` uses the same words. Any other status is shown as thinQ gave it
/// and judged neither way.
const DELIVERED: &[&str] = &["DELIVRD", "DELIVERED"];
const UNDELIVERED: &[&str] = &[
    "UNDELIV",
    "UNDELIVERED",
    "REJECTD",
    "REJECTED",
    "EXPIRED",
    "FAILED",
];

fn invalid(field: FieldKey, message: String) -> EngineError {
    EngineError::Invalid(vec![FieldProblem::new(field, message)])
}

/// What was checked before anything is sent.
struct Checked {
    from: PhoneNumber,
    to: PhoneNumber,
    domain: String,
    org_name: String,
    client: ThinqClient,
    ringotel: ringotel::RingotelClient,
    reply_wait: Duration,
    /// The workspace the test runs in, where its result is kept.
    workspace: domain::WorkspaceId,
}

/// What to check next when thinQ refused the send.
fn send_refused(error: &ThinqError) -> String {
    match error {
        ThinqError::Unauthorized { .. } => {
            "Check the thinQ username and token on the Integrations tab.".into()
        }
        ThinqError::AccountRefused { .. } => "thinQ refused to send for this account: check that the token may send messages, and whether thinQ's API is limited to other source addresses (thinQ portal: API, Tokens).".into(),
        ThinqError::Transport { .. } => "thinQ could not be reached from here: check the connection and try again.".into(),
        _ => "Check that SMS is on for this DID (the Overview's DID check) and that its messaging campaign is approved in the thinQ portal.".into(),
    }
}

impl TestMessages<'_> {
    async fn check(&self, org: &OrgId, input: &TestMessageInput) -> EngineResult<Checked> {
        let connected = self.base.connect().await?;
        let snapshot = self
            .stored
            .org_snapshot(&connected, org, Freshness::Saved)
            .await?;
        let data = &snapshot.data;
        let fallback = data.fallback_country();
        let from = PhoneNumber::parse(&input.from, fallback)
            .ok()
            .filter(|n| {
                data.thinq_trunks()
                    .any(|t| PhoneNumber::from_wire(&t.number).is_ok_and(|w| w == *n))
            })
            .ok_or_else(|| {
                invalid(
                    FieldKey::Number,
                    format!(
                        "{} is not an SMS number of {} on thinQ",
                        input.from.trim(),
                        data.organization.name
                    ),
                )
            })?;
        let to = PhoneNumber::parse(&input.to, fallback)
            .map_err(|e| invalid(FieldKey::Customer, e.to_string()))?;
        if from.thinq_wire().is_none() {
            return Err(invalid(
                FieldKey::Number,
                format!(
                    "{} is outside North America: thinQ sends from 10-digit numbers",
                    from.international_display()
                ),
            ));
        }
        if to.thinq_wire().is_none() {
            return Err(invalid(
                FieldKey::Customer,
                format!(
                    "{} is outside North America: thinQ sends to 10-digit numbers",
                    to.international_display()
                ),
            ));
        }
        if data.live_index().has_number(to.e164()) {
            return Err(invalid(
                FieldKey::Customer,
                format!(
                    "{} is one of the organization's SMS numbers: name a mobile phone that can reply",
                    to.international_display()
                ),
            ));
        }
        if !REPLY_WAIT_SECS.contains(&input.wait_reply_secs) {
            return Err(invalid(
                FieldKey::ReplyWait,
                format!(
                    "{} s is outside {} to {} seconds",
                    input.wait_reply_secs,
                    REPLY_WAIT_SECS.start(),
                    REPLY_WAIT_SECS.end()
                ),
            ));
        }
        let client = self.base.saved_thinq_client(&connected, org).await?;
        Ok(Checked {
            from,
            to,
            domain: data.organization.domain.clone(),
            org_name: data.organization.name.clone(),
            client,
            ringotel: connected.ringotel.clone(),
            reply_wait: Duration::from_secs(u64::from(input.wait_reply_secs)),
            workspace: connected.workspace_id(),
        })
    }

    /// Sends one real text from `input.from` to `input.to` and follows it both ways, telling
    /// `progress` each change; ends when every leg is settled, a leg fails, or `cancel` is set.
    /// Bad input is refused before anything is sent; the result is kept for History.
    pub async fn run(
        &self,
        org: OrgId,
        input: TestMessageInput,
        cancel: &Cancel,
        progress: impl Fn(&TestMessageView) + Send + Sync,
    ) -> EngineResult<TestMessageView> {
        let checked = self.check(&org, &input).await?;
        let started_at = now_ms();
        let mut view = TestMessageView {
            from: checked.from.international_display(),
            to: checked.to.international_display(),
            legs: Leg::ALL.into_iter().map(LegView::new).collect(),
            reports: Vec::new(),
            passed: false,
            finished: false,
            started_at,
            finished_at: None,
        };
        self.follow(&checked, &mut view, cancel, &progress).await;
        view.finish(now_ms());
        progress(&view);
        // The text went out: a result that cannot be kept is still the admin's to see.
        if let Err(error) = self.keep(&org, &checked, &view).await {
            tracing::warn!(%error, "the test message's result could not be kept for History");
        }
        Ok(view)
    }

    async fn follow(
        &self,
        checked: &Checked,
        view: &mut TestMessageView,
        cancel: &Cancel,
        progress: &(impl Fn(&TestMessageView) + Send + Sync),
    ) {
        let (from, to) = (
            checked.from.thinq_wire().unwrap_or_default(),
            checked.to.thinq_wire().unwrap_or_default(),
        );
        let message = format!(
            "Test from Ringotel SMS Admin for {}: please reply to this text.",
            checked.org_name
        );
        view.leg(Leg::Sent).set(LegState::Running, None, None);
        progress(view);
        // How often the phone shows in the number's chats already: the reply is one more.
        let baseline = self
            .mentions(checked, view.started_at - CLOCK_SLACK_MS)
            .await
            .ok();
        let guid = match checked.client.send_sms(&from, &to, &message).await {
            Ok(guid) => {
                view.leg(Leg::Sent).set(
                    LegState::Passed,
                    Some(format!("thinQ took the text (message {guid}).")),
                    Some(now_ms()),
                );
                guid
            }
            Err(error) => {
                let leg = view.leg(Leg::Sent);
                leg.set(LegState::Failed, Some(error.to_string()), Some(now_ms()));
                leg.check_next = Some(send_refused(&error));
                return;
            }
        };
        if !self.delivered(checked, view, &guid, cancel, progress).await {
            return;
        }
        self.reply(checked, view, baseline, cancel, progress).await;
    }

    /// How often the phone shows in the number's chats from `begin` to a minute past now.
    async fn mentions(
        &self,
        checked: &Checked,
        begin: i64,
    ) -> Result<usize, ringotel::RingotelError> {
        checked
            .ringotel
            .chats_mentions(
                &checked.domain,
                checked.from.ringotel_wire(),
                checked.to.ringotel_wire(),
                (begin, now_ms() + 60_000),
            )
            .await
    }

    /// Follows thinQ's delivery reports until one says delivered or never will, or the wait
    /// ends. Answers whether the text was delivered.
    async fn delivered(
        &self,
        checked: &Checked,
        view: &mut TestMessageView,
        guid: &str,
        cancel: &Cancel,
        progress: &(impl Fn(&TestMessageView) + Send + Sync),
    ) -> bool {
        let network = self.base.network;
        let deadline = Instant::now() + network.delivery_wait;
        view.leg(Leg::Delivered).set(
            LegState::Running,
            Some("Waiting for thinQ's delivery report…".into()),
            None,
        );
        progress(view);
        let mut last_error: Option<String>;
        loop {
            if cancel.is_cancelled() {
                view.leg(Leg::Delivered)
                    .set(LegState::Cancelled, None, Some(now_ms()));
                return false;
            }
            match checked.client.delivery_notices(guid).await {
                Ok(notices) => {
                    last_error = None;
                    let statuses: Vec<String> = notices
                        .iter()
                        .filter_map(|n| n.send_status.clone())
                        .collect();
                    if statuses.len() > view.reports.len() {
                        view.reports = statuses.clone();
                        progress(view);
                    }
                    let upper: Vec<String> = statuses.iter().map(|s| s.to_uppercase()).collect();
                    if let Some(done) = upper.iter().find(|s| DELIVERED.contains(&s.as_str())) {
                        view.leg(Leg::Delivered).set(
                            LegState::Passed,
                            Some(format!("thinQ reports {done}.")),
                            Some(now_ms()),
                        );
                        return true;
                    }
                    if let Some(never) = upper.iter().find(|s| UNDELIVERED.contains(&s.as_str())) {
                        let leg = view.leg(Leg::Delivered);
                        leg.set(
                            LegState::Failed,
                            Some(format!("thinQ reports {never}.")),
                            Some(now_ms()),
                        );
                        leg.check_next = Some("Check the mobile number, and the DID's messaging campaign (10DLC) in the thinQ portal: carriers refuse texts from numbers outside an approved campaign.".into());
                        return false;
                    }
                }
                Err(error) => last_error = Some(error.to_string()),
            }
            if Instant::now() >= deadline {
                let secs = network.delivery_wait.as_secs();
                let reports = view.reports.join(", ");
                let (detail, next) = match (&last_error, reports.is_empty()) {
                    (Some(error), _) => (
                        format!("thinQ's delivery reports could not be read: {error}"),
                        "The text was sent: check on the phone whether it arrived, and the message in the thinQ portal.",
                    ),
                    (None, false) => (
                        format!(
                            "thinQ reported {reports} in {secs} s, which this app reads neither as delivered nor as undelivered."
                        ),
                        "Check on the phone whether the text arrived, and the message's status in the thinQ portal.",
                    ),
                    (None, true) => (
                        format!("Accepted by thinQ, but no delivery report came in {secs} s."),
                        "Check the DID's messaging campaign (10DLC) in the thinQ portal, and whether the text arrived on the phone.",
                    ),
                };
                let leg = view.leg(Leg::Delivered);
                leg.set(LegState::Failed, Some(detail), Some(now_ms()));
                leg.check_next = Some(next.into());
                return false;
            }
            tokio::time::sleep(network.poll_interval).await;
        }
    }

    /// Watches Ringotel's chats of the number for the phone's reply until it shows or the
    /// admin's wait ends.
    async fn reply(
        &self,
        checked: &Checked,
        view: &mut TestMessageView,
        baseline: Option<usize>,
        cancel: &Cancel,
        progress: &(impl Fn(&TestMessageView) + Send + Sync),
    ) {
        let poll = self.base.network.poll_interval;
        let deadline = Instant::now() + checked.reply_wait;
        let (from, to) = (view.from.clone(), view.to.clone());
        view.leg(Leg::Reply).set(
            LegState::Running,
            Some(format!(
                "Reply to the text from {to} now; watching Ringotel's chats of {from} for it…"
            )),
            None,
        );
        progress(view);
        // The reply is one more mention of the phone than before the send, counted over the
        // same window (so an earlier text from it is never taken for the reply, and Ringotel's
        // clock may run behind). Without that count, only mentions from the send on count.
        let (begin, before) = match baseline {
            Some(count) => (view.started_at - CLOCK_SLACK_MS, count),
            None => (view.started_at, 0),
        };
        let mut last_error: Option<String>;
        loop {
            if cancel.is_cancelled() {
                view.leg(Leg::Reply)
                    .set(LegState::Cancelled, None, Some(now_ms()));
                return;
            }
            match self.mentions(checked, begin).await {
                Ok(count) if count > before => {
                    view.leg(Leg::Reply).set(
                        LegState::Passed,
                        Some(format!("Ringotel's chats of {from} show {to}.")),
                        Some(now_ms()),
                    );
                    return;
                }
                Ok(_) => last_error = None,
                Err(error) => last_error = Some(error.to_string()),
            }
            if Instant::now() >= deadline {
                let secs = checked.reply_wait.as_secs();
                let (detail, next) = match &last_error {
                    Some(error) => (
                        format!("Ringotel's chats could not be read: {error}"),
                        format!(
                            "The reply may have arrived: look at the chats of {from} in a Ringotel app."
                        ),
                    ),
                    None => (
                        format!("Delivered, but no reply reached Ringotel in {secs} s."),
                        format!(
                            "Check inbound routing (the Overview's routing check sends thinQ's inbound texts to Ringotel's webhook), and that the phone replied to {from}."
                        ),
                    ),
                };
                let leg = view.leg(Leg::Reply);
                leg.set(LegState::Failed, Some(detail), Some(now_ms()));
                leg.check_next = Some(next);
                return;
            }
            tokio::time::sleep(poll).await;
        }
    }

    async fn keep(
        &self,
        org: &OrgId,
        checked: &Checked,
        view: &TestMessageView,
    ) -> EngineResult<()> {
        let record = TestMessageRecord {
            from_number: checked.from.ringotel_wire().to_owned(),
            to_number: checked.to.ringotel_wire().to_owned(),
            passed: view.passed,
            legs: serde_json::to_string(&view.legs).map_err(|e| EngineError::Internal(e.into()))?,
            started_at: view.started_at,
            finished_at: view.finished_at.unwrap_or(view.started_at),
        };
        let (ws, org) = (checked.workspace.clone(), org.clone());
        self.base
            .with_db(move |db| Ok(test_messages::add(db.conn(), &ws, &org, &record)?))
            .await
    }
}
