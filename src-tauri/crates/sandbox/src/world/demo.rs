//! What the demo world shows an admin beside the simulated services: the credentials of its
//! thinQ accounts, and the webhook URL the simulated Ringotel portal shows for each organization.

/// Credentials of a simulated thinQ account, shown to the admin in the Sandbox workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoThinqAccount {
    pub organization: &'static str,
    pub account_id: &'static str,
    pub username: &'static str,
    pub token: &'static str,
}

/// The fake webhook host: `.test` is reserved, so nothing real can ever be reached through it.
const WEBHOOK_HOST: &str = "https://sms.sandbox.ringotel.test";

/// Where the simulated portal's webhook URLs start; each organization's adds `/` and its id.
pub fn webhook_base() -> String {
    format!("{WEBHOOK_HOST}/thinq")
}

pub fn webhook_for(org_id: &str) -> String {
    format!("{}/{org_id}", webhook_base())
}
