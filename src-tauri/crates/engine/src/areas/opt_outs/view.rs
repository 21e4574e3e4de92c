//! One SMS number's opt-out list as the admin sees it: Ringotel's list with the draft's adds
//! and removals on top, each row's status computed here.

use super::service::OptOuts;
use crate::base::clock::now_ms;
use crate::base::context::Connected;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::opt_out_lists::ReadOptOuts;
use crate::stored::snapshot::Freshness;
use domain::{Country, DraftId, FieldKey, FieldProblem, OrgId, PhoneNumber, SetupChange};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OptOutStatus {
    /// On Ringotel's list, and the draft leaves it there.
    Listed,
    /// The draft adds it.
    DraftAdd,
    /// On Ringotel's list; the draft removes it.
    DraftRemove,
}

impl OptOutStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Listed => "Opted out",
            Self::DraftAdd => "Draft: add",
            Self::DraftRemove => "Draft: remove",
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OptOutRow {
    /// As Ringotel stores numbers (E.164 digits without '+').
    pub customer: String,
    pub formatted: String,
    /// The keyword they texted, where Ringotel says.
    pub keyword: Option<String>,
    pub status: OptOutStatus,
    pub status_label: String,
    /// The drafted change, for discarding it.
    pub draft_id: Option<DraftId>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OptOutView {
    /// The SMS number, as Ringotel stores it.
    pub number: String,
    pub formatted: String,
    pub name: String,
    pub rows: Vec<OptOutRow>,
    /// When Ringotel's list was read.
    pub read_at: i64,
}

/// A customer number as stored (E.164 digits) and as shown, however Ringotel wrote it (10
/// national digits included, read in `country`); an unreadable one as it came.
pub(super) fn shown(written: &str, country: Country) -> (String, String) {
    match PhoneNumber::from_any(written, country) {
        Some(n) => (n.ringotel_wire().to_owned(), n.international_display()),
        None => (written.to_owned(), written.to_owned()),
    }
}

impl OptOuts<'_> {
    /// The SMS number `number` of the organization (as typed or stored), its name, and the
    /// country the organization's numbers are read in.
    pub(super) async fn sms_number(
        &self,
        connected: &Connected,
        org: &OrgId,
        number: &str,
    ) -> EngineResult<(PhoneNumber, String, Country)> {
        let snapshot = self
            .stored
            .org_snapshot(connected, org, Freshness::Saved)
            .await?;
        let data = &snapshot.data;
        let not_ours = || {
            EngineError::Invalid(vec![FieldProblem::new(
                FieldKey::Number,
                format!(
                    "{number} is not an SMS number of {}",
                    data.organization.name
                ),
            )])
        };
        let parsed = PhoneNumber::parse(number, data.fallback_country()).map_err(|_| not_ours())?;
        let trunk = data
            .trunks
            .iter()
            .find(|t| PhoneNumber::from_wire(&t.number).is_ok_and(|n| n == parsed))
            .ok_or_else(not_ours)?;
        Ok((parsed, trunk.name.clone(), data.fallback_country()))
    }

    /// The opt-out list of `number` with the draft on top. `Live` asks Ringotel (one call);
    /// `Saved` shows the list as last read in this run, asking only when it was never read.
    pub async fn view(
        &self,
        org: OrgId,
        number: String,
        freshness: Freshness,
    ) -> EngineResult<OptOutView> {
        Ok(self.read(&org, &number, freshness).await?.0)
    }

    /// [`OptOuts::view`], with the SMS number it is of and the country a customer number
    /// typed for it is read in.
    pub(super) async fn read(
        &self,
        org: &OrgId,
        number: &str,
        freshness: Freshness,
    ) -> EngineResult<(OptOutView, PhoneNumber, Country)> {
        let (org, number) = (org.clone(), number.to_owned());
        let connected = self.base.connect().await?;
        let (own, name, fallback) = self.sms_number(&connected, &org, &number).await?;
        let country = own.country().unwrap_or(fallback);
        let number = own.clone();
        let wire = number.ringotel_wire().to_owned();
        let ws = connected.workspace_id();
        let read = match (freshness, self.stored.read_opt_outs(&ws, &org, &wire)) {
            (Freshness::Saved, Some(read)) => read,
            _ => {
                let entries = connected.ringotel.get_optout_list(&org, &wire).await?;
                let read = ReadOptOuts {
                    entries,
                    read_at: now_ms(),
                };
                self.stored.keep_opt_outs(&ws, &org, &wire, read.clone());
                read
            }
        };
        let drafts = self.stored.setup_drafts(&ws, &org).await?;
        let drafted = |remove: bool, customer: &str| {
            drafts.iter().find_map(|d| match &d.change {
                SetupChange::OptOutRemove {
                    number: n,
                    customer: c,
                } if remove && *n == wire && c == customer => Some(d.id),
                SetupChange::OptOutAdd {
                    number: n,
                    customer: c,
                } if !remove && *n == wire && c == customer => Some(d.id),
                _ => None,
            })
        };
        let mut rows: Vec<OptOutRow> = read
            .entries
            .iter()
            .map(|e| {
                let (customer, formatted) = shown(&e.customer, country);
                let draft_id = drafted(true, &customer);
                let status = if draft_id.is_some() {
                    OptOutStatus::DraftRemove
                } else {
                    OptOutStatus::Listed
                };
                row(customer, formatted, e.keyword.clone(), status, draft_id)
            })
            .collect();
        for d in &drafts {
            if let SetupChange::OptOutAdd {
                number: n,
                customer,
            } = &d.change
                && *n == wire
                && !rows.iter().any(|r| r.customer == *customer)
            {
                let (customer, formatted) = shown(customer, country);
                rows.push(row(
                    customer,
                    formatted,
                    None,
                    OptOutStatus::DraftAdd,
                    Some(d.id),
                ));
            }
        }
        let view = OptOutView {
            formatted: number.international_display(),
            number: wire,
            name,
            rows,
            read_at: read.read_at,
        };
        Ok((view, own, country))
    }
}

fn row(
    customer: String,
    formatted: String,
    keyword: Option<String>,
    status: OptOutStatus,
    draft_id: Option<DraftId>,
) -> OptOutRow {
    OptOutRow {
        customer,
        formatted,
        keyword,
        status,
        status_label: status.label().into(),
        draft_id,
    }
}
