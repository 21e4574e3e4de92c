//! Number normalization throughput: the app's `PhoneNumber::parse` against a bare
//! `phonenumber::parse` + `is_valid` on the same inputs, in one run (quality.md: ≥ 0.8×).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use domain::{Country, PhoneNumber};
use std::hint::black_box;

/// A thousand numbers typed the ways people type them, all valid US numbers.
fn inputs() -> Vec<String> {
    let areas = [858, 619, 760, 415, 212, 305, 512, 206];
    (0..1_000u32)
        .map(|i| {
            let area = areas[i as usize % areas.len()];
            let exchange = 230 + i % 700;
            let line = (i * 37) % 10_000;
            match i % 4 {
                0 => format!("({area}) {exchange}-{line:04}"),
                1 => format!("+1 {area}-{exchange}-{line:04}"),
                2 => format!("1{area}{exchange}{line:04}"),
                _ => format!("{area}.{exchange}.{line:04}"),
            }
        })
        .collect()
}

fn normalization(c: &mut Criterion) {
    let inputs = inputs();
    let us = Country::parse("US").unwrap();
    let mut group = c.benchmark_group("normalize 1000 numbers");
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function("bare phonenumber parse + is_valid", |b| {
        b.iter(|| {
            for input in &inputs {
                let parsed = phonenumber::parse(Some(phonenumber::country::Id::US), input);
                black_box(parsed.map(|n| phonenumber::is_valid(&n)).unwrap_or(false));
            }
        });
    });
    group.bench_function("PhoneNumber::parse", |b| {
        b.iter(|| {
            for input in &inputs {
                black_box(PhoneNumber::parse(input, us).is_ok());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, normalization);
criterion_main!(benches);
