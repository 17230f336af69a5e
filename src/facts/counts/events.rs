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
    let word = w.lower[i];
    let prev = if i > 0 && !w.breaks_before(i) {
        w.lower[i - 1]
    } else {
        ""
    };
    // "hit", "struck": gunfire only where the sentence is about guns ("struck
    // by a falling branch" is no shooting), and never as a noun ("a hit and
    // run").
    if matches!(word, "hit" | "hits" | "struck")
        && (matches!(prev, "a" | "the") || !gun_context(w, i))
    {
        return None;
    }
    // "in custody", "taken into police custody", "in detention": not "a
    // custody battle", "detention camps".
    if matches!(word, "custody" | "detention")
        && !(i.saturating_sub(2)..i).any(|k| matches!(w.lower[k], "in" | "into"))
    {
        return None;
    }
    // "sheltering in place" is no displacement.
    if word == "sheltering" && w.lower.get(i + 1) == Some(&"in") {
        return None;
    }
    // "their homes": displaced when fled or lost, evacuated when people had
    // to leave them, nothing otherwise ("at their homes").
    if word == "homes" {
        return homes_event(w, i);
    }
    // "fatally injuring", "mortally wounded": killed.
    if matches!(kind, FactKind::Injured | FactKind::Shot) && matches!(prev, "fatally" | "mortally")
    {
        return Some(FactKind::Killed);
    }
    // "stabbed to death", "beaten to death", "shot to death".
    if matches!(kind, FactKind::Injured | FactKind::Shot)
        && w.lower.get(i + 1) == Some(&"to")
        && w.lower.get(i + 2) == Some(&"death")
    {
        return Some(FactKind::Killed);
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

/// Words that make "hit" and "struck" gunfire.
const GUN_WORDS: &[&str] = &[
    "bullet",
    "bullets",
    "fire",
    "fired",
    "firing",
    "gun",
    "gunfire",
    "gunman",
    "gunmen",
    "guns",
    "gunshot",
    "gunshots",
    "pellet",
    "rounds",
    "shooter",
    "shooting",
    "shootings",
    "shot",
    "shots",
    "stray",
];

/// Whether a gun word is within twelve words of token `i`.
fn gun_context(w: &Words, i: usize) -> bool {
    let lo = i.saturating_sub(12);
    let hi = (i + 12).min(w.tokens.len());
    (lo..hi).any(|k| GUN_WORDS.contains(&w.lower[k]))
}

/// The event of "their homes" at `i`, from the verb before it: "fled their
/// homes", "lost their homes" (displaced); "had to leave their homes",
/// "forced from their homes" (evacuated).
fn homes_event(w: &Words, i: usize) -> Option<FactKind> {
    let mut k = i;
    while k > 0 && k + 4 > i {
        if w.breaks_before(k) {
            return None;
        }
        k -= 1;
        match w.lower[k] {
            "fled" | "flee" | "fleeing" | "flees" | "lost" | "losing" | "destroyed" => {
                return Some(FactKind::Displaced);
            }
            "leave" | "left" | "leaving" | "abandon" | "abandoned" | "forced" | "evacuated" => {
                return Some(FactKind::Evacuated);
            }
            _ => {}
        }
    }
    None
}

/// Words after a counted noun that make it the accused: "two men charged
/// with murder", "the youths accused of killing" are arrested (the
/// newsfacts convention: charged, indicted, on trial as defendants).
const ACCUSED: &[&str] = &["charged", "convicted", "indicted"];

/// How many words a hedge ("said to have been") adds to the window an
/// event is searched in.
const HEDGE_WORDS: usize = 3;

/// Reporting words that, followed by "to", hedge the event after them
/// instead of making the noun their agent: "one person is believed to
/// have been arrested", "two are said to be missing".
const HEDGES_BEFORE_TO: &[&str] = &["believed", "feared", "reported", "said", "thought"];

/// Adverbs that are event words of their own ("fatally", "critically") but
/// defer to an event verb right after them: in "two officers fatally shot
/// the teen" the event is "shot", and its object makes the officers agents.
pub(super) fn defers_to_verb(w: &Words, k: usize) -> bool {
    w.lower[k].ends_with("ly")
        && k + 1 < w.tokens.len()
        && !w.breaks_before(k + 1)
        && EVENTS.contains_key(w.lower[k + 1])
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
    let mut end = (from + window).min(w.tokens.len());
    let mut next = from;
    while next < end {
        let k = next;
        next += 1;
        if w.breaks_before(k) || starts[k] || NEGATIONS.contains(&w.lower[k]) {
            return None;
        }
        let word = w.lower[k];
        if ACCUSED.contains(&word)
            && (k == 0 || !matches!(w.lower[k - 1], "who" | "that" | "has" | "have" | "had"))
        {
            return Some((FactKind::Arrested, k));
        }
        // "two men accused of / in killing X": the accused, charged.
        if word == "accused"
            && k == from
            && matches!(w.lower.get(k + 1), Some(&"of") | Some(&"in"))
            && !w.breaks_before(k + 1)
        {
            return Some((FactKind::Arrested, k));
        }
        // A subordinate clause whose subject acts: "two others when he
        // shot at passing cars" — its verb is not theirs ("when they were
        // shot" is).
        if matches!(
            word,
            "when" | "after" | "as" | "because" | "while" | "before" | "until"
        ) && w
            .lower
            .get(k + 1)
            .is_some_and(|x| matches!(*x, "he" | "she" | "they" | "we" | "i" | "it"))
            && w.lower.get(k + 2).is_some_and(|x| {
                !matches!(
                    *x,
                    "was" | "were" | "is" | "are" | "had" | "has" | "have" | "got" | "been"
                )
            })
        {
            return None;
        }
        // A hedge lengthens the clause by its own words: "were said to
        // have been rescued".
        if HEDGES_BEFORE_TO.contains(&word) && w.lower.get(k + 1) == Some(&"to") {
            end = (end + HEDGE_WORDS).min(w.tokens.len());
            continue;
        }
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
        if defers_to_verb(w, k) {
            continue;
        }
        // "was taken to an area hospital", "were transported to St. Mary's
        // Hospital": who is carried to hospital is hurt.
        if let Some(h) = conveyed_to_hospital(w, k) {
            return Some((FactKind::Injured, h));
        }
        if let Some(kind) = event_at(w, k, starts) {
            // "the officer who shot ...": the agent ("who was shot" has
            // "was" before the verb).
            if k > 0 && matches!(w.lower[k - 1], "who" | "that") && !INTRANSITIVE.contains(&word) {
                return None;
            }
            // "a gunman killed six people": the agent. Who flees or leaves
            // is the one displaced ("villagers fled their homes").
            if kind != FactKind::Displaced && is_active_with_object(w, k, starts) {
                return None;
            }
            return Some((kind, k));
        }
    }
    None
}

/// After a counted noun, skips a phrase naming who the people belong to
/// ("officers with the Bristol Police Department", "staff from the Red
/// Cross"): a preposition, "the" and up to six capitalized words. Returns
/// the token after it (`from` when there is none).
fn skip_organization(w: &Words, from: usize) -> usize {
    let n = w.tokens.len();
    if from >= n || w.breaks_before(from) || !matches!(w.lower[from], "with" | "from" | "of") {
        return from;
    }
    let mut k = from + 1;
    if k < n && w.lower[k] == "the" {
        k += 1;
    }
    let names = k;
    while k < n && k < names + 6 && !w.breaks_before(k) && is_capitalized(w.word(k)) {
        k += 1;
    }
    if k == names { from } else { k }
}

/// Participles of being carried somewhere: with "to ... hospital" after
/// them, the people carried are hurt.
const CONVEYED: &[&str] = &[
    "admitted",
    "airlifted",
    "brought",
    "driven",
    "flown",
    "rushed",
    "sent",
    "taken",
    "transferred",
    "transported",
];

/// How many words may stand between "to" and "hospital": "to an area
/// hospital", "to University of Louisville Hospital".
const HOSPITAL_WINDOW: usize = 5;

/// The token of "hospital" when the word at `k` is a participle of being
/// carried ([`CONVEYED`]) followed by "to" and, within
/// [`HOSPITAL_WINDOW`] words, "hospital" ("taken to a local hospital").
pub(super) fn conveyed_to_hospital(w: &Words, k: usize) -> Option<usize> {
    if !CONVEYED.contains(&w.lower[k])
        || w.lower.get(k + 1) != Some(&"to")
        || w.breaks_before(k + 1)
    {
        return None;
    }
    let end = (k + 2 + HOSPITAL_WINDOW).min(w.tokens.len());
    for h in k + 2..end {
        if w.breaks_before(h) || w.gap(h).contains(',') {
            return None;
        }
        if matches!(w.lower[h], "hospital" | "hospitals") {
            return Some(h);
        }
    }
    None
}

/// After a counted noun, skips an apposition between commas ("Two victims,
/// a 25-year-old man and a 26-year-old man, died"): the token to search
/// for the event from.
pub(super) fn skip_apposition(w: &Words, from: usize) -> usize {
    skip_apposition_or_parts(w, from, &[])
}

/// [`skip_apposition`], also over a list of parts opened by a number ("13
/// people, 11 men and two women, were hurt") when `starts` marks numbers.
pub(super) fn skip_apposition_or_parts(w: &Words, from: usize, starts: &[bool]) -> usize {
    let n = w.tokens.len();
    if from >= n || !w.gap(from).contains(',') || w.breaks_before(from) {
        return from;
    }
    if !matches!(
        w.lower[from],
        "a" | "an" | "the" | "including" | "both" | "all"
    ) && starts.get(from) != Some(&true)
    {
        return from;
    }
    // A list of members ("a 25-year-old man, a 26-year-old man, and a
    // 33-year-old man,") ends at the comma after which no member starts.
    let member = |k: usize| {
        matches!(w.lower[k], "a" | "an" | "the" | "and" | "both") || starts.get(k) == Some(&true)
    };
    let mut k = from + 1;
    let mut limit = from + 14;
    while k < limit.min(n) {
        if w.breaks_before(k) {
            return from;
        }
        if w.gap(k).contains(',') {
            if member(k) && limit < from + APPOSITION_LIST_WORDS {
                limit = (k + 14).min(from + APPOSITION_LIST_WORDS);
            } else {
                return k;
            }
        }
        k += 1;
    }
    from
}

/// How far an apposition listing the members of a count may run (words).
const APPOSITION_LIST_WORDS: usize = 40;

/// Whether the event verb at `k` is active with an object after it
/// ("killed six people", "shot his friend"), so the noun before it is the
/// agent.
pub(super) fn is_active_with_object(w: &Words, k: usize, starts: &[bool]) -> bool {
    if k > 0 && PASSIVE.contains(&w.lower[k - 1]) {
        // An adverb makes the verb passive only after "be": "were fatally
        // shot", not "two officers fatally shot the teen".
        let adverb = w.lower[k - 1].ends_with("ly") && w.lower[k - 1] != "reportedly";
        if !(adverb && k >= 2 && !BE.contains(&w.lower[k - 2])) {
            return false;
        }
    }
    has_object_after(w, k, starts)
}

/// Forms of "be" (and "get") that make a participle after them passive.
const BE: &[&str] = &[
    "be", "been", "being", "get", "got", "gets", "is", "are", "was", "were", "also", "and",
];

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
    // "injuring a police officer and two others": the verb of the
    // singular the count is coordinated with.
    if v == "and" && starts[i] {
        for k in (i.saturating_sub(6)..i.saturating_sub(2)).rev() {
            if w.breaks_before(k + 1) || w.gap(k + 1).contains(',') || starts[k] {
                return None;
            }
            if matches!(w.lower[k], "a" | "an") {
                return (k > 0 && !w.breaks_before(k) && !w.gap(k).contains(','))
                    .then(|| event_before(w, k, starts))
                    .flatten()
                    .filter(|_| people_class(w.lower[i - 2]) == Some(NounClass::One));
            }
        }
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

/// Status of responders (police, firefighters, staff) said of them: a
/// status verb after the noun, within five words of the clause ("officers
/// arrived", "detectives have been assigned", "firefighters were
/// responding"), or "the arrival of" right before the count. Looser
/// placements ("pulled a gun on two guards") say nothing about them.
pub(super) fn status_after(w: &Words, start: usize, end: usize) -> Option<Status> {
    let end = skip_organization(w, end);
    for k in end..(end + 5).min(w.tokens.len()) {
        if w.breaks_before(k) || (k > end && w.gap(k).contains(',')) {
            break;
        }
        if let Some(&s) = STATUS.get(w.lower[k]) {
            return Some(s);
        }
    }
    (start >= 2 && w.lower[start - 1] == "of" && STATUS.contains_key(w.lower[start - 2]))
        .then(|| STATUS[w.lower[start - 2]])
}
