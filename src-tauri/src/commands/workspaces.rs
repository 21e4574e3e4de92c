//! Workspace commands: list, add, test, switch, remove.

use crate::state::AppState;
use domain::WorkspaceId;
use engine::workspaces::{
    AddWorkspaceOutcome, NewWorkspaceInput, RingotelTestInput, RingotelTestOutcome, WorkspaceList,
};
use engine::{Problem, SecretPersistence};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_workspaces(state: State<'_, AppState>) -> Result<WorkspaceList, Problem> {
    Ok(state.engine()?.workspaces().list().await?)
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_ringotel_workspace(
    state: State<'_, AppState>,
    input: NewWorkspaceInput,
    persistence: SecretPersistence,
) -> Result<AddWorkspaceOutcome, Problem> {
    Ok(state
        .engine()?
        .workspaces()
        .add_ringotel(input, persistence)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn test_ringotel_connection(
    state: State<'_, AppState>,
    input: RingotelTestInput,
) -> Result<RingotelTestOutcome, Problem> {
    Ok(state
        .engine()?
        .workspaces()
        .test_ringotel_connection(input)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn activate_workspace(
    state: State<'_, AppState>,
    id: WorkspaceId,
) -> Result<(), Problem> {
    Ok(state.engine()?.workspaces().activate(id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn remove_workspace(state: State<'_, AppState>, id: WorkspaceId) -> Result<(), Problem> {
    Ok(state.engine()?.workspaces().remove(id).await?)
}
