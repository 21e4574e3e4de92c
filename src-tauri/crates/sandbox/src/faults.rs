//! Switchable faults: the ways real services and the networks in front of them misbehave,
//! applied to requests before the simulated service sees them.

use crate::state::Shared;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::collections::VecDeque;
use std::time::Duration;

/// Which simulated service a fault applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Ringotel,
    Thinq,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this status and a JSON error body (429, 500, 503, ...).
    Status(u16),
    /// A proxy's HTML page with 502, as load balancers send when the service is down.
    HtmlBadGateway,
    /// HTTP 200 with an `{"error": ...}` body.
    ErrorIn200(String),
    /// Hold the request this long before answering normally.
    Delay(Duration),
}

/// How the simulated Ringotel service refuses a wrong API key, on `/api` and on the integration
/// form. Deployments differ: some answer HTTP 401, some an error inside HTTP 200.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AuthFailure {
    /// HTTP 401 with an `{"error": ...}` body.
    #[default]
    Http401,
    /// HTTP 200 with `{"error": {"message": ..., "code": 401}}`.
    ErrorIn200,
}

/// A queued fault, served to the next request (on `path`, when one is given).
#[derive(Debug)]
struct Queued {
    path: Option<String>,
    fault: Fault,
}

/// Faults waiting to be served, one per request, in order; plus a latency on every request and
/// the way a wrong key is refused.
#[derive(Debug, Default)]
pub struct FaultPlan {
    ringotel: VecDeque<Queued>,
    thinq: VecDeque<Queued>,
    latency: Duration,
    auth_failure: AuthFailure,
}

impl FaultPlan {
    pub fn push(&mut self, service: Service, path: Option<&str>, fault: Fault) {
        self.queue(service).push_back(Queued {
            path: path.map(str::to_owned),
            fault,
        });
    }

    /// The first queued fault meant for a request on `path`.
    fn take(&mut self, service: Service, path: &str) -> Option<Fault> {
        let queue = self.queue(service);
        let index = queue
            .iter()
            .position(|q| q.path.as_deref().is_none_or(|p| p == path))?;
        queue.remove(index).map(|q| q.fault)
    }

    pub fn set_latency(&mut self, latency: Duration) {
        self.latency = latency;
    }

    pub fn set_auth_failure(&mut self, auth_failure: AuthFailure) {
        self.auth_failure = auth_failure;
    }

    pub fn auth_failure(&self) -> AuthFailure {
        self.auth_failure
    }

    fn queue(&mut self, service: Service) -> &mut VecDeque<Queued> {
        match service {
            Service::Ringotel => &mut self.ringotel,
            Service::Thinq => &mut self.thinq,
        }
    }
}

fn respond(fault: &Fault) -> Option<Response> {
    match fault {
        Fault::Status(code) => {
            let status = StatusCode::from_u16(*code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = json!({"error": {"message": format!("injected fault: HTTP {code}")}, "code": code});
            Some((status, axum::Json(body)).into_response())
        }
        Fault::HtmlBadGateway => Some(
            (
                StatusCode::BAD_GATEWAY,
                [(header::CONTENT_TYPE, "text/html")],
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
            )
                .into_response(),
        ),
        Fault::ErrorIn200(message) => Some(axum::Json(json!({"error": {"message": message}})).into_response()),
        Fault::Delay(_) => None,
    }
}

/// The middleware: serves the next queued fault for this service, or passes the request on.
pub async fn serve_faults(
    State((shared, service)): State<(Shared, Service)>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let (fault, latency) = shared.with_faults(|plan| (plan.take(service, &path), plan.latency));
    let delay = match &fault {
        Some(Fault::Delay(d)) => latency + *d,
        _ => latency,
    };
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    match fault.as_ref().and_then(respond) {
        Some(response) => response,
        None => next.run(request).await,
    }
}
