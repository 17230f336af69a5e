//! Count rows: every count of every article in a row, one row per fact.
//!
//! Three steps, each deterministic:
//!
//! 1. **Mentions.** Every count of an article (roundup totals marked
//!    `aggregate` aside) is a mention with its kind, counted class
//!    ([`counted_class`]), role ([`Role`]: the story's own figure, a part of
//!    another count, or background about another event) and place (the lead,
//!    the first [`LEAD_SENTENCES`] sentences, or further down). In an article
//!    that reports nobody killed, people shot are people injured (the
//!    gun-violence convention: victims shot = killed + injured).
//! 2. **Items.** Mentions of one article that repeat one figure are one item:
//!    same kind, role and part, overlapping values, and the same counted class
//!    or the same sentence ("Five dead" in the headline, "five people were
//!    killed" in the lead), or one person each of compatible classes ("a
//!    man was charged ... the suspect was arrested"). The item shows its first mention in the body.
//!    An article's *primary* item of a kind is the figure it leads with: the
//!    lead's, then the largest, then the first. An article that gives people
//!    shot and killed but no injured figure gets a derived injured item,
//!    shot − killed ([`Report::derived`]).
//! 3. **Rows.** Items of different articles join a row when what they count
//!    matches well enough ([`JOIN_SCORE`]), scored by [`pair_score`]: the same
//!    class (or a specific class and `people`: "five miners" ~ "five
//!    people"), both being their article's primary figure of the kind, values
//!    that agree (a shared figure of three or more weighs most), the same
//!    status, and the words around them (the part of a sub-count, the
//!    sentence), weighted by how rare each word is in the story. A row holds
//!    at most one item of an article; an article's items take rows best
//!    score first.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::*;
use crate::facts::Status;

/// What a count is to its story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The story's own figure (its toll, or another figure of the event).
    Main,
    /// A part of another count of the same article ("five of them
    /// critically"): never the story's toll.
    Subset,
    /// About another, earlier event: never the story's toll.
    Background,
}

/// The score at which an item joins a row (the average of
/// pair scores over the row's items, see the module docs).
pub const JOIN_SCORE: f64 = 3.0;

/// One count mention of one article.
#[derive(Clone, Debug)]
struct Mention {
    kind: FactKind,
    class: String,
    role: Role,
    part: String,
    status: Option<Status>,
    value: Interval,
    lead: bool,
    /// How much the mention speaks for its article (see [`place_rank`]).
    rank: u8,
    /// In the first line of the text when that line is a headline.
    headline: bool,
    superseded: bool,
    sentence: Span,
    report: Report,
}

/// Mentions of one article that repeat one figure.
#[derive(Clone, Debug)]
pub(super) struct Item {
    /// Index of the article among the story's members.
    pub member: usize,
    /// Column (source) of the article.
    pub column: usize,
    /// Copy group of the article (reprints of one wire story share it).
    pub copy_group: u32,
    pub kind: FactKind,
    pub class: String,
    pub role: Role,
    pub part: String,
    pub status: Option<Status>,
    pub value: Interval,
    pub lead: bool,
    /// The best [`place_rank`] of its mentions.
    pub rank: u8,
    /// The mention shown is in the headline line.
    pub headline: bool,
    /// The article's primary figure of its kind (main items only).
    pub primary: bool,
    /// An injured person the article also reports dead: no figure of the
    /// injured toll.
    pub died: bool,
    pub mentions: usize,
    /// The mention shown.
    pub report: Report,
    /// Earlier figures the article itself supersedes.
    pub earlier: Vec<Report>,
    /// Context words (sentence and part), for alignment.
    pub words: BTreeSet<String>,
    pub part_words: BTreeSet<String>,
}

/// Words that say nothing about which fact a count is.
const STOPWORDS_TXT: &str = include_str!("stopwords.txt");

fn is_stopword(word: &str) -> bool {
    use std::sync::LazyLock;
    static SET: LazyLock<BTreeSet<&'static str>> =
        LazyLock::new(|| STOPWORDS_TXT.lines().collect());
    SET.contains(word)
}

