//! The admin's answer to a system dialog a command opened: a question, or the only way a path
//! reaches a command (so the webview can never name a file itself).

use std::path::PathBuf;
use tauri_plugin_dialog::FilePath;

/// Opens a dialog with `ask` (its `show`, `save_file` or `pick_file` call, given the reply) and
/// waits for the reply; `None` if the dialog went away without one.
pub async fn answer<T: Send + 'static>(ask: impl FnOnce(Box<dyn FnOnce(T) + Send>)) -> Option<T> {
    let (reply, replied) = tokio::sync::oneshot::channel();
    ask(Box::new(move |value| {
        let _ = reply.send(value);
    }));
    replied.await.ok()
}

/// [`answer`] of a file dialog: the path picked, or `None` when the admin cancelled.
pub async fn picked(ask: impl FnOnce(Box<dyn FnOnce(Option<FilePath>) + Send>)) -> Option<PathBuf> {
    answer(ask).await.flatten().and_then(|p| p.into_path().ok())
}
