//! The SMS conversations of one number in a time window (`getChats`), read only to see
//! whether a customer's message reached Ringotel. What a chat looks like is [assumed]
//! (`AssumptionId::ChatsShape`): the customer's number is looked for anywhere in the answer.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use domain::{AssumptionId, Fact};
use serde_json::{Value, json};

impl RingotelClient {
    /// How many times the conversations of `number` (in the organization with SIP domain
    /// `domain`) between `begin` and `end` (Unix ms) show `customer`: a new text from them
    /// shows them once more, whatever a chat looks like.
    pub async fn chats_mentions(
        &self,
        domain: &str,
        number: &str,
        customer: &str,
        (begin, end): (i64, i64),
    ) -> Result<usize, RingotelError> {
        let answer: Value = self
            .rpc(
                "getChats",
                json!({ "domain": domain, "number": number, "begin": begin, "end": end }),
            )
            .await?;
        let seen = mentions(&answer, customer);
        if seen > 0 {
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

/// How many strings or numbers in `answer` are `customer`.
pub fn mentions(answer: &Value, customer: &str) -> usize {
    let Some(wanted) = tail(customer) else {
        return 0;
    };
    let is = |text: &str| usize::from(tail(text).is_some_and(|t| t == wanted));
    match answer {
        Value::Array(items) => items.iter().map(|i| mentions(i, customer)).sum(),
        Value::Object(map) => map.values().map(|v| mentions(v, customer)).sum(),
        Value::String(s) => is(s),
        Value::Number(n) => is(&n.to_string()),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::mentions;
    use serde_json::json;

    #[test]
    fn a_customer_is_counted_anywhere_in_whatever_shape() {
        let nested = json!([{"messages": [{"from": "+1 (619) 555-0100", "text": "hi"}, {"from": "16195550100"}]}]);
        assert_eq!(mentions(&nested, "16195550100"), 2);
        assert_eq!(
            mentions(&json!({"remote": 6195550100_u64}), "16195550100"),
            1
        );
        assert_eq!(mentions(&nested, "16195550101"), 0);
        assert_eq!(mentions(&json!([]), "16195550100"), 0);
    }
}