/// Content words of `text`: lower case, three letters or more, not a stop
/// word or a number (years aside: "the 2004 tsunami"), a final plural `s`
/// dropped.
pub(super) fn content_words(text: &str) -> BTreeSet<String> {
    let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && (year(w) || !w.chars().all(|c| c.is_ascii_digit())))
        .filter_map(|w| {
            let lower = w.to_lowercase();
            if is_stopword(&lower) {
                return None;
            }
            let word = match lower.strip_suffix('s') {
                Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_string(),
                _ => lower,
            };
            (!is_stopword(&word)).then_some(word)
        })
        .collect()
}

/// How much a mention speaks for its article: 2 in the title, the headline
/// line or a lead sentence that ends like prose; 1 in a later prose
/// sentence; 0 in a line that does not end like a sentence (menus, photo
/// captions, teasers for other stories on a web page).
fn place_rank(headline: bool, lead: bool, sentence: &str) -> u8 {
    let prose = sentence
        .trim_end()
        .ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ')']);
    match (headline, lead, prose) {
        (true, _, _) | (_, true, true) => 2,
        (_, _, true) => 1,
        _ => 0,
    }
}

/// The end of an article's first line when it is a headline: no sentence
/// punctuation at its end, at most 25 words, followed by more text.
fn headline_end(text: &str) -> Option<usize> {
    let end = text.find('\n')?;
    let line = text[..end].trim();
    let words = line.split_whitespace().count();
    let rest = text[end..].trim();
    (!line.is_empty()
        && words <= 25
        && !rest.is_empty()
        && !line.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}']))
    .then_some(end)
}

/// The mentions of one article, text order.
fn mentions(member: &Member<'_>, source: &str) -> Vec<Mention> {
    let text = &member.article.text;
    let lead_end = crate::facts::sentences::split(text)
        .get(LEAD_SENTENCES - 1)
        .map_or(usize::MAX, |s| s.end);
    let headline = headline_end(text);
    let mut out: Vec<Mention> = Vec::new();
    // The last count's sentence and class, for "two others".
    let mut previous: Option<(Span, String)> = None;
    let title = member.article.title.as_deref().unwrap_or("");
    let located = member
        .title_facts
        .iter()
        .map(|f| (Field::Title, f))
        .chain(member.facts.iter().map(|f| (Field::Text, f)));
    for (field, fact) in located {
        let FactValue::Count(count) = &fact.value else {
            continue;
        };
        let in_title = field == Field::Title;
        let source_text = if in_title { title } else { text.as_str() };
        if count.aggregate {
            continue;
        }
        let mut class = counted_class(&count.counted);
        if let Some((sentence, before)) = &previous
            && *sentence == fact.sentence
            && !in_title
            && refers_back(&count.counted)
        {
            class = before.clone();
        }
        previous = Some((fact.sentence, class.clone()));
        let role = if count.background {
            Role::Background
        } else if count.subset.is_some() {
            Role::Subset
        } else {
            Role::Main
        };
        let part = count
            .subset
            .as_ref()
            .map(|s| s.part.trim().to_lowercase())
            .unwrap_or_default();
        out.push(Mention {
            kind: fact.kind,
            class,
            role,
            part,
            status: count.status,
            value: count.value,
            lead: in_title || fact.sentence.start < lead_end,
            rank: place_rank(
                in_title || headline.is_some_and(|end| fact.span.end <= end),
                fact.sentence.start < lead_end,
                fact.sentence.slice(source_text).unwrap_or(""),
            ),
            headline: in_title || headline.is_some_and(|end| fact.span.end <= end),
            superseded: count.superseded,
            sentence: fact.sentence,
            report: Report {
                source: source.to_string(),
                article: member.article.id.clone(),
                published: member.article.published.clone(),
                published_utc: member.article.published_date().map(|d| d.utc_string()),
                published_inferred: member.article.published_date().and_then(|d| d.inferred()),
                value: Some(count.value),
                detail: count.counted.clone(),
                span: fact.span,
                evidence: fact.sentence.slice(source_text).unwrap_or("").to_string(),
                rule: fact.rule,
                derived: None,
                field,
            },
        });
    }
    // Nobody killed: people shot are people injured.
    let killed = out
        .iter()
        .any(|m| m.kind == FactKind::Killed && m.role != Role::Background);
    if !killed {
        for m in out
            .iter_mut()
            .filter(|m| m.kind == FactKind::Shot && m.role == Role::Main)
        {
            m.kind = FactKind::Injured;
            m.report.derived = Some(DERIVED_SHOT);
        }
    }
    out
}

