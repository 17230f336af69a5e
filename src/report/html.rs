//! The HTML report of `wirediff compare`: one self-contained file (inline
//! CSS and JavaScript, no external address, a Content-Security-Policy that
//! lets the browser itself refuse any network request) with a story list
//! and, per story, the fact × source matrix with each cell's evidence, the
//! missing-from and conflict lists, who each source quotes, and a
//! side-by-side diff of every reprint against its wire origin.
//!
//! # Staying fast with thousands of stories
//!
//! The page does not hold the stories as markup. The writer embeds the data
//! once, as JSON in `<script type="application/json">` blocks: a small
//! index (`wd-index`: one row per story for the list) and one block per
//! story (`wd-s<N>`, N its position in the index) that the script parses
//! only when that story is opened. The list is rendered in chunks as it is
//! scrolled.
//!
//! The address selects what is shown: `#story=<id>` opens a story,
//! `&section=<facts|missing|conflicts|quoted|copies>` scrolls to a part of
//! it, and `&fact=<index>&source=<name>` shows that cell's evidence (a click
//! on a cell puts its address there).
//!
//! # Safety
//!
//! Every text that comes from an article is sanitized with
//! [`sanitize::for_html`] (control, bidi and zero-width characters made
//! visible) and reaches the page either HTML-escaped (the few strings the
//! writer puts in markup) or inside the JSON blocks, where `<`, `>` and `&`
//! are written as `\u003c`, `\u003e` and `\u0026` so no text can close the
//! `<script>` element. The script builds the page with DOM text nodes and
//! attributes only, never by parsing HTML.
//!
//! # Embedded data
//!
//! The index is `{tool, summary, sources, stories}`: `summary` holds the
//! run's counts, `sources` every source name (sorted), and each story is
//! `[id, label, articles, [source indices], facts, conflicts, reprints]`.
//!
//! A story block holds, compactly (evidence sentences are stored once per
//! story, not per cell):
//!
//! - `src`: the columns, `{n: name, p: first published, q: [[speaker,
//!   anonymous, quotes]]}`;
//! - `art`: its articles, `[id, column, published, title]`;
//! - `sent`: evidence sentences;
//! - `facts`: `{l: label, n: reports, c: conflict, u: update, cons: [value, rule] or
//!   null, first: [source, published], cells, t}` where `t`, for updates
//!   only, lists `[column, UTC time]` in published order, and `cells` has one entry
//!   per column: `null` when the source leaves the fact out, otherwise
//!   `[state, value, detail, article, sentence, from, to, rule]` with state
//!   1 (agrees), 2 (disagrees) or 3 (an earlier figure a later report
//!   raised), `article` and `sentence` indices into
//!   `art` and `sent`, and `from..to` the evidence span inside the sentence
//!   in UTF-16 code units (JavaScript string indices);
//! - `miss`: `[column, [fact indices]]`; `conf`: fact indices (the conflicts, then the updates whose values agree);
//! - `wire`: `{o: origin article, cr: [[article, before, credit, after]],
//!   r: [{a: article, add, rem, kept, num: [[origin, reprint]], quo:
//!   [[origin, reprint]], d: [[tag, text]]}]}` with diff tags 0 kept, 1
//!   removed, 2 added.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};

use serde::Serialize;

use crate::article::{Article, Span};
use crate::compare::{Report, StoryComparison, show_interval, show_published};
use crate::report::compare::{Cell, Summary, cell, value};
use crate::report::sanitize;

/// The page's Content-Security-Policy: nothing may be fetched; only the
/// inline style and script run, and images only from `data:` addresses.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     script-src 'unsafe-inline'; img-src data:";

const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");

/// Characters of context shown on each side of a credit line.
const CREDIT_CONTEXT: usize = 80;

