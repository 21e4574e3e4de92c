//! Applying a plan: the only code that writes SMS numbers to Ringotel. Each call's intent is
//! journaled before it is sent and its outcome after; an outcome lost in transit is settled by
//! reading back, and a create is never sent again unless reading back showed it did not land.

use crate::base::error::ringotel_in_words as describe;
use crate::stored::journaled::{Landed, Run, Sending};
use crate::stored::plan::{Action, Step};
use crate::stored::snapshot::OrgSnapshot;
use domain::DraftId;
use domain::SmsNumberId;
use domain::UserId;
use domain::{JournalState, SmsField, SmsNumberFields, SyncAction};
use ringotel::{RingotelClient, RingotelError, SmsTrunk};
use std::sync::Arc;
use store::tables::journal::{JournaledCall, NumberCall};
use transport::{Repeatable, RetryPolicy};

/// How one step ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepOutcome {
    pub draft_id: DraftId,
    pub action: SyncAction,
    pub state: JournalState,
    /// What happened, in the admin's words, when there is more to say than "done".
    pub detail: Option<String>,
    /// Users whose numbers changed: they must sign in again to see it.
    pub users_touched: Vec<UserId>,
}

/// What one planned change needs to run on its own task: owned, apart from the plan.
#[derive(Debug, Clone)]
pub(crate) struct Job {
    pub draft_id: DraftId,
    pub draft_updated_at: i64,
    pub number: domain::PhoneNumber,
    /// The users the number has in Ringotel now, for who must sign in again.
    pub live_users: Vec<UserId>,
    pub action: Action,
}

impl Job {
    pub fn of(step: &Step<'_>, action: &Action) -> Self {
        Self {
            draft_id: step.draft_id,
            draft_updated_at: step.draft_updated_at,
            number: step.number.clone(),
            live_users: step.live.map(|(_, f)| f.users.clone()).unwrap_or_default(),
            action: action.clone(),
        }
    }
}

/// Everything a step needs, shared by the steps running at once.
pub(crate) struct Runner {
    pub run: Run,
    pub client: RingotelClient,
    /// Ringotel's numbers as read just before the run: updates are written onto these.
    pub live: Arc<OrgSnapshot>,
    pub retry: RetryPolicy,
}

/// The journal's word for what an action does.
pub(crate) fn action_of(action: &Action) -> SyncAction {
    match action {
        Action::Create { .. } => SyncAction::Create,
        Action::Update { .. } => SyncAction::Update,
        Action::Delete { .. } => SyncAction::Delete,
    }
}

const ANSWER_LOST: &str = "Ringotel's answer was lost; reading back showed the change was made.";

/// Why a step did not reach its end; worded for the journal only when it is written.
#[derive(Debug)]
enum StepFailure {
    /// Ringotel refused the call, or it failed and reading back showed nothing changed.
    Failed(RingotelError),
    /// The call's outcome is unknown and reading back failed too.
    Unsettled {
        call: RingotelError,
        read: RingotelError,
    },
    /// A create whose answer was lost found the number in Ringotel with other settings.
    TakenMeanwhile,
    /// The number to update is no longer in Ringotel.
    GoneMeanwhile,
}

impl std::fmt::Display for StepFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Failed(error) => f.write_str(&describe(error)),
            Self::Unsettled { call, read } => f.write_str(&unsettled(call, read)),
            Self::TakenMeanwhile => f.write_str(
                "Ringotel now has this number with other settings; sync again to compare them.",
            ),
            Self::GoneMeanwhile => {
                f.write_str("Ringotel no longer has this number; sync again to decide.")
            }
        }
    }
}

impl Runner {
    /// Runs one step to its end and journals it; never fails as a whole: a failure is the
    /// step's outcome.
    pub async fn run(self: Arc<Self>, job: Job) -> StepOutcome {
        let action = &job.action;
        let kind = action_of(action);
        let call = NumberCall {
            action: kind,
            number: job.number.e164().to_owned(),
            trunk_id: match action {
                Action::Create { .. } => None,
                Action::Update { trunk_id, .. } | Action::Delete { trunk_id } => {
                    Some(trunk_id.clone())
                }
            },
            fields: match action {
                Action::Create { .. } => SmsField::ALL.to_vec(),
                Action::Update { changed, .. } => changed.clone(),
                Action::Delete { .. } => Vec::new(),
            },
        };
        let sending = Sending {
            draft_id: job.draft_id,
            updated_at: job.draft_updated_at,
        };
        let send = async {
            match action {
                Action::Create { fields } => self.create(fields).await,
                Action::Update {
                    trunk_id,
                    fields,
                    changed,
                } => self.update(trunk_id, fields, changed).await,
                Action::Delete { trunk_id } => self.delete(trunk_id).await,
            }
        };
        let ended = self
            .run
            .send(sending, JournaledCall::Number(call), send)
            .await;
        StepOutcome {
            draft_id: job.draft_id,
            action: kind,
            users_touched: if ended.state == JournalState::Done {
                touched_users(&job)
            } else {
                Vec::new()
            },
            state: ended.state,
            detail: ended.detail,
        }
    }

