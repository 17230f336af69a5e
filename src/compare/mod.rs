//! Coverage comparison: for one story, which facts each source includes,
//! which it leaves out, where sources disagree, and what each reprint of a
//! wire story changed.
//!
//! # Alignment rules
//!
//! - **Sources.** The unit is the outlet (`source`; the article id when it
//!   has none). A source reports a fact when any of its articles does.
//! - **Counts: one row per fact, every fact in a row.** Every count of
//!   every article is in a row (roundup totals marked `aggregate` aside):
//!   a source may give several figures of one kind (troops withdrawn,
//!   remaining and a first phase; a small separate toll beside a war's
//!   total), and each gets its own row. Mentions of one article that repeat
//!   a figure ("Five dead" in the headline, "five people were killed" in the
//!   lead; values that agree and whose lower bounds are less than ten times
//!   apart) are one *item*; items of different articles share a row when they
//!   count the same thing: the same kind, the same role (the story's own
//!   figure, a part of another count — "five of them critically" —, or
//!   background about another event), compatible counted classes (mapped
//!   through [`counted_class`]: "soldiers" ~ "troops"; a specific class
//!   joins `people`, "five miners" ~ "five people"; suspects stay apart,
//!   except among the arrested, who are all suspects),
//!   compatible statuses (withdrawn, remaining, expelled and a cap are rows
//!   of their own), and enough evidence: both being their article's lead
//!   figure (unless the two are ten times apart or more: 7 dead and a war's
//!   two million are two facts), agreeing values, the words of the part and
//!   of the sentence.
//!   The scoring is in `rows.rs`; a row holds at most one item per article.
//!   A source's cell shows the item from its article's lead (the first
//!   [`LEAD_SENTENCES`] sentences, or the title) before one from further
//!   down, then the highest lower bound (its latest toll). A figure an
//!   article itself supersedes ("initially two; the toll later rose to
//!   four") is listed in the row's `earlier`, never a conflict. A count of
//!   "others" takes the class of the count before it in its sentence.
//!   Counts in an article's `title` (when the text does not start with it)
//!   are headline mentions of that article.
//! - **Shot, killed, injured.** In an article that reports nobody killed,
//!   people shot are people injured (the gun-violence convention: shot =
//!   killed + injured); an article that gives people shot and killed but no
//!   injured figure gets a derived injured figure, shot − killed. Such
//!   reports say so in [`Report::derived`]. A person an article reports
//!   injured and, by the same noun, dead ("the mother … in grave
//!   condition", "the mother has died") is no injured figure.
//! - **Agreement** is interval overlap: "dozens" ([12, ∞)) and "at least 30"
//!   agree; 12 and 15 killed **conflict**, so do "about 2,500" and "nearly
//!   3,000" ([2,500, 2,500] and [2,700, 3,000]); "more than 500" and "some
//!   500" do not ([500, ∞) and [500, 500]). The intervals are the facts
//!   stage's (see the hedge table in [`crate::facts::numbers`]). A count read
//!   from one person mentioned ("a 17-year-old was shot", rule
//!   `count.implicit_singular`) states no total: it stands for "at least 1"
//!   ([`Report::stated`]), so it agrees with "four teenagers were shot".
//! - **Update**: a report published at least [`UPDATE_GAP_MINUTES`] minutes
//!   after another raises its lower bound ("at least 3" killed in the
//!   morning, 7 in the evening), and every disagreement of the fact is such
//!   a rise. Disjoint values published less than that apart are a conflict,
//!   never an update. Publication times are compared in UTC (offsets
//!   applied); when either report has only a date, a later day is enough.
//! - **Consensus** (rule named in the output): for an update, the
//!   intersection of the latest report with every report that agrees with
//!   it (`latest`); otherwise the intersection of all reported intervals
//!   when it is not empty (`intersection`); otherwise the shared value of
//!   the reports that agree, when more than half of them do (`majority`;
//!   when two values each have such a majority, an open "at least" figure
//!   agreeing with both, the lower);
//!   otherwise the lowest lower bound reported, ACLED's most conservative
//!   estimate (`most_conservative`). The chosen interval is the consensus
//!   `range`; its `value` is one number, the range's lower bound (ACLED's
//!   conservative reading: "at least 12" is 12, "dozens" 12).
//! - **Quotes** align by speaker identity ([`speaker_key`]): a named person by
//!   surname, with first names compared by Jaro–Winkler similarity (≥ 0.85)
//!   when both are given ("Pompeo" ~ "Mike Pompeo" ~ "Secretary of State Mike
//!   Pompeo"), or, with the same surname, by a given name in common, a
//!   nickname read as the name ("Hillary Rodham Clinton" ~ "Hillary
//!   Clinton", "Mike Thibodeau" ~ "Michael Thibodeau"); an organization by
//!   its normalized name; an anonymous source by
//!   its affiliation and role ("a US defence official" ~ "the US official"
//!   only when both name the same role word). A one-word organization or
//!   description that is the surname of the story's only person of that
//!   surname is that person ("Trump" read as an organization ~ "Donald
//!   Trump"); a one-word "person" that the story's texts also write in lower
//!   case is the group of that name ("Authorities" ~ "authorities",
//!   "Officials" ~ an anonymous "officials").
//! - **Speaker labels**: an aligned speaker has one label, used in its row
//!   (`quoted: …`) and in every source's list of speakers, whatever form
//!   each report wrote. A person is shown by the shortest written form that
//!   gives a first name ("Mike Pompeo", not "Pompeo" or "Secretary of State
//!   Mike Pompeo"), else by the most frequent form. Any other speaker is
//!   shown by its most frequent form, letter case aside (ties: the earliest
//!   report's), without a clause a comma opens with a lower-case word ("a
//!   US official, speaking on condition of anonymity" -> "a US official"),
//!   in lower case when a headline wrote it in capitals ("INVESTIGATORS";
//!   acronyms such as "FBI" stay), and with its first word in lower case when that word is a determiner
//!   ("The sheriff" -> "the sheriff") or a common noun of the story: its
//!   texts write it in lower case and never capitalise it mid-sentence on
//!   its own ("Police" -> "police"; "Pentagon" and "the Times reported"
//!   keep their capital), or a role or public body ("Sheriff",
//!   "Officials"). A capital after a full stop, colon, opening quote or
//!   line break starts a sentence and says nothing. Each report's `detail` keeps the form it wrote.
//! - **Missing from X**: the facts that at least two other sources and at
//!   least half of the other sources carry but X does not, most carried first.
//!
//! # The story's toll
//!
//! Every story, single-source ones too, gets one figure per kind of count,
//! so a downstream tool reads a toll without fusing counts itself:
//!
//! 1. Each article votes with its *lead figure* of the kind: the figure of
//!    its title or lead (the first [`LEAD_SENTENCES`] sentences, when the
//!    sentence ends like prose), else of a later prose sentence; among
//!    several, the largest. A figure found only in lines that do not end
//!    like sentences (menus, captions, teasers for other stories) never
//!    votes. Parts of another
//!    count and background figures never vote. Reprints in one copy group
//!    that give the same figure vote once (a reprint is no second witness).
//! 2. The votes are fused like a row's values (see **Consensus**): a rise
//!    over time is an update and the latest figure stands; agreeing figures
//!    give their shared value; disagreeing ones the value more than half of
//!    the votes share, else the lowest (ACLED's conservative rule). The
//!    result is one number, the conservative lower bound.
//! 3. Injured votes are read against the killed toll: an article that
//!    reports nobody dead, in a story whose toll counts dead, may count
//!    the dead among its injured (people who died later, people shot read
//!    as injured), so its injured figure drops by the killed toll. When
//!    everyone reported injured is reported dead, the injured toll is 0
//!    (rule `died`).
//! 4. The toll is carried by the row most articles lead with
//!    ([`AlignedFact::toll`]): its `consensus` is the fused figure above
//!    (every other row's consensus fuses that row's own values).