/// Writes the HTML report of `comparisons` that have two or more sources
/// ([`StoryComparison::compared`]). `articles` are the compared
/// corpus (for locating evidence inside its sentence and for titles);
/// `summary` gives the counts shown at the top (its `seconds` is left out,
/// so the same input gives the same bytes).
pub fn write_html(
    comparisons: &[StoryComparison],
    articles: &[Article],
    summary: &Summary,
    mut w: impl Write,
) -> io::Result<()> {
    let comparisons: Vec<&StoryComparison> = comparisons.iter().filter(|c| c.compared()).collect();
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let names: BTreeSet<&str> = comparisons
        .iter()
        .flat_map(|c| c.comparison.sources.iter().map(|s| s.source.as_str()))
        .collect();
    let source_index: BTreeMap<&str, usize> =
        names.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let index = Index {
        tool: format!("wirediff {}", env!("CARGO_PKG_VERSION")),
        summary: IndexSummary {
            articles: summary.articles,
            skipped: summary.skipped,
            stories: summary.stories,
            compared: summary.compared,
            facts: summary.facts,
            conflicts: summary.conflicts,
        },
        sources: names.iter().map(|n| sanitize::for_html(n)).collect(),
        stories: comparisons
            .iter()
            .map(|story| {
                let c = &story.comparison;
                StoryEntry(
                    sanitize::for_html(&story.story),
                    sanitize::for_html(&story.label),
                    story.articles,
                    c.sources
                        .iter()
                        .map(|s| source_index[s.source.as_str()])
                        .collect(),
                    c.facts.len(),
                    c.conflicts.len(),
                    c.wire.iter().map(|w| w.reprints.len()).sum(),
                )
            })
            .collect(),
    };

    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{}\">\n\
         <title>wirediff compare: {}</title>\n<style>\n{STYLE}</style>\n</head>\n",
        escape_html(&index.tool),
        match comparisons.len() {
            1 => "1 story".to_string(),
            n => format!("{n} stories"),
        }
    )?;
    w.write_all(BODY.as_bytes())?;
    write_json_script(&mut w, "wd-index", &index)?;
    for (i, story) in comparisons.iter().enumerate() {
        write_json_script(&mut w, &format!("wd-s{i}"), &story_block(story, &by_id))?;
    }
    write!(w, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n")?;
    w.flush()
}

/// The page's fixed markup; the script fills it in.
const BODY: &str = r#"<body>
<header class="top">
<h1>wirediff compare</h1>
<p id="summary"></p>
</header>
<div class="layout">
<nav id="stories" aria-label="Stories">
<div class="controls">
<input id="filter" type="search" placeholder="Filter stories by label or id" aria-label="Filter stories by label or id">
<input id="source" type="search" placeholder="…and by source" aria-label="Filter stories by source" list="source-names">
<datalist id="source-names"></datalist>
<div class="row">
<label>Sort <select id="sort">
<option value="order">story order</option>
<option value="sources">most sources</option>
<option value="conflicts">most conflicts</option>
<option value="articles">most articles</option>
<option value="label">label A–Z</option>
</select></label>
<label><input id="only-conflicts" type="checkbox"> conflicts</label>
<label><input id="only-copies" type="checkbox"> reprints</label>
</div>
</div>
<p id="count" class="muted"></p>
<ol id="list"></ol>
<button id="more" type="button" hidden>Show more</button>
</nav>
<main id="story"><p class="hint">Select a story.</p></main>
</div>
<noscript><p class="hint">This report needs JavaScript to show its data.</p></noscript>
"#;

#[derive(Serialize)]
struct Index<'a> {
    tool: String,
    summary: IndexSummary,
    sources: Vec<Cow<'a, str>>,
    stories: Vec<StoryEntry<'a>>,
}

#[derive(Serialize)]
struct IndexSummary {
    articles: usize,
    skipped: usize,
    stories: usize,
    compared: usize,
    facts: usize,
    conflicts: usize,
}

/// `[id, label, articles, [source indices], facts, conflicts, reprints]`.
#[derive(Serialize)]
struct StoryEntry<'a>(
    Cow<'a, str>,
    Cow<'a, str>,
    usize,
    Vec<usize>,
    usize,
    usize,
    usize,
);

#[derive(Serialize)]
struct StoryBlock<'a> {
    src: Vec<SourceEntry<'a>>,
    art: Vec<ArticleEntry<'a>>,
    sent: Vec<String>,
    facts: Vec<FactEntry<'a>>,
    miss: Vec<(usize, &'a [usize])>,
    conf: Vec<usize>,
    wire: Vec<WireEntry<'a>>,
}

