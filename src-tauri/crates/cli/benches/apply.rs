//! `sms-admin apply` of 1,000 new numbers, the built binary against a standalone sandbox with
//! 50 ms latency on every call, against its ideal N × latency / concurrency (quality.md:
//! ≤ 1.25 × the ideal). The time includes starting the program, finding the organization,
//! reading Ringotel before and after. Median of three runs, each on a fresh sandbox and data
//! folder. Needs a keychain: run under `scripts/with-keyring`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark fails loudly

use sandbox::{DEMO_API_KEY, Sandbox};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NUMBERS: u32 = 1_000;
const LATENCY: Duration = Duration::from_millis(50);
/// The engine's default (`NetworkSettings::sync_concurrency`).
const CONCURRENCY: u32 = 8;
const RUNS: usize = 3;

fn sms_admin(data: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sms-admin"))
        .args(args)
        .env("SMSADMIN_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "sms-admin {args:?}: {out:?}");
    out
}

fn one_run(runtime: &tokio::runtime::Runtime) -> Duration {
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let (ringotel, thinq) = (sandbox.ringotel_url(), sandbox.thinq_url());
    sms_admin(
        dir,
        &[
            "workspace",
            "add",
            "--name",
            "Bench",
            "--base-url",
            &ringotel,
            "--thinq-base-url",
            &thinq,
        ],
        &format!("{DEMO_API_KEY}\n"),
    );
    let mut csv = String::from("number,name,users,stickiness,inbound,outbound\n");
    for i in 0..NUMBERS {
        writeln!(
            csv,
            "858-3{:02}-{:04},Line {i},101,disabled,e164,e164",
            i / 100,
            1000 + i % 100
        )
        .unwrap();
    }
    let file = dir.join("numbers.csv");
    std::fs::write(&file, csv).unwrap();
    sms_admin(
        dir,
        &["draft", "import", file.to_str().unwrap(), "--org", "harbor"],
        "",
    );
    sandbox.set_latency(LATENCY);
    let started = Instant::now();
    let out = sms_admin(dir, &["apply", "--org", "harbor"], "");
    let took = started.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("{NUMBERS} change(s) made, 0 failed.")),
        "{text}"
    );
    sms_admin(dir, &["workspace", "remove", "Bench"], "");
    took
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut runs: Vec<Duration> = (0..RUNS).map(|_| one_run(&runtime)).collect();
    let shown: Vec<String> = runs
        .iter()
        .map(|d| format!("{:.2}", d.as_secs_f64()))
        .collect();
    runs.sort();
    let median = runs[RUNS / 2];
    let ideal = LATENCY * NUMBERS / CONCURRENCY;
    println!(
        "sms-admin apply of {NUMBERS} new numbers, latency {} ms, concurrency {CONCURRENCY}: runs {} s, median {:.2} s, ideal {:.2} s, ratio {:.2} ×",
        LATENCY.as_millis(),
        shown.join(", "),
        median.as_secs_f64(),
        ideal.as_secs_f64(),
        median.as_secs_f64() / ideal.as_secs_f64()
    );
}
