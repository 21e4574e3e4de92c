//! A thinQ answer, as any status and body: decoded to a page of DIDs (with each row's SMS flag
//! and routing profile) or a typed error, never failing otherwise.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thinq::DidPage;

fuzz_target!(|input: (u16, &[u8])| {
    let (status, body) = input;
    if let Ok(page) = thinq::response::decode::<DidPage>("12345", status, body) {
        for row in &page.rows {
            let _ = (row.sms_enabled(), row.routing_profile());
        }
    }
});
