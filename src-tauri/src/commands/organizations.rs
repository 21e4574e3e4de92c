//! Organization commands: the list and one organization's facts.

use crate::state::AppState;
use domain::OrgId;
use engine::Problem;
use engine::organizations::{OrganizationDetail, OrganizationList};
use engine::snapshot::Freshness;
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_organizations(state: State<'_, AppState>) -> Result<OrganizationList, Problem> {
    Ok(state.engine().await?.organizations().list().await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_organization(
    state: State<'_, AppState>,
    org_id: OrgId,
    freshness: Freshness,
) -> Result<OrganizationDetail, Problem> {
    Ok(state
        .engine()
        .await?
        .organizations()
        .detail_as(org_id, freshness)
        .await?)
}
