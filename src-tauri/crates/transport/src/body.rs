//! Reading a response body with a size cap, and short printable excerpts of bodies that are not JSON.

/// Lists come back whole (no pagination) and 5,000 users run to a few MB; anything far past
/// that is not an API answer and must not be held in memory.
pub const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

const EXCERPT_CHARS: usize = 160;

/// A short, single-line, tag-free excerpt of a body for an error message (HTML 502 pages,
/// plain-text errors), so the admin sees what the server said without a page of markup.
pub fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut plain = String::with_capacity(text.len().min(EXCERPT_CHARS * 4));
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if in_tag => {}
            c if c.is_control() || c.is_whitespace() => plain.push(' '),
            c => plain.push(c),
        }
    }
    let collapsed = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() > EXCERPT_CHARS {
        let cut: String = collapsed.chars().take(EXCERPT_CHARS).collect();
        format!("{cut}…")
    } else {
        collapsed
    }
}

/// Why a body that began to arrive was not read whole.
#[derive(Debug)]
pub(crate) enum BodyProblem {
    TooLarge,
    Broken(reqwest::Error),
}

impl std::fmt::Display for BodyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge => write!(f, "the response is larger than {} MB", MAX_BODY_BYTES >> 20),
            Self::Broken(e) => write!(f, "{e}"),
        }
    }
}

/// A service's own words after an error's headline (`": words"`), or nothing.
pub fn said(message: &Option<String>) -> String {
    message
        .as_deref()
        .map(|m| format!(": {m}"))
        .unwrap_or_default()
}

/// Reads the whole body, refusing one larger than [`MAX_BODY_BYTES`].
pub(crate) async fn read_capped(mut response: reqwest::Response) -> Result<Vec<u8>, BodyProblem> {
    if response
        .content_length()
        .is_some_and(|len| len > MAX_BODY_BYTES as u64)
    {
        return Err(BodyProblem::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyProblem::Broken)? {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(BodyProblem::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_error_page_becomes_one_readable_line() {
        let page = b"<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";
        assert_eq!(excerpt(page), "502 Bad Gateway 502 Bad Gateway nginx");
    }

    #[test]
    fn a_long_body_is_cut_with_an_ellipsis() {
        let long = "x".repeat(1000);
        let cut = excerpt(long.as_bytes());
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
