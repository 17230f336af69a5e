//! Counts of people: casualties (killed, injured, shot, missing), arrests,
//! kidnappings, evacuations, troops, personnel and other counted groups.
//!
//! A count links three things found in one sentence:
//!
//! 1. a number expression ([`super::numbers`]), or an implicit singular "a
//!    (young) woman", "an 18-year-old";
//! 2. the noun it counts, with its modifiers ("American soldiers", "US
//!    diplomats"), taken from the words after the number up to a head noun
//!    of `lexicon/people.txt`; when the number has no noun of its own ("one
//!    fatally", "killing two", "several hundred present", "one of them") the
//!    counted noun is the nearest people noun earlier in the sentence, else
//!    "people";
//! 3. the event, from `lexicon/events.txt`: a verb right before the number
//!    ("killing two people", "killed a young woman") wins; otherwise the first
//!    event word after the noun, within eight words, without crossing
//!    sentence punctuation, a negation or another number ("three people were
//!    shot, one fatally" gives shot 3 and killed 1). Nouns such as "deaths",
//!    "the dead", "hostages", "troops" carry their own kind.
//!
//! Beyond one number and one noun:
//!
//! - implicit singulars: a singular people noun with an event, "a man was
//!   shot dead", "killed a young woman", headline style "Teen dead", "Bullet
//!   hits girl"; coordinated singulars count together ("4-year-old boy,
//!   woman shot" = 2, "kills woman, her son, himself" = 3), and an ordinal
//!   victim gives the total ("a third person has died" = 3);
//! - reflexives: "accidentally shot himself" = 1;
//! - coordination: "2 men, 3 women shot" and "injuring four men and two
//!   women" give each part plus a `count.coordinated_sum`; singulars next to
//!   a count add to it ("two children and a woman were shot" = 3), but never
//!   across "including" or an apposition;
//! - agents are not victims: a noun followed by an active event verb with an
//!   object ("a gunman killed six people"), by "accused of", "charged" and
//!   the like, or by a participle clause after a comma ("fires on family,
//!   killing mom") is not counted;
//! - counts in a sentence about several incidents ("in two separate
//!   shootings") are marked `aggregate`.
//!
//! # Shot, killed and injured
//!
//! Gun-violence reporting (and the Gun Violence Archive's data) counts the
//! people *shot* as victims: killed plus injured. So "N people were shot" is a
//! [`FactKind::Shot`] count, not an injury count; "shot dead", "shot and
//! killed", "fatally shot", "shot to death" are `killed`; "shot and wounded",
//! "shot and injured" are `injured`. Consumers that need injuries subtract:
//! injured = shot − killed when an article gives no injury count of its own
//! (see `examples/eval_counts.rs`).
//!
//! # What is not a count of people
//!
//! Ages ("33-year-old" is a noun, never a number; "aged 33", "Smith, 33,"),
//! years, money ("$40"), percentages, times ("10:30"), numbers after "Route",
//! "Highway", "block", "No." and the like, and numbers whose noun is not a
//! person ("3,000-page report", "two days", "three shots").

use std::sync::LazyLock;

use super::numbers::{self, Quantity};
use super::tokens::{FastMap, Token, gap_breaks, is_capitalized};
use super::{Count, Fact, FactKind, FactValue, Interval, Status};
use crate::article::Span;

/// What a people noun counts when no event word says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NounClass {
    /// A singular person ("man", "victim"): usable for implicit singulars.
    One,
    /// Plain people ("people", "men"): a count only with an event.
    Person,
    /// A group whose size is news by itself ("protesters", "passengers").
    Group,
    /// The noun names the kind ("troops", "deaths", "hostages").
    Kind(FactKind),
}

fn parse_class(s: &str) -> NounClass {
    match s {
        "one" => NounClass::One,
        "group" => NounClass::Group,
        "troops" => NounClass::Kind(FactKind::Troops),
        "personnel" => NounClass::Kind(FactKind::Personnel),
        "killed" => NounClass::Kind(FactKind::Killed),
        "arrested" => NounClass::Kind(FactKind::Arrested),
        "kidnapped" => NounClass::Kind(FactKind::Kidnapped),
        _ => NounClass::Person,
    }
}

fn parse_kind(s: &str) -> FactKind {
    match s {
        "killed" => FactKind::Killed,
        "injured" => FactKind::Injured,
        "shot" => FactKind::Shot,
        "missing" => FactKind::Missing,
        "arrested" => FactKind::Arrested,
        "kidnapped" => FactKind::Kidnapped,
        _ => FactKind::Evacuated,
    }
}

