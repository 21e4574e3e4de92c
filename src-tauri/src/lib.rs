//! The desktop shell: plugins, managed state and the command list. Everything it does is in
//! the engine; this file only wires it to the window.

mod commands;
mod logging;
mod state;
mod system_dialog;

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
            logging::init(logging::log_file(app.handle()).as_deref());
            // The engine names the folder, so `sms-admin` shares it; Tauri's is the fallback.
            let data_dir = match engine::home::data_dir(None) {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            // Managed at once and opened beside the page: the event loop (and with it the
            // page's loading) is not held up by the engine or the Sandbox's server.
            app.manage(AppState::new(data_dir));
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let _opened = handle.state::<AppState>().engine().await;
            });
            Ok(())
        })
        // Every #[tauri::command] in commands/, listed by build.rs.
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")));
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
    if let Some(engine) = state.engine_if_open()
        && let Err(error) = tauri::async_runtime::block_on(engine.flush_observations())
    {
        tracing::warn!(message = %error.to_string(), "what the answers showed could not be kept");
    }
}