mod counts;
mod rows;
mod speakers;
#[cfg(test)]
mod tests;
mod toll;
mod wire;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::article::{Article, Span};
use crate::facts::{Fact, FactKind, FactValue, Interval, Speaker};
use counts::*;
pub use counts::{
    LEAD_SENTENCES, UPDATE_GAP_MINUTES, agree, counted_class, published_minutes, show_published,
};
use rows::count_facts;
pub use rows::{DERIVED_SHOT, DERIVED_SHOT_MINUS_KILLED, JOIN_SCORE, Role};
pub use speakers::speaker_key;
use speakers::*;
pub use wire::credits;
use wire::*;

/// One article of the story being compared, with what is known about it.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its extracted facts.
    pub facts: &'a [Fact],
    /// The counts found in its `title` (spans into the title), when the
    /// title is not part of the text.
    pub title_facts: &'a [Fact],
    /// Its copy group (articles sharing a group are copies).
    pub copy_group: u32,
    /// Whether it is its copy group's origin as `dedup` chose it (earliest
    /// `published`, then the text the others are contained in, then an
    /// agency credit; see [`crate::copies::pick_origin`]). A group whose
    /// origin is not among a story's members falls back to the earliest,
    /// then longest, member.
    pub copy_origin: bool,
}

/// The comparison of one story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Sources in the story, ordered by their first `published` in UTC
    /// (unknown last), then name.
    pub sources: Vec<SourceColumn>,
    /// Aligned facts, most widely reported first.
    pub facts: Vec<AlignedFact>,
    /// Per source, the facts most other sources carry that it does not.
    pub missing: Vec<Missing>,
    /// Indices into `facts` of the facts whose sources disagree.
    pub conflicts: Vec<usize>,
    /// Copy groups inside the story: origin and what each reprint changed.
    pub wire: Vec<WireCopy>,
}

