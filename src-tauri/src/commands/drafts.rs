//! Draft file commands: export the workspace's draft as JSON, import one back. The file is the
//! one the admin picked in the save or open dialog this side opens; the webview never names a
//! path, so a page that went wrong cannot read or overwrite a file of its choosing.

use crate::state::AppState;
use crate::system_dialog::picked;
use engine::Problem;
use engine::draft_file::DraftTransfer;
use tauri::State;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// What the dialogs offer: draft files are JSON.
const DRAFT_FILTER: (&str, &[&str]) = ("Draft (JSON)", &["json"]);

fn draft_dialog(app: &tauri::AppHandle, title: &str) -> FileDialogBuilder<tauri::Wry> {
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(DRAFT_FILTER.0, DRAFT_FILTER.1)
}

/// Asks where to save the draft, then writes it there; `None` when the admin cancelled.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub async fn export_draft(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<DraftTransfer>, Problem> {
    let engine = state.engine().await?;
    let dialog = draft_dialog(&app, "Export draft").set_file_name("sms-numbers-draft.json");
    match picked(|answer| dialog.save_file(answer)).await {
        Some(path) => Ok(Some(engine.draft_files().export(path).await?)),
        None => Ok(None),
    }
}

/// Asks which draft file to import, then imports it; `None` when the admin cancelled.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub async fn import_draft(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<DraftTransfer>, Problem> {
    let engine = state.engine().await?;
    let dialog = draft_dialog(&app, "Import draft");
    match picked(|answer| dialog.pick_file(answer)).await {
        Some(path) => Ok(Some(engine.draft_files().import(path).await?)),
        None => Ok(None),
    }
}
