//! What the UI asks first: where data and the log live, and whether anything went wrong opening
//! them.

use crate::logging::log_file;
use crate::state::AppState;
use engine::Problem;
use engine::startup::StartupReport;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn get_startup_report(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<StartupReport, Problem> {
    let mut report = state.engine().await?.startup_report();
    report.log_file = log_file(&app).map(|path| path.display().to_string());
    Ok(report)
}