/// [`Report::derived`] of people shot read as injured in an article that
/// reports nobody killed.
pub const DERIVED_SHOT: &str = "shot";
/// [`Report::derived`] of people injured read as people shot minus people
/// killed.
pub const DERIVED_SHOT_MINUS_KILLED: &str = "shot_minus_killed";

fn same_figure(item: &Item, m: &Mention, sentences: &[Span]) -> bool {
    item.kind == m.kind
        && item.role == m.role
        && item.part == m.part
        && item.status == m.status
        && overlaps(item.value, m.value)
        && !apart_tenfold(item.value, m.value)
        && (item.class == m.class
            || sentences.contains(&m.sentence)
            || (one(item.value)
                && one(m.value)
                && classes_compatible(m.kind, &item.class, &m.class)))
}

/// Exactly one person: in one article, two mentions of one person of one
/// kind are one person ("a 24-year-old man was charged ... the suspect was
/// arrested").
fn one(value: Interval) -> bool {
    value.min == 1 && value.max == Some(1)
}

impl Item {
    /// The item of an article's first mention of a figure.
    fn new(member: usize, column: usize, copy_group: u32, m: Mention) -> Item {
        Item {
            member,
            column,
            copy_group,
            kind: m.kind,
            words: content_words(&m.report.evidence),
            part_words: content_words(&m.part),
            class: m.class,
            role: m.role,
            part: m.part,
            status: m.status,
            value: m.value,
            lead: m.lead,
            rank: m.rank,
            headline: m.headline,
            primary: false,
            died: false,
            mentions: 1,
            report: m.report,
            earlier: Vec::new(),
        }
    }
}

/// The items of one article.
fn items_of(member: usize, column: usize, copy_group: u32, mentions: Vec<Mention>) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut sentences: Vec<Vec<Span>> = Vec::new();
    let mut superseded: Vec<Mention> = Vec::new();
    for m in mentions {
        if m.superseded {
            superseded.push(m);
            continue;
        }
        if let Some(i) = (0..items.len()).find(|&i| same_figure(&items[i], &m, &sentences[i])) {
            let item = &mut items[i];
            item.mentions += 1;
            item.lead |= m.lead;
            item.rank = item.rank.max(m.rank);
            item.words.extend(content_words(&m.report.evidence));
            sentences[i].push(m.sentence);
            // Show the first mention in the body, not the headline's, and
            // a repeat that says more precisely what an earlier mention
            // said ("several people were shot ... five people were shot").
            let narrower = |a: Interval, b: Interval| {
                let width = |v: Interval| v.max.map_or(u64::MAX, |x| x - v.min);
                width(b) < width(a) && m.report.rule != "count.implicit_singular"
            };
            if m.report.derived == item.report.derived
                && ((item.headline && !m.headline) || narrower(item.value, m.value))
            {
                item.report = m.report;
                item.value = m.value;
                item.headline = m.headline;
            }
            continue;
        }
        sentences.push(vec![m.sentence]);
        items.push(Item::new(member, column, copy_group, m));
    }
    // An earlier figure joins the item it was superseded by.
    for m in superseded {
        let target = items.iter_mut().find(|i| {
            i.kind == m.kind && i.role == m.role && i.part == m.part && i.class == m.class
        });
        match target {
            Some(item) => item.earlier.push(m.report),
            None => items.push(Item::new(member, column, copy_group, m)),
        }
    }
    mark_deaths(&mut items);
    mark_primaries(&mut items);
    derive_injured(&mut items);
    items
}

/// The head noun of a counted phrase, lower case, singular: "the
/// 26-year-old mother" -> "mother".
fn head_noun(counted: &str) -> String {
    let head = counted
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    match head.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_string(),
        _ => head,
    }
}

