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
//!   Counts about an earlier event are left out too: a count whose sentence
//!   names a date that ended more than [`BACKGROUND_DAYS`] days before the
//!   article was published ("the deaths of 19 children in Uvalde in May
//!   2022"), unless the date starts a period ("since 1984"). A count of
//!   "others" ("four soldiers were killed and two others wounded") takes the
//!   class of the count before it in its sentence.
//! - **Agreement** is interval overlap: "dozens" ([12, ∞)) and "at least 30"
//!   agree; 12 and 15 killed **conflict**.
//! - **Update**: a report published at least [`UPDATE_GAP_MINUTES`] minutes
//!   after another raises its lower bound ("at least 3" killed in the
//!   morning, 7 in the evening), and every disagreement of the fact is such
//!   a rise. Disjoint values published less than that apart are a conflict,
//!   never an update. Publication times are compared in UTC (offsets
//!   applied); when either report has only a date, a later day is enough.
//! - **Consensus** (rule named in the output): for an update, the
//!   intersection of the latest report with every report that agrees with it
//!   (`latest`); otherwise the intersection of all reported intervals when it
//!   is not empty (`intersection`); otherwise the lowest lower bound
//!   reported, ACLED's most conservative estimate (`most_conservative`).
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
    /// True when the value rose with publication time (see the module
    /// docs): an updated toll, with or without a conflict.
    pub update: bool,
    /// The consensus interval for counts, with the rule that chose it.
    pub consensus: Option<Consensus>,
    /// The source that reported it first (earliest `published` in UTC over
    /// all its reports, including ones a source's later article
    /// superseded).
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
    /// `latest`, `intersection` or `most_conservative`.
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
    // "service members" is one noun: a member of the armed services.
    let singular = if singular == "member" && lower.contains("service member") {
        "servicemember".to_string()
    } else {
        singular
    };
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
        // The first name is the word right before the surname unless it is
        // an initial or an honorific: "Secretary of State Mike Pompeo" ->
        // pompeo:mike, "Mr Azzawi" -> azzawi. A surname's Arabic article is
        // dropped: "al-Azzawi" ~ "Azzawi"; a particle before it is no first
        // name: "Mohammed bin Salman" -> salman:mohammed.
        return match words.split_last() {
            None => "person:".into(),
            Some((last, rest)) => {
                let last = ["al-", "el-"]
                    .iter()
                    .find_map(|p| last.strip_prefix(p))
                    .filter(|s| !s.is_empty())
                    .unwrap_or(last);
                let first = rest.iter().rev().find(|w| {
                    w.chars().count() > 1
                        && !matches!(w.as_str(), "bin" | "bint" | "ibn" | "al" | "el")
                });
                match first {
                    Some(first) if !HONORIFICS.contains(&first.as_str()) => {
                        format!("person:{last}:{first}")
                    }
                    _ => format!("person:{last}"),
                }
            }
        };
    }
    if speaker.anonymous {
        let description = speaker
            .description
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .replace("u.s.", "us");
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
    match (&speaker.organization, &speaker.description) {
        (Some(org), _) => format!("org:{}", normalize_org(org)),
        // A speaker known only by a description stands for itself, never
        // for every other such speaker.
        (None, Some(description)) => format!("described:{}", normalize_org(description)),
        (None, None) => "unknown".into(),
    }
}

/// Words before a surname that are not first names, lower case.
const HONORIFICS: &[&str] = &[
    "adm", "brig", "capt", "col", "dame", "dr", "gen", "gov", "lt", "maj", "miss", "mr", "mrs",
    "ms", "prof", "rep", "rev", "sen", "sgt", "sheikh", "sir",
];

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
        .or_else(|| speaker.description.clone())
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

/// Minimum time between two reports for a rise in their values to count
/// as an update rather than a conflict.
pub const UPDATE_GAP_MINUTES: i64 = 60;

/// Days before publication after which a dated sentence is background.
pub const BACKGROUND_DAYS: i64 = 30;

