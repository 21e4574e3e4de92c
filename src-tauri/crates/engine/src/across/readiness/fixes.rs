//! Readiness fixes: what each offers, whether the draft already holds it, and drafting it —
//! setup changes for the connections, package and thinQ side, number edits for users and
//! formats. Nothing here calls a service: Changes sends it.

use super::checks::{ALIGNED_INBOUND, ALIGNED_OUTBOUND, aligned};
use super::facts::Facts;
use super::planned::Source;
use super::report::{Fix, FixOffer, ReadinessReport};
use super::service::Readiness;
use crate::areas::numbers::table::NumberKey;
use crate::base::error::Missing;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::snapshot::Freshness;
use domain::DidId;
use domain::OrgId;
use domain::UserId;
use domain::setup::count;
use domain::{FieldKey, FieldProblem, SetupChange, SmsMode, SmsNumberFields, WebhookUrl};
use std::collections::HashSet;
use store::tables::drafted::numbers::DraftChange;

impl Fix {
    pub(crate) fn offer(self) -> FixOffer {
        let (label, billable, drafts) = match &self {
            Self::MoveToPro => ("Move to Pro…".to_owned(), true, true),
            Self::SwitchConnections { connections } => (
                format!(
                    "Switch {} to {}",
                    count(connections.len(), "connection"),
                    SmsMode::Integrations.label()
                ),
                false,
                true,
            ),
            Self::OpenIntegrations => ("Open Integrations".to_owned(), false, false),
            Self::ThinqSmsOn { dids, url } => (
                format!(
                    "Turn SMS on for {}{}",
                    count(dids.len(), "DID"),
                    if url.is_some() {
                        " and route them to the webhook"
                    } else {
                        ""
                    }
                ),
                false,
                true,
            ),
            Self::ThinqInbound { dids, .. } => (
                format!("Route {} to the webhook", count(dids.len(), "DID")),
                false,
                true,
            ),
            Self::ThinqDeliveryUrl { .. } => (
                "Set the delivery URL to the webhook".to_owned(),
                false,
                true,
            ),
            Self::RemoveMissingUsers { numbers } => (
                format!(
                    "Remove missing users from {}",
                    count(numbers.len(), "number")
                ),
                false,
                true,
            ),
            Self::AlignFormats { numbers } => (
                format!("Align the formats of {}", count(numbers.len(), "number")),
                false,
                true,
            ),
        };
        let mut offer = FixOffer {
            fix: self,
            label,
            drafted: false,
            billable,
            drafts,
            in_fix_all: false,
        };
        offer.set_drafted(false);
        offer
    }
}

/// Whether the draft already holds the fix, so the check says "waiting in Changes".
pub(super) fn is_drafted(fix: &Fix, facts: &Facts) -> bool {
    let setup = &facts.setup_drafts;
    let covers = |wanted: &[DidId], drafted: &[DidId]| wanted.iter().all(|d| drafted.contains(d));
    match fix {
        Fix::MoveToPro => setup.iter().any(|c| matches!(c, SetupChange::ProPackage { .. })),
        Fix::SwitchConnections { connections } => connections.iter().all(|id| {
            setup.iter().any(|c| matches!(c, SetupChange::ConnectionSmsMode { connection, .. } if connection == id))
        }),
        Fix::OpenIntegrations => false,
        Fix::ThinqSmsOn { dids, url } => setup.iter().any(
            |c| matches!(c, SetupChange::ThinqSmsOn { dids: d, url: u } if covers(dids, d) && u == url),
        ),
        Fix::ThinqInbound { url, dids } => setup.iter().any(
            |c| matches!(c, SetupChange::ThinqInbound { url: u, dids: d } if u == url && covers(dids, d)),
        ),
        Fix::ThinqDeliveryUrl { url } => setup
            .iter()
            .any(|c| matches!(c, SetupChange::ThinqDeliveryUrl { url: u } if u == url)),
        // A number fix is drafted when each of its numbers, as drafted, no longer needs it.
        Fix::RemoveMissingUsers { numbers } => {
            let known: HashSet<&UserId> = facts.org.users().iter().map(|u| &u.id).collect();
            drafted_alike(facts, numbers, |f| f.users.iter().all(|u| known.contains(u)))
        }
        Fix::AlignFormats { numbers } => drafted_alike(facts, numbers, aligned),
    }
}

