//! The thinQ client: base URL and credentials given once; every call Basic-authenticated.

use crate::error::ThinqError;
use crate::response;
use domain::{BaseUrl, ThinqCredentials};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

#[derive(Clone)]
pub struct ThinqClient {
    http: reqwest::Client,
    base: BaseUrl,
    creds: ThinqCredentials,
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
        Self { http, base, creds }
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

    pub(crate) async fn get<T: DeserializeOwned>(
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
        let (status, body) = transport::exchange(request).await.map_err(|failure| {
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
        response::decode(self.account_id(), status, &body)
    }
}
