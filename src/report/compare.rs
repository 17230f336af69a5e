//! Outputs of `wirediff compare`: JSON Lines for programs and a fact ×
//! source matrix for the terminal.
//!
//! # JSON Lines format (schema version 2)
//!
//! One JSON object a line, each `{"type": T, "data": {...}}`:
//!
//! 1. `header`, first: `schema_version` (2), `tool` (`wirediff <version>`).
//! 2. `comparison`, one per story (single-source stories too: their facts
//!    and the story's toll), in story order: `story`, `label`, `articles`,
//!    and the [`crate::compare::Comparison`] fields:
//!    - `sources`: each `source`, `articles`, `first_published` (in UTC), `speakers`
//!      as `{label, anonymous, quotes}`, one per aligned speaker, `label`
//!      being that speaker's label as in its `quoted: …` fact;
//!    - `facts`: each `kind`, `subject`, `label`, `role` (`main`, `subset`
//!      or `background` for counts, null for quotes), `toll` (true on the
//!      row carrying the story's toll of its kind), `reports`, `earlier`,
//!      `omitted_by`, `conflict`, `update`, `consensus` (`{value, range,
//!      rule}` or null), `first_source`, `first_published` (in UTC). A report (in
//!      `reports`, one per reporting source, and in `earlier`, figures an
//!      article itself superseded) is `source`, `article`, `published`
//!      (as written in the input, or null), `published_utc` (the date in
//!      UTC, `2023-03-14T08:40:00Z` or `2023-03-14`, read from `published`
//!      or inferred; null if unknown), `published_inferred` (null, or
//!      `{rule, span}` when the date was inferred: `date.dateline`,
//!      `date.byline`, `date.top_line`, `date.updated` with the byte span of
//!      the date in the text, or `warc.date` with a null span),
//!      `value` (`{min, max}`, null for quotes), `detail`, `span` (`[start,
//!      end)` byte offsets into the article's `field`), `field` (`text`, or
//!      `title` for a headline figure the text does not repeat), `evidence`
//!      (the sentence, or the title), `rule`, `derived` (null, or how the
//!      value was read from other counts: `shot`, `shot_minus_killed`);
//!    - `missing`: each `source` and `facts` (indices into `facts`);
//!    - `conflicts`: indices into `facts`;
//!    - `wire`: each `origin`, `origin_source`, `credits` `{article, text,
//!      span}`, `reprints` `{article, source, added_words, removed_words,
//!      kept_words, changed_numbers, changed_quotes, diff}`, `diff` a list of
//!      `{tag: "equal"|"removed"|"added", text}`.
//! 3. `summary`, last: `schema_version`, `articles`, `skipped`, `stories`,
//!    `compared` (stories with two or more sources), `facts` and
//!    `conflicts` (over the compared stories), `not_english`, `seconds`.
//!
//! Values worth knowing: a fact's `subject` is the counted class for counts
//! (`people`, `troops`, …) and the speaker key for quotes (`person:<surname>[:<first
//! name>]`, `org:<name>`, `anon:<affiliation>:<role>`, or `described:<words>`
//! for a source known only by a description); `conflict` is true when two reports'
//! stated values (see `count.implicit_singular` below) are disjoint; `update` is true when the values rise with publication
//! time, with or without a conflict (a rising "at least"); a report whose
//! `rule` is `count.implicit_singular` (one person mentioned, "a 17-year-old
//! was shot") keeps its `value` but aligns as "at least" that value
//! ([`crate::compare::Report::stated`]; the terminal and HTML show `1+`);
//! a fact's `label` for a quote is the speaker's one label (see "Speaker
//! labels" in [`crate::compare`]), a report's `detail` the form it wrote.
//! A `consensus` `value` is one number (`min == max`), the conservative
//! reading of the interval the rule chose, which is `range`; its `rule` is
//! `intersection`, `majority`, `most_conservative`, `latest` or `died` (see
//! [`crate::compare`]). **The story's toll** of a kind is the `consensus`
//! of the fact of that kind with `toll: true`; a story with no such fact
//! reports nobody of that kind. Readers should ignore fields they do not
//! know: new fields may be added within a schema version; a change of
//! meaning bumps it (version 2: every story, roles, tolls, one-number
//! consensus values, title reports).

