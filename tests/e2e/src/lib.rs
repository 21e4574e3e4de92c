//! The end-to-end harness: starts tauri-driver, opens the real app in a WebDriver session with
//! its own home folder, and offers the few actions a person takes (click, type, read, look).
//!
//! Every prerequisite is checked up front; a missing one fails the test with what to install.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a harness fails loudly by design

mod prerequisites;
mod session;
mod system_dialog;

pub use prerequisites::{app_binary, check_prerequisites};
pub use session::{AppSession, Home};
pub use system_dialog::{FileDialog, answer_file_dialog, answer_question};
