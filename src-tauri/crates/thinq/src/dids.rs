//! The account's DIDs, a page at a time, with each DID's SMS feature as far as it can be read.

use crate::client::ThinqClient;
use crate::error::ThinqError;
use serde::Deserialize;
use serde_json::Value;

/// One page of `GET /origination/did/search2/did/{account_id}`.
#[derive(Debug, Clone, Deserialize)]
pub struct DidPage {
    #[serde(default)]
    pub total_rows: u64,
    #[serde(default)]
    pub has_next_page: bool,
    #[serde(default)]
    pub rows: Vec<DidRow>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DidRow {
    /// 11-digit NANP number; sent as a string or a number.
    #[serde(deserialize_with = "id_text")]
    pub id: String,
    #[serde(flatten)]
    pub rest: serde_json::Map<String, Value>,
}

impl DidRow {
    /// [assumed] Where a DID's SMS flag lives is not documented: feature orders use
    /// `features.sms`, and the one client that reads it uses `provisioned`. Both are tried
    /// here, and only here; `None` means the answer did not say.
    pub fn sms_enabled(&self) -> Option<bool> {
        self.rest
            .get("features")
            .and_then(|f| f.get("sms"))
            .and_then(Value::as_bool)
            .or_else(|| self.rest.get("provisioned").and_then(Value::as_bool))
    }
}

/// thinQ ids (DIDs, orders, profiles) come as strings or as numbers; kept as text.
pub(crate) fn id_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::String(s) => Ok(s),
        Value::Number(n) if !n.is_f64() => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!(
            "an id must be digits, found {other}"
        ))),
    }
}

/// [code] The most DIDs thinQ hands out in one page.
pub const MAX_PAGE_ROWS: u32 = 100;

impl ThinqClient {
    /// Every DID of the account: the first page says how many there are, then the other pages
    /// are read `concurrency` at a time (`rows` a page, at most [`MAX_PAGE_ROWS`]). `on_page`
    /// hears the count read so far and the total after each page.
    pub async fn all_dids(
        &self,
        rows: u32,
        concurrency: usize,
        mut on_page: impl FnMut(usize, u64),
    ) -> Result<Vec<DidRow>, ThinqError> {
        use futures_util::{StreamExt, TryStreamExt};
        let rows = rows.clamp(1, MAX_PAGE_ROWS);
        let first = self.search_dids(1, rows).await?;
        let total = first.total_rows;
        let mut all = first.rows;
        on_page(all.len(), total);
        if !first.has_next_page {
            return Ok(all);
        }
        let pages = u32::try_from(total.div_ceil(u64::from(rows))).unwrap_or(u32::MAX);
        let mut rest = futures_util::stream::iter(2..=pages)
            .map(|page| self.search_dids(page, rows))
            .buffered(concurrency.max(1));
        while let Some(page) = rest.try_next().await? {
            all.extend(page.rows);
            on_page(all.len(), total);
        }
        Ok(all)
    }

    /// One page (1-based) of the account's DIDs.
    pub async fn search_dids(&self, page: u32, rows: u32) -> Result<DidPage, ThinqError> {
        let path = format!("/origination/did/search2/did/{}", self.account_id());
        self.get(
            &path,
            &[("page", page.to_string()), ("rows", rows.to_string())],
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sms_flag_is_read_from_features_or_provisioned() {
        let a: DidRow =
            serde_json::from_str(r#"{"id":"18584376047","features":{"sms":true}}"#).unwrap();
        assert_eq!(a.sms_enabled(), Some(true));
        let b: DidRow = serde_json::from_str(r#"{"id":18584376047,"provisioned":false}"#).unwrap();
        assert_eq!(
            (b.id.as_str(), b.sms_enabled()),
            ("18584376047", Some(false))
        );
        let c: DidRow = serde_json::from_str(r#"{"id":"18584376047"}"#).unwrap();
        assert_eq!(c.sms_enabled(), None);
    }
}
