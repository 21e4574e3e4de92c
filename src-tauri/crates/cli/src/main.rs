//! `sms-admin`: the headless program. For now it serves the sandbox on its own, for tests and
//! demos; later subcommands script whole setups.

use clap::{Args, Parser, Subcommand, ValueEnum};
use sandbox::{AuthFailure, Fault, FaultRule, Sandbox, Service};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "sms-admin", version, about = "Ringotel SMS Admin, headless")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the simulated Ringotel Admin API and thinQ API on loopback until interrupted.
    /// Prints one JSON line with both base URLs and the demo credentials.
    Sandbox {
        /// Port for the Ringotel Admin API (0: any free port).
        #[arg(long, default_value_t = 0)]
        ringotel_port: u16,
        /// Port for the thinQ API (0: any free port).
        #[arg(long, default_value_t = 0)]
        thinq_port: u16,
        /// Keep the simulated state in this file across runs (in memory when absent).
        #[arg(long)]
        state: Option<PathBuf>,
        /// How a wrong Ringotel API key is refused: HTTP 401, or an error inside HTTP 200.
        #[arg(long, value_enum, default_value = "401")]
        auth_failure: AuthFailureArg,
        #[command(flatten)]
        faults: FaultArgs,
    },
}

/// Misbehaviour to serve, for reliability tests and demos.
#[derive(Args)]
struct FaultArgs {
    /// Added to every request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Share of requests (0 to 1) answered with one of `--faults` instead of normally.
    #[arg(long, default_value_t = 0.0)]
    fault_rate: f64,
    /// The faults to draw from (comma-separated); all kinds when left out.
    #[arg(long, value_enum, value_delimiter = ',')]
    faults: Vec<FaultArg>,
    /// Only requests to this Ringotel method (such as createSMSTrunk) get faults.
    #[arg(long)]
    fault_method: Option<String>,
    /// Seed for the fault draws, so a run can be repeated exactly.
    #[arg(long, default_value_t = 0)]
    fault_seed: u64,
}

#[derive(Clone, Copy, ValueEnum)]
enum FaultArg {
    /// HTTP 429 with Retry-After: 1.
    #[value(name = "429")]
    TooManyRequests,
    /// HTTP 500.
    #[value(name = "500")]
    Status500,
    /// HTTP 503.
    #[value(name = "503")]
    Status503,
    /// A proxy's HTML 502 page.
    Html502,
    /// An error inside HTTP 200.
    In200,
    /// No answer until the client gives up.
    Timeout,
    /// The connection closed before the request is served.
    Reset,
    /// The request is served, then its answer is lost.
    Drop,
}

impl From<FaultArg> for Fault {
    fn from(arg: FaultArg) -> Self {
        match arg {
            FaultArg::TooManyRequests => Fault::TooManyRequests {
                retry_after_secs: 1,
            },
            FaultArg::Status500 => Fault::Status(500),
            FaultArg::Status503 => Fault::Status(503),
            FaultArg::Html502 => Fault::HtmlBadGateway,
            FaultArg::In200 => Fault::ErrorIn200("Service temporarily unavailable".into()),
            FaultArg::Timeout => Fault::TimeOut,
            FaultArg::Reset => Fault::ConnectionReset,
            FaultArg::Drop => Fault::DropResponse,
        }
    }
}

impl FaultArgs {
    fn check(&self) -> Result<(), String> {
        if (0.0..=1.0).contains(&self.fault_rate) {
            Ok(())
        } else {
            Err(format!(
                "--fault-rate must be between 0 and 1, not {}",
                self.fault_rate
            ))
        }
    }

    fn apply(&self, sandbox: &Sandbox) {
        sandbox.set_latency(std::time::Duration::from_millis(self.latency_ms));
        sandbox.seed_faults(self.fault_seed);
        if self.fault_rate > 0.0 {
            let faults = if self.faults.is_empty() {
                Fault::every_kind()
            } else {
                self.faults.iter().map(|f| Fault::from(*f)).collect()
            };
            sandbox.add_fault_rule(FaultRule {
                service: Service::Ringotel,
                method: self.fault_method.clone(),
                rate: self.fault_rate,
                faults,
            });
        }
    }
}

/// `--auth-failure` on the command line; the sandbox's own type stays free of clap.
#[derive(Clone, Copy, ValueEnum)]
enum AuthFailureArg {
    #[value(name = "401")]
    Http401,
    #[value(name = "in-200")]
    In200,
}

impl From<AuthFailureArg> for AuthFailure {
    fn from(arg: AuthFailureArg) -> Self {
        match arg {
            AuthFailureArg::Http401 => Self::Http401,
            AuthFailureArg::In200 => Self::ErrorIn200,
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter("info")
        .init();
    match Cli::parse().command {
        Command::Sandbox {
            ringotel_port,
            thinq_port,
            state,
            auth_failure,
            faults,
        } => {
            serve_sandbox(
                ringotel_port,
                thinq_port,
                state,
                auth_failure.into(),
                &faults,
            )
            .await
        }
    }
}

async fn serve_sandbox(
    ringotel_port: u16,
    thinq_port: u16,
    state: Option<PathBuf>,
    auth_failure: AuthFailure,
    faults: &FaultArgs,
) -> ExitCode {
    if let Err(problem) = faults.check() {
        eprintln!("sms-admin: {problem}");
        return ExitCode::from(2);
    }
    let started = match (&state, ringotel_port, thinq_port) {
        (Some(path), 0, 0) => Sandbox::start_persistent(path).await,
        (Some(_), _, _) => {
            eprintln!(
                "sms-admin: --state picks its own ports; leave out --ringotel-port and --thinq-port"
            );
            return ExitCode::from(2);
        }
        (None, r, t) => Sandbox::start_on(r, t).await,
    };
    let sandbox = match started {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("sms-admin: the sandbox could not start: {error}");
            return ExitCode::FAILURE;
        }
    };
    sandbox.set_auth_failure(auth_failure);
    faults.apply(&sandbox);
    let accounts: Vec<_> = sandbox::demo_thinq_accounts()
        .iter()
        .map(|a| serde_json::json!({"organization": a.organization, "accountId": a.account_id, "username": a.username, "token": a.token}))
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "ringotelUrl": sandbox.ringotel_url(),
            "thinqUrl": sandbox.thinq_url(),
            "ringotelApiKey": sandbox::DEMO_API_KEY,
            "thinqAccounts": accounts,
        })
    );
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("sms-admin: cannot wait for Ctrl-C: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
