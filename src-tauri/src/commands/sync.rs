//! Changes and History tab commands: the plan, conflict resolution, discarding, and Sync with
//! its progress sent over a channel as each change ends.

use crate::state::AppState;
use domain::DraftId;
use domain::OrgId;
use domain::SmsField;
use engine::Problem;
use engine::snapshot::Freshness;
use engine::sync::{ChangesView, HistoryView, Side, SyncProgress, SyncReport};
use tauri::State;
use tauri::ipc::Channel;

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_changes(
    state: State<'_, AppState>,
    org_id: OrgId,
    freshness: Freshness,
) -> Result<ChangesView, Problem> {
    Ok(state
        .engine()
        .await?
        .changes()
        .view(org_id, freshness)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state, progress), err(Debug))]
pub async fn sync_changes(
    state: State<'_, AppState>,
    org_id: OrgId,
    only: Option<Vec<DraftId>>,
    progress: Channel<SyncProgress>,
) -> Result<SyncReport, Problem> {
    let report = state
        .engine()
        .await?
        .changes()
        .sync(org_id, only, move |p| {
            // A closed window stops listening; the sync itself goes on to its end.
            let _ = progress.send(p);
        })
        .await?;
    Ok(report)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    org_id: OrgId,
    draft_id: DraftId,
    field: Option<SmsField>,
    side: Side,
) -> Result<ChangesView, Problem> {
    Ok(state
        .engine()
        .await?
        .changes()
        .resolve_conflict(org_id, draft_id, field, side)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn discard_change(
    state: State<'_, AppState>,
    org_id: OrgId,
    draft_id: DraftId,
) -> Result<ChangesView, Problem> {
    Ok(state
        .engine()
        .await?
        .changes()
        .discard(org_id, draft_id)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn discard_draft(
    state: State<'_, AppState>,
    org_id: OrgId,
) -> Result<ChangesView, Problem> {
    Ok(state.engine().await?.changes().discard_all(org_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_history(
    state: State<'_, AppState>,
    org_id: OrgId,
) -> Result<HistoryView, Problem> {
    Ok(state.engine().await?.history().view(org_id).await?)
}
