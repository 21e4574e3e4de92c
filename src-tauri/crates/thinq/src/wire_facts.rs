//! What one answer of thinQ's DID list shows about the assumptions on its shape: read from the
//! JSON as it came, in field names and types only.

use crate::did_fields::{ASSUMED_ROUTING_FIELD, PROVISIONED_FIELD};
use domain::{AssumptionId, Fact};
use serde_json::Value;

/// The facts one search2 page shows; none about rows when it has none.
pub(crate) fn of_did_page(page: &Value, asked_rows: u32) -> Vec<Fact> {
    let mut facts = Vec::new();
    let size = page.get("rows_per_page").and_then(|n| match n {
        Value::String(s) => s.trim().parse().ok(),
        n => n.as_u64(),
    });
    if let Some(size) = size {
        let held = size == u64::from(asked_rows);
        facts.push(Fact::new(
            AssumptionId::DidPageSize,
            held,
            if held {
                "rows_per_page equals the rows asked"
            } else {
                "rows_per_page differs from the rows asked"
            },
        ));
    }
    let rows: Vec<&serde_json::Map<String, Value>> = page
        .get("rows")
        .and_then(Value::as_array)
        .map(|rows| rows.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default();
    if rows.is_empty() {
        return facts;
    }
    let any = |has: &dyn Fn(&serde_json::Map<String, Value>) -> bool| rows.iter().any(|r| has(r));
    let feature = |r: &serde_json::Map<String, Value>, name: &str| {
        r.get("features").and_then(|f| f.get(name)).is_some()
    };
    let sms = any(&|r| r.contains_key(PROVISIONED_FIELD) || feature(r, "sms"));
    facts.push(Fact::new(
        AssumptionId::DidSmsFlag,
        sms,
        if sms {
            "rows carry provisioned or features.sms"
        } else {
            "rows carry neither provisioned nor features.sms"
        },
    ));
    let routing = any(&|r| r.contains_key(ASSUMED_ROUTING_FIELD));
    facts.push(Fact::new(
        AssumptionId::DidRouting,
        routing,
        if routing {
            "rows carry sms_routing_profile_id"
        } else {
            "rows carry no sms_routing_profile_id"
        },
    ));
    let flags = any(&|r| feature(r, "cnam") && feature(r, "e911"));
    facts.push(Fact::new(
        AssumptionId::DidFeatureFlags,
        flags,
        if flags {
            "rows carry features.cnam and features.e911"
        } else {
            "rows carry no features.cnam / features.e911"
        },
    ));
    let nanp = rows.iter().all(|r| {
        let id = match r.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        id.len() == 11 && id.starts_with('1') && id.bytes().all(|b| b.is_ascii_digit())
    });
    facts.push(Fact::new(
        AssumptionId::DidsNorthAmerican,
        nanp,
        if nanp {
            "rows[].id are 11 digits starting with 1"
        } else {
            "rows[].id are not all 11 digits starting with 1"
        },
    ));
    let strings = rows
        .iter()
        .all(|r| matches!(r.get("id"), Some(Value::String(_))));
    facts.push(Fact::new(
        AssumptionId::DidIdType,
        strings,
        if strings {
            "rows[].id is a string"
        } else {
            "rows[].id is not always a string (a number)"
        },
    ));
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn verdicts(page: Value) -> Vec<(AssumptionId, bool)> {
        of_did_page(&page, 100)
            .into_iter()
            .map(|f| (f.assumption, f.held))
            .collect()
    }

    #[test]
    fn a_published_page_confirms_the_flag_and_contradicts_routing() {
        let page = json!({"total_rows": 1, "rows_per_page": 100, "has_next_page": false,
            "rows": [{"id": "18584376047", "provisioned": true}]});
        assert_eq!(
            verdicts(page),
            vec![
                (AssumptionId::DidPageSize, true),
                (AssumptionId::DidSmsFlag, true),
                (AssumptionId::DidRouting, false),
                (AssumptionId::DidFeatureFlags, false),
                (AssumptionId::DidsNorthAmerican, true),
                (AssumptionId::DidIdType, true),
            ]
        );
    }

    #[test]
    fn numeric_ids_and_a_page_size_of_its_own_are_seen() {
        let page = json!({"rows_per_page": 25, "rows": [{"id": 18584376047_u64,
            "features": {"sms": false, "cnam": true, "e911": false}, "sms_routing_profile_id": null}]});
        assert_eq!(
            verdicts(page),
            vec![
                (AssumptionId::DidPageSize, false),
                (AssumptionId::DidSmsFlag, true),
                (AssumptionId::DidRouting, true),
                (AssumptionId::DidFeatureFlags, true),
                (AssumptionId::DidsNorthAmerican, true),
                (AssumptionId::DidIdType, false),
            ]
        );
    }
}
