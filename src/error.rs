//! The library's error type. Every variant that comes from input names where
//! it came from; the cause, if any, is carried as `source` and never repeated
//! in the message.

use std::path::PathBuf;

use crate::article::Origin;

/// Everything that can go wrong in wirediff's library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or stdin could not be opened or read.
    #[error("could not read {path}")]
    Read {
        /// The input path (`-` for stdin).
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An input path does not exist.
    #[error("{path}: no such file or directory")]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// A file's format could not be told from its name.
    #[error(
        "{path}: unknown input format (expected .jsonl, .ndjson, .csv, .txt, .html, .htm or .warc, optionally .gz, or .parquet; see --input-format)"
    )]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// A directory held no article files.
    #[error("{path}: no readable articles in this directory")]
    EmptyDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// The whole input held no articles at all.
    #[error("no articles in the input")]
    NoArticles,
    /// One record could not be read as an article; the rest of the input is fine.
    #[error("{origin}: {problem}")]
    Record {
        /// Where the record starts.
        origin: Origin,
        /// What is wrong with it.
        problem: String,
    },
    /// A record has no field holding the article text (a skipped record,
    /// like [`Error::Record`]). It carries the record's field names so that
    /// a run where every record fails this way can say which `--field`
    /// mapping would read them.
    #[error("{origin}: missing field '{field}'")]
    MissingText {
        /// Where the record starts.
        origin: Origin,
        /// The name the text was looked for under.
        field: String,
        /// The record's field names, in input order after the known ones.
        present: Vec<String>,
        /// The field (not a known one) whose string value is longest, the
        /// likeliest to hold the text.
        longest: Option<String>,
    },
    /// Two articles share an id.
    #[error("duplicate article id '{id}' at {first} and {second}")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Where it was first seen.
        first: Origin,
        /// Where it was seen again.
        second: Origin,
    },
    /// A file was not valid UTF-8 and was decoded lossily (a warning).
    #[error("{path}: invalid UTF-8 replaced with U+FFFD")]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// A similarity threshold outside `0..=1` (`--threshold`).
    #[error("--threshold must be within 0..=1, got {0}")]
    Threshold(f64),
    /// A duplicate threshold outside `0..=1` (`--duplicate-threshold`).
    #[error("--duplicate-threshold must be within 0..=1, got {0}")]
    DuplicateThreshold(f64),
    /// A MinHash permutation count that is not a multiple of the kernel's
    /// lane count within range (`--permutations`).
    #[error("--permutations must be a multiple of {lanes} from {lanes} to 4096, got {got}")]
    Permutations {
        /// The count given.
        got: usize,
        /// The kernel's lane count.
        lanes: usize,
    },
    /// The minhash-rs kernel with a permutation count it lacks.
    #[error("--kernel minhash-rs needs --permutations 128")]
    KernelPermutations,
    /// A field mapping that is not `FIELD=NAME` (`--field`).
    #[error("--field '{0}' is not FIELD=NAME")]
    FieldSyntax(String),
    /// A field mapping naming no article field.
    #[error(
        "--field: unknown field '{0}' (expected id, source, published, title, text, url or html)"
    )]
    UnknownField(String),
    /// A field mapping with an empty input name.
    #[error("--field '{0}' has an empty name")]
    EmptyFieldName(String),
    /// A batch handed to a stage of [`crate::distributed`] lacks a column
    /// or holds the wrong type.
    #[error("{stage}: {problem}")]
    Batch {
        /// The stage, e.g. `sketch`.
        stage: &'static str,
        /// What is wrong with the batch.
        problem: String,
    },
    /// A batch made with other parameters than the stage's.
    #[error(
        "{stage}: batch made with other parameters (params {found}) than this stage's ({expected}); every stage must use the same seed, permutations, shingles, bands and threshold"
    )]
    MixedParams {
        /// The stage.
        stage: &'static str,
        /// What the batch carries (a params id or a signature length).
        found: i64,
        /// This stage's parameters in words.
        expected: String,
    },
    /// A `published` value that is not a date wirediff reads (a warning:
    /// the article is kept and its date counts as unknown).
    #[error("{origin}: published '{value}' {problem}; the date counts as unknown")]
    Published {
        /// Where the record starts.
        origin: Origin,
        /// The value, as written (cut to 80 characters).
        value: String,
        /// What is wrong with it.
        problem: crate::published::DateProblem,
    },
    /// More unreadable `published` values than were reported one by one.
    #[error(
        "{path}: {count} more published values are not dates wirediff reads (not shown); their dates count as unknown"
    )]
    PublishedMore {
        /// The file.
        path: PathBuf,
        /// How many were not shown.
        count: usize,
    },
    /// Writing output failed.
    #[error("could not write {path}")]
    Write {
        /// The output path (`-` for stdout).
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Shorthand for results of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
