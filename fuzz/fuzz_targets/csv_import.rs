//! A CSV file of new numbers, as any bytes: the import adds numbers or names problems, never
//! fails otherwise.
#![no_main]

use engine::fuzzing::Organization;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ORGANIZATION: LazyLock<Organization> =
    LazyLock::new(|| Organization::example().expect("the fixed example organization reads"));

fuzz_target!(|bytes: &[u8]| {
    let _ = ORGANIZATION.csv_import(bytes);
});
