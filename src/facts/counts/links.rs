//! How a count relates to the clause around it and to the article's other
//! counts: a small grammar of the clause, applied after the number, its
//! noun and its event are found.
//!
//! - **Tolls**: the number is the complement of a toll noun and a change or
//!   reporting verb: "the death toll rose to 40", "a death toll of 40",
//!   "officials put the number of dead at 500", "the number of arrests stood
//!   at 90". The toll names the kind. "rose from 30 to 40", "up from 30"
//!   make the earlier figure [`Count::superseded`].
//! - **Partitives**: "N of them / those / whom", "N of the injured", "N of
//!   the M injured" count N, a [`Count::subset`] of the parent count (the
//!   M, or the nearest earlier count); "five of them critically" takes the
//!   parent's kind, "two of them fatally" is killed.
//! - **Inclusions**: "including eight children", "including a police
//!   officer", "among the injured was a grandmother": a subset of the count
//!   before it in the sentence.
//! - **Appositions**: "13 people, 11 men and two women, were hurt", "six
//!   victims, four inside the restaurant and two outside": the parts are
//!   subsets of the count they follow.
//! - **Anaphora**: "the four were treated for minor injuries", "all six",
//!   "both": the group counted before; its counted noun is taken from the
//!   earlier count of the same value.
//! - **Sub-counts by context**: a bare number ("Ten were taken to
//!   hospital") right after a larger count of the same kind (or of people
//!   shot) is a part of it.
//! - **Superseded figures**: a count opened by "initially", "originally",
//!   "at first", "earlier" or "previously" that a later count of the same
//!   kind contradicts.
//!
//! Sub-count parents are searched among the counts of the same sentence
//! first, then of the two sentences before; a part that takes its kind from
//! its parent ("all but five of the victims") and the anaphora ("the four")
//! look back [`ANAPHORA_SENTENCES`] sentences. Every search is bounded so,
//! and facts stays linear in the article's length.

use super::*;

/// How a count relates to others, recorded when it is made and resolved
/// once the whole article is read.
#[derive(Clone, Debug, Default)]
pub(super) struct Hint {
    /// Index of the fact in the output.
    pub fact: usize,
    /// First token of the count's number (or noun for singulars).
    pub start: usize,
    /// One past the count's noun (or number).
    pub end: usize,
    /// The count's sentence.
    pub sentence: Span,
    /// Which count it is a part of, if the clause says so.
    pub parent: Parent,
    /// The kind is the parent's ("five of them critically"); the fact is
    /// dropped when no parent is found.
    pub kind_from_parent: bool,
    /// What sets the part apart, for [`Subset::part`].
    pub part: String,
    /// "the four", "all six", "both": the group counted before.
    pub anaphoric: bool,
    /// A bare number with no noun of its own.
    pub bare: bool,
    /// Opened by "initially", "earlier", ...: superseded when a later count
    /// of the kind disagrees.
    pub earlier: bool,
    /// A partitive that names its group ("five of the victims", not "five
    /// of them"): its parent may be told paragraphs before.
    pub names_group: bool,
}

/// The parent a clause points a count to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Parent {
    /// No explicit parent.
    #[default]
    None,
    /// The nearest earlier count of the sentence, else of the two sentences
    /// before ("five of them", "including", apposition).
    Previous,
    /// The count whose number starts at this token ("two of the 40").
    At(usize),
    /// The nearest earlier count of this kind ("two of the injured").
    OfKind(FactKind),
    /// No part: an earlier figure of the count before it, which it
    /// supersedes ("rose to 40, up from 30": the 30).
    Revised,
}

/// Heads of a toll: "toll", "tally", "number", "total", "count".
const TOLL_HEADS: &[&str] = &["count", "number", "tally", "toll", "total"];

/// Words that may stand between a toll and its number: change and
/// reporting verbs, auxiliaries, adverbs and the prepositions "to", "at",
/// "of", "from".
const TOLL_BRIDGE: &[&str] = &[
    "already",
    "at",
    "been",
    "climbed",
    "climbing",
    "climbs",
    "doubled",
    "exceeded",
    "exceeds",
    "from",
    "further",
    "grew",
    "had",
    "has",
    "have",
    "hit",
    "increased",
    "is",
    "jumped",
    "later",
    "mounted",
    "now",
    "of",
    "officially",
    "passed",
    "placed",
    "put",
    "puts",
    "raised",
    "reached",
    "reaches",
    "reportedly",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "stands",
    "stood",
    "surpassed",
    "then",
    "to",
    "topped",
    "was",
];

