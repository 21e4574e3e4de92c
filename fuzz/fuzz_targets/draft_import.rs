//! A draft file (JSON), as any text: read as changes or refused with words, never failing
//! otherwise.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(problem) = engine::fuzzing::draft_file(text) {
        assert!(!problem.message.is_empty());
    }
});
