//! The thinQ client: base URL and credentials given once; every call Basic-authenticated.

use crate::error::ThinqError;
use crate::response;
use domain::{Api, BaseUrl, Observed, ThinqCredentials};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use transport::{Repeatable, RetryPolicy};

#[derive(Clone)]
pub struct ThinqClient {
    http: reqwest::Client,
    base: BaseUrl,
    creds: ThinqCredentials,
    retry: RetryPolicy,
    observed: Observed,
    /// Bounds the calls in flight across clients, for an action over many items.
    limit: Option<transport::CallLimit>,
}

impl std::fmt::Debug for ThinqClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ThinqClient")
            .field("base", &self.base)
            .field("account_id", &self.creds.account_id)
            .finish_non_exhaustive()
    }
}

/// One thinQ call: its method, its path, and the path's template (which names no account),
/// by which answers are recorded.
pub(crate) struct Call {
    pub method: reqwest::Method,
    pub template: &'static str,
    pub path: String,
}

impl Call {
    /// A read; `template` names its method and path, as `"GET /account/{account_id}/balance"`.
    pub fn get(template: &'static str, path: String) -> Self {
        Self::new(reqwest::Method::GET, template, path)
    }

    pub fn new(method: reqwest::Method, template: &'static str, path: String) -> Self {
        Self {
            method,
            template,
            path,
        }
    }
}

pub(crate) fn typed<T: DeserializeOwned>(answer: Value) -> Result<T, ThinqError> {
    serde_json::from_value(answer).map_err(|e| ThinqError::Malformed {
        detail: e.to_string(),
    })
}

/// The account balance; thinQ sends it as a number or a numeric string.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance(pub Option<f64>);

impl<'de> Deserialize<'de> for Balance {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            balance: Option<Value>,
        }
        let raw = Raw::deserialize(deserializer)?;
        Ok(Self(match raw.balance {
            Some(Value::Number(n)) => n.as_f64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        }))
    }
}

impl ThinqClient {
    pub fn new(http: reqwest::Client, base: BaseUrl, creds: ThinqCredentials) -> Self {
        Self {
            http,
            base,
            creds,
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

    pub fn account_id(&self) -> &str {
        self.creds.account_id.as_str()
    }

    /// [code] A harmless authenticated call: it proves the Account ID, username and token work
    /// together without changing anything.
    #[tracing::instrument(level = "debug", skip(self), fields(account = %self.creds.account_id), err(Display))]
    pub async fn check_credentials(&self) -> Result<Balance, ThinqError> {
        let call = Call::get(
            "/account/{account_id}/balance",
            self.account_path("/balance"),
        );
        self.get(&call, &[]).await
    }

    /// A read, retried as the policy allows, decoded as `T`.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        call: &Call,
        query: &[(&str, String)],
    ) -> Result<T, ThinqError> {
        typed(self.get_value(call, query).await?)
    }

    /// A read, retried as the policy allows, as the JSON it came in.
    pub(crate) async fn get_value(
        &self,
        call: &Call,
        query: &[(&str, String)],
    ) -> Result<Value, ThinqError> {
        transport::retry::with_retries(&self.retry, Repeatable::Yes, ThinqError::transience, || {
            let request = self.http.get(self.base.endpoint(&call.path)).query(query);
            self.send(call, request)
        })
        .await
    }

    /// A write with a JSON body (`POST` or `PUT`), retried only when `repeatable` says a second
    /// call has the same effect as one. `null`s are left out of the body, as everywhere.
    pub(crate) async fn write<T: DeserializeOwned>(
        &self,
        call: &Call,
        body: Value,
        repeatable: Repeatable,
    ) -> Result<T, ThinqError> {
        let body = domain::wire::without_nulls(body);
        let answer =
            transport::retry::with_retries(&self.retry, repeatable, ThinqError::transience, || {
                let request = self
                    .http
                    .request(call.method.clone(), self.base.endpoint(&call.path))
                    .json(&body);
                self.send(call, request)
            })
            .await?;
        typed(answer)
    }

    /// Sends one request with the account's Basic credentials and decodes its answer.
    async fn send(
        &self,
        call: &Call,
        request: reqwest::RequestBuilder,
    ) -> Result<Value, ThinqError> {
        let request = request.basic_auth(
            self.creds.username.as_str(),
            Some(self.creds.token.expose()),
        );
        let reply = transport::exchange_within(self.limit.as_ref(), request)
            .await
            .map_err(|failure| {
                if failure.answered {
                    ThinqError::Malformed {
                        detail: failure.detail,
                    }
                } else {
                    ThinqError::Transport {
                        detail: failure.detail,
                        timed_out: failure.timed_out,
                    }
                }
            })?;
        let answer: Value = response::decode_reply(self.account_id(), &reply)?;
        self.observed
            .answer(Api::Thinq, call.template, Some(&answer));
        Ok(answer)
    }

    /// `/account/{account_id}{rest}`: most thinQ paths name the numeric account.
    pub(crate) fn account_path(&self, rest: &str) -> String {
        format!("/account/{}{rest}", self.account_id())
    }
}
