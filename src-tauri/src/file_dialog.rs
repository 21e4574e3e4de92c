//! The admin's answer to a system file dialog opened by a command: the only way a path reaches
//! a command, so the webview can never name a file itself.

use std::path::PathBuf;
use tauri_plugin_dialog::FilePath;

/// Opens a dialog with `ask` (a `save_file` or `pick_file` call) and waits for the answer: the
/// path picked, or `None` when the admin cancelled.
pub async fn picked(ask: impl FnOnce(Box<dyn FnOnce(Option<FilePath>) + Send>)) -> Option<PathBuf> {
    let (chosen, answer) = tokio::sync::oneshot::channel();
    ask(Box::new(move |path| {
        let _ = chosen.send(path.and_then(|p| p.into_path().ok()));
    }));
    answer.await.ok().flatten()
}
