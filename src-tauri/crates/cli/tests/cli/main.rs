//! `sms-admin` as an administrator's script runs it: the built binary, its own data folder,
//! the real keychain, against a standalone sandbox over loopback.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

mod accounts;
mod crash;
mod drafts;
mod optout;
mod readiness;
mod sandbox_child;
mod test_message;
mod wire_variants;

use sandbox::{DEMO_API_KEY, Sandbox};
use std::path::Path;
use std::process::Stdio;
use tokio::io::AsyncWriteExt;

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The binary on one data folder, logging at debug level, with everything it printed kept.
pub struct Cli {
    pub data: tempfile::TempDir,
    printed: std::sync::Mutex<String>,
}

impl Cli {
    pub fn in_new_folder() -> Self {
        Self {
            data: tempfile::tempdir().unwrap(),
            printed: std::sync::Mutex::default(),
        }
    }

    /// Fails if any of `secrets` is in anything a run printed (stdout or stderr, debug logging
    /// included) or in any file of the data folder (database, logs, exports, reports).
    pub fn assert_kept_secret(&self, secrets: &[&str]) {
        let printed = self.printed.lock().unwrap();
        for secret in secrets {
            assert!(!printed.contains(secret), "a secret was printed");
            let files = files_containing(self.data.path(), secret);
            assert!(files.is_empty(), "a secret is in {files:?}");
        }
    }

    /// Runs `sms-admin args…` with `stdin` piped in.
    pub async fn run(&self, args: &[&str], stdin: &str) -> Run {
        self.run_with(args, stdin, &[]).await
    }

    /// [`Cli::run`] with more environment (`("NAME", "value")`).
    pub async fn run_with(&self, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_sms-admin"))
            .args(args)
            // The most it logs, so a secret that reached a log line would show.
            .env(engine::home::LOG_FILTER_ENV, "debug")
            .envs(env.iter().copied())
            .env("SMSADMIN_DATA_DIR", self.data.path())
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).await.unwrap();
        drop(input);
        let out = child.wait_with_output().await.unwrap();
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        let mut printed = self.printed.lock().unwrap();
        printed.push_str(&run.stdout);
        printed.push_str(&run.stderr);
        run
    }

    /// Runs and expects exit code `code`.
    pub async fn expect(&self, code: i32, args: &[&str], stdin: &str) -> Run {
        let run = self.run(args, stdin).await;
        assert_eq!(run.code, code, "sms-admin {args:?}: {run:#?}");
        run
    }

    /// Adds the sandbox's account as workspace "Acme MSP", the key typed into stdin.
    pub async fn add_account(&self, sandbox: &Sandbox) -> Run {
        self.expect(
            0,
            &[
                "workspace",
                "add",
                "--name",
                "Acme MSP",
                "--base-url",
                &sandbox.ringotel_url(),
                "--thinq-base-url",
                &sandbox.thinq_url(),
            ],
            &format!("{DEMO_API_KEY}\n"),
        )
        .await
    }
}

/// Every file under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if std::fs::read(&path)
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
        {
            hits.push(path);
        }
    }
    hits
}
