//! Opt-out lists of an organization's SMS numbers: the customers who texted the opt-out
//! keyword, read, one added, one removed. What `numbers` and `tonumber` name and what the list
//! answers are [assumed] (`AssumptionId::OptOutList`): read here in one place, leniently.

use crate::client::RingotelClient;
use crate::error::RingotelError;
use domain::OrgId;
use domain::{AssumptionId, Fact};
use serde_json::{Value, json};
use transport::Repeatable;

/// One customer on a number's opt-out list, as Ringotel answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOutEntry {
    /// The customer's number as found, without '+' or spaces.
    pub customer: String,
    /// The keyword they sent, where the answer says.
    pub keyword: Option<String>,
}

impl RingotelClient {
    /// The customers on the opt-out list of `number` (as Ringotel stores numbers).
    pub async fn get_optout_list(
        &self,
        org: &OrgId,
        number: &str,
    ) -> Result<Vec<OptOutEntry>, RingotelError> {
        let answer: Value = self
            .rpc(
                "getOptoutList",
                json!({ "orgid": org, "numbers": [number] }),
            )
            .await?;
        let (entries, as_assumed) = read_list(&answer, number);
        if let Some(held) = as_assumed {
            self.observed().fact(Fact::new(
                AssumptionId::OptOutList,
                held,
                if held {
                    "getOptoutList answered entries with tonumber"
                } else {
                    "getOptoutList answered another shape; customer numbers were searched for in it"
                },
            ));
        }
        Ok(entries)
    }

    /// Puts `customer` on the opt-out list of `number`.
    pub async fn add_to_optout(
        &self,
        org: &OrgId,
        number: &str,
        customer: &str,
    ) -> Result<(), RingotelError> {
        let params = json!({ "orgid": org, "numbers": [number], "tonumber": customer });
        // Adding someone already on the list leaves it as it was: safe to send again.
        self.rpc_write("addToOptout", params, Repeatable::Yes)
            .await
            .map(|_| ())
    }

    /// Takes `customer` off the opt-out list of `number`.
    pub async fn remove_from_optout(
        &self,
        org: &OrgId,
        number: &str,
        customer: &str,
    ) -> Result<(), RingotelError> {
        let params = json!({ "orgid": org, "numbers": [number], "tonumber": customer });
        self.rpc_write("removeFromOptout", params, Repeatable::Yes)
            .await
            .map(|_| ())
    }
}

/// Digits of a number as an answer may write it, '+', spaces, dashes and brackets dropped;
/// `None` when it is not 10 to 15 digits.
fn digits(value: &Value) -> Option<String> {
    let text: String = match value {
        Value::String(s) => s
            .chars()
            .filter(|c| !matches!(c, '+' | ' ' | '-' | '(' | ')'))
            .collect(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    ((10..=15).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}

/// Whether two numbers are the same as far as their last ten digits tell: an answer may write
/// the SMS number with or without its country code.
fn same_tail(a: &str, b: &str) -> bool {
    let tail = |s: &str| s.get(s.len().saturating_sub(10)..).unwrap_or(s).to_owned();
    tail(a) == tail(b)
}

/// [assumed] The list's entries for `number`, and whether the answer had the assumed shape
/// (`None` when an empty answer shows nothing): an array of `{tonumber, keyword?, number?}`
/// (`number` the SMS number, when given). Otherwise each customer number is searched for: in
/// strings, and in numbers only under a key that names a number (a 13-digit timestamp is no
/// customer), never under a key that names a time; the SMS number itself is left out.
pub fn read_list(answer: &Value, number: &str) -> (Vec<OptOutEntry>, Option<bool>) {
    let own = number.trim_start_matches('+');
    if let Value::Array(items) = answer {
        if items.is_empty() {
            return (Vec::new(), None);
        }
        if items
            .iter()
            .all(|i| i.get("tonumber").and_then(digits).is_some())
        {
            let entries = items
                .iter()
                .filter(|i| {
                    i.get("number")
                        .and_then(digits)
                        .is_none_or(|n| same_tail(&n, own))
                })
                .filter_map(|i| {
                    Some(OptOutEntry {
                        customer: i.get("tonumber").and_then(digits)?,
                        keyword: i.get("keyword").and_then(Value::as_str).map(str::to_owned),
                    })
                })
                .collect();
            return (dedup(entries), Some(true));
        }
    }
    let mut found = Vec::new();
    collect_numbers(answer, None, &mut found);
    let entries = found
        .into_iter()
        .filter(|n| !same_tail(n, own))
        .map(|customer| OptOutEntry {
            customer,
            keyword: None,
        })
        .collect();
    (dedup(entries), Some(false))
}

fn names_a_time(key: &str) -> bool {
    let key = key.to_lowercase();
    ["time", "date", "created", "updated", "modified"]
        .iter()
        .any(|t| key.contains(t))
        || key == "at"
        || key == "ts"
}

fn names_a_number(key: &str) -> bool {
    let key = key.to_lowercase();
    ["number", "phone", "to", "from", "customer", "msisdn"]
        .iter()
        .any(|n| key.contains(n))
}

fn collect_numbers(value: &Value, key: Option<&str>, into: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|i| collect_numbers(i, key, into)),
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !names_a_time(k))
            .for_each(|(k, v)| collect_numbers(v, Some(k), into)),
        Value::Number(_) if !key.is_some_and(names_a_number) => {}
        other => into.extend(digits(other)),
    }
}

fn dedup(entries: Vec<OptOutEntry>) -> Vec<OptOutEntry> {
    let mut seen = std::collections::HashSet::new();
    entries
        .into_iter()
        .filter(|e| seen.insert(e.customer.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_tonumber_are_read_as_assumed_and_others_searched() {
        let assumed = json!([
            {"number": "18584376048", "tonumber": "+16195550188", "keyword": "STOP"},
            {"number": "18584376050", "tonumber": "16195550199", "keyword": "STOP"},
            {"tonumber": 16195550177_u64}
        ]);
        let (entries, shape) = read_list(&assumed, "18584376048");
        assert_eq!(shape, Some(true));
        let customers: Vec<&str> = entries.iter().map(|e| e.customer.as_str()).collect();
        assert_eq!(customers, ["16195550188", "16195550177"]);
        assert_eq!(entries[0].keyword.as_deref(), Some("STOP"));

        let bare = json!({"18584376048": ["16195550188", "+1 619 555 0199"], "total": 2});
        let (entries, shape) = read_list(&bare, "18584376048");
        assert_eq!(shape, Some(false));
        let customers: Vec<&str> = entries.iter().map(|e| e.customer.as_str()).collect();
        assert_eq!(customers, ["16195550188", "16195550199"]);
        assert!(entries.iter().all(|e| e.keyword.is_none()));

        assert_eq!(read_list(&json!([]), "18584376048"), (Vec::new(), None));

        // One entry without tonumber: searched, but a timestamp is no customer, and the SMS
        // number written without its 1 is still the SMS number.
        let mixed = json!([
            {"number": "8584376048", "tonumber": "16195550188", "created": 1_704_000_000_000_u64},
            {"number": "8584376048", "phone": 7605550123_u64, "created": "1704000000000"}
        ]);
        let (entries, shape) = read_list(&mixed, "18584376048");
        assert_eq!(shape, Some(false));
        let customers: Vec<&str> = entries.iter().map(|e| e.customer.as_str()).collect();
        assert_eq!(customers, ["16195550188", "7605550123"]);
    }
}
