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
//!    - `representative` (string): id of the group's origin (see
//!      [`crate::copies`] for what a group is and how its origin is chosen),
//!    - `kind` (string): `"origin"` (the representative of a group of two or
//!      more), `"duplicate"` (a near-complete copy), `"reuse"` (a partial
//!      copy) or `"unique"` (no copies),
//!    - `copy_of` (string or null): the member this article is a copy of:
//!      the origin, or for a second-hand copy a direct copy of the origin,
//!    - `jaccard`, `containment` (numbers, 4 decimals): exact similarity of
//!      the article's shingle set to the origin's, after site furniture is
//!      removed (1 for the origin itself).
//! 2. `group`, one per group with two or more articles, in group order:
//!    - `group`, `size`, `representative` (as above),
//!    - `members` (array of ids, input order),
//!    - `copies` (array, input order): every member but the origin, each
//!      `{"id", "kind", "copy_of", "jaccard", "containment"}`, the
//!      similarity being to `copy_of`,
//!    - `pairs` (array): every copy pair between two members (the links
//!      and any others), sorted by input order, each `{"a": id, "b": id,
//!      "kind": k, "jaccard": x, "containment": y}`.
//! 3. `summary`, last:
//!    - `articles` (read), `skipped` (malformed records), `empty_texts`,
//!    - `groups` (with two or more articles), `copies` (articles in such
//!      groups that are not the origin), `duplicates` and `reuses` (of them),
//!    - `candidate_pairs`, `verified_pairs` (candidate pairs that are
//!      copies, inside or across groups),
//!    - `furniture_lines` (distinct lines found to be furniture of an
//!      outlet), `cleaned_articles` (compared without their furniture),
//!    - `measure` (`"containment"` or `"jaccard"`), `threshold`,
//!      `duplicate_threshold`, `shingles` (e.g. `"word:5"`),
//!      `permutations`, `bands`, `rows`,
//!    - `seconds` (wall-clock; the only field that differs between runs).
//!
//! With `--emit pairs`, the records are instead one `pair` per copy pair
//! (inside a group or across two), sorted by input order, with the fields
//! of a group's `pairs` entries, then the `summary`.

use std::io::{self, BufRead, Write};

use serde::Serialize;

use crate::copies::{Kind, VerifiedPair};
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
    Pair(PairRecord<'a>),
    Summary(SummaryRecord),
}

#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    source: Option<&'a str>,
    group: u32,
    group_size: usize,
    representative: &'a str,
    kind: &'a str,
    copy_of: Option<&'a str>,
    jaccard: f64,
    containment: f64,
}

#[derive(Serialize)]
struct GroupRecord<'a> {
    group: usize,
    size: usize,
    representative: &'a str,
    members: Vec<&'a str>,
    copies: Vec<CopyRecord<'a>>,
    pairs: Vec<PairRecord<'a>>,
}

#[derive(Serialize)]
struct CopyRecord<'a> {
    id: &'a str,
    kind: &'static str,
    copy_of: &'a str,
    jaccard: f64,
    containment: f64,
}

