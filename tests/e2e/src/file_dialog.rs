//! Answering the system's own file dialogs as a person would: they belong to the desktop, not to
//! the page WebDriver drives, so keys go to them through the X server.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Which system dialog is expected.
#[derive(Clone, Copy)]
pub enum FileDialog {
    /// Opens with its name field focused and the suggested name selected.
    Save,
    /// Opens on a folder; Ctrl+L gives a field to type a path into.
    Open,
}

/// Waits for the dialog titled `title`, types `path` into it and presses Enter.
pub async fn answer_file_dialog(kind: FileDialog, title: &str, path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let window = loop {
        let found = Command::new("xdotool")
            .args(["search", "--name", title])
            .output()
            .expect("xdotool runs (scripts/setup installs it)");
        let ids = String::from_utf8_lossy(&found.stdout).into_owned();
        if let Some(id) = ids.lines().last().filter(|l| !l.is_empty()) {
            break id.to_owned();
        }
        assert!(Instant::now() < deadline, "no \"{title}\" dialog appeared");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // The dialog takes its keyboard focus a moment after it maps.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let into_field = match kind {
        FileDialog::Save => "ctrl+a",
        FileDialog::Open => "ctrl+l",
    };
    for args in [
        vec!["windowfocus", "--sync", window.as_str()],
        vec!["key", "--clearmodifiers", into_field],
        vec!["type", "--delay", "20", path.to_str().unwrap()],
        vec!["key", "Return"],
    ] {
        let status = Command::new("xdotool").args(&args).status().unwrap();
        assert!(status.success(), "xdotool {args:?}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}
