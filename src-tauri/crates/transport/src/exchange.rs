//! One request out, one capped body back, with failures described without the URL.

use crate::body::read_capped;

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
pub async fn exchange(request: reqwest::RequestBuilder) -> Result<(u16, Vec<u8>), ExchangeFailure> {
    let response = request.send().await.map_err(|e| ExchangeFailure {
        timed_out: e.is_timeout(),
        detail: describe(e),
        answered: false,
    })?;
    let status = response.status().as_u16();
    let body = read_capped(response)
        .await
        .map_err(|detail| ExchangeFailure {
            detail,
            timed_out: false,
            answered: true,
        })?;
    Ok((status, body))
}

fn describe(error: reqwest::Error) -> String {
    if error.is_timeout() {
        return "the server did not answer in time".into();
    }
    if error.is_connect() {
        return "could not connect (check the address and the network)".into();
    }
    let error = error.without_url();
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    text
}
