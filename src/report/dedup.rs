//! Outputs of `wirediff dedup`: JSON Lines records, a table for people, and
//! the deduplicated corpus.
//!
//! # JSON Lines format
//!
//! One JSON object a line, each `{"type": T, "data": {...}}`, in this order:
//!
//! 1. `article`, one per input article, in input order:
//!    - `id` (string), `source` (string or null),
//!    - `group` (integer): the copy group; every article has one, numbered
//!      from 0 in order of each group's first article,
//!    - `group_size` (integer): articles in the group (1 = no copies),
//!    - `representative` (string): id of the group's representative,
//!    - `jaccard`, `containment` (numbers, 4 decimals): exact similarity of
//!      the article's shingle set to the representative's (1 for the
//!      representative itself).
//! 2. `group`, one per group with two or more articles, in group order:
//!    - `group`, `size`, `representative` (as above),
//!    - `members` (array of ids, input order),
//!    - `pairs` (array): every verified pair inside the group, each
//!      `{"a": id, "b": id, "jaccard": x, "containment": y}`.
//! 3. `summary`, last:
//!    - `articles` (read), `skipped` (malformed records), `empty_texts`,
//!    - `groups` (with two or more articles), `copies` (articles in such
//!      groups that are not the representative),
//!    - `candidate_pairs`, `verified_pairs`,
//!    - `measure` (`"containment"` or `"jaccard"`), `threshold`,
//!      `shingles` (e.g. `"word:5"`), `permutations`, `bands`, `rows`,
//!    - `seconds` (wall-clock; the only field that differs between runs).

use std::io::{self, BufRead, Write};

use serde::Serialize;

use crate::dedup::{Dedup, DedupConfig};
use crate::error::{Error, Result};
use crate::ingest::{self, InputFormat, Inputs, RecordLocation};
use crate::report::sanitize;
use crate::shingle::Shingling;

#[derive(Serialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
enum Record<'a> {
    Article(ArticleRecord<'a>),
    Group(GroupRecord<'a>),
    Summary(SummaryRecord),
}

#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    source: Option<&'a str>,
    group: u32,
    group_size: usize,
    representative: &'a str,
    jaccard: f64,
    containment: f64,
}

#[derive(Serialize)]
struct GroupRecord<'a> {
    group: usize,
    size: usize,
    representative: &'a str,
    members: Vec<&'a str>,
    pairs: Vec<PairRecord<'a>>,
}

#[derive(Serialize)]
struct PairRecord<'a> {
    a: &'a str,
    b: &'a str,
    jaccard: f64,
    containment: f64,
}

#[derive(Serialize)]
struct SummaryRecord {
    articles: usize,
    skipped: usize,
    empty_texts: usize,
    groups: usize,
    copies: usize,
    candidate_pairs: usize,
    verified_pairs: usize,
    measure: &'static str,
    threshold: f64,
    shingles: String,
    permutations: usize,
    bands: usize,
    rows: usize,
    seconds: f64,
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn shingles_name(shingling: Shingling) -> String {
    match shingling {
        Shingling::Words(k) => format!("word:{k}"),
        Shingling::Chars(k) => format!("char:{k}"),
    }
}

fn summary(dedup: &Dedup, config: &DedupConfig) -> SummaryRecord {
    let multi = dedup.copies.groups.iter().filter(|g| g.members.len() > 1);
    let bands = dedup.bands.unwrap_or_else(|| config.bands());
    SummaryRecord {
        articles: dedup.articles.len(),
        skipped: dedup.skipped.len(),
        empty_texts: dedup.empty_texts,
        groups: multi.clone().count(),
        copies: multi.map(|g| g.members.len() - 1).sum(),
        candidate_pairs: dedup.candidate_pairs,
        verified_pairs: dedup.verified_pairs,
        measure: config.measure.name(),
        threshold: config.threshold,
        shingles: shingles_name(config.shingling),
        permutations: config.permutations,
        bands: bands.bands,
        rows: bands.rows,
        seconds: (dedup.seconds * 1000.0).round() / 1000.0,
    }
}

fn write_record(w: &mut impl Write, record: &Record<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *w, record)?;
    w.write_all(b"\n")
}