#[derive(Serialize)]
struct SourceEntry<'a> {
    n: Cow<'a, str>,
    p: Option<Cow<'a, str>>,
    q: Vec<(Cow<'a, str>, bool, usize)>,
}

/// `[id, column, published, title]`.
#[derive(Serialize)]
struct ArticleEntry<'a>(
    Cow<'a, str>,
    Option<usize>,
    Option<Cow<'a, str>>,
    Option<Cow<'a, str>>,
);

#[derive(Serialize)]
struct FactEntry<'a> {
    l: Cow<'a, str>,
    n: usize,
    c: bool,
    u: bool,
    cons: Option<(String, &'static str)>,
    first: (Cow<'a, str>, Option<Cow<'a, str>>),
    cells: Vec<Option<CellEntry<'a>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    t: Vec<(usize, String)>,
}

/// `[state, value, detail, article, sentence, from, to, rule]`.
#[derive(Serialize)]
struct CellEntry<'a>(
    u8,
    String,
    Cow<'a, str>,
    usize,
    usize,
    usize,
    usize,
    &'static str,
);

#[derive(Serialize)]
struct WireEntry<'a> {
    o: usize,
    cr: Vec<CreditEntry<'a>>,
    r: Vec<ReprintEntry<'a>>,
}

/// `[article, before, credit, after]`.
#[derive(Serialize)]
struct CreditEntry<'a>(usize, Cow<'a, str>, Cow<'a, str>, Cow<'a, str>);

#[derive(Serialize)]
struct ReprintEntry<'a> {
    a: usize,
    add: usize,
    rem: usize,
    kept: usize,
    num: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    quo: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    d: Vec<(u8, Cow<'a, str>)>,
}

/// The articles of one story block, by id, in order of first mention.
struct ArticleTable<'a> {
    entries: Vec<ArticleEntry<'a>>,
    position: HashMap<&'a str, usize>,
    by_id: &'a HashMap<&'a str, &'a Article>,
}

impl<'a> ArticleTable<'a> {
    fn index(&mut self, id: &'a str, column: Option<usize>) -> usize {
        if let Some(&i) = self.position.get(id) {
            return i;
        }
        let article = self.by_id.get(id);
        self.entries.push(ArticleEntry(
            sanitize::for_html(id),
            column,
            article.and_then(|a| a.published.as_deref().map(sanitize::for_html)),
            article.and_then(|a| a.title.as_deref().map(sanitize::for_html)),
        ));
        self.position.insert(id, self.entries.len() - 1);
        self.entries.len() - 1
    }
}

/// Evidence sentences of one story block, each stored once.
#[derive(Default)]
struct SentenceTable {
    sentences: Vec<String>,
    position: HashMap<String, usize>,
}

impl SentenceTable {
    fn index(&mut self, sentence: String) -> usize {
        if let Some(&i) = self.position.get(&sentence) {
            return i;
        }
        self.sentences.push(sentence.clone());
        self.position.insert(sentence, self.sentences.len() - 1);
        self.sentences.len() - 1
    }
}

