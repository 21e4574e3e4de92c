//! Opt-out list commands: a number's list read (Ringotel asked only when the list was not read
//! yet or on Refresh), and a customer's add or removal drafted.

use crate::state::AppState;
use domain::OrgId;
use engine::Problem;
use engine::opt_outs::OptOutView;
use engine::snapshot::Freshness;
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_opt_outs(
    state: State<'_, AppState>,
    org_id: OrgId,
    number: String,
    freshness: Freshness,
) -> Result<OptOutView, Problem> {
    Ok(state
        .engine()
        .await?
        .opt_outs()
        .view(org_id, number, freshness)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn draft_opt_out_add(
    state: State<'_, AppState>,
    org_id: OrgId,
    number: String,
    customer: String,
) -> Result<OptOutView, Problem> {
    Ok(state
        .engine()
        .await?
        .opt_outs()
        .draft_add(org_id, number, customer)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn draft_opt_out_remove(
    state: State<'_, AppState>,
    org_id: OrgId,
    number: String,
    customer: String,
) -> Result<OptOutView, Problem> {
    Ok(state
        .engine()
        .await?
        .opt_outs()
        .draft_remove(org_id, number, customer)
        .await?)
}
