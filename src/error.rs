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
        "{path}: unknown input format (expected .jsonl, .ndjson, .csv or .txt, optionally .gz; see --input-format)"
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
