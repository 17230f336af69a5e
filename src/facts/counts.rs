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
pub(crate) const PEOPLE_TXT: &str = include_str!("lexicon/people.txt");
/// `lexicon/events.txt`: event words and the kind of count they make.
pub(crate) const EVENTS_TXT: &str = include_str!("lexicon/events.txt");
/// `lexicon/status.txt`: deployment status words for forces and personnel.
pub(crate) const STATUS_TXT: &str = include_str!("lexicon/status.txt");

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

/// Event kind of the word at `i`, with "shot" refined by what follows
/// ("shot dead", "shot and killed", "shot and wounded").
fn event_at(w: &Words, i: usize, starts: &[bool]) -> Option<FactKind> {
    let kind = *EVENTS.get(w.lower[i])?;
    // "in critical condition", not "critical of the candidates".
    if w.lower[i] == "critical"
        && w.lower.get(i + 1) != Some(&"condition")
        && !(i > 0 && matches!(w.lower[i - 1], "in" | "listed" | "remains" | "remained"))
    {
        return None;
    }
    if kind == FactKind::Shot {
        #[allow(clippy::needless_range_loop)] // k indexes tokens, words and starts
        for k in i + 1..(i + 4).min(w.tokens.len()) {
            if w.breaks_before(k) || starts[k] {
                break;
            }
            let comma = w.gap(k).contains(',');
            match EVENTS.get(w.lower[k]) {
                Some(FactKind::Killed) => return Some(FactKind::Killed),
                Some(FactKind::Injured) => return Some(FactKind::Injured),
                _ if comma => break,
                _ => {}
            }
        }
        if i > 0 && w.lower[i - 1] == "fatally" {
            return Some(FactKind::Killed);
        }
    }
    Some(kind)
}

/// The first event after token `from`, within eight words of the clause.
fn event_after(w: &Words, from: usize, starts: &[bool]) -> Option<(FactKind, usize)> {
    event_within(w, from, 8, starts)
}

/// The first event within `window` words after token `from`.
fn event_within(
    w: &Words,
    from: usize,
    window: usize,
    starts: &[bool],
) -> Option<(FactKind, usize)> {
    for k in from..(from + window).min(w.tokens.len()) {
        if w.breaks_before(k) || starts[k] || NEGATIONS.contains(&w.lower[k]) {
            return None;
        }
        let word = w.lower[k];
        if word.ends_with("n't") || AGENT_STOP.contains(&word) {
            return None;
        }
        if word == "shooting" || word == "shootings" {
            continue; // a noun here: "wounded in a shooting"
        }
        if k > 0
            && matches!(w.lower[k - 1], "a" | "an" | "the")
            && (word.ends_with("ed") || word == "slain")
        {
            continue; // an adjective: "to honor a slain friend"
        }
        // A participle clause after a comma says what the subject did:
        // "Gunman fires on family, killing mom".
        if word.ends_with("ing") && k > from && w.gap(k).contains(',') {
            return None;
        }
        if let Some(kind) = event_at(w, k, starts) {
            // "the officer who shot ...": the agent ("who was shot" has
            // "was" before the verb).
            if k > 0 && matches!(w.lower[k - 1], "who" | "that") && !INTRANSITIVE.contains(&word) {
                return None;
            }
            if is_active_with_object(w, k, starts) {
                return None; // "a gunman killed six people": the agent
            }
            return Some((kind, k));
        }
    }
    None
}

/// After a counted noun, skips an apposition between commas ("Two victims,
/// a 25-year-old man and a 26-year-old man, died"): the token to search
/// for the event from.
fn skip_apposition(w: &Words, from: usize) -> usize {
    let n = w.tokens.len();
    if from >= n || !w.gap(from).contains(',') || w.breaks_before(from) {
        return from;
    }
    if !matches!(
        w.lower[from],
        "a" | "an" | "the" | "including" | "both" | "all"
    ) {
        return from;
    }
    for k in from + 1..(from + 14).min(n) {
        if w.breaks_before(k) {
            return from;
        }
        if w.gap(k).contains(',') {
            return k;
        }
    }
    from
}

/// Whether the event verb at `k` is active with an object after it
/// ("killed six people", "shot his friend"), so the noun before it is the
/// agent.
fn is_active_with_object(w: &Words, k: usize, starts: &[bool]) -> bool {
    if k > 0 && PASSIVE.contains(&w.lower[k - 1]) {
        return false;
    }
    has_object_after(w, k, starts)
}

