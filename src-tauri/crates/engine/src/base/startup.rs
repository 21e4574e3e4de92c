//! What the app says at start-up: where its data lives and anything that went wrong opening it.

use super::handle::Base;
use serde::Serialize;
use store::SetAside;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupReport {
    pub data_dir: String,
    /// A damaged or too-new database that was kept aside, and the sentence telling the user.
    pub set_aside: Option<SetAside>,
    pub set_aside_message: Option<String>,
    pub sandbox_running: bool,
    /// Where the window's log goes (filled in by the window, which chose it); support asks for
    /// this file.
    pub log_file: Option<String>,
}

impl Base {
    pub fn startup_report(&self) -> StartupReport {
        StartupReport {
            data_dir: self.data_dir.display().to_string(),
            set_aside: self.set_aside.clone(),
            set_aside_message: self.set_aside.as_ref().map(SetAside::explain),
            sandbox_running: self.sandbox.is_some(),
            log_file: None,
        }
    }
}
