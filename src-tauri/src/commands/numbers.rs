//! SMS number commands.

use crate::state::AppState;
use domain::RingotelId;
use engine::Problem;
use engine::numbers::SmsNumberList;
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn list_sms_numbers(
    state: State<'_, AppState>,
    org_id: RingotelId,
) -> Result<SmsNumberList, Problem> {
    Ok(state.engine()?.list_sms_numbers(org_id).await?)
}
