//! One module per group of commands; each turns engine results into tables or JSON.

pub mod doctor;
pub mod draft;
pub mod import_dids;
pub mod optout;
pub mod read;
pub mod readiness;
pub mod sandbox;
pub mod sync;
pub mod test_message;
pub mod thinq;
pub mod workspace;

/// "2026-11-28 14:05 UTC" for a Unix-milliseconds time.
pub fn when(ms: i64) -> String {
    domain::time::utc_minutes(ms)
}
