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
use super::{Count, Fact, FactKind, FactValue, Interval, Status, Subset};
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
    /// Police, firefighters, rescuers and the like: `personnel` when the
    /// clause says they were sent, responded, arrived, were assigned or
    /// patrol (a status word); otherwise people like any other ("two
    /// officers in an unmarked car" counts nobody).
    Responder,
}

fn parse_class(s: &str) -> NounClass {
    match s {
        "one" => NounClass::One,
        "group" => NounClass::Group,
        "responder" => NounClass::Responder,
        "troops" => NounClass::Kind(FactKind::Troops),
        "personnel" => NounClass::Kind(FactKind::Personnel),
        "killed" => NounClass::Kind(FactKind::Killed),
        "arrested" => NounClass::Kind(FactKind::Arrested),
        "kidnapped" => NounClass::Kind(FactKind::Kidnapped),
        "displaced" => NounClass::Kind(FactKind::Displaced),
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
        "displaced" => FactKind::Displaced,
        _ => FactKind::Evacuated,
    }
}

fn parse_status(s: &str) -> Status {
    match s {
        "deployed" => Status::Deployed,
        "withdrawn" => Status::Withdrawn,
        "stationed" => Status::Stationed,
        "remaining" => Status::Remaining,
        "expelled" => Status::Expelled,
        "cap" => Status::Cap,
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
    "across",
    "after",
    "and",
    "around",
    "as",
    "at",
    "before",
    "during",
    "from",
    "in",
    "including",
    "inside",
    "more",
    "near",
    "on",
    "or",
    "outside",
    "throughout",
    "when",
    "while",
    "with",
];

/// Words that end the search for an event after a noun: the noun is then
/// the agent or the accused, not the victim ("a man accused of shooting").
const AGENT_STOP: &[&str] = &[
    "accused",
    "believed",
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
    ("arrest", FactKind::Arrested),
    ("arrests", FactKind::Arrested),
    ("injury", FactKind::Injured),
    ("injuries", FactKind::Injured),
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
/// killed", "one of them died", and the copulas and places of a state:
/// "four remain under observation", "two are in critical condition", "ten
/// were taken to hospital".
const BRIDGE: &[&str] = &[
    "also",
    "are",
    "been",
    "being",
    "had",
    "has",
    "have",
    "in",
    "is",
    "later",
    "listed",
    "of",
    "remain",
    "remained",
    "remains",
    "reportedly",
    "rushed",
    "still",
    "taken",
    "them",
    "those",
    "to",
    "under",
    "was",
    "were",
    "whom",
];

/// Whether only [`BRIDGE`] words stand between a bare number ending at
/// `from` and its event at `at`, or bridge words and then a phrase of
/// being carried to hospital ending there ("all six were taken to Stanford
/// Hospital").
fn bridged(w: &Words, from: usize, at: usize) -> bool {
    let bridge = |to: usize| (from..to).all(|b| BRIDGE.contains(&w.lower[b]));
    bridge(at) || (from..at).any(|k| bridge(k) && events::conveyed_to_hospital(w, k) == Some(at))
}

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
    /// Lower-cased words; an age written with spaced hyphens, as tokenised
    /// corpora write it ("16 - year - old"), has its last word replaced by
    /// "-year-old" so it reads as the noun it is.
    pub(crate) lower: Vec<&'t str>,
    /// `joins[k]`: token `k` is a thousands group continuing a number split
    /// by tokenisation ("230, 000").
    joins: Vec<bool>,
}

impl<'t> Words<'t> {
    /// Builds the view; `lower` is `text.to_ascii_lowercase()`.
    pub(crate) fn new(text: &'t str, lower: &'t str, tokens: &'t [Token]) -> Words<'t> {
        let mut lower: Vec<&'t str> = tokens
            .iter()
            .map(|t| &lower[t.span.start..t.span.end])
            .collect();
        let gap = |k: usize| &text[tokens[k].gap.start..tokens[k].gap.end];
        let mut joins = vec![false; tokens.len()];
        for k in 1..tokens.len() {
            match lower[k] {
                "old" | "olds"
                    if k >= 2
                        && lower[k - 1] == "year"
                        && gap(k) == " - "
                        && gap(k - 1) == " - " =>
                {
                    lower[k] = if lower[k] == "old" {
                        "-year-old"
                    } else {
                        "-year-olds"
                    };
                }
                w if w.len() == 3 && w.bytes().all(|b| b.is_ascii_digit()) => {
                    joins[k] = gap(k) == ", " && thousands_head(&lower, k - 1);
                }
                _ => {}
            }
        }
        Words {
            text,
            tokens,
            lower,
            joins,
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

/// Whether token `k` can open a number split by tokenisation ("230" in
/// "230, 000"): one to three digits, not the day of a date ("March 3, 100
/// people").
fn thousands_head(lower: &[&str], k: usize) -> bool {
    let w = lower[k];
    (1..=3).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_digit())
        && !(k > 0 && MONTHS.contains(&lower[k - 1]))
}

/// Month names and abbreviations, which make a following number a day.
const MONTHS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
];

/// Single letters joined by periods, as the tokenizer keeps them: "U.S",
/// "U.N".
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// Plural demonyms used as nouns ("30,000 Sudanese", "two Iraqis"), from
/// the places lexicon: the demonym plus "s", or the demonym itself when it
/// ends in "-ese".
static DEMONYM_PLURALS: LazyLock<FastMap<String, ()>> = LazyLock::new(|| {
    super::places::DEMONYMS_TXT
        .lines()
        .filter_map(|l| l.split('\t').next())
        .map(|d| d.to_ascii_lowercase())
        .filter(|d| !d.ends_with("ch") && !d.ends_with("sh"))
        .map(|d| if d.ends_with("ese") { d } else { d + "s" })
        .map(|d| (d, ()))
        .collect()
});

/// Modifiers that make workers or teams non-military personnel: "aid
/// workers", "health workers", "election monitors", "rescue teams".
const PERSONNEL_MODIFIERS: &[&str] = &[
    "aid",
    "consular",
    "election",
    "embassy",
    "emergency",
    "health",
    "humanitarian",
    "medical",
    "protection",
    "relief",
    "rescue",
    "un",
];

fn people_class(word: &str) -> Option<NounClass> {
    if let Some(&c) = PEOPLE.get(word) {
        return Some(c);
    }
    if word.len() > 4 && DEMONYM_PLURALS.contains_key(word) {
        return Some(NounClass::Person);
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
    head.map(|(head, class)| {
        let class = match class {
            NounClass::Person
                if (first..head).any(|k| PERSONNEL_MODIFIERS.contains(&w.lower[k])) =>
            {
                NounClass::Kind(FactKind::Personnel)
            }
            c => c,
        };
        Noun { first, head, class }
    })
}

pub(crate) mod background;
mod events;
mod links;
mod singulars;
#[cfg(test)]
mod tests;

use events::*;
use links::{Hint, Parent};
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
    // "Route 10", "District 9", but not "in the district, 10 people".
    if q.start > 0
        && NOT_COUNT_BEFORE.contains(&w.lower[q.start - 1])
        && !w.breaks_before(q.start)
        && !w.gap(q.start).contains([',', ';', ':', '(', '—', '–'])
    {
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
    // "a mother of two", "father of 12": children, not a count.
    if q.start >= 2
        && w.lower[q.start - 1] == "of"
        && KIN.contains(&w.lower[q.start - 2])
        && !w.breaks_before(q.start - 1)
    {
        return true;
    }
    // "There should've been five people dead": what did not happen.
    if counterfactual(w, q.start) {
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

/// Parents, whose "of N" is their children: "a mother of two".
const KIN: &[&str] = &[
    "dad",
    "father",
    "grandfather",
    "grandmother",
    "mom",
    "mother",
    "parent",
    "parents",
];

/// Whether a modal perfect ("could have been", "should've", "would have")
/// opens the clause before token `i`: the count did not happen.
fn counterfactual(w: &Words, i: usize) -> bool {
    let mut k = i;
    while k > 0 && k + 8 > i {
        if w.breaks_before(k) {
            return false;
        }
        k -= 1;
        match w.lower[k] {
            "could've" | "should've" | "would've" | "might've" | "could’ve" | "should’ve"
            | "would’ve" => return true,
            "have"
                if k > 0
                    && matches!(
                        w.lower[k - 1],
                        "could" | "should" | "would" | "might" | "may"
                    ) =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Words after a count's noun that make it a speaker, not a count: "two
/// diplomats, who asked not to be named, said".
const SPEECH: &[&str] = &[
    "added",
    "announced",
    "confirmed",
    "insisted",
    "reported",
    "said",
    "say",
    "says",
    "stated",
    "tell",
    "told",
    "warned",
];

/// Whether the noun phrase ending before token `from` is a speaker: a
/// speech verb follows it, after an optional relative clause set off by
/// commas, or "according to" precedes the count at `start`.
fn is_speaker(w: &Words, start: usize, from: usize) -> bool {
    if start >= 2 && w.lower[start - 2] == "according" && w.lower[start - 1] == "to" {
        return true;
    }
    let n = w.tokens.len();
    let mut k = from;
    if k < n && w.gap(k).contains(',') && matches!(w.lower[k], "who" | "speaking" | "both") {
        // Skip to the comma closing the clause.
        let mut j = k + 1;
        while j < n && j < k + 16 && !w.breaks_before(j) && !w.gap(j).contains(',') {
            j += 1;
        }
        if j >= n || !w.gap(j).contains(',') {
            return false;
        }
        k = j;
    }
    k < n && !w.breaks_before(k) && SPEECH.contains(&w.lower[k])
}

/// Whether an event verb after token `from` has the noun before it as its
/// agent ("two officers fatally shot the teen"): such a noun counts nobody.
fn agent_of_event(w: &Words, from: usize, starts: &[bool]) -> bool {
    for k in from..(from + 4).min(w.tokens.len()) {
        if w.breaks_before(k) || starts[k] {
            return false;
        }
        if EVENTS.contains_key(w.lower[k])
            && !defers_to_verb(w, k)
            && event_at(w, k, starts).is_some()
        {
            return is_active_with_object(w, k, starts);
        }
    }
    false
}

/// Whether the count at token `start` stands in apposition to a count
/// just made in the sentence: right after its noun and a comma ("13 people,
/// 11 men and two women"), or after "and" following such a part ("four
/// inside the restaurant and two outside").
fn apposed(w: &Words, start: usize, sentence: Span, starts: &[bool], hints: &[Hint]) -> bool {
    if start == 0 || w.breaks_before(start) {
        return false;
    }
    // Hints come sentence by sentence in text order: the walk back stops at
    // this sentence's first, so a long article costs no more per count.
    let Some(p) = hints
        .iter()
        .rev()
        .take_while(|h| h.sentence.start >= sentence.start)
        .find(|h| h.sentence == sentence && h.end <= start)
    else {
        return false;
    };
    if p.end >= w.tokens.len() {
        return false;
    }
    if p.parent == Parent::Previous && p.end + 1 == start && w.lower[p.end] == "and" {
        return true;
    }
    // "four inside the bar and two outside": the next part after a place.
    if p.parent == Parent::Previous
        && w.lower[start - 1] == "and"
        && start <= p.end + 6
        && (p.end..start).all(|k| !w.breaks_before(k) && !starts[k] && !w.gap(k).contains(','))
        && w.lower
            .get(start + 1)
            .is_some_and(|x| matches!(*x, "inside" | "outside" | "in" | "at" | "near" | "on"))
    {
        return true;
    }
    if !w.gap(p.end).contains(',') {
        return after_phrase(w, p.end, start, starts);
    }
    p.end == start
        || (w.lower[start - 1] == "and"
            && starts[p.end]
            && start < p.end + 8
            && (p.end + 1..start).all(|k| !w.breaks_before(k) && !w.gap(k).contains(',')))
}

/// Whether the count `q` is coordinated with the count whose noun ends at
/// token `head` across a short phrase: "killed 30 people in the north and
/// 12 more in the south", "injuring four in the car and two at the
/// corner". The number has no noun of its own, only "more", "others" or a
/// preposition after it, and nothing between the two is punctuation, a
/// number or an event word.
fn coordinated_more(w: &Words, head: usize, q: &Quantity, starts: &[bool]) -> bool {
    q.start > head + 2
        && q.start <= head + 9
        && q.end < w.tokens.len()
        && w.lower[q.start - 1] == "and"
        && matches!(
            w.lower[q.end],
            "more" | "others" | "in" | "at" | "on" | "across" | "around" | "near"
        )
        && !w.breaks_before(q.end)
        && (head + 1..q.start).all(|k| {
            !w.breaks_before(k)
                && !w.gap(k).contains(',')
                && !starts[k]
                && !EVENTS.contains_key(w.lower[k])
        })
        && !w.breaks_before(q.start)
        && !w.gap(q.start).contains(',')
}

/// Whether the part at token `start` follows a short prepositional phrase
/// that closes its parent, ending at `end`, with a comma: "six people with
/// gunshot wounds, four inside the restaurant and two outside". The part is
/// a bare number placed by a preposition, so "six people with wounds, two
/// men were arrested" is no apposition.
fn after_phrase(w: &Words, end: usize, start: usize, starts: &[bool]) -> bool {
    const PREPOSITIONS: &[&str] = &["at", "from", "in", "inside", "near", "on", "with"];
    start > end
        && start <= end + 8
        && PREPOSITIONS.contains(&w.lower[end])
        && w.gap(start).contains(',')
        && (end + 1..start).all(|k| !w.breaks_before(k) && !starts[k] && !w.gap(k).contains(','))
        && w.lower
            .get(start + 1)
            .is_some_and(|x| PREPOSITIONS.contains(x) || *x == "outside")
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
        match numbers::parse_at_joined(&w.lower, &w.joins, i) {
            Some(q) if q.end > i => {
                starts[q.start] = true;
                quantities.push(q);
                i = q.end;
            }
            _ => i += 1,
        }
    }
    let mut qi = 0;
    let mut hints: Vec<Hint> = Vec::new();
    let sentence_starts: Vec<usize> = sentence_tokens.iter().map(|s| s.2.start).collect();
    // Surnames of the people named so far (see `singulars::Known`).
    let mut known = singulars::Known::default();
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
            count_fact(w, &q, (s_start, s_end), sentence, &starts, out, &mut hints);

            // "killed 170,000 people in the province and tens of thousands
            // more in other countries": the second figure has the first's
            // event.
            if out.len() == before
                && let Some((head, f)) = prev.as_ref()
                && coordinated_more(w, *head, &q, &starts)
                && let FactValue::Count(c) = &f.value
            {
                let more = matches!(w.lower.get(q.end), Some(&"more") | Some(&"others"));
                let fact = Fact {
                    kind: f.kind,
                    value: FactValue::Count(Count::new(q.value, c.counted.clone())),
                    span: span_of(w, q.start, if more { q.end } else { q.end - 1 }),
                    sentence,
                    rule: "count.coordinated",
                };
                out.push(fact);
                prev = None;
                continue;
            }
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
        implicit_singulars(w, s_start, s_end, sentence, &starts, out, &mut hints);
        named_persons(
            w,
            (s_start, s_end),
            sentence,
            &starts,
            out,
            &mut hints,
            &mut known,
        );
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
    links::resolve(out, &hints, &sentence_starts);
}

fn count_fact(
    w: &Words,
    q: &Quantity,
    (s_start, s_end): (usize, usize),
    sentence: Span,
    starts: &[bool],
    out: &mut Vec<Fact>,
    hints: &mut Vec<Hint>,
) {
    let own = noun_after(w, q.end);
    let noun_end = own.as_ref().map_or(q.end, |n| n.head + 1);
    let before = event_before(w, q.start, starts);
    let mut after = event_after(w, skip_apposition_or_parts(w, noun_end, starts), starts);
    // The clause's relations (see `links`): a partitive ("five of them",
    // "two of the 40 injured"), an inclusion, an apposition to the count
    // before ("six victims, four inside"), a toll ("the death toll rose to
    // 40").
    let partitive = links::partitive(w, q, starts);
    let mut parent = partitive.map_or(Parent::None, |p| p.0);
    if links::included(w, q.start) {
        parent = Parent::Previous;
    }
    if parent == Parent::None && apposed(w, q.start, sentence, starts, hints) {
        parent = Parent::Previous;
    }
    // "the toll rose to 40, up from 30": the article's earlier figure.
    if q.start >= 2
        && w.lower[q.start - 1] == "from"
        && matches!(w.lower[q.start - 2], "up" | "down")
        && own.is_none()
    {
        parent = Parent::Revised;
    }
    // "two of the 40 injured": the kind of the inner count.
    let mut part_from = partitive.map_or(noun_end, |p| p.1);
    if let (Some((Parent::At(inner), _)), None) = (partitive, after)
        && let Some(iq) = numbers::parse_at_joined(&w.lower, &w.joins, inner)
        && let Some((k, at)) = event_after(w, iq.end, starts)
    {
        after = Some((k, iq.end.saturating_sub(1)));
        part_from = at + 1;
    }
    if let (Some((Parent::OfKind(k), end)), None) = (partitive, after) {
        after = Some((k, end - 1));
    }
    let toll = links::toll_at(w, q).filter(|_| {
        own.as_ref()
            .is_none_or(|n| matches!(n.class, NounClass::Person))
    });
    let bare = own.is_none();
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
    // "two victims killed and injured": the group holds both, no one kind.
    if let Some((k, at)) = after.or(before)
        && matches!(k, FactKind::Killed | FactKind::Injured)
        && matches!(w.lower.get(at + 1), Some(&"and") | Some(&"or"))
        && w.lower
            .get(at + 2)
            .and_then(|v| EVENTS.get(v))
            .is_some_and(|&k2| k2 != k && matches!(k2, FactKind::Killed | FactKind::Injured))
    {
        return;
    }
    // Speakers ("two diplomats said") and agents ("three officers shot the
    // man") are no count of their own.
    if own.is_some() && after.is_none() && before.is_none() {
        let from = skip_apposition(w, noun_end);
        if is_speaker(w, q.start, from) || agent_of_event(w, from, starts) {
            return;
        }
    }
    let own_part = own
        .as_ref()
        .filter(|_| partitive.is_none())
        .map(|n| counted_text(w, Some(n)));
    let hint = |fact: usize, kind_from_parent: bool, end: usize| Hint {
        fact,
        start: q.start,
        end,
        sentence,
        parent,
        kind_from_parent,
        part: match &own_part {
            Some(text) => text.clone(),
            None => links::part_after(w, part_from, s_end),
        },
        anaphoric: links::anaphoric(w, q),
        bare,
        earlier: links::earlier_cue(w, q.start),
        names_group: partitive.is_some() && w.lower.get(q.end + 1) == Some(&"the"),
    };
    if let Some((kind, head, from)) = toll.filter(|_| before.is_none() && after.is_none()) {
        hints.push(Hint {
            earlier: from || links::earlier_cue(w, q.start),
            ..hint(out.len(), false, noun_end)
        });
        out.push(Fact {
            kind,
            value: FactValue::Count(Count {
                superseded: from,
                ..Count::new(q.value, counted_text(w, own.as_ref()))
            }),
            span: span_of(w, head.min(q.start), noun_end.max(q.end) - 1),
            sentence,
            rule: "count.toll",
        });
        return;
    }
    // A part with no event of its own takes its parent's ("five of them
    // critically", "four inside the restaurant"); "fatally" makes it killed.
    if parent != Parent::None && before.is_none() && after.is_none() && !looks_like_year(w, q) {
        let fatally = (part_from..(part_from + 2).min(s_end))
            .any(|k| matches!(w.lower[k], "fatally" | "mortally"));
        hints.push(hint(out.len(), !fatally, noun_end));
        let kind = if fatally {
            FactKind::Killed
        } else {
            FactKind::People
        };
        out.push(Fact {
            kind,
            value: FactValue::Count(Count::new(q.value, counted_text(w, own.as_ref()))),
            span: span_of(w, q.start, part_from.max(q.end) - 1),
            sentence,
            rule: if parent == Parent::Revised {
                "count.revised"
            } else {
                "count.part"
            },
        });
        return;
    }
    let (kind, link, evidence_end, evidence_start) = match (&own, before, after) {
        (_, Some((k, at)), _) => (k, "before", noun_end.max(q.end) - 1, at),
        (Some(_), None, Some((k, at))) => (k, "noun", at, q.start),
        // A vague bare number links only to an event right after it:
        // "dozens wounded", not "dozens of times attacked".
        (None, None, Some((k, at)))
            if partitive.is_some()
                || ((q.rule != "vague" || at == q.end)
                    && bridged(w, q.end, at)
                    && (q.end..=at).all(|b| !w.gap(b).contains(','))) =>
        {
            (k, "after", at, q.start)
        }
        (Some(noun), None, None) => match noun.class {
            NounClass::Kind(k) => (k, "kind", noun.head, q.start),
            NounClass::Responder if status_after(w, q.start, noun_end).is_some() => {
                (FactKind::Personnel, "kind", noun.head, q.start)
            }
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
                    subset: None,
                    aggregate: false,
                    background: false,
                    superseded: false,
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
    hints.push(hint(out.len(), false, noun_end));
    out.push(Fact {
        kind,
        value: FactValue::Count(Count {
            value: q.value,
            counted: counted_text(w, noun.as_ref()),
            status,
            subset: None,
            aggregate: false,
            background: false,
            superseded: false,
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
                    subset: None,
                    aggregate: false,
                    background: false,
                    superseded: false,
                }),
                span,
                sentence,
                rule: "count.coordinated_sum",
            });
        }
    }
}
