//! Coverage comparison: for one story, which facts each source includes,
//! which it leaves out, where sources disagree, and what each reprint of a
//! wire story changed.
//!
//! # Alignment rules
//!
//! - **Sources.** The unit is the outlet (`source`; the article id when it
//!   has none). A source reports a fact when any of its articles does.
//! - **Counts** align when they have the same kind (killed, injured, troops,
//!   …) and the same *counted class*: the head noun of what is counted,
//!   mapped through [`counted_class`] ("soldiers" ~ "troops" ~ "US forces";
//!   "civilians" ~ "people" ~ "a young woman"; "police officers" is its own
//!   class). Counts marked `aggregate` (roundups of other incidents) are left
//!   out. A source with several counts of one fact reports the one with the
//!   highest lower bound (its latest toll).
//! - **Agreement** is interval overlap: "dozens" ([12, ∞)) and "at least 30"
//!   agree; 12 and 15 killed **conflict**. When conflicting values come from
//!   sources published at different times and rise with time, the fact is
//!   flagged as an **update** rather than hidden.
//! - **Consensus** (rule named in the output): the intersection of all
//!   reported intervals when it is not empty (`intersection`); otherwise the
//!   lowest lower bound reported, ACLED's most conservative estimate
//!   (`most_conservative`).
//! - **Quotes** align by speaker identity ([`speaker_key`]): a named person by
//!   surname, with first names compared by Jaro–Winkler similarity (≥ 0.85)
//!   when both are given ("Pompeo" ~ "Mike Pompeo" ~ "Secretary of State Mike
//!   Pompeo"); an organization by its normalized name; an anonymous source by
//!   its affiliation and role ("a US defence official" ~ "the US official"
//!   only when both name the same role word).
//! - **Missing from X**: the facts that at least two other sources and at
//!   least half of the other sources carry but X does not, most carried first.

use std::collections::BTreeMap;

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::article::{Article, Span};
use crate::facts::{Fact, FactKind, FactValue, Interval, Speaker};

/// One article of the story being compared, with what is known about it.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its extracted facts.
    pub facts: &'a [Fact],
    /// Its copy group (articles sharing a group are copies).
    pub copy_group: u32,
}

/// The comparison of one story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Sources in the story, ordered by their first `published` (unknown
    /// last), then name.
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

/// A column of the comparison: one source and its articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceColumn {
    /// The source name.
    pub source: String,
    /// Its articles' ids, input order.
    pub articles: Vec<String>,
    /// Its earliest `published`, if known.
    pub first_published: Option<String>,
    /// Speakers it quotes: (label, anonymous).
    pub speakers: Vec<QuotedSpeaker>,
}

/// A speaker quoted by a source.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct QuotedSpeaker {
    /// How the speaker is shown: the full name, organization or description.
    pub label: String,
    /// True for anonymous sources.
    pub anonymous: bool,
    /// Number of quotes from this speaker in the source's articles.
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
    /// Each reporting source's value and evidence, ordered like the columns.
    pub reports: Vec<Report>,
    /// Sources that do not report it.
    pub omitted_by: Vec<String>,
    /// True when two reported intervals are disjoint.
    pub conflict: bool,
    /// True when the conflict is a toll rising with publication time.
    pub update: bool,
    /// The consensus interval for counts, with the rule that chose it.
    pub consensus: Option<Consensus>,
    /// The source that reported it first (earliest `published`).
    pub first_source: String,
    /// When it was first reported, if known.
    pub first_published: Option<String>,
}

/// A source's report of an aligned fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The source.
    pub source: String,
    /// The article holding the evidence.
    pub article: String,
    /// Its `published`.
    pub published: Option<String>,
    /// For counts, the value; `None` for quotes.
    pub value: Option<Interval>,
    /// What the article says is counted, or the speaker as written.
    pub detail: String,
    /// Evidence: byte span into the article's text.
    pub span: Span,
    /// The evidence text (the sentence holding it).
    pub evidence: String,
    /// The extraction rule.
    pub rule: &'static str,
}

/// A consensus value and the rule that chose it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Consensus {
    /// The value.
    pub value: Interval,
    /// `intersection` or `most_conservative`.
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
    /// Facts of each article, input order.
    pub facts: Vec<Vec<Fact>>,
    /// One comparison per story with two or more sources, in story order.
    pub comparisons: Vec<StoryComparison>,
}