/// The span of time a `published` value stands for, in minutes since
/// 1970-01-01 UTC, `[start, end]`: one minute for a time, the whole day for
/// a date. Offsets (`Z`, `+01:00`, `-0500`) are applied; a time without
/// one is taken as UTC. `None` when the value is not ISO 8601.
pub fn published_minutes(published: Option<&str>) -> Option<(i64, i64)> {
    let p = published?.trim();
    let day = crate::stories::parse_day(p)? * 24 * 60;
    let rest = p.get(10..).unwrap_or("");
    let Some(time) = rest.strip_prefix(['T', ' ']) else {
        return Some((day, day + 24 * 60 - 1));
    };
    let digits = |s: &str| -> Option<i64> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let minute_of_day = || -> Option<i64> {
        let (hour, minute) = (digits(time.get(0..2)?)?, digits(time.get(3..5)?)?);
        if hour > 23 || minute > 59 || time.as_bytes().get(2) != Some(&b':') {
            return None;
        }
        let zone = time.find(['Z', 'z', '+', '-']).map_or("", |at| &time[at..]);
        let offset = match zone.as_bytes().first() {
            Some(&sign @ (b'+' | b'-')) => {
                let z = zone[1..].replace(':', "");
                let minutes = digits(z.get(0..2)?)? * 60 + digits(z.get(2..4).unwrap_or("00"))?;
                if sign == b'+' { minutes } else { -minutes }
            }
            _ => 0,
        };
        Some(hour * 60 + minute - offset)
    };
    match minute_of_day() {
        Some(m) => Some((day + m, day + m)),
        None => Some((day, day + 24 * 60 - 1)),
    }
}

/// A sort key for `published` values: by time in UTC (a date by its
/// start), unknown or unreadable values last, then as written.
fn publication_order(published: Option<&str>) -> (bool, i64, String) {
    match published_minutes(published) {
        Some((start, _)) => (false, start, published.unwrap_or("").to_string()),
        None => (true, 0, published.unwrap_or("").to_string()),
    }
}

/// Whether the report published in `late` came at least
/// [`UPDATE_GAP_MINUTES`] after the one in `early` (when both have a time),
/// or on a later day (when either has only a date).
fn later_by_gap(early: Option<(i64, i64)>, late: Option<(i64, i64)>) -> bool {
    match (early, late) {
        (Some((early_start, early_end)), Some((late_start, late_end))) => {
            let both_timed = early_start == early_end && late_start == late_end;
            let gap = if both_timed { UPDATE_GAP_MINUTES } else { 1 };
            late_start >= early_end + gap
        }
        _ => false,
    }
}

/// An update: some report raises the lower bound of a report published
/// sufficiently earlier, and every pair of disjoint values is a later,
/// higher value.
fn is_update(values: &[(Option<(i64, i64)>, Interval)]) -> bool {
    let rises = |early: &(Option<(i64, i64)>, Interval), late: &(Option<(i64, i64)>, Interval)| {
        later_by_gap(early.0, late.0) && late.1.min > early.1.min
    };
    let mut any_rise = false;
    for (i, a) in values.iter().enumerate() {
        for b in &values[i + 1..] {
            let rise = rises(a, b) || rises(b, a);
            any_rise |= rise;
            if !overlaps(a.1, b.1) {
                let (early, late) = if rises(a, b) { (a, b) } else { (b, a) };
                if !(rise && late.1.min > early.1.max.unwrap_or(u64::MAX)) {
                    return false;
                }
            }
        }
    }
    any_rise
}

/// The consensus value of a count and the rule that chose it (see the
/// module docs).
fn consensus_of(values: &[(Option<(i64, i64)>, Interval)], update: bool) -> Consensus {
    if update {
        let latest = values
            .iter()
            .filter_map(|v| v.0.map(|p| (p.0, v.1.min, v.1)))
            .max_by_key(|&(at, min, _)| (at, min))
            .map(|(_, _, value)| value);
        if let Some(latest) = latest {
            let value = values
                .iter()
                .filter(|v| overlaps(v.1, latest))
                .try_fold(latest, |acc, v| intersect(acc, v.1))
                .unwrap_or(latest);
            return Consensus {
                value,
                rule: "latest",
            };
        }
    }
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
}