/// One person the article reports both injured and dead (the same head
/// noun, "a 26-year-old mother was taken to hospital in grave condition"
/// and "the Tulsa mother has died"): the injury was before the death.
///
/// A class that names a group counts as the same person too ("the
/// 10-year-old succumbs to injuries" and "the boy died": both children),
/// but not the plain `people` class ("a woman was killed, a man hurt").
/// A person the report itself sets apart ("another man", "a second
/// victim") is someone else.
fn mark_deaths(items: &mut [Item]) {
    let one = |v: Interval| v.min == 1 && v.max == Some(1);
    let dead: Vec<(String, String, Option<u32>)> = items
        .iter()
        .filter(|i| i.kind == FactKind::Killed && i.role != Role::Background && one(i.value))
        .map(|i| {
            (
                head_noun(&i.report.detail),
                i.class.clone(),
                age_of(&i.report.detail),
            )
        })
        .collect();
    for item in items.iter_mut() {
        if item.kind == FactKind::Injured
            && item.role != Role::Background
            && one(item.value)
            && !someone_else(&item.report.detail)
        {
            let head = head_noun(&item.report.detail);
            let age = age_of(&item.report.detail);
            item.died = dead.iter().any(|(h, c, a)| {
                (*h == head || (*c == item.class && c != "people"))
                    && !matches!((a, age), (Some(x), Some(y)) if *x != y)
            });
        }
    }
}

/// The age a counted phrase gives, "a 15-year-old boy" (also spaced, "15
/// - year - old"): two people of different ages are two people.
fn age_of(counted: &str) -> Option<u32> {
    let lower = counted.to_lowercase().replace(" - ", "-");
    let at = lower.find("-year-old")?;
    let digits: String = lower[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// Words that set a person apart from one told before: "another man", "a
/// second victim", "the other boy".
fn someone_else(counted: &str) -> bool {
    counted.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "another" | "other" | "second" | "third" | "fourth" | "fifth"
        )
    })
}

/// Marks each kind's primary main item: the best placed
/// ([`place_rank`]), then the largest, then the first. A figure only in
/// lines that do not end like sentences (page furniture) is none.
fn mark_primaries(items: &mut [Item]) {
    let mut best: BTreeMap<FactKind, usize> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        if item.role != Role::Main || item.died || item.rank == 0 {
            continue;
        }
        let key = |it: &Item| (it.rank, it.value.min, std::cmp::Reverse(it.report.span));
        match best.get(&item.kind) {
            Some(&b) if key(&items[b]) >= key(item) => {}
            _ => {
                best.insert(item.kind, i);
            }
        }
    }
    for i in best.into_values() {
        items[i].primary = true;
    }
}

/// People shot and killed but no injured figure: injured = shot − killed,
/// from the primary figures.
fn derive_injured(items: &mut Vec<Item>) {
    let primary = |kind: FactKind| items.iter().position(|i| i.primary && i.kind == kind);
    if primary(FactKind::Injured).is_some() {
        return;
    }
    let Some(shot) = primary(FactKind::Shot) else {
        return;
    };
    // The dead among them: the article's killed figure, or its largest
    // part killed ("ten people were shot, two of them fatally").
    let killed = match primary(FactKind::Killed) {
        Some(k) => items[k].value.min,
        None => match items
            .iter()
            .filter(|i| i.kind == FactKind::Killed && i.role == Role::Subset)
            .map(|i| i.value.min)
            .max()
        {
            Some(k) => k,
            None => return,
        },
    };
    let shot = &items[shot];
    if shot.value.min <= killed {
        return;
    }
    let value = Interval {
        min: shot.value.min - killed,
        max: shot.value.max.map(|m| m - killed),
    };
    let mut report = shot.report.clone();
    report.value = Some(value);
    report.derived = Some(DERIVED_SHOT_MINUS_KILLED);
    let item = Item {
        member: shot.member,
        column: shot.column,
        copy_group: shot.copy_group,
        kind: FactKind::Injured,
        class: shot.class.clone(),
        role: Role::Main,
        part: String::new(),
        status: None,
        value,
        lead: shot.lead,
        rank: shot.rank,
        headline: shot.headline,
        primary: true,
        died: false,
        mentions: 1,
        report,
        earlier: Vec::new(),
        words: shot.words.clone(),
        part_words: BTreeSet::new(),
    };
    items.push(item);
}

/// Every count item of the story's articles, in member order.
pub(super) fn story_items(members: &[Member<'_>], order: &BTreeMap<String, usize>) -> Vec<Item> {
    let mut items = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let source = source_of(m.article);
        let column = order[&source];
        items.extend(items_of(i, column, m.copy_group, mentions(m, &source)));
    }
    items
}