fn story_block<'a>(
    story: &'a StoryComparison,
    by_id: &'a HashMap<&'a str, &'a Article>,
) -> StoryBlock<'a> {
    let c = &story.comparison;
    let mut articles = ArticleTable {
        entries: Vec::new(),
        position: HashMap::new(),
        by_id,
    };
    let column_of: HashMap<&str, usize> = c
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.source.as_str(), i))
        .collect();
    for (column, source) in c.sources.iter().enumerate() {
        for id in &source.articles {
            articles.index(id, Some(column));
        }
    }
    let mut sentences = SentenceTable::default();
    let facts = c
        .facts
        .iter()
        .map(|fact| FactEntry {
            l: sanitize::for_html(&fact.label),
            n: fact.reports.len(),
            c: fact.conflict,
            u: fact.update,
            cons: fact.consensus.map(|k| (show_interval(k.value), k.rule)),
            t: if fact.update {
                fact.timeline()
                    .into_iter()
                    .filter_map(|r| {
                        let column = c.sources.iter().position(|s| s.source == r.source)?;
                        let time = show_published(r.published_utc.as_deref());
                        Some((column, sanitize::for_html(&time).into_owned()))
                    })
                    .collect()
            } else {
                Vec::new()
            },
            first: (
                sanitize::for_html(&fact.first_source),
                fact.first_published.as_deref().map(sanitize::for_html),
            ),
            cells: c
                .sources
                .iter()
                .map(|source| {
                    let (state, report) = match cell(fact, &source.source) {
                        Cell::Omitted => return None,
                        Cell::Reported(r) => (1, r),
                        Cell::Conflicting(r) => (2, r),
                        Cell::Superseded(r) => (3, r),
                    };
                    let (sentence, from, to) =
                        highlight(report, by_id.get(report.article.as_str()));
                    Some(CellEntry(
                        state,
                        value(report),
                        sanitize::for_html(&report.detail),
                        articles.index(
                            &report.article,
                            column_of.get(report.source.as_str()).copied(),
                        ),
                        sentences.index(sentence),
                        from,
                        to,
                        report.rule,
                    ))
                })
                .collect(),
        })
        .collect();
    let wire = c
        .wire
        .iter()
        .map(|copy| WireEntry {
            o: articles.index(
                &copy.origin,
                column_of.get(copy.origin_source.as_str()).copied(),
            ),
            cr: copy
                .credits
                .iter()
                .map(|credit| {
                    let text = by_id.get(credit.article.as_str()).map(|a| a.text.as_str());
                    let (before, after) = text.map(|t| context(t, credit.span)).unwrap_or(("", ""));
                    CreditEntry(
                        articles.index(&credit.article, None),
                        sanitize::for_html(before),
                        sanitize::for_html(&credit.text),
                        sanitize::for_html(after),
                    )
                })
                .collect(),
            r: copy
                .reprints
                .iter()
                .map(|r| ReprintEntry {
                    a: articles.index(&r.article, column_of.get(r.source.as_str()).copied()),
                    add: r.added_words,
                    rem: r.removed_words,
                    kept: r.kept_words,
                    num: pairs(&r.changed_numbers),
                    quo: pairs(&r.changed_quotes),
                    d: r.diff
                        .iter()
                        .map(|run| {
                            let tag = match run.tag {
                                "removed" => 1,
                                "added" => 2,
                                _ => 0,
                            };
                            (tag, sanitize::for_html(&run.text))
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    StoryBlock {
        src: c
            .sources
            .iter()
            .map(|s| SourceEntry {
                n: sanitize::for_html(&s.source),
                p: s.first_published.as_deref().map(sanitize::for_html),
                q: s.speakers
                    .iter()
                    .map(|q| (sanitize::for_html(&q.label), q.anonymous, q.quotes))
                    .collect(),
            })
            .collect(),
        art: articles.entries,
        sent: sentences.sentences,
        facts,
        miss: c
            .missing
            .iter()
            .filter(|m| !m.facts.is_empty())
            .filter_map(|m| Some((*column_of.get(m.source.as_str())?, m.facts.as_slice())))
            .collect(),
        conf: c.flagged(),
        wire,
    }
}

fn pairs(list: &[(String, String)]) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    list.iter()
        .map(|(a, b)| (sanitize::for_html(a), sanitize::for_html(b)))
        .collect()
}

/// The report's evidence sentence (sanitized) and where its span lies in
/// it, in UTF-16 code units. The sentence is found in the article's text
/// around the span; when it cannot be (an article not given, or a sentence
/// that is not in the text), the span's own text is searched for inside the
/// sentence, and failing that nothing is highlighted.
fn highlight(report: &Report, article: Option<&&Article>) -> (String, usize, usize) {
    let sentence = report.evidence.as_str();
    let text = article
        .map(|a| match report.field {
            crate::compare::Field::Text => a.text.as_str(),
            crate::compare::Field::Title => a.title.as_deref().unwrap_or(""),
        })
        .unwrap_or("");
    let span = report.span;
    if sentence.is_empty() {
        let quoted = sanitize::for_html(span.slice(text).unwrap_or("")).into_owned();
        let len = utf16_len(&quoted);
        return (quoted, 0, len);
    }
    // A sentence holding the span starts at most its length before the
    // span's end: only that window is searched, not the whole text once per
    // fact (quadratic on one long article).
    let mut lo = span.end.saturating_sub(sentence.len()).min(text.len());
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = span
        .start
        .saturating_add(sentence.len())
        .min(text.len())
        .max(lo);
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let located = text[lo..hi]
        .match_indices(sentence)
        .map(|(start, _)| lo + start)
        .find(|&start| start <= span.start && span.end <= start + sentence.len())
        .map(|start| (span.start - start, span.end - start))
        .or_else(|| {
            let needle = span.slice(text).filter(|n| !n.is_empty())?;
            let from = sentence.find(needle)?;
            Some((from, from + needle.len()))
        });
    match located {
        Some((from, to)) if sentence.is_char_boundary(from) && sentence.is_char_boundary(to) => {
            let before = sanitize::for_html(&sentence[..from]);
            let marked = sanitize::for_html(&sentence[from..to]);
            let after = sanitize::for_html(&sentence[to..]);
            let from = utf16_len(&before);
            let to = from + utf16_len(&marked);
            (format!("{before}{marked}{after}"), from, to)
        }
        _ => (sanitize::for_html(sentence).into_owned(), 0, 0),
    }
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// About [`CREDIT_CONTEXT`] characters of `text` on each side of `span`,
/// cut at a word boundary and never across a line break; empty when the
/// span is not in `text`.
fn context(text: &str, span: Span) -> (&str, &str) {
    if span.slice(text).is_none() {
        return ("", "");
    }
    let before = text[..span.start].rsplit('\n').next().unwrap_or("");
    let skip = before.chars().count().saturating_sub(CREDIT_CONTEXT);
    let before = match before.char_indices().nth(skip) {
        Some((i, _)) if skip > 0 => {
            let cut = &before[i..];
            cut.find(char::is_whitespace).map_or(cut, |w| &cut[w..])
        }
        _ => before,
    };
    let after = text[span.end..].split('\n').next().unwrap_or("");
    let after = match after.char_indices().nth(CREDIT_CONTEXT) {
        Some((i, _)) => {
            let cut = &after[..i];
            cut.rfind(char::is_whitespace).map_or(cut, |w| &cut[..w])
        }
        None => after,
    };
    (before, after)
}

/// Writes `value` as JSON inside `<script type="application/json">`, with
/// `<`, `>` and `&` escaped as `\u003c`, `\u003e`, `\u0026` (they only occur
/// inside JSON strings, where the escapes mean the same characters).
fn write_json_script(w: &mut impl Write, id: &str, value: &impl Serialize) -> io::Result<()> {
    let json = serde_json::to_vec(value).map_err(io::Error::other)?;
    write!(w, "<script type=\"application/json\" id=\"{id}\">")?;
    let mut written = 0;
    for i in memchr::memchr3_iter(b'<', b'>', b'&', &json) {
        w.write_all(&json[written..i])?;
        w.write_all(match json[i] {
            b'<' => b"\\u003c",
            b'>' => b"\\u003e",
            _ => b"\\u0026",
        })?;
        written = i + 1;
    }
    w.write_all(&json[written..])?;
    w.write_all(b"</script>\n")
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareConfig, compare_corpus};

    fn article(id: &str, source: &str, published: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            source: Some(source.into()),
            published: Some(published.into()),
            title: Some(format!("{id} <b>title</b>")),
            text: text.into(),
            url: None,
            extra: Default::default(),
            origin: Default::default(),
            date: None,
        }
    }

    fn report_of(articles: &[Article]) -> String {
        let result = compare_corpus(articles, &CompareConfig::default());
        assert!(!result.comparisons.is_empty(), "the articles form a story");
        let mut out = Vec::new();
        write_html(&result.comparisons, articles, &Summary::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    const HOSTILE: &str = "BAGHDAD (AFP) — Five people were killed on Monday when rockets \
        struck the Green Zone </script><img src=x onerror=alert(1)> near the embassy, police \
        said. \u{202e}Officials said the attack\u{202c} was the third this month and that \
        the embassy would stay open while investigators examined the launch site east of \
        the capital, where a burnt-out truck was found on Monday evening.";

    #[test]
    fn hostile_article_text_stays_inert() {
        let reprint = HOSTILE.replace("Five people", "Six people");
        let html = report_of(&[
            article("wire", "AFP", "2024-01-01", HOSTILE),
            article("copy", "Daily <Star>", "2024-01-02", &reprint),
        ]);
        // The text reached the page, escaped, in the story block.
        assert!(html.contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e"));
        assert!(!html.contains("<img"), "no markup from the article");
        assert!(
            !html.contains("</script><"),
            "no script element closed by the text"
        );
        // Every <script> opened is closed by the writer, once.
        assert_eq!(
            html.matches("<script").count(),
            html.matches("</script>").count()
        );
        // Bidi controls are made visible, not passed through.
        assert!(!html.contains('\u{202e}') && !html.contains('\u{202c}'));
        assert!(html.contains("\\\\u{202e}Officials"));
        assert!(!html.contains("Daily <Star>") && !html.contains("<b>title"));
        assert!(html.contains(CONTENT_SECURITY_POLICY));
    }

    /// The page without the contents of its JSON data blocks.
    fn markup(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(open) = rest.find("<script type=\"application/json\"") {
            let body = open + rest[open..].find('>').unwrap() + 1;
            out.push_str(&rest[..body]);
            rest = &rest[body + rest[body..].find("</script>").unwrap()..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn nothing_outside_the_data_can_load_anything() {
        let html = report_of(&[
            article("wire", "AFP", "2024-01-01", HOSTILE),
            article("copy", "Gulf News", "2024-01-02", HOSTILE),
        ]);
        let markup = markup(&html);
        assert!(markup.len() < html.len() && markup.contains("id=\"wd-s0\"></script>"));
        for forbidden in ["http:", "https:", "//", "src=", "href=", "url(", "@import"] {
            let found = markup
                .match_indices(forbidden)
                .filter(|(i, _)| {
                    // Comments in the script (`// ...`) start a line.
                    !(forbidden == "//" && markup[..*i].ends_with(char::is_whitespace))
                })
                .count();
            assert_eq!(
                found, 0,
                "{forbidden} in the page's own markup, style or script"
            );
        }
    }

    #[test]
    fn json_blocks_escape_markup_characters() {
        let mut out = Vec::new();
        write_json_script(&mut out, "x", &["</script>", "a & b", "<!--"]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<script type=\"application/json\" id=\"x\">[\"\\u003c/script\\u003e\",\
             \"a \\u0026 b\",\"\\u003c!--\"]</script>\n"
        );
    }

    #[test]
    fn escape_html_escapes_markup_and_quotes() {
        assert_eq!(escape_html("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert!(matches!(escape_html("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn evidence_span_is_located_in_utf16_units() {
        let text = "Intro. 😀 Quatre personnes ont été tuées lundi. Fin.";
        let sentence = "😀 Quatre personnes ont été tuées lundi.";
        let start = text.find("Quatre").unwrap();
        let report = Report {
            source: "s".into(),
            article: "a".into(),
            published: None,
            published_utc: None,
            published_inferred: None,
            value: None,
            detail: String::new(),
            span: Span::new(start, start + "Quatre personnes".len()),
            evidence: sentence.into(),
            rule: "r",
            derived: None,
            field: crate::compare::Field::Text,
        };
        let a = article("a", "s", "2024-01-01", text);
        let (shown, from, to) = highlight(&report, Some(&&a));
        assert_eq!(shown, sentence);
        let units: Vec<u16> = shown.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&units[from..to]).unwrap(),
            "Quatre personnes"
        );
        // Without the article, the span's text cannot be found: nothing marked.
        assert_eq!(highlight(&report, None), (sentence.to_string(), 0, 0));
    }

    #[test]
    fn credit_context_stops_at_words_and_lines() {
        let text = format!(
            "Headline\n{} BAGHDAD (AFP) — {}\nNext",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let start = text.find("(AFP)").unwrap();
        let (before, after) = context(&text, Span::new(start, start + 5));
        assert!(
            before.starts_with(' ') && before.ends_with("BAGHDAD "),
            "{before:?}"
        );
        assert!(!before.contains('\n') && before.chars().count() <= CREDIT_CONTEXT);
        assert!(
            after.starts_with(" — ") && after.ends_with("more"),
            "{after:?}"
        );
        assert_eq!(context("short", Span::new(2, 99)), ("", ""));
    }
}
