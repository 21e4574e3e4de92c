//! Sends drafted setup changes, one after another, before the numbers (a number's connection
//! and package come first). Each change reads the service, writes only what still differs,
//! and reads back; its intent is journaled before the call and its outcome after, in the same
//! transaction that drops it from the draft. Every change is safe to send again after a
//! crash: it first reads what is there.

use crate::Engine;
use crate::context::Connected;
use crate::error::ringotel_in_words;
use domain::{JournalState, RingotelId, SetupChange, SmsMode, WorkspaceId};
use ringotel::RingotelError;
use std::collections::{HashMap, HashSet};
use store::tables::draft_setup::{self, DraftSetup};
use store::tables::setup_journal;
use thinq::{DidRow, OrderLine, ThinqClient, ThinqError};

/// [assumed] The name this app gives the routing profile it creates for the Ringotel webhook.
pub const ROUTING_PROFILE_NAME: &str = "Ringotel SMS";

/// What said "nothing was sent".
const ALREADY: &str = "Already so; nothing was sent.";

/// One setup change's result.
#[derive(Debug, Clone)]
pub struct SetupOutcome {
    pub draft_id: i64,
    pub service: domain::SetupService,
    pub description: String,
    pub state: JournalState,
    pub detail: Option<String>,
}

pub(crate) struct SetupRunner<'a> {
    pub engine: &'a Engine,
    pub connected: &'a Connected,
    pub workspace: WorkspaceId,
    pub org: RingotelId,
    pub run_id: i64,
    /// The organization's thinQ client, made on first use; its failure is each thinQ change's.
    pub thinq: Option<Result<ThinqClient, String>>,
}

type Sent = Result<Option<String>, String>;

impl SetupRunner<'_> {
    /// Sends one change and journals it; a change that holds leaves the draft.
    pub async fn run(&mut self, draft: DraftSetup) -> SetupOutcome {
        let description = draft.change.describe();
        let service = draft.change.kind().service();
        let journal = self.journal_intent(&draft).await;
        let sent = match &journal {
            Err(e) => Err(format!("Not sent: the journal could not be written ({e})")),
            Ok(_) => self.send(&draft.change).await,
        };
        let (state, detail) = match sent {
            Ok(detail) => (JournalState::Done, detail),
            Err(detail) => (JournalState::Failed, Some(detail)),
        };
        if let Ok(entry) = journal {
            let recorded = self
                .journal_outcome(entry, &draft, state, detail.clone())
                .await;
            if let Err(e) = recorded {
                return SetupOutcome {
                    draft_id: draft.id,
                    service,
                    description,
                    state: JournalState::Failed,
                    detail: Some(format!("Sent, but the journal could not be written ({e})")),
                };
            }
        }
        SetupOutcome {
            draft_id: draft.id,
            service,
            description,
            state,
            detail,
        }
    }

    async fn journal_intent(&self, draft: &DraftSetup) -> Result<i64, String> {
        let (ws, org, run, id, change) = (
            self.workspace.clone(),
            self.org.clone(),
            self.run_id,
            draft.id,
            draft.change.clone(),
        );
        self.engine
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
            .map_err(|e| e.to_string())
    }

    async fn journal_outcome(
        &self,
        entry: i64,
        draft: &DraftSetup,
        state: JournalState,
        detail: Option<String>,
    ) -> Result<(), String> {
        let (ws, id, updated_at) = (self.workspace.clone(), draft.id, draft.updated_at);
        self.engine
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
            .map_err(|e| e.to_string())
    }

    async fn send(&mut self, change: &SetupChange) -> Sent {
        match change {
            SetupChange::ConnectionSmsMode { connection, .. } => {
                self.connection_mode(connection).await
            }
            SetupChange::ProPackage { .. } => self.pro_package().await,
            SetupChange::ThinqSmsOn { dids } => {
                let thinq = self.thinq().await?;
                sms_on(&thinq, dids, self.engine.network.sync_concurrency).await
            }
            SetupChange::ThinqInbound { url, dids } => {
                let thinq = self.thinq().await?;
                route_inbound(&thinq, url, dids, self.engine.network.sync_concurrency).await
            }
            SetupChange::ThinqDeliveryUrl { url } => {
                let thinq = self.thinq().await?;
                thinq
                    .set_delivery_confirmation_url(url)
                    .await
                    .map(|()| None)
                    .map_err(|e| thinq_words(&e))
            }
        }
    }

    async fn thinq(&mut self) -> Result<ThinqClient, String> {
        if self.thinq.is_none() {
            let made = self
                .engine
                .saved_thinq_client(self.connected, &self.org)
                .await
                .map_err(|e| e.to_string());
            self.thinq = Some(made);
        }
        match &self.thinq {
            Some(made) => made.clone(),
            None => Err("thinQ could not be reached".into()),
        }
    }

    async fn connection_mode(&self, id: &RingotelId) -> Sent {
        let ringotel = &self.connected.ringotel;
        let target = SmsMode::Integrations.to_wire();
        let mut branch = ringotel
            .get_branch(&self.org, id)
            .await
            .map_err(|e| ringotel_in_words(&e))?;
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
        let mut org = ringotel
            .get_organization(&self.org)
            .await
            .map_err(|e| ringotel_in_words(&e))?;
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
        (Err(e), _) => Err(ringotel_in_words(&e)),
        (Ok(()), Ok(false)) => {
            Err("Ringotel accepted it, but reading it back shows no change".into())
        }
        (Ok(()), Err(e)) => Err(format!(
            "Sent, but it could not be read back: {}",
            ringotel_in_words(&e)
        )),
    }
}

