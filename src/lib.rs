//! wirediff reads a pile of news reports and answers three questions: which
//! reports are copies of one another (wire copy reprinted with edits), which
//! are about the same story, and what each source includes, leaves out or
//! reports differently.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`ingest`]: files, directories or stdin (JSON Lines, CSV, plain text,
//!    gzipped or not) into [`Article`]s, with bad records reported as data.
//! 2. [`normalize`] and [`shingle`]: Unicode-folded word tokens, and word (or
//!    character) k-grams hashed with a fixed seed.
//! 3. [`sketch`]: MinHash signatures, with a kernel chosen for the CPU.
//! 4. [`candidates`]: LSH banding into candidate pairs.
//! 5. [`copies`]: exact verification and copy groups; [`dedup`] runs stages
//!    1–5 over inputs of any size in bounded memory.
//! 6. [`stories`]: independent reports of one event grouped into stories
//!    ([`evaluate`] scores a grouping against gold labels).
//! 7. [`facts`]: counts of people, quotes, dates and places, each with its
//!    evidence span and rule.
//! 8. [`compare`]: per story, which facts each source includes, leaves out
//!    or reports differently, and what each reprint changed.
//! 9. [`report`]: JSON Lines, Parquet, tables and terminal output; atomic
//!    files.
//!
//! [`distributed`] cuts the copy job into Arrow-in, Arrow-out stages for
//! engines that run it on many machines.
//!
//! ```
//! use wirediff::{Article, dedup};
//!
//! let wire = "Rockets struck the Green Zone in Baghdad on Tuesday, killing a young \
//!             woman and wounding five civilians, Iraqi security officials said.";
//! let article = |id: &str, text: &str| Article { id: id.into(), text: text.into(), ..Article::default() };
//! let articles = [
//!     article("afp", wire),
//!     article("reprint", &format!("{wire} (With agency inputs)")),
//!     article("other", "Heavy rain flooded dozens of homes in Basra on Tuesday."),
//! ];
//! let found = dedup::dedup_articles(&articles, &dedup::DedupConfig::default());
//! assert_eq!(found.copies.group_of, vec![0, 0, 1]);
//! ```

pub mod article;
pub mod candidates;
pub mod compare;
pub mod copies;
pub mod dedup;
pub mod distributed;
pub mod error;
pub mod evaluate;
pub mod facts;
pub mod ingest;
pub mod language;
pub mod normalize;
pub mod published;
pub mod report;
pub mod shingle;
pub mod sketch;
pub mod stories;

pub use article::{Article, DateBasis, DatePrecision, Origin, PublishedDate, Span};
pub use error::{Error, Result};
