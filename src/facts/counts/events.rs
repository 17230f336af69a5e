//! Finding the event a count belongs to: the verb or noun before or after
//! it ("killed", "were wounded", "the deaths of"), skipping appositions and
//! objects, and the status of forces ("deployed", "withdrawn").

use super::*;

/// Event kind of the word at `i`, with "shot" refined by what follows
/// ("shot dead", "shot and killed", "shot and wounded").
pub(super) fn event_at(w: &Words, i: usize, starts: &[bool]) -> Option<FactKind> {
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
pub(super) fn event_after(w: &Words, from: usize, starts: &[bool]) -> Option<(FactKind, usize)> {
    event_within(w, from, 8, starts)
}

/// The first event within `window` words after token `from`.
pub(super) fn event_within(
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
pub(super) fn skip_apposition(w: &Words, from: usize) -> usize {
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
pub(super) fn is_active_with_object(w: &Words, k: usize, starts: &[bool]) -> bool {
    if k > 0 && PASSIVE.contains(&w.lower[k - 1]) {
        return false;
    }
    has_object_after(w, k, starts)
}

/// Whether an object follows the verb at `k`.
pub(super) fn has_object_after(w: &Words, k: usize, starts: &[bool]) -> bool {
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
pub(super) fn event_before(w: &Words, i: usize, starts: &[bool]) -> Option<(FactKind, usize)> {
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
pub(super) fn status_near(w: &Words, start: usize, end: usize) -> Option<Status> {
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
