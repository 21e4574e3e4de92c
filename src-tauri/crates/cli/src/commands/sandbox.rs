//! `sms-admin sandbox serve`: the simulated Ringotel and thinQ on loopback, on their own, for
//! tests and demos, with the fault switches as flags.

use crate::exit::Failure;
use clap::{Args, ValueEnum};
use sandbox::{AuthFailure, Fault, FaultRule, Sandbox, Service, WireSwitch, WireVariant};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct ServeArgs {
    /// Port for the Ringotel Admin API (0: any free port).
    #[arg(long = "port", alias = "ringotel-port", default_value_t = 0)]
    pub ringotel_port: u16,
    /// Port for the thinQ API (0: any free port).
    #[arg(long, default_value_t = 0)]
    pub thinq_port: u16,
    /// Keep the simulated state in this file across runs (in memory when absent).
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// The workspace-scale demo: 200 more organizations, each with its own thinQ account, some
    /// with one seeded problem (in memory, on any free ports).
    #[arg(long, conflicts_with_all = ["state", "ringotel_port", "thinq_port"])]
    pub scale: bool,
    /// How the simulated phone answers a test message: it replies, stays silent, is never
    /// reported, is undelivered, or the send is refused.
    #[arg(long, value_parser = phones(), default_value = "replies")]
    pub phone: sandbox::world::Phone,
    /// How a wrong Ringotel API key is refused: HTTP 401, or an error inside HTTP 200.
    #[arg(long, value_enum, default_value = "401")]
    pub auth_failure: AuthFailureArg,
    /// Answer these open questions of the published sources the unpublished way
    /// (comma-separated); the default is the strict, published reading of both services.
    #[arg(long, value_delimiter = ',', value_parser = wire_switches())]
    pub wire: Vec<WireSwitch>,
    /// End when standard input closes, as well as on Ctrl-C: how the app runs the Sandbox, so
    /// the services end with the app however it ends.
    #[arg(long = engine::sandbox_process::WHILE_STDIN_OPEN_FLAG.trim_start_matches("--"))]
    pub while_stdin_open: bool,
    #[command(flatten)]
    pub faults: FaultArgs,
}

/// Misbehaviour to serve, for reliability tests and demos.
#[derive(Args)]
pub struct FaultArgs {
    /// Added to every request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Share of requests (0 to 1) answered with one of `--faults` instead of normally.
    #[arg(long, default_value_t = 0.0)]
    pub fault_rate: f64,
    /// The faults to draw from (comma-separated); all kinds when left out.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub faults: Vec<FaultArg>,
    /// Only requests to this Ringotel method (such as createSMSTrunk) get faults.
    #[arg(long)]
    pub fault_method: Option<String>,
    /// Seed for the fault draws, so a run can be repeated exactly.
    #[arg(long, default_value_t = 0)]
    pub fault_seed: u64,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FaultArg {
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

/// A fault rate outside 0 to 1, as given.
struct OutOfRange(f64);

impl FaultArgs {
    /// The fault rate when it is one (between 0 and 1), else the rate as given.
    fn check(&self) -> Result<(), OutOfRange> {
        if (0.0..=1.0).contains(&self.fault_rate) {
            Ok(())
        } else {
            Err(OutOfRange(self.fault_rate))
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

/// `--phone`'s behaviours by their names.
fn phones() -> impl clap::builder::TypedValueParser<Value = sandbox::world::Phone> {
    use clap::builder::TypedValueParser;
    use sandbox::world::Phone;
    clap::builder::PossibleValuesParser::new(Phone::ALL.map(Phone::name))
        .try_map(|name| Phone::parse(&name).ok_or("no such phone"))
}

/// `--wire`'s switches by their names (see `sandbox::WireSwitch`), listed in the help.
fn wire_switches() -> impl clap::builder::TypedValueParser<Value = WireSwitch> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(WireSwitch::ALL.map(WireSwitch::name))
        .try_map(|name| WireSwitch::parse(&name).ok_or("no such switch"))
}

/// `--auth-failure` on the command line; the sandbox's own type stays free of clap.
#[derive(Clone, Copy, ValueEnum)]
pub enum AuthFailureArg {
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

/// Serves until Ctrl-C; prints one JSON line with both base URLs and the demo credentials.
pub async fn serve(args: ServeArgs) -> Result<(), Failure> {
    args.faults.check().map_err(|OutOfRange(rate)| {
        Failure::usage(format!("--fault-rate must be between 0 and 1, not {rate}"))
    })?;
    let started = match (&args.state, args.ringotel_port, args.thinq_port) {
        _ if args.scale => Sandbox::start_world(sandbox::world::seeded_at_scale()).await,
        (Some(path), 0, 0) => Sandbox::start_persistent(path).await,
        (Some(_), _, _) => {
            return Err(Failure::usage(
                "--state picks its own ports; leave out --port and --thinq-port",
            ));
        }
        (None, r, t) => Sandbox::start_on(r, t).await,
    };
    let sandbox =
        started.map_err(|e| Failure::general(format!("the sandbox could not start: {e}")))?;
    sandbox.set_wire(WireVariant::of(&args.wire));
    // --auth-failure in-200 and --wire auth-in-200 say the same; either turns it.
    if matches!(args.auth_failure, AuthFailureArg::In200) {
        sandbox.set_auth_failure(args.auth_failure.into());
    }
    args.faults.apply(&sandbox);
    let phone = args.phone;
    sandbox.with_world(|w| w.phone = phone);
    let mut announcement = engine::builtin_sandbox::announcement(&sandbox);
    if args.scale {
        announcement
            .thinq_accounts
            .extend((0..sandbox::world::SCALE_ORGS).map(|i| {
                let (account_id, username, token) = sandbox::world::scale_thinq_account(i);
                engine::SandboxThinqAccount {
                    organization: sandbox::world::scale_org_name(i),
                    account_id,
                    username,
                    token,
                }
            }));
    }
    let line = serde_json::to_string(&announcement)
        .map_err(|e| Failure::general(format!("cannot write the announcement: {e}")))?;
    // A closed standard output (`| head`) is no reason to stop serving.
    let _ = writeln!(std::io::stdout(), "{line}");
    let stdin_closed = stdin_closed(args.while_stdin_open);
    tokio::select! {
        waited = tokio::signal::ctrl_c() => {
            waited.map_err(|e| Failure::general(format!("cannot wait for Ctrl-C: {e}")))
        }
        () = stdin_closed => Ok(()),
    }
}

/// Resolves when standard input reaches its end, if `watch`; never otherwise.
async fn stdin_closed(watch: bool) {
    if !watch {
        return std::future::pending().await;
    }
    let (closed, on_close) = tokio::sync::oneshot::channel::<()>();
    // Standard input blocks; a plain thread reads it to the end (the parent writes nothing).
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
        let _ = closed.send(());
    });
    let _ = on_close.await;
}