/// The kind a toll word names: "death toll", "the number of dead", "the
/// number of arrests", "the number of people injured".
fn toll_kind(w: &Words, h: usize) -> Option<FactKind> {
    let word = w.lower[h];
    if matches!(word, "toll" | "tally") {
        let before = if h > 0 { w.lower[h - 1] } else { "" };
        return Some(match before {
            "injury" | "injuries" => FactKind::Injured,
            "arrest" | "arrests" => FactKind::Arrested,
            _ => FactKind::Killed,
        });
    }
    // "the number of (people) killed", "the total of deaths"
    let kind = match people_class(word) {
        Some(NounClass::Kind(k)) if k != FactKind::Troops && k != FactKind::Personnel => k,
        _ => *EVENTS.get(word)?,
    };
    let mut k = h.checked_sub(1)?;
    if people_class(w.lower[k]).is_some() {
        k = k.checked_sub(1)?;
    }
    (w.lower[k] == "of" && k > 0 && TOLL_HEADS.contains(&w.lower[k - 1])).then_some(kind)
}

/// A toll the number at `q` completes: its kind, the first token of the
/// evidence, and whether the number is the earlier figure ("rose from 30
/// to 40": 30).
pub(super) fn toll_at(w: &Words, q: &Quantity) -> Option<(FactKind, usize, bool)> {
    let mut k = q.start;
    let mut from = false;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        if w.breaks_before(k) {
            return None;
        }
        k -= 1;
        steps += 1;
        let word = w.lower[k];
        if let Some(kind) = toll_kind(w, k) {
            // Only through bridge words: "the toll rose to 40".
            return (steps > 1 || q.start == k + 1).then_some((kind, k, from));
        }
        if word == "from" && steps == 1 {
            from = true;
        }
        // "rose from 30 to 40": the earlier figure stands between.
        let earlier_figure = k > 0
            && w.lower[k - 1] == "from"
            && numbers::parse_at_joined(&w.lower, &w.joins, k).is_some();
        if !TOLL_BRIDGE.contains(&word) && !earlier_figure {
            return None;
        }
    }
    None
}

/// A partitive after the number at `q`: "of them", "of whom", "of those",
/// "of the injured", "of the 40 injured", "of the victims". Returns the
/// parent it points to and the token after the phrase.
pub(super) fn partitive(w: &Words, q: &Quantity, starts: &[bool]) -> Option<(Parent, usize)> {
    let j = q.end;
    if w.lower.get(j) != Some(&"of") || w.breaks_before(j) {
        return None;
    }
    let next = *w.lower.get(j + 1)?;
    if w.breaks_before(j + 1) {
        return None;
    }
    match next {
        "them" | "whom" | "those" | "these" | "us" => Some((Parent::Previous, j + 2)),
        "the" => {
            let k = j + 2;
            let word = *w.lower.get(k)?;
            if starts.get(k) == Some(&true) {
                return Some((Parent::At(k), k + 1));
            }
            if let Some(&kind) = EVENTS.get(word) {
                return Some((Parent::OfKind(kind), k + 1));
            }
            match people_class(word) {
                Some(NounClass::Kind(kind)) => Some((Parent::OfKind(kind), k + 1)),
                Some(_) => Some((Parent::Previous, k + 1)),
                None => None,
            }
        }
        _ => None,
    }
}

/// "including eight children", "among them two children".
pub(super) fn included(w: &Words, start: usize) -> bool {
    start > 0
        && !w.breaks_before(start)
        && (w.lower[start - 1] == "including"
            || (start >= 2 && w.lower[start - 2] == "among" && w.lower[start - 1] == "them"))
}

/// "the four", "all six", "both": a number that points back to a group.
pub(super) fn anaphoric(w: &Words, q: &Quantity) -> bool {
    q.start > 0
        && !w.breaks_before(q.start)
        && matches!(w.lower[q.start - 1], "the" | "all" | "these" | "those")
        && q.rule == "exact"
}

/// Cues before a count that it is a first, later revised figure.
const EARLIER_CUES: &[&str] = &["earlier", "initially", "originally", "previously"];

/// Whether an "initially" / "at first" cue opens the clause before `start`.
pub(super) fn earlier_cue(w: &Words, start: usize) -> bool {
    let mut k = start;
    while k > 0 && k + 8 > start {
        if w.breaks_before(k) {
            return false;
        }
        k -= 1;
        if EARLIER_CUES.contains(&w.lower[k])
            || (w.lower[k] == "first" && k > 0 && w.lower[k - 1] == "at")
        {
            return true;
        }
    }
    false
}

/// Words of a predicate that say nothing of the part: auxiliaries.
const AUXILIARIES: &[&str] = &[
    "are", "be", "been", "being", "had", "has", "have", "is", "remain", "remained", "remains",
    "still", "was", "were",
];

