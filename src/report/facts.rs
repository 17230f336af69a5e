//! Output of `wirediff facts`: JSON Lines, one record per article and a
//! summary.
//!
//! # Format
//!
//! One JSON object a line, each `{"type": T, "data": {...}}`:
//!
//! 1. `article`, one per input article, in input order: `id`, `source`,
//!    `published` (as written in the input, or null), `published_utc` (the
//!    date in UTC, `2023-03-14T08:40:00Z` or `2023-03-14`, read from
//!    `published` or inferred; null if unknown), `published_inferred` (null,
//!    or `{rule, span}` when the date was inferred: `date.dateline`,
//!    `date.byline`, `date.top_line` or `date.updated` with the byte span of
//!    the date in the text, `warc.date` with a null span for a crawl date),
//!    and `facts`, in text order (relative dates such as "yesterday" count
//!    from the publication day as the source wrote it). Every fact has `kind`, `span`
//!    (`[start, end)` byte offsets into the article's original text),
//!    `sentence` (the sentence's byte offsets) and `rule` (the id of the rule
//!    that found it), plus by kind:
//!    - counts (`killed`, `injured`, `shot`, `missing`, `arrested`,
//!      `kidnapped`, `evacuated`, `displaced`, `troops`, `personnel`,
//!      `people`): `value` `{"min": N, "max": N or null}` (null =
//!      open-ended), `counted` (the noun phrase as written), and where known
//!      `status` (`deployed`, `withdrawn`, `stationed`, `present`,
//!      `remaining`, `expelled`, `cap`), `subset` (`{"of": [start, end],
//!      "part": "..."}`: a part of the count whose span is `of`),
//!      `aggregate: true` (a count summing other incidents), `background:
//!      true` (about an earlier event) and `superseded: true` (the article
//!      gives a later figure for the same fact);
//!    - `quote`: `speaker` (`name`, `title`, `organization`, `anonymous`,
//!      `description`), `cue`, `direct`, `speaker_span`, `cue_span`,
//!      `content_span`, `resolved_from` (the full mention a pronoun or short
//!      form refers to, or null); a quotation continuing an attribution
//!      without a cue of its own is a quote of its own (rule
//!      `quote.continued`);
//!    - `date`: `date` (ISO 8601, as precise as `precision`), `precision`
//!      (`day`, `week`, `month`, `year`), `text`;
//!    - `place`: `place`, `type`, `country` (when known), `text`.
//! 2. `summary`, last: `articles`, `skipped` (malformed records), `facts`
//!    (total), `by_kind` (count per kind, keys sorted).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::compare::kind_name;
use crate::facts::Fact;

#[derive(Serialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
enum Record<'a> {
    Article(ArticleFacts<'a>),
    Summary(&'a FactsSummary),
}

#[derive(Serialize)]
struct ArticleFacts<'a> {
    id: &'a str,
    source: Option<&'a str>,
    published: Option<&'a str>,
    published_utc: Option<String>,
    published_inferred: Option<crate::article::InferredDate>,
    facts: &'a [Fact],
}

/// Totals of a facts run, written last.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FactsSummary {
    /// Articles read.
    pub articles: usize,
    /// Malformed records skipped.
    pub skipped: usize,
    /// Facts written.
    pub facts: usize,
    /// Facts per kind.
    pub by_kind: BTreeMap<String, usize>,
    /// Articles not in English: the facts stage reads English only, so
    /// they got no facts.
    pub not_english: usize,
}

impl FactsSummary {
    /// Counts one article's facts.
    pub fn add(&mut self, facts: &[Fact]) {
        self.articles += 1;
        self.facts += facts.len();
        for fact in facts {
            *self.by_kind.entry(kind_name(fact.kind)).or_default() += 1;
        }
    }
}

/// Writes one `article` record.
pub fn write_article(article: &Article, facts: &[Fact], mut w: impl Write) -> io::Result<()> {
    let record = Record::Article(ArticleFacts {
        id: &article.id,
        source: article.source.as_deref(),
        published: article.published.as_deref(),
        published_utc: article.published_date().map(|d| d.utc_string()),
        published_inferred: article.published_date().and_then(|d| d.inferred()),
        facts,
    });
    serde_json::to_writer(&mut w, &record)?;
    w.write_all(b"\n")
}

/// Writes the final `summary` record.
pub fn write_summary(summary: &FactsSummary, mut w: impl Write) -> io::Result<()> {
    serde_json::to_writer(&mut w, &Record::Summary(summary))?;
    w.write_all(b"\n")?;
    w.flush()
}
