//! The decoding funnel for thinQ answers: success bodies as JSON, failures from thinQ's
//! `{code, message, description}` shape or from whatever plain body came instead.

use crate::error::ThinqError;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// [`decode`] of a whole reply, with the server's `Retry-After` kept on an HTTP error.
pub fn decode_reply<T: DeserializeOwned>(
    account_id: &str,
    reply: &transport::Reply,
) -> Result<T, ThinqError> {
    decode(account_id, reply.status, &reply.body).map_err(|error| match error {
        ThinqError::Http {
            status, message, ..
        } => ThinqError::Http {
            status,
            message,
            retry_after: reply.retry_after,
        },
        other => other,
    })
}

/// Decodes one answer. `account_id` is the one in the request path, named in 403/404 errors.
pub fn decode<T: DeserializeOwned>(
    account_id: &str,
    status: u16,
    body: &[u8],
) -> Result<T, ThinqError> {
    if !(200..300).contains(&status) {
        return Err(failure(account_id, status, body));
    }
    serde_json::from_slice(body).map_err(|e| ThinqError::Malformed {
        detail: if serde_json::from_slice::<Value>(body).is_ok() {
            e.to_string()
        } else {
            format!("expected JSON, got \"{}\"", transport::excerpt(body))
        },
    })
}

fn failure(account_id: &str, status: u16, body: &[u8]) -> ThinqError {
    let message = message_of(body);
    match status {
        401 => ThinqError::Unauthorized { message },
        403 | 404 => ThinqError::AccountRefused {
            account_id: account_id.to_owned(),
            status,
            message,
        },
        _ => ThinqError::Http {
            status,
            message,
            retry_after: None,
        },
    }
}

/// `message` and `description` joined when both say something, else the raw body's excerpt.
fn message_of(body: &[u8]) -> Option<String> {
    let from_json = serde_json::from_slice::<Value>(body).ok().and_then(|json| {
        let field = |key: &str| {
            json.get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        match (field("message"), field("description")) {
            (Some(m), Some(d)) if m != d => Some(format!("{m} — {d}")),
            (Some(m), _) => Some(m.to_owned()),
            (None, Some(d)) => Some(d.to_owned()),
            (None, None) => None,
        }
    });
    from_json.or_else(|| Some(transport::excerpt(body)).filter(|s| !s.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct Balance {
        balance: f64,
    }

    #[test]
    fn a_json_success_decodes() {
        let b: Balance = decode("1", 200, br#"{"balance": 12.5}"#).unwrap();
        assert_eq!(b.balance, 12.5);
    }

    #[test]
    fn a_401_carries_thinqs_message_and_description() {
        let e = decode::<Balance>(
            "1",
            401,
            br#"{"code":401,"message":"Unauthorized","description":"Invalid token"}"#,
        )
        .unwrap_err();
        assert_eq!(
            e,
            ThinqError::Unauthorized {
                message: Some("Unauthorized — Invalid token".into())
            }
        );
    }

    #[test]
    fn a_403_or_404_points_at_the_account_id() {
        let e = decode::<Balance>("harbor-sms", 404, b"Not Found").unwrap_err();
        assert_eq!(
            e,
            ThinqError::AccountRefused {
                account_id: "harbor-sms".into(),
                status: 404,
                message: Some("Not Found".into())
            }
        );
    }

    #[test]
    fn a_plain_or_html_error_body_becomes_a_short_excerpt() {
        let e =
            decode::<Balance>("1", 503, b"<html><h1>Service Unavailable</h1></html>").unwrap_err();
        assert!(e.is_transient());
        assert_eq!(e.server_message(), Some("Service Unavailable"));
        let empty = decode::<Balance>("1", 500, b"").unwrap_err();
        assert_eq!(
            empty,
            ThinqError::Http {
                status: 500,
                message: None,
                retry_after: None,
            }
        );
    }

    #[test]
    fn a_success_that_is_not_json_or_has_the_wrong_shape_is_malformed() {
        assert!(matches!(
            decode::<Balance>("1", 200, b"<html>ok</html>"),
            Err(ThinqError::Malformed { .. })
        ));
        assert!(matches!(
            decode::<Balance>("1", 200, br#"{"total":1}"#),
            Err(ThinqError::Malformed { .. })
        ));
    }
}
