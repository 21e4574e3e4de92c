//! Workspace commands: list, add, test, replace a key, switch, remove.

use crate::state::AppState;
use crate::system_dialog::answer;
use domain::WorkspaceId;
use engine::workspace_key::ReplaceKeyInput;
use engine::workspaces::{
    KeySaveOutcome, NewWorkspaceInput, RingotelTestInput, RingotelTestOutcome, WorkspaceList,
};
use engine::{Problem, SecretPersistence};
use tauri::State;
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_workspaces(state: State<'_, AppState>) -> Result<WorkspaceList, Problem> {
    Ok(state.engine().await?.workspaces().list().await?)
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_ringotel_workspace(
    state: State<'_, AppState>,
    input: NewWorkspaceInput,
    persistence: SecretPersistence,
) -> Result<KeySaveOutcome, Problem> {
    let added = state
        .engine()
        .await?
        .workspaces()
        .add_ringotel(input, persistence)
        .await?;
    state.workspace_changed();
    Ok(added)
}

/// Replaces a workspace's API key, keeping everything else it has.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn replace_workspace_key(
    state: State<'_, AppState>,
    input: ReplaceKeyInput,
    persistence: SecretPersistence,
) -> Result<KeySaveOutcome, Problem> {
    let replaced = state
        .engine()
        .await?
        .workspaces()
        .replace_key(input, persistence)
        .await?;
    if matches!(replaced, KeySaveOutcome::Saved { .. }) {
        state.workspace_changed();
    }
    Ok(replaced)
}

/// Tests an address and key. When the page asks to send a workspace's saved key to another
/// address, the admin is asked in a system dialog naming both; only their "Send" lets it go.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn test_ringotel_connection(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    input: RingotelTestInput,
) -> Result<RingotelTestOutcome, Problem> {
    let engine = state.engine().await?;
    let outcome = engine
        .workspaces()
        .test_ringotel_connection(input.clone(), None)
        .await?;
    let RingotelTestOutcome::KeyHeldBack {
        saved_address,
        new_address,
    } = &outcome
    else {
        return Ok(outcome);
    };
    let question = app
        .dialog()
        .message(format!(
            "The page asks to send this workspace's saved API key to {new_address}. \
             The key is saved for {saved_address}.\n\n\
             Send it only if {new_address} is your Ringotel server."
        ))
        .title(format!("Send the saved API key to {new_address}?"))
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Send key".into(),
            "Don't send".into(),
        ));
    if answer(|reply| question.show(reply)).await.unwrap_or(false) {
        return Ok(engine
            .workspaces()
            .test_ringotel_connection(input, Some(new_address.as_str()))
            .await?);
    }
    Ok(outcome)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn activate_workspace(
    state: State<'_, AppState>,
    id: WorkspaceId,
) -> Result<(), Problem> {
    state.engine().await?.workspaces().activate(id).await?;
    state.workspace_changed();
    Ok(())
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn remove_workspace(state: State<'_, AppState>, id: WorkspaceId) -> Result<(), Problem> {
    state.engine().await?.workspaces().remove(id).await?;
    state.workspace_changed();
    Ok(())
}