impl Comparison {
    /// The facts a reader must look at, as indices into `facts`: the
    /// conflicts, then the updates whose values agree (a rising "at least").
    pub fn flagged(&self) -> Vec<usize> {
        let agreeing_updates =
            (0..self.facts.len()).filter(|&i| self.facts[i].update && !self.facts[i].conflict);
        self.conflicts
            .iter()
            .copied()
            .chain(agreeing_updates)
            .collect()
    }
}

/// A column of the comparison: one source and its articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceColumn {
    /// The source name.
    pub source: String,
    /// Its articles' ids, input order.
    pub articles: Vec<String>,
    /// Its earliest publication date, in UTC (`2023-03-14T08:40:00Z`, or a
    /// date), including dates inferred from the text; null if unknown.
    pub first_published: Option<String>,
    /// Speakers it quotes, one entry per aligned speaker (shown with the
    /// speaker's label, see "Speaker labels"), sorted by label letter case
    /// aside.
    pub speakers: Vec<QuotedSpeaker>,
}

/// A speaker quoted by a source.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct QuotedSpeaker {
    /// How the speaker is shown: the aligned speaker's label (the same as
    /// in its `quoted: …` fact label).
    pub label: String,
    /// True for anonymous sources.
    pub anonymous: bool,
    /// Number of quotes from this speaker in the source's articles, under
    /// any of the forms that align.
    pub quotes: usize,
}

/// One fact aligned across the story's sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignedFact {
    /// The fact kind.
    pub kind: FactKind,
    /// What it is about: the counted class, or the speaker's identity key.
    pub subject: String,
    /// A readable label, e.g. "killed: people" or "quoted: Mike Pompeo".
    pub label: String,
    /// For counts, what the figure is to the story: its own (`main`), a
    /// part of another count (`subset`) or about another event
    /// (`background`); `None` for quotes.
    pub role: Option<Role>,
    /// True for the row that carries the story's toll of its kind (one per
    /// kind at most): its `consensus` is the story's figure, fused over
    /// every article's lead figure (see [`toll`](crate::compare#the-storys-toll)).
    pub toll: bool,
    /// Each reporting source's value and evidence, ordered like the columns.
    pub reports: Vec<Report>,
    /// Earlier figures of the fact that an article itself supersedes
    /// ("initially two; the toll later rose to four": the two), column
    /// order: not in conflict with anyone.
    pub earlier: Vec<Report>,
    /// Sources that do not report it.
    pub omitted_by: Vec<String>,
    /// True when two reported intervals are disjoint.
    pub conflict: bool,
    /// True when the value rose with publication time (see the module
    /// docs): an updated toll, with or without a conflict.
    pub update: bool,
    /// The consensus interval for counts, with the rule that chose it.
    pub consensus: Option<Consensus>,
    /// The source that reported it first (earliest `published` in UTC over
    /// all its reports, including ones a source's later article
    /// superseded).
    pub first_source: String,
    /// When it was first reported, in UTC, if known.
    pub first_published: Option<String>,
}

