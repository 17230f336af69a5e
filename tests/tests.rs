//! wirediff's integration tests, one binary (ripgrep's layout).

// The harness: temp dirs, running the binary, readable diffs.
mod util;

// `wirediff dedup`: input formats, bad input, determinism, outputs.
mod dedup;

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

// `wirediff compare` on fixtures/compare: expected comparisons written by hand.
mod compare_fixtures;

// `wirediff compare --html`: the report in headless chromium (installed if absent).
mod html_browser;

// The README's quick-start listing matches what `compare` prints.
mod readme;

// Every command's output is the same at any thread count.
mod determinism;
