//! Test support: one sync of an organization from a separate process, so the crash test can
//! kill it (SIGKILL) at any point. Not shipped; the app and the CLI call the same engine.
//!
//! Usage: `smsadmin-sync-probe <data-dir> <ringotel-url> <thinq-url> <org-id>`, with the
//! sandbox's API key in `SMSADMIN_PROBE_KEY` (never on the command line).

use domain::{BaseUrl, RingotelId, Secret};
use engine::{Engine, NetworkSettings, SandboxEndpoints};
use std::process::ExitCode;
use std::time::Duration;

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, ringotel, thinq, org] = args.as_slice() else {
        eprintln!("usage: smsadmin-sync-probe <data-dir> <ringotel-url> <thinq-url> <org-id>");
        return ExitCode::from(2);
    };
    let parsed = (
        BaseUrl::parse(ringotel),
        BaseUrl::parse(thinq),
        RingotelId::parse(org),
        std::env::var("SMSADMIN_PROBE_KEY"),
    );
    let (Ok(ringotel), Ok(thinq), Ok(org), Ok(key)) = parsed else {
        eprintln!("smsadmin-sync-probe: bad arguments or no SMSADMIN_PROBE_KEY");
        return ExitCode::from(2);
    };
    let endpoints = SandboxEndpoints {
        ringotel,
        thinq,
        api_key: Secret::new(key),
        thinq_accounts: Vec::new(),
    };
    let network = NetworkSettings {
        request_timeout: Duration::from_secs(2),
        ..NetworkSettings::default()
    };
    let opened = Engine::open(
        std::path::Path::new(data),
        "ringotel-sms-admin-engine-tests",
        Some(endpoints),
    )
    .and_then(|e| e.with_network(network));
    let engine = match opened {
        Ok(engine) => engine,
        Err(error) => {
            eprintln!("smsadmin-sync-probe: {error}");
            return ExitCode::FAILURE;
        }
    };
    // One line when sending starts, so a test can kill the process in the middle of it.
    let started = std::sync::Once::new();
    let announce = move |_| {
        started.call_once(|| {
            use std::io::Write;
            let mut out = std::io::stdout();
            let _ = writeln!(out, "sending");
            let _ = out.flush();
        })
    };
    match engine.sync(org, None, announce).await {
        Ok(report) => {
            println!(
                "sent {} failed {} resumed {}",
                report.sent, report.failed, report.resumed
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("smsadmin-sync-probe: {error}");
            ExitCode::FAILURE
        }
    }
}
