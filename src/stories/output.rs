//! Serializable records of a story grouping, written as JSON Lines.
//!
//! # Format
//!
//! One JSON object per line, each a tagged envelope
//! `{"type": "<kind>", "data": {…}}`. Lines come in this order: every
//! `story` (in story order), then every `article` (in input order), then one
//! `summary`.
//!
//! `story` ([`StoryRecord`]):
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `id` | string | stable story id, `st-` + 16 hex digits |
//! | `members` | array of arrays of strings | member article ids, one inner array per copy group |
//! | `sources` | array of strings | distinct sources, sorted |
//! | `first_published` | string or null | earliest publication date of the members in UTC (`2023-03-14T08:40:00Z`, or `2023-03-14` for a date), compared in UTC; inferred dates count |
//! | `last_published` | string or null | latest, likewise |
//! | `label` | string | title (or lead) of the most central member |
//! | `terms` | array of strings | distinguishing features, strongest first |
//! | `confidence` | number | in `[0, 1]`, see [`super::Story::confidence`] |
//!
//! `article` ([`ArticleRecord`]): `id` (string, the article id), `story`
//! (string, its story id), `group` (integer, its copy group as given),
//! `published` (string or null, as written in the input), `published_utc`
//! (string or null: the date in UTC, read from `published` or inferred),
//! `published_inferred` (null, or `{rule, span}` when the date was inferred
//! from the text, e.g. `date.dateline` with the date's byte span, or
//! `warc.date` with a null span for a crawl date).
//!
//! `summary` ([`SummaryRecord`]): `articles`, `copy_groups`, `stories`,
//! `multi_article_stories` (stories with two or more copy groups),
//! `largest_story` (copy groups in the largest story), `furniture_lines`,
//! `candidate_pairs`, `edges`, all integers.
//!
//! Example:
//!
//! ```text
//! {"type":"story","data":{"id":"st-1f0c…","members":[["a1"],["b7","c2"]],"sources":["a.com","b.com","c.com"],"first_published":"2016-03-01","last_published":"2016-03-02","label":"Two hurt in Elm St shooting","terms":["elm street","2 men"],"confidence":0.81}}
//! {"type":"article","data":{"id":"a1","story":"st-1f0c…","group":0,"published":"2016-03-01","published_utc":"2016-03-01","published_inferred":null}}
//! {"type":"summary","data":{"articles":3,"copy_groups":2,"stories":1,"multi_article_stories":1,"largest_story":2,"furniture_lines":0,"candidate_pairs":1,"edges":1}}
//! ```

use std::io::{self, Write};

use serde::Serialize;

use super::Stories;
use crate::article::Article;

/// One line of output: the envelope.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum Record<'a> {
    /// A story.
    Story(StoryRecord<'a>),
    /// An article and its story.
    Article(ArticleRecord<'a>),
    /// Counts for the whole run.
    Summary(SummaryRecord),
}

/// The `story` record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryRecord<'a> {
    /// Stable story id.
    pub id: &'a str,
    /// Member article ids grouped by copy group.
    pub members: Vec<Vec<&'a str>>,
    /// Distinct sources, sorted.
    pub sources: &'a [String],
    /// Earliest `published`.
    pub first_published: Option<&'a str>,
    /// Latest `published`.
    pub last_published: Option<&'a str>,
    /// Title or lead of the most central member.
    pub label: &'a str,
    /// Distinguishing terms, strongest first.
    pub terms: &'a [String],
    /// Confidence in `[0, 1]`.
    pub confidence: f64,
}

/// The `article` record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleRecord<'a> {
    /// Article id.
    pub id: &'a str,
    /// Id of its story.
    pub story: &'a str,
    /// Its copy group, as given to [`super::stories`].
    pub group: u32,
    /// `published` as written in the input.
    pub published: Option<&'a str>,
    /// The publication date in UTC, read or inferred.
    pub published_utc: Option<String>,
    /// How the date was inferred; `None` when read from `published`.
    pub published_inferred: Option<crate::article::InferredDate>,
}

/// The `summary` record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryRecord {
    /// Articles in the input.
    pub articles: usize,
    /// Copy groups in the input.
    pub copy_groups: usize,
    /// Stories found.
    pub stories: usize,
    /// Stories with two or more copy groups.
    pub multi_article_stories: usize,
    /// Copy groups in the largest story.
    pub largest_story: usize,
    /// Distinct furniture lines dropped.
    pub furniture_lines: usize,
    /// Pairs of copy groups whose similarity was computed.
    pub candidate_pairs: usize,
    /// Pairs kept as edges.
    pub edges: usize,
}

