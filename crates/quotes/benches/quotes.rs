//! Throughput of finding and attributing quotes on invented news text.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
fn bench(_c: &mut Criterion) {}
criterion_group!(benches, bench);
criterion_main!(benches);
