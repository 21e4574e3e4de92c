//! Sends drafted setup changes, one after another, before the numbers (a number's connection
//! and package come first). Each change reads the service, writes only what still differs,
//! and reads back; its intent is journaled before the call and its outcome after, in the same
//! transaction that drops it from the draft. Every change is safe to send again after a
//! crash: it first reads what is there.

use super::sent::{ALREADY, Sent, SetupFailure};
use super::thinq_orders::{route_inbound, sms_on};
use crate::base::context::Connected;
use crate::base::error::EngineError;
use crate::base::handle::Base;
use domain::ConnectionId;
use domain::DraftId;
use domain::OrgId;
use domain::{JournalState, SetupChange, SmsMode, WorkspaceId};
use ringotel::RingotelError;
use std::sync::Arc;
use store::tables::draft_setup::{self, DraftSetup};
use store::tables::setup_journal;
use thinq::ThinqClient;

/// One setup change's result.
#[derive(Debug, Clone)]
pub struct SetupOutcome {
    pub draft_id: DraftId,
    pub service: domain::SetupService,
    pub description: String,
    pub state: JournalState,
    pub detail: Option<String>,
}

pub(crate) struct SetupRunner<'a> {
    pub base: &'a Base,
    pub connected: &'a Connected,
    pub workspace: WorkspaceId,
    pub org: OrgId,
    pub run_id: i64,
    /// The organization's thinQ client, made on first use; its failure is each thinQ change's.
    pub thinq: Option<Result<ThinqClient, SetupFailure>>,
}

impl SetupRunner<'_> {
    /// Sends one change and journals it; a change that holds leaves the draft.
    pub async fn run(&mut self, draft: DraftSetup) -> SetupOutcome {
        let description = draft.change.describe();
        let service = draft.change.kind().service();
        let failed = |detail: String| SetupOutcome {
            draft_id: draft.id,
            service,
            description: description.clone(),
            state: JournalState::Failed,
            detail: Some(detail),
        };
        // Nothing is sent that the journal does not know about.
        let entry = match self.journal_intent(&draft).await {
            Ok(entry) => entry,
            Err(e) => return failed(format!("Not sent: the journal could not be written ({e})")),
        };
        let (state, detail) = match self.send(&draft.change).await {
            Ok(detail) => (JournalState::Done, detail),
            Err(failure) => (JournalState::Failed, Some(failure.to_string())),
        };
        let recorded = self
            .journal_outcome(entry, &draft, state, detail.clone())
            .await;
        if let Err(e) = recorded {
            return failed(format!("Sent, but the journal could not be written ({e})"));
        }
        SetupOutcome {
            draft_id: draft.id,
            service,
            description,
            state,
            detail,
        }
    }

    async fn journal_intent(&self, draft: &DraftSetup) -> Result<i64, EngineError> {
        let (ws, org, run, id, change) = (
            self.workspace.clone(),
            self.org.clone(),
            self.run_id,
            draft.id,
            draft.change.clone(),
        );
        self.base
            .with_db(move |db| {
                Ok(setup_journal::record_intent(
                    db.conn(),
                    &ws,
                    &org,
                    run,
                    id,
                    &change,
                )?)
            })
            .await
    }

    async fn journal_outcome(
        &self,
        entry: i64,
        draft: &DraftSetup,
        state: JournalState,
        detail: Option<String>,
    ) -> Result<(), EngineError> {
        let (ws, id, updated_at) = (self.workspace.clone(), draft.id, draft.updated_at);
        self.base
            .with_db(move |db| {
                let tx = db
                    .conn()
                    .unchecked_transaction()
                    .map_err(store::StoreError::from)?;
                setup_journal::record_outcome(&tx, &ws, entry, state, detail.as_deref())?;
                if state == JournalState::Done {
                    draft_setup::remove_applied(&tx, &ws, id, updated_at)?;
                }
                tx.commit().map_err(store::StoreError::from)?;
                Ok(())
            })
            .await
    }

    async fn send(&mut self, change: &SetupChange) -> Sent {
        match change {
            SetupChange::ConnectionSmsMode { connection, .. } => {
                self.connection_mode(connection).await
            }
            SetupChange::ProPackage { .. } => self.pro_package().await,
            SetupChange::ThinqSmsOn { dids, url } => {
                let thinq = self.thinq().await?;
                sms_on(
                    &thinq,
                    dids,
                    url.as_deref(),
                    self.base.network.sync_concurrency,
                )
                .await
            }
            SetupChange::ThinqInbound { url, dids } => {
                let thinq = self.thinq().await?;
                route_inbound(&thinq, url, dids, self.base.network.sync_concurrency).await
            }
            SetupChange::ThinqDeliveryUrl { url } => {
                let thinq = self.thinq().await?;
                thinq.set_delivery_confirmation_url(url).await?;
                Ok(None)
            }
        }
    }

    async fn thinq(&mut self) -> Result<ThinqClient, SetupFailure> {
        if let Some(made) = &self.thinq {
            return made.clone();
        }
        let made = self
            .base
            .saved_thinq_client(self.connected, &self.org)
            .await
            .map_err(|e| SetupFailure::NoThinqClient(Arc::new(e)));
        self.thinq = Some(made.clone());
        made
    }

    async fn connection_mode(&self, id: &ConnectionId) -> Sent {
        let ringotel = &self.connected.ringotel;
        let target = SmsMode::Integrations.to_wire();
        let mut branch = ringotel.get_branch(&self.org, id).await?;
        if branch.provision.sms == Some(target) {
            return Ok(Some(ALREADY.into()));
        }
        branch.provision.sms = Some(target);
        let sent = ringotel.update_branch(&self.org, &branch).await;
        let after = ringotel.get_branch(&self.org, id).await;
        confirmed(sent, after.map(|b| b.provision.sms == Some(target)))
    }

    async fn pro_package(&self) -> Sent {
        let ringotel = &self.connected.ringotel;
        let pro = i64::from(domain::Package::Pro.id());
        let mut org = ringotel.get_organization(&self.org).await?;
        if org.packageid == Some(pro) {
            return Ok(Some(ALREADY.into()));
        }
        org.packageid = Some(pro);
        let sent = ringotel.update_organization(&org).await;
        let after = ringotel.get_organization(&self.org).await;
        confirmed(sent, after.map(|o| o.packageid == Some(pro)))
    }
}

/// A Ringotel write judged by reading back: the read decides, the write's error explains.
fn confirmed(sent: Result<(), RingotelError>, holds: Result<bool, RingotelError>) -> Sent {
    match (sent, holds) {
        (_, Ok(true)) => Ok(None),
        (Err(e), _) => Err(e.into()),
        (Ok(()), Ok(false)) => Err(SetupFailure::NotApplied),
        (Ok(()), Err(e)) => Err(SetupFailure::NotReadBack(e)),
    }
}
