//! wirediff's integration tests, one binary (ripgrep's layout).

// The harness: temp dirs, running the binary, readable diffs.
mod util;

// `wirediff dedup`: input formats, bad input, determinism, outputs.
mod dedup;

// The JSON Lines schema of `wirediff dedup`, checked strictly.
mod dedup_schema;

// `wirediff quotes`: one JSON line per quote.
mod quotes;