/// Whether a counted noun phrase refers back to people counted before it:
/// "others", "two others".
fn refers_back(counted: &str) -> bool {
    counted
        .split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("others"))
}

/// The sentences of an article that are about an earlier event: they name
/// a date (not one starting a period, "since 2014") that ended more than
/// [`BACKGROUND_DAYS`] days before the article was published.
fn background_sentences(member: &Member<'_>) -> Vec<Span> {
    let Some((published, _)) = published_minutes(member.article.published.as_deref()) else {
        return Vec::new();
    };
    let published_day = published.div_euclid(24 * 60);
    let text = &member.article.text;
    member
        .facts
        .iter()
        .filter_map(|fact| {
            let FactValue::Date(date) = &fact.value else {
                return None;
            };
            let before = text.get(..fact.span.start).unwrap_or("");
            let word_before = before
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let first_word = date.text.split_whitespace().next().unwrap_or("");
            let starts_period = [word_before, first_word]
                .iter()
                .any(|w| w.eq_ignore_ascii_case("since"));
            let last_day = period_last_day(&date.date, date.precision)?;
            (!starts_period && last_day < published_day - BACKGROUND_DAYS).then_some(fact.sentence)
        })
        .collect()
}

/// The last day (days since 1970-01-01) of a dated period; `None` for
/// year-less dates.
fn period_last_day(date: &str, precision: crate::facts::dates::Precision) -> Option<i64> {
    use crate::facts::dates::Precision;
    let day = |d: &str| crate::stories::parse_day(d);
    match precision {
        Precision::Day => day(date),
        Precision::Week => day(date).map(|d| d + 6),
        Precision::Month => {
            let (year, month) = (
                date.get(0..4)?.parse::<i64>().ok()?,
                date.get(5..7)?.parse::<u32>().ok()?,
            );
            let next = if month == 12 {
                format!("{:04}-01-01", year + 1)
            } else {
                format!("{year:04}-{:02}-01", month + 1)
            };
            day(&next).map(|d| d - 1)
        }
        Precision::Year => day(&format!("{}-12-31", date.get(0..4)?)),
    }
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
    let mut reports: BTreeMap<(FactKind, String), Vec<(Report, String)>> = BTreeMap::new();
    let mut speakers: BTreeMap<String, BTreeMap<(String, bool), usize>> = BTreeMap::new();
    for m in members {
        let source = source_of(m.article);
        let text = &m.article.text;
        let background = background_sentences(m);
        // The last count's sentence and class, for "two others".
        let mut previous: Option<(Span, String)> = None;
        for fact in m.facts {
            let evidence = fact.sentence.slice(text).unwrap_or("").to_string();
            match &fact.value {
                FactValue::Count(count)
                    if !count.aggregate && !background.contains(&fact.sentence) =>
                {
                    let mut subject = counted_class(&count.counted);
                    if let Some((sentence, class)) = &previous
                        && *sentence == fact.sentence
                        && refers_back(&count.counted)
                    {
                        subject = class.clone();
                    }
                    previous = Some((fact.sentence, subject.clone()));
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
                FactValue::Quote(quote) if quote.is_cited_source() => {
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
    // The first report of the fact, among all of them (a source's earlier
    // article counts even when a later one gives its value).
    let first = list
        .iter()
        .min_by_key(|r| (publication_order(r.published.as_deref()), order[&r.source]))
        .cloned();
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
    let values: Vec<(Option<(i64, i64)>, Interval)> = reports
        .iter()
        .filter_map(|r| {
            r.value
                .map(|v| (published_minutes(r.published.as_deref()), v))
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
                        (
                            publication_order(m.article.published.as_deref()),
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
///
/// Words are whitespace-separated (punctuation stays on its word) and the
/// diff is a shortest edit script over them (Myers), so `kept_words` is the
/// length of a longest common subsequence of the two word sequences and
/// `removed_words`/`added_words` are what is left on each side. Each run of
/// the diff carries its words with the whitespace that follows them.
///
/// `changed_numbers` pairs the number expressions (digits or words: "five"
/// → "four", "1,200" → "1,300") of each replaced stretch of text, in order.
/// `changed_quotes` pairs each quotation of the origin that the reprint
/// changed with the reprint's quotation at the same place (either side is
/// empty when the change adds or removes a whole quotation).
fn reprint(origin: &Member<'_>, copy: &Member<'_>) -> Reprint {
    use similar::{Algorithm, DiffTag, capture_diff_slices};
    let (old_text, new_text) = (origin.article.text.as_str(), copy.article.text.as_str());
    let (old_words, new_words) = (word_spans(old_text), word_spans(new_text));
    let old_keys: Vec<&str> = old_words.iter().map(|&(a, b)| &old_text[a..b]).collect();
    let new_keys: Vec<&str> = new_words.iter().map(|&(a, b)| &new_text[a..b]).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys);
    // The text of words `range`, up to the next word (or the text's end).
    let stretch = |text: &str, words: &[(usize, usize)], range: std::ops::Range<usize>| {
        let start = words[range.start].0;
        let end = words.get(range.end).map_or(text.len(), |w| w.0);
        (start, end)
    };
    let mut runs: Vec<DiffRun> = Vec::new();
    let mut push = |tag: &'static str, text: &str| match runs.last_mut() {
        Some(last) if last.tag == tag => last.text.push_str(text),
        _ => runs.push(DiffRun {
            tag,
            text: text.to_string(),
        }),
    };
    let (mut added, mut removed, mut kept) = (0, 0, 0);
    // Hunks: maximal stretches of changes, as byte ranges on each side.
    let mut hunks: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let mut in_hunk = false;
    for op in &ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_bytes =
            (!old_range.is_empty()).then(|| stretch(old_text, &old_words, old_range.clone()));
        let new_bytes =
            (!new_range.is_empty()).then(|| stretch(new_text, &new_words, new_range.clone()));
        if tag == DiffTag::Equal {
            kept += old_range.len();
            if let Some((a, b)) = old_bytes {
                push("equal", &old_text[a..b]);
            }
            in_hunk = false;
            continue;
        }
        removed += old_range.len();
        added += new_range.len();
        if let Some((a, b)) = old_bytes {
            push("removed", &old_text[a..b]);
        }
        if let Some((a, b)) = new_bytes {
            push("added", &new_text[a..b]);
        }
        // Where the change sits on the side it does not touch.
        let old_at = old_words
            .get(old_range.start)
            .map_or(old_text.len(), |w| w.0);
        let new_at = new_words
            .get(new_range.start)
            .map_or(new_text.len(), |w| w.0);
        let old_span = old_bytes.unwrap_or((old_at, old_at));
        let new_span = new_bytes.unwrap_or((new_at, new_at));
        match hunks.last_mut() {
            Some(last) if in_hunk => {
                last.0.1 = last.0.1.max(old_span.1);
                last.1.1 = last.1.1.max(new_span.1);
            }
            _ => hunks.push((old_span, new_span)),
        }
        in_hunk = true;
    }
    let old_quotes = quotations(old_text);
    let new_quotes = quotations(new_text);
    let mut changed_numbers = Vec::new();
    let mut changed_quotes: Vec<(String, String)> = Vec::new();
    for (old_range, new_range) in hunks {
        let old = &old_text[old_range.0..old_range.1];
        let new = &new_text[new_range.0..new_range.1];
        for (o, n) in number_expressions(old)
            .into_iter()
            .zip(number_expressions(new))
        {
            if o.1 != n.1 {
                changed_numbers.push((o.0, n.0));
            }
        }
        let in_old = overlapping(&old_quotes, old_range);
        let in_new = overlapping(&new_quotes, new_range);
        if in_old.is_some() || in_new.is_some() {
            let pair = (
                in_old.map_or(String::new(), |q| old_text[q.0..q.1].to_string()),
                in_new.map_or(String::new(), |q| new_text[q.0..q.1].to_string()),
            );
            if !changed_quotes.contains(&pair) {
                changed_quotes.push(pair);
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

/// Byte ranges of the whitespace-separated words of a text.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Byte ranges of the quotations of a text (inside the marks): curly
/// double quotes, guillemets and straight double quotes. A quotation left
/// open at a line end closes there (news style reopens it on the next
/// paragraph).
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('\u{201c}' | '\u{ab}', _) => open = Some(i + c.len_utf8()),
            ('"', None) => open = Some(i + 1),
            ('\u{201d}' | '\u{bb}' | '"' | '\n', Some(start)) => {
                found.push((start, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        found.push((start, text.len()));
    }
    found
}

/// The first quotation that shares a byte with `range` (an empty range
/// counts where it sits), if any.
fn overlapping(quotes: &[(usize, usize)], range: (usize, usize)) -> Option<(usize, usize)> {
    let (start, end) = range;
    quotes.iter().copied().find(|&(a, b)| {
        if start == end {
            a <= start && start <= b
        } else {
            a < end && start < b
        }
    })
}

/// Number expressions in a stretch of text, in order: each as written and
/// its value.
fn number_expressions(text: &str) -> Vec<(String, Interval)> {
    let words: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '"' | '\u{201c}' | '\u{201d}')
        })
        .map(|w| w.trim_end_matches(['.', ',', ';', ':', '!', '?']))
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        match crate::facts::numbers::parse_at(&lower, i) {
            Some(q)
                if q.end > i
                    && lower[q.number..q.end]
                        .iter()
                        .any(|w| w != &"a" && w != &"an") =>
            {
                found.push((words[q.number..q.end].join(" "), q.value));
                i = q.end;
            }
            _ => i += 1,
        }
    }
    found
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
        // A hedge kept in the description does not change the key.
        for hedged in [
            "A US defence official, speaking on condition of anonymity",
            "A U.S. defense official, who spoke on condition of anonymity to discuss \
             details not yet made public",
        ] {
            assert_eq!(speaker_key(&anon(hedged)), "anon:us:official", "{hedged}");
        }
        // An Arabic article is dropped from a surname, a particle kept
        // inside the name does not stand for the first name.
        assert!(same_person(
            &speaker_key(&named("Walid al-Azzawi")),
            &speaker_key(&named("Azzawi"))
        ));
        assert!(same_person(
            &speaker_key(&named("Walid al-Azzawi")),
            &speaker_key(&named("al-Azzawi"))
        ));
        assert_eq!(
            speaker_key(&named("Mohammed bin Salman")),
            "person:salman:mohammed"
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
        // The latest report (12+) agrees with both earlier ones, which
        // disagree with each other: its own value stands.
        assert_eq!(
            fact.consensus,
            Some(Consensus {
                value: Interval { min: 12, max: None },
                rule: "latest"
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
    /// Tolls of one fact at the given times: (source, published, min, max).
    fn toll_fact(reports: &[(&str, &str, u64, Option<u64>)]) -> AlignedFact {
        let articles: Vec<Article> = reports
            .iter()
            .map(|&(source, published, _, _)| article(source, source, published, "Killed."))
            .collect();
        let facts: Vec<[Fact; 1]> = reports
            .iter()
            .zip(&articles)
            .map(|(&(_, _, min, max), a)| [count(FactKind::Killed, min, max, "people", &a.text)])
            .collect();
        let list: Vec<(&Article, &[Fact])> = articles
            .iter()
            .zip(&facts)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        compare(&separate(&list)).facts.remove(0)
    }

    #[test]
    fn disjoint_tolls_in_the_same_hour_conflict_without_an_update() {
        let fact = toll_fact(&[
            ("A", "2023-03-14T09:40:00Z", 12, Some(12)),
            ("B", "2023-03-14T09:55:00Z", 15, Some(15)),
            ("C", "2023-03-14T11:30:00Z", 12, None),
        ]);
        assert!(fact.conflict && !fact.update);
        assert_eq!(
            fact.consensus,
            Some(Consensus {
                value: Interval { min: 12, max: None },
                rule: "most_conservative"
            })
        );
    }

    #[test]
    fn a_rising_lower_bound_is_an_update_even_when_values_agree() {
        // "At least three" in the morning (Texas time), seven in the evening.
        let fact = toll_fact(&[
            ("A", "2023-06-10T08:05:00-05:00", 3, None),
            ("B", "2023-06-10T19:45:00-05:00", 7, Some(7)),
            ("C", "2023-06-11T09:30:00+01:00", 7, Some(7)),
        ]);
        assert!(!fact.conflict && fact.update);
        assert_eq!(
            fact.consensus,
            Some(Consensus {
                value: Interval {
                    min: 7,
                    max: Some(7)
                },
                rule: "latest"
            })
        );
        // A toll that falls later is a conflict, not an update.
        let fact = toll_fact(&[
            ("A", "2023-09-05T12:20:00Z", 5, Some(5)),
            ("B", "2023-09-05T17:30:00Z", 4, Some(4)),
        ]);
        assert!(fact.conflict && !fact.update);
    }

    #[test]
    fn flagged_lists_conflicts_then_agreeing_updates() {
        let update = toll_fact(&[
            ("A", "2023-06-10T08:05:00-05:00", 3, None),
            ("B", "2023-06-10T19:45:00-05:00", 7, Some(7)),
        ]);
        let agreed = toll_fact(&[
            ("A", "2023-06-10T08:05:00Z", 7, Some(7)),
            ("B", "2023-06-10T08:10:00Z", 7, Some(7)),
        ]);
        let conflict = toll_fact(&[
            ("A", "2023-09-05T12:20:00Z", 5, Some(5)),
            ("B", "2023-09-05T17:30:00Z", 4, Some(4)),
        ]);
        assert!(!agreed.update && !agreed.conflict);
        let comparison = Comparison {
            sources: Vec::new(),
            facts: vec![update, agreed, conflict],
            missing: Vec::new(),
            conflicts: vec![2],
            wire: Vec::new(),
        };
        assert_eq!(comparison.flagged(), [2, 0]);
    }

    #[test]
    fn published_times_are_minutes_in_utc() {
        let at = |p: &str| published_minutes(Some(p));
        assert_eq!(at("2023-06-10T19:45:00-05:00"), at("2023-06-11T00:45:00Z"));
        assert_eq!(at("2023-06-11T09:30:00+01:00"), at("2023-06-11 08:30"));
        let (start, end) = at("2023-06-11").unwrap();
        assert_eq!(end - start, 24 * 60 - 1);
        assert_eq!(at("June 11"), None);
        assert_eq!(at("2023-06-11T9"), at("2023-06-11"));
    }

    #[test]
    fn counts_about_an_earlier_event_are_left_out() {
        let text = "Seven people were killed. It recalls the deaths of 19 children in Uvalde in May 2022. About 2,000 troops have been there since 1984.";
        let a = article("a", "A", "2023-06-11", text);
        let facts = crate::facts::extract(text, Some("2023-06-11"));
        let members = [Member {
            article: &a,
            facts: &facts,
            copy_group: 0,
        }];
        let labels: Vec<String> = compare(&members)
            .facts
            .iter()
            .filter(|f| f.kind != FactKind::Quote)
            .map(|f| f.label.clone())
            .collect();
        assert_eq!(labels, ["killed: people", "troops: troops"]);
    }

    #[test]
    fn others_take_the_class_of_the_count_before_them() {
        let text = "Four soldiers were killed and two others wounded.";
        let a = article("a", "A", "2023-03-11", text);
        let facts = crate::facts::extract(text, None);
        let members = [Member {
            article: &a,
            facts: &facts,
            copy_group: 0,
        }];
        let labels: Vec<String> = compare(&members)
            .facts
            .iter()
            .map(|f| f.label.clone())
            .collect();
        assert_eq!(labels, ["injured: troops", "killed: troops"]);
        assert_eq!(counted_class("four American service members"), "troops");
    }

    #[test]
    fn speaker_keys_skip_honorifics_and_articles_and_keep_descriptions_apart() {
        let named = |name: &str| Speaker {
            name: Some(name.into()),
            ..Speaker::default()
        };
        assert_eq!(speaker_key(&named("Mr Azzawi")), "person:azzawi");
        assert_eq!(
            speaker_key(&named("Walid al-Azzawi")),
            "person:azzawi:walid"
        );
        assert_eq!(
            speaker_key(&named("Brig. Gen. Mark Dalton")),
            "person:dalton:mark"
        );
        let anon = Speaker {
            anonymous: true,
            description: Some(
                "A U.S. defense official, who spoke on condition of anonymity".into(),
            ),
            ..Speaker::default()
        };
        assert_eq!(speaker_key(&anon), "anon:us:official");
        let described = |d: &str| Speaker {
            description: Some(d.into()),
            ..Speaker::default()
        };
        assert_ne!(
            speaker_key(&described("a military statement")),
            speaker_key(&described("the Iraqi security media cell"))
        );
    }

    #[test]
    fn reprint_diff_reads_number_words_and_changes_inside_quotations() {
        let origin = article(
            "o",
            "AFP",
            "2023-09-05T12:20:00Z",
            "A strike killed five people.\n\n\u{201c}We will not accept this,\u{201d} he said.\n\nMore later.",
        );
        let copy = article(
            "c",
            "Star",
            "2023-09-05T17:30:00Z",
            "A strike killed four people.\n\n\u{201c}We will never allow this,\u{201d} he said.\n\nMore later.",
        );
        let members = [
            Member {
                article: &origin,
                facts: &[],
                copy_group: 1,
            },
            Member {
                article: &copy,
                facts: &[],
                copy_group: 1,
            },
        ];
        let reprint = &compare(&members).wire[0].reprints[0];
        assert_eq!(
            reprint.changed_numbers,
            vec![("five".to_string(), "four".to_string())]
        );
        assert_eq!(
            reprint.changed_quotes,
            vec![(
                "We will not accept this,".to_string(),
                "We will never allow this,".to_string()
            )]
        );
        assert_eq!(
            (
                reprint.added_words,
                reprint.removed_words,
                reprint.kept_words
            ),
            (3, 3, 11)
        );
    }
    /// Kept words are a longest common subsequence of the word sequences:
    /// whitespace never competes with words for the alignment.
    #[test]
    fn reprint_word_counts_are_a_longest_common_subsequence() {
        let origin = article(
            "o",
            "AFP",
            "2023-09-05",
            "will not accept that its territory becomes an arena",
        );
        let copy = article(
            "c",
            "Star",
            "2023-09-06",
            "will not allow its land to become an arena",
        );
        let members = [
            Member {
                article: &origin,
                facts: &[],
                copy_group: 1,
            },
            Member {
                article: &copy,
                facts: &[],
                copy_group: 1,
            },
        ];
        let reprint = &compare(&members).wire[0].reprints[0];
        // Common: will, not, its, an, arena.
        assert_eq!(
            (
                reprint.added_words,
                reprint.removed_words,
                reprint.kept_words
            ),
            (4, 4, 5)
        );
        let shown: String = reprint
            .diff
            .iter()
            .filter(|r| r.tag != "added")
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(shown, origin.text);
    }
    /// The first source of a fact is found over every report, in UTC; a
    /// source's later article may supersede its value but not its time.
    #[test]
    fn first_source_is_the_earliest_report_in_utc() {
        let am = article(
            "a-am",
            "A",
            "2023-06-10T07:10:00-05:00",
            "At least three killed.",
        );
        let pm = article("a-pm", "A", "2023-06-10T20:10:00-05:00", "Seven killed.");
        let b = article("b", "B", "2023-06-10T12:05:00Z", "Seven killed.");
        let fa = [count(FactKind::Killed, 3, None, "people", &am.text)];
        let fp = [count(FactKind::Killed, 7, Some(7), "people", &pm.text)];
        let fb = [count(FactKind::Killed, 7, Some(7), "people", &b.text)];
        let cmp = compare(&separate(&[(&am, &fa), (&pm, &fp), (&b, &fb)]));
        let columns: Vec<&str> = cmp.sources.iter().map(|s| s.source.as_str()).collect();
        assert_eq!(columns, ["B", "A"]);
        assert_eq!(cmp.facts[0].first_source, "B");
        let a_report = cmp.facts[0]
            .reports
            .iter()
            .find(|r| r.source == "A")
            .unwrap();
        assert_eq!(a_report.article, "a-pm");
    }
}