/// Whether an object follows the verb at `k`.
fn has_object_after(w: &Words, k: usize, starts: &[bool]) -> bool {
    // "shot and killed his sister": the object follows the second verb.
    if w.lower.get(k + 1) == Some(&"and")
        && w.lower.get(k + 2).is_some_and(|v| EVENTS.contains_key(v))
        && !w.breaks_before(k + 1)
        && !w.breaks_before(k + 2)
    {
        return has_object_after(w, k + 2, starts);
    }
    // A noun, not a verb: "with gunshot wounds", "from his wounds".
    if k > 0
        && matches!(
            w.lower[k - 1],
            "gunshot" | "with" | "from" | "multiple" | "minor"
        )
    {
        return false;
    }
    let Some(&next) = w.lower.get(k + 1) else {
        return false;
    };
    if w.breaks_before(k + 1) || w.gap(k + 1).contains(',') {
        return false;
    }
    starts[k + 1]
        || people_class(next).is_some()
        || w.lower
            .get(k + 2)
            .is_some_and(|n| people_class(n) == Some(NounClass::One) && !w.breaks_before(k + 2))
        || matches!(
            next,
            "a" | "an" | "the" | "his" | "her" | "their" | "him" | "them"
        )
}

/// A transitive event verb right before token `i` ("killing two").
fn event_before(w: &Words, i: usize, starts: &[bool]) -> Option<(FactKind, usize)> {
    if i == 0 || w.breaks_before(i) || w.gap(i).contains(',') {
        return None;
    }
    let v = w.lower[i - 1];
    if v == "of" && i >= 2 && !w.breaks_before(i - 1) {
        let n = w.lower[i - 2];
        return NOMINAL_EVENTS
            .iter()
            .find(|(e, _)| *e == n)
            .map(|&(_, k)| (k, i - 2));
    }
    if INTRANSITIVE.contains(&v) {
        return None;
    }
    if !(v.ends_with("ed")
        || v.ends_with("ing")
        || v.ends_with('s')
        || matches!(v, "shot" | "slain" | "hurt"))
    {
        return None;
    }
    event_at(w, i - 1, starts).map(|k| (k, i - 1))
}

/// Status of forces or personnel near a count.
fn status_near(w: &Words, start: usize, end: usize) -> Option<Status> {
    for k in end..(end + 6).min(w.tokens.len()) {
        if w.breaks_before(k) {
            break;
        }
        if let Some(&s) = STATUS.get(w.lower[k]) {
            return Some(s);
        }
    }
    let mut k = start;
    while k > 0 && k + 5 > start {
        if w.breaks_before(k) {
            break;
        }
        k -= 1;
        if let Some(&s) = STATUS.get(w.lower[k]) {
            return Some(s);
        }
    }
    None
}

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

/// Singular people nouns coordinated with a counted noun phrase from token
/// `start` to `head`, before or after it (", a woman", "and her father",
/// "Woman, ..."): how many, and the first and last tokens of the whole
/// coordination.
fn coordinated_singulars(
    w: &Words,
    start: usize,
    head: usize,
    s_start: usize,
    event: usize,
    starts: &[bool],
) -> (u64, usize, usize) {
    let n = w.tokens.len();
    let mut extra = 0;
    // Forward.
    let mut last = head;
    loop {
        let j = last + 1;
        if j >= n || w.breaks_before(j) {
            break;
        }
        // Only "and" / "&" (a comma is as often an apposition: "one of the
        // victims, a man"), and only before the event word.
        let mut k = if w.lower[j] == "and" {
            j + 1
        } else if w.gap(j).contains('&') {
            j
        } else {
            break;
        };
        let limit = k + 3;
        while k < n && k < limit && !w.breaks_before(k) && !starts[k] {
            if people_class(w.lower[k]) == Some(NounClass::One) {
                break;
            }
            if !matches!(w.lower[k], "a" | "an" | "her" | "his" | "their" | "the")
                && (EVENTS.contains_key(w.lower[k]) || NP_STOP.contains(&w.lower[k]))
            {
                k = n;
                break;
            }
            k += 1;
        }
        if k < n && k < limit && k < event && people_class(w.lower[k]) == Some(NounClass::One) {
            extra += 1;
            // "an 11-year-old child": the compound's last noun.
            while k + 1 < n
                && !w.breaks_before(k + 1)
                && !w.gap(k + 1).contains(',')
                && people_class(w.lower[k + 1]) == Some(NounClass::One)
            {
                k += 1;
            }
            last = k;
        } else {
            break;
        }
    }
    // Backward.
    let mut first = start;
    while first > s_start && !w.breaks_before(first) {
        let m = if w.lower[first - 1] == "and" && first >= s_start + 2 {
            first - 2
        } else if w.gap(first).contains([',', '&']) {
            first - 1
        } else {
            break;
        };
        if m < s_start || people_class(w.lower[m]) != Some(NounClass::One) {
            break;
        }
        extra += 1;
        first = m;
        if first > s_start && matches!(w.lower[first - 1], "a" | "an" | "the") {
            first -= 1;
        }
    }
    (extra, first, last)
}

