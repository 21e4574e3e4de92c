//! The app's managed state: the engine, and the child process serving the Sandbox workspace,
//! both started beside the window's page rather than before it.

use engine::readiness::CheckAllReport;
use engine::sandbox_process::{self, SandboxProcess};
use engine::{Cancel, Engine, Problem, SandboxEndpoints, home};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tokio::sync::OnceCell;

/// Set to `1` to start with the Sandbox's services stopped, as if the network were gone: the
/// app must then work from what it saved. Used by the offline end-to-end tests and demos.
const SANDBOX_OFFLINE_ENV: &str = "SMSADMIN_SANDBOX_OFFLINE";

/// A lock whose holder panicked still holds a usable value: a report or a Cancel.
pub fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub struct AppState {
    data_dir: PathBuf,
    /// Opened once, by whichever comes first: the start-up task or the page's first command.
    started: OnceCell<Started>,
    /// The *Check all* under way, for its Cancel.
    pub check_all_running: Mutex<Option<Cancel>>,
    /// The test message under way, for its Cancel.
    pub test_message_running: Mutex<Option<Cancel>>,
    /// The last *Check all* report: what the list shows, the export writes and *Draft fixes
    /// for selected…* drafts from.
    pub last_check_all: Mutex<Option<CheckAllReport>>,
}

/// What opening takes a moment for.
struct Started {
    /// The engine, or why it could not start (shown by every screen instead of a dead button).
    engine: Result<Engine, Problem>,
    /// Kept for as long as the app runs; dropping it ends the simulated services.
    _sandbox: Option<SandboxProcess>,
}

impl Started {
    async fn open(data_dir: &Path) -> Self {
        let (sandbox, endpoints) = match start_sandbox(data_dir).await {
            Some((sandbox, endpoints)) => (Some(sandbox), Some(endpoints)),
            None => (None, None),
        };
        let sandbox = match sandbox {
            Some(sandbox) if std::env::var(SANDBOX_OFFLINE_ENV).as_deref() == Ok("1") => {
                tracing::warn!("the Sandbox's services are stopped: working offline");
                // Both loopback ports close; the endpoints now lead nowhere.
                sandbox.stop().await;
                None
            }
            sandbox => sandbox,
        };
        let engine =
            Engine::open(data_dir, home::KEYCHAIN_SERVICE, endpoints).map_err(Problem::from);
        if let Err(problem) = &engine {
            tracing::error!(message = %problem.message, "the engine could not start");
        }
        Self {
            engine,
            _sandbox: sandbox,
        }
    }
}

impl AppState {
    /// The state, managed at once: the window's page loads while [`AppState::engine`] opens the
    /// engine and starts the Sandbox's server (the setup hook starts that; commands wait for it).
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            started: OnceCell::new(),
            check_all_running: Mutex::default(),
            test_message_running: Mutex::default(),
            last_check_all: Mutex::default(),
        }
    }

    /// The engine, once open (the first call opens it; later ones wait for that).
    pub async fn engine(&self) -> Result<Engine, Problem> {
        let started = self
            .started
            .get_or_init(|| Started::open(&self.data_dir))
            .await;
        started.engine.clone()
    }

    /// The engine if it is open already; nothing waits for it (the app is exiting).
    pub fn engine_if_open(&self) -> Option<Engine> {
        self.started.get().and_then(|s| s.engine.clone().ok())
    }

    /// The active workspace may have changed: the last *Check all* report was another
    /// workspace's, so it is no longer shown, exported or drafted from.
    pub fn workspace_changed(&self) {
        *lock(&self.last_check_all) = None;
    }
}

/// Runs the Sandbox's services beside the app (`sms-admin`, installed with it). Without it the
/// app still starts: the Sandbox workspace then says its services cannot be reached.
async fn start_sandbox(data_dir: &Path) -> Option<(SandboxProcess, SandboxEndpoints)> {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => {
            tracing::error!(%error, "the app's own path is unknown: the Sandbox cannot start");
            return None;
        }
    };
    let program = sandbox_process::program_beside(&exe);
    match sandbox_process::spawn(&program, data_dir).await {
        Ok(started) => Some(started),
        Err(error) => {
            tracing::error!(%error, "the Sandbox could not start");
            None
        }
    }
}
