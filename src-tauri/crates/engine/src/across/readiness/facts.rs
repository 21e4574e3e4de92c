//! What the checklist is decided on: the organization as Ringotel has it now, the thinQ
//! account's credentials check, DIDs and routing profiles (read concurrently), the webhook URL,
//! what this app last set as the delivery URL, and the draft: the numbers are judged as they
//! will be after Sync, and the drafted setup changes say which fixes wait in Changes.

use super::planned::{self, PlannedNumber};
use super::service::Readiness;
use crate::base::clock::now_ms;
use crate::base::context::Connected;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::snapshot::{Freshness, OfflineNote, OrgSnapshot};
use domain::DidId;
use domain::OrgId;
use domain::{SetupChange, WebhookUrl};
use ringotel::Service;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use store::tables::{drafted, journal, pasted_webhooks};
use thinq::{DidRow, RoutingProfile, ThinqError};

/// One thinQ read: its answer, its failure, or why it was not asked.
pub(crate) enum Probe<T> {
    Read(T),
    Failed(ThinqError),
    NotAsked(String),
}

pub(crate) struct Facts {
    pub org: Arc<OrgSnapshot>,
    pub fetched_at: i64,
    pub offline: Option<OfflineNote>,
    pub thinq_card: Option<Service>,
    pub webhook: Option<WebhookUrl>,
    /// Whether this app holds the organization's thinQ Account ID, username and token.
    pub settings_saved: bool,
    pub balance: Probe<()>,
    pub dids: Probe<Vec<DidRow>>,
    pub profiles: Probe<Vec<RoutingProfile>>,
    /// When the thinQ reads ended.
    pub thinq_at: i64,
    /// What this app set on thinQ, for what thinQ's answers do not show.
    pub set_here: SetFromApp,
    pub setup_drafts: Vec<SetupChange>,
    /// The SMS numbers as they will be after Sync: Ringotel's with the draft on top.
    pub planned: Vec<PlannedNumber>,
}

/// What this app set on thinQ, by the journal of setup changes done: the checks whose input
/// thinQ does not report rest on it, said as "set from this app".
#[derive(Debug, Default)]
pub(crate) struct SetFromApp {
    /// DIDs SMS was turned on for, and when.
    pub sms_on: HashMap<DidId, i64>,
    /// DIDs routed, the URL they were routed to, and when.
    pub routed: HashMap<DidId, (String, i64)>,
    /// The delivery-confirmation URL last set, and when.
    pub delivery: Option<(String, i64)>,
}

impl SetFromApp {
    /// From the changes done, oldest first: a later one overrides an earlier.
    fn of(done: Vec<journal::JournalEntry>) -> Self {
        let mut set = Self::default();
        for entry in done {
            let at = entry.finished_at.unwrap_or(entry.started_at);
            let Some(change) = entry.setup_change().cloned() else {
                continue;
            };
            match change {
                SetupChange::ThinqSmsOn { dids, url } => {
                    for did in dids {
                        if let Some(url) = &url {
                            set.routed.insert(did.clone(), (url.clone(), at));
                        }
                        set.sms_on.insert(did, at);
                    }
                }
                SetupChange::ThinqInbound { url, dids } => {
                    for did in dids {
                        set.routed.insert(did, (url.clone(), at));
                    }
                }
                SetupChange::ThinqDeliveryUrl { url } => set.delivery = Some((url, at)),
                SetupChange::ConnectionSmsMode { .. }
                | SetupChange::ProPackage { .. }
                | SetupChange::OptOutAdd { .. }
                | SetupChange::OptOutRemove { .. } => {}
            }
        }
        set
    }
}

/// How far a readiness run is: sources read of those it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessProgress {
    pub done: u32,
    pub total: u32,
}

/// Ringotel's organization, the thinQ balance, DIDs and routing profiles.
const SOURCES: u32 = 4;

impl Readiness<'_> {
    pub(crate) async fn facts(
        &self,
        connected: &Connected,
        org: &OrgId,
        freshness: Freshness,
        progress: &(impl Fn(ReadinessProgress) + Send + Sync),
    ) -> EngineResult<Facts> {
        let done = AtomicU32::new(0);
        let tick = || {
            let done = done.fetch_add(1, Ordering::SeqCst) + 1;
            progress(ReadinessProgress {
                done,
                total: SOURCES,
            });
        };
        progress(ReadinessProgress {
            done: 0,
            total: SOURCES,
        });
        let fetched = self.stored.org_snapshot(connected, org, freshness).await?;
        tick();
        let thinq_card = fetched.data.services.iter().find(|s| s.is_thinq()).cloned();
        let (ws, id) = (connected.workspace_id(), org.clone());
        let (pasted, done, setup) = self
            .base
            .with_db(move |db| {
                Ok((
                    pasted_webhooks::get(db.conn(), &ws, &id)?,
                    journal::setup_done(db.conn(), &ws, &id)?,
                    drafted::setup::list(db.conn(), &ws, &id)?,
                ))
            })
            .await?;
        let webhook = crate::areas::integrations::view::webhook_url(thinq_card.as_ref(), pasted);
        let (settings_saved, balance, dids, profiles) =
            match self.base.saved_thinq_client(connected, org).await {
                Ok(client) => {
                    let concurrency = self.base.network.sync_concurrency;
                    let (balance, dids, profiles) = tokio::join!(
                        async {
                            let read = client.check_credentials().await;
                            tick();
                            read
                        },
                        async {
                            let read = client
                                .all_dids(thinq::MAX_PAGE_ROWS, concurrency, |_, _| {})
                                .await;
                            tick();
                            read
                        },
                        async {
                            let read = client.routing_profiles().await;
                            tick();
                            read
                        },
                    );
                    (
                        true,
                        probe(balance.map(|_| ())),
                        probe(dids),
                        probe(profiles),
                    )
                }
                Err(EngineError::NoThinqSettings(_)) => {
                    let why = "the thinQ Account ID, username and token are not saved in this app";
                    (
                        false,
                        Probe::NotAsked(why.into()),
                        Probe::NotAsked(why.into()),
                        Probe::NotAsked(why.into()),
                    )
                }
                Err(other) => return Err(other),
            };
        let drafts = self
            .stored
            .drafts(
                &connected.workspace_id(),
                org,
                fetched.data.fallback_country(),
            )
            .await?;
        let planned = planned::after_sync(&fetched.data, &drafts);
        Ok(Facts {
            org: fetched.data,
            fetched_at: fetched.fetched_at,
            offline: fetched.offline,
            thinq_card,
            webhook,
            settings_saved,
            balance,
            dids,
            profiles,
            thinq_at: now_ms(),
            set_here: SetFromApp::of(done),
            setup_drafts: setup.into_iter().map(|d| d.change).collect(),
            planned,
        })
    }
}

fn probe<T>(read: Result<T, ThinqError>) -> Probe<T> {
    match read {
        Ok(value) => Probe::Read(value),
        Err(error) => Probe::Failed(error),
    }
}