fn parse_status(s: &str) -> Status {
    match s {
        "deployed" => Status::Deployed,
        "withdrawn" => Status::Withdrawn,
        "stationed" => Status::Stationed,
        _ => Status::Present,
    }
}

/// `lexicon/people.txt`: people nouns and their class.
pub(crate) const PEOPLE_TXT: &str = include_str!("../lexicon/people.txt");
/// `lexicon/events.txt`: event words and the kind of count they make.
pub(crate) const EVENTS_TXT: &str = include_str!("../lexicon/events.txt");
/// `lexicon/status.txt`: deployment status words for forces and personnel.
pub(crate) const STATUS_TXT: &str = include_str!("../lexicon/status.txt");

fn table<T>(txt: &'static str, f: fn(&str) -> T) -> FastMap<&'static str, T> {
    txt.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, v)| (w, f(v)))
        .collect()
}

static PEOPLE: LazyLock<FastMap<&'static str, NounClass>> =
    LazyLock::new(|| table(PEOPLE_TXT, parse_class));
static EVENTS: LazyLock<FastMap<&'static str, FactKind>> =
    LazyLock::new(|| table(EVENTS_TXT, parse_kind));
static STATUS: LazyLock<FastMap<&'static str, Status>> =
    LazyLock::new(|| table(STATUS_TXT, parse_status));

/// Words before a number that mean it is not a count of people.
const NOT_COUNT_BEFORE: &[&str] = &[
    "age",
    "aged",
    "ages",
    "apartment",
    "block",
    "bus",
    "channel",
    "chapter",
    "district",
    "flight",
    "highway",
    "interstate",
    "no",
    "number",
    "page",
    "precinct",
    "room",
    "route",
    "section",
    "suite",
    "unit",
    "ward",
];

/// Words that end the search for a noun after a number.
const NP_STOP: &[&str] = &[
    "a", "after", "ago", "an", "and", "are", "as", "at", "be", "been", "before", "block",
    "bullets", "but", "by", "day", "days", "dollars", "earlier", "feet", "for", "from", "had",
    "has", "have", "hours", "in", "into", "is", "later", "miles", "minutes", "month", "months",
    "on", "or", "percent", "rounds", "said", "shots", "since", "than", "that", "the", "times",
    "to", "was", "week", "weeks", "were", "when", "where", "which", "who", "with", "year", "years",
];

/// Words that may follow a bare number after an event verb ("killing two
/// and injuring three", "wounding four in a drive-by"), unlike nouns
/// ("shot more than 20 rounds", "wounds about 15 minutes later").
const AFTER_BARE_NUMBER: &[&str] = &[
    "after",
    "and",
    "as",
    "at",
    "before",
    "during",
    "in",
    "including",
    "inside",
    "near",
    "on",
    "or",
    "outside",
    "when",
    "while",
    "with",
];

/// Words that end the search for an event after a noun: the noun is then
/// the agent or the accused, not the victim ("a man accused of shooting").
const AGENT_STOP: &[&str] = &[
    "accused",
    "believed",
    "charged",
    "convicted",
    "indicted",
    "said",
    "says",
    "sentenced",
    "suspected",
    "told",
];

/// Words before an event verb that make it passive or adverbial ("were
/// shot", "fatally shot"), so what follows is not its object.
const PASSIVE: &[&str] = &[
    "also",
    "and",
    "be",
    "been",
    "being",
    "critically",
    "fatally",
    "get",
    "got",
    "is",
    "later",
    "reportedly",
    "seriously",
    "was",
    "were",
];

/// Nominal events followed by "of": "the killing of two men".
const NOMINAL_EVENTS: &[(&str, FactKind)] = &[
    ("death", FactKind::Killed),
    ("deaths", FactKind::Killed),
    ("killing", FactKind::Killed),
    ("killings", FactKind::Killed),
    ("murder", FactKind::Killed),
    ("murders", FactKind::Killed),
    ("shooting", FactKind::Shot),
    ("shootings", FactKind::Shot),
    ("slaying", FactKind::Killed),
    ("slayings", FactKind::Killed),
];

/// Quantifiers and determiners that are not part of a counted noun's
/// modifiers ("how many US diplomats" counts "US diplomats").
const DETERMINERS: &[&str] = &[
    "all", "any", "her", "his", "how", "its", "many", "most", "no", "our", "some", "their",
    "these", "those",
];