/// How rare each context word is in the story: `ln(1 + n / df)` over the
/// `n` items, `df` the items holding the word.
fn word_weights(items: &[Item]) -> BTreeMap<&str, f64> {
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        for w in item.words.iter().chain(&item.part_words) {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let n = items.len() as f64;
    df.into_iter()
        .map(|(w, d)| (w, (1.0 + n / d as f64).ln()))
        .collect()
}

/// Weighted overlap of two word sets: the weight they share over the
/// weight of the smaller set (0 when either is empty).
fn overlap_score(a: &BTreeSet<String>, b: &BTreeSet<String>, weights: &BTreeMap<&str, f64>) -> f64 {
    let weight = |w: &String| weights.get(w.as_str()).copied().unwrap_or(0.0);
    let (wa, wb): (f64, f64) = (a.iter().map(weight).sum(), b.iter().map(weight).sum());
    let shared: f64 = a.intersection(b).map(weight).sum();
    let smaller = wa.min(wb);
    if smaller <= 0.0 {
        0.0
    } else {
        shared / smaller
    }
}

/// Whether two counted classes can count the same people: equal, or one of
/// them `people` and the other not the suspects.
fn classes_compatible(kind: FactKind, a: &str, b: &str) -> bool {
    // The people arrested are suspects, whatever a report calls them ("a
    // 24-year-old man was arrested", "the suspect was arrested").
    // So among the arrested, "suspects" is as general as "people": a named
    // man charged and "the suspect" are one person.
    let apart = |c: &str| c == "suspects" && kind != FactKind::Arrested;
    let general = |c: &str| c == "people" || (c == "suspects" && kind == FactKind::Arrested);
    a == b || ((general(a) || general(b)) && !apart(a) && !apart(b))
}

/// Classes that say which group a person belongs to: two of them that
/// differ are two people (a police officer is not a child).
const PERSON_GROUPS: &[&str] = &["children", "personnel", "police", "suspects", "troops"];

/// Whether two one-person items of different articles may be one person
/// told with different words: "the teen" and "Kimani Gray", "a mother"
/// and "the mom". A name goes with any noun but the suspect's (for the
/// dead and the hurt); other nouns go together unless both name a group
/// ([`PERSON_GROUPS`]) and differ. The words around them then decide
/// ([`pair_score`]).
fn one_person(a: &Item, b: &Item) -> bool {
    if !(one(a.value) && one(b.value)) {
        return false;
    }
    let named = |i: &Item| i.report.rule == "count.named_person";
    let group = |c: &str| PERSON_GROUPS.contains(&c);
    let suspect = |c: &str| c == "suspects" && a.kind != FactKind::Arrested;
    if suspect(&a.class) || suspect(&b.class) {
        return false;
    }
    named(a) || named(b) || !(group(&a.class) && group(&b.class))
}

/// Whether two statuses can describe one figure: either is unknown, or
/// both say the people are there (deployed, stationed, present), or they
/// are the same. Withdrawn, remaining, expelled and a cap are figures of
/// their own.
fn statuses_compatible(a: Option<Status>, b: Option<Status>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y || (is_there(x) && is_there(y)),
        _ => true,
    }
}

/// Deployed, stationed or present: a status that says the people are there.
pub(super) fn is_there(status: Status) -> bool {
    matches!(
        status,
        Status::Deployed | Status::Stationed | Status::Present
    )
}

