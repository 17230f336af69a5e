//! CSV records: splitting a file into records, which article field each
//! header column holds, and a row turned into an article.
//!
//! Records are found here, by a small state machine that follows quoting
//! the way the csv crate does (a quote opens a field only at its start;
//! `""` inside a quoted field is a quote), and only the bytes of one record
//! are handed to the csv crate to split into fields. Owning the split gives
//! two things the csv crate's reader cannot: line numbers that count every
//! `\n` (its own undercount CRLF line ends inside quoted fields), and
//! recovery from an unclosed quote. A quoted field may span lines, but when
//! the record it makes does not have the header's number of fields (or the
//! quote never closes), the record is reported at its first line as an
//! unclosed quote and reading resumes on the next line, so the rows after
//! it are read as rows instead of being swallowed into one bogus record.

use std::collections::VecDeque;
use std::io::{self, BufRead};

use serde_json::Value;

use super::{FieldMap, InputFile, Raw};
use crate::article::Article;

/// One record split from a CSV file.
pub(super) enum CsvItem {
    /// A record's fields, and the 1-based line it starts on.
    Record { line: u64, fields: csv::ByteRecord },
    /// A record that could not be read, at the line it starts on.
    Bad { line: u64, problem: String },
}

/// Where the quoting state machine is inside a record.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the field's end, or the first half
    /// of `""`.
    QuoteInQuoted,
}

impl Quoting {
    /// The state after `line` (which ends in `\n`, except at the end of
    /// the file), and whether a quoted field closed before something other
    /// than a comma or the line end (`"a"b`: malformed, though the csv
    /// crate reads it). A record ends at a line end outside a quoted field.
    fn after(mut self, line: &[u8]) -> (Quoting, bool) {
        let mut stray = false;
        for &b in line {
            stray |= self == Quoting::QuoteInQuoted && !matches!(b, b'"' | b',' | b'\r' | b'\n');
            self = match (self, b) {
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) => Quoting::Quoted,
                (Quoting::FieldStart, b'"') | (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (_, b',') => Quoting::FieldStart,
                (_, b'\n') => Quoting::FieldStart,
                _ => Quoting::Unquoted,
            };
        }
        (self, stray)
    }
}

/// Splits a CSV stream into records (see the module docs).
pub(super) struct CsvRecords {
    reader: Box<dyn BufRead + Send>,
    /// Lines given back by a failed multi-line record, read again first.
    pending: VecDeque<Vec<u8>>,
    /// Records split from one record's bytes beyond the first (a file with
    /// `\r` line ends only).
    queued: VecDeque<CsvItem>,
    /// Lines taken so far (the number of the last line taken).
    line: u64,
}

impl CsvRecords {
    pub(super) fn new(reader: Box<dyn BufRead + Send>) -> CsvRecords {
        CsvRecords {
            reader,
            pending: VecDeque::new(),
            queued: VecDeque::new(),
            line: 0,
        }
    }

    /// The next physical line, its `\n` included; empty at the end.
    fn take_line(&mut self) -> io::Result<Vec<u8>> {
        let line = match self.pending.pop_front() {
            Some(line) => line,
            None => {
                let mut line = Vec::new();
                super::read_line(&mut self.reader, &mut line)?;
                line
            }
        };
        if !line.is_empty() {
            self.line += 1;
        }
        Ok(line)
    }

    /// The next record, or `None` at the end. `fields` is the header's
    /// number of fields once it is known: a record spanning lines must
    /// have it to be taken as one record.
    pub(super) fn next(&mut self, fields: Option<usize>) -> io::Result<Option<CsvItem>> {
        if let Some(item) = self.queued.pop_front() {
            return Ok(Some(item));
        }
        let mut first = self.take_line()?;
        while first == b"\n" || first == b"\r\n" {
            first = self.take_line()?;
        }
        if first.is_empty() {
            return Ok(None);
        }
        let start = self.line;
        let (mut state, mut stray) = Quoting::FieldStart.after(&first);
        let mut record = first;
        // Where each line after the first starts in `record`.
        let mut line_starts = Vec::new();
        while state == Quoting::Quoted {
            let next = self.take_line()?;
            if next.is_empty() {
                break;
            }
            line_starts.push(record.len());
            let (after, odd) = state.after(&next);
            (state, stray) = (after, stray | odd);
            record.extend_from_slice(&next);
        }
        let unclosed = state == Quoting::Quoted;
        let mut records = split_fields(&record);
        let wrong_count = |records: &[csv::ByteRecord]| {
            fields.is_some_and(|n| records.iter().any(|r| r.len() != n))
        };
        // A record over several lines is one only if its quoting is clean
        // and it has the header's number of fields.
        if unclosed || (!line_starts.is_empty() && (stray || wrong_count(&records))) {
            if let Some(&second) = line_starts.first() {
                // Give the lines after the first back, and read again from
                // the second.
                let mut rest: Vec<Vec<u8>> = Vec::with_capacity(line_starts.len());
                let mut ends = line_starts[1..].to_vec();
                ends.push(record.len());
                let mut from = second;
                for end in ends {
                    rest.push(record[from..end].to_vec());
                    from = end;
                }
                self.line -= rest.len() as u64;
                for line in rest.into_iter().rev() {
                    self.pending.push_front(line);
                }
            }
            return Ok(Some(CsvItem::Bad {
                line: start,
                problem: "not a valid CSV record: unclosed quote (skipped; reading resumes on the next line)"
                    .to_string(),
            }));
        }
        if records.is_empty() {
            records.push(csv::ByteRecord::new());
        }
        let mut items = records
            .into_iter()
            .map(|fields| CsvItem::Record {
                line: start,
                fields,
            })
            .collect::<VecDeque<_>>();
        let first = items.pop_front();
        self.queued = items;
        Ok(first)
    }
}

