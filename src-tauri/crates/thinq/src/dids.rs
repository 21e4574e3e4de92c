//! The account's DIDs, a page at a time, with what each row reports about the DID: its SMS
//! flag, its other features and its routing profile — each only as far as thinQ says it.

use crate::client::{Call, ThinqClient};
use crate::did_fields::{ASSUMED_ROUTING_FIELD, PROVISIONED_FIELD};
use crate::error::ThinqError;
use crate::wire_facts;
use domain::DidId;
use serde::Deserialize;
use serde_json::Value;

/// One page of `GET /origination/did/search2/did/{account_id}`. Its counts are read leniently
/// (a number, or a numeric string, as thinQ sends numbers elsewhere); one that reads as
/// neither counts as not said.
#[derive(Debug, Clone, Deserialize)]
pub struct DidPage {
    #[serde(default, deserialize_with = "lenient_count")]
    pub total_rows: Option<u64>,
    /// How many rows thinQ put in a page, whatever was asked (`AssumptionId::DidPageSize`).
    #[serde(default, deserialize_with = "lenient_count")]
    pub rows_per_page: Option<u64>,
    #[serde(default, deserialize_with = "lenient_flag")]
    pub has_next_page: bool,
    #[serde(default)]
    pub rows: Vec<DidRow>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DidRow {
    /// 11-digit NANP number; sent as a string or a number (`AssumptionId::DidIdType`).
    #[serde(deserialize_with = "did_id")]
    pub id: DidId,
    #[serde(flatten)]
    pub rest: serde_json::Map<String, Value>,
}

impl DidRow {
    fn feature(&self, name: &str) -> Option<bool> {
        self.rest
            .get("features")
            .and_then(|f| f.get(name))
            .and_then(Value::as_bool)
    }

    /// [assumed] Whether SMS is on: `features.sms` as orders name it, else `provisioned` as the
    /// one public client reads it; `None` when the row says neither (`AssumptionId::DidSmsFlag`).
    pub fn sms_enabled(&self) -> Option<bool> {
        self.feature("sms")
            .or_else(|| self.rest.get(PROVISIONED_FIELD).and_then(Value::as_bool))
    }

    /// A feature other than SMS (`cnam`, `e911`) when the row reports it
    /// (`AssumptionId::DidFeatureFlags`).
    pub fn other_feature(&self, name: &str) -> Option<bool> {
        self.feature(name)
    }

    /// The SMS routing profile the DID is on: `None` when the row does not say (the field is
    /// unpublished: `AssumptionId::DidRouting`), `Some(None)` when it says none.
    pub fn routing_profile(&self) -> Option<Option<u64>> {
        match self.rest.get(ASSUMED_ROUTING_FIELD)? {
            Value::Null => Some(None),
            Value::Number(n) => n.as_u64().map(Some),
            Value::String(s) if s.is_empty() => Some(None),
            Value::String(s) => s.parse().ok().map(Some),
            _ => None,
        }
    }
}

fn lenient_count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

fn lenient_flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => b,
        Value::Number(n) => n.as_u64().is_some_and(|n| n != 0),
        Value::String(s) => matches!(s.trim(), "true" | "1"),
        _ => false,
    })
}

/// thinQ ids (DIDs, orders, profiles) come as strings or as numbers; kept as text.
/// A DID's id, sent as a string or a number, as this app's [`DidId`].
fn did_id<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<DidId, D::Error> {
    DidId::parse(&id_text(deserializer)?).map_err(serde::de::Error::custom)
}

pub(crate) fn id_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::String(s) => Ok(s),
        Value::Number(n) if !n.is_f64() => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!(
            "an id must be digits, found {}",
            match other {
                Value::Null => "null",
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a fraction",
                Value::Array(_) => "a list",
                Value::Object(_) => "an object",
                Value::String(_) => "text",
            }
        ))),
    }
}

/// [code] The most DIDs thinQ hands out in one page.
pub const MAX_PAGE_ROWS: u32 = 100;

/// The most pages read when thinQ reports no total and keeps saying there is a next page.
const MAX_PAGES: u32 = 100_000;

const SEARCH: &str = "GET /origination/did/search2/did/{account_id}";

impl ThinqClient {
    /// Every DID of the account, in one list; `on_page` hears the count read so far and the
    /// total (see [`ThinqClient::read_did_pages`]).
    pub async fn all_dids(
        &self,
        rows: u32,
        concurrency: usize,
        mut on_page: impl FnMut(usize, u64),
    ) -> Result<Vec<DidRow>, ThinqError> {
        let mut all = Vec::new();
        self.read_did_pages(rows, concurrency, |page, total| {
            all.extend(page);
            on_page(all.len(), total.max(all.len() as u64));
        })
        .await?;
        Ok(all)
    }

