//! The Sandbox workspace's simulated services in a child process (`sms-admin sandbox serve`), so
//! the app's own binary carries none of them: the child announces where it listens in one JSON
//! line, and ends when its standard input closes, which also happens when the app is killed.

use crate::base::home::SANDBOX_STATE_FILE;
use crate::base::settings::{SandboxEndpoints, SandboxThinqAccount};
use domain::{BaseUrl, Secret};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The program that serves the Sandbox, looked for beside the app's own executable (both
/// packages install them side by side; `cargo build` puts them in the same folder).
pub const SANDBOX_PROGRAM: &str = "sms-admin";

/// The flag that makes `sms-admin sandbox serve` end when its standard input closes.
pub const WHILE_STDIN_OPEN_FLAG: &str = "--while-stdin-open";

/// A debug build on a cold disk takes a second or two to start and load the saved world; the
/// app's window waits for this, so a child that says nothing is given up on soon.
const ANNOUNCE_WAIT: Duration = Duration::from_secs(10);

/// The first line `sms-admin sandbox serve` prints: where both services listen and what the
/// demo shows beside them. The key and tokens are the sandbox's own: they open nothing real.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Announcement {
    pub ringotel_url: String,
    pub thinq_url: String,
    pub ringotel_api_key: String,
    pub thinq_accounts: Vec<SandboxThinqAccount>,
    pub portal_webhook_base: String,
}

impl Announcement {
    /// What the engine needs to reach the announced services.
    pub fn endpoints(self) -> Result<SandboxEndpoints, domain::UrlProblem> {
        Ok(SandboxEndpoints {
            ringotel: BaseUrl::parse(&self.ringotel_url)?,
            thinq: BaseUrl::parse(&self.thinq_url)?,
            api_key: Secret::new(self.ringotel_api_key),
            thinq_accounts: self.thinq_accounts,
            portal_webhook_base: self.portal_webhook_base,
        })
    }
}

/// The running child. Dropping it closes the child's standard input, and the child ends.
pub struct SandboxProcess {
    child: Child,
}

impl SandboxProcess {
    /// Stops the child now and waits for it: its ports are closed when this returns.
    pub async fn stop(mut self) {
        if let Err(error) = self.child.kill().await {
            tracing::warn!(%error, "the Sandbox's process could not be stopped");
        }
    }
}

/// Where [`SANDBOX_PROGRAM`] is for the executable at `exe`.
pub fn program_beside(exe: &Path) -> PathBuf {
    exe.with_file_name(format!("{SANDBOX_PROGRAM}{}", std::env::consts::EXE_SUFFIX))
}

/// Starts `program` serving the state saved in `data_dir`, and reads its announcement.
pub async fn spawn(
    program: &Path,
    data_dir: &Path,
) -> io::Result<(SandboxProcess, SandboxEndpoints)> {
    store::private::private_dir(data_dir)?;
    let mut child = Command::new(program)
        .args(["sandbox", "serve", WHILE_STDIN_OPEN_FLAG, "--state"])
        .arg(data_dir.join(SANDBOX_STATE_FILE))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", program.display())))?;
    if let Some(stderr) = child.stderr.take() {
        tokio::spawn(log_lines(stderr));
    }
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| io::Error::other("the Sandbox's output is not readable"))?;
    let mut line = String::new();
    let mut stdout = BufReader::new(stdout);
    let read = stdout.read_line(&mut line);
    let announced = match tokio::time::timeout(ANNOUNCE_WAIT, read).await {
        Ok(Ok(0)) => Err(io::Error::other(
            "the Sandbox ended before saying where it listens",
        )),
        Ok(Ok(_)) => serde_json::from_str::<Announcement>(&line)
            .map_err(|e| io::Error::other(format!("the Sandbox's announcement: {e}")))
            .and_then(|a| a.endpoints().map_err(io::Error::other)),
        Ok(Err(error)) => Err(error),
        Err(_) => Err(io::Error::new(
            io::ErrorKind::TimedOut,
            format!("the Sandbox said nothing in {} s", ANNOUNCE_WAIT.as_secs()),
        )),
    };
    let process = SandboxProcess { child };
    match announced {
        Ok(endpoints) => Ok((process, endpoints)),
        Err(error) => {
            process.stop().await;
            Err(error)
        }
    }
}

/// What the child logs goes into the app's own log, read as it comes so the pipe never fills.
async fn log_lines(stderr: tokio::process::ChildStderr) {
    let mut lines = BufReader::new(stderr).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        tracing::info!(target: "sandbox", "{line}");
    }
}