impl Stories {
    /// The records of this grouping in output order (stories, articles,
    /// summary). `articles` and `copy_group` are the inputs given to
    /// [`super::stories`].
    pub fn records<'a>(&'a self, articles: &'a [Article], copy_group: &[u32]) -> Vec<Record<'a>> {
        let mut out = Vec::with_capacity(self.stories.len() + articles.len() + 1);
        for s in &self.stories {
            out.push(Record::Story(StoryRecord {
                id: &s.id,
                members: s
                    .groups
                    .iter()
                    .map(|g| g.iter().map(|&i| articles[i].id.as_str()).collect())
                    .collect(),
                sources: &s.sources,
                first_published: s.first_published.as_deref(),
                last_published: s.last_published.as_deref(),
                label: &s.label,
                terms: &s.terms,
                confidence: s.confidence,
            }));
        }
        for (i, a) in articles.iter().enumerate() {
            out.push(Record::Article(ArticleRecord {
                id: &a.id,
                story: &self.stories[self.story_of[i]].id,
                group: copy_group[i],
                published: a.published.as_deref(),
                published_utc: a.published_date().map(|d| d.utc_string()),
                published_inferred: a.published_date().and_then(|d| d.inferred()),
            }));
        }
        out.push(Record::Summary(SummaryRecord {
            articles: self.stats.articles,
            copy_groups: self.stats.copy_groups,
            stories: self.stories.len(),
            multi_article_stories: self.stories.iter().filter(|s| s.groups.len() > 1).count(),
            largest_story: self
                .stories
                .iter()
                .map(|s| s.groups.len())
                .max()
                .unwrap_or(0),
            furniture_lines: self.stats.furniture_lines,
            candidate_pairs: self.stats.candidate_pairs,
            edges: self.stats.edges,
        }));
        out
    }
}

/// Writes the grouping as JSON Lines (see the module docs for the format).
pub fn write_jsonl(
    stories: &Stories,
    articles: &[Article],
    copy_group: &[u32],
    mut w: impl Write,
) -> io::Result<()> {
    for record in stories.records(articles, copy_group) {
        serde_json::to_writer(&mut w, &record)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// Writes the stories for people: totals, then every story with two or more
/// articles (largest first, then by id) with its confidence, dates, label,
/// distinguishing terms and member articles. All input text is sanitized for
/// the terminal.
pub fn write_table(stories: &Stories, articles: &[Article], mut w: impl Write) -> io::Result<()> {
    use super::Story;
    use crate::report::sanitize::for_terminal;
    let multi: Vec<&Story> = {
        let mut list: Vec<&Story> = stories
            .stories
            .iter()
            .filter(|s| s.groups.iter().map(Vec::len).sum::<usize>() > 1)
            .collect();
        list.sort_by(|a, b| {
            let size = |s: &Story| s.groups.iter().map(Vec::len).sum::<usize>();
            size(b).cmp(&size(a)).then_with(|| a.id.cmp(&b.id))
        });
        list
    };
    writeln!(
        w,
        "{} articles in {} stories; {} stories have two or more articles",
        articles.len(),
        stories.stories.len(),
        multi.len()
    )?;
    for story in multi {
        let size: usize = story.groups.iter().map(Vec::len).sum();
        let dates = match (&story.first_published, &story.last_published) {
            (Some(a), Some(b)) if a != b => format!("{a} … {b}"),
            (Some(a), _) => a.clone(),
            _ => "date unknown".to_string(),
        };
        writeln!(w)?;
        writeln!(
            w,
            "{}  confidence {:.2}  {}  {} articles, {} sources",
            for_terminal(&story.id),
            story.confidence,
            for_terminal(&dates),
            size,
            story.sources.len()
        )?;
        writeln!(w, "  {}", for_terminal(&story.label))?;
        if !story.terms.is_empty() {
            writeln!(w, "  terms: {}", for_terminal(&story.terms.join(", ")))?;
        }
        for (g, group) in story.groups.iter().enumerate() {
            for &i in group {
                let a = &articles[i];
                let copy = if group.len() > 1 {
                    format!("  [copies {}]", g + 1)
                } else {
                    String::new()
                };
                writeln!(
                    w,
                    "  - {} ({}, {}){copy}",
                    for_terminal(&a.id),
                    for_terminal(a.source.as_deref().unwrap_or("-")),
                    for_terminal(a.published.as_deref().unwrap_or("-")),
                )?;
            }
        }
    }
    w.flush()
}
