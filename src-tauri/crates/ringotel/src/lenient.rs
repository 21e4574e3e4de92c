//! Field decoders that accept the loose types seen in Ringotel's published examples
//! (numbers sent as strings and back), so one odd field never sinks a whole list.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// An integer that may arrive as a number, a numeric string, or not at all.
pub fn int<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(deserializer)? {
        Some(Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(Value::String(s)) => s.trim().parse().ok(),
        Some(Value::Bool(b)) => Some(i64::from(b)),
        _ => None,
    })
}

/// Text that may arrive as a string, a number, or null (extensions, countries).
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(match Option::<Value>::deserialize(deserializer)? {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    })
}

/// A list that may be missing or null.
pub fn list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Loose {
        #[serde(default, deserialize_with = "super::int")]
        n: Option<i64>,
        #[serde(default, deserialize_with = "super::text")]
        t: String,
    }

    #[test]
    fn numbers_as_strings_and_strings_as_numbers_are_both_read() {
        let a: Loose = serde_json::from_str(r#"{"n":"2","t":101}"#).unwrap();
        assert_eq!((a.n, a.t.as_str()), (Some(2), "101"));
        let b: Loose = serde_json::from_str(r#"{"n":2,"t":"101"}"#).unwrap();
        assert_eq!((b.n, b.t.as_str()), (Some(2), "101"));
    }

    #[test]
    fn missing_null_and_nonsense_values_become_absent() {
        let c: Loose = serde_json::from_str(r#"{"n":null,"t":null}"#).unwrap();
        assert_eq!((c.n, c.t.as_str()), (None, ""));
        let d: Loose = serde_json::from_str(r#"{"n":"two"}"#).unwrap();
        assert_eq!(d.n, None);
    }
}
