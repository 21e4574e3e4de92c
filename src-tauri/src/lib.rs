//! The desktop shell: plugins, managed state and the command list. Everything it does is in
//! the engine; this file only wires it to the window.

mod commands;
mod logging;
mod state;

use state::AppState;
use tauri::Manager;

/// Brings the running app's window to the front when the admin starts it again.
fn focus_main_window(app: &tauri::AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

pub fn run() {
    let builder = tauri::Builder::default()
        // First, so a second start hands over to the running app before doing anything:
        // two windows must never write the same draft.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            focus_main_window(app)
        }))
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let log_dir = app.path().app_log_dir().ok();
            logging::init(log_dir.as_deref());
            // The engine names the folder, so `sms-admin` shares it; Tauri's is the fallback.
            let data_dir = match engine::home::data_dir(None) {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            app.manage(tauri::async_runtime::block_on(AppState::start(&data_dir)));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup::get_startup_report,
            commands::workspaces::list_workspaces,
            commands::workspaces::add_ringotel_workspace,
            commands::workspaces::test_ringotel_connection,
            commands::workspaces::activate_workspace,
            commands::workspaces::remove_workspace,
            commands::organizations::list_organizations,
            commands::organizations::get_organization,
            commands::integrations::get_thinq_integration,
            commands::integrations::check_thinq_settings,
            commands::integrations::test_thinq_connection,
            commands::integrations::save_thinq_settings,
            commands::integrations::disable_thinq_integration,
            commands::integrations::paste_webhook_url,
            commands::numbers::get_numbers,
            commands::numbers::get_number_editor,
            commands::numbers::check_number,
            commands::numbers::preview_formats,
            commands::numbers::save_number,
            commands::numbers::delete_number,
            commands::numbers::revert_number,
            commands::numbers::get_thinq_dids,
            commands::numbers::import_dids,
            commands::drafts::export_draft,
            commands::drafts::import_draft,
            commands::sync::get_changes,
            commands::sync::sync_changes,
            commands::sync::resolve_conflict,
            commands::sync::discard_change,
            commands::sync::discard_draft,
            commands::sync::get_history,
            commands::readiness::run_readiness,
            commands::readiness::draft_readiness_fix,
            commands::readiness::switch_connection_sms,
            commands::readiness::move_to_pro,
            commands::readiness::discard_setup_change,
            commands::diagnostics::get_diagnostics,
            commands::diagnostics::get_assumption_notices,
            commands::diagnostics::save_shape_report,
        ]);
    match builder.build(tauri::generate_context!()) {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                keep_observations(handle);
            }
        }),
        Err(error) => {
            tracing::error!(%error, "the app stopped");
            eprintln!("Ringotel SMS Admin could not start: {error}");
            std::process::exit(1);
        }
    }
}

/// Writes what the services' answers showed since the last action, before the app exits.
fn keep_observations(handle: &tauri::AppHandle) {
    let Some(state) = handle.try_state::<AppState>() else {
        return;
    };
    if let Ok(engine) = state.engine()
        && let Err(error) = tauri::async_runtime::block_on(engine.flush_observations())
    {
        tracing::warn!(message = %error.to_string(), "what the answers showed could not be kept");
    }
}
