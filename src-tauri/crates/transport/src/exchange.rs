//! One request out, one capped body back, with failures described without the URL.

use crate::body::read_capped;
use crate::limit::CallLimit;
use crate::retry::parse_retry_after;
use std::time::Duration;

/// A whole answer: its status, its (capped) body, and how long the server asked callers to
/// wait before trying again (`Retry-After`, on 429 and 503).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
    pub retry_after: Option<Duration>,
}

/// Why no usable answer came back. The text never includes the request URL, which for the
/// Ringotel integration form carries credentials in its query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeFailure {
    pub detail: String,
    pub timed_out: bool,
    /// The server answered, but the body broke a limit or the connection mid-way.
    pub answered: bool,
}

/// Sends the request and reads the whole (capped) body.
pub async fn exchange(request: reqwest::RequestBuilder) -> Result<Reply, ExchangeFailure> {
    exchange_within(None, request).await
}

/// [`exchange`] holding a slot of `limit` while the request is out, when there is one.
pub async fn exchange_within(
    limit: Option<&CallLimit>,
    request: reqwest::RequestBuilder,
) -> Result<Reply, ExchangeFailure> {
    let _slot = match limit {
        Some(limit) => limit.slot().await,
        None => None,
    };
    let response = request.send().await.map_err(|e| ExchangeFailure {
        timed_out: e.is_timeout(),
        detail: describe(e),
        answered: false,
    })?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after);
    let body = read_capped(response)
        .await
        .map_err(|problem| ExchangeFailure {
            detail: problem.to_string(),
            timed_out: false,
            answered: true,
        })?;
    Ok(Reply {
        status,
        body,
        retry_after,
    })
}

/// The failure in words an admin can act on; the client's own chain of causes goes to the
/// debug log only.
fn describe(error: reqwest::Error) -> String {
    let error = error.without_url();
    tracing::debug!(error = %chain(&error), "request failed");
    if error.is_timeout() {
        "the server did not answer in time".into()
    } else if error.is_connect() {
        "could not connect to the server".into()
    } else if error.is_request() {
        "the connection dropped before the server answered".into()
    } else {
        chain(&error)
    }
}

fn chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    text
}
