//! Import from thinQ: the account's DIDs with their SMS flag, and several of them added to the
//! draft as SMS numbers with shared settings in one step.

use super::service::Numbers;
use super::table::{NumbersState, NumbersView};
use crate::base::clock::now_ms;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::snapshot::Freshness;
use domain::OrgId;
use domain::sms_number::NumberRules;
use domain::{
    FieldProblem, InboundFormat, OutboundFormat, PhoneNumber, SmsNumberInput, StickinessInput,
};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use store::tables::drafted::{
    self,
    numbers::{DraftChange, DraftTarget},
};
use ts_rs::TS;

/// One DID of the organization's thinQ account.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThinqDid {
    /// As Ringotel stores numbers (E.164 digits without '+').
    pub number: String,
    pub formatted: String,
    /// Whether SMS is on for it in thinQ; `None` when thinQ did not say.
    pub sms: Option<bool>,
    /// Already an SMS number of this organization, in Ringotel or in the draft.
    pub taken: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThinqDidsView {
    pub account_id: String,
    pub dids: Vec<ThinqDid>,
    /// DIDs thinQ listed that are no valid phone number, left out.
    pub unreadable: u32,
    pub fetched_at: i64,
}

/// The settings every imported number shares.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportDidsInput {
    pub numbers: Vec<String>,
    pub users: Vec<String>,
    pub stickiness: StickinessInput,
    pub inbound_format: InboundFormat,
    pub outbound_format: OutboundFormat,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ImportDidsOutcome {
    Imported {
        added: u32,
        /// Numbers left out because the organization already has them.
        skipped: Vec<String>,
        view: NumbersView,
    },
    /// A shared setting is wrong; nothing was added.
    Invalid { problems: Vec<FieldProblem> },
}

/// Whether the organization already has this number, in Ringotel or as a new drafted one:
/// built once, so checking ten thousand DIDs parses no number twice.
pub(super) struct Taken<'a> {
    state: &'a NumbersState,
    drafted: HashSet<&'a str>,
}

impl<'a> Taken<'a> {
    pub(super) fn new(state: &'a NumbersState) -> Self {
        let drafted = state
            .drafts
            .iter()
            .filter_map(|d| match (&d.target, &d.change) {
                (DraftTarget::New, DraftChange::Upsert(f)) => Some(f.number.e164()),
                _ => None,
            })
            .collect();
        Self { state, drafted }
    }

    pub(super) fn has(&self, number: &PhoneNumber) -> bool {
        self.drafted.contains(number.e164())
            || self
                .state
                .snapshot
                .data
                .live_index()
                .has_number(number.e164())
    }
}

impl Numbers<'_> {
    /// Every DID of the organization's thinQ account, with its SMS flag and whether the
    /// organization already has it; pages read at the engine's concurrency.
    pub async fn thinq_dids(&self, org: OrgId) -> EngineResult<ThinqDidsView> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        let client = self.base.saved_thinq_client(&state.connected, &org).await?;
        let taken = Taken::new(&state);
        let mut unreadable = 0;
        let mut dids = Vec::new();
        // Each page is read into the view as it comes, while the next pages are on their way:
        // parsing ten thousand numbers after the last page would add its time to the wait.
        client
            .read_did_pages(
                thinq::MAX_PAGE_ROWS,
                self.base.network.sync_concurrency,
                |page, _| {
                    for row in page {
                        match PhoneNumber::from_wire(row.id.as_str()) {
                            Ok(number) => dids.push(ThinqDid {
                                taken: taken.has(&number),
                                number: number.ringotel_wire().to_owned(),
                                formatted: number.international_display(),
                                sms: row.sms_enabled(),
                            }),
                            Err(_) => unreadable += 1,
                        }
                    }
                },
            )
            .await?;
        Ok(ThinqDidsView {
            account_id: client.account_id().to_owned(),
            dids,
            unreadable,
            fetched_at: now_ms(),
        })
    }

    /// Adds the chosen DIDs to the draft as new SMS numbers with the shared settings, named by
    /// their number, all or none; numbers the organization already has are skipped and named.
    pub async fn import_dids(
        &self,
        org: OrgId,
        input: ImportDidsInput,
    ) -> EngineResult<ImportDidsOutcome> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        let service = state.thinq_service().map(|s| s.id.clone()).ok_or_else(|| {
            EngineError::NoThinqCard(state.snapshot.data.organization.name.clone())
        })?;
        let known = state.known_users();
        let rules = NumberRules {
            known_users: &known,
            service,
        };
        let fallback = state.fallback_country();
        let taken = Taken::new(&state);
        let mut skipped = Vec::new();
        let mut changes = Vec::new();
        let mut seen = HashSet::new();
        for raw in &input.numbers {
            let number = PhoneNumber::from_wire(raw).map_err(|e| {
                EngineError::Invalid(vec![FieldProblem::new(
                    domain::FieldKey::Number,
                    format!("{raw}: {e}"),
                )])
            })?;
            if taken.has(&number) || !seen.insert(number.clone()) {
                skipped.push(number.international_display());
                continue;
            }
            let one = SmsNumberInput {
                country: number.country().unwrap_or(fallback).as_str().to_owned(),
                number: number.ringotel_wire().to_owned(),
                name: number.national_display(),
                users: input.users.clone(),
                stickiness: input.stickiness.clone(),
                inbound_format: input.inbound_format,
                outbound_format: input.outbound_format,
                send_name: false,
                opt_out_keyword: String::new(),
                opt_out_reply: String::new(),
                auto_replies: Vec::new(),
            };
            match one.validate(&rules) {
                Ok(fields) => changes.push((
                    org.clone(),
                    DraftTarget::New,
                    DraftChange::Upsert(Box::new(fields)),
                )),
                Err(problems) => return Ok(ImportDidsOutcome::Invalid { problems }),
            }
        }
        let added = changes.len() as u32;
        let ws = state.workspace.clone();
        self.stored
            .write_drafts(&ws.clone(), move |db| {
                Ok(drafted::numbers::insert_all(db.conn(), &ws, &changes)?)
            })
            .await?;
        Ok(ImportDidsOutcome::Imported {
            added,
            skipped,
            view: self.view_of(&self.reread(&state).await?).await?,
        })
    }
}
