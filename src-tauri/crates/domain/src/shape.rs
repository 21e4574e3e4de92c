//! The shape of a JSON answer — its keys and JSON types, never its values — merged over every
//! answer a method gave, for the diagnostics report an admin can send.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A JSON type as the report names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JsonType {
    Null,
    Bool,
    Integer,
    Number,
    String,
    Array,
    Object,
}

/// Keys that could carry a value (an id, a number, a name) are not written as they are.
const OTHER_KEY: &str = "<other key>";
/// Deeper than this is cut off: no API answer here nests so far.
const MAX_DEPTH: usize = 12;
/// More keys than this in one object are counted under [`OTHER_KEY`].
const MAX_KEYS: usize = 200;
const MAX_KEY_LEN: usize = 32;

/// What was seen at one place in the answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shape {
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub types: BTreeSet<JsonType>,
    /// Each key of the objects seen here, with in how many of them it was present.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldShape>,
    /// How many objects were seen here (to tell a key that is always present).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub objects: u64,
    /// The elements of the arrays seen here, merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Shape>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldShape {
    pub present: u64,
    pub shape: Shape,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A key as it may be reported: a plain field name (`inboundFormat`, `sms2email`, `e911`).
/// Anything else could be a value — an id, a number, a token, text with spaces or symbols —
/// and is reported as [`OTHER_KEY`]: a name has at most three digits.
fn reportable_key(key: &str) -> &str {
    let plain = !key.is_empty()
        && key.len() <= MAX_KEY_LEN
        && key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && key.bytes().filter(u8::is_ascii_digit).count() <= 3;
    if plain { key } else { OTHER_KEY }
}

fn json_type(value: &Value) -> JsonType {
    match value {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Bool,
        Value::Number(n) if n.is_f64() => JsonType::Number,
        Value::Number(_) => JsonType::Integer,
        Value::String(_) => JsonType::String,
        Value::Array(_) => JsonType::Array,
        Value::Object(_) => JsonType::Object,
    }
}

impl Shape {
    /// The shape of one value.
    pub fn of(value: &Value) -> Self {
        let mut shape = Self::default();
        shape.add(value, 0);
        shape
    }

    /// Adds one more value seen at this place.
    pub fn add(&mut self, value: &Value, depth: usize) {
        self.types.insert(json_type(value));
        if depth >= MAX_DEPTH {
            return;
        }
        match value {
            Value::Object(map) => {
                self.objects += 1;
                for (key, inner) in map {
                    let key = if self.fields.len() >= MAX_KEYS && !self.fields.contains_key(key) {
                        OTHER_KEY
                    } else {
                        reportable_key(key)
                    };
                    // Thousands of rows share a handful of keys: allocate a key only once.
                    let field = match self.fields.get_mut(key) {
                        Some(field) => field,
                        None => self.fields.entry(key.to_owned()).or_default(),
                    };
                    field.present += 1;
                    field.shape.add(inner, depth + 1);
                }
            }
            Value::Array(items) => {
                let merged = self.items.get_or_insert_with(Box::default);
                for item in items {
                    merged.add(item, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// Merges what another record saw at the same place.
    pub fn merge(&mut self, other: &Shape) {
        self.types.extend(other.types.iter().copied());
        self.objects += other.objects;
        for (key, field) in &other.fields {
            let mine = self.fields.entry(key.clone()).or_default();
            mine.present += field.present;
            mine.shape.merge(&field.shape);
        }
        if let Some(items) = &other.items {
            self.items
                .get_or_insert_with(Box::default)
                .merge(items.as_ref());
        }
    }

    /// The shape as the report writes it: types, keys (marked when not always present) and
    /// array items; no counts.
    pub fn report(&self) -> Value {
        let mut out = serde_json::Map::new();
        let types: Vec<Value> = self
            .types
            .iter()
            .map(|t| serde_json::to_value(t).unwrap_or(Value::Null))
            .collect();
        out.insert("types".into(), Value::Array(types));
        if !self.fields.is_empty() {
            let fields = self
                .fields
                .iter()
                .map(|(key, field)| {
                    let mut inner = field.shape.report();
                    if field.present < self.objects
                        && let Value::Object(map) = &mut inner
                    {
                        map.insert("optional".into(), Value::Bool(true));
                    }
                    (key.clone(), inner)
                })
                .collect();
            out.insert("fields".into(), Value::Object(fields));
        }
        if let Some(items) = &self.items {
            out.insert("items".into(), items.report());
        }
        Value::Object(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_shape_keeps_keys_and_types_and_no_values() {
        let shape = Shape::of(&json!([
            {"id": "9223372036854775808", "name": "Harbor Dental", "n": 2, "x": null, "e911": true},
            {"id": 7, "name": "Other", "18584376047": true, "a3f9c2e1d4": 1, "sbx7f3c91e04b2a4d6f8e15": 2}
        ]));
        let text = shape.report().to_string();
        assert!(text.contains("e911"), "a field name with digits stays");
        for value in [
            "9223372036854775808",
            "Harbor",
            "Other",
            "18584376047",
            "a3f9c2e1d4",
            "sbx7f3",
        ] {
            assert!(!text.contains(value), "{value} leaked into {text}");
        }
        let items = shape.items.as_ref().unwrap();
        assert_eq!(
            items.fields["id"].shape.types,
            BTreeSet::from([JsonType::Integer, JsonType::String])
        );
        assert_eq!(items.fields["x"].present, 1);
        assert!(items.fields.contains_key(OTHER_KEY));
        assert_eq!(
            shape.report()["items"]["fields"]["x"]["optional"],
            json!(true)
        );
    }

    #[test]
    fn merging_two_records_is_seeing_both_answers() {
        let (a, b) = (
            json!({"rows": [{"id": "1"}]}),
            json!({"rows": [{"id": 2}], "more": 1}),
        );
        let mut merged = Shape::of(&a);
        merged.merge(&Shape::of(&b));
        let mut both = Shape::of(&a);
        both.add(&b, 0);
        assert_eq!(merged, both);
    }
}
