//! A simulated Ringotel Admin API and thinQ API, served over HTTP on loopback only.
//!
//! Served by `sms-admin` (in-process for its commands, and as a child process behind the app's
//! Sandbox workspace) and standalone for tests and demos.
//! Follows the wire facts in `services.md`; keeps its state while it runs.

mod fault_layer;
mod faults;
mod ringotel_api;
mod state;
mod thinq_api;
pub mod wire;
pub mod world;

pub use faults::{Fault, FaultRule, LoggedRequest, Service};
pub use wire::{AuthFailure, WireSwitch, WireVariant};
pub use world::{
    DEMO_API_KEY, DemoThinqAccount, SUMMIT_NUMBERS, SUMMIT_USERS, UNKNOWN_FIELD,
    demo_thinq_accounts, summit_thinq_account,
};

use state::Shared;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A running sandbox. Dropping it stops both servers.
pub struct Sandbox {
    ringotel: SocketAddr,
    thinq: SocketAddr,
    shared: Shared,
    stop: Vec<oneshot::Sender<()>>,
}

impl Sandbox {
    /// Starts both services on free loopback ports, seeded with the demo account.
    pub async fn start() -> std::io::Result<Self> {
        Self::start_on(0, 0).await
    }

    /// Starts both services on free loopback ports with the world saved in `snapshot` after
    /// every change, and read back from it when it exists: the app's Sandbox workspace keeps
    /// what the admin did across restarts.
    pub async fn start_persistent(snapshot: &Path) -> std::io::Result<Self> {
        Self::start_persistent_on(snapshot, 0, 0).await
    }

    /// [`Sandbox::start_persistent`] on the given loopback ports (0 picks a free one): a
    /// sandbox stopped and started again on its ports is the same service after an outage.
    pub async fn start_persistent_on(
        snapshot: &Path,
        ringotel_port: u16,
        thinq_port: u16,
    ) -> std::io::Result<Self> {
        let (world, on_disk) = match world::snapshot::load(snapshot) {
            Some(world) => (world, true),
            None => (world::seeded(), false),
        };
        let shared = Shared::new(world, Some(snapshot.to_path_buf()));
        if on_disk {
            // Writing megabytes back unchanged would only slow every start.
            shared.mark_saved();
        } else {
            shared.save_snapshot();
        }
        Self::listen(shared, ringotel_port, thinq_port).await
    }

    /// Starts both services on the given loopback ports (0 picks a free one), in memory.
    pub async fn start_on(ringotel_port: u16, thinq_port: u16) -> std::io::Result<Self> {
        Self::listen(
            Shared::new(world::seeded(), None),
            ringotel_port,
            thinq_port,
        )
        .await
    }

    /// Starts both services on free loopback ports, in memory, on the given world (the
    /// workspace-scale demo, say).
    pub async fn start_world(world: world::World) -> std::io::Result<Self> {
        Self::listen(Shared::new(world, None), 0, 0).await
    }

    async fn listen(shared: Shared, ringotel_port: u16, thinq_port: u16) -> std::io::Result<Self> {
        // Loopback only, by construction: the sandbox must never be reachable from the network.
        let ringotel_listener = TcpListener::bind((Ipv4Addr::LOCALHOST, ringotel_port)).await?;
        let thinq_listener = TcpListener::bind((Ipv4Addr::LOCALHOST, thinq_port)).await?;
        let ringotel = ringotel_listener.local_addr()?;
        let thinq = thinq_listener.local_addr()?;
        let layered = |router: axum::Router, service| {
            router
                .layer(axum::middleware::from_fn_with_state(
                    shared.clone(),
                    snapshot_after,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    (shared.clone(), service),
                    fault_layer::serve_faults,
                ))
        };
        let ringotel_app = layered(ringotel_api::router(shared.clone()), Service::Ringotel);
        let thinq_app = layered(thinq_api::router(shared.clone()), Service::Thinq);
        let stop = vec![
            serve(ringotel_listener, ringotel_app),
            serve(thinq_listener, thinq_app),
        ];
        tracing::info!(%ringotel, %thinq, "sandbox listening");
        Ok(Self {
            ringotel,
            thinq,
            shared,
            stop,
        })
    }

    /// Base URL of the simulated Ringotel Admin API (`POST {url}/api`).
    pub fn ringotel_url(&self) -> String {
        format!("http://{}", self.ringotel)
    }

    /// Base URL of the simulated thinQ API.
    pub fn thinq_url(&self) -> String {
        format!("http://{}", self.thinq)
    }

    pub fn addresses(&self) -> [SocketAddr; 2] {
        [self.ringotel, self.thinq]
    }

    /// Queues a fault for the next request to `service`.
    pub fn inject(&self, service: Service, fault: Fault) {
        self.shared
            .with_faults(|plan| plan.push(service, None, fault));
    }

    /// Queues a fault for the next request to `service` on `path` (such as `/integrations`).
    pub fn inject_on(&self, service: Service, path: &str, fault: Fault) {
        self.shared
            .with_faults(|plan| plan.push(service, Some(path), fault));
    }

    /// Serves faults at a rate from now on (see [`FaultRule`]); rules add up.
    pub fn add_fault_rule(&self, rule: FaultRule) {
        self.shared.with_faults(|plan| plan.add_rule(rule));
    }

    /// Stops serving faults: rules and queued faults are dropped.
    pub fn clear_faults(&self) {
        self.shared.with_faults(|plan| plan.clear());
    }

    /// Cuts (or restores) the network to both services: requests, those in flight included,
    /// lose their connection unanswered and change nothing.
    pub fn set_unreachable(&self, unreachable: bool) {
        self.shared
            .with_faults(|plan| plan.set_unreachable(unreachable));
    }

    /// Seeds the draws of the fault rules, so a run can be repeated exactly.
    pub fn seed_faults(&self, seed: u64) {
        self.shared.with_faults(|plan| plan.seed(seed));
    }

    /// The requests both services saw since the last call, oldest first.
    pub fn take_request_log(&self) -> Vec<LoggedRequest> {
        self.shared.with_faults(|plan| plan.take_log())
    }

    /// Adds this latency to every request from now on.
    pub fn set_latency(&self, latency: std::time::Duration) {
        self.shared.with_faults(|plan| plan.set_latency(latency));
    }

    /// Chooses how a wrong Ringotel API key is refused from now on (HTTP 401 by default).
    pub fn set_auth_failure(&self, auth_failure: AuthFailure) {
        self.set_wire(WireVariant {
            auth_failure,
            ..self.wire()
        });
    }

    /// Answers the open questions of the published sources this way from now on (see
    /// [`WireVariant`]; the default is the strict, published reading).
    pub fn set_wire(&self, wire: WireVariant) {
        self.shared.set_wire(wire);
    }

    pub fn wire(&self) -> WireVariant {
        self.shared.wire()
    }

    /// Reads or changes the simulated state directly, as an admin in the real portals would.
    pub fn with_world<R>(&self, f: impl FnOnce(&mut world::World) -> R) -> R {
        self.shared.change_world(f)
    }
}

/// Saves the world after each request the simulated services answered (a no-op in memory).
async fn snapshot_after(
    axum::extract::State(shared): axum::extract::State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let response = next.run(request).await;
    shared.save_snapshot();
    response
}

fn serve(listener: TcpListener, app: axum::Router) -> oneshot::Sender<()> {
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let shutdown = async {
            let _ = stopped.await;
        };
        if let Err(error) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!(%error, "sandbox server stopped");
        }
    });
    stop
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        for stop in self.stop.drain(..) {
            let _ = stop.send(());
        }
    }
}