pub(crate) fn thinq_words(error: &ThinqError) -> String {
    format!("thinQ: {error}")
}

/// Every DID of the account.
async fn all_dids(thinq: &ThinqClient, concurrency: usize) -> Result<Vec<DidRow>, String> {
    thinq
        .all_dids(thinq::MAX_PAGE_ROWS, concurrency, |_, _| {})
        .await
        .map_err(|e| thinq_words(&e))
}

/// The rows of `all` named in `dids`, or the ones thinQ does not know, named.
fn pick(all: &[DidRow], dids: &[String]) -> Result<HashMap<String, DidRow>, String> {
    let wanted: HashSet<&String> = dids.iter().collect();
    let rows: HashMap<String, DidRow> = all
        .iter()
        .filter(|r| wanted.contains(&r.id))
        .map(|r| (r.id.clone(), r.clone()))
        .collect();
    let missing: Vec<&str> = dids
        .iter()
        .filter(|d| !rows.contains_key(*d))
        .map(String::as_str)
        .collect();
    if missing.is_empty() {
        Ok(rows)
    } else {
        Err(format!(
            "Not DIDs of this thinQ account: {}",
            missing.join(", ")
        ))
    }
}

/// The account's DIDs that are named in `dids`, read now.
async fn rows_of(
    thinq: &ThinqClient,
    dids: &[String],
    concurrency: usize,
) -> Result<HashMap<String, DidRow>, String> {
    pick(&all_dids(thinq, concurrency).await?, dids)
}

/// Sends a features order for `lines` (created once, never repeated blindly), then reads the
/// DIDs back: the read decides whether it holds.
async fn order_and_check(
    thinq: &ThinqClient,
    lines: Vec<OrderLine>,
    holds: impl Fn(&DidRow) -> bool,
    concurrency: usize,
) -> Sent {
    let dids: Vec<String> = lines.iter().map(|l| l.did.clone()).collect();
    let sent = thinq.order_features(&lines).await;
    let after = rows_of(thinq, &dids, concurrency).await;
    match (sent, after) {
        (_, Ok(rows)) if rows.values().all(&holds) => Ok(None),
        (Err(e), _) => Err(thinq_words(&e)),
        (Ok(_), Ok(rows)) => {
            let mut short: Vec<&str> = rows
                .values()
                .filter(|r| !holds(r))
                .map(|r| r.id.as_str())
                .collect();
            short.sort_unstable();
            Err(format!(
                "thinQ completed the order, but these DIDs do not show it yet: {}",
                short.join(", ")
            ))
        }
        (Ok(_), Err(e)) => Err(format!("Ordered, but it could not be read back: {e}")),
    }
}