impl Report {
    /// What the report says about the total, for alignment: its value,
    /// except that a count read from one person mentioned ("a 17-year-old
    /// was shot", rule `count.implicit_singular`) says at least one, `1+`.
    pub fn stated(&self) -> Option<Interval> {
        let value = self.value?;
        Some(if self.rule == "count.implicit_singular" {
            Interval {
                min: value.min,
                max: None,
            }
        } else {
            value
        })
    }
}

impl AlignedFact {
    /// The reports in the order they were published (in UTC; unknown
    /// last, then column order): how an update unfolded.
    pub fn timeline(&self) -> Vec<&Report> {
        let mut list: Vec<(usize, &Report)> = self.reports.iter().enumerate().collect();
        list.sort_by_key(|&(column, r)| (publication_order(r.published_utc.as_deref()), column));
        list.into_iter().map(|(_, r)| r).collect()
    }
}

/// A source's report of an aligned fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The source.
    pub source: String,
    /// The article holding the evidence.
    pub article: String,
    /// Its `published`, as written in the input.
    pub published: Option<String>,
    /// Its publication date in UTC (`2023-03-14T08:40:00Z`, or a date),
    /// read from `published` or inferred; null if unknown.
    pub published_utc: Option<String>,
    /// How the date was inferred (`{rule, span}`), or null when read from
    /// `published`.
    pub published_inferred: Option<crate::article::InferredDate>,
    /// For counts, the value; `None` for quotes.
    pub value: Option<Interval>,
    /// What the article says is counted, or the speaker as written.
    pub detail: String,
    /// Evidence: byte span into the article's text, or into its title
    /// when `field` is `title`.
    pub span: Span,
    /// Where the evidence is: the article's `text`, or its `title` (a
    /// headline figure the text does not repeat).
    pub field: Field,
    /// The evidence text (the sentence holding it).
    pub evidence: String,
    /// The extraction rule.
    pub rule: &'static str,
    /// Set when the value is read from another count of the article:
    /// `shot` (people shot in an article that reports nobody killed are
    /// injured) or `shot_minus_killed` (people injured = people shot −
    /// people killed, when the article gives no injured figure).
    pub derived: Option<&'static str>,
}

/// The article field a report's evidence is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The article's text.
    Text,
    /// The article's title.
    Title,
}

/// A consensus value and the rule that chose it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Consensus {
    /// The figure to report: one number (`min == max`), the lower bound of
    /// what the rule chose (ACLED's conservative reading: "at least 12" is
    /// 12, "dozens" 12).
    pub value: Interval,
    /// What the rule chose before it was read as one number: the interval
    /// the agreeing reports share.
    pub range: Interval,
    /// The rule (see the module docs): `latest`, `intersection`,
    /// `majority` or `most_conservative`.
    pub rule: &'static str,
}

/// Facts a source leaves out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// The source.
    pub source: String,
    /// Indices into [`Comparison::facts`], most carried first.
    pub facts: Vec<usize>,
}

/// A wire story and its reprints inside the story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WireCopy {
    /// The origin's article id (earliest `published`, then longest).
    pub origin: String,
    /// The origin's source.
    pub origin_source: String,
    /// Credit lines and datelines naming an agency, found in any member.
    pub credits: Vec<Credit>,
    /// Each reprint against the origin.
    pub reprints: Vec<Reprint>,
}

/// An agency credit found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Credit {
    /// The article.
    pub article: String,
    /// The credit as written.
    pub text: String,
    /// Where.
    pub span: Span,
}

