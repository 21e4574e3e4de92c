//! The Sandbox workspace's simulated Ringotel and thinQ, started in-process on loopback by the
//! app and by `sms-admin`, with their state kept in the data folder so what the admin did there
//! is still there next time (never with a token: see the sandbox's snapshots).

use crate::base::home::SANDBOX_STATE_FILE;
use crate::base::settings::{SandboxEndpoints, SandboxThinqAccount};
use domain::{BaseUrl, Secret};
use sandbox::Sandbox;
use std::path::Path;

/// Starts the simulated services on the state saved in `data_dir`; keep the `Sandbox` alive
/// for as long as they should answer.
pub async fn start(data_dir: &Path) -> std::io::Result<(Sandbox, SandboxEndpoints)> {
    store::private::private_dir(data_dir)?;
    let sandbox = Sandbox::start_persistent(&data_dir.join(SANDBOX_STATE_FILE)).await?;
    let endpoints = endpoints(&sandbox).map_err(std::io::Error::other)?;
    Ok((sandbox, endpoints))
}

/// What the engine needs to reach a running sandbox and offer its demo thinQ accounts.
pub fn endpoints(sandbox: &Sandbox) -> Result<SandboxEndpoints, domain::UrlProblem> {
    let thinq_accounts = sandbox::demo_thinq_accounts()
        .iter()
        .map(|a| SandboxThinqAccount {
            organization: a.organization.into(),
            account_id: a.account_id.into(),
            username: a.username.into(),
            token: a.token.into(),
        })
        .collect();
    Ok(SandboxEndpoints {
        ringotel: BaseUrl::parse(&sandbox.ringotel_url())?,
        thinq: BaseUrl::parse(&sandbox.thinq_url())?,
        api_key: Secret::new(sandbox::DEMO_API_KEY),
        thinq_accounts,
        portal_webhook: sandbox::world::webhook_for,
    })
}
