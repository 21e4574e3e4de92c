//! Drafting a change to an opt-out list: a customer added (they asked for no more texts) or
//! removed (they asked to be re-subscribed). A change that undoes a drafted one drops that one
//! instead. Needs no network once the list was read.

use super::service::OptOuts;
use super::view::{OptOutStatus, OptOutView};
use crate::base::error::{EngineError, EngineResult};
use crate::stored::snapshot::Freshness;
use domain::{DraftId, FieldKey, FieldProblem, OrgId, PhoneNumber, SetupChange};
use store::tables::drafted;

fn invalid(message: String) -> EngineError {
    EngineError::Invalid(vec![FieldProblem::new(FieldKey::Customer, message)])
}

impl OptOuts<'_> {
    /// Drafts putting `customer` (as typed) on the opt-out list of `number`.
    pub async fn draft_add(
        &self,
        org: OrgId,
        number: String,
        customer: String,
    ) -> EngineResult<OptOutView> {
        let (list, own, country) = self.read(&org, &number, Freshness::Saved).await?;
        let typed = PhoneNumber::parse(&customer, country).map_err(|e| invalid(e.to_string()))?;
        if typed == own {
            return Err(invalid(format!(
                "{} is the SMS number itself, not a customer",
                typed.international_display()
            )));
        }
        let wire = typed.ringotel_wire().to_owned();
        match list.rows.iter().find(|r| r.customer == wire) {
            Some(r) if r.status == OptOutStatus::DraftRemove => {
                self.drop_draft(&org, r.draft_id).await?;
            }
            Some(r) => {
                return Err(invalid(format!(
                    "{} is already on the opt-out list ({})",
                    r.formatted,
                    r.status_label.to_lowercase()
                )));
            }
            None => {
                let change = SetupChange::OptOutAdd {
                    number: list.number.clone(),
                    customer: wire,
                };
                self.put(&org, change).await?;
            }
        }
        self.view(org, list.number, Freshness::Saved).await
    }

    /// Drafts taking `customer` (as stored, or as typed) off the opt-out list of `number`.
    pub async fn draft_remove(
        &self,
        org: OrgId,
        number: String,
        customer: String,
    ) -> EngineResult<OptOutView> {
        let (list, _, country) = self.read(&org, &number, Freshness::Saved).await?;
        let wanted = PhoneNumber::from_any(&customer, country)
            .map(|n| n.ringotel_wire().to_owned())
            .unwrap_or(customer);
        let Some(row) = list.rows.iter().find(|r| r.customer == wanted) else {
            return Err(invalid(format!(
                "{wanted} is not on the opt-out list of {}",
                list.formatted
            )));
        };
        match row.status {
            OptOutStatus::DraftAdd => self.drop_draft(&org, row.draft_id).await?,
            OptOutStatus::DraftRemove => {}
            OptOutStatus::Listed => {
                let change = SetupChange::OptOutRemove {
                    number: list.number.clone(),
                    customer: wanted,
                };
                self.put(&org, change).await?;
            }
        }
        self.view(org, list.number, Freshness::Saved).await
    }

    async fn put(&self, org: &OrgId, change: SetupChange) -> EngineResult<()> {
        let ws = self.base.active_workspace().await?.id;
        self.stored
            .put_setup_change(&ws, org, change)
            .await
            .map(|_| ())
    }

    async fn drop_draft(&self, org: &OrgId, id: Option<DraftId>) -> EngineResult<()> {
        let Some(id) = id else { return Ok(()) };
        let ws = self.base.active_workspace().await?.id;
        let org = org.clone();
        self.base
            .with_db(move |db| Ok(drafted::setup::remove(db.conn(), &ws, &org, id)?))
            .await
            .map(|_| ())
    }
}
