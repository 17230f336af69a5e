//! The fuzz targets' shared code (see `harness.rs`).

#[path = "harness.rs"]
pub mod harness;
