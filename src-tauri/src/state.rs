//! The app's managed state: the engine, and the in-process sandbox behind the Sandbox workspace.

use domain::{BaseUrl, Secret};
use engine::{Engine, Problem, SandboxEndpoints, SandboxThinqAccount};
use sandbox::Sandbox;
use std::path::Path;

/// Release and debug builds keep separate keychain entries, so development never touches an
/// admin's real secrets.
const KEYCHAIN_SERVICE: &str = if cfg!(debug_assertions) {
    "ringotel-sms-admin-dev"
} else {
    "ringotel-sms-admin"
};

const SANDBOX_STATE_FILE: &str = "sandbox-state.json";

/// Set to `1` to start with the Sandbox's services stopped, as if the network were gone: the
/// app must then work from what it saved. Used by the offline end-to-end tests and demos.
const SANDBOX_OFFLINE_ENV: &str = "SMSADMIN_SANDBOX_OFFLINE";

pub struct AppState {
    /// The engine, or why it could not start (shown by every screen instead of a dead button).
    engine: Result<Engine, Problem>,
    /// Kept alive for as long as the app runs; dropping it stops the simulated services.
    _sandbox: Option<Sandbox>,
}

impl AppState {
    pub async fn start(data_dir: &Path) -> Self {
        let sandbox = match start_sandbox(data_dir).await {
            Ok(sandbox) => Some(sandbox),
            Err(error) => {
                tracing::error!(%error, "the sandbox could not start");
                None
            }
        };
        let endpoints = sandbox.as_ref().and_then(endpoints);
        let sandbox = if std::env::var(SANDBOX_OFFLINE_ENV).as_deref() == Ok("1") {
            tracing::warn!("the Sandbox's services are stopped: working offline");
            // Dropping it closes both loopback ports; the endpoints now lead nowhere.
            None
        } else {
            sandbox
        };
        let engine = Engine::open(data_dir, KEYCHAIN_SERVICE, endpoints).map_err(Problem::from);
        if let Err(problem) = &engine {
            tracing::error!(message = %problem.message, "the engine could not start");
        }
        Self {
            engine,
            _sandbox: sandbox,
        }
    }

    pub fn engine(&self) -> Result<Engine, Problem> {
        self.engine.clone()
    }
}

/// The Sandbox workspace's simulated services, saved in the data folder so what the admin did
/// there is still there after a restart (never with a token: see the sandbox's snapshots).
async fn start_sandbox(data_dir: &Path) -> std::io::Result<Sandbox> {
    std::fs::create_dir_all(data_dir)?;
    Sandbox::start_persistent(&data_dir.join(SANDBOX_STATE_FILE)).await
}

fn endpoints(sandbox: &Sandbox) -> Option<SandboxEndpoints> {
    let thinq_accounts = sandbox::demo_thinq_accounts()
        .iter()
        .map(|a| SandboxThinqAccount {
            organization: a.organization.into(),
            account_id: a.account_id.into(),
            username: a.username.into(),
            token: a.token.into(),
        })
        .collect();
    Some(SandboxEndpoints {
        ringotel: BaseUrl::parse(&sandbox.ringotel_url()).ok()?,
        thinq: BaseUrl::parse(&sandbox.thinq_url()).ok()?,
        api_key: Secret::new(sandbox::DEMO_API_KEY),
        thinq_accounts,
    })
}
