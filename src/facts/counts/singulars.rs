//! People counted without a number: implicit singulars ("a man was shot
//! dead" = 1), coordinated singulars ("a father and son killed" = 2),
//! ordinal victims ("a third person has died"), reflexives ("shot himself")
//! and the sums of coordinated counts.

use super::*;

/// Singular people nouns coordinated with a counted noun phrase from token
/// `start` to `head`, before or after it (", a woman", "and her father",
/// "Woman, ..."): how many, and the first and last tokens of the whole
/// coordination.
pub(super) fn coordinated_singulars(
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
pub(super) fn ordinal_value(word: &str) -> Option<u64> {
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
pub(super) fn reflexives(
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
                subset: None,
                aggregate: false,
                background: false,
                superseded: false,
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
pub(super) fn implicit_singulars(
    w: &Words,
    s_start: usize,
    s_end: usize,
    sentence: Span,
    starts: &[bool],
    out: &mut Vec<Fact>,
    hints: &mut Vec<Hint>,
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
        if (lookback..i).any(|k| {
            starts[k] && w.lower[k] != "a" && w.lower[k] != "an" && w.lower[k + 1] != "year"
        }) {
            continue;
        }
        // Modifiers back to an article or determiner: "a young woman".
        // Coordinated singulars count together: "4-year-old boy, woman shot",
        // "Officer & Suspect Both Shot", "a father and son killed".
        // A spaced age ("19 - year - old") starts at its number.
        let mut first = if w.lower[i].starts_with("-year-old") && w.lower[i] != w.word(i) {
            i.saturating_sub(2).max(s_start)
        } else {
            i
        };
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
        // A noun that modifies the head ("a police officer", "a fire
        // captain") is part of the phrase, so the article and "including"
        // before it are found.
        while first > s_start
            && !w.breaks_before(first)
            && !w.gap(first).contains(',')
            && COMPOUND_MODIFIERS.contains(&w.lower[first - 1])
        {
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
        // "the mother of Sean Smith, who died": the event is another's; "a
        // mother of two died" is hers.
        let mut after = i + 1;
        if w.lower.get(i + 1) == Some(&"of") {
            match numbers::parse_at(&w.lower, i + 2) {
                Some(q) if KIN.contains(&w.lower[i]) => after = q.end,
                _ => continue,
            }
        }
        // Skip an age in apposition: "Man, 20, killed".
        if after + 1 < s_end
            && w.gap(after).contains(',')
            && w.lower[after].bytes().all(|b| b.is_ascii_digit())
            && w.gap(after + 1).contains(',')
        {
            after += 2;
        }
        let before = event_before(w, np_start, starts);
        // "Also shot were a woman ...", "Among the injured was a
        // grandmother", "including a police officer".
        let (inverted, among) = inverted_event(w, np_start, s_start, starts);
        let including = among || links::included(w, np_start);
        let (mut kind, at, kind_from_parent) =
            match (before, event_within(w, after, 5, starts), inverted) {
                (Some(e), _, _) | (None, Some(e), _) | (None, None, Some(e)) => (e.0, e.1, false),
                _ if including => (FactKind::People, np_start, true),
                _ => continue,
            };
        // One person fleeing is no displacement ("the driver fled").
        if kind == FactKind::Displaced {
            continue;
        }
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
        // "A third person has died": the ordinal tells how many died. With
        // "the" it points into a list already told ("The fifth man was
        // pronounced dead", "The seventh person was the gunman"): no toll.
        let definite = article.is_some_and(|a| w.lower[a] == "the");
        let ordinal = (first..i)
            .find_map(|k| ordinal_value(w.lower[k]))
            .filter(|_| !definite);
        if kind == FactKind::Killed
            && let Some(n) = ordinal
        {
            people = people.max(n);
        }
        // "Boy, 16, dies after being accidentally shot", "Woman injured in
        // shooting dies", "the boy was rushed to the hospital, where he was
        // pronounced dead", "the fatal shooting of a man", "found the victim
        // mortally wounded".
        let dies_after = dies_after(w, i, s_end);
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
        hints.push(Hint {
            fact: out.len(),
            start: np_start,
            end: i + 1,
            sentence,
            parent: if including {
                Parent::Previous
            } else {
                Parent::None
            },
            kind_from_parent,
            part: String::new(),
            anaphoric: false,
            bare: false,
            earlier: links::earlier_cue(w, np_start),
            names_group: false,
        });
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
                subset: None,
                aggregate: false,
                background: false,
                superseded: false,
            }),
            span: span_of(w, np_start.min(at), last.max(at)),
            sentence,
            rule: if kind_from_parent {
                "count.part"
            } else if ordinal.is_some() && kind == FactKind::Killed {
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
pub(super) fn push_coordinated(
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
                subset: None,
                aggregate: false,
                background: false,
                superseded: false,
            }),
            span,
            sentence,
            rule,
        });
    }
}

