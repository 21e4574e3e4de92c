//! The Ringotel client: base URL and key given once, every call through [`RingotelClient::rpc`].

use crate::envelope::{self, Outcome};
use crate::error::RingotelError;
use domain::{Api, AssumptionId, BaseUrl, Fact, Observed, Secret};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use transport::{Repeatable, RetryPolicy};

#[derive(Clone)]
pub struct RingotelClient {
    http: reqwest::Client,
    base: BaseUrl,
    key: Secret,
    retry: RetryPolicy,
    observed: Observed,
    /// Bounds the calls in flight across clients, for an action over many items.
    limit: Option<transport::CallLimit>,
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
        Self {
            http,
            base,
            key,
            retry: RetryPolicy::default(),
            observed: Observed::default(),
            limit: None,
        }
    }

    /// The same client telling `observed` what each answer looked like.
    pub fn with_observer(mut self, observed: Observed) -> Self {
        self.observed = observed;
        self
    }

    pub(crate) fn observed(&self) -> &Observed {
        &self.observed
    }

    /// The same client sharing `limit` on the calls in flight with other clients.
    pub fn with_call_limit(mut self, limit: transport::CallLimit) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The same client with another retry policy (tests shorten the waits).
    pub fn with_retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    pub fn base(&self) -> &BaseUrl {
        &self.base
    }

    /// Calls a method that reads, retried as the policy allows, and decodes its `result` as `T`.
    pub async fn rpc<T: DeserializeOwned>(
        &self,
        method: &str,
        params: impl Serialize,
    ) -> Result<T, RingotelError> {
        let outcome = self.call(method, params, Repeatable::Yes).await?;
        let value = outcome.ok_or_else(|| RingotelError::Malformed {
            method: method.into(),
            detail: "the answer carried no result".into(),
        })?;
        serde_json::from_value(value).map_err(|e| RingotelError::Malformed {
            method: method.into(),
            detail: e.to_string(),
        })
    }

    /// Calls a method that changes something; retried only when `repeatable` says a second
    /// call has the same effect as one.
    pub async fn rpc_write(
        &self,
        method: &str,
        params: impl Serialize,
        repeatable: Repeatable,
    ) -> Result<Outcome, RingotelError> {
        self.call(method, params, repeatable).await
    }

    #[tracing::instrument(level = "debug", skip(self, params), fields(base = %self.base), err(Display))]
    async fn call(
        &self,
        method: &str,
        params: impl Serialize,
        repeatable: Repeatable,
    ) -> Result<Outcome, RingotelError> {
        let params = serde_json::to_value(params).map_err(|e| RingotelError::Malformed {
            method: method.into(),
            detail: e.to_string(),
        })?;
        let body = json!({ "method": method, "params": domain::wire::without_nulls(params) });
        transport::retry::with_retries(&self.retry, repeatable, RingotelError::transience, || {
            self.call_once(method, &body)
        })
        .await
    }

    async fn call_once(&self, method: &str, body: &Value) -> Result<Outcome, RingotelError> {
        let request = self
            .http
            .post(self.base.endpoint("/api"))
            .bearer_auth(self.key.expose())
            .json(body);
        let reply = self.send(method, request).await?;
        let outcome = envelope::decode_reply(method, &reply);
        match &outcome {
            Ok(result) => self.observed.answer(Api::Ringotel, method, result.as_ref()),
            Err(RingotelError::Http { status: 429, .. }) => self.observed.fact(Fact::new(
                AssumptionId::RingotelRateLimit,
                false,
                format!("{method} answered 429 (too many requests)"),
            )),
            Err(_) => {}
        }
        outcome
    }

    /// Sends a prepared request and reads its capped body.
    pub(crate) async fn send(
        &self,
        method: &str,
        request: reqwest::RequestBuilder,
    ) -> Result<transport::Reply, RingotelError> {
        transport::exchange_within(self.limit.as_ref(), request)
            .await
            .map_err(|failure| {
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
