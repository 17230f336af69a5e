//! Fuzzes reading a `.txt` filetxt and the whole pipeline on what it yields.
#![no_main]

use wirediff_fuzz::harness::{Format, ingest_bytes};

libfuzzer_sys::fuzz_target!(|data: &[u8]| ingest_bytes(Format::Txt, data));
