//! Unix-millisecond times as UTC calendar times, for reports and terminals (no clock reads).

/// "2026-11-28 13:05 UTC".
pub fn utc_minutes(ms: i64) -> String {
    let (y, mo, d, h, m) = utc(ms);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{m:02} UTC")
}

/// "2026-11-28T13:05Z": a time with no run of digits longer than a year's.
pub fn utc_iso_minutes(ms: i64) -> String {
    let (y, mo, d, h, m) = utc(ms);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{m:02}Z")
}

fn utc(ms: i64) -> (i64, i64, i64, i64, i64) {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let (h, m) = (secs.rem_euclid(86_400) / 3600, secs.rem_euclid(3600) / 60);
    let (y, mo, d) = civil(days);
    (y, mo, d, h, m)
}

/// Days since 1970-01-01 as a calendar date (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_utc_dates() {
        assert_eq!(utc_minutes(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_minutes(1_795_871_100_000), "2026-11-28 13:05 UTC");
        assert_eq!(utc_iso_minutes(1_795_871_100_000), "2026-11-28T13:05Z");
    }
}
