//! Switchable faults: the ways real services and the networks in front of them misbehave, and
//! the plan of which to serve (`fault_layer.rs` serves them to requests).

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
pub(crate) const TIME_OUT_HOLD: Duration = Duration::from_secs(600);

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
    pub(crate) fn take(&mut self, service: Service, path: &str, method: &str) -> Option<Fault> {
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

    pub(crate) fn log(&mut self, request: LoggedRequest) {
        if self.log.len() == LOG_LIMIT {
            self.log.pop_front();
        }
        self.log.push_back(request);
    }

    /// The requests seen since the log was last taken, oldest first; the log starts over.
    pub fn take_log(&mut self) -> Vec<LoggedRequest> {
        self.log.drain(..).collect()
    }

    /// The latency added to every request.
    pub(crate) fn latency(&self) -> Duration {
        self.latency
    }

    /// Whether the network to both services is cut.
    pub(crate) fn is_unreachable(&self) -> bool {
        self.unreachable
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
