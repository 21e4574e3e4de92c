//! Organization list commands for the whole workspace: *Check all* (progress over a channel,
//! Cancel), *Export report…* through a save dialog this side opens, and *Draft fixes for
//! selected…*, each on the last *Check all* report the list shows.

use crate::state::{AppState, lock};
use crate::system_dialog::picked;
use domain::OrgId;
use engine::diagnostics::ReportFile;
use engine::next_step::in_its_words;
use engine::readiness::report_file::{self, ReportFormat};
use engine::readiness::{CheckAllProgress, CheckAllReport, OrgFixesDrafted};
use engine::{Cancel, Problem};
use tauri::State;
use tauri::ipc::Channel;
use tauri_plugin_dialog::DialogExt;

/// A second run of what runs once at a time: refused, so Cancel always reaches the one running.
pub(crate) fn already(message: &str) -> Problem {
    // The message says what to do (wait, or cancel); doing it again now cannot help.
    Problem::stated(engine::ProblemCode::Invalid, message, in_its_words(false))
}

fn no_report() -> Problem {
    Problem::from(engine::EngineError::NoCheckAllReport)
}

#[tauri::command]
#[tracing::instrument(skip(state, progress), err(Debug))]
pub async fn check_all_readiness(
    state: State<'_, AppState>,
    progress: Channel<CheckAllProgress>,
) -> Result<CheckAllReport, Problem> {
    let engine = state.engine().await?;
    let cancel = Cancel::new();
    {
        let mut running = lock(&state.check_all_running);
        if running.is_some() {
            return Err(already(
                "Check all is already running: wait for it, or cancel it",
            ));
        }
        *running = Some(cancel.clone());
    }
    let report = engine
        .readiness()
        .check_all(&cancel, move |p| {
            let _ = progress.send(p);
        })
        .await;
    *lock(&state.check_all_running) = None;
    let report = report?;
    *lock(&state.last_check_all) = Some(report.clone());
    Ok(report)
}

/// The last *Check all* report, as later runs of single organizations left it; `None` before
/// the first.
#[tauri::command]
#[tracing::instrument(skip(state))]
pub fn get_last_check_all(state: State<'_, AppState>) -> Option<CheckAllReport> {
    lock(&state.last_check_all).clone()
}

/// Stops the *Check all* under way: no organization is started after this.
#[tauri::command]
#[tracing::instrument(skip(state))]
pub fn cancel_check_all(state: State<'_, AppState>) {
    if let Some(cancel) = lock(&state.check_all_running).as_ref() {
        cancel.cancel();
    }
}

/// Asks where to save the last report, then writes it there; `None` when the admin cancelled.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub async fn export_readiness_report(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    format: ReportFormat,
) -> Result<Option<ReportFile>, Problem> {
    let Some(report) = lock(&state.last_check_all).clone() else {
        return Err(no_report());
    };
    let (filter, extension) = format.filter();
    let dialog = app
        .dialog()
        .file()
        .set_title("Export readiness report")
        .set_file_name(format.file_name())
        .add_filter(filter, &[extension]);
    match picked(|answer| dialog.save_file(answer)).await {
        Some(path) => Ok(Some(report_file::write(&report, format, &path)?)),
        None => Ok(None),
    }
}

/// Drafts the fixes of the chosen organizations of the last report; billable ones only with
/// `confirm_billable`. Answers what was drafted for each, and the report as it now stands.
#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn draft_fixes_for_organizations(
    state: State<'_, AppState>,
    org_ids: Vec<OrgId>,
    confirm_billable: bool,
) -> Result<(Vec<OrgFixesDrafted>, CheckAllReport), Problem> {
    let engine = state.engine().await?;
    // A copy: the report the list shows stays readable while the fixes are drafted.
    let Some(mut report) = lock(&state.last_check_all).clone() else {
        return Err(no_report());
    };
    let drafted = engine
        .readiness()
        .draft_fixes_for(&mut report, &org_ids, confirm_billable)
        .await;
    let mut kept = lock(&state.last_check_all);
    // Unless a newer Check all replaced it meanwhile, the report now says what is drafted.
    if kept
        .as_ref()
        .is_some_and(|k| k.started_at == report.started_at)
    {
        *kept = Some(report.clone());
    }
    Ok((drafted, report))
}
