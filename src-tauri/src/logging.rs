//! Log lines to stderr and to a private, size-bounded file in the app's log folder. Secrets
//! never reach a log: they are `Secret` values, which print as `<redacted>`.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Manager};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::writer::MakeWriterExt;

const LOG_FILE: &str = "sms-admin.log";

/// Past this the log starts a new file, keeping one previous: at most about 10 MB on disk.
const LOG_CAP_BYTES: u64 = 5 * 1024 * 1024;

/// The log's file, in the folder the platform gives apps for logs.
pub fn log_file(app: &AppHandle) -> Option<PathBuf> {
    app.path().app_log_dir().ok().map(|dir| dir.join(LOG_FILE))
}

pub fn init(log_file: Option<&Path>) {
    let filter = EnvFilter::try_from_env(engine::home::LOG_FILTER_ENV)
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let file =
        log_file.and_then(|path| store::private::RotatingLog::open(path, LOG_CAP_BYTES).ok());
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false);
    // A second init (tests) keeps the first subscriber; that is fine.
    let _ = match file {
        Some(file) => subscriber
            .with_writer(std::io::stderr.and(Mutex::new(file)))
            .try_init(),
        None => subscriber.with_writer(std::io::stderr).try_init(),
    };
}
