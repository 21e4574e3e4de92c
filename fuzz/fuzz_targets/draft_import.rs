//! A draft file (JSON), as any text: read as changes or refused with words, never failing
//! otherwise.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(words) = engine::fuzzing::draft_file(text) {
        assert!(!words.is_empty());
    }
});