/// An event told before a singular with "be" between, inverted: "Also shot
/// were a woman", "Among the injured was a grandmother". Returns the event
/// and whether "among" opens the phrase (a part of a group told before).
pub(super) fn inverted_event(
    w: &Words,
    np_start: usize,
    s_start: usize,
    starts: &[bool],
) -> (Option<(FactKind, usize)>, bool) {
    let mut k = np_start;
    let mut be = false;
    let mut event = None;
    while k > s_start && k + 6 > np_start {
        if w.breaks_before(k) {
            break;
        }
        k -= 1;
        let word = w.lower[k];
        if matches!(word, "was" | "were" | "is" | "are") && event.is_none() {
            be = true;
            continue;
        }
        if event.is_none() && be && EVENTS.contains_key(word) {
            event = event_at(w, k, starts).map(|e| (e, k));
            continue;
        }
        if word == "among" {
            return (event, event.is_some());
        }
        if event.is_some() && matches!(word, "also" | "the" | "those") {
            continue;
        }
        break;
    }
    (event.filter(|_| be), false)
}

/// Words that are no part of a person's name: titles (skipped at the
/// start), organizations, places and calendar words (which rule the span
/// out).
const NAME_TITLES: &[&str] = &[
    "capt",
    "chief",
    "det",
    "deputy",
    "dr",
    "gov",
    "judge",
    "lt",
    "mr",
    "mrs",
    "ms",
    "officer",
    "president",
    "rep",
    "sen",
    "sgt",
    "sheriff",
    "trooper",
];
/// Function words that open a sentence capitalized, never a name's first
/// word: "In Aceh, ten people died".
const OPENERS: &[&str] = &[
    "after", "as", "at", "before", "by", "during", "for", "from", "in", "near", "on", "since",
    "the", "when", "while", "with",
];

const NOT_NAME: &[&str] = &[
    "agency",
    "april",
    "army",
    "association",
    "august",
    "avenue",
    "board",
    "bridge",
    "bureau",
    "care",
    "center",
    "centre",
    "church",
    "city",
    "clinic",
    "co",
    "college",
    "company",
    "corp",
    "council",
    "county",
    "court",
    "december",
    "department",
    "district",
    "february",
    "force",
    "forces",
    "friday",
    "government",
    "group",
    "health",
    "highway",
    "hospital",
    "inc",
    "international",
    "january",
    "july",
    "june",
    "march",
    "may",
    "medical",
    "ministry",
    "monday",
    "national",
    "news",
    "november",
    "october",
    "office",
    "park",
    "party",
    "police",
    "press",
    "road",
    "saturday",
    "school",
    "september",
    "service",
    "state",
    "states",
    "street",
    "sunday",
    "the",
    "thursday",
    "tuesday",
    "united",
    "university",
    "wednesday",
];

