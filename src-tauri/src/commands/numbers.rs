//! Numbers tab commands: the table, the editor, every edit of the draft (no network needed),
//! and Import from thinQ.

use crate::state::AppState;
use domain::OrgId;
use domain::format_simulator::FormatExample;
use domain::{InboundFormat, OutboundFormat, SmsNumberInput};
use engine::Problem;
use engine::numbers::{
    ImportDidsInput, ImportDidsOutcome, NumberCheck, NumberEditor, NumberKey, NumbersView,
    SaveNumberOutcome, ThinqDidsView,
};
use engine::snapshot::Freshness;
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_numbers(
    state: State<'_, AppState>,
    org_id: OrgId,
    freshness: Freshness,
) -> Result<NumbersView, Problem> {
    Ok(state
        .engine()
        .await?
        .numbers()
        .view(org_id, freshness)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_number_editor(
    state: State<'_, AppState>,
    org_id: OrgId,
    editing: Option<NumberKey>,
) -> Result<NumberEditor, Problem> {
    Ok(state
        .engine()
        .await?
        .numbers()
        .editor(org_id, editing)
        .await?)
}

/// The number field's as-you-type check: Rust decides what is valid and what it becomes.
#[tauri::command]
pub async fn check_number(
    state: State<'_, AppState>,
    org_id: OrgId,
    input: SmsNumberInput,
    editing: Option<NumberKey>,
) -> Result<NumberCheck, Problem> {
    Ok(state
        .engine()
        .await?
        .numbers()
        .check(org_id, input, editing)
        .await?)
}

#[tauri::command]
pub async fn preview_formats(
    inbound: InboundFormat,
    outbound: OutboundFormat,
    country: String,
) -> FormatExample {
    engine::numbers::format_example(inbound, outbound, &country)
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err(Debug))]
pub async fn save_number(
    state: State<'_, AppState>,
    org_id: OrgId,
    editing: Option<NumberKey>,
    input: SmsNumberInput,
) -> Result<SaveNumberOutcome, Problem> {
    Ok(state
        .engine()
        .await?
        .numbers()
        .save(org_id, editing, input)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn delete_number(
    state: State<'_, AppState>,
    org_id: OrgId,
    key: NumberKey,
) -> Result<NumbersView, Problem> {
    Ok(state.engine().await?.numbers().delete(org_id, key).await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn revert_number(
    state: State<'_, AppState>,
    org_id: OrgId,
    key: NumberKey,
) -> Result<NumbersView, Problem> {
    Ok(state.engine().await?.numbers().revert(org_id, key).await?)
}

/// The organization's thinQ DIDs for Import from thinQ (reads thinQ, every page).
#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_thinq_dids(
    state: State<'_, AppState>,
    org_id: OrgId,
) -> Result<ThinqDidsView, Problem> {
    Ok(state.engine().await?.numbers().thinq_dids(org_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err(Debug))]
pub async fn import_dids(
    state: State<'_, AppState>,
    org_id: OrgId,
    input: ImportDidsInput,
) -> Result<ImportDidsOutcome, Problem> {
    Ok(state
        .engine()
        .await?
        .numbers()
        .import_dids(org_id, input)
        .await?)
}
