//! Phone numbers as typed (in each of a few countries) and as a service stores them: any text
//! is a number or a refusal, and a number renders every way without failing.
#![no_main]

use domain::{Country, PhoneNumber};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for code in ["US", "GB", "DE", "IN"] {
        let Ok(country) = Country::parse(code) else {
            continue;
        };
        if let Ok(number) = PhoneNumber::parse(text, country) {
            let _ = (number.national_display(), number.international_display());
            let _ = (
                number.thinq_wire(),
                number.national_digits(),
                number.country(),
            );
            // What the app stores reads back as the same number.
            let stored = PhoneNumber::from_wire(number.ringotel_wire());
            assert!(stored.is_ok_and(|again| again == number), "{text:?}");
        }
    }
    let _ = PhoneNumber::from_wire(text);
});
