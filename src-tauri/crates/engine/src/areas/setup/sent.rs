//! What one setup call reports: sent (with a note), already so, or why it failed, kept typed
//! until the journal words it.

use crate::base::error::{EngineError, ringotel_in_words};
use domain::DidId;
use ringotel::RingotelError;
use std::fmt;
use std::sync::Arc;
use thinq::ThinqError;

/// What said "nothing was sent".
pub(crate) const ALREADY: &str = "Already so; nothing was sent.";

/// Sent (with a note for the admin, when there is more to say than "done"), or why not.
pub(crate) type Sent = Result<Option<String>, SetupFailure>;

/// Why a setup change did not reach its end.
#[derive(Debug, Clone)]
pub(crate) enum SetupFailure {
    Ringotel(RingotelError),
    Thinq(ThinqError),
    /// The organization's thinQ client could not be made (settings or token missing).
    NoThinqClient(Arc<EngineError>),
    /// Ringotel accepted the write, but reading back shows no change.
    NotApplied,
    /// Ringotel answered the write; reading it back failed.
    NotReadBack(RingotelError),
    /// These DIDs are not the account's.
    NotThinqDids(Vec<DidId>),
    /// thinQ took the order; reading the DIDs back failed.
    OrderedNotReadBack(Box<SetupFailure>),
    /// thinQ completed the order, but these DIDs do not show it.
    NotShownYet(Vec<DidId>),
    /// thinQ gave a routing profile an id that is not a number.
    ProfileIdNotNumber(String),
}

impl From<ThinqError> for SetupFailure {
    fn from(error: ThinqError) -> Self {
        Self::Thinq(error)
    }
}

impl From<RingotelError> for SetupFailure {
    fn from(error: RingotelError) -> Self {
        Self::Ringotel(error)
    }
}

impl fmt::Display for SetupFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ringotel(e) => f.write_str(&ringotel_in_words(e)),
            Self::Thinq(e) => write!(f, "thinQ: {e}"),
            Self::NoThinqClient(e) => write!(f, "{e}"),
            Self::NotApplied => {
                f.write_str("Ringotel accepted it, but reading it back shows no change")
            }
            Self::NotReadBack(e) => write!(
                f,
                "Sent, but it could not be read back: {}",
                ringotel_in_words(e)
            ),
            Self::NotThinqDids(dids) => {
                write!(f, "Not DIDs of this thinQ account: {}", dids.join(", "))
            }
            Self::OrderedNotReadBack(e) => write!(f, "Ordered, but it could not be read back: {e}"),
            Self::NotShownYet(dids) => write!(
                f,
                "thinQ completed the order, but these DIDs do not show it yet: {}",
                dids.join(", ")
            ),
            Self::ProfileIdNotNumber(id) => write!(
                f,
                "thinQ gave the routing profile an id that is no number: {id}"
            ),
        }
    }
}