#[derive(Serialize)]
struct PairRecord<'a> {
    a: &'a str,
    b: &'a str,
    kind: &'static str,
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
    duplicates: usize,
    reuses: usize,
    candidate_pairs: usize,
    verified_pairs: usize,
    furniture_lines: usize,
    cleaned_articles: usize,
    measure: &'static str,
    threshold: f64,
    duplicate_threshold: f64,
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
    let kinds = |kind: Kind| {
        multi
            .clone()
            .flat_map(|g| &g.copies)
            .filter(|c| c.kind == kind)
            .count()
    };
    SummaryRecord {
        articles: dedup.articles.len(),
        skipped: dedup.skipped.len(),
        empty_texts: dedup.empty_texts,
        groups: multi.clone().count(),
        copies: multi.clone().map(|g| g.members.len() - 1).sum(),
        duplicates: kinds(Kind::Duplicate),
        reuses: kinds(Kind::Reuse),
        candidate_pairs: dedup.candidate_pairs,
        verified_pairs: dedup.verified_pairs,
        furniture_lines: dedup.furniture_lines,
        cleaned_articles: dedup.cleaned_articles,
        measure: config.measure.name(),
        threshold: config.threshold,
        duplicate_threshold: config.duplicate,
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

/// The fields of one `article` record (see the module docs).
#[derive(Clone, Copy, Debug)]
pub struct ArticleLine<'a> {
    /// Article id.
    pub id: &'a str,
    /// Its outlet.
    pub source: Option<&'a str>,
    /// Its copy group.
    pub group: u32,
    /// Articles in the group.
    pub group_size: usize,
    /// Id of the group's representative.
    pub representative: &'a str,
    /// `origin`, `duplicate`, `reuse`, or `unique` (a group of one).
    pub kind: &'a str,
    /// Id of the member it is a copy of (a copy only).
    pub copy_of: Option<&'a str>,
    /// Exact Jaccard similarity to the representative (rounded here).
    pub jaccard: f64,
    /// Exact containment (rounded here).
    pub containment: f64,
}

/// Writes one `article` record as a JSON line, exactly as
/// [`write_jsonl`] does, for engines that assemble the records themselves.
pub fn write_article_line(line: &ArticleLine<'_>, w: &mut impl Write) -> io::Result<()> {
    write_record(w, &article_record(line))
}

fn article_record<'a>(line: &ArticleLine<'a>) -> Record<'a> {
    Record::Article(ArticleRecord {
        id: line.id,
        source: line.source,
        group: line.group,
        group_size: line.group_size,
        representative: line.representative,
        kind: line.kind,
        copy_of: line.copy_of,
        jaccard: round4(line.jaccard),
        containment: round4(line.containment),
    })
}

