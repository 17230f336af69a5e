//! Outputs of `wirediff compare`: JSON Lines for programs and a fact ×
//! source matrix for the terminal.
//!
//! # JSON Lines format (schema version 1)
//!
//! One JSON object a line, each `{"type": T, "data": {...}}`:
//!
//! 1. `header`, first: `schema_version` (1), `tool` (`wirediff <version>`).
//! 2. `comparison`, one per story with two or more sources, in story order:
//!    `story`, `label`, `articles`, and the [`crate::compare::Comparison`]
//!    fields: `sources` (each `source`, `articles`, `first_published`,
//!    `speakers` as `{label, anonymous, quotes}`), `facts` (each `kind`,
//!    `subject`, `label`, `reports` (each `source`, `article`, `published`,
//!    `value` `{min, max}` or null for quotes, `detail`, `span` `[start, end)`
//!    byte offsets into that article's text, `evidence` (the sentence),
//!    `rule`), `omitted_by`, `conflict`, `update`, `consensus` (`{value,
//!    rule}` or null), `first_source`, `first_published`), `missing` (each
//!    `source` and `facts`: indices into `facts`), `conflicts` (indices into
//!    `facts`), `wire` (each `origin`, `origin_source`, `credits`
//!    `{article, text, span}`, `reprints` `{article, source, added_words,
//!    removed_words, kept_words, changed_numbers, changed_quotes, diff}`,
//!    `diff` a list of `{tag: "equal"|"removed"|"added", text}`).
//! 3. `summary`, last: `schema_version`, `articles`, `skipped`, `stories`,
//!    `compared` (stories with two or more sources), `facts`, `conflicts`,
//!    `seconds`.
//!
//! Values worth knowing: a fact's `subject` is the counted class for counts
//! (`people`, `troops`, …) and the speaker key for quotes (`person:<surname>[:<first
//! name>]`, `org:<name>`, `anon:<affiliation>:<role>`, or `described:<words>`
//! for a source known only by a description); `conflict` is true when reported
//! values are disjoint; `update` is true when the values rise with publication
//! time, with or without a conflict (a rising "at least"); a consensus `rule`
//! is `intersection`, `most_conservative` or `latest` (see
//! [`crate::compare`]). Readers should ignore fields they do not know: new
//! fields may be added within a schema version; a change of meaning bumps it.

use std::io::{self, Write};

use serde::Serialize;

use crate::compare::{AlignedFact, Report, StoryComparison, show_interval};
use crate::report::sanitize;

/// Version of the `compare` JSON Lines schema.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
enum Record<'a> {
    Header { schema_version: u32, tool: String },
    Comparison(&'a StoryComparison),
    Summary(&'a Summary),
}

/// Totals of a compare run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Articles read.
    pub articles: usize,
    /// Malformed records skipped.
    pub skipped: usize,
    /// Stories found.
    pub stories: usize,
    /// Stories with two or more sources (compared).
    pub compared: usize,
    /// Aligned facts over all compared stories.
    pub facts: usize,
    /// Facts with conflicting values.
    pub conflicts: usize,
    /// Wall-clock seconds (the only field that differs between runs).
    pub seconds: f64,
}

fn line(w: &mut impl Write, record: &Record<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *w, record)?;
    w.write_all(b"\n")
}

/// Writes the JSON Lines records described in the module docs.
pub fn write_jsonl(
    comparisons: &[StoryComparison],
    summary: &Summary,
    mut w: impl Write,
) -> io::Result<()> {
    line(
        &mut w,
        &Record::Header {
            schema_version: SCHEMA_VERSION,
            tool: format!("wirediff {}", env!("CARGO_PKG_VERSION")),
        },
    )?;
    for comparison in comparisons {
        line(&mut w, &Record::Comparison(comparison))?;
    }
    line(&mut w, &Record::Summary(summary))?;
    w.flush()
}

/// How the terminal output looks.
#[derive(Clone, Copy, Debug)]
pub struct TerminalStyle {
    /// Columns available.
    pub width: usize,
    /// Use ANSI colours.
    pub color: bool,
}

