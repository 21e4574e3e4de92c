//! The end-to-end harness: starts tauri-driver, opens the real app in a WebDriver session with
//! its own home folder, and offers the few actions a person takes (click, type, read, look).
//!
//! Every prerequisite is checked up front; a missing one fails the test with what to install.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a harness fails loudly by design

mod file_dialog;
mod prerequisites;
mod session;

pub use file_dialog::{FileDialog, answer_file_dialog};
pub use prerequisites::{app_binary, check_prerequisites};
pub use session::{AppSession, Home};
