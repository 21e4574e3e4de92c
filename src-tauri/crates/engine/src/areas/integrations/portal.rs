//! What to click in the Ringotel portal when the app could not enable the card itself.

use domain::ThinqCredentials;

/// Steps for the admin, naming the values to type; the token is referred to, never repeated.
pub fn enable_steps(org_name: &str, creds: &ThinqCredentials) -> Vec<String> {
    vec![
        format!("Open the Ringotel admin portal and choose the organization \u{201c}{org_name}\u{201d}."),
        "Open Integrations, find the thinQ card and click Enable integration.".into(),
        format!(
            "Enter thinQ Account {}, Username {}, and the token you saved here (copy it from thinQ: API \u{2192} Tokens).",
            creds.account_id, creds.username.as_str()
        ),
        "Click Save, then come back and press Refresh: the app reads the card's state from Ringotel.".into(),
    ]
}
