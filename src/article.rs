//! The shared vocabulary: an [`Article`] as read from the input, where it came
//! from ([`Origin`]), its publication date read as a date ([`PublishedDate`]),
//! and byte [`Span`]s into its original text.

use std::fmt;
use std::path::PathBuf;

use jiff::Timestamp;
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
    /// Publication date or time as written in the input (ISO 8601 is best);
    /// [`Article::date`] is the same read as a date.
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
    /// `published` read as a date, or when the input has none, the date the
    /// page or text states about itself ([`DateBasis`] says which); filled
    /// by [`crate::ingest`] (or [`crate::published::resolve`] for articles
    /// built by hand). Use [`Article::published_date`] to read it.
    pub date: Option<PublishedDate>,
}

impl Article {
    /// The publication date: [`Article::date`] when ingest filled it, else
    /// `published` parsed on the spot (articles built by hand), else `None`.
    pub fn published_date(&self) -> Option<PublishedDate> {
        self.date.or_else(|| {
            let value = self.published.as_deref()?;
            crate::published::parse(value, crate::published::DateOrder::default())
                .ok()
                .flatten()
        })
    }

    /// The publication instant in UTC (a date's start, 00:00 UTC), if known.
    pub fn published_utc(&self) -> Option<Timestamp> {
        self.published_date().map(|d| d.utc)
    }

    /// The calendar day the article was published on, as the source wrote
    /// it (`YYYY-MM-DD`; its local date, not UTC's), read or inferred: the
    /// day relative dates ("yesterday") count from.
    pub fn published_day(&self) -> Option<String> {
        self.published_date().map(|d| d.local_date().to_string())
    }

    /// Whether the publication date was inferred (from the text, or the
    /// crawl date) rather than read from the input's `published`.
    pub fn date_inferred(&self) -> bool {
        self.published_date().is_some_and(|d| d.is_inferred())
    }
}

/// A publication date read as a date: an instant in UTC, how precise it is,
/// and where it came from. Dates compare in UTC: two values written in
/// different offsets compare by the instants they name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublishedDate {
    /// The instant in UTC; for a date without a time, 00:00 UTC that day.
    pub utc: Timestamp,
    /// A date (the whole day) or a time.
    pub precision: DatePrecision,
    /// The offset from UTC the value was written in, in seconds (0 when it
    /// had none: a time without an offset is read as UTC). With `utc` it
    /// gives the local calendar date the source wrote.
    pub offset_seconds: i32,
    /// Where the date came from.
    pub basis: DateBasis,
}

/// How precise a [`PublishedDate`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    /// A calendar date: the whole day, 00:00 to 23:59:59 UTC.
    Day,
    /// A time of day (to the second).
    Time,
}

/// Where a [`PublishedDate`] came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateBasis {
    /// The input's `published` (a field, a `.txt` header, or an HTML page's
    /// metadata: meta tags, JSON-LD, `<time>`).
    Input,
    /// Inferred: the date a crawler fetched the page (a WARC record's
    /// `WARC-Date`), used when the page states none.
    Crawl,
    /// Inferred: a date the text states about itself (a dateline, a date
    /// line at the top, a byline date).
    Text {
        /// The rule that found it (`date.dateline`, `date.top_line`, …).
        rule: &'static str,
        /// The date as written in the text.
        span: Span,
    },
}

impl PublishedDate {
    /// Whether the date was inferred rather than read from `published`.
    pub fn is_inferred(&self) -> bool {
        self.basis != DateBasis::Input
    }

    /// The span of time the value stands for, in UTC: one instant for a
    /// time, the whole day (to its last second) for a date.
    pub fn utc_range(&self) -> (Timestamp, Timestamp) {
        match self.precision {
            DatePrecision::Time => (self.utc, self.utc),
            DatePrecision::Day => {
                let end = self
                    .utc
                    .checked_add(jiff::SignedDuration::from_secs(86_399))
                    .unwrap_or(self.utc);
                (self.utc, end)
            }
        }
    }

    /// [`PublishedDate::utc_range`] in whole minutes since 1970-01-01 UTC.
    pub fn minutes(&self) -> (i64, i64) {
        let (start, end) = self.utc_range();
        (
            start.as_second().div_euclid(60),
            end.as_second().div_euclid(60),
        )
    }

    /// Days since 1970-01-01 of the UTC date.
    pub fn utc_day(&self) -> i64 {
        self.utc.as_second().div_euclid(86_400)
    }

    /// The calendar date the source wrote (its local date: the UTC instant
    /// moved by the offset it was written in).
    pub fn local_date(&self) -> jiff::civil::Date {
        let offset =
            jiff::tz::Offset::from_seconds(self.offset_seconds).unwrap_or(jiff::tz::Offset::UTC);
        offset.to_datetime(self.utc).date()
    }

    /// The normalized form shown in outputs: `2023-03-14T08:40:00Z` for a
    /// time, `2023-03-14` for a date (RFC 3339 / ISO 8601, in UTC).
    pub fn utc_string(&self) -> String {
        match self.precision {
            DatePrecision::Time => Timestamp::from_second(self.utc.as_second())
                .unwrap_or(self.utc)
                .to_string(),
            DatePrecision::Day => jiff::tz::Offset::UTC
                .to_datetime(self.utc)
                .date()
                .to_string(),
        }
    }
}

/// How an output shows a [`PublishedDate`] that was inferred: the rule and,
/// for a date found in the text, where. `None` for a date read from
/// `published`. Serialized as `{"rule": "date.dateline", "span": [5, 20]}`
/// (`span` null for the crawl date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct InferredDate {
    /// `date.dateline`, `date.top_line`, `date.byline`, or `warc.date` for
    /// the crawl date.
    pub rule: &'static str,
    /// The date as written in the article's text, or null.
    pub span: Option<Span>,
}

impl PublishedDate {
    /// How the date was inferred, for outputs; `None` when read from
    /// `published`.
    pub fn inferred(&self) -> Option<InferredDate> {
        match self.basis {
            DateBasis::Input => None,
            DateBasis::Crawl => Some(InferredDate {
                rule: "warc.date",
                span: None,
            }),
            DateBasis::Text { rule, span } => Some(InferredDate {
                rule,
                span: Some(span),
            }),
        }
    }
}

/// Where a record was read from: an input file (or `-` for stdin) and the
/// 1-based line its record starts on (or, in a WARC file, its record
/// number).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Origin {
    /// The path as given (or found under a given directory); `-` for stdin.
    pub path: PathBuf,
    /// 1-based line number of the record's first line (1 for `.txt` and
    /// `.html` files), or with [`Unit::Record`] the 1-based record number.
    pub line: u64,
    /// What `line` counts.
    pub unit: Unit,
}

/// What an [`Origin`]'s number counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Lines: shown `path:12`.
    #[default]
    Line,
    /// Records of a WARC file: shown `path:record 12`.
    Record,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            Unit::Line => write!(f, "{}:{}", self.path.display(), self.line),
            Unit::Record => write!(f, "{}:record {}", self.path.display(), self.line),
        }
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
            unit: Unit::Line,
        };
        assert_eq!(origin.to_string(), "a/b.jsonl:7");
    }
}
