//! The one way a drafted change is sent, whatever its kind: its intent is journaled before the
//! call, and its outcome after, in the same transaction that drops it from the draft. The call
//! itself is the kind's (`across::sync::apply` for numbers, `areas::setup::apply` for setup).

use crate::stored::handle::Stored;
use domain::{DraftId, JournalState, OrgId, SmsNumberId, WorkspaceId};
use std::fmt::Display;
use std::future::Future;
use store::tables::journal::{Intent, JournaledCall};
use store::tables::{drafted, journal};

/// One sync's sending of the organization's draft: every change it sends is journaled under
/// the same run.
#[derive(Clone)]
pub(crate) struct Run {
    pub stored: Stored,
    pub workspace: WorkspaceId,
    pub org: OrgId,
    pub run_id: i64,
}

/// The drafted change being sent, as it was read: a newer edit (`updated_at` moved on) stays
/// in the draft when this one lands.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sending {
    pub draft_id: DraftId,
    pub updated_at: i64,
}

/// A call that reached its end: the service holds the change.
#[derive(Debug, Default)]
pub(crate) struct Landed {
    /// What to tell the admin, when there is more to say than "done".
    pub detail: Option<String>,
    /// The number's id, when a create learned it.
    pub learned: Option<SmsNumberId>,
}

/// How a change's sending ended, as journaled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ended {
    pub state: JournalState,
    pub detail: Option<String>,
}

impl Run {
    /// Journals `call`'s intent, runs `send` (only once the journal knows), and journals its
    /// outcome, dropping the change from the draft when it landed. Never fails as a whole: a
    /// failure, the journal's included, is the change's outcome.
    pub async fn send<E: Display>(
        &self,
        change: Sending,
        call: JournaledCall,
        send: impl Future<Output = Result<Landed, E>>,
    ) -> Ended {
        let intent = Intent {
            run_id: self.run_id,
            draft_id: Some(change.draft_id),
            call,
        };
        let (ws, org) = (self.workspace.clone(), self.org.clone());
        let entry = self
            .stored
            .base
            .with_db(move |db| Ok(journal::record_intent(db.conn(), &ws, &org, &intent)?))
            .await;
        let entry = match entry {
            Ok(entry) => entry,
            // Nothing is sent that the journal does not know about.
            Err(error) => {
                return Ended {
                    state: JournalState::Failed,
                    detail: Some(format!(
                        "Not sent: the journal could not be written ({error})."
                    )),
                };
            }
        };
        let (state, detail, learned) = match send.await {
            Ok(landed) => (JournalState::Done, landed.detail, landed.learned),
            Err(failure) => (JournalState::Failed, Some(failure.to_string()), None),
        };
        let ws = self.workspace.clone();
        let written = detail.clone();
        let recorded = self
            .stored
            .write_drafts(&self.workspace, move |db| {
                let tx = db
                    .conn()
                    .unchecked_transaction()
                    .map_err(store::StoreError::from)?;
                journal::record_outcome(
                    &tx,
                    &ws,
                    entry,
                    state,
                    written.as_deref(),
                    learned.as_ref(),
                )?;
                if state == JournalState::Done {
                    drafted::remove_applied(&tx, &ws, change.draft_id, change.updated_at)?;
                }
                tx.commit().map_err(store::StoreError::from)?;
                Ok(())
            })
            .await;
        match recorded {
            Ok(()) => Ended { state, detail },
            Err(error) => Ended {
                state: JournalState::Failed,
                detail: Some(format!(
                    "{}, but the outcome could not be saved in the journal ({error}).",
                    detail.as_deref().unwrap_or("Sent")
                )),
            },
        }
    }

    /// Journals changes the service already holds as done with `detail`, nothing sent, and
    /// drops them from the draft: all of them, or none.
    pub async fn settled(
        &self,
        changes: Vec<(Sending, JournaledCall)>,
        detail: &'static str,
    ) -> crate::base::error::EngineResult<()> {
        let (ws, org, run_id) = (self.workspace.clone(), self.org.clone(), self.run_id);
        self.stored
            .write_drafts(&self.workspace, move |db| {
                let tx = db
                    .conn()
                    .unchecked_transaction()
                    .map_err(store::StoreError::from)?;
                for (change, call) in changes {
                    let intent = Intent {
                        run_id,
                        draft_id: Some(change.draft_id),
                        call,
                    };
                    let entry = journal::record_intent(&tx, &ws, &org, &intent)?;
                    journal::record_outcome(
                        &tx,
                        &ws,
                        entry,
                        JournalState::Done,
                        Some(detail),
                        None,
                    )?;
                    drafted::remove_applied(&tx, &ws, change.draft_id, change.updated_at)?;
                }
                tx.commit().map_err(store::StoreError::from)?;
                Ok(())
            })
            .await
    }
}
