//! What one setup call reports: sent (with a note), already so, or why it failed.

use thinq::ThinqError;

/// What said "nothing was sent".
pub(crate) const ALREADY: &str = "Already so; nothing was sent.";

pub(crate) type Sent = Result<Option<String>, String>;

pub(crate) fn thinq_words(error: &ThinqError) -> String {
    format!("thinQ: {error}")
}
