//! Outputs for people and programs. Only this module and [`crate::ingest`]
//! do I/O; every writer takes an `impl Write`.

pub mod compare;
pub mod dedup;
pub mod facts;
pub mod html;
pub mod output;
pub mod parquet;
pub mod sanitize;