/// How well two items of different articles count the same fact (see the
/// module docs); `None` when they cannot.
pub(super) fn pair_score(a: &Item, b: &Item, weights: &BTreeMap<&str, f64>) -> Option<f64> {
    if a.kind != b.kind
        || a.role != b.role
        || !(classes_compatible(a.kind, &a.class, &b.class) || one_person(a, b))
        || !statuses_compatible(a.status, b.status)
    {
        return None;
    }
    let mut score = if a.class == b.class { 2.0 } else { 0.5 };
    if a.primary && b.primary {
        score += 2.5;
    }
    if overlaps(a.value, b.value) {
        let exact = a.value.max == Some(a.value.min) && b.value.max == Some(b.value.min);
        score += match a.value.min.max(b.value.min) {
            n if n >= 3 && exact => 2.0,
            n if n >= 3 => 1.0,
            _ => 0.5,
        };
    } else if !(a.primary && b.primary) {
        // Different figures that are not both their article's lead figure
        // are different facts unless their words say otherwise.
        score -= 2.0;
    } else if apart_tenfold(a.value, b.value) {
        // So are lead figures ten times apart: reports of one toll differ
        // by a few, not by an order of magnitude (7 dead, and a war's two
        // million).
        score -= 2.5;
    }
    if a.role == Role::Subset {
        score += 2.0 * overlap_score(&a.part_words, &b.part_words, weights);
    }
    score += 2.0 * overlap_score(&a.words, &b.words, weights);
    Some(score)
}

/// Whether the lower bounds of two values are ten times apart or more (a
/// single person against ten or more; "at least 12" against "more than
/// 600"): reports of one figure differ by a few, not tenfold.
fn apart_tenfold(a: Interval, b: Interval) -> bool {
    let (low, high) = (a.min.min(b.min).max(1), a.min.max(b.min));
    high / low >= 10
}

/// Groups the items into rows: lists of item indices, each row holding at
/// most one item per article (see the module docs).
pub(super) fn group_rows(items: &[Item]) -> Vec<Vec<usize>> {
    let weights = word_weights(items);
    let mut rows: Vec<Vec<usize>> = Vec::new();
    // The rows of each kind and role, in row order: a row holds items of one
    // kind and role (pair_score joins no others), so an item is tried only
    // against the rows of its own.
    let mut rows_of: Vec<((FactKind, Role), Vec<usize>)> = Vec::new();
    let mut by_member: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        by_member.entry(item.member).or_default().push(i);
    }
    // Articles in column order, then input order.
    let mut members: Vec<(usize, usize)> = by_member
        .keys()
        .map(|&m| (items[by_member[&m][0]].column, m))
        .collect();
    members.sort_unstable();
    for (_, member) in members {
        let own = &by_member[&member];
        // Every (score, item, row) this article could take.
        let mut options: Vec<(f64, usize, usize)> = Vec::new();
        for &i in own {
            let key = (items[i].kind, items[i].role);
            let Some((_, candidates)) = rows_of.iter().find(|(k, _)| *k == key) else {
                continue;
            };
            for &r in candidates {
                let row = &rows[r];
                let mut total = 0.0;
                let mut fits = true;
                for &j in row {
                    match pair_score(&items[i], &items[j], &weights) {
                        Some(s) => total += s,
                        None => {
                            fits = false;
                            break;
                        }
                    }
                }
                let score = total / row.len() as f64;
                if fits && score >= JOIN_SCORE {
                    options.push((score, i, r));
                }
            }
        }
        options.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut placed: BTreeSet<usize> = BTreeSet::new();
        let mut taken: BTreeSet<usize> = BTreeSet::new();
        for (_, i, r) in options {
            if placed.contains(&i) || taken.contains(&r) {
                continue;
            }
            rows[r].push(i);
            placed.insert(i);
            taken.insert(r);
        }
        for &i in own {
            if !placed.contains(&i) {
                let key = (items[i].kind, items[i].role);
                match rows_of.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, candidates)) => candidates.push(rows.len()),
                    None => rows_of.push((key, vec![rows.len()])),
                }
                rows.push(vec![i]);
            }
        }
    }
    rows
}

