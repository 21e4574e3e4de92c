//! One text sent through thinQ and its delivery notifications read back: what *Send a test
//! message* does. [code] Both numbers go as 10-digit NANP numbers (services.md: the safe choice).

use crate::client::{Call, ThinqClient};
use crate::error::ThinqError;
use serde::Deserialize;
use serde_json::{Value, json};
use transport::Repeatable;

/// One delivery notification: when, and the status thinQ gave (`DELIVRD`, `UNDELIV`, …).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DeliveryNotice {
    #[serde(default)]
    pub timestamp: Option<Value>,
    #[serde(default)]
    pub send_status: Option<String>,
}

#[derive(Deserialize)]
struct SendAnswer {
    guid: Value,
}

#[derive(Deserialize)]
struct StatusAnswer {
    #[serde(default)]
    delivery_notifications: Vec<DeliveryNotice>,
}

/// A message guid, checked before it goes into a URL path: letters, digits and dashes only.
fn checked_guid(guid: &str) -> Result<String, ThinqError> {
    let fine = !guid.is_empty()
        && guid.len() <= 64
        && guid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    fine.then(|| guid.to_owned())
        .ok_or_else(|| ThinqError::Malformed {
            detail: "thinQ gave the message a guid that is not letters, digits and dashes".into(),
        })
}

impl ThinqClient {
    /// Sends `message` from `from` to `to` (10-digit NANP numbers); answers the message's
    /// guid as thinQ gave it (checked when it is used in a path: the text went out either way).
    /// Never repeated on a lost answer: a second try would send a second text.
    pub async fn send_sms(
        &self,
        from: &str,
        to: &str,
        message: &str,
    ) -> Result<String, ThinqError> {
        let call = Call::new(
            reqwest::Method::POST,
            "POST /account/{account_id}/product/origination/sms/send",
            self.account_path("/product/origination/sms/send"),
        );
        let body = json!({"from_did": from, "to_did": to, "message": message});
        let answer: SendAnswer = self.write(&call, body, Repeatable::No).await?;
        Ok(match answer.guid {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        })
    }

    /// The delivery notifications of the message `guid` so far (none at first).
    pub async fn delivery_notices(&self, guid: &str) -> Result<Vec<DeliveryNotice>, ThinqError> {
        let guid = checked_guid(guid)?;
        let call = Call::get(
            "GET /account/{account_id}/product/origination/sms/{guid}",
            self.account_path(&format!("/product/origination/sms/{guid}")),
        );
        let answer: StatusAnswer = self.get(&call, &[]).await?;
        Ok(answer.delivery_notifications)
    }
}

#[cfg(test)]
mod tests {
    use super::checked_guid;

    #[test]
    fn a_guid_that_could_steer_the_path_is_refused() {
        assert!(checked_guid("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0").is_ok());
        for bad in ["", "../balance", "a/b", "x?y=1", "a b"] {
            assert!(checked_guid(bad).is_err(), "{bad}");
        }
    }
}
