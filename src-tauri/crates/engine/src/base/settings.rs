//! How the engine calls both services, and where the built-in sandbox listens.

use domain::{BaseUrl, Secret};
use serde::{Deserialize, Serialize};

/// How the engine calls both services.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkSettings {
    /// Each call's whole time budget.
    pub request_timeout: std::time::Duration,
    pub retry: transport::RetryPolicy,
    /// [assumed] Ringotel publishes no rate limit (`AssumptionId::RingotelRateLimit`); this
    /// many calls at once keeps a sync of a thousand numbers quick without looking like a flood.
    pub sync_concurrency: usize,
    /// How often a live test message asks thinQ for delivery reports and Ringotel for the
    /// reply while it waits.
    pub poll_interval: std::time::Duration,
    /// How long a live test message waits for thinQ's delivery report.
    pub delivery_wait: std::time::Duration,
}

impl Default for NetworkSettings {
    fn default() -> Self {
        Self {
            request_timeout: transport::REQUEST_TIMEOUT,
            retry: transport::RetryPolicy::default(),
            sync_concurrency: 8,
            poll_interval: std::time::Duration::from_secs(2),
            delivery_wait: std::time::Duration::from_secs(60),
        }
    }
}

/// A demo thinQ account the sandbox simulates, shown to the admin so the Sandbox can be
/// explored without any real account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SandboxThinqAccount {
    pub organization: String,
    pub account_id: String,
    pub username: String,
    /// A simulated token: it opens nothing outside the sandbox.
    pub token: String,
}

/// Where the Sandbox's services listen, and what they accept.
#[derive(Debug, Clone)]
pub struct SandboxEndpoints {
    pub ringotel: BaseUrl,
    pub thinq: BaseUrl,
    pub api_key: Secret,
    pub thinq_accounts: Vec<SandboxThinqAccount>,
    /// Where the webhook URLs the simulated Ringotel portal shows start (see
    /// [`SandboxEndpoints::portal_webhook`]).
    pub portal_webhook_base: String,
}

impl SandboxEndpoints {
    /// The webhook URL the simulated Ringotel portal shows for an organization id. The
    /// simulated API does not report it, as the real one may not: the admin pastes it.
    pub fn portal_webhook(&self, org_id: &str) -> String {
        format!("{}/{org_id}", self.portal_webhook_base)
    }
}
