//! The Sandbox workspace's simulated Ringotel and thinQ, started in-process on loopback by
//! `sms-admin` (which also serves them to the app: see `sandbox_process`), with their state
//! kept in the data folder so what the admin did there is still there next time (never with a
//! token: see the sandbox's snapshots).

use crate::base::home::SANDBOX_STATE_FILE;
use crate::base::sandbox_process::Announcement;
use crate::base::settings::{SandboxEndpoints, SandboxThinqAccount};
use sandbox::Sandbox;
use std::path::Path;

/// Starts the simulated services on the state saved in `data_dir`; keep the `Sandbox` alive
/// for as long as they should answer.
pub async fn start(data_dir: &Path) -> std::io::Result<(Sandbox, SandboxEndpoints)> {
    store::private::private_dir(data_dir)?;
    let sandbox = Sandbox::start_persistent(&data_dir.join(SANDBOX_STATE_FILE)).await?;
    let endpoints = announcement(&sandbox)
        .endpoints()
        .map_err(std::io::Error::other)?;
    Ok((sandbox, endpoints))
}

/// Where a running sandbox listens and the demo thinQ accounts it offers.
pub fn announcement(sandbox: &Sandbox) -> Announcement {
    let thinq_accounts = sandbox::demo_thinq_accounts()
        .iter()
        .map(|a| SandboxThinqAccount {
            organization: a.organization.into(),
            account_id: a.account_id.into(),
            username: a.username.into(),
            token: a.token.into(),
        })
        .collect();
    Announcement {
        ringotel_url: sandbox.ringotel_url(),
        thinq_url: sandbox.thinq_url(),
        ringotel_api_key: sandbox::DEMO_API_KEY.into(),
        thinq_accounts,
        portal_webhook_base: sandbox::world::webhook_base(),
    }
}
