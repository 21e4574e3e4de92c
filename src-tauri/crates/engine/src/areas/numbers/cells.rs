//! Settings as people write them in a file or on a command line: a format (`off`, a wire value
//! or the editor's label, any case) and a stickiness (`disabled`, seconds, `30m`, `2h`, `1d`).

use domain::{StickinessInput, StickinessUnit, WireChoice};

/// A format: `off` or blank, a wire value, or a label, in any case.
pub fn format_of<T: WireChoice>(raw: &str) -> Option<T> {
    let raw = raw.trim().to_lowercase();
    let wire = if raw == "off" { "" } else { raw.as_str() };
    T::ALL
        .iter()
        .copied()
        .find(|f| f.wire() == wire || f.label().to_lowercase() == raw)
}

/// Text that is no stickiness, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotADuration(pub String);

impl std::fmt::Display for NotADuration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\"{}\" is no duration: use disabled, seconds, or an amount like 30m, 2h, 1d",
            self.0
        )
    }
}

/// A stickiness: `disabled`, `0` or blank; whole seconds; or an amount with a unit.
pub fn stickiness_of(raw: &str) -> Result<StickinessInput, NotADuration> {
    let raw = raw.trim().to_lowercase();
    if raw.is_empty() || raw == "disabled" || raw == "off" {
        return Ok(StickinessInput::Preset { seconds: 0 });
    }
    if let Ok(seconds) = raw.parse::<u32>() {
        return Ok(StickinessInput::Preset { seconds });
    }
    let split = raw.find(|c: char| !c.is_ascii_digit()).unwrap_or(raw.len());
    let (amount, unit) = raw.split_at(split);
    let unit = match unit.trim() {
        "m" | "min" | "minute" | "minutes" => StickinessUnit::Minutes,
        "h" | "hour" | "hours" => StickinessUnit::Hours,
        "d" | "day" | "days" => StickinessUnit::Days,
        _ => return Err(NotADuration(raw)),
    };
    Ok(StickinessInput::Custom {
        amount: amount.to_owned(),
        unit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::{InboundFormat, OutboundFormat};

    #[test]
    fn cells_read_as_people_write_them() {
        assert_eq!(format_of::<InboundFormat>("Off"), Some(InboundFormat::Off));
        assert_eq!(
            format_of::<InboundFormat>("E.164"),
            Some(InboundFormat::E164)
        );
        assert_eq!(
            format_of::<OutboundFormat>("international"),
            Some(OutboundFormat::International)
        );
        assert_eq!(format_of::<OutboundFormat>("national0"), None);
        assert_eq!(
            stickiness_of("disabled"),
            Ok(StickinessInput::Preset { seconds: 0 })
        );
        assert_eq!(
            stickiness_of("3600"),
            Ok(StickinessInput::Preset { seconds: 3600 })
        );
        assert_eq!(
            stickiness_of("2h"),
            Ok(StickinessInput::Custom {
                amount: "2".into(),
                unit: StickinessUnit::Hours
            })
        );
        assert!(stickiness_of("soon").is_err());
    }
}
