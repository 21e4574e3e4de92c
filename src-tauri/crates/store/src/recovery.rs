//! Keeping an unusable database file aside, untouched, so the app can start fresh and nothing
//! the admin had is deleted.

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use ts_rs::TS;

/// Why a database file was set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SetAsideReason {
    /// Damaged or truncated, or not an SQLite database at all.
    Corrupt { detail: String },
    /// Written by a newer version of the app, whose schema this one cannot safely change.
    NewerVersion { found: u32, supported: u32 },
}

/// A database file that was moved aside at start-up, and where it now is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetAside {
    pub reason: SetAsideReason,
    #[ts(type = "string")]
    pub kept_at: PathBuf,
}

impl SetAside {
    /// One sentence for the start-up notice.
    pub fn explain(&self) -> String {
        let why = match &self.reason {
            SetAsideReason::Corrupt { detail } => format!("was damaged ({detail})"),
            SetAsideReason::NewerVersion { found, supported } => format!(
                "was written by a newer version of the app (schema {found}; this version knows up to {supported})"
            ),
        };
        // What to do: the workspaces live in the kept file; a newer app can still read it.
        let next = match &self.reason {
            SetAsideReason::Corrupt { .. } => {
                "Add your workspaces again; if drafts in the kept file matter, send it to support"
            }
            SetAsideReason::NewerVersion { .. } => {
                "Update the app to the version that wrote it to get back to that data, or add your workspaces again here"
            }
        };
        format!(
            "The local database {why}. It was kept, unchanged, at {}, and the app started with a new one. {next}.",
            self.kept_at.display()
        )
    }
}

/// Renames the database and its WAL sidecars to `<name>.<tag>-<unix seconds>`.
pub fn set_aside(path: &Path, reason: SetAsideReason) -> std::io::Result<SetAside> {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let tag = match reason {
        SetAsideReason::Corrupt { .. } => "damaged",
        SetAsideReason::NewerVersion { .. } => "newer",
    };
    let kept_at = unique(&with_suffix(path, &format!(".{tag}-{stamp}")));
    std::fs::rename(path, &kept_at)?;
    for sidecar in ["-wal", "-shm"] {
        let from = with_suffix(path, sidecar);
        if from.exists() {
            std::fs::rename(&from, with_suffix(&kept_at, sidecar))?;
        }
    }
    tracing::warn!(kept_at = %kept_at.display(), ?reason, "database set aside");
    Ok(SetAside { reason, kept_at })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Never overwrite an earlier kept file (two failures in the same second).
fn unique(candidate: &Path) -> PathBuf {
    let mut path = candidate.to_path_buf();
    let mut n = 1;
    while path.exists() {
        path = with_suffix(candidate, &format!(".{n}"));
        n += 1;
    }
    path
}
