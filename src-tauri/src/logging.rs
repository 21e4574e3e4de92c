//! Log lines to stderr and to a private, size-bounded file in the app's log folder. Secrets
//! never reach a log: they are `Secret` values, which print as `<redacted>`.

use std::path::Path;
use std::sync::Mutex;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::writer::MakeWriterExt;

const LOG_FILE: &str = "sms-admin.log";

/// Past this the log starts a new file, keeping one previous: at most about 10 MB on disk.
const LOG_CAP_BYTES: u64 = 5 * 1024 * 1024;

pub fn init(log_dir: Option<&Path>) {
    let filter = EnvFilter::try_from_env(engine::home::LOG_FILTER_ENV)
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let file = log_dir
        .and_then(|dir| store::private::RotatingLog::open(&dir.join(LOG_FILE), LOG_CAP_BYTES).ok());
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