/// "second" = 2 ... "tenth" = 10.
fn ordinal_value(word: &str) -> Option<u64> {
    Some(match word {
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "sixth" | "6th" => 6,
        "seventh" | "7th" => 7,
        "eighth" | "8th" => 8,
        "ninth" | "9th" => 9,
        "tenth" | "10th" => 10,
        _ => return None,
    })
}

/// "accidentally shot himself", "killed herself": one person, the subject.
fn reflexives(
    w: &Words,
    s_start: usize,
    s_end: usize,
    sentence: Span,
    starts: &[bool],
    out: &mut Vec<Fact>,
) {
    for k in s_start + 1..s_end {
        if !matches!(w.lower[k], "himself" | "herself") || w.breaks_before(k) {
            continue;
        }
        let Some(kind) = EVENTS
            .get(w.lower[k - 1])
            .and_then(|_| event_at(w, k - 1, starts))
        else {
            continue;
        };
        out.push(Fact {
            kind,
            value: FactValue::Count(Count {
                value: Interval {
                    min: 1,
                    max: Some(1),
                },
                counted: w.word(k).to_string(),
                status: None,
                aggregate: false,
            }),
            span: span_of(w, k - 1, k),
            sentence,
            rule: "count.reflexive",
        });
    }
}

/// "a man was shot dead", "killed a young woman", "an 18-year-old was
/// wounded", headline "Boy shot while hunting dies", "Bullet kills man":
/// one person (a singular people noun), with an event verb before it or a
/// passive event after it. A singular that is shot and then "dies" or "died"
/// later in the sentence counts as killed.
fn implicit_singulars(
    w: &Words,
    s_start: usize,
    s_end: usize,
    sentence: Span,
    starts: &[bool],
    out: &mut Vec<Fact>,
) {
    for i in s_start..s_end {
        if people_class(w.lower[i]) != Some(NounClass::One) {
            continue;
        }
        // The last noun of a compound only: "police officer".
        if i + 1 < s_end
            && !w.breaks_before(i + 1)
            && people_class(w.lower[i + 1]).is_some_and(|c| c != NounClass::Kind(FactKind::Killed))
        {
            continue;
        }
        // Not when a number counts it: "one woman", "two other men".
        let lookback = i.saturating_sub(3).max(s_start);
        if (lookback..i).any(|k| starts[k] && w.lower[k] != "a" && w.lower[k] != "an") {
            continue;
        }
        // Modifiers back to an article or determiner: "a young woman".
        // Coordinated singulars count together: "4-year-old boy, woman shot",
        // "Officer & Suspect Both Shot", "a father and son killed".
        let mut first = i;
        let mut people = 1u64;
        while first > s_start
            && first + 3 > i
            && !w.breaks_before(first)
            && people_class(w.lower[first - 1]).is_none_or(|c| c == NounClass::One)
            && !DETERMINERS.contains(&w.lower[first - 1])
            && !EVENTS.contains_key(w.lower[first - 1])
            && !matches!(w.lower[first - 1], "his" | "of")
        {
            let prev = w.lower[first - 1];
            let coordinated = first >= 2
                && people_class(w.lower[first - 2]) == Some(NounClass::One)
                && (prev == "and" || w.gap(first - 1).contains(['&']));
            if NP_STOP.contains(&prev) && !coordinated {
                break;
            }
            // A comma joins plain nouns only: "the father, 37-year-old Donald
            // Powell" is an apposition, not two people.
            let apposition = w.gap(first).contains(',')
                && (w.lower[first].contains("year-old")
                    || (i + 1 < s_end && is_capitalized(w.word(i + 1))));
            if people_class(prev) == Some(NounClass::One)
                && !apposition
                && (w.gap(first).contains([',', '&']) || w.lower[first] == "and")
            {
                people += 1;
            }
            first -= 1;
        }
        // "no other student was injured"
        if first > s_start && matches!(w.lower[first - 1], "no" | "nobody") {
            continue;
        }
        let article = (first > s_start
            && matches!(
                w.lower[first - 1],
                "a" | "an" | "the" | "his" | "her" | "their"
            ))
        .then(|| first - 1);
        let np_start = article.unwrap_or(first);
        // "the mother of Sean Smith, who died": the event is another's.
        if w.lower.get(i + 1) == Some(&"of") {
            continue;
        }
        // Skip an age in apposition: "Man, 20, killed".
        let mut after = i + 1;
        if after + 1 < s_end
            && w.gap(after).contains(',')
            && w.lower[after].bytes().all(|b| b.is_ascii_digit())
            && w.gap(after + 1).contains(',')
        {
            after += 2;
        }
        let before = event_before(w, np_start, starts);
        let (mut kind, at) = match (before, event_within(w, after, 5, starts)) {
            (Some(e), _) => e,
            (None, Some(e)) => e,
            _ => continue,
        };
        // Objects listed after a verb: "Man kills woman, her son, himself".
        let mut last = i;
        if before.is_some() {
            loop {
                let j = last + 1;
                if j >= s_end || w.breaks_before(j) || starts[j] {
                    break;
                }
                if !(w.gap(j).contains(',') || w.lower[j] == "and") {
                    break;
                }
                let mut k = if w.lower[j] == "and" { j + 1 } else { j };
                if k < s_end && matches!(w.lower[k], "and" | "her" | "his" | "their" | "a" | "an") {
                    k += 1;
                }
                // Up to two modifiers: "her 33-year old father".
                let mut m = 0;
                while m < 2
                    && k + 1 < s_end
                    && people_class(w.lower[k]).is_none()
                    && !matches!(w.lower[k], "himself" | "herself")
                    && !w.breaks_before(k + 1)
                    && !w.gap(k + 1).contains(',')
                    && !NP_STOP.contains(&w.lower[k])
                    && !EVENTS.contains_key(w.lower[k])
                {
                    k += 1;
                    m += 1;
                }
                if k < s_end
                    && !w.breaks_before(k)
                    && (people_class(w.lower[k]) == Some(NounClass::One)
                        || matches!(w.lower[k], "himself" | "herself"))
                {
                    people += 1;
                    last = k;
                } else {
                    break;
                }
            }
        }
        // "A third person has died": the ordinal tells how many died.
        let ordinal = (first..i).find_map(|k| ordinal_value(w.lower[k]));
        if kind == FactKind::Killed
            && let Some(n) = ordinal
        {
            people = people.max(n);
        }
        // "Boy, 16, dies after being accidentally shot", "Woman injured in
        // shooting dies", "the boy was rushed to the hospital, where he was
        // pronounced dead", "the fatal shooting of a man", "found the victim
        // mortally wounded".
        let dies_after = (i + 1..s_end.min(i + 14)).any(|k| {
            matches!(w.lower[k], "died" | "dies" | "succumbed")
                || (w.lower[k] == "dead" && w.lower[k - 1] == "pronounced")
        });
        let fatal_event = at > 0 && matches!(w.lower[at - 1], "fatal" | "deadly" | "mortally");
        if matches!(kind, FactKind::Shot | FactKind::Injured) && (dies_after || fatal_event) {
            kind = FactKind::Killed;
        }
        // A shooting the sentence calls a killing: "charged with manslaughter
        // for shooting friend".
        if kind == FactKind::Shot
            && (s_start..s_end).any(|k| {
                matches!(
                    w.lower[k],
                    "manslaughter" | "murder" | "homicide" | "fatal" | "fatally" | "deadly"
                )
            })
        {
            kind = FactKind::Killed;
        }
        out.push(Fact {
            kind,
            value: FactValue::Count(Count {
                value: Interval {
                    min: people,
                    max: Some(people),
                },
                counted: counted_text(
                    w,
                    Some(&Noun {
                        first,
                        head: i,
                        class: NounClass::One,
                    }),
                ),
                status: None,
                aggregate: false,
            }),
            span: span_of(w, np_start.min(at), last.max(at)),
            sentence,
            rule: if ordinal.is_some() && kind == FactKind::Killed {
                "count.ordinal_victim"
            } else {
                "count.implicit_singular"
            },
        });
    }
}
/// Pushes the facts of a coordinated count ("two men and a woman were
/// shot"): the group the sentence counts last, `(value, counted)`, and the
/// sum of both groups, whose second part is `(other value, counted text of
/// the sum)`.
fn push_coordinated(
    out: &mut Vec<Fact>,
    kind: FactKind,
    (value, counted): (Interval, String),
    (other, total_counted): (Interval, String),
    span: Span,
    sentence: Span,
) {
    let total = Interval {
        min: value.min.saturating_add(other.min),
        max: value.max.zip(other.max).map(|(a, b)| a.saturating_add(b)),
    };
    for (value, counted, rule) in [
        (value, counted, "count.coordinated"),
        (total, total_counted, "count.coordinated_sum"),
    ] {
        out.push(Fact {
            kind,
            value: FactValue::Count(Count {
                value,
                counted,
                status: None,
                aggregate: false,
            }),
            span,
            sentence,
            rule,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract as extract_all;
    use super::*;

    /// (kind, min, max, counted) of every count in `text`.
    fn counts(text: &str) -> Vec<(FactKind, u64, Option<u64>, String)> {
        extract_all(text, None)
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Count(c) => Some((f.kind, c.value.min, c.value.max, c.counted)),
                _ => None,
            })
            .collect()
    }

    fn c(
        kind: FactKind,
        min: u64,
        max: Option<u64>,
        counted: &str,
    ) -> (FactKind, u64, Option<u64>, String) {
        (kind, min, max, counted.to_string())
    }

    macro_rules! count_tests {
        ($($name:ident: $text:expr => [$($e:expr),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let expected: Vec<(FactKind, u64, Option<u64>, String)> = vec![$($e),*];
                assert_eq!(counts($text), expected, "{:?}", $text);
            }
        )*};
    }

    use FactKind::*;
    const ONE: Option<u64> = Some(1);

    count_tests! {
        killed_at_least: "At least 12 people were killed." => [c(Killed, 12, None, "people")],
        shot_one_fatally: "Four people were shot, one fatally, at the park." => [
            c(Shot, 4, Some(4), "people"), c(Killed, 1, ONE, "people")],
        shot_dead: "A man was shot dead on Tuesday." => [c(Killed, 1, ONE, "man")],
        young_woman_killed: "The rockets killed a young woman." => [c(Killed, 1, ONE, "young woman")],
        verb_before: "The gunman opened fire, killing two people and injuring three others." => [
            c(Killed, 2, Some(2), "people"), c(Injured, 3, Some(3), "others")],
        headline: "4 Shot, 1 Killed in Stockton Park" => [
            c(Shot, 4, Some(4), "people"), c(Killed, 1, ONE, "people")],
        shot_and_wounded: "Two teens were shot and wounded late Friday." => [c(Injured, 2, Some(2), "teens")],
        fatally_shot: "Three men were fatally shot." => [c(Killed, 3, Some(3), "men")],
        troops_deployed: "Pompeo threatened to withdraw the 3,000 American soldiers still deployed in Iraq." => [
            c(Troops, 3000, Some(3000), "American soldiers")],
        personnel_present: "It did not say how many US diplomats, out of the several hundred present in the country, are leaving." => [
            c(Personnel, 300, Some(900), "US diplomats")],
        protesters: "Hundreds of protesters gathered in the square." => [c(People, 100, None, "protesters")],
        deaths_noun: "The storm caused 14 deaths." => [c(Killed, 14, Some(14), "deaths")],
        hedged_more_than: "More than 300 people were injured." => [c(Injured, 301, None, "people")],
        range_between: "Between 20 and 30 people are missing." => [c(Missing, 20, Some(30), "people")],
        arrested: "Police arrested five suspects." => [c(Arrested, 5, Some(5), "suspects")],
        critical: "Two victims are in critical condition." => [c(Injured, 2, Some(2), "victims")],
        coordinated: "2 men, 3 women shot in Baltimore" => [
            c(Shot, 2, Some(2), "men"), c(Shot, 5, Some(5), "men and women"), c(Shot, 3, Some(3), "women")],
        coordinated_and: "The gunman fired, injuring four men and two women." => [
            c(Injured, 4, Some(4), "men"), c(Injured, 2, Some(2), "women"), c(Injured, 6, Some(6), "men and women")],
        one_of_them: "Three people were shot and one of them died." => [
            c(Shot, 3, Some(3), "people"), c(Killed, 1, ONE, "people")],
        year_old_victim: "An 18-year-old was wounded in the shooting." => [c(Injured, 1, ONE, "18-year-old")],
        bare_number_before_attribution: "A car bomb exploded, killing 12 people and wounding 30, police said." => [
            c(Killed, 12, Some(12), "people"), c(Injured, 30, Some(30), "people")],
        vague_bare_number_with_event: "At least 12 people have been killed and dozens wounded in the attack." => [
            c(Killed, 12, None, "people"), c(Injured, 12, None, "people")],
        dotted_abbreviation_modifier: "Four U.S. service members were injured Monday." => [
            c(Injured, 4, Some(4), "U.S. service members")],
        singular_dies_after_shooting: "Boy, 16, dies after being accidentally shot." => [
            c(Killed, 1, ONE, "Boy")],
        singular_pronounced_dead: "The boy was rushed to the hospital, where he was pronounced dead." => [
            c(Killed, 1, ONE, "boy")],
        singular_mortally_wounded: "Officers found the victim mortally wounded." => [
            c(Killed, 1, ONE, "victim")],
        singular_wounded_survives: "The victim was wounded and taken to the hospital." => [
            c(Injured, 1, ONE, "victim")],
    }

    /// Status of forces and personnel counts, in text order.
    fn statuses(text: &str) -> Vec<Option<Status>> {
        extract_all(text, None)
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Count(c) => Some(c.status),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn troop_status() {
        assert_eq!(
            statuses(
                "Pompeo threatened to withdraw the 3,000 American soldiers still deployed in Iraq."
            ),
            [Some(Status::Deployed)]
        );
        assert_eq!(
            statuses("The US will withdraw 2,500 troops from Afghanistan."),
            [Some(Status::Withdrawn)]
        );
        assert_eq!(
            statuses("About 5,000 troops are stationed in Iraq."),
            [Some(Status::Stationed)]
        );
        assert_eq!(
            statuses("Officials said 200 diplomats remain in Baghdad."),
            [Some(Status::Present)]
        );
    }

    #[test]
    fn roundup_counts_are_aggregate() {
        let facts = extract_all("Six people were injured in two separate shootings.", None);
        assert!(matches!(&facts[0].value, FactValue::Count(c) if c.aggregate));
        let facts = extract_all("Six people were injured in a shooting.", None);
        assert!(matches!(&facts[0].value, FactValue::Count(c) if !c.aggregate));
    }

    count_tests! {
        no_age_hyphen: "A 33-year-old man appeared in court." => [],
        no_age_aged: "The suspect, aged 33, was arrested." => [],
        no_age_apposition: "Dustin Grey, 21 and Danny Scott, 18, went across." => [],
        no_age_apposition_event: "John Smith, 33, was killed." => [],
        no_year: "In 2014 the city saw violence." => [],
        no_decade: "In the 1990s crime fell." => [],
        no_money: "He paid $40 to the two men." => [],
        no_percent: "Crime fell 12% last year." => [],
        no_ordinal: "It was the 3rd shooting this year." => [],
        no_route: "The crash closed Route 40 for hours." => [],
        no_address: "Police were called to 1200 Main Street." => [],
        no_time: "It happened at 10:30 p.m. Monday." => [],
        no_page_report: "The 3,000-page report was released." => [],
        no_no_one: "No one was injured." => [],
        no_negated: "Two people were not injured." => [],
        no_days: "He died two days later." => [],
        no_hit_towns: "The storm hit two towns." => [],
        no_age_of: "Children under the age of 15 died from gunfire." => [],
        no_rounds: "The suspects shot more than 20 rounds at the car." => [],
        no_minutes: "Three others arrived with gunshot wounds about 15 minutes later." => [
            c(Injured, 3, Some(3), "others")],
        coordinated_singulars: "4-year-old boy, woman shot in Woodlawn" => [c(Shot, 2, Some(2), "4-year-old boy, woman")],
        coordinated_and_singulars: "Officer and suspect injured in shootout" => [
            c(Injured, 1, ONE, "Officer"), c(Injured, 2, Some(2), "Officer and suspect")],
        count_and_singular: "Two children and a woman were shot Sunday." => [
            c(Shot, 3, Some(3), "Two children and a woman"), c(Shot, 2, Some(2), "children"),
            c(Shot, 1, ONE, "woman")],
        singular_and_count: "Woman, 3 teenage daughters shot in Nashville" => [
            c(Shot, 4, Some(4), "Woman, 3 teenage daughters"), c(Shot, 3, Some(3), "teenage daughters")],
        singular_dead: "Police: Teen dead after being shot by father" => [c(Killed, 1, ONE, "Teen")],
        participle_agent: "Gunman fires on family, killing mom and grandmother" => [
            c(Killed, 2, Some(2), "mom"), c(Killed, 2, Some(2), "mom and grandmother")],
        stray_bullet: "Stray bullet hits 11-year-old girl in West Palm Beach" => [c(Shot, 1, ONE, "11-year-old girl")],
        object_list: "Police: Man kills woman, her son, himself in Las Vegas" => [
            c(Killed, 3, Some(3), "woman")],
        ordinal_victim: "A third person has died after the shooting." => [c(Killed, 3, Some(3), "third person")],
        verb_count_and_singular: "a shooting that injured three adults and an 11-year-old child." => [
            c(Injured, 3, Some(3), "adults"), c(Injured, 4, Some(4), "three adults and an 11-year-old child")],
        object_list_modifiers: "They are accused of shooting a 7-year-old and her 33-year old father." => [
            c(Shot, 2, Some(2), "7-year-old")],
        shot_and_killed_object: "After a toddler accidentally shot and killed his sister, the family grieves." => [
            c(Killed, 1, ONE, "sister")],
        manslaughter_singular: "Man charged with manslaughter for shooting friend" => [c(Killed, 1, ONE, "friend")],
        hospital: "One person is dead and another person is in the hospital." => [
            c(Killed, 1, ONE, "person"), c(Injured, 1, ONE, "another person")],
        missing: "Twenty people remain missing after the flood." => [c(Missing, 20, Some(20), "people")],
        kidnapped: "Two aid workers were kidnapped near the border." => [c(Kidnapped, 2, Some(2), "aid workers")],
        evacuated: "About 3,000 residents were evacuated." => [c(Evacuated, 3000, Some(3000), "residents")],
        hostages: "Gunmen held 40 hostages." => [c(Kidnapped, 40, Some(40), "hostages")],
        troops_withdrawn: "The US will withdraw 2,500 troops from Afghanistan." => [
            c(Troops, 2500, Some(2500), "troops")],
        passengers: "The plane carried 150 passengers." => [c(People, 150, Some(150), "passengers")],
        no_relative_agent: "The black plainclothes officer who shot Keith Scott spoke." => [],
        relative_victim: "A man who died at the scene was identified." => [c(Killed, 1, ONE, "man")],
        no_critical_of: "Davis, who was estranged from her father, was critical of the candidates." => [],
        no_adjective_demonym: "Wall Street does more to hurt the American economy." => [],
        no_complement_event: "The mother of Sean Smith, who died in Benghazi, spoke." => [],
        reflexive: "Man accidentally shoots himself while cleaning gun" => [
            c(Shot, 1, ONE, "Man"), c(Shot, 1, ONE, "himself")],
        reflexive_without_noun: "Felon arrested after accidentally shooting himself" => [c(Shot, 1, ONE, "himself")],
        agent_not_victim: "A gunman killed six people." => [c(Killed, 6, Some(6), "people")],
        no_inclusion_sum: "Seven people, including the shooter, were killed." => [
            c(Killed, 7, Some(7), "people"), c(Killed, 1, ONE, "shooter")],
        no_sum_across_events: "Officers found two men dead and a woman and teenage girl wounded." => [
            c(Killed, 2, Some(2), "men dead"), c(Injured, 1, ONE, "woman"),
            c(Injured, 2, Some(2), "woman and teenage girl")],
        no_age_after_noun: "They found the girl and her father, 56, dead inside." => [],
        apposition: "Two victims, a 25-year-old man and a 26-year-old man, died at the scene." => [
            c(Killed, 2, Some(2), "victims"), c(Killed, 1, ONE, "25-year-old man"),
            c(Killed, 1, ONE, "26-year-old man")],
        apposition_singular: "The coroner says the daughter, 9-year-old Codie Powell, died." => [
            c(Killed, 1, ONE, "daughter, 9-year-old")],
        no_negated_singular: "No other student was injured in the ordeal." => [],
        no_plain_people: "Three people attended the meeting." => [],
    }
}