/// Whether the draft changes every one of these numbers and each, as drafted, holds `holds`.
fn drafted_alike(
    facts: &Facts,
    numbers: &[NumberKey],
    holds: impl Fn(&SmsNumberFields) -> bool,
) -> bool {
    numbers.iter().all(|key| {
        facts
            .planned
            .iter()
            .any(|n| n.key == *key && n.source != Source::Ringotel && holds(&n.fields))
    })
}

fn invalid(message: impl Into<String>) -> EngineError {
    EngineError::Invalid(vec![FieldProblem::new(FieldKey::ReadinessFix, message)])
}

/// A thinQ DID as fixes name it: 11 digits.
fn check_dids(dids: &[DidId]) -> EngineResult<()> {
    if dids.is_empty() {
        return Err(invalid("The fix names no DIDs"));
    }
    match dids
        .iter()
        .find(|d| d.as_str().len() != 11 || !d.as_str().bytes().all(|b| b.is_ascii_digit()))
    {
        Some(bad) => Err(invalid(format!("\"{bad}\" is not an 11-digit thinQ DID"))),
        None => Ok(()),
    }
}

fn check_url(url: &str) -> EngineResult<()> {
    WebhookUrl::parse(url)
        .map(|_| ())
        .map_err(|e| invalid(format!("The webhook URL {e}")))
}

