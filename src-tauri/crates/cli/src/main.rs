//! `sms-admin`: Ringotel SMS Admin without a window, on the app's engine, data folder and
//! keychain — for scripted and bulk setups — and the standalone sandbox server.

mod args;
mod commands;
mod exit;
mod output;
mod secret_input;
mod session;

use args::{Cli, Command, SandboxCommand};
use clap::{CommandFactory, Parser};
use exit::Failure;
use output::Output;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            std::env::var(engine::home::LOG_FILTER_ENV).unwrap_or_else(|_| "warn".into()),
        )
        .init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::from(exit::DONE),
        Err(failure) => {
            eprintln!("sms-admin: {}", failure.message);
            failure.exit_code()
        }
    }
}

async fn run(cli: Cli) -> Result<(), Failure> {
    let out = Output::new(cli.json);
    let services = !matches!(
        cli.command,
        Command::Workspace(_)
            | Command::Sandbox(_)
            | Command::Completions { .. }
            | Command::Doctor(_)
    );
    match cli.command {
        Command::Sandbox(SandboxCommand::Serve(args)) => commands::sandbox::serve(args).await,
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "sms-admin",
                &mut std::io::stdout(),
            );
            Ok(())
        }
        command => {
            let session = session::open(cli.data_dir, services).await?;
            let result = match command {
                Command::Workspace(c) => commands::workspace::run(&session, c, out).await,
                Command::Draft(c) => commands::draft::run(&session, c, out).await,
                Command::Plan(org) => commands::sync::plan(&session, &org.org, out).await,
                Command::Apply(org) => commands::sync::apply(&session, &org.org, out).await,
                Command::Readiness(args) => commands::readiness::run(&session, args, out).await,
                Command::EnableThinq(args) => commands::thinq::enable(&session, args, out).await,
                Command::ImportDids(args) => commands::import_dids::run(&session, args, out).await,
                Command::Webhook(args) => commands::thinq::webhook(&session, args, out).await,
                Command::Doctor(args) => commands::doctor::run(&session, args, out).await,
                Command::Optout(c) => commands::optout::run(&session, c, out).await,
                Command::TestMessage(args) => {
                    commands::test_message::run(&session, args, out).await
                }
                read => commands::read::run(&session, read, out).await,
            };
            // What the answers showed is kept for `doctor`, whatever the command's outcome.
            if let Err(error) = session.engine.flush_observations().await {
                tracing::warn!(%error, "what the answers showed could not be kept");
            }
            result
        }
    }
}