/// Words that may stand between a bare number and its event: "two were
/// killed", "one of them died".
const BRIDGE: &[&str] = &[
    "also",
    "been",
    "being",
    "had",
    "has",
    "have",
    "is",
    "later",
    "of",
    "reportedly",
    "them",
    "those",
    "was",
    "were",
    "whom",
];

/// Event words that cannot take an object, so never link to a number after
/// them ("he died two days later").
const INTRANSITIVE: &[&str] = &[
    "critical",
    "dead",
    "death",
    "die",
    "died",
    "dies",
    "drowned",
    "fatal",
    "fatally",
    "hospitalized",
    "missing",
    "perished",
];

/// Words that mark a sentence as a roundup of several incidents ("in two
/// separate shootings", "weekend shootings across the city").
const AGGREGATE_CUES: &[&str] = &["incidents", "separate", "shootings"];

/// Words that cancel an event in the window after a count.
const NEGATIONS: &[&str] = &[
    "never",
    "no",
    "not",
    "nobody",
    "none",
    "uninjured",
    "unharmed",
];

/// The noun phrase a count counts.
struct Noun {
    /// Token range of modifiers + head.
    first: usize,
    head: usize,
    class: NounClass,
}

/// Per-text view: tokens and their lower-cased words.
pub(crate) struct Words<'t> {
    pub(crate) text: &'t str,
    pub(crate) tokens: &'t [Token],
    pub(crate) lower: Vec<&'t str>,
}

impl<'t> Words<'t> {
    /// Builds the view; `lower` is `text.to_ascii_lowercase()`.
    pub(crate) fn new(text: &'t str, lower: &'t str, tokens: &'t [Token]) -> Words<'t> {
        let lower = tokens
            .iter()
            .map(|t| &lower[t.span.start..t.span.end])
            .collect();
        Words {
            text,
            tokens,
            lower,
        }
    }

    fn word(&self, i: usize) -> &'t str {
        let s = self.tokens[i].span;
        &self.text[s.start..s.end]
    }

    pub(crate) fn gap(&self, i: usize) -> &'t str {
        let g = self.tokens[i].gap;
        &self.text[g.start..g.end]
    }

    /// Whether punctuation between token `i - 1` and `i` ends a clause.
    /// The period of an initialism before a lower-case word does not: "four
    /// U.S. service members".
    pub(crate) fn breaks_before(&self, i: usize) -> bool {
        i < self.tokens.len()
            && gap_breaks(self.gap(i))
            && !(i > 0
                && self.gap(i).trim_end() == "."
                && is_initialism(self.word(i - 1))
                && self.word(i).starts_with(|c: char| c.is_lowercase()))
    }
}

/// Single letters joined by periods, as the tokenizer keeps them: "U.S",
/// "U.N".
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

fn people_class(word: &str) -> Option<NounClass> {
    if let Some(&c) = PEOPLE.get(word) {
        return Some(c);
    }
    if word.ends_with("-year-old") {
        return Some(NounClass::One);
    }
    if word.ends_with("-year-olds") {
        return Some(NounClass::Person);
    }
    None
}

/// The people noun after token `from` (modifiers allowed), if any.
fn noun_after(w: &Words, from: usize) -> Option<Noun> {
    let mut j = from;
    // "of them", "of the victims", "of those"
    if w.lower.get(j) == Some(&"of") && !w.breaks_before(j) {
        j += 1;
        if matches!(
            w.lower.get(j),
            Some(&"the") | Some(&"those") | Some(&"these")
        ) {
            j += 1;
        }
    }
    let first = j;
    let mut head = None;
    while j < w.tokens.len() && j < first + 3 {
        // A comma ends the noun phrase: in "wounding 30, police said" the
        // noun after the comma is not what is counted.
        if w.breaks_before(j) || w.gap(j).contains(',') {
            break;
        }
        let word = w.lower[j];
        if let Some(class) = people_class(word) {
            head = Some((j, class));
            // Extend over noun-noun compounds: "police officers".
            let mut k = j + 1;
            while k < w.tokens.len() && !w.breaks_before(k) {
                match people_class(w.lower[k]) {
                    Some(c) => {
                        head = Some((k, c));
                        k += 1;
                    }
                    None => break,
                }
            }
            break;
        }
        if NP_STOP.contains(&word)
            || EVENTS.contains_key(word)
            || numbers::parse_at(&w.lower, j).is_some()
            || (j + 1 < w.tokens.len() && w.gap(j + 1).contains(','))
        {
            break;
        }
        j += 1;
    }
    head.map(|(head, class)| Noun { first, head, class })
}

