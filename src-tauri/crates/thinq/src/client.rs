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
        let path = format!("/account/{}/balance", self.account_id());
        self.get(&path, &[]).await
    }

    /// A read, retried as the policy allows.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ThinqError> {
        transport::retry::with_retries(&self.retry, Repeatable::Yes, ThinqError::transience, || {
            self.get_once(path, query)
        })
        .await
    }

    async fn get_once<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ThinqError> {
        let request = self
            .http
            .get(self.base.endpoint(path))
            .basic_auth(
                self.creds.username.as_str(),
                Some(self.creds.token.expose()),
            )
            .query(query);
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
}
