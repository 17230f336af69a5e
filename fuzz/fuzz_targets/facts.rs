//! Fuzzes the facts stage alone on one text: the fastest target, for the
//! extractors' own edge cases.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| wirediff_fuzz::harness::facts_bytes(data));
