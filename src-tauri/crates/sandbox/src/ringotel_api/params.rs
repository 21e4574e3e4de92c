//! Reading JSON-RPC params the way the real service validates them, with its style of errors.

use serde_json::{Map, Value};

/// An error the simulated service reports inside its `{"error": ...}` envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpcError {
    pub message: String,
    pub code: i64,
}

impl RpcError {
    pub fn invalid(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: -32602,
        }
    }

    pub fn not_found(what: &str, id: &str) -> Self {
        Self {
            message: format!("{what} {id} not found"),
            code: 404,
        }
    }

    pub fn no_method(method: &str) -> Self {
        Self {
            message: format!("Method not found: {method}"),
            code: -32601,
        }
    }
}

pub type RpcResult = Result<Value, RpcError>;

/// A required string param; ids sent as numbers are accepted as the real API accepts them.
pub fn text<'a>(params: &'a Value, name: &str) -> Result<std::borrow::Cow<'a, str>, RpcError> {
    match params.get(name) {
        Some(Value::String(s)) if !s.is_empty() => Ok(std::borrow::Cow::Borrowed(s)),
        Some(Value::Number(n)) => Ok(std::borrow::Cow::Owned(n.to_string())),
        _ => Err(RpcError::invalid(format!(
            "Missing or invalid parameter: {name}"
        ))),
    }
}

pub fn object(params: &Value) -> Map<String, Value> {
    params.as_object().cloned().unwrap_or_default()
}

/// The JSON type a published field has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Object,
    Array,
    Bool,
    Integer,
    Text,
}

impl Shape {
    fn fits(self, value: &Value) -> bool {
        match self {
            Self::Object => value.is_object(),
            Self::Array => value.is_array(),
            Self::Bool => value.is_boolean(),
            Self::Integer => value.is_i64() || value.is_u64(),
            Self::Text => value.is_string(),
        }
    }
}

/// Refuses a field sent with another type than the published one, as a type-checking service
/// does ("Invalid optout"). A field left out is fine; `null` is refused unless the wire variant
/// accepts it.
pub fn expect_shape(
    params: &Value,
    name: &str,
    shape: Shape,
    wire: &crate::wire::WireVariant,
) -> Result<(), RpcError> {
    match params.get(name) {
        None => Ok(()),
        Some(Value::Null) if wire.nulls_accepted => Ok(()),
        Some(value) if shape.fits(value) => Ok(()),
        Some(_) => Err(RpcError::invalid(format!("Invalid {name}"))),
    }
}
