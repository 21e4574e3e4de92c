//! thinQ integration commands: the card, a pasted webhook URL, Test connection, Save & Continue,
//! Disable.

use crate::state::AppState;
use domain::OrgId;
use domain::{FieldProblem, ThinqSettingsInput};
use engine::integrations::{
    PasteWebhookOutcome, SaveThinqOutcome, ThinqIntegrationView, ThinqTestOutcome,
};
use engine::snapshot::Freshness;
use engine::{Problem, SecretPersistence};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn get_thinq_integration(
    state: State<'_, AppState>,
    org_id: OrgId,
    freshness: Freshness,
) -> Result<ThinqIntegrationView, Problem> {
    Ok(state
        .engine()
        .await?
        .integrations()
        .thinq(org_id, freshness)
        .await?)
}

/// Inline validation as the admin types: Rust decides what is valid, the UI only shows it.
#[tauri::command]
pub async fn check_thinq_settings(
    input: ThinqSettingsInput,
    token_stored: bool,
) -> Vec<FieldProblem> {
    engine::integrations::check_thinq_settings(&input, token_stored)
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err(Debug))]
pub async fn test_thinq_connection(
    state: State<'_, AppState>,
    org_id: OrgId,
    input: ThinqSettingsInput,
) -> Result<ThinqTestOutcome, Problem> {
    Ok(state
        .engine()
        .await?
        .integrations()
        .test_thinq_connection(org_id, input)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err(Debug))]
pub async fn save_thinq_settings(
    state: State<'_, AppState>,
    org_id: OrgId,
    input: ThinqSettingsInput,
    persistence: SecretPersistence,
) -> Result<SaveThinqOutcome, Problem> {
    Ok(state
        .engine()
        .await?
        .integrations()
        .save_thinq_settings(org_id, input, persistence)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn disable_thinq_integration(
    state: State<'_, AppState>,
    org_id: OrgId,
) -> Result<ThinqIntegrationView, Problem> {
    Ok(state
        .engine()
        .await?
        .integrations()
        .disable_thinq(org_id)
        .await?)
}

/// Keeps a webhook URL the admin pasted, for a card Ringotel reports without one.
#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub async fn paste_webhook_url(
    state: State<'_, AppState>,
    org_id: OrgId,
    url: String,
) -> Result<PasteWebhookOutcome, Problem> {
    Ok(state
        .engine()
        .await?
        .integrations()
        .paste_webhook_url(org_id, url)
        .await?)
}