mod events;
mod singulars;
#[cfg(test)]
mod tests;

use events::*;
use singulars::*;

/// Whether the number at token `q.number` is not a count of people.
fn excluded(w: &Words, q: &Quantity) -> bool {
    let i = q.number;
    let gap = w.gap(q.start);
    if gap.ends_with(['$', '£', '€', '#', ':', '/']) || gap.ends_with("No. ") {
        return true;
    }
    if let Some(next) = q.end.checked_sub(0).filter(|&e| e < w.tokens.len()) {
        let g = w.gap(next);
        if g.starts_with(['%', ':', '/']) || matches!(w.lower[next], "percent" | "p.m" | "a.m") {
            return true;
        }
    }
    if q.start > 0 && NOT_COUNT_BEFORE.contains(&w.lower[q.start - 1]) {
        return true;
    }
    // Ages: "three -year-old", "two month-old".
    if let Some(&next) = w.lower.get(q.end)
        && (next.starts_with("year") || next.starts_with("month") || next.starts_with("-year"))
    {
        return true;
    }
    // "under the age of 15"
    if q.start >= 2
        && w.lower[q.start - 1] == "of"
        && matches!(w.lower[q.start - 2], "age" | "ages")
    {
        return true;
    }
    // "no one was hurt"
    if q.start > 0 && w.lower[q.start - 1] == "no" {
        return true;
    }
    // Age in apposition: "Dustin Grey, 21 and ...", "Smith, 33, was".
    if q.start == i
        && q.start > 0
        && gap.trim_end().ends_with(',')
        && (is_capitalized(w.word(q.start - 1))
            || people_class(w.lower[q.start - 1]) == Some(NounClass::One))
        && q.rule == "exact"
        && q.end == i + 1
        && (q.end >= w.tokens.len()
            || w.gap(q.end).trim_start().starts_with([',', ')'])
            || w.breaks_before(q.end)
            || w.lower[q.end] == "and")
    {
        return true;
    }
    false
}

/// Whether a bare number is a year ("2014"), which never counts people
/// without a noun.
fn looks_like_year(w: &Words, q: &Quantity) -> bool {
    let word = w.lower[q.number];
    q.rule == "exact"
        && word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (1800..=2100).contains(&q.value.min)
}

/// The nearest people noun before token `i` in the same sentence.
fn antecedent(w: &Words, i: usize, sentence_start: usize) -> Option<Noun> {
    let mut k = i;
    while k > sentence_start && k + 15 > i {
        if w.breaks_before(k) {
            return None;
        }
        k -= 1;
        if let Some(class) = people_class(w.lower[k])
            && class != NounClass::One
        {
            // Include modifiers: walk back over capitalized or adjective-like
            // tokens in the same clause, at most two.
            let mut first = k;
            while first > sentence_start
                && first + 2 > k
                && !w.breaks_before(first)
                && !NP_STOP.contains(&w.lower[first - 1])
                && !DETERMINERS.contains(&w.lower[first - 1])
                && numbers::parse_at(&w.lower, first - 1).is_none()
                && w.lower[first - 1] != "of"
                && EVENTS.get(w.lower[first - 1]).is_none()
            {
                first -= 1;
            }
            return Some(Noun {
                first,
                head: k,
                class,
            });
        }
    }
    None
}

fn span_of(w: &Words, first: usize, last: usize) -> Span {
    Span::new(w.tokens[first].span.start, w.tokens[last].span.end)
}

fn counted_text(w: &Words, noun: Option<&Noun>) -> String {
    match noun {
        Some(n) => {
            let s = span_of(w, n.first, n.head);
            w.text[s.start..s.end].to_string()
        }
        None => "people".to_string(),
    }
}

fn rule_id(link: &str, hedge: &str) -> &'static str {
    match (link, hedge) {
        ("implicit", _) => "count.implicit_singular",
        ("before", "exact") => "count.verb_number",
        ("before", _) => "count.verb_hedged_number",
        ("noun", "exact") => "count.number_noun",
        ("noun", "vague") => "count.vague_noun",
        ("noun", _) => "count.hedged_number_noun",
        ("after", "exact") => "count.number_event",
        ("after", "vague") => "count.vague_event",
        ("after", _) => "count.hedged_number_event",
        _ => "count.noun_kind",
    }
}

