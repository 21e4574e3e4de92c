//! Answering the system's own dialogs (files, questions) as a person would: they belong to the
//! desktop, not to the page WebDriver drives, so keys go to them through the X server.

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

/// The X window whose title contains `title`, once it shows (at most 30 s).
async fn window_titled(title: &str) -> String {
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
    window
}

/// Runs each xdotool command in turn, the dialog's window focused first.
async fn keys(window: &str, steps: &[&[&str]]) {
    let focus: &[&str] = &["windowfocus", "--sync", window];
    for args in std::iter::once(focus).chain(steps.iter().copied()) {
        let status = Command::new("xdotool").args(args).status().unwrap();
        assert!(status.success(), "xdotool {args:?}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Waits for the question whose title contains `title` and returns its whole title, then
/// presses `key` in it (`Escape` declines; `Return` takes the default button).
pub async fn answer_question(title: &str, key: &str) -> String {
    let window = window_titled(title).await;
    let name = Command::new("xdotool")
        .args(["getwindowname", window.as_str()])
        .output()
        .unwrap();
    keys(&window, &[&["key", "--clearmodifiers", key]]).await;
    String::from_utf8_lossy(&name.stdout).trim().to_owned()
}

/// Waits for the dialog titled `title`, types `path` into it and presses Enter.
pub async fn answer_file_dialog(kind: FileDialog, title: &str, path: &Path) {
    let window = window_titled(title).await;
    let into_field = match kind {
        FileDialog::Save => "ctrl+a",
        FileDialog::Open => "ctrl+l",
    };
    keys(
        &window,
        &[
            &["key", "--clearmodifiers", into_field],
            &["type", "--delay", "20", path.to_str().unwrap()],
            &["key", "Return"],
        ],
    )
    .await;
}
