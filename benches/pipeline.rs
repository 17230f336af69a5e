//! Benchmarks (criterion).
fn main() {}
