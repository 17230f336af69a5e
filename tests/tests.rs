//! wirediff's integration tests, one binary.
