//! wirediff's integration tests, one binary (ripgrep's layout).

// The harness: temp dirs, running the binary, readable diffs.
mod util;

// `wirediff dedup`: input formats, bad input, determinism, outputs.
mod dedup;

// Parquet in and out: the same results and records as JSON Lines.
mod parquet_io;

// The JSON Lines schema of `wirediff dedup`, checked strictly.
mod dedup_schema;

// Facts of the two seed reports, pinned.
mod facts_seeds;

// The facts stage on random text and on corpus samples: no panics, valid spans.
mod facts_robust;

// `wirediff facts`: JSON Lines of facts per article.
mod facts_cli;

// `wirediff quotes`: one JSON line per quote.
mod quotes;

// `wirediff stories` and `wirediff eval stories`.
mod stories_cli;

// `wirediff compare`: versioned JSON Lines and the terminal matrix.
mod compare_cli;

// The JSON Lines schema of `wirediff compare`, checked strictly.
mod compare_schema;

// `wirediff compare` on fixtures/compare: expected comparisons written by hand.
mod compare_fixtures;

// `wirediff compare` on fixtures/compare/newsfacts: count rows and tolls of
// newsfacts-style stories, written by hand.
mod compare_newsfacts;

// `wirediff compare --html`: the report in headless chromium (skipped without it; .ci/run installs it).
mod html_browser;

// The README's quick-start listing matches what `compare` prints.
mod readme;

// Publication dates: any form compared in UTC, warnings, inferred dates.
mod dates;

// Web pages (.html and an `html` field) read against fixtures/pages/expected.json.
mod pages;

// WARC crawls: fixtures/crawl/crawl.warc, malformed records reported as path:record N.
mod crawl;

// Every command's output is the same at any thread count.
mod determinism;

// Inputs that once crashed, stalled or misled (issue 14 and later).
mod regression;

// No input crashes: the fuzz harness on seeded mutations, and fuzz crashes kept.
mod robust;
