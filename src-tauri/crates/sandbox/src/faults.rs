//! Switchable faults: the ways real services and the networks in front of them misbehave,
//! applied to requests before the simulated service sees them.

use crate::state::Shared;
use axum::body::Body;
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
    /// Answer with this status and a JSON error body (500, 503, ...).
    Status(u16),
    /// HTTP 429 with `Retry-After` in whole seconds, as a rate limiter sends it.
    TooManyRequests { retry_after_secs: u64 },
    /// A proxy's HTML page with 502, as load balancers send when the service is down.
    HtmlBadGateway,
    /// HTTP 200 with an `{"error": ...}` body.
    ErrorIn200(String),
    /// Hold the request this long before answering normally.
    Delay(Duration),
    /// Never answer in time: the request is held far longer than any client waits, unhandled.
    TimeOut,
    /// Close the connection before the request reaches the service: nothing happens.
    ConnectionReset,
    /// Let the service do the work, then close the connection instead of answering: the change
    /// is made but the client never learns it (what makes naive clients create duplicates).
    DropResponse,
}

impl Fault {
    /// One of each kind a flaky network or service produces, for mixed fault runs.
    pub fn every_kind() -> Vec<Fault> {
        vec![
            Fault::TooManyRequests {
                retry_after_secs: 1,
            },
            Fault::Status(500),
            Fault::Status(503),
            Fault::HtmlBadGateway,
            Fault::ErrorIn200("Service temporarily unavailable".into()),
            Fault::TimeOut,
            Fault::ConnectionReset,
            Fault::DropResponse,
        ]
    }
}

/// How long a [`Fault::TimeOut`] holds a request: past every client's time budget.
const TIME_OUT_HOLD: Duration = Duration::from_secs(600);

/// Faults served at a rate rather than queued: each request on `service` (and `method`, when
/// given: a JSON-RPC method for Ringotel, a path prefix for thinQ and for Ringotel's form)
/// draws against `rate` and, when it loses, gets one of `faults` at random.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRule {
    pub service: Service,
    pub method: Option<String>,
    pub rate: f64,
    pub faults: Vec<Fault>,
}

impl FaultRule {
    fn applies_to(&self, service: Service, target: &str) -> bool {
        self.service == service
            && self
                .method
                .as_deref()
                .is_none_or(|m| m == target || (m.starts_with('/') && target.starts_with(m)))
    }
}

/// A request as the sandbox saw it, for call-count and contract tests: the service, its method
/// (the JSON-RPC method on Ringotel's `/api`, else the HTTP method and path), what it sent
/// (the JSON-RPC `params`, or the JSON body) and the names of its query keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    pub service: Service,
    pub method: String,
    pub body: Option<serde_json::Value>,
    pub query_keys: Vec<String>,
}

/// The log keeps this many latest requests, so a long-running sandbox does not grow without end.
const LOG_LIMIT: usize = 100_000;

/// A queued fault, served to the next request (on `path`, when one is given).
#[derive(Debug)]
struct Queued {
    path: Option<String>,
    fault: Fault,
}

/// Faults waiting to be served, one per request, in order; faults served at a rate; a latency
/// on every request; and the log of requests seen.
#[derive(Debug, Default)]
pub struct FaultPlan {
    ringotel: VecDeque<Queued>,
    thinq: VecDeque<Queued>,
    rules: Vec<FaultRule>,
    random: SplitMix,
    latency: Duration,
    log: VecDeque<LoggedRequest>,
    unreachable: bool,
}

/// A small seeded generator (SplitMix64): fault runs repeat exactly for the same seed.
#[derive(Debug, Default)]
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A draw in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl FaultPlan {
    pub fn push(&mut self, service: Service, path: Option<&str>, fault: Fault) {
        self.queue(service).push_back(Queued {
            path: path.map(str::to_owned),
            fault,
        });
    }

    /// The fault for this request: the first queued one meant for its path, else one drawn
    /// from the rules that apply to it, else none.
    fn take(&mut self, service: Service, path: &str, method: &str) -> Option<Fault> {
        let queue = self.queue(service);
        if let Some(index) = queue
            .iter()
            .position(|q| q.path.as_deref().is_none_or(|p| p == path))
        {
            return queue.remove(index).map(|q| q.fault);
        }
        let rules: Vec<FaultRule> = self
            .rules
            .iter()
            .filter(|r| r.applies_to(service, method) && !r.faults.is_empty())
            .cloned()
            .collect();
        for rule in rules {
            if self.random.unit() < rule.rate {
                let index = (self.random.next() % rule.faults.len() as u64) as usize;
                return rule.faults.get(index).cloned();
            }
        }
        None
    }

    pub fn add_rule(&mut self, rule: FaultRule) {
        self.rules.push(rule);
    }

    /// Drops every rule and queued fault; latency and the key refusal stay as set.
    pub fn clear(&mut self) {
        self.rules.clear();
        self.ringotel.clear();
        self.thinq.clear();
    }

    /// While set, every request loses its connection unanswered, those still waiting out their
    /// latency included: the network between client and service is gone.
    pub fn set_unreachable(&mut self, unreachable: bool) {
        self.unreachable = unreachable;
    }

    pub fn seed(&mut self, seed: u64) {
        self.random = SplitMix(seed);
    }

    fn log(&mut self, request: LoggedRequest) {
        if self.log.len() == LOG_LIMIT {
            self.log.pop_front();
        }
        self.log.push_back(request);
    }

    /// The requests seen since the log was last taken, oldest first; the log starts over.
    pub fn take_log(&mut self) -> Vec<LoggedRequest> {
        self.log.drain(..).collect()
    }

    pub fn set_latency(&mut self, latency: Duration) {
        self.latency = latency;
    }

    fn queue(&mut self, service: Service) -> &mut VecDeque<Queued> {
        match service {
            Service::Ringotel => &mut self.ringotel,
            Service::Thinq => &mut self.thinq,
        }
    }
}

