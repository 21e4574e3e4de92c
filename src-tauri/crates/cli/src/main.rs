//! `sms-admin`: the headless program. For now it serves the sandbox on its own, for tests and
//! demos; later subcommands script whole setups.

use clap::{Parser, Subcommand, ValueEnum};
use sandbox::AuthFailure;
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
    },
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
        } => serve_sandbox(ringotel_port, thinq_port, state, auth_failure.into()).await,
    }
}

async fn serve_sandbox(
    ringotel_port: u16,
    thinq_port: u16,
    state: Option<PathBuf>,
    auth_failure: AuthFailure,
) -> ExitCode {
    let started = match (&state, ringotel_port, thinq_port) {
        (Some(path), 0, 0) => sandbox::Sandbox::start_persistent(path).await,
        (Some(_), _, _) => {
            eprintln!(
                "sms-admin: --state picks its own ports; leave out --ringotel-port and --thinq-port"
            );
            return ExitCode::from(2);
        }
        (None, r, t) => sandbox::Sandbox::start_on(r, t).await,
    };
    let sandbox = match started {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("sms-admin: the sandbox could not start: {error}");
            return ExitCode::FAILURE;
        }
    };
    sandbox.set_auth_failure(auth_failure);
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