/// Extracts counts of people. `sentences` are token ranges `[start, end)`.
pub(crate) fn extract(w: &Words, sentence_tokens: &[(usize, usize, Span)], out: &mut Vec<Fact>) {
    let n = w.tokens.len();
    // Number expressions, left to right, non-overlapping.
    let mut quantities: Vec<Quantity> = Vec::new();
    let mut starts = vec![false; n + 1];
    let mut i = 0;
    while i < n {
        match numbers::parse_at(&w.lower, i) {
            Some(q) if q.end > i => {
                starts[q.start] = true;
                quantities.push(q);
                i = q.end;
            }
            _ => i += 1,
        }
    }
    let mut qi = 0;
    for &(s_start, s_end, sentence) in sentence_tokens {
        let first_fact = out.len();
        while qi < quantities.len() && quantities[qi].start < s_start {
            qi += 1;
        }
        // A count with a noun but no event of its own, coordinated with the
        // next count ("2 men, 3 women shot", "four men and two women"), takes
        // that count's event; the total is a fact of its own.
        let mut pending: Option<(Quantity, Noun)> = None;
        // The last count made, with its noun's head token: "injuring four
        // men and two women" gives the second count the first one's event.
        let mut prev: Option<(usize, Fact)> = None;
        while qi < quantities.len() && quantities[qi].start < s_end {
            let q = quantities[qi];
            qi += 1;
            if excluded(w, &q) {
                pending = None;
                continue;
            }
            let before = out.len();
            count_fact(w, &q, s_start, sentence, &starts, out);

            if out.len() == before
                && let Some((head, f)) = prev.take()
                && head + 2 == q.start
                && w.lower[head + 1] == "and"
                && let Some(noun) = noun_after(w, q.end)
                && let FactValue::Count(c) = &f.value
            {
                let counted = counted_text(w, Some(&noun));
                let span = Span::new(f.span.start, w.tokens[noun.head].span.end);
                let total_counted = format!("{} and {counted}", c.counted);
                push_coordinated(
                    out,
                    f.kind,
                    (q.value, counted),
                    (c.value, total_counted),
                    span,
                    sentence,
                );
                continue;
            }
            prev = None;
            if out.len() > before {
                if let Some(n) = noun_after(w, q.end)
                    && matches!(
                        out[before].kind,
                        FactKind::Killed | FactKind::Injured | FactKind::Shot
                    )
                {
                    prev = Some((n.head, out[before].clone()));
                }
                if let Some((p, noun)) = pending.take()
                    && let Some(f) = out.last().cloned()
                    && let FactValue::Count(c) = &f.value
                    && matches!(
                        f.kind,
                        FactKind::Killed | FactKind::Injured | FactKind::Shot
                    )
                {
                    let counted = counted_text(w, Some(&noun));
                    let span = span_of(w, p.start, noun.head);
                    let both = Span::new(span.start, f.span.end);
                    let total_counted = format!("{counted} and {}", c.counted);
                    push_coordinated(
                        out,
                        f.kind,
                        (p.value, counted),
                        (c.value, total_counted),
                        both,
                        sentence,
                    );
                }
                pending = None;
            } else {
                pending = noun_after(w, q.end)
                    .filter(|n| {
                        let next = n.head + 1;
                        next < s_end
                            && !w.breaks_before(next)
                            && ((w.gap(next).contains(',') && starts[next])
                                || (w.lower[next] == "and" && starts.get(next + 1) == Some(&true)))
                    })
                    .map(|n| (q, n));
            }
        }
        implicit_singulars(w, s_start, s_end, sentence, &starts, out);
        reflexives(w, s_start, s_end, sentence, &starts, out);
        // Counts in a sentence about several incidents are totals over them.
        if out.len() > first_fact && (s_start..s_end).any(|k| AGGREGATE_CUES.contains(&w.lower[k]))
        {
            for f in &mut out[first_fact..] {
                if let FactValue::Count(c) = &mut f.value {
                    c.aggregate = true;
                }
            }
        }
    }
}