/// The answer a fault gives instead of the service's; `None` when the service answers.
fn respond(fault: &Fault) -> Option<Response> {
    match fault {
        Fault::Status(code) => {
            let status = StatusCode::from_u16(*code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = json!({"error": {"message": format!("injected fault: HTTP {code}")}, "code": code});
            Some((status, axum::Json(body)).into_response())
        }
        Fault::TooManyRequests { retry_after_secs } => Some(
            (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, retry_after_secs.to_string())],
                axum::Json(json!({"error": {"message": "Too many requests"}, "code": 429})),
            )
                .into_response(),
        ),
        Fault::HtmlBadGateway => Some(
            (
                StatusCode::BAD_GATEWAY,
                [(header::CONTENT_TYPE, "text/html")],
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
            )
                .into_response(),
        ),
        Fault::ErrorIn200(message) => Some(axum::Json(json!({"error": {"message": message}})).into_response()),
        Fault::TimeOut => Some(StatusCode::GATEWAY_TIMEOUT.into_response()),
        Fault::ConnectionReset => Some(broken_connection()),
        Fault::Delay(_) | Fault::DropResponse => None,
    }
}

/// A response whose body fails before a byte is written: the server closes the connection
/// and the client sees it drop with no answer.
fn broken_connection() -> Response {
    let failing = futures_util::stream::once(async {
        Err::<axum::body::Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "injected fault: connection dropped",
        ))
    });
    Response::new(Body::from_stream(failing))
}

/// The request as the log keeps it: the JSON-RPC `method` and `params` on Ringotel's `/api`,
/// else the path (the JSON body and query keys beside it). The body is read and handed on
/// unchanged.
async fn logged(service: Service, request: Request) -> (Request, LoggedRequest) {
    let path = request.uri().path().to_owned();
    let query_keys = request.uri().query().map(url_keys).unwrap_or_default();
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, transport_limit())
        .await
        .unwrap_or_default();
    let json = serde_json::from_slice::<serde_json::Value>(&bytes).ok();
    let rpc = (service == Service::Ringotel && path == "/api")
        .then_some(())
        .and(json.as_ref());
    let (method, body) = match rpc {
        Some(rpc) => (
            rpc.get("method")
                .and_then(|m| m.as_str())
                .map_or_else(|| path.clone(), str::to_owned),
            rpc.get("params").cloned(),
        ),
        None => (path, json),
    };
    let entry = LoggedRequest {
        service,
        method,
        body,
        query_keys,
    };
    (Request::from_parts(parts, Body::from(bytes)), entry)
}

/// The names in a query string, decoded (`Account%20ID` is `Account ID`); never the values,
/// which for the integration form include a token.
fn url_keys(query: &str) -> Vec<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(key, _)| key.into_owned())
        .collect()
}

/// Request bodies are small; this only keeps a runaway client from exhausting memory.
fn transport_limit() -> usize {
    16 * 1024 * 1024
}

/// The middleware: logs the request, then serves its fault, if it draws one, or passes it on.
pub async fn serve_faults(
    State((shared, service)): State<(Shared, Service)>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let (request, entry) = logged(service, request).await;
    let method = entry.method.clone();
    let (fault, latency) = shared.with_faults(|plan| {
        plan.log(entry);
        (plan.take(service, &path, &method), plan.latency)
    });
    let delay = match &fault {
        Some(Fault::Delay(d)) => latency + *d,
        Some(Fault::TimeOut) => latency + TIME_OUT_HOLD,
        _ => latency,
    };
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    if shared.with_faults(|plan| plan.unreachable) {
        return broken_connection();
    }
    match fault.as_ref() {
        Some(Fault::DropResponse) => {
            // The work is done; only the answer is lost.
            let _answered = next.run(request).await;
            broken_connection()
        }
        Some(other) => match respond(other) {
            Some(response) => response,
            None => next.run(request).await,
        },
        None => next.run(request).await,
    }
}
