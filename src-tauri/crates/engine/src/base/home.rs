//! Where Ringotel SMS Admin keeps its data and secrets, the same for the app and `sms-admin`,
//! so both see one set of workspaces, drafts and keychain entries.

use std::path::PathBuf;

/// The app's identifier (tauri.conf.json): its data folder's name in the OS app-data folder.
pub const APP_IDENTIFIER: &str = "app.smsadmin.ringotel";

/// Chooses another data folder (tests, several setups side by side).
pub const DATA_DIR_ENV: &str = "SMSADMIN_DATA_DIR";

/// The environment variable that sets how much the app and `sms-admin` log (a `tracing`
/// filter such as `debug` or `engine=trace`).
pub const LOG_FILTER_ENV: &str = "SMSADMIN_LOG";

/// Release and debug builds keep separate keychain entries, so development never touches an
/// admin's real secrets.
pub const KEYCHAIN_SERVICE: &str = if cfg!(debug_assertions) {
    "ringotel-sms-admin-dev"
} else {
    "ringotel-sms-admin"
};

/// The file the Sandbox workspace's simulated services keep their state in, in the data folder.
pub const SANDBOX_STATE_FILE: &str = "sandbox-state.json";

/// The data folder: `explicit` when given, else `SMSADMIN_DATA_DIR`, else the OS app-data
/// folder (`~/.local/share/app.smsadmin.ringotel` on Linux). `None` when the OS names none.
pub fn data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| std::env::var_os(DATA_DIR_ENV).map(PathBuf::from))
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| dirs::data_dir().map(|d| d.join(APP_IDENTIFIER)))
}