impl Readiness<'_> {
    /// Puts a readiness fix into the draft and returns its offer, now drafted.
    /// `confirm_billable` must be set for a fix that changes what the organization pays.
    /// Needs no network.
    pub async fn draft_fix(
        &self,
        org: OrgId,
        fix: Fix,
        confirm_billable: bool,
    ) -> EngineResult<FixOffer> {
        self.put_fix(org, fix.clone(), confirm_billable).await?;
        let mut offer = fix.offer();
        offer.set_drafted(true);
        Ok(offer)
    }

    /// Drafts every fix of `report` that [`FixOffer::wanted`] takes (billable ones only with
    /// `confirm_billable`), marking each drafted in the report; answers their labels, and what
    /// stopped it when one could not be drafted (those before it stay drafted). Needs no network.
    pub async fn draft_wanted(
        &self,
        org: &OrgId,
        report: &mut ReadinessReport,
        confirm_billable: bool,
    ) -> (Vec<String>, Option<EngineError>) {
        let mut drafted = Vec::new();
        for check in &mut report.checks {
            let Some(offer) = check.fix.as_mut().filter(|o| o.wanted(confirm_billable)) else {
                continue;
            };
            match self
                .draft_fix(org.clone(), offer.fix.clone(), confirm_billable)
                .await
            {
                Ok(now) => {
                    drafted.push(now.label.clone());
                    *offer = now;
                }
                Err(error) => return (drafted, Some(error)),
            }
        }
        (drafted, None)
    }

    /// *Fix all*: drafts each of these fixes in turn and returns their offers, now drafted.
    /// None may be billable (those are confirmed one at a time). Stops at the first that cannot
    /// be drafted, naming it; the ones before it stay in the draft. Needs no network.
    pub async fn draft_fixes(&self, org: OrgId, fixes: Vec<Fix>) -> EngineResult<Vec<FixOffer>> {
        let mut offers = Vec::with_capacity(fixes.len());
        for fix in fixes {
            let label = fix.clone().offer().label;
            let offer = self
                .draft_fix(org.clone(), fix, false)
                .await
                .map_err(|e| match e {
                    EngineError::Invalid(problems) => EngineError::Invalid(
                        problems
                            .into_iter()
                            .map(|p| FieldProblem::new(p.field, format!("{label}: {}", p.message)))
                            .collect(),
                    ),
                    other => other,
                })?;
            offers.push(offer);
        }
        Ok(offers)
    }

    async fn put_fix(&self, org: OrgId, fix: Fix, confirm_billable: bool) -> EngineResult<()> {
        let change = match fix {
            Fix::MoveToPro => {
                return self
                    .organizations
                    .draft_pro_package(org, confirm_billable)
                    .await;
            }
            Fix::SwitchConnections { connections } => {
                return self
                    .organizations
                    .draft_connections_sms(org, &connections)
                    .await;
            }
            Fix::OpenIntegrations => {
                return Err(invalid("This is set on the Integrations tab, not drafted"));
            }
            Fix::RemoveMissingUsers { numbers } => {
                return self
                    .edit_numbers(&org, &numbers, &|fields, known| {
                        fields.users.retain(|u| known.contains(u));
                        !fields.users.is_empty()
                    })
                    .await;
            }
            Fix::AlignFormats { numbers } => {
                return self
                    .edit_numbers(&org, &numbers, &|fields, _| {
                        fields.inbound_format = ALIGNED_INBOUND;
                        fields.outbound_format = ALIGNED_OUTBOUND;
                        true
                    })
                    .await;
            }
            Fix::ThinqSmsOn { dids, url } => {
                check_dids(&dids)?;
                if let Some(url) = &url {
                    check_url(url)?;
                }
                SetupChange::ThinqSmsOn { dids, url }
            }
            Fix::ThinqInbound { url, dids } => {
                check_dids(&dids)?;
                check_url(&url)?;
                SetupChange::ThinqInbound { url, dids }
            }
            Fix::ThinqDeliveryUrl { url } => {
                check_url(&url)?;
                SetupChange::ThinqDeliveryUrl { url }
            }
        };
        let ws = self.base.active_workspace().await?.id;
        self.stored
            .put_setup_change(&ws, &org, change)
            .await
            .map(|_| ())
    }

    /// Drafts an edit of each number: its drafted fields when it has a drafted change (a new
    /// number has only those), else Ringotel's as last fetched. `edit` says whether the result
    /// may be drafted.
    async fn edit_numbers(
        &self,
        org: &OrgId,
        numbers: &[NumberKey],
        edit: &(dyn Fn(&mut SmsNumberFields, &HashSet<UserId>) -> bool + Sync),
    ) -> EngineResult<()> {
        let state = self.numbers.numbers_state(org, Freshness::Saved).await?;
        let known = state.known_users();
        for key in numbers {
            let mut fields = match (state.draft_of(key).map(|d| &d.change), key) {
                (Some(DraftChange::Upsert(fields)), _) => (**fields).clone(),
                (Some(DraftChange::Delete), _) => continue, // Drafted for deletion: nothing to fix.
                (None, NumberKey::New { draft_id }) => {
                    return Err(EngineError::NotFound(Missing::DraftedNumber(*draft_id)));
                }
                (None, NumberKey::Existing { trunk_id }) => {
                    let trunk = state.trunk(trunk_id).ok_or_else(|| {
                        EngineError::NotFound(Missing::SmsNumber(trunk_id.clone()))
                    })?;
                    trunk.fields(state.fallback_country()).map_err(|e| {
                        invalid(format!(
                            "Ringotel's copy of {} cannot be read: {e}",
                            trunk.number
                        ))
                    })?
                }
            };
            if !edit(&mut fields, &known) {
                return Err(invalid(format!(
                    "{} would have no users left: assign some in Numbers",
                    fields.number.international_display()
                )));
            }
            self.numbers
                .write_draft(&state, Some(key.clone()), fields)
                .await?;
        }
        Ok(())
    }
}
