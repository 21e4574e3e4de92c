//! Draft file commands: export the workspace's draft as JSON, import one back.

use crate::state::AppState;
use engine::Problem;
use engine::draft_file::DraftTransfer;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn export_draft(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<DraftTransfer, Problem> {
    Ok(state.engine()?.draft_files().export(path).await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn import_draft(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<DraftTransfer, Problem> {
    Ok(state.engine()?.draft_files().import(path).await?)
}
