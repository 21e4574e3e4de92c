//! Rules every request body to either service obeys, applied in each client's one funnel.

use serde_json::Value;

/// The body with every `null` left out, at any depth. No published example of either service
/// sends `null` where the app might (a type-checking service answers "Invalid optout" to
/// `"optout": null`): a value the app does not have is left out, never sent as `null`.
pub fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .filter(|v| !v.is_null())
                .map(without_nulls)
                .collect(),
        ),
        other => other,
    }
}

/// Whether a body holds a `null` anywhere (for tests and contract checks).
pub fn has_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(map) => map.values().any(has_null),
        Value::Array(items) => items.iter().any(has_null),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nulls_are_left_out_at_every_depth() {
        let body = json!({"a": null, "b": {"c": null, "d": 1}, "e": [null, {"f": null}]});
        let clean = without_nulls(body);
        assert_eq!(clean, json!({"b": {"d": 1}, "e": [{}]}));
        assert!(!has_null(&clean));
    }
}