/// Writes, per compared story, the fact × source matrix (`✓ value` reported,
/// `—` left out, `≠ value` conflicting, `↑ value` an earlier figure a later
/// report raised), who is quoted per source, the
/// missing-from list, the conflicts and updates, and the copy groups. All article text is
/// sanitized; the matrix is cut to `style.width`.
pub fn write_terminal(
    comparisons: &[StoryComparison],
    summary: &Summary,
    style: TerminalStyle,
    mut w: impl Write,
) -> io::Result<()> {
    let paint = |code: &str, text: &str| {
        if style.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    writeln!(
        w,
        "{} articles, {} stories, {} with two or more sources compared; {} facts aligned, {} in conflict",
        summary.articles, summary.stories, summary.compared, summary.facts, summary.conflicts
    )?;
    for story in comparisons {
        let c = &story.comparison;
        writeln!(w)?;
        let title = format!(
            "Story {}: {} ({} sources, {} articles)",
            story.story,
            sanitize::for_terminal(&story.label),
            c.sources.len(),
            story.articles
        );
        writeln!(w, "{}", paint("1", &fit(&title, style.width)))?;
        // The matrix: a label column, then one column per source that fits.
        let label_width = c
            .facts
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(4)
            .clamp(4, 34);
        let column_width = 14;
        let fitting = (style.width.saturating_sub(label_width + 2) / (column_width + 1)).max(1);
        let shown = &c.sources[..c.sources.len().min(fitting)];
        let mut header = format!("{:label_width$}  ", "");
        for s in shown {
            header.push_str(&format!(
                "{:column_width$} ",
                fit(&sanitize::for_terminal(&s.source), column_width)
            ));
        }
        writeln!(w, "{}", header.trim_end())?;
        for fact in &c.facts {
            let mut row = format!(
                "{:label_width$}  ",
                fit(&sanitize::for_terminal(&fact.label), label_width)
            );
            for s in shown {
                let cell = match cell(fact, &s.source) {
                    Cell::Omitted => paint("2", &pad("—", column_width)),
                    Cell::Conflicting(r) => {
                        paint("31", &pad(&format!("≠ {}", value(r)), column_width))
                    }
                    Cell::Superseded(r) => {
                        paint("33", &pad(&format!("↑ {}", value(r)), column_width))
                    }
                    Cell::Reported(r) => paint(
                        "32",
                        &pad(format!("✓ {}", value(r)).trim_end(), column_width),
                    ),
                };
                row.push_str(&cell);
                row.push(' ');
            }
            writeln!(w, "{}", row.trim_end())?;
        }
        if shown.len() < c.sources.len() {
            writeln!(
                w,
                "  (+{} more sources; widen the terminal or use --format jsonl)",
                c.sources.len() - shown.len()
            )?;
        }
        for s in &c.sources {
            if s.speakers.is_empty() {
                continue;
            }
            let quoted: Vec<String> = s
                .speakers
                .iter()
                .map(|q| {
                    let mark = if q.anonymous { " (anonymous)" } else { "" };
                    format!("{}{mark}", sanitize::for_terminal(&q.label))
                })
                .collect();
            writeln!(
                w,
                "{}",
                fit(
                    &format!(
                        "  {} quotes: {}",
                        sanitize::for_terminal(&s.source),
                        quoted.join("; ")
                    ),
                    style.width
                )
            )?;
        }
        for m in c.missing.iter().filter(|m| !m.facts.is_empty()) {
            let list: Vec<String> = m
                .facts
                .iter()
                .map(|&i| {
                    format!(
                        "{} ({} of {})",
                        c.facts[i].label,
                        c.facts[i].reports.len(),
                        c.sources.len()
                    )
                })
                .collect();
            writeln!(
                w,
                "{}",
                fit(
                    &format!(
                        "  Missing from {}: {}",
                        sanitize::for_terminal(&m.source),
                        list.join(", ")
                    ),
                    style.width
                )
            )?;
        }
        for i in c.flagged() {
            let fact = &c.facts[i];
            let values: Vec<String> = fact
                .reports
                .iter()
                .map(|r| format!("{} {}", sanitize::for_terminal(&r.source), value(r)))
                .collect();
            let kind = if fact.update { "update" } else { "conflict" };
            let consensus = fact
                .consensus
                .map(|c| format!("; consensus {} ({})", show_interval(c.value), c.rule))
                .unwrap_or_default();
            writeln!(
                w,
                "{}",
                paint(
                    "31",
                    &fit(
                        &format!("  {kind}: {}: {}{consensus}", fact.label, values.join(", ")),
                        style.width
                    )
                )
            )?;
        }
        for wire in &c.wire {
            writeln!(
                w,
                "  Copies of {} ({}):",
                sanitize::for_terminal(&wire.origin),
                sanitize::for_terminal(&wire.origin_source)
            )?;
            for r in &wire.reprints {
                let mut text = format!(
                    "    {} ({}): +{} −{} words",
                    sanitize::for_terminal(&r.article),
                    sanitize::for_terminal(&r.source),
                    r.added_words,
                    r.removed_words
                );
                for (old, new) in &r.changed_numbers {
                    text.push_str(&format!("; number {old} → {new}"));
                }
                if !r.changed_quotes.is_empty() {
                    text.push_str(&format!("; {} quote(s) changed", r.changed_quotes.len()));
                }
                writeln!(w, "{}", fit(&text, style.width))?;
            }
        }
    }
    w.flush()
}

/// What the matrix shows for one fact and one source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// The source does not report the fact (`—`).
    Omitted,
    /// The source reports it, agreeing with every other source (`✓ value`).
    Reported(&'a Report),
    /// The source reports a value that disagrees with another source's
    /// (`≠ value`).
    Conflicting(&'a Report),
    /// In a toll that rose with publication time, an earlier figure that a
    /// later report raised: it disagrees with the consensus (`↑ value`).
    Superseded(&'a Report),
}

/// The cell of `fact` in the column of `source`.
pub fn cell<'a>(fact: &'a AlignedFact, source: &str) -> Cell<'a> {
    let Some(report) = fact.reports.iter().find(|r| r.source == source) else {
        return Cell::Omitted;
    };
    if fact.update
        && let (Some(v), Some(consensus)) = (report.value, fact.consensus)
    {
        return if crate::compare::agree(v, consensus.value) {
            Cell::Reported(report)
        } else {
            Cell::Superseded(report)
        };
    }
    let disagrees = fact.conflict
        && report.value.is_some_and(|v| {
            fact.reports
                .iter()
                .any(|o| o.value.is_some_and(|ov| !crate::compare::agree(v, ov)))
        });
    if disagrees {
        Cell::Conflicting(report)
    } else {
        Cell::Reported(report)
    }
}

/// A report's value as shown in a cell (`12`, `12+`, `20–30`; empty for
/// quotes).
pub fn value(report: &Report) -> String {
    report.value.map(show_interval).unwrap_or_default()
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        fit(text, width)
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

/// Cuts `text` to `width` characters, marking a cut with `…`.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
