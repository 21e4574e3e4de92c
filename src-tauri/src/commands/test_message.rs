//! *Send a test message* commands: run one (its progress over a channel, Cancel), and the
//! organization's past tests for History and the Overview.

use crate::commands::check_all::already;
use crate::state::{AppState, lock};
use domain::OrgId;
use engine::test_message::{TestHistory, TestMessageInput, TestMessageView};
use engine::{Cancel, Problem};
use tauri::State;
use tauri::ipc::Channel;

/// Sends the text once the admin confirmed it in the page (a real text to a real phone) and
/// follows it both ways.
#[tauri::command]
#[tracing::instrument(skip(state, progress, input), err(Debug))]
pub async fn run_test_message(
    state: State<'_, AppState>,
    org_id: OrgId,
    input: TestMessageInput,
    progress: Channel<TestMessageView>,
) -> Result<TestMessageView, Problem> {
    let engine = state.engine().await?;
    let cancel = Cancel::new();
    {
        let mut running = lock(&state.test_message_running);
        if running.is_some() {
            return Err(already(
                "A test message is already running: wait for it, or cancel it",
            ));
        }
        *running = Some(cancel.clone());
    }
    let view = engine
        .test_messages()
        .run(org_id, input, &cancel, move |v| {
            let _ = progress.send(v.clone());
        })
        .await;
    *lock(&state.test_message_running) = None;
    Ok(view?)
}

/// Stops the test message under way: the leg it waits on says Cancelled.
#[tauri::command]
#[tracing::instrument(skip(state))]
pub fn cancel_test_message(state: State<'_, AppState>) {
    if let Some(cancel) = lock(&state.test_message_running).as_ref() {
        cancel.cancel();
    }
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_test_messages(
    state: State<'_, AppState>,
    org_id: OrgId,
) -> Result<TestHistory, Problem> {
    Ok(state
        .engine()
        .await?
        .test_messages()
        .history(org_id)
        .await?)
}