/// The words after token `from` that tell a part from its whole, up to
/// five, within the clause: "critically", "on ventilators", "taken to
/// Stanford Medical Center", "inside the restaurant".
pub(super) fn part_after(w: &Words, from: usize, end: usize) -> String {
    let mut k = from;
    while k < end && k < w.tokens.len() && AUXILIARIES.contains(&w.lower[k]) {
        if w.breaks_before(k) || (k > from && w.gap(k).contains(',')) {
            return String::new();
        }
        k += 1;
    }
    let first = k;
    let mut last = None;
    while k < end && k < w.tokens.len() && k < first + 5 {
        if w.breaks_before(k) || (k > first && w.gap(k).contains(',')) {
            break;
        }
        if k > first && w.lower[k] == "and" {
            break;
        }
        last = Some(k);
        k += 1;
    }
    match last {
        Some(l) if k > first => {
            let s = span_of(w, first, l);
            w.text[s.start..s.end].to_string()
        }
        _ => String::new(),
    }
}

/// Kinds that may hold a sub-count of `child`: itself, and people shot for
/// the killed and injured among them.
fn holds(parent: FactKind, child: FactKind) -> bool {
    parent == child
        || (parent == FactKind::Shot && matches!(child, FactKind::Killed | FactKind::Injured))
}

fn count_of(f: &Fact) -> Option<&Count> {
    match &f.value {
        FactValue::Count(c) => Some(c),
        _ => None,
    }
}