/// The count rows of a story, with the story's tolls marked.
pub(super) fn count_facts(
    members: &[Member<'_>],
    sources: &[SourceColumn],
    order: &BTreeMap<String, usize>,
) -> Vec<AlignedFact> {
    let items = story_items(members, order);
    let rows = group_rows(&items);
    let mut facts: Vec<AlignedFact> = rows
        .iter()
        .map(|row| row_fact(&items, row, sources, order))
        .collect();
    super::toll::mark(&items, &rows, &mut facts);
    // Rows that would share a label say what they count, as the first
    // report wrote it: "killed: people" and "killed: people (more
    // victims)". The toll row keeps the plain label.
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for f in &facts {
        *uses.entry(f.label.clone()).or_default() += 1;
    }
    for f in facts.iter_mut().filter(|f| !f.toll && uses[&f.label] > 1) {
        let detail = f.reports.first().map_or("", |r| r.detail.trim());
        if !detail.is_empty() && !detail.eq_ignore_ascii_case(&f.subject) {
            f.label = format!("{} ({detail})", f.label);
        }
    }
    facts
}

/// The aligned fact of one row.
fn row_fact(
    items: &[Item],
    row: &[usize],
    sources: &[SourceColumn],
    order: &BTreeMap<String, usize>,
) -> AlignedFact {
    let first = &items[row[0]];
    // The row's class: the one most of its items count (ties: the first's).
    let mut classes: Vec<(&str, usize)> = Vec::new();
    for &i in row {
        match classes.iter_mut().find(|(c, _)| *c == items[i].class) {
            Some(entry) => entry.1 += 1,
            None => classes.push((&items[i].class, 1)),
        }
    }
    let subject = classes
        .iter()
        .fold(
            ("", 0),
            |best, &(c, n)| if n > best.1 { (c, n) } else { best },
        )
        .0
        .to_string();
    let list: Vec<(Report, bool)> = row
        .iter()
        .map(|&i| (items[i].report.clone(), items[i].lead))
        .collect();
    let mut fact = align(first.kind, subject, None, list, sources, order);
    let mut earlier: Vec<(usize, Report)> = row
        .iter()
        .flat_map(|&i| {
            items[i]
                .earlier
                .iter()
                .map(move |r| (items[i].column, r.clone()))
        })
        .collect();
    earlier.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.span.cmp(&b.1.span)));
    fact.earlier = earlier.into_iter().map(|(_, r)| r).collect();
    fact.role = Some(first.role);
    if let Some(status) = row.iter().find_map(|&i| items[i].status)
        && !is_there(status)
    {
        fact.label = format!("{} ({})", fact.label, status_name(status));
    }
    match first.role {
        Role::Main => {}
        Role::Subset if !first.part.is_empty() => {
            fact.label = format!("{}, {}", fact.label, first.part);
        }
        Role::Subset => fact.label.push_str(" (part)"),
        Role::Background => fact.label.push_str(" (background)"),
    }
    fact
}

fn status_name(status: Status) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_figures_ten_times_apart_are_apart() {
        let v = |min: u64, max: Option<u64>| Interval { min, max };
        let cases = [
            (v(7, Some(7)), v(2_000_000, Some(2_000_000)), true),
            (v(1, Some(1)), v(24, Some(24)), true),
            (v(12, Some(12)), v(15, Some(15)), false),
            (v(3, Some(3)), v(29, Some(29)), false),
            (v(0, Some(0)), v(10, Some(10)), true),
        ];
        for (a, b, want) in cases {
            assert_eq!(apart_tenfold(a, b), want, "{a:?} {b:?}");
            assert_eq!(apart_tenfold(b, a), want, "{b:?} {a:?}");
        }
    }

    #[test]
    fn ages_of_counted_phrases() {
        assert_eq!(age_of("a 15-year-old boy"), Some(15));
        assert_eq!(age_of("the 16 - year - old"), Some(16));
        assert_eq!(age_of("a teenage boy"), None);
        assert_eq!(age_of("a two-year-old"), None);
    }

    #[test]
    fn someone_set_apart_is_someone_else() {
        for (counted, want) in [
            ("another man", true),
            ("a second victim", true),
            ("the other boy", true),
            ("the man", false),
            ("a 10-year-old", false),
        ] {
            assert_eq!(someone_else(counted), want, "{counted}");
        }
    }

    #[test]
    fn suspects_stay_apart_except_among_the_arrested() {
        let cases = [
            (FactKind::Killed, "suspects", "people", false),
            (FactKind::Injured, "people", "suspects", false),
            (FactKind::Killed, "children", "people", true),
            (FactKind::Killed, "children", "troops", false),
            (FactKind::Arrested, "suspects", "people", true),
            (FactKind::Arrested, "people", "suspects", true),
            (FactKind::Arrested, "suspects", "suspects", true),
        ];
        for (kind, a, b, want) in cases {
            assert_eq!(classes_compatible(kind, a, b), want, "{kind:?} {a} ~ {b}");
        }
    }
}