/// Formats records `0..count` as JSON Lines, blocks of them in parallel;
/// the blocks come back in order.
fn formatted_blocks<'a>(
    count: usize,
    record: impl Fn(usize) -> Record<'a> + Sync,
) -> io::Result<Vec<Vec<u8>>> {
    use rayon::prelude::*;
    const BLOCK: usize = 4096;
    (0..count.div_ceil(BLOCK))
        .into_par_iter()
        .map(|b| {
            let mut buf = Vec::new();
            for i in b * BLOCK..((b + 1) * BLOCK).min(count) {
                write_record(&mut buf, &record(i))?;
            }
            Ok(buf)
        })
        .collect()
}

/// Writes the JSON Lines records described in the module docs.
pub fn write_jsonl(dedup: &Dedup, config: &DedupConfig, mut w: impl Write) -> io::Result<()> {
    let groups = &dedup.copies.groups;
    let id = |i: u32| dedup.articles[i as usize].id.as_str();
    let article_record = |i: usize| {
        let g = dedup.copies.group_of[i];
        let group = &groups[g as usize];
        let overlap = &dedup.to_representative[i];
        Record::Article(ArticleRecord {
            id: &dedup.articles[i].id,
            source: dedup.articles[i].source.as_deref(),
            group: g,
            group_size: group.members.len(),
            representative: id(group.representative),
            jaccard: round4(overlap.jaccard),
            containment: round4(overlap.containment),
        })
    };
    let group_record = |g: usize| {
        let group = &groups[g];
        Record::Group(GroupRecord {
            group: g,
            size: group.members.len(),
            representative: id(group.representative),
            members: group.members.iter().map(|&m| id(m)).collect(),
            pairs: group
                .pairs
                .iter()
                .map(|p| PairRecord {
                    a: id(p.a),
                    b: id(p.b),
                    jaccard: round4(p.overlap.jaccard),
                    containment: round4(p.overlap.containment),
                })
                .collect(),
        })
    };
    // Records are formatted in parallel, a block at a time, and written in
    // order, so the output is the same at any thread count.
    let multi: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].members.len() > 1)
        .collect();
    for buf in formatted_blocks(dedup.articles.len(), article_record)? {
        w.write_all(&buf)?;
    }
    for buf in formatted_blocks(multi.len(), |k| group_record(multi[k]))? {
        w.write_all(&buf)?;
    }
    write_record(&mut w, &Record::Summary(summary(dedup, config)))?;
    w.flush()
}

