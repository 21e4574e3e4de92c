//! The SMS conversations of one number in a time window (`getChats`), read only to see
//! whether a customer's message reached Ringotel. What a chat looks like is [assumed]
//! (`AssumptionId::ChatsShape`): the customer's number is looked for anywhere in the answer.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use domain::{AssumptionId, Fact};
use serde_json::{Value, json};

impl RingotelClient {
    /// Whether the conversations of `number` (in the organization with SIP domain `domain`)
    /// between `begin` and `end` (Unix ms) show `customer` anywhere.
    pub async fn chats_show(
        &self,
        domain: &str,
        number: &str,
        customer: &str,
        (begin, end): (i64, i64),
    ) -> Result<bool, RingotelError> {
        let answer: Value = self
            .rpc(
                "getChats",
                json!({ "domain": domain, "number": number, "begin": begin, "end": end }),
            )
            .await?;
        let seen = shows(&answer, customer);
        if seen {
            self.observed().fact(Fact::new(
                AssumptionId::ChatsShape,
                true,
                "getChats showed a customer's number in its answer",
            ));
        }
        Ok(seen)
    }
}

/// The last ten digits of a number as an answer may write it (NANP with or without its 1).
fn tail(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 10 && digits.len() <= 15).then(|| digits[digits.len() - 10..].to_owned())
}

/// Whether `customer` appears as any string or number in `answer`.
pub fn shows(answer: &Value, customer: &str) -> bool {
    let Some(wanted) = tail(customer) else {
        return false;
    };
    match answer {
        Value::Array(items) => items.iter().any(|i| shows(i, customer)),
        Value::Object(map) => map.values().any(|v| shows(v, customer)),
        Value::String(s) => tail(s).is_some_and(|t| t == wanted),
        Value::Number(n) => tail(&n.to_string()).is_some_and(|t| t == wanted),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::shows;
    use serde_json::json;

    #[test]
    fn a_customer_is_found_anywhere_in_whatever_shape() {
        let nested = json!([{"messages": [{"from": "+1 (619) 555-0100", "text": "hi"}]}]);
        assert!(shows(&nested, "16195550100"));
        assert!(shows(&json!({"remote": 6195550100_u64}), "16195550100"));
        assert!(!shows(&nested, "16195550101"));
        assert!(!shows(&json!([]), "16195550100"));
    }
}
