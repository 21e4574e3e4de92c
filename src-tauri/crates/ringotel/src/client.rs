//! The Ringotel client: base URL and key given once, every call through [`RingotelClient::rpc`].

use crate::envelope::{self, Outcome};
use crate::error::RingotelError;
use domain::{BaseUrl, Secret};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

#[derive(Clone)]
pub struct RingotelClient {
    http: reqwest::Client,
    base: BaseUrl,
    key: Secret,
}

impl std::fmt::Debug for RingotelClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RingotelClient")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl RingotelClient {
    pub fn new(http: reqwest::Client, base: BaseUrl, key: Secret) -> Self {
        Self { http, base, key }
    }

    pub fn base(&self) -> &BaseUrl {
        &self.base
    }

    /// Calls one method and decodes its `result` as `T`.
    pub async fn rpc<T: DeserializeOwned>(
        &self,
        method: &str,
        params: impl Serialize,
    ) -> Result<T, RingotelError> {
        let outcome = self.call(method, params).await?;
        let value = outcome.ok_or_else(|| RingotelError::Malformed {
            method: method.into(),
            detail: "the answer carried no result".into(),
        })?;
        serde_json::from_value(value).map_err(|e| RingotelError::Malformed {
            method: method.into(),
            detail: e.to_string(),
        })
    }

    /// Calls a method that answers nothing of interest (updates, deletes).
    pub async fn rpc_unit(
        &self,
        method: &str,
        params: impl Serialize,
    ) -> Result<(), RingotelError> {
        self.call(method, params).await.map(|_| ())
    }

    #[tracing::instrument(level = "debug", skip(self, params), fields(base = %self.base), err(Display))]
    async fn call(&self, method: &str, params: impl Serialize) -> Result<Outcome, RingotelError> {
        let body = json!({ "method": method, "params": params });
        let request = self
            .http
            .post(self.base.endpoint("/api"))
            .bearer_auth(self.key.expose())
            .json(&body);
        let (status, bytes) = self.send(method, request).await?;
        envelope::decode(method, status, &bytes)
    }

    /// Sends a prepared request and reads its capped body.
    pub(crate) async fn send(
        &self,
        method: &str,
        request: reqwest::RequestBuilder,
    ) -> Result<(u16, Vec<u8>), RingotelError> {
        transport::exchange(request).await.map_err(|failure| {
            if failure.answered {
                RingotelError::Malformed {
                    method: method.into(),
                    detail: failure.detail,
                }
            } else {
                RingotelError::Transport {
                    method: method.into(),
                    detail: failure.detail,
                    timed_out: failure.timed_out,
                }
            }
        })
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.http
    }

    pub(crate) fn key(&self) -> &Secret {
        &self.key
    }
}

/// `{}` params, for methods that take none.
pub(crate) fn no_params() -> Value {
    json!({})
}
