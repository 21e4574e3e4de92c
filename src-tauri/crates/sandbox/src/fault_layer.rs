//! The layer in front of both simulated services: logs each request, then serves the fault it
//! draws from the fault plan, if any, or passes it on to the service.

use crate::faults::{Fault, LoggedRequest, Service, TIME_OUT_HOLD};
use crate::state::Shared;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// The answer a fault gives instead of the service's; `None` when the service answers.
fn respond(fault: &Fault) -> Option<Response> {
    match fault {
        Fault::Status(code) => {
            let status = StatusCode::from_u16(*code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = json!({"error": {"message": format!("injected fault: HTTP {code}")}, "code": code});
            Some((status, axum::Json(body)).into_response())
        }
        Fault::TooManyRequests { retry_after_secs } => Some(
            (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, retry_after_secs.to_string())],
                axum::Json(json!({"error": {"message": "Too many requests"}, "code": 429})),
            )
                .into_response(),
        ),
        Fault::HtmlBadGateway => Some(
            (
                StatusCode::BAD_GATEWAY,
                [(header::CONTENT_TYPE, "text/html")],
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
            )
                .into_response(),
        ),
        Fault::ErrorIn200(message) => Some(axum::Json(json!({"error": {"message": message}})).into_response()),
        Fault::TimeOut => Some(StatusCode::GATEWAY_TIMEOUT.into_response()),
        Fault::ConnectionReset => Some(broken_connection()),
        Fault::Delay(_) | Fault::DropResponse => None,
    }
}

/// A response whose body fails before a byte is written: the server closes the connection
/// and the client sees it drop with no answer.
fn broken_connection() -> Response {
    let failing = futures_util::stream::once(async {
        Err::<axum::body::Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "injected fault: connection dropped",
        ))
    });
    Response::new(Body::from_stream(failing))
}

/// The request as the log keeps it: the JSON-RPC `method` and `params` on Ringotel's `/api`,
/// else the path (the JSON body and query keys beside it). The body is read and handed on
/// unchanged.
async fn logged(service: Service, request: Request) -> (Request, LoggedRequest) {
    let path = request.uri().path().to_owned();
    let query_keys = request.uri().query().map(url_keys).unwrap_or_default();
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, transport_limit())
        .await
        .unwrap_or_default();
    let json = serde_json::from_slice::<serde_json::Value>(&bytes).ok();
    let rpc = (service == Service::Ringotel && path == "/api")
        .then_some(())
        .and(json.as_ref());
    let (method, body) = match rpc {
        Some(rpc) => (
            rpc.get("method")
                .and_then(|m| m.as_str())
                .map_or_else(|| path.clone(), str::to_owned),
            rpc.get("params").cloned(),
        ),
        None => (path, json),
    };
    let entry = LoggedRequest {
        service,
        method,
        body,
        query_keys,
    };
    (Request::from_parts(parts, Body::from(bytes)), entry)
}

/// The names in a query string, decoded (`Account%20ID` is `Account ID`); never the values,
/// which for the integration form include a token.
fn url_keys(query: &str) -> Vec<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(key, _)| key.into_owned())
        .collect()
}

/// Request bodies are small; this only keeps a runaway client from exhausting memory.
fn transport_limit() -> usize {
    16 * 1024 * 1024
}

/// The middleware: logs the request, then serves its fault, if it draws one, or passes it on.
pub async fn serve_faults(
    State((shared, service)): State<(Shared, Service)>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let (request, entry) = logged(service, request).await;
    let method = entry.method.clone();
    let (fault, latency) = shared.with_faults(|plan| {
        plan.log(entry);
        (plan.take(service, &path, &method), plan.latency())
    });
    let delay = match &fault {
        Some(Fault::Delay(d)) => latency + *d,
        Some(Fault::TimeOut) => latency + TIME_OUT_HOLD,
        _ => latency,
    };
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    if shared.with_faults(|plan| plan.is_unreachable()) {
        return broken_connection();
    }
    match fault.as_ref() {
        Some(Fault::DropResponse) => {
            // The work is done; only the answer is lost.
            let _answered = next.run(request).await;
            broken_connection()
        }
        Some(other) => match respond(other) {
            Some(response) => response,
            None => next.run(request).await,
        },
        None => next.run(request).await,
    }
}