/// What one reprint changed against its origin (a word diff).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reprint {
    /// The reprint's article id.
    pub article: String,
    /// Its source.
    pub source: String,
    /// Words added, removed, kept.
    pub added_words: usize,
    /// Words of the origin left out.
    pub removed_words: usize,
    /// Words kept as they were.
    pub kept_words: usize,
    /// Numbers that differ: (origin, reprint) pairs found in replaced text.
    pub changed_numbers: Vec<(String, String)>,
    /// Replacements touching quoted words.
    pub changed_quotes: Vec<(String, String)>,
    /// The diff itself: runs of kept, removed and added text.
    pub diff: Vec<DiffRun>,
}

/// A run of a word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffRun {
    /// `equal`, `removed` or `added`.
    pub tag: &'static str,
    /// The text of the run.
    pub text: String,
}

/// Settings of the whole pipeline run by [`compare_corpus`].
#[derive(Clone, Debug, Default)]
pub struct CompareConfig {
    /// Copy detection.
    pub dedup: crate::dedup::DedupConfig,
    /// Story grouping.
    pub stories: crate::stories::StoriesConfig,
}

/// Everything [`compare_corpus`] found.
#[derive(Debug)]
pub struct CorpusComparison {
    /// Copy groups.
    pub dedup: crate::dedup::Dedup,
    /// Stories.
    pub stories: crate::stories::Stories,
    /// Facts of each article, input order (none for an article not in
    /// English: see [`crate::language`]).
    pub facts: Vec<Vec<Fact>>,
    /// Articles not in English, which got no facts.
    pub not_english: usize,
    /// Counts found in each article's title, input order (empty when it has
    /// none, or when the text starts with the title).
    pub title_facts: Vec<Vec<Fact>>,
    /// One comparison per story, single-source stories included, in story
    /// order (see [`StoryComparison::compared`]).
    pub comparisons: Vec<StoryComparison>,
}

/// Runs the whole pipeline on articles in memory: copies, stories, facts,
/// then the comparison of every story. A story with one source has no
/// one to compare with, but its comparison still gives its facts and their
/// consensus: the story's toll.
pub fn compare_corpus(articles: &[Article], config: &CompareConfig) -> CorpusComparison {
    use rayon::prelude::*;
    let dedup = crate::dedup::dedup_articles(articles, &config.dedup);
    let stories =
        crate::stories::stories(articles, &dedup.copies.duplicate_units(), &config.stories);
    // The facts stage reads English only: other articles get none.
    let english: Vec<bool> = articles
        .par_iter()
        .map(|a| crate::language::is_english(&a.text))
        .collect();
    let facts: Vec<Vec<Fact>> = articles
        .par_iter()
        .zip(&english)
        .map(|(a, &english)| match english {
            true => crate::facts::extract(&a.text, a.published_day().as_deref()),
            false => Vec::new(),
        })
        .collect();
    let title_facts: Vec<Vec<Fact>> = articles.par_iter().map(title_counts).collect();
    let comparisons = stories
        .stories
        .par_iter()
        .map(|story| {
            let mut indices: Vec<usize> = story.groups.iter().flatten().copied().collect();
            indices.sort_unstable();
            let members: Vec<Member<'_>> = indices
                .iter()
                .map(|&i| Member {
                    article: &articles[i],
                    facts: &facts[i],
                    title_facts: &title_facts[i],
                    copy_group: dedup.copies.group_of[i],
                    copy_origin: dedup.copies.groups[dedup.copies.group_of[i] as usize]
                        .representative as usize
                        == i,
                })
                .collect();
            StoryComparison {
                story: story.id.clone(),
                label: story.label.clone(),
                articles: indices.len(),
                comparison: compare(&members),
            }
        })
        .collect();
    CorpusComparison {
        dedup,
        stories,
        facts,
        not_english: english.iter().filter(|&&e| !e).count(),
        title_facts,
        comparisons,
    }
}

/// The counts of an article's title, unless its text starts with the
/// title (then the text's own headline line holds them).
pub fn title_counts(article: &Article) -> Vec<Fact> {
    let Some(title) = article.title.as_deref().map(str::trim) else {
        return Vec::new();
    };
    if title.is_empty() || article.text.trim_start().starts_with(title) {
        return Vec::new();
    }
    crate::facts::extract(title, article.published.as_deref())
        .into_iter()
        .filter(|f| matches!(f.value, FactValue::Count(_)))
        .collect()
}

