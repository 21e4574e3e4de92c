//! Failures of the local database, named for what the user is told.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("The local database could not be used: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("The local data folder could not be used: {0}")]
    Io(#[from] std::io::Error),
    #[error("A saved value is not valid any more ({what}): {reason}")]
    Corrupt { what: String, reason: String },
}
