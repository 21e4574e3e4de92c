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
