//! wirediff reads a pile of news reports and answers three questions: which
//! reports are copies of one another (wire copy reprinted with edits), which
//! are about the same story, and what each source includes, leaves out or
//! reports differently.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`ingest`]: files, directories or stdin (JSON Lines, CSV, plain text,
//!    gzipped or not) into [`Article`]s, with bad records reported as data.
//! 2. [`facts`]: counts of people, quotes, dates and places, each with its
//!    evidence span and rule.

pub mod article;
pub mod candidates;
pub mod compare;
pub mod copies;
pub mod dedup;
pub mod error;
pub mod evaluate;
pub mod facts;
pub mod ingest;
pub mod normalize;
pub mod report;
pub mod shingle;
pub mod sketch;
pub mod stories;

pub use article::{Article, Origin, Span};
pub use error::{Error, Result};
