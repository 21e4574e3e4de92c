//! Start-up and memory of the app beside the floor app (quality.md), both release builds
//! started alternately under Xvfb through the same WebDriver path: from asking for the session
//! (the program starts right after) to the page's ready marker, and the idle PSS of every
//! process of each (the program, WebKit's processes, and for the app the Sandbox's server),
//! on the first screen and, for the app, on the Numbers tab of the 5,000-user organization.
//! Prints a table and writes `artifacts/bench/startup.json`; asserts no time.
//!
//! `scripts/bench-startup` builds both and runs this under Xvfb with a keyring.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark fails loudly

use e2e::{AppSession, Home};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// At least five starts of each (quality.md); `SMSADMIN_BENCH_RUNS` asks for more.
const RUNS: usize = 5;
/// How long each sits idle before its memory is read.
const IDLE: Duration = Duration::from_secs(4);

fn release(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/release")
        .join(name)
}

/// Proportional set size of one process in KiB, from `/proc/<pid>/smaps_rollup`.
fn pss_of(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    rollup
        .lines()
        .find(|l| l.starts_with("Pss:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kib| kib.parse::<u64>().ok())
}

/// Proportional set size of `pids` together, in KiB, each read once; prints each process's
/// share under `step` ("WebKitWebProces 212000 KiB, …"), which is what a profile of the memory
/// bar reads.
fn pss_kib(step: &str, pids: &[u32]) -> u64 {
    let shares: Vec<(String, u64)> = pids
        .iter()
        .filter_map(|pid| {
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
            Some((name.trim().to_owned(), pss_of(*pid)?))
        })
        .collect();
    let each: Vec<String> = shares
        .iter()
        .map(|(name, kib)| format!("{name} {kib} KiB"))
        .collect();
    println!("  {step}: {}", each.join(", "));
    shares.iter().map(|(_, kib)| kib).sum()
}

/// Milliseconds from asking for the session to the ready marker.
async fn ready_after(app: &AppSession) -> u128 {
    let ready_at = app
        .eval("return document.documentElement.dataset.readyAt ?? null")
        .await;
    let ready_at: u128 = ready_at
        .as_str()
        .expect("the page set its readyAt marker")
        .parse()
        .unwrap();
    ready_at.saturating_sub(app.requested_at_ms)
}

struct Run {
    start_ms: u128,
    idle_kib: u64,
    numbers_kib: Option<u64>,
}

async fn one_run(program: &Path, big_org: bool) -> Run {
    let home = Home::new();
    let app = AppSession::start_program(program, &home, &[]).await;
    let start_ms = ready_after(&app).await;
    tokio::time::sleep(IDLE).await;
    let idle_kib = pss_kib("first screen", &app.program_processes(program));
    let numbers_kib = if big_org {
        app.click_row("org-row", "Summit Health Network").await;
        app.click("tab-numbers").await;
        app.by_testid("numbers-table").await;
        tokio::time::sleep(IDLE).await;
        Some(pss_kib("Numbers tab", &app.program_processes(program)))
    } else {
        None
    };
    app.close().await;
    Run {
        start_ms,
        idle_kib,
        numbers_kib,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let app = std::env::var_os("SMSADMIN_BENCH_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| release("ringotel-sms-admin"));
    let floor = std::env::var_os("SMSADMIN_BENCH_FLOOR")
        .map(PathBuf::from)
        .unwrap_or_else(|| release("floor-app"));
    for program in [&app, &floor] {
        assert!(
            program.exists(),
            "{} is not built (scripts/bench-startup builds it)",
            program.display()
        );
    }
    let runs = std::env::var("SMSADMIN_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(RUNS)
        .max(RUNS);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (mut apps, mut floors) = (Vec::new(), Vec::new());
    for i in 0..runs {
        // Alternately, so a slow moment of the machine falls on both.
        let (a, f) = runtime.block_on(async {
            if i % 2 == 0 {
                let a = one_run(&app, true).await;
                (a, one_run(&floor, false).await)
            } else {
                let f = one_run(&floor, false).await;
                (one_run(&app, true).await, f)
            }
        });
        println!(
            "run {}: app {} ms, {} KiB idle, {} KiB on Numbers; floor {} ms, {} KiB idle",
            i + 1,
            a.start_ms,
            a.idle_kib,
            a.numbers_kib.unwrap_or(0),
            f.start_ms,
            f.idle_kib
        );
        apps.push(a);
        floors.push(f);
    }
    let of = |runs: &[Run], pick: fn(&Run) -> f64| median(runs.iter().map(pick).collect());
    let app_start = of(&apps, |r| r.start_ms as f64);
    let floor_start = of(&floors, |r| r.start_ms as f64);
    let app_idle = of(&apps, |r| r.idle_kib as f64);
    let app_numbers = of(&apps, |r| r.numbers_kib.unwrap_or(0) as f64);
    let floor_idle = of(&floors, |r| r.idle_kib as f64);
    let mib = |kib: f64| kib / 1024.0;
    println!("\n| what | app | floor app | ratio | bar |\n|---|---|---|---|---|");
    println!(
        "| start to ready marker, median of {runs} | {app_start:.0} ms | {floor_start:.0} ms | {:.2} × | ≤ 1.3 × |",
        app_start / floor_start
    );
    println!(
        "| idle PSS, first screen | {:.0} MiB | {:.0} MiB | {:.2} × | ≤ 1.3 × |",
        mib(app_idle),
        mib(floor_idle),
        app_idle / floor_idle
    );
    println!(
        "| idle PSS, Numbers tab of 5,000 users / 1,000 numbers | {:.0} MiB | {:.0} MiB | {:.2} × | ≤ 1.3 × |",
        mib(app_numbers),
        mib(floor_idle),
        app_numbers / floor_idle
    );
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/bench");
    std::fs::create_dir_all(&out).unwrap();
    let record = json!({
        "runs": runs,
        "app": {"start_ms": apps.iter().map(|r| r.start_ms as u64).collect::<Vec<_>>(),
                "idle_kib": apps.iter().map(|r| r.idle_kib).collect::<Vec<_>>(),
                "numbers_kib": apps.iter().map(|r| r.numbers_kib).collect::<Vec<_>>()},
        "floor": {"start_ms": floors.iter().map(|r| r.start_ms as u64).collect::<Vec<_>>(),
                  "idle_kib": floors.iter().map(|r| r.idle_kib).collect::<Vec<_>>()},
    });
    std::fs::write(
        out.join("startup.json"),
        serde_json::to_string_pretty(&record).unwrap(),
    )
    .unwrap();
}
