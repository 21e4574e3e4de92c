//! A CSV file's bytes as spreadsheets write them: UTF-8 with or without a byte-order mark, or a
//! Windows-1252 export (said so); UTF-16 refused with what to do. And the file's own line of
//! any byte, whatever its line ends and however many lines a quoted cell spans.

/// The bytes 0x80-0x9F of Windows-1252 (the rest of its upper half is Latin-1); `None` where it
/// defines no character.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Why a file's bytes are not text this app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Undecodable {
    Utf16,
    /// UTF-8 letters beside bytes that are not UTF-8, the first on this line.
    MixedEncodings {
        line: u64,
    },
    /// A byte that is text in neither UTF-8 nor Windows-1252.
    NeitherEncoding {
        line: u64,
        byte: u8,
    },
}

impl std::fmt::Display for Undecodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Utf16 => f.write_str("the file is saved as UTF-16 (\"Unicode text\"): save it as \"CSV UTF-8\" and import it again"),
            Self::MixedEncodings { line } => write!(
                f,
                "line {line}: the file mixes UTF-8 with another encoding: save it as \"CSV UTF-8\" and import it again"
            ),
            Self::NeitherEncoding { line, byte } => write!(
                f,
                "line {line}: the byte 0x{byte:02X} is text in neither UTF-8 nor Windows-1252: save the file as \"CSV UTF-8\""
            ),
        }
    }
}

/// The file as text, and a note when it was not UTF-8; or why it cannot be read.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Option<String>), Undecodable> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Undecodable::Utf16);
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok((text.to_owned(), None));
    }
    // UTF-8 letters beside bytes that are not UTF-8: a damaged file, or one pasted together
    // from two encodings. Reading it all as Windows-1252 would garble the UTF-8 names.
    let mut at = 0;
    let mut utf8_letters = false;
    let mut first_bad = None;
    for chunk in body.utf8_chunks() {
        utf8_letters |= !chunk.valid().is_ascii();
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() && first_bad.is_none() {
            first_bad = Some(at);
        }
        at += chunk.invalid().len();
    }
    if let (true, Some(bad)) = (utf8_letters, first_bad) {
        return Err(Undecodable::MixedEncodings {
            line: LineCounter::default().line_of(body, bad),
        });
    }
    let mut text = String::with_capacity(body.len());
    for (at, byte) in body.iter().enumerate() {
        let c = match byte {
            0x00..=0x7F | 0xA0..=0xFF => Some(char::from(*byte)),
            _ => CP1252_HIGH[usize::from(byte - 0x80)],
        };
        match c {
            Some(c) => text.push(c),
            None => {
                return Err(Undecodable::NeitherEncoding {
                    line: LineCounter::default().line_of(body, at),
                    byte: *byte,
                });
            }
        }
    }
    Ok((
        text,
        Some("The file is not UTF-8; it was read as Windows-1252, as spreadsheets on Windows save CSV. Check names with accents.".into()),
    ))
}

/// Counts a file's lines forward as records are read in order, so naming every record's
/// line costs one pass over the file, not one per record.
#[derive(Debug, Default)]
pub(crate) struct LineCounter {
    /// Where counting stopped, and the line feeds before it.
    at: usize,
    feeds: u64,
}

impl LineCounter {
    /// The 1-based line of the record that starts at `offset`: one more than the line feeds
    /// before its first character, so LF and CRLF files number alike, and a record whose quoted
    /// cells span lines is named by its first. (A CSV reader may place a record's start on the
    /// line end before it, which is skipped.) Offsets before the last one asked restart the
    /// count.
    pub(crate) fn line_of(&mut self, text: &[u8], offset: usize) -> u64 {
        let start = text
            .iter()
            .skip(offset)
            .position(|b| *b != b'\r' && *b != b'\n')
            .map_or(text.len(), |skipped| offset + skipped);
        if start < self.at {
            *self = Self::default();
        }
        let between = text.get(self.at..start).unwrap_or_default();
        self.feeds += between.iter().filter(|b| **b == b'\n').count() as u64;
        self.at = start;
        1 + self.feeds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_a_bom_reads_as_utf8_and_a_windows_export_is_said() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFnumber\n").unwrap(),
            ("number\n".into(), None)
        );
        let (text, note) = decode(b"name\nJos\xE9 \x80\n").unwrap();
        assert_eq!(text, "name\nJosé €\n");
        assert!(note.unwrap().contains("Windows-1252"));
        assert!(
            decode(b"\xFF\xFEn\0")
                .unwrap_err()
                .to_string()
                .contains("UTF-16")
        );
        assert!(
            decode(b"a\nb\x81")
                .unwrap_err()
                .to_string()
                .starts_with("line 2:")
        );
    }

    #[test]
    fn lines_count_line_feeds_whatever_the_line_ends() {
        let crlf = b"a\r\nb\r\nc";
        let mut lines = LineCounter::default();
        assert_eq!(lines.line_of(crlf, 3), 2);
        assert_eq!(
            lines.line_of(crlf, 4),
            3,
            "a start placed on the line end before the record"
        );
        assert_eq!(lines.line_of(crlf, 6), 3);
        assert_eq!(lines.line_of(crlf, 0), 1, "going back counts again");
        assert_eq!(LineCounter::default().line_of(b"a\nb\nc", 4), 3);
    }

    #[test]
    fn utf8_names_beside_a_stray_byte_are_refused_not_garbled() {
        let mixed: Vec<u8> = "name\nJosé\n".bytes().chain([b'x', 0xE9, b'\n']).collect();
        let refused = decode(&mixed).unwrap_err().to_string();
        assert!(
            refused.starts_with("line 3:") && refused.contains("mixes UTF-8"),
            "{refused}"
        );
    }
}
