//! What the UI asks first: where data lives and whether anything went wrong opening it.

use crate::state::AppState;
use engine::Problem;
use engine::startup::StartupReport;
use tauri::State;

#[tauri::command]
pub async fn get_startup_report(state: State<'_, AppState>) -> Result<StartupReport, Problem> {
    Ok(state.engine().await?.startup_report())
}
