//! What a readiness run reports: each check's outcome with why, and the fix it offers.

use crate::areas::numbers::table::NumberKey;
use crate::stored::readiness_summary::ReadinessSummary;
use crate::stored::snapshot::OfflineNote;
use domain::ConnectionId;
use domain::DidId;
use domain::{CheckId, CheckOutcome};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A fix as the engine offers it and takes it back to draft it. The UI hands it back as it
/// was given; the engine checks it against the organization before drafting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Fix {
    /// Move the organization to Pro (billable: asks first).
    MoveToPro,
    SwitchConnections {
        connections: Vec<ConnectionId>,
    },
    /// Not a draft change: the thinQ card is enabled and its credentials saved on the
    /// Integrations tab.
    OpenIntegrations,
    /// SMS on for these DIDs; with `url`, attached to the profile that posts there.
    ThinqSmsOn {
        dids: Vec<DidId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        url: Option<String>,
    },
    ThinqInbound {
        url: String,
        dids: Vec<DidId>,
    },
    ThinqDeliveryUrl {
        url: String,
    },
    /// Drop the users who no longer exist from these numbers (Ringotel's or the draft's).
    RemoveMissingUsers {
        numbers: Vec<NumberKey>,
    },
    /// Set these numbers' formats to the pair that keeps one chat per customer.
    AlignFormats {
        numbers: Vec<NumberKey>,
    },
}

/// A failing check's fix: what it does, whether the draft already holds it, and whether it
/// costs money.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FixOffer {
    pub fix: Fix,
    pub label: String,
    /// The draft already holds this fix: it waits in Changes.
    pub drafted: bool,
    /// Changes what the organization pays: the admin confirms it explicitly.
    pub billable: bool,
    /// Goes into the draft (else it leads to another tab).
    pub drafts: bool,
    /// *Fix all* drafts it: it goes into the draft, costs nothing, and is not drafted yet.
    pub in_fix_all: bool,
}

impl FixOffer {
    /// Whether drafting every fix takes this one: it goes into the draft and is not drafted
    /// yet; a billable one only when the admin confirmed it.
    pub fn wanted(&self, confirm_billable: bool) -> bool {
        self.drafts && !self.drafted && (!self.billable || confirm_billable)
    }

    pub(crate) fn set_drafted(&mut self, drafted: bool) {
        self.drafted = drafted;
        self.in_fix_all = self.wanted(false);
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub id: CheckId,
    pub label: String,
    pub outcome: CheckOutcome,
    pub outcome_label: String,
    pub detail: String,
    /// What is at fault, one line each.
    pub items: Vec<String>,
    /// When the facts behind this line were read (Unix ms).
    pub as_of: i64,
    pub fix: Option<FixOffer>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessReport {
    pub checks: Vec<CheckResult>,
    pub summary: ReadinessSummary,
    /// When Ringotel's side was fetched.
    pub fetched_at: i64,
    /// Set when Ringotel could not be reached and its part was checked on the saved copy.
    pub offline: Option<OfflineNote>,
}