fn count_fact(
    w: &Words,
    q: &Quantity,
    s_start: usize,
    sentence: Span,
    starts: &[bool],
    out: &mut Vec<Fact>,
) {
    let own = noun_after(w, q.end);
    let noun_end = own.as_ref().map_or(q.end, |n| n.head + 1);
    let before = event_before(w, q.start, starts);
    let after = event_after(w, skip_apposition(w, noun_end), starts);
    // A number with no noun of its own counts people only with an event
    // right after it, a verb right before it, or a status ("present").
    // A verb before a bare number links only when nothing but punctuation,
    // "and" or a preposition follows: "killing two and injuring three", not
    // "shot two rounds".
    let before = before.filter(|_| {
        own.is_some()
            || q.end >= w.tokens.len()
            || w.breaks_before(q.end)
            || w.gap(q.end).contains(',')
            || AFTER_BARE_NUMBER.contains(&w.lower[q.end])
    });
    let intrinsic = own.as_ref().and_then(|n| match n.class {
        NounClass::Kind(k @ (FactKind::Killed | FactKind::Kidnapped | FactKind::Arrested)) => {
            Some((k, n.head))
        }
        _ => None,
    });
    let after = intrinsic.or(after);
    let (kind, link, evidence_end, evidence_start) = match (&own, before, after) {
        (_, Some((k, at)), _) => (k, "before", noun_end.max(q.end) - 1, at),
        (Some(_), None, Some((k, at))) => (k, "noun", at, q.start),
        // A vague bare number links only to an event right after it:
        // "dozens wounded", not "dozens of times attacked".
        (None, None, Some((k, at)))
            if (q.rule != "vague" || at == q.end)
                && (q.end..at).all(|b| BRIDGE.contains(&w.lower[b]))
                && (q.end..=at).all(|b| !w.gap(b).contains(',')) =>
        {
            (k, "after", at, q.start)
        }
        (Some(noun), None, None) => match noun.class {
            NounClass::Kind(k) => (k, "kind", noun.head, q.start),
            NounClass::Group => (FactKind::People, "kind", noun.head, q.start),
            _ => return,
        },
        (None, None, _) => {
            // "several hundred present": status words make a count of the
            // antecedent forces or personnel.
            let Some(&st) = w.lower.get(q.end).and_then(|x| STATUS.get(x)) else {
                return;
            };
            let Some(ante) = antecedent(w, q.start, s_start) else {
                return;
            };
            let kind = match ante.class {
                NounClass::Kind(k @ (FactKind::Troops | FactKind::Personnel)) => k,
                _ => return,
            };
            let span = span_of(w, q.start, q.end);
            out.push(Fact {
                kind,
                value: FactValue::Count(Count {
                    value: q.value,
                    counted: counted_text(w, Some(&ante)),
                    status: Some(st),
                    aggregate: false,
                }),
                span,
                sentence,
                rule: "count.antecedent_status",
            });
            return;
        }
    };
    if own.is_none() && looks_like_year(w, q) {
        return;
    }
    let own_head = own.as_ref().map(|n| n.head);
    let noun = own.or_else(|| antecedent(w, q.start, s_start));
    let status = match kind {
        FactKind::Troops | FactKind::Personnel => status_near(w, q.start, noun_end),
        _ => None,
    };
    out.push(Fact {
        kind,
        value: FactValue::Count(Count {
            value: q.value,
            counted: counted_text(w, noun.as_ref()),
            status,
            aggregate: false,
        }),
        span: span_of(w, evidence_start.min(q.start), evidence_end.max(q.end - 1)),
        sentence,
        rule: rule_id(link, q.rule),
    });
    // Singulars coordinated with the count: "two children and a woman were
    // shot", "Woman, 3 teenage daughters shot".
    if matches!(kind, FactKind::Killed | FactKind::Injured | FactKind::Shot)
        && let Some(own_head) = own_head
    {
        // With the verb before the count, everything listed after it is
        // its object: "injured three adults and an 11-year-old child".
        let event = if link == "before" {
            usize::MAX
        } else {
            evidence_end
        };
        let (extra, first, last) =
            coordinated_singulars(w, q.start, own_head, s_start, event, starts);
        if extra > 0 {
            let value = Interval {
                min: q.value.min.saturating_add(extra),
                max: q.value.max.map(|m| m.saturating_add(extra)),
            };
            let span = span_of(w, first, last);
            out.push(Fact {
                kind,
                value: FactValue::Count(Count {
                    value,
                    counted: w.text[span.start..span.end].to_string(),
                    status: None,
                    aggregate: false,
                }),
                span,
                sentence,
                rule: "count.coordinated_sum",
            });
        }
    }
}
