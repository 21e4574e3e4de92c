//! The single decoding funnel for Ringotel answers: status, body, `result` / `error`, and the
//! ways real deployments stray from the documented shape.

use crate::error::RingotelError;
use serde_json::Value;

/// What a successful call carried: a `result`, or nothing (empty body, `{}`, `"result": null`).
pub type Outcome = Option<Value>;

/// [`decode`] of a whole reply, with the server's `Retry-After` kept on an HTTP error.
pub fn decode_reply(method: &str, reply: &transport::Reply) -> Result<Outcome, RingotelError> {
    decode(method, reply.status, &reply.body).map_err(|error| match error {
        RingotelError::Http {
            method,
            status,
            message,
            ..
        } => RingotelError::Http {
            method,
            status,
            message,
            retry_after: reply.retry_after,
        },
        other => other,
    })
}

/// Turns one HTTP answer into the call's outcome or a typed error. Pure, so every case is
/// unit-tested without a server.
pub fn decode(method: &str, status: u16, body: &[u8]) -> Result<Outcome, RingotelError> {
    let json = parse_json(body);
    let server_message = json.as_ref().and_then(error_message);
    match status {
        200..=299 => {}
        401 => {
            return Err(RingotelError::Unauthorized {
                method: method.into(),
                message: server_message,
            });
        }
        403 => {
            return Err(RingotelError::Forbidden {
                method: method.into(),
                message: server_message,
            });
        }
        _ => {
            let message = server_message.or_else(|| non_empty(transport::excerpt(body)));
            return Err(RingotelError::Http {
                method: method.into(),
                status,
                message,
                retry_after: None,
            });
        }
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let Some(json) = json else {
        return Err(RingotelError::Malformed {
            method: method.into(),
            detail: format!("expected JSON, got \"{}\"", transport::excerpt(body)),
        });
    };
    let Value::Object(mut envelope) = json else {
        return Err(RingotelError::Malformed {
            method: method.into(),
            detail: "expected a JSON object with `result` or `error`".into(),
        });
    };
    // Errors often arrive with HTTP 200: the body decides, not the status.
    if let Some(error) = envelope.get("error").filter(|e| !e.is_null()) {
        return Err(error_in_body(method, error));
    }
    match envelope.remove("result") {
        Some(Value::Null) | None => Ok(None),
        Some(result) => Ok(Some(result)),
    }
}

/// An `{"error": ...}` that came with a success status. A 401 or 403 code inside it means what
/// the HTTP status would have meant (deployments answer a bad key either way), so the admin is
/// sent to the API key field in both cases.
fn error_in_body(method: &str, error: &Value) -> RingotelError {
    let code = error.get("code").and_then(scalar_text);
    let message = error_text(error);
    match code.as_deref() {
        Some("401") => RingotelError::Unauthorized {
            method: method.into(),
            message: Some(message),
        },
        Some("403") => RingotelError::Forbidden {
            method: method.into(),
            message: Some(message),
        },
        _ => RingotelError::Remote {
            method: method.into(),
            code,
            message,
        },
    }
}

fn parse_json(body: &[u8]) -> Option<Value> {
    serde_json::from_slice(body).ok()
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// The message of an `{"error": ...}` envelope, if the body is one.
fn error_message(json: &Value) -> Option<String> {
    json.get("error").filter(|e| !e.is_null()).map(error_text)
}

/// `error` is documented as `{message, code?}`; a bare string has been seen from proxies.
fn error_text(error: &Value) -> String {
    match error {
        Value::String(s) => s.clone(),
        other => other
            .get("message")
            .and_then(scalar_text)
            .unwrap_or_else(|| "the server reported an error without a message".into()),
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok(body: &str) -> Outcome {
        decode("getOrganizations", 200, body.as_bytes()).unwrap()
    }

    fn err(status: u16, body: &str) -> RingotelError {
        decode("getOrganizations", status, body.as_bytes()).unwrap_err()
    }

    #[test]
    fn a_result_is_handed_back_as_is() {
        assert_eq!(ok(r#"{"result":[{"id":"1"}]}"#), Some(json!([{"id": "1"}])));
    }

    #[test]
    fn an_empty_body_an_empty_object_and_a_null_result_all_mean_done() {
        assert_eq!(ok(""), None);
        assert_eq!(ok("  \n"), None);
        assert_eq!(ok("{}"), None);
        assert_eq!(ok(r#"{"result":null}"#), None);
    }

    #[test]
    fn an_error_inside_http_200_is_still_an_error() {
        let e = err(
            200,
            r#"{"error":{"message":"Organization not found","code":-32602}}"#,
        );
        assert_eq!(
            e,
            RingotelError::Remote {
                method: "getOrganizations".into(),
                code: Some("-32602".into()),
                message: "Organization not found".into(),
            }
        );
    }

    #[test]
    fn an_error_given_as_a_bare_string_keeps_its_text() {
        let e = err(200, r#"{"error":"bad params"}"#);
        assert!(matches!(e, RingotelError::Remote { ref message, .. } if message == "bad params"));
    }

    #[test]
    fn a_401_means_the_key_is_bad_and_carries_the_servers_words() {
        let e = err(401, r#"{"error":{"message":"Token expired"}}"#);
        assert!(e.is_auth());
        assert!(e.to_string().contains("Token expired"), "{e}");
    }

    #[test]
    fn a_403_names_the_method_the_key_may_not_call() {
        let e = err(403, "");
        assert!(matches!(e, RingotelError::Forbidden { .. }));
        assert!(e.to_string().contains("getOrganizations"));
    }

    #[test]
    fn a_401_or_403_inside_http_200_is_the_same_error_as_the_http_status() {
        let refused =
            r#"{"error":{"message":"Unauthorized: invalid or expired API key","code":401}}"#;
        assert_eq!(err(200, refused), err(401, refused));
        assert!(err(200, refused).is_auth());
        let forbidden = r#"{"error":{"message":"Forbidden","code":"403"}}"#;
        assert_eq!(err(200, forbidden), err(403, forbidden));
        assert!(matches!(
            err(
                200,
                r#"{"error":{"message":"Organization 1 not found","code":404}}"#
            ),
            RingotelError::Remote { .. }
        ));
    }

    #[test]
    fn an_html_502_from_a_proxy_is_a_transient_http_error_with_a_readable_excerpt() {
        let e = err(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assert!(e.is_transient());
        assert_eq!(
            e,
            RingotelError::Http {
                method: "getOrganizations".into(),
                status: 502,
                message: Some("502 Bad Gateway".into()),
                retry_after: None,
            }
        );
    }

    #[test]
    fn a_429_is_transient_and_a_400_is_not() {
        assert!(err(429, "").is_transient());
        assert!(!err(400, r#"{"error":{"message":"nope"}}"#).is_transient());
    }

    #[test]
    fn html_or_text_with_http_200_is_malformed_not_a_crash() {
        let e = err(200, "<html>maintenance</html>");
        assert!(
            matches!(e, RingotelError::Malformed { ref detail, .. } if detail.contains("maintenance"))
        );
        assert!(matches!(err(200, "[1,2]"), RingotelError::Malformed { .. }));
        assert!(matches!(
            err(200, "{\"result\":"),
            RingotelError::Malformed { .. }
        ));
    }
}