/// Writes a summary for people: totals, then every group of copies with its
/// members' sources, dates and similarity to the representative. All input
/// text is sanitized for the terminal.
pub fn write_table(dedup: &Dedup, config: &DedupConfig, mut w: impl Write) -> io::Result<()> {
    let s = summary(dedup, config);
    writeln!(
        w,
        "{} articles read, {} skipped, {} empty; {} copies in {} groups ({} measure ≥ {}, {} shingles)",
        s.articles,
        s.skipped,
        s.empty_texts,
        s.copies,
        s.groups,
        s.measure,
        s.threshold,
        s.shingles
    )?;
    writeln!(
        w,
        "{} candidate pairs from {} bands × {} rows, {} verified, {:.2} s",
        s.candidate_pairs, s.bands, s.rows, s.verified_pairs, s.seconds
    )?;
    let cell = |x: Option<&str>| sanitize::for_terminal(x.unwrap_or("-")).into_owned();
    for (g, group) in dedup
        .copies
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.members.len() > 1)
    {
        let rows: Vec<[String; 5]> = std::iter::once(group.representative)
            .chain(
                group
                    .members
                    .iter()
                    .copied()
                    .filter(|&m| m != group.representative),
            )
            .map(|m| {
                let a = &dedup.articles[m as usize];
                let o = &dedup.to_representative[m as usize];
                [
                    cell(Some(&a.id)),
                    cell(a.source.as_deref()),
                    cell(a.published.as_deref()),
                    format!("{:.2}", o.jaccard),
                    format!("{:.2}", o.containment),
                ]
            })
            .collect();
        let header = ["id", "source", "published", "jaccard", "containment"];
        let widths: Vec<usize> = (0..5)
            .map(|c| {
                rows.iter()
                    .map(|r| r[c].chars().count())
                    .chain([header[c].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        writeln!(w)?;
        writeln!(w, "group {g}: {} articles", group.members.len())?;
        let line = |cells: [&str; 5]| {
            let mut out = String::from("  ");
            for (c, text) in cells.iter().enumerate() {
                let pad = widths[c] - text.chars().count();
                if c >= 3 {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(text);
                } else {
                    out.push_str(text);
                    out.push_str(&" ".repeat(pad));
                }
                out.push_str("  ");
            }
            out.trim_end().to_string()
        };
        writeln!(w, "{}", line(header))?;
        for (r, row) in rows.iter().enumerate() {
            let mut text = line([&row[0], &row[1], &row[2], &row[3], &row[4]]);
            if r == 0 {
                text.push_str("  (representative)");
            }
            writeln!(w, "{text}")?;
        }
    }
    w.flush()
}

/// Writes the deduplicated corpus: one representative per group (singletons
/// included), in input order. JSON Lines input records are copied verbatim,
/// with all their fields; CSV and text articles are written as JSON objects
/// with the input's field names.
pub fn write_unique(inputs: &Inputs, dedup: &Dedup, mut w: impl Write) -> Result<()> {
    let write_err = |source| Error::Write {
        path: "-".into(),
        source,
    };
    let mut keep: Vec<RecordLocation> = dedup
        .copies
        .groups
        .iter()
        .map(|g| dedup.articles[g.representative as usize].location)
        .collect();
    keep.sort_unstable();
    let jsonl = |f: u32| inputs.files()[f as usize].format == InputFormat::Jsonl;
    let (lines, others): (Vec<_>, Vec<_>) = keep.iter().partition(|l| jsonl(l.file));
    let mut others_reader = inputs.reader_only(others);
    let mut pending = std::collections::VecDeque::new();
    let mut lines = lines.into_iter().peekable();
    for file in 0..inputs.files().len() as u32 {
        if jsonl(file) {
            let mut reader = inputs.open(file as usize)?;
            let mut number = 0u64;
            let mut line = Vec::new();
            while lines.peek().is_some_and(|l| l.file == file) {
                line.clear();
                let read = reader
                    .read_until(b'\n', &mut line)
                    .map_err(|source| Error::Read {
                        path: inputs.files()[file as usize].path.clone(),
                        source,
                    })?;
                if read == 0 {
                    break;
                }
                number += 1;
                if lines.peek().is_some_and(|l| l.line == number) {
                    lines.next();
                    let record = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&line);
                    let record = record.trim_ascii_end();
                    w.write_all(record).map_err(write_err)?;
                    w.write_all(b"\n").map_err(write_err)?;
                }
            }
        } else {
            loop {
                if pending.is_empty() {
                    match others_reader.next_batch(8 << 20)? {
                        Some(batch) => {
                            pending.extend(batch.locations.into_iter().zip(batch.articles))
                        }
                        None => break,
                    }
                    continue;
                }
                let Some((location, _)) = pending.front() else {
                    break;
                };
                if location.file != file {
                    break;
                }
                let (_, article) = pending.pop_front().expect("front() was Some");
                serde_json::to_writer(
                    &mut w,
                    &ingest::to_json_record(&article, &inputs.config().fields),
                )
                .map_err(|e| write_err(e.into()))?;
                w.write_all(b"\n").map_err(write_err)?;
            }
        }
    }
    w.flush().map_err(write_err)
}
