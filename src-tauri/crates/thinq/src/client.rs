//! The thinQ client: base URL and credentials given once; every call Basic-authenticated.

use crate::error::ThinqError;
use crate::response;
use domain::{BaseUrl, ThinqCredentials};
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
}

impl std::fmt::Debug for ThinqClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ThinqClient")
            .field("base", &self.base)
            .field("account_id", &self.creds.account_id)
            .finish_non_exhaustive()
    }
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
        }
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
        self.get(&self.account_path("/balance"), &[]).await
    }

    /// A read, retried as the policy allows.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ThinqError> {
        transport::retry::with_retries(&self.retry, Repeatable::Yes, ThinqError::transience, || {
            let request = self.http.get(self.base.endpoint(path)).query(query);
            self.send(request)
        })
        .await
    }

    /// A write with a JSON body (`POST` or `PUT`), retried only when `repeatable` says a second
    /// call has the same effect as one.
    pub(crate) async fn write<T: DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &Value,
        repeatable: Repeatable,
    ) -> Result<T, ThinqError> {
        transport::retry::with_retries(&self.retry, repeatable, ThinqError::transience, || {
            let request = self
                .http
                .request(method.clone(), self.base.endpoint(path))
                .json(body);
            self.send(request)
        })
        .await
    }

    /// Sends one request with the account's Basic credentials and decodes its answer.
    async fn send<T: DeserializeOwned>(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<T, ThinqError> {
        let request = request.basic_auth(
            self.creds.username.as_str(),
            Some(self.creds.token.expose()),
        );
        let reply = transport::exchange(request).await.map_err(|failure| {
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
        response::decode_reply(self.account_id(), &reply)
    }

    /// `/account/{account_id}{rest}`: most thinQ paths name the numeric account.
    pub(crate) fn account_path(&self, rest: &str) -> String {
        format!("/account/{}{rest}", self.account_id())
    }
}