/// Writes the JSON Lines records described in the module docs.
pub fn write_jsonl(dedup: &Dedup, config: &DedupConfig, mut w: impl Write) -> io::Result<()> {
    let groups = &dedup.copies.groups;
    let id = |i: u32| dedup.articles[i as usize].id.as_str();
    let article_record = |i: usize| {
        let g = dedup.copies.group_of[i];
        let group = &groups[g as usize];
        let overlap = &dedup.to_representative[i];
        let link = group.link(i as u32);
        article_record(&ArticleLine {
            id: &dedup.articles[i].id,
            source: dedup.articles[i].source.as_deref(),
            group: g,
            group_size: group.members.len(),
            representative: id(group.representative),
            kind: match link {
                Some(link) => link.kind.name(),
                None if group.members.len() > 1 => "origin",
                None => "unique",
            },
            copy_of: link.map(|l| id(l.of)),
            jaccard: overlap.jaccard,
            containment: overlap.containment,
        })
    };
    let group_record = |g: usize| {
        let group = &groups[g];
        Record::Group(GroupRecord {
            group: g,
            size: group.members.len(),
            representative: id(group.representative),
            members: group.members.iter().map(|&m| id(m)).collect(),
            copies: group
                .copies
                .iter()
                .map(|c| CopyRecord {
                    id: id(c.article),
                    kind: c.kind.name(),
                    copy_of: id(c.of),
                    jaccard: round4(c.overlap.jaccard),
                    containment: round4(c.overlap.containment),
                })
                .collect(),
            pairs: group
                .pairs
                .iter()
                .map(|p| pair_record(dedup, config, p))
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

fn pair_record<'a>(dedup: &'a Dedup, config: &DedupConfig, p: &VerifiedPair) -> PairRecord<'a> {
    PairRecord {
        a: &dedup.articles[p.a as usize].id,
        b: &dedup.articles[p.b as usize].id,
        kind: Kind::of(&p.overlap, config.duplicate).name(),
        jaccard: round4(p.overlap.jaccard),
        containment: round4(p.overlap.containment),
    }
}

/// Writes every copy pair as a `pair` record, then the summary (see the
/// module docs).
pub fn write_pairs(dedup: &Dedup, config: &DedupConfig, mut w: impl Write) -> io::Result<()> {
    for buf in formatted_blocks(dedup.pairs.len(), |k| {
        Record::Pair(pair_record(dedup, config, &dedup.pairs[k]))
    })? {
        w.write_all(&buf)?;
    }
    write_record(&mut w, &Record::Summary(summary(dedup, config)))?;
    w.flush()
}

/// Writes a summary for people: totals, then every group of copies with its
/// members' sources, dates, kinds and similarity to the origin. All input
/// text is sanitized for the terminal.
pub fn write_table(dedup: &Dedup, config: &DedupConfig, mut w: impl Write) -> io::Result<()> {
    let s = summary(dedup, config);
    writeln!(
        w,
        "{} articles read, {} skipped, {} empty; {} copies ({} duplicates, {} reuse) in {} groups ({} measure ≥ {}, duplicates ≥ {}, {} shingles)",
        s.articles,
        s.skipped,
        s.empty_texts,
        s.copies,
        s.duplicates,
        s.reuses,
        s.groups,
        s.measure,
        s.threshold,
        s.duplicate_threshold,
        s.shingles
    )?;
    writeln!(
        w,
        "{} candidate pairs from {} bands × {} rows, {} verified; {} furniture lines, {} articles cleaned; {:.2} s",
        s.candidate_pairs,
        s.bands,
        s.rows,
        s.verified_pairs,
        s.furniture_lines,
        s.cleaned_articles,
        s.seconds
    )?;
    let cell = |x: Option<&str>| sanitize::for_terminal(x.unwrap_or("-")).into_owned();
    const COLUMNS: usize = 7;
    for (g, group) in dedup
        .copies
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.members.len() > 1)
    {
        let rows: Vec<[String; COLUMNS]> = std::iter::once(group.representative)
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
                let link = group.link(m);
                let of = link
                    .filter(|l| l.of != group.representative)
                    .map(|l| format!("of {}", cell(Some(&dedup.articles[l.of as usize].id))));
                [
                    cell(Some(&a.id)),
                    cell(a.source.as_deref()),
                    cell(a.published.as_deref()),
                    link.map_or("origin", |l| l.kind.name()).to_string(),
                    of.unwrap_or_default(),
                    format!("{:.2}", o.jaccard),
                    format!("{:.2}", o.containment),
                ]
            })
            .collect();
        let header = [
            "id",
            "source",
            "published",
            "kind",
            "copy of",
            "jaccard",
            "containment",
        ];
        let widths: Vec<usize> = (0..COLUMNS)
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
        let line = |cells: [&str; COLUMNS]| {
            let mut out = String::from("  ");
            for (c, text) in cells.iter().enumerate() {
                let pad = widths[c] - text.chars().count();
                if c >= 5 {
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
        for row in &rows {
            writeln!(w, "{}", line(std::array::from_fn(|c| row[c].as_str())))?;
        }
    }
    w.flush()
}

/// Where the records `--emit unique` keeps are, in input order: every
/// article but the copies whose kind (of the member they are linked to) is
/// in `drop`; origins and articles without copies are always kept.
pub fn kept_locations(dedup: &Dedup, drop: &[Kind]) -> Vec<RecordLocation> {
    let groups = &dedup.copies.groups;
    let mut keep: Vec<RecordLocation> = (0..dedup.articles.len())
        .filter(|&i| {
            let group = &groups[dedup.copies.group_of[i] as usize];
            group
                .link(i as u32)
                .is_none_or(|link| !drop.contains(&link.kind))
        })
        .map(|i| dedup.articles[i].location)
        .collect();
    keep.sort_unstable();
    keep
}

/// Writes the deduplicated corpus, in input order: every article but the
/// copies of a kind in `drop` (by default the duplicates; origins and
/// articles without copies are always kept). JSON Lines input records are
/// copied verbatim, with all their fields; CSV and text articles are written
/// as JSON objects with the input's field names.
pub fn write_unique(
    inputs: &Inputs,
    dedup: &Dedup,
    drop: &[Kind],
    mut w: impl Write,
) -> Result<()> {
    let write_err = |source| Error::Write {
        path: "-".into(),
        source,
    };
    let keep = kept_locations(dedup, drop);
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
