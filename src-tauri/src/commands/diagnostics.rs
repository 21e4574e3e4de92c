//! Diagnostics commands: each assumption about the services as the active workspace's answers
//! showed it, the notices a tab shows, and the shape report saved where the admin chooses in a
//! save dialog this side opens (the webview never names a path).

use crate::state::AppState;
use crate::system_dialog::picked;
use domain::NoticeArea;
use engine::Problem;
use engine::diagnostics::{AssumptionNotice, DiagnosticsView, ReportFile};
use tauri::State;
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_diagnostics(state: State<'_, AppState>) -> Result<DiagnosticsView, Problem> {
    Ok(state.engine().await?.diagnostics().view().await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_assumption_notices(
    state: State<'_, AppState>,
    area: NoticeArea,
) -> Result<Vec<AssumptionNotice>, Problem> {
    Ok(state
        .engine()
        .await?
        .diagnostics()
        .assumption_notices(area)
        .await?)
}

/// Asks where to save the shape report, then writes it there; `None` when the admin cancelled.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub async fn save_shape_report(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ReportFile>, Problem> {
    let engine = state.engine().await?;
    let dialog = app
        .dialog()
        .file()
        .set_title("Save shape report")
        .set_file_name("sms-admin-shape-report.json")
        .add_filter("JSON", &["json"]);
    match picked(|answer| dialog.save_file(answer)).await {
        Some(path) => Ok(Some(engine.diagnostics().save_shape_report(&path).await?)),
        None => Ok(None),
    }
}
