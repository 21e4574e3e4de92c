//! DIDs: paged search, and feature orders (create, then complete) that switch SMS on or off.
//! A search row carries what the published sources show (`id`, and `provisioned` as the one
//! public client reads it); each DID's features and routing profile only under the
//! `did-details` switch. An order line changes what it names and leaves the rest.

use super::answers::{ApiResult, authorize, authorize_mut, bad_request, error};
use crate::state::Shared;
use crate::wire::{FIXED_PAGE_ROWS, WireVariant};
use crate::world::{Did, FeatureOrder, OrderedLine};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::{Value, json};

/// thinQ's page size when none is asked for, and the most it hands out at once.
const DEFAULT_ROWS: usize = 10;
const MAX_ROWS: usize = 100;

#[derive(Deserialize)]
pub struct Paging {
    page: Option<usize>,
    rows: Option<usize>,
}

fn did_row(did: &Did, wire: &WireVariant) -> Value {
    let id = match did.id.parse::<u64>() {
        Ok(n) if wire.did_ids_numbers => json!(n),
        _ => json!(did.id),
    };
    if wire.did_details {
        json!({
            "id": id,
            "provisioned": did.sms,
            "features": {"sms": did.sms, "cnam": did.cnam, "e911": did.e911},
            "sms_routing_profile_id": did.routing_profile_id,
        })
    } else {
        json!({"id": id, "provisioned": did.sms})
    }
}

pub async fn search(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(account_id): Path<String>,
    Query(paging): Query<Paging>,
) -> ApiResult {
    let wire = shared.wire();
    shared.with_world(|world| {
        let account = authorize(world, &headers, &account_id)?;
        let rows = if wire.page_size_fixed {
            FIXED_PAGE_ROWS
        } else {
            paging.rows.unwrap_or(DEFAULT_ROWS).clamp(1, MAX_ROWS)
        };
        let page = paging.page.unwrap_or(1).max(1);
        let start = (page - 1).saturating_mul(rows);
        let slice: Vec<Value> = account
            .dids
            .iter()
            .skip(start)
            .take(rows)
            .map(|d| did_row(d, &wire))
            .collect();
        Ok(Json(json!({
            "total_rows": account.dids.len(),
            "rows_per_page": rows,
            "page": page,
            "has_next_page": start + rows < account.dids.len(),
            "rows": slice,
        }))
        .into_response())
    })
}

#[derive(Deserialize)]
struct OrderLine {
    did: Value,
    /// Left out: the DID keeps its profile. `null`: detached. An id: attached.
    #[serde(default, deserialize_with = "crate::world::thinq::named")]
    sms_routing_profile_id: Option<Option<u64>>,
    #[serde(default)]
    features: LineFeatures,
}

/// The features a line names; those it leaves out stay as they are.
#[derive(Deserialize, Default)]
struct LineFeatures {
    cnam: Option<bool>,
    e911: Option<bool>,
    sms: Option<bool>,
}

#[derive(Deserialize)]
struct OrderBody {
    order: OrderTns,
}

#[derive(Deserialize)]
struct OrderTns {
    tns: Vec<OrderLine>,
}

pub async fn create_order(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(account_id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult {
    let Ok(OrderBody { order }) = serde_json::from_slice::<OrderBody>(&body) else {
        return Err(bad_request("Expected {\"order\":{\"tns\":[...]}}"));
    };
    shared.change_world(|world| {
        let account = authorize_mut(world, &headers, &account_id)?;
        let mut lines = Vec::with_capacity(order.tns.len());
        for line in order.tns {
            let did = match &line.did {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return Err(bad_request("did must be a number")),
            };
            if !account.dids.iter().any(|d| d.id == did) {
                return Err(bad_request(format!("DID {did} is not on this account")));
            }
            if let Some(Some(profile)) = line.sms_routing_profile_id
                && !account.routing_profiles.iter().any(|p| p.id == profile)
            {
                return Err(bad_request(format!("No SMS routing profile {profile}")));
            }
            lines.push(OrderedLine {
                id: did,
                sms: line.features.sms,
                cnam: line.features.cnam,
                e911: line.features.e911,
                routing_profile_id: line.sms_routing_profile_id,
            });
        }
        let id = 500_000 + account.orders.len() as u64 + 1;
        account.orders.push(FeatureOrder {
            id,
            lines,
            completed: false,
        });
        Ok(Json(json!({"order": {"id": id, "status": "created"}})).into_response())
    })
}

/// Completing applies the order as written: what each line names replaces the DID's (and,
/// under the `order-replaces` switch, what it leaves out is reset).
pub async fn complete_order(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path((account_id, order_id)): Path<(String, u64)>,
) -> ApiResult {
    let resets = shared.wire().order_replaces;
    shared.change_world(|world| {
        let account = authorize_mut(world, &headers, &account_id)?;
        let Some(order) = account
            .orders
            .iter_mut()
            .find(|o| o.id == order_id && !o.completed)
        else {
            return Err(error(
                StatusCode::NOT_FOUND,
                "Not Found",
                "No open order with that id",
            ));
        };
        order.completed = true;
        let lines = order.lines.clone();
        for line in lines {
            if let Some(did) = account.dids.iter_mut().find(|d| d.id == line.id) {
                line.apply(did, resets);
            }
        }
        Ok(Json(json!({"order": {"id": order_id, "status": "completed"}})).into_response())
    })
}