use std::io::{self, Write};

use serde::Serialize;

use crate::compare::{
    AlignedFact, Report, StoryComparison, kind_name, show_interval, show_published,
};
use crate::report::sanitize;

/// Version of the `compare` JSON Lines schema.
pub const SCHEMA_VERSION: u32 = 2;

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
    /// Aligned facts over the compared stories.
    pub facts: usize,
    /// Facts with conflicting values, over the compared stories.
    pub conflicts: usize,
    /// Articles not in English: the facts stage reads English only, so
    /// they got no facts.
    pub not_english: usize,
    /// Wall-clock seconds (the only field that differs between runs).
    pub seconds: f64,
}

impl Summary {
    /// The totals of one run: `articles` read and `skipped`, `result` the
    /// comparison of the articles read, `started` when the run began. The
    /// CLI and the Python bindings both build their summary here.
    pub fn new(
        result: &crate::compare::CorpusComparison,
        articles: usize,
        skipped: usize,
        started: std::time::Instant,
    ) -> Summary {
        let compared = || result.comparisons.iter().filter(|c| c.compared());
        Summary {
            schema_version: SCHEMA_VERSION,
            articles,
            skipped,
            stories: result.stories.stories.len(),
            compared: compared().count(),
            facts: compared().map(|c| c.comparison.facts.len()).sum(),
            conflicts: compared().map(|c| c.comparison.conflicts.len()).sum(),
            not_english: result.not_english,
            seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
        }
    }
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

/// Writes, per compared story (two or more sources), the fact × source matrix (`✓ value` reported,
/// `—` left out, `≠ value` conflicting, `↑ value` an earlier figure a later
/// report raised), the story's toll per kind, who is quoted per source (`×n` for more than one quote), the
/// missing-from list, the conflicts and updates (an update's reports in
/// published order with their UTC times), and the copy groups (two or more
/// identical reprints counted per source, not listed). All article
/// text is sanitized; matrix rows and story labels are cut to `style.width`,
/// lists are wrapped to it.
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
    let totals = format!(
        "{}, {}, {} with two or more sources compared; {} aligned, {} in conflict",
        counted(summary.articles, "article", "articles"),
        counted(summary.stories, "story", "stories"),
        summary.compared,
        counted(summary.facts, "fact", "facts"),
        summary.conflicts
    );
    write_wrapped(&mut w, &totals, style.width)?;
    for story in comparisons.iter().filter(|c| c.compared()) {
        let c = &story.comparison;
        writeln!(w)?;
        // The label is cut, never the counts after it.
        let counts = format!(
            " ({} sources, {} articles)",
            c.sources.len(),
            story.articles
        );
        let head = format!("Story {}: ", story.story);
        let room = style
            .width
            .saturating_sub(head.chars().count() + counts.chars().count())
            .max(10);
        let title = format!(
            "{head}{}{counts}",
            fit(&sanitize::for_terminal(&story.label), room)
        );
        writeln!(w, "{}", paint("1", &title))?;
        // The matrix: a label column, then one column per source that fits.
        // A column is as wide as the longest source name (14 to 22) when
        // all columns then fit beside the labels (cut at 34); labels get the
        // width the columns leave, 34 to 60.
        let wanted = c
            .sources
            .iter()
            .map(|s| sanitize::for_terminal(&s.source).chars().count())
            .max()
            .unwrap_or(0)
            .clamp(14, 22);
        let spare = |cw: usize| style.width.saturating_sub(2 + c.sources.len() * (cw + 1));
        let longest_label = c
            .facts
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(4);
        let column_width = if spare(wanted) >= longest_label.clamp(4, 34) {
            wanted
        } else {
            14
        };
        let label_width = longest_label.clamp(4, spare(column_width).clamp(34, 60));
        let fitting = (style.width.saturating_sub(label_width + 2) / (column_width + 1)).max(1);
        let shown = &c.sources[..c.sources.len().min(fitting)];
        if c.facts.is_empty() {
            writeln!(w, "  (no counts or quotes found in its articles)")?;
        }
        let shown = if c.facts.is_empty() { &[][..] } else { shown };
        let mut header = format!("{:label_width$}  ", "");
        for s in shown {
            header.push_str(&format!(
                "{:column_width$} ",
                fit(&sanitize::for_terminal(&s.source), column_width)
            ));
        }
        if !shown.is_empty() {
            writeln!(w, "{}", header.trim_end())?;
        }
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
        if !shown.is_empty() && shown.len() < c.sources.len() {
            let hidden: Vec<String> = c.sources[shown.len()..]
                .iter()
                .map(|s| sanitize::for_terminal(&s.source).into_owned())
                .collect();
            let text = format!(
                "  (not shown: {}; widen the terminal or use --format jsonl)",
                hidden.join(", ")
            );
            write_wrapped(&mut w, &text, style.width)?;
        }
        // The story's toll, one figure per kind (see `crate::compare`).
        let tolls: Vec<String> = c
            .facts
            .iter()
            .filter(|f| f.toll)
            .filter_map(|f| {
                let k = f.consensus?;
                Some(keep_together(&format!(
                    "{} {} ({})",
                    kind_name(f.kind),
                    show_interval(k.value),
                    k.rule
                )))
            })
            .collect();
        if !tolls.is_empty() {
            write_wrapped(
                &mut w,
                &format!("  Toll: {}", tolls.join(", ")),
                style.width,
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
                    let mark = if q.anonymous { "\u{a0}(anonymous)" } else { "" };
                    let times = if q.quotes > 1 {
                        format!("\u{a0}×{}", q.quotes)
                    } else {
                        String::new()
                    };
                    format!("{}{times}{mark}", sanitize::for_terminal(&q.label))
                })
                .collect();
            write_wrapped(
                &mut w,
                &format!(
                    "  {} quotes: {}",
                    sanitize::for_terminal(&s.source),
                    quoted.join("; ")
                ),
                style.width,
            )?;
        }
        for m in c.missing.iter().filter(|m| !m.facts.is_empty()) {
            let list: Vec<String> = m
                .facts
                .iter()
                .map(|&i| {
                    format!(
                        "{} {}",
                        sanitize::for_terminal(&c.facts[i].label),
                        keep_together(&format!(
                            "({} of {})",
                            c.facts[i].reports.len(),
                            c.sources.len()
                        ))
                    )
                })
                .collect();
            write_wrapped(
                &mut w,
                &format!(
                    "  Missing from {}: {}",
                    sanitize::for_terminal(&m.source),
                    list.join(", ")
                ),
                style.width,
            )?;
        }
        for i in c.flagged() {
            let fact = &c.facts[i];
            // An update is a story told in time: its reports in published
            // order with their times, "→" between them.
            let values: Vec<String> = if fact.update {
                let mut last_day = String::new();
                fact.timeline()
                    .into_iter()
                    .map(|r| {
                        let shown = show_published(r.published_utc.as_deref());
                        let day = shown.get(..10).unwrap_or("").to_string();
                        let time = match shown.strip_prefix(&format!("{last_day} ")) {
                            Some(rest) if !last_day.is_empty() => rest.to_string(),
                            _ => shown.clone(),
                        };
                        last_day = day;
                        keep_together(&format!(
                            "{} {} ({})",
                            sanitize::for_terminal(&r.source),
                            value(r),
                            sanitize::for_terminal(&time)
                        ))
                    })
                    .collect()
            } else {
                fact.reports
                    .iter()
                    .map(|r| {
                        keep_together(&format!(
                            "{} {}",
                            sanitize::for_terminal(&r.source),
                            value(r)
                        ))
                    })
                    .collect()
            };
            let separator = if fact.update { " → " } else { ", " };
            let kind = if fact.update { "update" } else { "conflict" };
            let consensus = fact
                .consensus
                .map(|c| {
                    format!(
                        "; {}",
                        keep_together(&format!(
                            "consensus {} ({})",
                            show_interval(c.value),
                            c.rule
                        ))
                    )
                })
                .unwrap_or_default();
            let text = format!(
                "  {kind}: {}: {}{consensus}",
                sanitize::for_terminal(&fact.label),
                values.join(separator)
            );
            for line in wrap(&text, style.width) {
                writeln!(w, "{}", paint("31", &line))?;
            }
        }
        for wire in &c.wire {
            writeln!(
                w,
                "  Copies of {} ({}):",
                sanitize::for_terminal(&wire.origin),
                sanitize::for_terminal(&wire.origin_source)
            )?;
            // Two or more reprints that changed nothing are counted per
            // source, not listed one by one (their ids are in the JSON Lines).
            let identical: Vec<&crate::compare::Reprint> = wire
                .reprints
                .iter()
                .filter(|r| r.added_words == 0 && r.removed_words == 0)
                .collect();
            let summarize = identical.len() >= 2;
            if summarize {
                let mut per_source: Vec<(&str, usize)> = Vec::new();
                for r in &identical {
                    match per_source.iter_mut().find(|(s, _)| *s == r.source) {
                        Some(entry) => entry.1 += 1,
                        None => per_source.push((&r.source, 1)),
                    }
                }
                per_source.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                let list: Vec<String> = per_source
                    .iter()
                    .map(|&(source, n)| {
                        let source = sanitize::for_terminal(source);
                        if n > 1 {
                            keep_together(&format!("{source} ×{n}"))
                        } else {
                            keep_together(&source)
                        }
                    })
                    .collect();
                let text = format!(
                    "    {} identical copies: {}",
                    identical.len(),
                    list.join(", ")
                );
                write_wrapped(&mut w, &text, style.width)?;
            }
            for r in &wire.reprints {
                if summarize && r.added_words == 0 && r.removed_words == 0 {
                    continue;
                }
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
                write_wrapped(&mut w, &text, style.width)?;
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
        && let (Some(v), Some(consensus)) = (report.stated(), fact.consensus)
    {
        return if crate::compare::agree(v, consensus.value) {
            Cell::Reported(report)
        } else {
            Cell::Superseded(report)
        };
    }
    let disagrees = fact.conflict
        && report.stated().is_some_and(|v| {
            fact.reports
                .iter()
                .any(|o| o.stated().is_some_and(|ov| !crate::compare::agree(v, ov)))
        });
    if disagrees {
        Cell::Conflicting(report)
    } else {
        Cell::Reported(report)
    }
}

/// A report's value as shown in a cell (`12`, `12+`, `20–30`; empty for
/// quotes): what it states about the total ([`Report::stated`]), so one
/// person mentioned shows as `1+`.
pub fn value(report: &Report) -> String {
    report.stated().map(show_interval).unwrap_or_default()
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        fit(text, width)
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

/// Marks the spaces of `text` as ones [`wrap`] does not break at.
fn keep_together(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

/// Breaks `text` into lines of at most `width` characters at spaces (not at
/// the no-break spaces of [`keep_together`], printed as spaces); lines after
/// the first are indented two spaces more than the first. A word longer
/// than a line is cut with `…`.
/// Writes `text` wrapped to `width` (see [`wrap`]), a line at a time.
fn write_wrapped(w: &mut impl Write, text: &str, width: usize) -> io::Result<()> {
    for line in wrap(text, width) {
        writeln!(w, "{line}")?;
    }
    Ok(())
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let body = text.trim_start_matches(' ');
    let lead = text.len() - body.len();
    let indent = " ".repeat(lead + 2);
    let width = width.max(indent.len() + 10);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut count = 0;
    line.push_str(&text[..lead]);
    count += lead;
    let mut first_word = true;
    for word in body.split(' ') {
        let n = word.chars().count();
        if !first_word && count + 1 + n > width {
            lines.push(std::mem::take(&mut line));
            line.push_str(&indent);
            count = indent.len();
            first_word = true;
        }
        if !first_word {
            line.push(' ');
            count += 1;
        }
        let room = width - count;
        if n > room {
            line.push_str(&fit(word, room));
            count += room;
        } else {
            line.push_str(word);
            count += n;
        }
        first_word = false;
    }
    lines.push(line);
    lines
        .into_iter()
        .map(|l| l.replace('\u{a0}', " "))
        .collect()
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

/// `1 story`, `2 stories`: a number with the noun in the form it takes.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