async fn sms_on(thinq: &ThinqClient, dids: &[String], concurrency: usize) -> Sent {
    let rows = rows_of(thinq, dids, concurrency).await?;
    let lines: Vec<OrderLine> = rows
        .values()
        .filter(|r| !r.features().sms)
        .map(|r| OrderLine::sms(r, true, None))
        .collect();
    if lines.is_empty() {
        return Ok(Some(ALREADY.into()));
    }
    order_and_check(thinq, lines, |r| r.features().sms, concurrency).await
}

/// Points the DIDs' inbound messages at `url`: a profile that already posts there, else one
/// used only by these DIDs repointed, else a new one; then the DIDs not yet on it attached.
async fn route_inbound(
    thinq: &ThinqClient,
    url: &str,
    dids: &[String],
    concurrency: usize,
) -> Sent {
    // One read of the account's DIDs serves both the DIDs to attach and whose profile is whose.
    let all = all_dids(thinq, concurrency).await?;
    let rows = pick(&all, dids)?;
    let profiles = thinq
        .routing_profiles()
        .await
        .map_err(|e| thinq_words(&e))?;
    let profile_id = match profiles.iter().find(|p| p.url == url) {
        Some(p) => p.id.clone(),
        None => match own_profile(&all, &profiles, dids) {
            Some(p) => thinq
                .update_routing_profile(&p.id, &p.name, url)
                .await
                .map(|p| p.id)
                .map_err(|e| thinq_words(&e))?,
            None => match thinq
                .create_routing_profile(ROUTING_PROFILE_NAME, url)
                .await
            {
                Ok(made) => made.id,
                // Sent once only: a lost answer is settled by looking for the profile.
                Err(e) => thinq
                    .routing_profiles()
                    .await
                    .ok()
                    .and_then(|all| all.into_iter().find(|p| p.url == url))
                    .map(|p| p.id)
                    .ok_or_else(|| thinq_words(&e))?,
            },
        },
    };
    let id: u64 = profile_id.parse().map_err(|_| {
        format!("thinQ gave the routing profile an id that is no number: {profile_id}")
    })?;
    let lines: Vec<OrderLine> = rows
        .values()
        .filter(|r| r.routing_profile_id() != Some(id))
        .map(|r| OrderLine::sms(r, r.features().sms, Some(id)))
        .collect();
    if lines.is_empty() {
        return Ok(None);
    }
    order_and_check(
        thinq,
        lines,
        |r| r.routing_profile_id() == Some(id),
        concurrency,
    )
    .await
}

/// The profile every one of `dids` is on that no other DID of the account uses: repointing it
/// reroutes nothing else; `all` is every DID of the account.
fn own_profile<'p>(
    all: &[DidRow],
    profiles: &'p [thinq::RoutingProfile],
    dids: &[String],
) -> Option<&'p thinq::RoutingProfile> {
    let ours: HashSet<&String> = dids.iter().collect();
    let on = |row: &DidRow| row.routing_profile_id();
    let shared: HashSet<Option<u64>> = all
        .iter()
        .filter(|r| ours.contains(&r.id))
        .map(on)
        .collect();
    let [Some(id)] = shared.into_iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let others = all
        .iter()
        .any(|r| !ours.contains(&r.id) && on(r) == Some(id));
    (!others)
        .then(|| profiles.iter().find(|p| p.id == id.to_string()))
        .flatten()
}
