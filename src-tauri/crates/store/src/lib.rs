//! Local state: the SQLite database (workspaces, non-secret settings) and secrets in the OS keychain.

mod database;
mod error;
mod keychain;
mod keychain_calls;
mod keychain_error;
mod migrations;
pub mod private;
mod recovery;
pub mod tables;
mod vault;

pub use database::{DATABASE_FILE, Database};
pub use error::StoreError;
pub use keychain::{KEYCHAIN_ANSWER_WAIT, Keychain, SecretName};
pub use keychain_error::{KeychainError, KeychainProblem};
pub use recovery::{SetAside, SetAsideReason};
pub use vault::{SecretLocation, SecretVault};
