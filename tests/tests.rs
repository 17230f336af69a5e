//! wirediff's integration tests, one binary.

/// Facts of the two seed reports, pinned.
mod facts_seeds;

/// The facts stage on random text and on corpus samples: no panics, valid spans.
mod facts_robust;
