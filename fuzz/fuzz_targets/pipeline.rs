//! Fuzzes the whole pipeline (copies, stories, facts, compare and every
//! report) on articles decoded from the input (see `articles_from_bytes`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| wirediff_fuzz::harness::pipeline_bytes(data));
