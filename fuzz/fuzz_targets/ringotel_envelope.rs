//! A Ringotel Admin API answer, as any status and body: decoded to a result or a typed error,
//! and a result read as the methods' types (each SMS number as typed fields), never failing
//! otherwise.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ringotel::types::{Branch, Organization, Service, SmsTrunk, User};

fuzz_target!(|input: (u16, &[u8])| {
    let (status, body) = input;
    if let Ok(Some(result)) = ringotel::envelope::decode("getSMSTrunks", status, body) {
        if let Ok(trunks) = serde_json::from_value::<Vec<SmsTrunk>>(result.clone()) {
            // Each number read as the app's typed fields, or named unreadable.
            for trunk in &trunks {
                let _ = trunk.fields(domain::DEFAULT_COUNTRY);
            }
        }
        let _ = serde_json::from_value::<Vec<User>>(result.clone());
        let _ = serde_json::from_value::<Vec<Branch>>(result.clone());
        let _ = serde_json::from_value::<Vec<Service>>(result.clone());
        let _ = serde_json::from_value::<Organization>(result);
    }
});