/// A story's comparison with the story's identity, as reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryComparison {
    /// The story id.
    pub story: String,
    /// The story label (from its most central article).
    pub label: String,
    /// Articles in the story.
    pub articles: usize,
    /// The comparison.
    #[serde(flatten)]
    pub comparison: Comparison,
}

impl StoryComparison {
    /// Whether the story has two or more sources, so that there is
    /// something to compare: the terminal and HTML reports show only
    /// these; the JSON Lines give every story.
    pub fn compared(&self) -> bool {
        self.comparison.sources.len() >= 2
    }
}

/// Shows an interval the way people write counts: `12`, `12+`, `20–30`,
/// `≤40`.
pub fn show_interval(value: Interval) -> String {
    match (value.min, value.max) {
        (min, Some(max)) if min == max => group_digits(min),
        (0, Some(max)) => format!("≤{}", group_digits(max)),
        (min, Some(max)) => format!("{}–{}", group_digits(min), group_digits(max)),
        (min, None) => format!("{}+", group_digits(min)),
    }
}

fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn source_of(article: &Article) -> String {
    article.source.clone().unwrap_or_else(|| article.id.clone())
}

/// Compares one story's articles.
pub fn compare(members: &[Member<'_>]) -> Comparison {
    // Columns: sources by first publication.
    let mut columns: BTreeMap<String, SourceColumn> = BTreeMap::new();
    for m in members {
        let column = columns
            .entry(source_of(m.article))
            .or_insert_with(|| SourceColumn {
                source: source_of(m.article),
                articles: Vec::new(),
                first_published: None,
                speakers: Vec::new(),
            });
        column.articles.push(m.article.id.clone());
        if let Some(p) = m.article.published_date().map(|d| d.utc_string())
            && column
                .first_published
                .as_deref()
                .is_none_or(|f| publication_order(Some(&p)) < publication_order(Some(f)))
        {
            column.first_published = Some(p);
        }
    }
    let mut sources: Vec<SourceColumn> = columns.into_values().collect();
    sources.sort_by(|a, b| {
        (publication_order(a.first_published.as_deref()), &a.source)
            .cmp(&(publication_order(b.first_published.as_deref()), &b.source))
    });
    let order: BTreeMap<String, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.source.clone(), i))
        .collect();

    // Gather candidate reports keyed by (kind, subject).
    let mut person_keys: Vec<String> = Vec::new();
    // Given names written with each person key.
    let mut given: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // Each report, with whether it comes from its article's lead.
    let mut reports: BTreeMap<(FactKind, String), Vec<(Report, bool)>> = BTreeMap::new();
    // Each cited quote: (source, provisional speaker key, anonymous).
    let mut quoted: Vec<(String, String, bool)> = Vec::new();
    for m in members {
        let source = source_of(m.article);
        let text = &m.article.text;
        // The lead: where a report states its own toll.
        let lead_end = crate::facts::sentences::split(text)
            .get(LEAD_SENTENCES - 1)
            .map_or(usize::MAX, |s| s.end);
        for fact in m.facts {
            let evidence = fact.sentence.slice(text).unwrap_or("").to_string();
            match &fact.value {
                FactValue::Quote(quote) if quote.is_cited_source() => {
                    let mut key = speaker_key(&quote.speaker);
                    if key.starts_with("person:") {
                        if let Some(name) = &quote.speaker.name {
                            given
                                .entry(key.clone())
                                .or_default()
                                .extend(given_names(name));
                        }
                        // Surname-only mentions join the full name seen before.
                        if let Some(known) = person_keys
                            .iter()
                            .find(|k| same_named_person(k, &key, &given))
                        {
                            if key.matches(':').count() > known.matches(':').count() {
                                let old = known.clone();
                                let names = given.get(&old).cloned().unwrap_or_default();
                                given.entry(key.clone()).or_default().extend(names);
                                person_keys.retain(|k| *k != old);
                                person_keys.push(key.clone());
                            } else {
                                let names = given.get(&key).cloned().unwrap_or_default();
                                key = known.clone();
                                given.entry(key.clone()).or_default().extend(names);
                            }
                        } else {
                            person_keys.push(key.clone());
                        }
                    }
                    let label = speaker_label(&quote.speaker);
                    quoted.push((source.clone(), key.clone(), quote.speaker.anonymous));
                    reports
                        .entry((FactKind::Quote, key.clone()))
                        .or_default()
                        .push((
                            Report {
                                source: source.clone(),
                                article: m.article.id.clone(),
                                published: m.article.published.clone(),
                                published_utc: m.article.published_date().map(|d| d.utc_string()),
                                published_inferred: m
                                    .article
                                    .published_date()
                                    .and_then(|d| d.inferred()),
                                value: None,
                                detail: label,
                                span: fact.span,
                                evidence,
                                rule: fact.rule,
                                derived: None,
                                field: Field::Text,
                            },
                            fact.sentence.start < lead_end,
                        ));
                }
                _ => {}
            }
        }
    }
    // Person keys may have been upgraded to a fuller name after first use;
    // a one-word organization that is a person's surname is that person.
    let texts: Vec<&str> = members.iter().map(|m| m.article.text.as_str()).collect();
    let texts = speakers::TextWords::new(&texts);
    let quote_keys: Vec<String> = reports
        .keys()
        .filter(|(kind, _)| *kind == FactKind::Quote)
        .map(|(_, key)| key.clone())
        .collect();
    let resolve = |key: &str| -> String {
        let key = if key.starts_with("person:") {
            person_keys
                .iter()
                .find(|k| same_named_person(k, key, &given))
                .cloned()
                .unwrap_or_else(|| key.to_string())
        } else {
            key.to_string()
        };
        same_word_speaker(&key, &quote_keys, &person_keys, &texts).unwrap_or(key)
    };
    let mut merged: BTreeMap<(FactKind, String), Vec<(Report, bool)>> = BTreeMap::new();
    for ((kind, subject), list) in reports {
        let subject = if kind == FactKind::Quote {
            resolve(&subject)
        } else {
            subject
        };
        merged.entry((kind, subject)).or_default().extend(list);
    }
    // One label per aligned speaker, from every form its reports write.
    let labels: BTreeMap<String, String> = merged
        .iter()
        .filter(|((kind, _), _)| *kind == FactKind::Quote)
        .map(|((_, key), list)| {
            let mut by_time: Vec<&Report> = list.iter().map(|(r, _)| r).collect();
            by_time.sort_by_key(|r| publication_order(r.published_utc.as_deref()));
            let forms: Vec<&str> = by_time.iter().map(|r| r.detail.as_str()).collect();
            (key.clone(), canonical_label(key, &forms, &texts))
        })
        .collect();

    let mut facts: Vec<AlignedFact> = merged
        .into_iter()
        .map(|((kind, subject), list)| {
            let label = labels.get(&subject).cloned();
            align(kind, subject, label, list, &sources, &order)
        })
        .collect();
    facts.extend(count_facts(members, &sources, &order));
    // The story's tolls first (killed, injured, ...), then the most widely
    // reported facts, counts before quotes.
    facts.sort_by(|a, b| {
        (!a.toll)
            .cmp(&!b.toll)
            .then_with(|| match a.toll && b.toll {
                true => a.kind.cmp(&b.kind),
                false => std::cmp::Ordering::Equal,
            })
            .then_with(|| b.reports.len().cmp(&a.reports.len()))
            .then_with(|| (a.kind == FactKind::Quote).cmp(&(b.kind == FactKind::Quote)))
            .then_with(|| a.role.cmp(&b.role))
            .then_with(|| a.label.to_lowercase().cmp(&b.label.to_lowercase()))
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.subject.cmp(&b.subject))
    });

    // Each source's speakers, one entry per aligned speaker.
    let mut speakers: BTreeMap<&str, BTreeMap<String, (bool, usize)>> = BTreeMap::new();
    for (source, key, anonymous) in &quoted {
        let entry = speakers
            .entry(source.as_str())
            .or_default()
            .entry(resolve(key))
            .or_default();
        entry.0 |= *anonymous;
        entry.1 += 1;
    }
    for column in &mut sources {
        let mut list: Vec<QuotedSpeaker> = speakers
            .remove(column.source.as_str())
            .unwrap_or_default()
            .into_iter()
            .map(|(key, (anonymous, quotes))| QuotedSpeaker {
                label: labels.get(&key).cloned().unwrap_or_default(),
                anonymous,
                quotes,
            })
            .collect();
        list.sort_by(|a, b| {
            (a.label.to_lowercase(), &a.label, a.anonymous).cmp(&(
                b.label.to_lowercase(),
                &b.label,
                b.anonymous,
            ))
        });
        column.speakers = list;
    }

    let conflicts = facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.conflict)
        .map(|(i, _)| i)
        .collect();
    let missing = missing_from(&sources, &facts);
    Comparison {
        wire: wire_copies(members),
        sources,
        facts,
        missing,
        conflicts,
    }
}

