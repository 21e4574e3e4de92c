//! Server base URLs and webhook URLs, accepted only in forms that are safe to send to and paste.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::net::IpAddr;
use thiserror::Error;
use url::{Host, Url};

/// Longer than any real endpoint; keeps a pasted page of text out of the database.
const MAX_URL_LEN: usize = 2048;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UrlProblem {
    #[error("is empty")]
    Empty,
    #[error("is longer than {MAX_URL_LEN} characters")]
    TooLong,
    #[error("contains spaces")]
    Whitespace,
    #[error("contains non-ASCII characters; paste the address exactly as the portal shows it")]
    NonAscii,
    #[error("is not a web address ({0})")]
    Unparsable(String),
    #[error("must start with https:// (found {0}://)")]
    NotHttps(String),
    #[error("must not contain a user name or password")]
    HasCredentials,
    #[error("must name a server")]
    NoHost,
    #[error("must not contain a query (?...) or fragment (#...)")]
    HasQueryOrFragment,
}

fn parse_common(raw: &str) -> Result<Url, UrlProblem> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(UrlProblem::Empty);
    }
    if trimmed.len() > MAX_URL_LEN {
        return Err(UrlProblem::TooLong);
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(UrlProblem::Whitespace);
    }
    if !trimmed.is_ascii() {
        return Err(UrlProblem::NonAscii);
    }
    let url = Url::parse(trimmed).map_err(|e| UrlProblem::Unparsable(e.to_string()))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::HasCredentials);
    }
    Ok(url)
}

/// Checked after the scheme, so `javascript:...` is refused for its scheme, the clearer reason.
fn require_host(url: Url) -> Result<Url, UrlProblem> {
    match url.host() {
        Some(_) => Ok(url),
        None => Err(UrlProblem::NoHost),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

/// Where a service's API lives. HTTPS everywhere except loopback, which only the built-in
/// sandbox and tests use: certificates are never skipped, so plain HTTP could only leak keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(Url);

impl BaseUrl {
    /// Accepts `shell.ringotel.co` as shorthand for `https://shell.ringotel.co`.
    pub fn parse(raw: &str) -> Result<Self, UrlProblem> {
        let trimmed = raw.trim();
        let with_scheme = if trimmed.contains("://") || trimmed.is_empty() {
            trimmed.to_owned()
        } else {
            format!("https://{trimmed}")
        };
        let url = parse_common(&with_scheme)?;
        if url.query().is_some() || url.fragment().is_some() {
            return Err(UrlProblem::HasQueryOrFragment);
        }
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            other => return Err(UrlProblem::NotHttps(other.to_owned())),
        }
        require_host(url).map(Self)
    }

    /// The base with `path` appended (`path` starts with '/'), never doubling or dropping a slash.
    pub fn endpoint(&self, path: &str) -> Url {
        let mut url = self.0.clone();
        let joined = format!("{}{}", url.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url
    }

    pub fn is_loopback(&self) -> bool {
        is_loopback(&self.0)
    }

    /// Scheme, host and port: two addresses with the same origin reach the same server, so a
    /// key saved for one may go to the other.
    pub fn origin(&self) -> String {
        self.0.origin().ascii_serialization()
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str().trim_end_matches('/')
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Ringotel URL thinQ posts inbound messages and delivery confirmations to. Public HTTPS
/// only: thinQ must reach it from the internet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookUrl(Url);

impl WebhookUrl {
    pub fn parse(raw: &str) -> Result<Self, UrlProblem> {
        let url = parse_common(raw)?;
        if url.scheme() != "https" {
            return Err(UrlProblem::NotHttps(url.scheme().to_owned()));
        }
        require_host(url).map(Self)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for WebhookUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for WebhookUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Self::parse(&raw).map_err(|e| serde::de::Error::custom(format!("webhook URL {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_host_means_https() {
        let url = BaseUrl::parse("uk2.ringotel.co").unwrap();
        assert_eq!(url.as_str(), "https://uk2.ringotel.co");
    }

    #[test]
    fn plain_http_is_refused_except_on_loopback() {
        assert_eq!(
            BaseUrl::parse("http://shell.ringotel.co"),
            Err(UrlProblem::NotHttps("http".into()))
        );
        assert!(
            BaseUrl::parse("http://127.0.0.1:8080")
                .unwrap()
                .is_loopback()
        );
        assert!(BaseUrl::parse("http://localhost:1").is_ok());
        assert!(BaseUrl::parse("http://[::1]:1").is_ok());
    }

    #[test]
    fn endpoints_join_without_doubled_slashes() {
        let base = BaseUrl::parse("https://shell.ringotel.co/").unwrap();
        assert_eq!(
            base.endpoint("/api").as_str(),
            "https://shell.ringotel.co/api"
        );
        let proxied = BaseUrl::parse("https://proxy.example/ringotel").unwrap();
        assert_eq!(
            proxied.endpoint("/api").as_str(),
            "https://proxy.example/ringotel/api"
        );
    }

    #[test]
    fn hostile_or_sloppy_base_urls_each_get_their_own_reason() {
        assert_eq!(BaseUrl::parse("  "), Err(UrlProblem::Empty));
        assert_eq!(
            BaseUrl::parse("https://a b.com"),
            Err(UrlProblem::Whitespace)
        );
        assert_eq!(
            BaseUrl::parse("https://user:pw@shell.ringotel.co"),
            Err(UrlProblem::HasCredentials)
        );
        assert_eq!(
            BaseUrl::parse("https://shell.ringotel.co/?x=1"),
            Err(UrlProblem::HasQueryOrFragment)
        );
        assert_eq!(
            BaseUrl::parse("ftp://shell.ringotel.co"),
            Err(UrlProblem::NotHttps("ftp".into()))
        );
    }

    #[test]
    fn webhook_urls_must_be_public_https() {
        assert!(WebhookUrl::parse("https://sms.ringotel.co/thinq/123").is_ok());
        assert_eq!(
            WebhookUrl::parse("http://sms.ringotel.co/x"),
            Err(UrlProblem::NotHttps("http".into()))
        );
        assert_eq!(
            WebhookUrl::parse("javascript:alert(1)"),
            Err(UrlProblem::NotHttps("javascript".into()))
        );
        assert_eq!(
            WebhookUrl::parse("https://smś.ringotel.co/"),
            Err(UrlProblem::NonAscii)
        );
        assert_eq!(
            WebhookUrl::parse("https://sms.ringotel.co/a b"),
            Err(UrlProblem::Whitespace)
        );
    }
}
