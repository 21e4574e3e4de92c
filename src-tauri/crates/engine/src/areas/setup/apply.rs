//! Sends drafted setup changes, one after another, before the numbers (a number's connection
//! and package come first). Each change reads the service, writes only what still differs,
//! and reads back, journaled as every drafted change is (`stored::journaled`). Every change is
//! safe to send again after a crash: it first reads what is there.

use super::sent::{ALREADY, Sent, SetupFailure};
use super::thinq_orders::{route_inbound, sms_on};
use crate::base::context::Connected;
use crate::stored::journaled::{Landed, Run, Sending};
use domain::ConnectionId;
use domain::DraftId;
use domain::{JournalState, SetupChange, SmsMode};
use ringotel::RingotelError;
use std::sync::Arc;
use store::tables::drafted::setup::DraftSetup;
use store::tables::journal::JournaledCall;
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
    pub run: Run,
    pub connected: &'a Connected,
    /// The organization's thinQ client, made on first use; its failure is each thinQ change's.
    pub thinq: Option<Result<ThinqClient, SetupFailure>>,
}

impl SetupRunner<'_> {
    /// Sends one change and journals it; a change that holds leaves the draft.
    pub async fn run(&mut self, draft: DraftSetup) -> SetupOutcome {
        let sending = Sending {
            draft_id: draft.id,
            updated_at: draft.updated_at,
        };
        let call = JournaledCall::Setup(draft.change.clone());
        let run = self.run.clone();
        let send = async {
            self.send(&draft.change).await.map(|detail| Landed {
                detail,
                learned: None,
            })
        };
        let ended = run.send(sending, call, send).await;
        SetupOutcome {
            draft_id: draft.id,
            service: draft.change.kind().service(),
            description: draft.change.describe(),
            state: ended.state,
            detail: ended.detail,
        }
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
                    self.run.stored.base.network.sync_concurrency,
                )
                .await
            }
            SetupChange::ThinqInbound { url, dids } => {
                let thinq = self.thinq().await?;
                route_inbound(
                    &thinq,
                    url,
                    dids,
                    self.run.stored.base.network.sync_concurrency,
                )
                .await
            }
            SetupChange::ThinqDeliveryUrl { url } => {
                let thinq = self.thinq().await?;
                thinq.set_delivery_confirmation_url(url).await?;
                Ok(None)
            }
            SetupChange::OptOutAdd { number, customer } => {
                self.opt_out(number, customer, true).await
            }
            SetupChange::OptOutRemove { number, customer } => {
                self.opt_out(number, customer, false).await
            }
        }
    }

    /// Puts `customer` on the opt-out list of `number` (or takes them off): read first, sent
    /// only when it still differs, judged by reading the list back (so a lost answer is
    /// settled by what the list says).
    async fn opt_out(&self, number: &str, customer: &str, listed: bool) -> Sent {
        let ringotel = &self.connected.ringotel;
        let on_list = |entries: Vec<ringotel::OptOutEntry>| {
            entries
                .iter()
                .any(|e| same_number(&e.customer, customer, number))
        };
        if on_list(ringotel.get_optout_list(&self.run.org, number).await?) == listed {
            return Ok(Some(ALREADY.into()));
        }
        let sent = if listed {
            ringotel
                .add_to_optout(&self.run.org, number, customer)
                .await
        } else {
            ringotel
                .remove_from_optout(&self.run.org, number, customer)
                .await
        };
        let after = ringotel.get_optout_list(&self.run.org, number).await;
        // The list changed (or may have): the one shown is read again, not the one kept.
        self.run
            .stored
            .forget_opt_outs(&self.connected.workspace_id(), &self.run.org, number);
        confirmed(sent, after.map(|entries| on_list(entries) == listed))
    }

    async fn thinq(&mut self) -> Result<ThinqClient, SetupFailure> {
        if let Some(made) = &self.thinq {
            return made.clone();
        }
        let made = self
            .run
            .stored
            .base
            .saved_thinq_client(self.connected, &self.run.org)
            .await
            .map_err(|e| SetupFailure::NoThinqClient(Arc::new(e)));
        self.thinq = Some(made.clone());
        made
    }

    async fn connection_mode(&self, id: &ConnectionId) -> Sent {
        let ringotel = &self.connected.ringotel;
        let target = SmsMode::Integrations.to_wire();
        let mut branch = ringotel.get_branch(&self.run.org, id).await?;
        if branch.provision.sms == Some(target) {
            return Ok(Some(ALREADY.into()));
        }
        branch.provision.sms = Some(target);
        let sent = ringotel.update_branch(&self.run.org, &branch).await;
        let after = ringotel.get_branch(&self.run.org, id).await;
        confirmed(sent, after.map(|b| b.provision.sms == Some(target)))
    }

    async fn pro_package(&self) -> Sent {
        let ringotel = &self.connected.ringotel;
        let pro = i64::from(domain::Package::Pro.id());
        let mut org = ringotel.get_organization(&self.run.org).await?;
        if org.packageid == Some(pro) {
            return Ok(Some(ALREADY.into()));
        }
        org.packageid = Some(pro);
        let sent = ringotel.update_organization(&org).await;
        let after = ringotel.get_organization(&self.run.org).await;
        confirmed(sent, after.map(|o| o.packageid == Some(pro)))
    }
}

/// Whether a customer on a list (however Ringotel wrote it: with '+', E.164 digits, or 10
/// national digits read in the SMS number's country) is `customer` (as stored).
fn same_number(listed: &str, customer: &str, sms_number: &str) -> bool {
    let country = domain::PhoneNumber::from_wire(sms_number)
        .ok()
        .and_then(|n| n.country())
        .unwrap_or(domain::DEFAULT_COUNTRY);
    match (
        domain::PhoneNumber::from_any(listed, country),
        domain::PhoneNumber::from_any(customer, country),
    ) {
        (Some(a), Some(b)) => a == b,
        _ => listed.trim_start_matches('+') == customer.trim_start_matches('+'),
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