    /// Every DID of the account, handed to `on_page` a page at a time, in order, with the total
    /// thinQ reported (0 when it did not; past it, the count read so far). The first page says how many there are and how many
    /// rows thinQ puts in a page (which may not be the `rows` asked); the other pages are then
    /// read `concurrency` at a time, and `on_page` works on each while the next are on their way.
    pub async fn read_did_pages(
        &self,
        rows: u32,
        concurrency: usize,
        mut on_page: impl FnMut(Vec<DidRow>, u64),
    ) -> Result<(), ThinqError> {
        use futures_util::{StreamExt, TryStreamExt};
        let rows = rows.clamp(1, MAX_PAGE_ROWS);
        let first = self.search_dids(1, rows).await?;
        let total = first.total_rows.unwrap_or(0);
        let size = first
            .rows_per_page
            .filter(|n| *n > 0)
            .unwrap_or_else(|| first.rows.len().max(1) as u64);
        let mut has_next = first.has_next_page;
        let mut count = first.rows.len();
        on_page(first.rows, total);
        let mut read = 1;
        if has_next && total > 0 {
            let pages = u32::try_from(total.div_ceil(size)).unwrap_or(MAX_PAGES);
            // A call starts as soon as any other ends, not when the oldest does: one slow page
            // holds back only its own place in the order, not the calls behind it.
            let mut rest = futures_util::stream::iter(2..=pages.min(MAX_PAGES))
                .map(|page| async move {
                    Ok::<_, ThinqError>((page, self.search_dids(page, rows).await?))
                })
                .buffer_unordered(concurrency.max(1));
            let mut waiting = std::collections::BTreeMap::new();
            while let Some((number, page)) = rest.try_next().await? {
                waiting.insert(number, page);
                // Handed over in order: each page once those before it are.
                while let Some(page) = waiting.remove(&(read + 1)) {
                    has_next = page.has_next_page;
                    count += page.rows.len();
                    read += 1;
                    on_page(page.rows, total);
                }
            }
        }
        // No total, or more pages than the total said: follow has_next_page one by one.
        while has_next && read < MAX_PAGES {
            read += 1;
            let page = self.search_dids(read, rows).await?;
            has_next = page.has_next_page && !page.rows.is_empty();
            count += page.rows.len();
            on_page(page.rows, total.max(count as u64));
        }
        Ok(())
    }

    /// One page (1-based) of the account's DIDs, asking for `rows` rows.
    pub async fn search_dids(&self, page: u32, rows: u32) -> Result<DidPage, ThinqError> {
        let call = Call::get(
            SEARCH,
            format!("/origination/did/search2/did/{}", self.account_id()),
        );
        let answer = self
            .get_value(
                &call,
                &[("page", page.to_string()), ("rows", rows.to_string())],
            )
            .await?;
        for fact in wire_facts::of_did_page(&answer, rows) {
            self.observed().fact(fact);
        }
        crate::client::typed(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(json: &str) -> DidRow {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn the_sms_flag_is_read_from_features_or_provisioned() {
        let a = row(r#"{"id":"18584376047","features":{"sms":true}}"#);
        assert_eq!(a.sms_enabled(), Some(true));
        let b = row(r#"{"id":18584376047,"provisioned":false}"#);
        assert_eq!(
            (b.id.as_str(), b.sms_enabled()),
            ("18584376047", Some(false))
        );
        assert_eq!(row(r#"{"id":"18584376047"}"#).sms_enabled(), None);
    }

    #[test]
    fn page_counts_sent_as_text_still_read() {
        let page: DidPage = serde_json::from_str(
            r#"{"total_rows":"240","rows_per_page":"100","has_next_page":"true","rows":[]}"#,
        )
        .unwrap();
        assert_eq!(
            (page.total_rows, page.rows_per_page, page.has_next_page),
            (Some(240), Some(100), true)
        );
        let odd: DidPage = serde_json::from_str(r#"{"rows_per_page":{"n":1}}"#).unwrap();
        assert_eq!(odd.rows_per_page, None);
    }

    #[test]
    fn a_routing_profile_is_known_only_where_the_row_says() {
        assert_eq!(row(r#"{"id":"1"}"#).routing_profile(), None);
        assert_eq!(
            row(r#"{"id":"1","sms_routing_profile_id":null}"#).routing_profile(),
            Some(None)
        );
        assert_eq!(
            row(r#"{"id":"1","sms_routing_profile_id":"7001"}"#).routing_profile(),
            Some(Some(7001))
        );
        assert_eq!(
            row(r#"{"id":"1","features":{"cnam":true}}"#).other_feature("e911"),
            None
        );
    }
}
