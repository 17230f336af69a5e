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
pub(super) fn implicit_singulars(
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
                aggregate: false,
            }),
            span,
            sentence,
            rule,
        });
    }
}
