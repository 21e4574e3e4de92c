//! The desktop shell: plugins, managed state and the command list. Everything it does is in
//! the engine; this file only wires it to the window.

mod commands;
mod logging;
mod state;

use state::AppState;
use tauri::Manager;

pub fn run() {
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(|app| {
            let log_dir = app.path().app_log_dir().ok();
            logging::init(log_dir.as_deref());
            let data_dir = app.path().app_data_dir()?;
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
            commands::numbers::list_sms_numbers,
        ]);
    if let Err(error) = builder.run(tauri::generate_context!()) {
        tracing::error!(%error, "the app stopped");
        eprintln!("Ringotel SMS Admin could not start: {error}");
        std::process::exit(1);
    }
}