/// The records in one record's bytes (one, unless the file ends its lines
/// with `\r` only), split into fields by the csv crate.
fn split_fields(record: &[u8]) -> Vec<csv::ByteRecord> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(record);
    let mut out = Vec::new();
    let mut fields = csv::ByteRecord::new();
    // Reading bytes from memory cannot fail: no I/O, no UTF-8 check.
    while let Ok(true) = reader.read_byte_record(&mut fields) {
        out.push(std::mem::take(&mut fields));
    }
    out
}

/// A CSV file's header: what each column holds, and its name.
pub(super) struct CsvHeader {
    pub(super) columns: Vec<Column>,
    pub(super) names: Vec<String>,
}

/// Which article field a CSV column or a JSON key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    Id,
    Source,
    Published,
    Title,
    Text,
    Url,
    Extra,
}

impl Column {
    /// The field `name` maps to under `fields`.
    pub(super) fn of(name: &str, fields: &FieldMap) -> Column {
        if name == fields.id {
            Column::Id
        } else if name == fields.source {
            Column::Source
        } else if name == fields.published {
            Column::Published
        } else if name == fields.title {
            Column::Title
        } else if name == fields.text {
            Column::Text
        } else if name == fields.url {
            Column::Url
        } else {
            Column::Extra
        }
    }
}

pub(super) fn csv_article(
    header: &CsvHeader,
    values: &[String],
    file: &InputFile,
    line: u64,
) -> Raw {
    let columns = &header.columns;
    if values.len() != columns.len() {
        return Raw::Bad(format!(
            "CSV record has {} fields, the header has {}",
            values.len(),
            columns.len()
        ));
    }
    let mut article = Article::default();
    let optional = |v: &str| (!v.is_empty()).then(|| v.to_string());
    for (i, (column, value)) in columns.iter().zip(values).enumerate() {
        match column {
            Column::Id => article.id = value.clone(),
            Column::Source => article.source = optional(value),
            Column::Published => article.published = optional(value),
            Column::Title => article.title = optional(value),
            Column::Text => article.text = value.clone(),
            Column::Url => article.url = optional(value),
            Column::Extra => {
                let name = header.names[i].clone();
                article.extra.insert(name, Value::String(value.clone()));
            }
        }
    }
    if article.id.is_empty() {
        article.id = format!("{}:{line}", file.path.display());
    }
    Raw::Ready(Box::new(article))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(csv: &str, fields: Option<usize>) -> Vec<(u64, Result<Vec<String>, String>)> {
        let mut records = CsvRecords::new(Box::new(io::Cursor::new(csv.as_bytes().to_vec())));
        let mut out = Vec::new();
        while let Some(item) = records.next(fields).unwrap() {
            out.push(match item {
                CsvItem::Record { line, fields } => (
                    line,
                    Ok(fields
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect()),
                ),
                CsvItem::Bad { line, .. } => (line, Err("bad".to_string())),
            });
        }
        out
    }

    fn ok(line: u64, fields: &[&str]) -> (u64, Result<Vec<String>, String>) {
        (line, Ok(fields.iter().map(|f| f.to_string()).collect()))
    }

    #[test]
    fn lines_are_counted_for_lf_and_crlf_alike() {
        for eol in ["\n", "\r\n"] {
            let csv = format!("id,text{eol}1,\"a{eol}b\"{eol}{eol}2,c{eol}");
            assert_eq!(
                items(&csv, Some(2)),
                [
                    ok(1, &["id", "text"]),
                    ok(2, &["1", &format!("a{eol}b")]),
                    ok(5, &["2", "c"])
                ],
                "{eol:?}"
            );
        }
    }

    #[test]
    fn quotes_follow_csv_rules() {
        let csv = "1,\"say \"\"hi\"\"\",12\" screen\n2,\"x\"y,z\n";
        assert_eq!(
            items(csv, Some(3)),
            [
                ok(1, &["1", "say \"hi\"", "12\" screen"]),
                ok(2, &["2", "xy", "z"])
            ]
        );
    }

    /// Issue 14: a row after an unclosed quote was lost inside bogus
    /// records; now the unclosed line is skipped and reading resumes.
    #[test]
    fn reading_resumes_after_an_unclosed_quote() {
        let csv = "id,text\n1,\"one\"\n2,\"unclosed\n3,\"three\"\n4,four\n";
        assert_eq!(
            items(csv, Some(2)),
            [
                ok(1, &["id", "text"]),
                ok(2, &["1", "one"]),
                (3, Err("bad".to_string())),
                ok(4, &["3", "three"]),
                ok(5, &["4", "four"]),
            ]
        );
        // Never closed at all, on the last line.
        assert_eq!(
            items("id,text\n1,\"open", Some(2)),
            [ok(1, &["id", "text"]), (2, Err("bad".to_string()))]
        );
    }

    #[test]
    fn carriage_returns_alone_end_records_too() {
        assert_eq!(
            items("id,text\r1,a\r2,b", None),
            [
                ok(1, &["id", "text"]),
                ok(1, &["1", "a"]),
                ok(1, &["2", "b"])
            ]
        );
    }
}
