//! HTTP plumbing shared by both service clients, so each decodes its own wire format and nothing else.

mod body;
mod exchange;
mod failure;
mod limit;
pub mod retry;

pub use body::{MAX_BODY_BYTES, excerpt, said};
pub use exchange::{ExchangeFailure, Reply, exchange, exchange_within};
pub use failure::Failure;
pub use limit::CallLimit;
pub use retry::{Repeatable, RetryPolicy, Transience};

use std::time::Duration;

/// A connection that has not opened in this long will not open; fail fast so the admin can retry.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Each service call's whole time budget, unless the caller sets its own.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The one HTTP client both services are called through: certificate checks on (never
/// disabled), time-outs set, an honest user agent, no cookies, and no redirects followed: an
/// API answers where it was asked, and a redirect must never carry the key or a body to
/// another address. Callers see a 3xx as it came.
pub fn build_client() -> Result<reqwest::Client, reqwest::Error> {
    build_client_with(REQUEST_TIMEOUT)
}

/// [`build_client`] with another per-call time budget (tests of time-outs use a short one).
pub fn build_client_with(request_timeout: Duration) -> Result<reqwest::Client, reqwest::Error> {
    install_crypto_provider();
    reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT.min(request_timeout))
        .timeout(request_timeout)
        .user_agent(concat!("RingotelSmsAdmin/", env!("CARGO_PKG_VERSION")))
        .redirect(reqwest::redirect::Policy::none())
        .build()
}

/// Makes ring the process's TLS crypto provider, which reqwest's rustls then uses. Once per
/// process; if something else installed a provider first, that one stays (both verify
/// certificates the same way).
fn install_crypto_provider() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let _already_set = rustls::crypto::ring::default_provider().install_default();
    });
}