    async fn read_back(&self) -> Result<Vec<SmsTrunk>, RingotelError> {
        self.client.get_sms_trunks(&self.run.org).await
    }

    fn read(&self, trunk: &SmsTrunk) -> Option<SmsNumberFields> {
        trunk.fields(self.live.fallback_country()).ok()
    }

    async fn create(&self, fields: &SmsNumberFields) -> Result<Landed, StepFailure> {
        let body = ringotel::SmsTrunkBody::from_fields(fields);
        let mut attempt = 1;
        loop {
            let error = match self.client.create_sms_trunk(&self.run.org, &body).await {
                Ok(id) => {
                    return Ok(Landed {
                        learned: Some(id),
                        detail: None,
                    });
                }
                Err(error) if !error.outcome_unknown() => return Err(StepFailure::Failed(error)),
                Err(error) => error,
            };
            // The create may have landed: look before sending it again.
            let found = self
                .read_back()
                .await
                .map_err(|read| StepFailure::Unsettled {
                    call: error.clone(),
                    read,
                })?
                .into_iter()
                .find(|t| {
                    domain::PhoneNumber::from_wire(&t.number).is_ok_and(|n| n == fields.number)
                });
            if let Some(trunk) = found {
                let same = self
                    .read(&trunk)
                    .is_some_and(|f| domain::changed_fields(&f, fields).is_empty());
                return if same {
                    Ok(Landed {
                        learned: Some(trunk.id),
                        detail: Some(ANSWER_LOST.into()),
                    })
                } else {
                    Err(StepFailure::TakenMeanwhile)
                };
            }
            // Not there: sending it again cannot make a second one.
            match self.retry.delay_after(
                attempt,
                error.transience(),
                Repeatable::Yes,
                transport::retry::jitter(),
            ) {
                Some(wait) => tokio::time::sleep(wait).await,
                None => return Err(StepFailure::Failed(error)),
            }
            attempt += 1;
        }
    }

    async fn update(
        &self,
        trunk_id: &SmsNumberId,
        fields: &SmsNumberFields,
        changed: &[SmsField],
    ) -> Result<Landed, StepFailure> {
        let Some(live) = self.live.trunk(trunk_id) else {
            return Err(StepFailure::GoneMeanwhile);
        };
        let mut trunk = live.clone();
        for field in changed {
            trunk.write_field(*field, fields);
        }
        let sent = self.client.update_sms_trunk(&self.run.org, &trunk).await;
        self.checked(sent, |now| {
            now.iter()
                .find(|t| &t.id == trunk_id)
                .and_then(|t| self.read(t))
                .is_some_and(|f| changed.iter().all(|c| !c.differs(&f, fields)))
        })
        .await
    }

    async fn delete(&self, trunk_id: &SmsNumberId) -> Result<Landed, StepFailure> {
        let sent = self.client.delete_sms_trunk(&self.run.org, trunk_id).await;
        self.checked(sent, |now| !now.iter().any(|t| &t.id == trunk_id))
            .await
    }

    /// A repeatable write's end: done when Ringotel said so; when its answer is unknown (lost,
    /// garbled, retries exhausted), done only if reading back shows `landed`.
    async fn checked(
        &self,
        sent: Result<(), RingotelError>,
        landed: impl Fn(&[SmsTrunk]) -> bool,
    ) -> Result<Landed, StepFailure> {
        let error = match sent {
            Ok(()) => return Ok(Landed::default()),
            Err(error) if !error.outcome_unknown() => return Err(StepFailure::Failed(error)),
            Err(error) => error,
        };
        let now = self
            .read_back()
            .await
            .map_err(|read| StepFailure::Unsettled {
                call: error.clone(),
                read,
            })?;
        if landed(&now) {
            Ok(Landed {
                learned: None,
                detail: Some(ANSWER_LOST.into()),
            })
        } else {
            Err(StepFailure::Failed(error))
        }
    }
}

/// A call whose outcome is unknown and whose read-back failed too: the draft keeps the change
/// and the next sync, reading Ringotel first, settles it.
fn unsettled(call: &RingotelError, read: &RingotelError) -> String {
    let check = match read {
        RingotelError::Transport { .. } => {
            "and Ringotel could not be asked again whether the change was made".to_owned()
        }
        other => format!(
            "and whether the change was made could not be checked ({})",
            describe(other)
        ),
    };
    format!(
        "{}, {check}. It stays in the draft; the next sync checks Ringotel first.",
        describe(call)
    )
}

/// Users whose number assignments a step changes: they must sign in again (or use Reload
/// Objects) in their Ringotel app to see it.
fn touched_users(job: &Job) -> Vec<UserId> {
    let before = &job.live_users;
    let mut touched = match &job.action {
        Action::Create { fields } => fields.users.clone(),
        Action::Delete { .. } => before.clone(),
        Action::Update {
            fields, changed, ..
        } if changed.contains(&SmsField::Users) => before
            .iter()
            .filter(|u| !fields.users.contains(u))
            .chain(fields.users.iter().filter(|u| !before.contains(u)))
            .cloned()
            .collect(),
        Action::Update { .. } => Vec::new(),
    };
    touched.sort();
    touched.dedup();
    touched
}