fn align(
    kind: FactKind,
    subject: String,
    speaker: Option<String>,
    list: Vec<(Report, bool)>,
    sources: &[SourceColumn],
    order: &BTreeMap<String, usize>,
) -> AlignedFact {
    // The first report of the fact, among all of them (a source's earlier
    // article counts even when a later one gives its value).
    let first = list
        .iter()
        .map(|(r, _)| r)
        .min_by_key(|r| {
            (
                publication_order(r.published_utc.as_deref()),
                order[&r.source],
            )
        })
        .cloned();
    // One report per source: one from a lead (the first LEAD_SENTENCES
    // sentences of its article) before one from further down, then the
    // highest lower bound (its latest toll), then the earliest in its text.
    let mut best: BTreeMap<usize, (Report, bool)> = BTreeMap::new();
    let key = |(r, lead): &(Report, bool)| {
        (
            *lead,
            r.value.map_or(0, |v| v.min),
            std::cmp::Reverse(r.span),
        )
    };
    for candidate in list {
        let column = order[&candidate.0.source];
        if best
            .get(&column)
            .is_none_or(|old| key(&candidate) > key(old))
        {
            best.insert(column, candidate);
        }
    }
    let reports: Vec<Report> = best.into_values().map(|(r, _)| r).collect();
    let omitted_by = sources
        .iter()
        .filter(|s| !reports.iter().any(|r| r.source == s.source))
        .map(|s| s.source.clone())
        .collect();
    let values: Vec<(Option<(i64, i64)>, Interval)> = reports
        .iter()
        .filter_map(|r| {
            r.stated()
                .map(|v| (published_minutes(r.published_utc.as_deref()), v))
        })
        .collect();
    let conflict = values
        .iter()
        .enumerate()
        .any(|(i, a)| values[i + 1..].iter().any(|b| !overlaps(a.1, b.1)));
    let update = is_update(&values);
    let consensus = (!values.is_empty()).then(|| consensus_of(&values, update));
    let first = first
        .or_else(|| reports.first().cloned())
        .expect("an aligned fact has at least one report");
    let label = match kind {
        FactKind::Quote => format!("quoted: {}", speaker.unwrap_or(first.detail.clone())),
        // "troops: troops" says no more than "troops".
        _ if kind_name(kind) == subject => subject.clone(),
        _ => format!("{}: {}", kind_name(kind), subject),
    };
    AlignedFact {
        kind,
        label,
        role: None,
        toll: false,
        earlier: Vec::new(),
        first_source: first.source.clone(),
        first_published: first.published_utc.clone(),
        subject,
        reports,
        omitted_by,
        conflict,
        update,
        consensus,
    }
}

/// The snake_case name of a fact kind, as in the JSON output.
pub fn kind_name(kind: FactKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn missing_from(sources: &[SourceColumn], facts: &[AlignedFact]) -> Vec<Missing> {
    let others = sources.len().saturating_sub(1);
    sources
        .iter()
        .map(|s| {
            let mut list: Vec<(usize, usize)> = facts
                .iter()
                .enumerate()
                .filter(|(_, f)| f.omitted_by.contains(&s.source))
                .map(|(i, f)| (f.reports.len(), i))
                .filter(|&(carried, _)| carried >= 2 && carried * 2 >= others)
                .collect();
            list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            Missing {
                source: s.source.clone(),
                facts: list.into_iter().map(|(_, i)| i).collect(),
            }
        })
        .collect()
}
