//! Overview and Connections tab commands: run the readiness checklist (progress over a
//! channel), draft a fix or all of them, switch a connection's SMS mode, move to Pro, drop a setup change.

use crate::state::AppState;
use domain::ConnectionId;
use domain::DraftId;
use domain::OrgId;
use engine::Problem;
use engine::organizations::OrganizationDetail;
use engine::readiness::{Fix, FixOffer, ReadinessProgress, ReadinessReport};
use engine::snapshot::Freshness;
use engine::sync::ChangesView;
use tauri::State;
use tauri::ipc::Channel;

#[tauri::command]
#[tracing::instrument(skip(state, progress), err(Debug))]
pub async fn run_readiness(
    state: State<'_, AppState>,
    org_id: OrgId,
    freshness: Freshness,
    progress: Channel<ReadinessProgress>,
) -> Result<ReadinessReport, Problem> {
    let report = state
        .engine()
        .await?
        .readiness()
        .run(org_id.clone(), freshness, move |p| {
            let _ = progress.send(p);
        })
        .await?;
    if let Some(all) = crate::state::lock(&state.last_check_all).as_mut() {
        all.update(&org_id, report.clone());
    }
    Ok(report)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn draft_readiness_fix(
    state: State<'_, AppState>,
    org_id: OrgId,
    fix: Fix,
    confirm_billable: bool,
) -> Result<FixOffer, Problem> {
    Ok(state
        .engine()
        .await?
        .readiness()
        .draft_fix(org_id, fix, confirm_billable)
        .await?)
}

/// *Fix all*: the Overview's fixes that go into the draft and cost nothing, drafted at once.
#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn draft_readiness_fixes(
    state: State<'_, AppState>,
    org_id: OrgId,
    fixes: Vec<Fix>,
) -> Result<Vec<FixOffer>, Problem> {
    Ok(state
        .engine()
        .await?
        .readiness()
        .draft_fixes(org_id, fixes)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn switch_connection_sms(
    state: State<'_, AppState>,
    org_id: OrgId,
    connection_id: ConnectionId,
) -> Result<OrganizationDetail, Problem> {
    Ok(state
        .engine()
        .await?
        .organizations()
        .switch_connection_sms(org_id, connection_id)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn move_to_pro(
    state: State<'_, AppState>,
    org_id: OrgId,
    confirm_billable: bool,
) -> Result<OrganizationDetail, Problem> {
    Ok(state
        .engine()
        .await?
        .organizations()
        .move_to_pro(org_id, confirm_billable)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn discard_setup_change(
    state: State<'_, AppState>,
    org_id: OrgId,
    draft_id: DraftId,
) -> Result<ChangesView, Problem> {
    Ok(state
        .engine()
        .await?
        .changes()
        .discard_setup(org_id, draft_id)
        .await?)
}