/// Resolves the hints of one article's counts: parents and sub-counts,
/// anaphoric nouns, superseded figures; drops the parts whose parent was
/// not found. `hints` are in the order their facts were made.
pub(super) fn resolve(out: &mut Vec<Fact>, hints: &[Hint], sentence_starts: &[usize]) {
    let mut drop = vec![];
    for (h_idx, h) in hints.iter().enumerate() {
        let Some(child) = count_of(&out[h.fact]).cloned() else {
            continue;
        };
        let kind = out[h.fact].kind;
        // Earlier counts a parent may be: this sentence, or the two before.
        let window_start = sentence_window(sentence_starts, h.sentence.start);
        // Anaphora ("the four") and parts told far from their group look
        // back ANAPHORA_SENTENCES sentences at most.
        let anaphora_start =
            sentence_window_of(sentence_starts, h.sentence.start, ANAPHORA_SENTENCES);
        // Hints come sentence by sentence in text order, so the walk back
        // stops at the window's start: linear in the article, not quadratic.
        let earlier = || {
            hints[..h_idx]
                .iter()
                .rev()
                .take_while(|p| p.sentence.start >= window_start)
                .filter(|p| p.start < h.start)
                .filter(|p| count_of(&out[p.fact]).is_some_and(|c| c.subset.is_none()))
        };
        let bigger = |p: &&Hint| {
            count_of(&out[p.fact]).is_some_and(|c| {
                c.value.min > child.value.max.unwrap_or(u64::MAX)
                    || (c.value.max.is_none() && c.value.min >= child.value.min)
            })
        };
        let parent = match h.parent {
            // By context only within one kind: in "4 shot, 1 killed" the
            // killed are a toll of their own.
            Parent::None if h.bare && !h.anaphoric && !h.kind_from_parent => {
                earlier().find(|p| out[p.fact].kind == kind).filter(bigger)
            }
            Parent::None => None,
            Parent::Previous => {
                let same = earlier().find(|p| p.sentence == h.sentence);
                same.or_else(|| earlier().find(|p| p.sentence != h.sentence))
                    .filter(bigger)
                    .or_else(|| {
                        // A part whose kind is its parent's ("all but five
                        // of the victims had been released") may point
                        // further back, to the group told paragraphs
                        // before: the nearest larger whole count within
                        // ANAPHORA_SENTENCES sentences.
                        if !(h.kind_from_parent && h.names_group) {
                            return None;
                        }
                        hints[..h_idx]
                            .iter()
                            .rev()
                            .take_while(|p| p.sentence.start >= anaphora_start)
                            .filter(|p| p.sentence.start < window_start)
                            .filter(|p| {
                                count_of(&out[p.fact]).is_some_and(|c| c.subset.is_none())
                                    && out[p.fact].kind != FactKind::People
                            })
                            .find(bigger)
                    })
            }
            // The count at `tok` is in this sentence ("two of the 40"):
            // only this sentence's hints are searched.
            Parent::At(tok) => {
                let from = hints[..h_idx].partition_point(|p| p.sentence.start < h.sentence.start);
                hints[from..]
                    .iter()
                    .take_while(|p| p.sentence.start <= h.sentence.start)
                    .find(|p| p.start == tok && p.fact != h.fact)
            }
            Parent::Revised => {
                let previous = earlier().find(|p| p.sentence == h.sentence);
                match previous {
                    Some(p) => {
                        let (kind, counted) = (
                            out[p.fact].kind,
                            count_of(&out[p.fact]).map(|c| c.counted.clone()),
                        );
                        out[h.fact].kind = kind;
                        if let FactValue::Count(c) = &mut out[h.fact].value {
                            c.superseded = true;
                            if let Some(counted) = counted {
                                c.counted = counted;
                            }
                        }
                    }
                    None => drop.push(h.fact),
                }
                continue;
            }
            Parent::OfKind(k) => hints[..h_idx]
                .iter()
                .rev()
                .take_while(|p| p.sentence.start >= window_start)
                .find(|p| holds(out[p.fact].kind, k) || out[p.fact].kind == k)
                .filter(bigger),
        };
        match parent {
            Some(p) => {
                let of = out[p.fact].span;
                let parent_kind = out[p.fact].kind;
                let part = if h.part.is_empty() {
                    child.counted.clone()
                } else {
                    h.part.clone()
                };
                if h.kind_from_parent {
                    out[h.fact].kind = parent_kind;
                }
                // A part without a noun of its own counts the parent's
                // people ("two of the wounded died": people, not a noun
                // found near by).
                if h.bare
                    && let (Some(pc), FactValue::Count(c)) =
                        (count_of(&out[p.fact]).cloned(), &mut out[h.fact].value)
                {
                    c.counted = pc.counted;
                }
                if let FactValue::Count(c) = &mut out[h.fact].value {
                    c.subset = Some(Subset { of, part });
                }
            }
            None if h.kind_from_parent => drop.push(h.fact),
            None => {}
        }
        if h.anaphoric
            && let Some(p) = hints[..h_idx]
                .iter()
                .rev()
                .take_while(|p| p.sentence.start >= anaphora_start)
                .find(|p| count_of(&out[p.fact]).is_some_and(|c| c.value == child.value))
            && let Some(pc) = count_of(&out[p.fact]).cloned()
            && let FactValue::Count(c) = &mut out[h.fact].value
        {
            c.counted = pc.counted;
        }
    }
    // "Police initially said two people died; ... four people died": the
    // first figure is superseded. One walk back over the hints keeps, per
    // kind, the smallest upper bound and the largest lower bound of the
    // later whole counts: a later count disjoint from a value lies wholly
    // below it or wholly above it, so these two bounds decide.
    let mut later: Vec<(FactKind, Option<u64>, u64)> = Vec::new();
    for h in hints.iter().rev() {
        let Some(c) = count_of(&out[h.fact]).cloned() else {
            continue;
        };
        let kind = out[h.fact].kind;
        if h.earlier
            && let Some(&(_, low_max, high_min)) = later.iter().find(|(k, _, _)| *k == kind)
        {
            let below = low_max.is_some_and(|m| m < c.value.min);
            let above = c.value.max.is_some_and(|m| high_min > m);
            if (below || above)
                && let FactValue::Count(count) = &mut out[h.fact].value
            {
                count.superseded = true;
            }
        }
        if c.subset.is_none() {
            match later.iter_mut().find(|(k, _, _)| *k == kind) {
                Some(entry) => {
                    entry.1 = match (entry.1, c.value.max) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, None) => a,
                        (None, b) => b,
                    };
                    entry.2 = entry.2.max(c.value.min);
                }
                None => later.push((kind, c.value.max, c.value.min)),
            }
        }
    }
    if !drop.is_empty() {
        drop.sort_unstable();
        let mut i = 0;
        out.retain(|_| {
            let keep = drop.binary_search(&i).is_err();
            i += 1;
            keep
        });
    }
}

/// Byte start of the sentence two before the one starting at `start`.
fn sentence_window(sentence_starts: &[usize], start: usize) -> usize {
    sentence_window_of(sentence_starts, start, 2)
}

/// How many sentences back "the four", "all six", "both" look for the
/// group they name: the search is bounded so that an article of any length
/// costs time in proportion to it.
pub(super) const ANAPHORA_SENTENCES: usize = 12;

/// Byte start of the sentence `back` before the one starting at `start`.
fn sentence_window_of(sentence_starts: &[usize], start: usize, back: usize) -> usize {
    let i = sentence_starts.partition_point(|&s| s < start);
    sentence_starts[i.saturating_sub(back)..]
        .first()
        .copied()
        .unwrap_or(0)
}