/// Named people with an event: "Zurana Horton was shot and killed", "Duncan
/// Rait died after slipping", "arrested Vishwanand Subryan, 23", "the
/// murder of Zurana Horton", "Wilbert Thibodeaux, 48, of Charenton was
/// taken into custody": one person each (`count.named_person`), for the
/// kinds a person can be counted in (killed, injured, shot, arrested,
/// missing, kidnapped). A name is two to four capitalized words, none an
/// organization, place or calendar word, outside headline-style lines
/// where every word is capitalized.
pub(super) fn named_persons(
    w: &Words,
    (s_start, s_end): (usize, usize),
    sentence: Span,
    starts: &[bool],
    out: &mut Vec<Fact>,
    hints: &mut Vec<Hint>,
    known: &mut Known,
) {
    let cap = |k: usize| {
        let word = w.word(k);
        is_capitalized(word)
            && word.chars().any(char::is_lowercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    let mut i = s_start;
    while i < s_end {
        if !cap(i) || (i > s_start && !w.breaks_before(i) && cap(i - 1)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < s_end && j < i + 5 && cap(j) && w.gap(j) == " " {
            j += 1;
        }
        let seq = i;
        i = j;
        // Titles before the name: "Officer John Smith".
        let mut first = seq;
        while first < j && NAME_TITLES.contains(&w.lower[first]) {
            first += 1;
        }
        // A capitalized word opening the sentence: "In Aceh, ...".
        if first < j && OPENERS.contains(&w.lower[first]) {
            first += 1;
        }
        // No name holds a number: "Four American service members". One
        // word is a name when it is the surname of a person named before
        // ("Wilbert Thibodeaux, 48, ..." then "Thibodeaux also was shot").
        let surname_only = j - first == 1 && known.contains(w.lower[first]);
        if (j - first < 2 && !surname_only)
            || (first..j).any(|k| NOT_NAME.contains(&w.lower[k]) || starts[k])
        {
            continue;
        }
        // Headline-style lines capitalize every word.
        if headline_style(w, s_start, s_end) {
            return;
        }
        let name = span_of(w, first, j - 1);
        let name_text = &w.text[name.start..name.end];
        if super::super::places::is_place_name(name_text)
            || (first..j).any(|k| super::super::places::is_place_name(w.word(k)))
        {
            continue;
        }
        // Names coordinated with this one ("Jason Kimble and Laquintin
        // Carter were injured", "injuring Leanne Smith and Dustin Grey"):
        // one count of them all.
        let (people, j) = coordinated_names(w, j, s_end, starts, &cap);
        i = i.max(j);
        let name = span_of(w, first, j - 1);
        let name_text = &w.text[name.start..name.end];
        // A person counted by a noun just before ("36-year-old Duncan
        // Rait", "the victim, John Smith") is counted there.
        if first > s_start
            && people_class(w.lower[first - 1]) == Some(NounClass::One)
            && !w.breaks_before(first)
        {
            continue;
        }
        if first > s_start && (w.lower[first - 1].ends_with("'s") || w.gap(first).contains('’')) {
            continue;
        }
        // A modifier of a noun ("Fort Riley teen") or a place after a
        // preposition ("shot in Pine Hills", "of Battle Creek").
        if j < s_end
            && !w.breaks_before(j)
            && !w.gap(j).contains(',')
            && people_class(w.lower[j]).is_some()
        {
            continue;
        }
        let before = event_before(w, first, starts);
        if before.is_none()
            && first > s_start
            && matches!(
                w.lower[first - 1],
                "in" | "at" | "from" | "near" | "of" | "on"
            )
        {
            continue;
        }
        // The event: after the name (past an apposition "Eddie Lyons, 78, of
        // Charenton,"), or a verb or nominal before it.
        let mut after = j;
        if after + 1 < s_end
            && w.gap(after).contains(',')
            && w.lower[after].bytes().all(|b| b.is_ascii_digit())
        {
            // ", 48, of Charenton"
            after += 1;
            if after < s_end && w.lower[after] == "of" {
                after += 1;
                while after < s_end && cap(after) && !w.breaks_before(after) {
                    after += 1;
                }
            }
        } else if after < s_end && w.gap(after).contains(',') {
            // An apposition ("John Smith, a teacher, was killed"), but not
            // one naming another person ("a friend of Nathaniel Conley, who
            // was killed").
            let mut k = after;
            while k < s_end && k < after + NAME_APPOSITION_WORDS && !w.breaks_before(k) {
                k += 1;
                if k < s_end && is_capitalized(w.word(k)) {
                    break;
                }
                if k < s_end && w.gap(k).contains(',') {
                    after = k;
                    break;
                }
            }
        }
        // "Among those shot was Chris Rafael": an inverted event, and with
        // "among" a part of the group told before.
        let (inverted, among) = inverted_event(w, first, s_start, starts);
        // A name with an age in apposition is a person's ("Wilbert
        // Thibodeaux, 48,"): their surname alone names them later.
        if after > j && j - first >= 2 {
            known.insert(w.lower[j - 1]);
        }
        let Some((kind, at)) = before
            .or_else(|| event_within(w, after, 5, starts))
            .or(inverted)
        else {
            continue;
        };
        if j - first >= 2 {
            known.insert(w.lower[j - 1]);
        }
        let among = among && before.is_none() && inverted == Some((kind, at));
        let shot_word = matches!(w.lower[at], "shot" | "shoots" | "shooting");
        // "Walter Lane was taken to a local hospital, where he died".
        let kind =
            if matches!(kind, FactKind::Injured | FactKind::Shot) && dies_after(w, j - 1, s_end) {
                FactKind::Killed
            } else {
                kind
            };
        if !(matches!(
            kind,
            FactKind::Killed
                | FactKind::Injured
                | FactKind::Arrested
                | FactKind::Missing
                | FactKind::Kidnapped
        ) || (kind == FactKind::Shot && shot_word))
        {
            continue;
        }
        hints.push(Hint {
            fact: out.len(),
            start: first,
            end: j,
            sentence,
            parent: if among {
                Parent::Previous
            } else {
                Parent::None
            },
            ..Hint::default()
        });
        out.push(Fact {
            kind,
            value: FactValue::Count(Count::new(
                Interval {
                    min: people,
                    max: Some(people),
                },
                name_text,
            )),
            span: span_of(w, first.min(at), (j - 1).max(at)),
            sentence,
            rule: "count.named_person",
        });
    }
}

/// How long an apposition after a name may run before its closing comma:
/// "Mahnefah Gray, sister of the teen killed by police, was arrested".
const NAME_APPOSITION_WORDS: usize = 12;

/// The surnames of the people an article has named so far (a name with an
/// event, or with an age in apposition), so that a surname alone names the
/// person again. At most [`Known::LIMIT`] are kept (the first ones), so a
/// look-up costs the same however long the article.
#[derive(Debug, Default)]
pub(super) struct Known {
    surnames: Vec<String>,
}

impl Known {
    /// How many surnames an article keeps.
    pub const LIMIT: usize = 32;

    fn insert(&mut self, surname: &str) {
        if self.surnames.len() < Self::LIMIT && !self.contains(surname) {
            self.surnames.push(surname.to_string());
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.surnames.iter().any(|s| s == word)
    }
}

/// Nouns that modify a person noun after them: "a police officer", "a
/// border guard".
const COMPOUND_MODIFIERS: &[&str] = &["army", "border", "fire", "police", "security"];

/// Whether the person at token `i` dies later in the sentence, within
/// [`DIES_AFTER_WORDS`] words: "was taken to a local hospital, where he
/// died", "rushed to hospital but later died", "succumbed".
fn dies_after(w: &Words, i: usize, s_end: usize) -> bool {
    (i + 1..s_end.min(i + DIES_AFTER_WORDS)).any(|k| {
        matches!(w.lower[k], "died" | "dies" | "succumbed")
            || (w.lower[k] == "dead" && w.lower[k - 1] == "pronounced")
    })
}

/// How far after a person [`dies_after`] looks for their death.
const DIES_AFTER_WORDS: usize = 14;

/// Names coordinated after a name ending before token `j`: ", 33, and
/// Kendra Hill", "and Dustin Grey", ", Ana Ruiz and Li Wei". Each is two
/// to four capitalized words joined by "and" or a comma (past an age in
/// an apposition, ", 28,"), with no count start among them. Returns how
/// many people the whole coordination names (1 when none follows) and
/// the token after its last name. A comma alone joins only when an "and"
/// closes the list, so an apposition ("John Smith, Mary's son") is no
/// second person.
fn coordinated_names(
    w: &Words,
    j: usize,
    s_end: usize,
    starts: &[bool],
    cap: &dyn Fn(usize) -> bool,
) -> (u64, usize) {
    let name_at = |k: usize| -> Option<usize> {
        let mut e = k;
        while e < s_end && e < k + 4 && cap(e) && !starts[e] && (e == k || w.gap(e) == " ") {
            e += 1;
        }
        let ok = e - k >= 2
            && (k..e).all(|x| !NOT_NAME.contains(&w.lower[x]))
            && !super::super::places::is_place_name(w.word(k));
        ok.then_some(e)
    };
    // Past an age apposition: ", 33,".
    let skip_age = |k: usize| -> usize {
        if k + 1 < s_end
            && w.gap(k).contains(',')
            && w.lower[k].bytes().all(|b| b.is_ascii_digit())
            && w.gap(k + 1).contains(',')
        {
            k + 1
        } else {
            k
        }
    };
    // Names after commas, counted once an "and" closes the list.
    let mut listed = 0;
    let mut end = j;
    loop {
        let k = skip_age(end);
        if k >= s_end || w.breaks_before(k) {
            break;
        }
        if w.lower[k] == "and" {
            if k + 1 < s_end
                && !w.breaks_before(k + 1)
                && let Some(e) = name_at(k + 1)
            {
                return (2 + listed, e);
            }
            break;
        }
        if w.gap(k).contains(',')
            && let Some(e) = name_at(k)
        {
            listed += 1;
            end = e;
            continue;
        }
        break;
    }
    (1, j)
}

/// Whether most words of the sentence's first line are capitalized, as in
/// a headline ("Woman Killed In Queens Hit-And-Run").
fn headline_style(w: &Words, s_start: usize, s_end: usize) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for k in s_start..s_end {
        if k > s_start && w.gap(k).contains('\n') {
            break;
        }
        words += 1;
        caps += usize::from(is_capitalized(w.word(k)));
    }
    words >= 3 && caps * 10 >= words * 7
}
