//! The shared vocabulary: an [`Article`] as read from the input, where it came
//! from ([`Origin`]), and byte [`Span`]s into its original text.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// One news report as read by [`crate::ingest`].
///
/// Every field but `id` and `text` is optional in the input. Fields the input
/// carries beyond the six known ones are kept in `extra`, in input order, so
/// outputs that re-emit articles lose nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Unique id: the record's id field, or for `.txt` files the path relative
    /// to the input root, or `<path>:<line>` when a record has no id.
    pub id: String,
    /// The outlet or publisher, if known.
    pub source: Option<String>,
    /// Publication date or time as written in the input (ISO 8601 is best).
    pub published: Option<String>,
    /// The headline, if any.
    pub title: Option<String>,
    /// The article body, exactly as read (after lossy UTF-8 decoding).
    pub text: String,
    /// The article's address, if known.
    pub url: Option<String>,
    /// Fields of the input record that are none of the above, in input order.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// Where the record was read from.
    pub origin: Origin,
}

/// Where a record was read from: an input file (or `-` for stdin) and the
/// 1-based line its record starts on.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Origin {
    /// The path as given (or found under a given directory); `-` for stdin.
    pub path: PathBuf,
    /// 1-based line number of the record's first line (1 for `.txt` files).
    pub line: u64,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

/// A half-open byte range `[start, end)` into an article's original text.
///
/// Serialized as a two-element array `[start, end]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text, or `None` if the span is out of range or not on
    /// character boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_serializes_as_pair() {
        let json = serde_json::to_string(&Span::new(3, 9)).unwrap();
        assert_eq!(json, "[3,9]");
    }

    #[test]
    fn span_slice_respects_char_boundaries() {
        let text = "Qué pasa";
        assert_eq!(Span::new(0, 4).slice(text), Some("Qué"));
        assert_eq!(Span::new(0, 3).slice(text), None);
        assert_eq!(Span::new(0, 99).slice(text), None);
    }

    #[test]
    fn origin_displays_as_path_and_line() {
        let origin = Origin {
            path: PathBuf::from("a/b.jsonl"),
            line: 7,
        };
        assert_eq!(origin.to_string(), "a/b.jsonl:7");
    }
}