/// Runs the whole pipeline on articles in memory: copies, stories, facts,
/// then the comparison of every story that has two or more sources.
pub fn compare_corpus(articles: &[Article], config: &CompareConfig) -> CorpusComparison {
    use rayon::prelude::*;
    let dedup = crate::dedup::dedup_articles(articles, &config.dedup);
    let stories = crate::stories::stories(articles, &dedup.copies.group_of, &config.stories);
    let facts: Vec<Vec<Fact>> = articles
        .par_iter()
        .map(|a| crate::facts::extract(&a.text, a.published.as_deref()))
        .collect();
    let comparisons = stories
        .stories
        .par_iter()
        .filter(|story| story.sources.len() >= 2)
        .map(|story| {
            let mut indices: Vec<usize> = story.groups.iter().flatten().copied().collect();
            indices.sort_unstable();
            let members: Vec<Member<'_>> = indices
                .iter()
                .map(|&i| Member {
                    article: &articles[i],
                    facts: &facts[i],
                    copy_group: dedup.copies.group_of[i],
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
        comparisons,
    }
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

/// The class a counted noun phrase belongs to, for alignment: the head noun
/// (last word) mapped through a small table of synonyms; unknown heads stand
/// for themselves (singular, lower case).
pub fn counted_class(counted: &str) -> String {
    let lower = counted.to_lowercase();
    let head = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let singular = head
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .unwrap_or_else(|| {
            if let Some(stem) = head.strip_suffix("men") {
                format!("{stem}man")
            } else if let Some(stem) = head
                .strip_suffix('s')
                .filter(|s| s.len() > 2 && !s.ends_with('s'))
            {
                stem.to_string()
            } else {
                head.to_string()
            }
        });
    let class = match singular.as_str() {
        "soldier" | "troop" | "force" | "serviceman" | "servicemember" | "marine" | "personnel"
            if !lower.contains("diplomat") && !lower.contains("staff") && is_military(&lower) =>
        {
            "troops"
        }
        "soldier" | "troop" | "force" | "serviceman" | "servicemember" | "marine" => "troops",
        "diplomat" | "staff" | "personnel" | "employee" | "staffer" | "worker" => "personnel",
        "policeman" | "officer" | "police" | "policewoman" | "deputy" | "trooper" | "cop" => {
            "police"
        }
        "child" | "kid" | "boy" | "girl" | "toddler" | "baby" | "infant" | "teen" | "teenager" => {
            "children"
        }
        "gunman" | "suspect" | "attacker" | "shooter" | "militant" | "assailant" => "suspects",
        "" | "people" | "person" | "civilian" | "man" | "woman" | "resident" | "victim"
        | "individual" | "other" | "adult" | "bystander" | "passerby" | "one" => "people",
        other => return other.to_string(),
    };
    class.to_string()
}

fn is_military(lower: &str) -> bool {
    ["troop", "soldier", "military", "forces", "army", "marine"]
        .iter()
        .any(|w| lower.contains(w))
}

/// The identity key of a speaker: `person:<surname>[:<first name>]`,
/// `org:<normalized name>`, or `anon:<affiliation>:<role>`.
pub fn speaker_key(speaker: &Speaker) -> String {
    if let Some(name) = &speaker.name {
        let words: Vec<String> = name
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii"))
            .collect();
        // The first name is the last word before the surname that is not an
        // initial: "Secretary of State Mike Pompeo" -> pompeo:mike.
        return match words.split_last() {
            None => "person:".into(),
            Some((last, rest)) => match rest.iter().rev().find(|w| w.chars().count() > 1) {
                Some(first) => format!("person:{last}:{first}"),
                None => format!("person:{last}"),
            },
        };
    }
    if speaker.anonymous {
        let description = speaker.description.as_deref().unwrap_or("").to_lowercase();
        let words: Vec<&str> = description
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let role = words
            .iter()
            .rev()
            .find(|w| ROLE_WORDS.contains(&w.trim_end_matches('s')))
            .map(|w| w.trim_end_matches('s'))
            .unwrap_or("source");
        let affiliation = words
            .iter()
            .find_map(|w| affiliation_of(w))
            .or_else(|| speaker.organization.as_deref().map(normalize_org_static))
            .unwrap_or_default();
        return format!("anon:{affiliation}:{role}");
    }
    match &speaker.organization {
        Some(org) => format!("org:{}", normalize_org(org)),
        None => "unknown".into(),
    }
}

/// Role words that head anonymous-source descriptions, singular.
const ROLE_WORDS: &[&str] = &[
    "aide",
    "analyst",
    "diplomat",
    "expert",
    "insider",
    "investigator",
    "official",
    "officer",
    "person",
    "people",
    "representative",
    "resident",
    "source",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "witnesse",
    "witness",
];

fn affiliation_of(word: &str) -> Option<String> {
    let canonical = match word {
        "us" | "american" | "washington" => "us",
        "iraqi" | "iraq" | "baghdad" => "iraq",
        "iranian" | "iran" | "tehran" => "iran",
        "western" => "western",
        "british" | "uk" | "london" => "uk",
        "french" | "france" | "paris" => "france",
        "israeli" | "israel" => "israel",
        "russian" | "russia" | "moscow" => "russia",
        "chinese" | "china" | "beijing" => "china",
        "pentagon" | "defence" | "defense" | "military" => "defence",
        "police" => "police",
        _ => return None,
    };
    Some(canonical.to_string())
}

fn normalize_org_static(org: &str) -> String {
    normalize_org(org)
}

fn normalize_org(org: &str) -> String {
    org.to_lowercase()
        .replace("u.s.", "us")
        .replace("united states", "us")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

fn speaker_label(speaker: &Speaker) -> String {
    if let Some(name) = &speaker.name {
        return name.clone();
    }
    if speaker.anonymous {
        return speaker
            .description
            .clone()
            .unwrap_or_else(|| "anonymous source".into());
    }
    speaker
        .organization
        .clone()
        .unwrap_or_else(|| "unknown speaker".into())
}

/// Whether two person keys name the same person: same surname, and first
/// names alike when both are known.
fn same_person(a: &str, b: &str) -> bool {
    let parts = |k: &str| -> (String, Option<String>) {
        let mut it = k.trim_start_matches("person:").splitn(2, ':');
        (
            it.next().unwrap_or("").to_string(),
            it.next().map(str::to_string),
        )
    };
    let ((sa, fa), (sb, fb)) = (parts(a), parts(b));
    if strsim::jaro_winkler(&sa, &sb) < 0.95 {
        return false;
    }
    match (fa, fb) {
        (Some(x), Some(y)) => strsim::jaro_winkler(&x, &y) >= 0.85,
        _ => true,
    }
}

fn source_of(article: &Article) -> String {
    article.source.clone().unwrap_or_else(|| article.id.clone())
}

/// Whether two reported values agree: their intervals overlap.
pub fn agree(a: Interval, b: Interval) -> bool {
    overlaps(a, b)
}

fn overlaps(a: Interval, b: Interval) -> bool {
    a.min <= b.max.unwrap_or(u64::MAX) && b.min <= a.max.unwrap_or(u64::MAX)
}

fn intersect(a: Interval, b: Interval) -> Option<Interval> {
    let min = a.min.max(b.min);
    let max = match (a.max, b.max) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    };
    (max.is_none_or(|m| m >= min)).then_some(Interval { min, max })
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
        if let Some(p) = crate::dedup::sortable_date(m.article.published.as_deref())
            && column.first_published.as_ref().is_none_or(|f| p < *f)
        {
            column.first_published = Some(p);
        }
    }
    let mut sources: Vec<SourceColumn> = columns.into_values().collect();
    sources.sort_by(|a, b| {
        (a.first_published.is_none(), &a.first_published, &a.source).cmp(&(
            b.first_published.is_none(),
            &b.first_published,
            &b.source,
        ))
    });
    let order: BTreeMap<String, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.source.clone(), i))
        .collect();

    // Gather candidate reports keyed by (kind, subject).
    let mut person_keys: Vec<String> = Vec::new();
    let mut reports: BTreeMap<(FactKind, String), Vec<(Report, String)>> = BTreeMap::new();
    let mut speakers: BTreeMap<String, BTreeMap<(String, bool), usize>> = BTreeMap::new();
    for m in members {
        let source = source_of(m.article);
        let text = &m.article.text;
        for fact in m.facts {
            let evidence = fact.sentence.slice(text).unwrap_or("").to_string();
            match &fact.value {
                FactValue::Count(count) if !count.aggregate => {
                    let subject = counted_class(&count.counted);
                    reports
                        .entry((fact.kind, subject.clone()))
                        .or_default()
                        .push((
                            Report {
                                source: source.clone(),
                                article: m.article.id.clone(),
                                published: m.article.published.clone(),
                                value: Some(count.value),
                                detail: count.counted.clone(),
                                span: fact.span,
                                evidence,
                                rule: fact.rule,
                            },
                            subject.clone(),
                        ));
                }
                FactValue::Quote(quote) => {
                    let mut key = speaker_key(&quote.speaker);
                    if key.starts_with("person:") {
                        // Surname-only mentions join the full name seen before.
                        if let Some(known) = person_keys.iter().find(|k| same_person(k, &key)) {
                            if key.matches(':').count() > known.matches(':').count() {
                                let old = known.clone();
                                person_keys.retain(|k| *k != old);
                                person_keys.push(key.clone());
                            } else {
                                key = known.clone();
                            }
                        } else {
                            person_keys.push(key.clone());
                        }
                    }
                    let label = speaker_label(&quote.speaker);
                    *speakers
                        .entry(source.clone())
                        .or_default()
                        .entry((label.clone(), quote.speaker.anonymous))
                        .or_default() += 1;
                    reports
                        .entry((FactKind::Quote, key.clone()))
                        .or_default()
                        .push((
                            Report {
                                source: source.clone(),
                                article: m.article.id.clone(),
                                published: m.article.published.clone(),
                                value: None,
                                detail: label,
                                span: fact.span,
                                evidence,
                                rule: fact.rule,
                            },
                            key,
                        ));
                }
                _ => {}
            }
        }
    }
    // Person keys may have been upgraded to a fuller name after first use.
    let mut merged: BTreeMap<(FactKind, String), Vec<Report>> = BTreeMap::new();
    for ((kind, subject), list) in reports {
        let subject = if subject.starts_with("person:") {
            person_keys
                .iter()
                .find(|k| same_person(k, &subject))
                .cloned()
                .unwrap_or(subject)
        } else {
            subject
        };
        merged
            .entry((kind, subject))
            .or_default()
            .extend(list.into_iter().map(|(r, _)| r));
    }

    let mut facts: Vec<AlignedFact> = merged
        .into_iter()
        .map(|((kind, subject), list)| align(kind, subject, list, &sources, &order))
        .collect();
    facts.sort_by(|a, b| {
        b.reports
            .len()
            .cmp(&a.reports.len())
            .then_with(|| (a.kind == FactKind::Quote).cmp(&(b.kind == FactKind::Quote)))
            .then_with(|| a.label.cmp(&b.label))
    });

    for column in &mut sources {
        column.speakers = speakers
            .remove(&column.source)
            .unwrap_or_default()
            .into_iter()
            .map(|((label, anonymous), quotes)| QuotedSpeaker {
                label,
                anonymous,
                quotes,
            })
            .collect();
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
    list: Vec<Report>,
    sources: &[SourceColumn],
    order: &BTreeMap<String, usize>,
) -> AlignedFact {
    // One report per source: the highest lower bound (its latest toll), then
    // the earliest in its text.
    let mut best: BTreeMap<usize, Report> = BTreeMap::new();
    for report in list {
        let column = order[&report.source];
        let better = match best.get(&column) {
            None => true,
            Some(old) => {
                let key = |r: &Report| (r.value.map_or(0, |v| v.min), std::cmp::Reverse(r.span));
                key(&report) > key(old)
            }
        };
        if better {
            best.insert(column, report);
        }
    }
    let reports: Vec<Report> = best.into_values().collect();
    let omitted_by = sources
        .iter()
        .filter(|s| !reports.iter().any(|r| r.source == s.source))
        .map(|s| s.source.clone())
        .collect();
    let values: Vec<(Option<String>, Interval)> = reports
        .iter()
        .filter_map(|r| {
            r.value
                .map(|v| (crate::dedup::sortable_date(r.published.as_deref()), v))
        })
        .collect();
    let conflict = values
        .iter()
        .enumerate()
        .any(|(i, a)| values[i + 1..].iter().any(|b| !overlaps(a.1, b.1)));
    // An update: every disjoint pair is dated, on different dates, and the
    // later report is the higher one.
    let update = conflict
        && values.iter().enumerate().all(|(i, a)| {
            values[i + 1..].iter().all(|b| {
                if overlaps(a.1, b.1) {
                    return true;
                }
                match (&a.0, &b.0) {
                    (Some(da), Some(db)) if da != db => {
                        let (early, late) = if da < db { (a.1, b.1) } else { (b.1, a.1) };
                        late.min > early.max.unwrap_or(u64::MAX)
                    }
                    _ => false,
                }
            })
        });
    let consensus = (!values.is_empty()).then(|| {
        let all = values
            .iter()
            .try_fold(Interval { min: 0, max: None }, |acc, v| intersect(acc, v.1));
        match all {
            Some(value) => Consensus {
                value,
                rule: "intersection",
            },
            None => Consensus {
                value: Interval {
                    min: values.iter().map(|v| v.1.min).min().unwrap_or(0),
                    max: None,
                },
                rule: "most_conservative",
            },
        }
    });
    let first = reports
        .iter()
        .min_by(|a, b| {
            let key = |r: &Report| {
                let p = crate::dedup::sortable_date(r.published.as_deref());
                (p.is_none(), p)
            };
            key(a).cmp(&key(b))
        })
        .expect("an aligned fact has at least one report");
    let label = match kind {
        FactKind::Quote => format!("quoted: {}", first.detail),
        _ => format!("{}: {}", kind_name(kind), subject),
    };
    AlignedFact {
        kind,
        label,
        first_source: first.source.clone(),
        first_published: first.published.clone(),
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

/// Agency credit lines and datelines: "(AFP)", "Reuters reported", "told
/// AFP", "(With agency inputs)", "Reporting by …".
pub fn credits(text: &str) -> Vec<(Span, String)> {
    const AGENCIES: &[&str] = &[
        "AFP", "AP", "Reuters", "ANI", "PTI", "IANS", "UPI", "DPA", "EFE", "Xinhua", "Anadolu",
    ];
    let mut found = Vec::new();
    let lower = text.to_lowercase();
    for agency in AGENCIES {
        for pattern in [
            format!("({agency})"),
            format!("{agency} reported"),
            format!("told {agency}"),
            format!("told the {agency}"),
            format!("{agency}/"),
        ] {
            let mut from = 0;
            while let Some(pos) = text[from..].find(&pattern) {
                let start = from + pos;
                found.push((Span::new(start, start + pattern.len()), pattern.clone()));
                from = start + pattern.len();
            }
        }
    }
    for phrase in ["(with agency inputs)", "reporting by", "with inputs from"] {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(phrase) {
            let start = from + pos;
            let end = start + phrase.len();
            if let Some(written) = text.get(start..end) {
                found.push((Span::new(start, end), written.to_string()));
            }
            from = end;
        }
    }
    found.sort();
    found.dedup();
    found
}

fn wire_copies(members: &[Member<'_>]) -> Vec<WireCopy> {
    let mut groups: BTreeMap<u32, Vec<&Member<'_>>> = BTreeMap::new();
    for m in members {
        groups.entry(m.copy_group).or_default().push(m);
    }
    groups
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|group| {
            let origin = *group
                .iter()
                .min_by(|a, b| {
                    let key = |m: &Member<'_>| {
                        let p = crate::dedup::sortable_date(m.article.published.as_deref());
                        (
                            p.is_none(),
                            p,
                            std::cmp::Reverse(m.article.text.len()),
                            m.article.id.clone(),
                        )
                    };
                    key(a).cmp(&key(b))
                })
                .expect("a copy group has members");
            let credits = group
                .iter()
                .flat_map(|m| {
                    credits(&m.article.text)
                        .into_iter()
                        .map(|(span, text)| Credit {
                            article: m.article.id.clone(),
                            text,
                            span,
                        })
                })
                .collect();
            let reprints = group
                .iter()
                .filter(|m| m.article.id != origin.article.id)
                .map(|m| reprint(origin, m))
                .collect();
            WireCopy {
                origin: origin.article.id.clone(),
                origin_source: source_of(origin.article),
                credits,
                reprints,
            }
        })
        .collect()
}

/// Word diff of a reprint against its origin.
fn reprint(origin: &Member<'_>, copy: &Member<'_>) -> Reprint {
    let diff = TextDiff::from_words(origin.article.text.as_str(), copy.article.text.as_str());
    let mut runs: Vec<DiffRun> = Vec::new();
    let (mut added, mut removed, mut kept) = (0, 0, 0);
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "removed",
            ChangeTag::Insert => "added",
        };
        let value = change.value();
        let words = value.split_whitespace().count();
        match change.tag() {
            ChangeTag::Equal => kept += words,
            ChangeTag::Delete => removed += words,
            ChangeTag::Insert => added += words,
        }
        match runs.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(value),
            _ => runs.push(DiffRun {
                tag,
                text: value.to_string(),
            }),
        }
    }
    // Whitespace-only equal runs between two changes do not split a change.
    let mut changed_numbers = Vec::new();
    let mut changed_quotes = Vec::new();
    for pair in runs.windows(2) {
        if pair[0].tag == "removed" && pair[1].tag == "added" {
            let numbers = |s: &str| -> Vec<String> {
                s.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                    .map(|n| n.trim_matches(|c| c == ',' || c == '.').to_string())
                    .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
                    .collect()
            };
            let (old, new) = (numbers(&pair[0].text), numbers(&pair[1].text));
            for (o, n) in old.iter().zip(&new) {
                if o != n {
                    changed_numbers.push((o.clone(), n.clone()));
                }
            }
            let quoted = |s: &str| s.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}']);
            if quoted(&pair[0].text) || quoted(&pair[1].text) {
                changed_quotes.push((
                    pair[0].text.trim().to_string(),
                    pair[1].text.trim().to_string(),
                ));
            }
        }
    }
    Reprint {
        article: copy.article.id.clone(),
        source: source_of(copy.article),
        added_words: added,
        removed_words: removed,
        kept_words: kept,
        changed_numbers,
        changed_quotes,
        diff: runs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Count;

    fn article(id: &str, source: &str, published: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            source: Some(source.into()),
            published: Some(published.into()),
            text: text.into(),
            ..Article::default()
        }
    }

    fn count(kind: FactKind, min: u64, max: Option<u64>, counted: &str, text: &str) -> Fact {
        Fact {
            kind,
            value: FactValue::Count(Count {
                value: Interval { min, max },
                counted: counted.into(),
                status: None,
                aggregate: false,
            }),
            span: Span::new(0, text.len().min(5)),
            sentence: Span::new(0, text.len()),
            rule: "test",
        }
    }

    /// Members that are each their own copy group.
    fn separate<'a>(list: &[(&'a Article, &'a [Fact])]) -> Vec<Member<'a>> {
        list.iter()
            .enumerate()
            .map(|(i, &(article, facts))| Member {
                article,
                facts,
                copy_group: i as u32,
            })
            .collect()
    }

    #[test]
    fn counted_classes_align_synonyms_and_keep_police_apart() {
        assert_eq!(counted_class("American soldiers"), "troops");
        assert_eq!(counted_class("US forces"), "troops");
        assert_eq!(counted_class("troops"), "troops");
        assert_eq!(counted_class("civilians"), "people");
        assert_eq!(counted_class("a young woman"), "people");
        assert_eq!(counted_class("police officers"), "police");
        assert_eq!(counted_class("US diplomats"), "personnel");
        assert_eq!(counted_class("passengers"), "passenger");
    }

    #[test]
    fn speaker_keys_match_name_variants() {
        let named = |name: &str| Speaker {
            name: Some(name.into()),
            ..Speaker::default()
        };
        let a = speaker_key(&named("Mike Pompeo"));
        let b = speaker_key(&named("Pompeo"));
        let c = speaker_key(&named("Secretary of State Mike Pompeo"));
        assert!(same_person(&a, &b) && same_person(&a, &c));
        assert!(!same_person(&a, &speaker_key(&named("Mark Esper"))));
        let anon = |d: &str| Speaker {
            anonymous: true,
            description: Some(d.into()),
            ..Speaker::default()
        };
        assert_eq!(
            speaker_key(&anon("a US defence official")),
            "anon:us:official"
        );
        assert_eq!(speaker_key(&anon("the US official")), "anon:us:official");
        assert_eq!(
            speaker_key(&anon("an Iraqi source, speaking anonymously")),
            "anon:iraq:source"
        );
        assert_eq!(
            speaker_key(&anon("two Western diplomats")),
            "anon:western:diplomat"
        );
    }

    #[test]
    fn disjoint_tolls_conflict_and_rising_ones_are_updates() {
        let a = article("a", "A", "2020-01-01", "Twelve people were killed.");
        let b = article("b", "B", "2020-01-02", "Fifteen people were killed.");
        let c = article("c", "C", "2020-01-03", "Dozens of civilians were killed.");
        let fa = [count(FactKind::Killed, 12, Some(12), "people", &a.text)];
        let fb = [count(FactKind::Killed, 15, Some(15), "people", &b.text)];
        let fc = [count(FactKind::Killed, 12, None, "civilians", &c.text)];
        let cmp = compare(&separate(&[(&a, &fa), (&b, &fb), (&c, &fc)]));
        assert_eq!(cmp.facts.len(), 1);
        let fact = &cmp.facts[0];
        assert!(fact.conflict && fact.update);
        assert_eq!(cmp.conflicts, vec![0]);
        assert_eq!(
            fact.consensus,
            Some(Consensus {
                value: Interval { min: 12, max: None },
                rule: "most_conservative"
            })
        );
        assert_eq!(fact.first_source, "A");
    }

    #[test]
    fn overlapping_values_agree_and_omissions_are_listed() {
        let a = article(
            "a",
            "A",
            "2020-01-01",
            "Dozens were hurt. 3,000 soldiers are deployed.",
        );
        let b = article(
            "b",
            "B",
            "2020-01-02",
            "At least 30 people were injured. 3,000 troops remain.",
        );
        let c = article("c", "C", "2020-01-03", "At least 20 were injured.");
        let fa = [
            count(FactKind::Injured, 12, None, "people", &a.text),
            count(FactKind::Troops, 3000, Some(3000), "soldiers", &a.text),
        ];
        let fb = [
            count(FactKind::Injured, 30, None, "people", &b.text),
            count(FactKind::Troops, 3000, Some(3000), "troops", &b.text),
        ];
        let fc = [count(FactKind::Injured, 20, None, "people", &c.text)];
        let cmp = compare(&separate(&[(&a, &fa), (&b, &fb), (&c, &fc)]));
        let labels: Vec<&str> = cmp.facts.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["injured: people", "troops: troops"]);
        assert!(!cmp.facts[0].conflict);
        assert_eq!(
            cmp.facts[0].consensus.unwrap().value,
            Interval { min: 30, max: None }
        );
        assert_eq!(cmp.facts[1].omitted_by, ["C"]);
        assert_eq!(
            cmp.missing[2],
            Missing {
                source: "C".into(),
                facts: vec![1]
            }
        );
    }

    #[test]
    fn reprint_diff_calls_out_changed_numbers() {
        let origin = article(
            "o",
            "AFP",
            "2020-01-01",
            "Rockets killed 5 people, \"a tragedy\" he said. More later.",
        );
        let copy = article(
            "c",
            "Star",
            "2020-01-02",
            "Rockets killed 6 people, \"a disaster\" he said.",
        );
        let members = [
            Member {
                article: &origin,
                facts: &[],
                copy_group: 3,
            },
            Member {
                article: &copy,
                facts: &[],
                copy_group: 3,
            },
        ];
        let cmp = compare(&members);
        let wire = &cmp.wire[0];
        assert_eq!(wire.origin, "o");
        let reprint = &wire.reprints[0];
        assert_eq!(
            reprint.changed_numbers,
            vec![("5".to_string(), "6".to_string())]
        );
        assert_eq!(reprint.changed_quotes.len(), 1);
        assert_eq!(reprint.removed_words, 2 + 2);
    }

    #[test]
    fn credits_are_found() {
        let text = "BAGHDAD (AFP) - Officials told AFP on Monday. (With agency inputs)";
        let found: Vec<String> = credits(text).into_iter().map(|c| c.1).collect();
        assert_eq!(found, ["(AFP)", "told AFP", "(With agency inputs)"]);
    }
}
