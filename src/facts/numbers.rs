//! Numbers in news copy as intervals of whole numbers.
//!
//! [`parse_at`] reads a number expression starting at a token: digits
//! ("12", "3,000", "1.5 million"), number words ("three thousand two
//! hundred", "twenty-five", "a dozen"), hedged numbers, ranges and vague
//! quantities, and returns an [`Interval`] with the tokens it used.
//!
//! # Interval rules
//!
//! | Text | Interval | Rule id |
//! |---|---|---|
//! | "12", "twelve", "a dozen", "half a million" | `[12, 12]` | `exact` |
//! | "about / around / approximately / roughly / some / an estimated 2,500" | `[2500, 2500]`: the stated figure is kept, as ACLED codes it; the hedge stays visible in the evidence span | `about` |
//! | "at least / no fewer than / no less than / a minimum of 12", "12 or more" | `[12, ∞)` | `at_least` |
//! | "more than / over / upwards of / in excess of 300" | `[300, ∞)` | `more_than` |
//! | "as many as / up to 40" | `[36, 40]`: ⌈0.9·N⌉ to N, read like "nearly" (the figure is the news: a high one) | `up_to` |
//! | "at most / no more than 40" | `[1, 40]`: a true upper bound; some, not none | `at_most` |
//! | "fewer than / less than 10" | `[1, 9]` | `fewer_than` |
//! | "nearly / almost / close to / just under 50" | `[45, 50]`: from N − ⌊N/10⌋ to N | `nearly` |
//! | "between 20 and 30", "20 to 30", "20-30", "two or three" | `[20, 30]` (only when the first is smaller) | `range` |
//! | vague quantities | the table below | `vague` |
//!
//! Vague quantities, ONE table ([`VAGUE`]), read the way the newsfacts
//! annotators (readers) read them: the smallest amount the word can mean
//! ("dozens" is at least two dozen) up to where the next word would be used
//! ("hundreds" from 100):
//!
//! | Text | Interval |
//! |---|---|
//! | "a couple (of)" | `[2, 2]` |
//! | "a few", "a handful (of)" | `[2, 5]` |
//! | "several" | `[3, 9]` |
//! | "tens of" | `[20, 99]` |
//! | "dozens (of)" | `[24, 99]` |
//! | "scores (of)" | `[40, 199]` |
//! | "hundreds (of)" | `[200, 999]` |
//! | "thousands (of)" | `[2000, 9999]` |
//! | "tens of thousands" | `[20000, 99999]` |
//! | "hundreds of thousands" | `[200000, 999999]` |
//! | "millions" | `[2000000, ∞)` |
//!
//! ACLED codes the conservative end of such words (tens = 10, dozens = 12,
//! hundreds = 100) when it must pick one number; an interval keeps what the
//! text allows, and a consumer wanting ACLED's figure takes `min` of the
//! scaled word ("dozens" → 24 here; ACLED's 12 is one dozen, which the
//! plural excludes).
//!
//! A bounded vague word before a scale multiplies both bounds: "several
//! hundred" is `[300, 900]`, "a few dozen" `[24, 60]`, "a few thousand"
//! `[2000, 5000]`.
//!
//! # When two figures conflict
//!
//! Two reports of one fact conflict exactly when their intervals are
//! disjoint (the comparison tests overlap, nothing else). The table above is
//! built so that this is what a reader would say:
//!
//! - a hedge that only softens the figure keeps it: "some 500", "about
//!   500", "an estimated 500" are `[500, 500]`;
//! - "more than N" and "at least N" start at N, not N + 1: "more than 500"
//!   and "some 500" do not conflict (one reporter rounded, the other did
//!   not), and neither do "over 200" and "249";
//! - "nearly N" and "as many as N" end at N and reach down a tenth: "nearly
//!   3,000" (`[2700, 3000]`) and "about 2,500" conflict, "nearly 500" and
//!   "about 500" do not;
//! - vague words span what a reader accepts: "dozens" and 30 agree,
//!   "dozens" and 12 or 500 do not; "hundreds" and 150 do not;
//! - exact figures conflict when they differ ("12" and "15"; "about 2,500"
//!   and "2,600" too: a reader sees two figures).
//!
//! # Tokenised numbers
//!
//! [`parse_at_joined`] also reads thousands groups split by a comma and a
//! space, as tokenised corpora write them ("230, 000" = 230,000), when the
//! caller marks which tokens continue a number (see
//! `counts::thousands_joins`); "6. 1" is never a number (the period breaks
//! the sentence).

use super::Interval;

/// A parsed number expression: its interval, the token range it spans and
/// the rule that read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// The value as an interval.
    pub value: Interval,
    /// First token of the expression (including any hedge).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Token index of the number proper (after the hedge).
    pub number: usize,
    /// Rule id suffix: `exact`, `about`, `at_least`, `vague`, ...
    pub rule: &'static str,
}

/// Vague quantities: words, then the interval's bounds
/// (`u64::MAX` = open-ended). Longest entries are tried first.
pub const VAGUE: &[(&[&str], u64, u64)] = &[
    (&["hundreds", "of", "thousands"], 200_000, 999_999),
    (&["tens", "of", "thousands"], 20_000, 99_999),
    (&["a", "couple", "of"], 2, 2),
    (&["a", "handful", "of"], 2, 5),
    (&["a", "couple"], 2, 2),
    (&["a", "handful"], 2, 5),
    (&["a", "few"], 2, 5),
    (&["tens", "of"], 20, 99),
    (&["scores", "of"], 40, 199),
    (&["scores"], 40, 199),
    (&["several"], 3, 9),
    (&["dozens"], 24, 99),
    (&["hundreds"], 200, 999),
    (&["thousands"], 2000, 9999),
    (&["millions"], 2_000_000, u64::MAX),
];

/// Hedges before a number: words, then the rule id.
const HEDGES: &[(&[&str], &str)] = &[
    (&["at", "least"], "at_least"),
    (&["no", "fewer", "than"], "at_least"),
    (&["no", "less", "than"], "at_least"),
    (&["a", "minimum", "of"], "at_least"),
    (&["more", "than"], "more_than"),
    (&["over"], "more_than"),
    (&["upwards", "of"], "more_than"),
    (&["in", "excess", "of"], "more_than"),
    (&["up", "to"], "up_to"),
    (&["as", "many", "as"], "up_to"),
    (&["at", "most"], "at_most"),
    (&["no", "more", "than"], "at_most"),
    (&["fewer", "than"], "fewer_than"),
    (&["less", "than"], "fewer_than"),
    (&["about"], "about"),
    (&["around"], "about"),
    (&["approximately"], "about"),
    (&["roughly"], "about"),
    (&["some"], "about"),
    (&["an", "estimated"], "about"),
    (&["estimated"], "about"),
    (&["nearly"], "nearly"),
    (&["almost"], "nearly"),
    (&["close", "to"], "nearly"),
    (&["just", "under"], "nearly"),
];

fn unit_value(w: &str) -> Option<u64> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale_value(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1000,
        "million" => 1_000_000,
        "dozen" => 12,
        _ => return None,
    })
}

/// A number word, possibly hyphenated ("twenty-five").
fn word_value(w: &str) -> Option<u64> {
    // Every number word opens with one of these letters and none is longer
    // than "seventy-seven": most words are ruled out before any comparison.
    if w.len() > 13
        || !matches!(
            w.as_bytes().first(),
            Some(b'e' | b'f' | b'n' | b'o' | b's' | b't')
        )
    {
        return None;
    }
    if let Some(v) = unit_value(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let (a, b) = (unit_value(a)?, unit_value(b)?);
    (a >= 20 && a % 10 == 0 && b < 10).then_some(a + b)
}

/// Digits with optional thousands separators or one decimal point, as a
/// value scaled by 1000 (so "1.5" = 1500). `None` for anything else.
fn digits_milli(w: &str) -> Option<u64> {
    if w.is_empty() || !w.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let (int, frac) = match w.split_once('.') {
        Some((i, f)) if !f.is_empty() && f.len() <= 3 && f.bytes().all(|b| b.is_ascii_digit()) => {
            (i, f)
        }
        Some(_) => return None,
        None => (w, ""),
    };
    let mut value: u64 = 0;
    let groups: Vec<&str> = int.split(',').collect();
    for (k, g) in groups.iter().enumerate() {
        let ok_len = if k == 0 {
            !g.is_empty() && (groups.len() == 1 || g.len() <= 3)
        } else {
            g.len() == 3
        };
        if !ok_len || !g.bytes().all(|b| b.is_ascii_digit()) || g.len() > 12 {
            return None;
        }
        for b in g.bytes() {
            value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
    }
    let mut milli = value.checked_mul(1000)?;
    let mut place = 100;
    for b in frac.bytes() {
        milli += u64::from(b - b'0') * place;
        place /= 10;
    }
    Some(milli)
}

/// Whether the tokens from `i` spell `phrase` (space-separated words).
fn phrase_at(words: &[&str], i: usize, phrase: &[&str]) -> Option<usize> {
    let end = i.checked_add(phrase.len())?;
    (words.get(i..end)? == phrase).then_some(end)
}

/// Whether a number expression can start with `w` (a fast filter).
fn can_start(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || word_value(w).is_some()
        || matches!(
            w,
            "a" | "about"
                | "almost"
                | "an"
                | "approximately"
                | "around"
                | "as"
                | "at"
                | "between"
                | "close"
                | "dozens"
                | "estimated"
                | "fewer"
                | "half"
                | "hundreds"
                | "in"
                | "just"
                | "less"
                | "millions"
                | "more"
                | "nearly"
                | "no"
                | "over"
                | "roughly"
                | "scores"
                | "several"
                | "some"
                | "tens"
                | "thousands"
                | "up"
                | "upwards"
        )
}

/// A bare number (no hedge) at token `i`: value and end token. `joins[k]`
/// marks token `k` as a thousands group continuing token `k - 1` ("230,
/// 000"); an empty slice joins nothing.
fn bare_at(words: &[&str], joins: &[bool], i: usize) -> Option<(u64, usize)> {
    let w = *words.get(i)?;
    if let Some(mut milli) = digits_milli(w) {
        let mut j = i + 1;
        while joins.get(j) == Some(&true)
            && milli % 1000 == 0
            && let Some(group) = words.get(j).and_then(|g| digits_milli(g))
        {
            milli = milli.checked_mul(1000)?.checked_add(group)?;
            j += 1;
        }
        let mut value = milli;
        if let Some(s) = words.get(j).and_then(|w| scale_value(w))
            && s >= 1000
        {
            value = milli.checked_mul(s)?;
            j += 1;
        }
        if value % 1000 != 0 {
            return None; // "1.5 people"
        }
        return Some((value / 1000, j));
    }
    // "half a million", "half a dozen"
    if w == "half"
        && words.get(i + 1) == Some(&"a")
        && let Some(s) = words.get(i + 2).and_then(|w| scale_value(w))
    {
        return Some((s / 2, i + 3));
    }
    // Number words: "a hundred", "a dozen", "three thousand two hundred".
    let mut j = i;
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut any = false;
    if w == "a" {
        let s = scale_value(words.get(i + 1)?)?;
        current = 1;
        let _ = s;
        j = i + 1;
    }
    while let Some(&w) = words.get(j) {
        if let Some(v) = word_value(w) {
            if !current.is_multiple_of(100) && (v >= 10 || !current.is_multiple_of(10)) {
                break; // "twenty thirty", "one two" are not one number
            }
            current += v;
            any = true;
        } else if let Some(s) = scale_value(w) {
            if current == 0 && !(w == "dozen" && any) {
                if !any && j != i + 1 {
                    break;
                }
                current = current.max(1);
            }
            if s >= 1000 {
                total = total.checked_add(current.checked_mul(s)?)?;
                current = 0;
            } else {
                current = current.checked_mul(s)?;
            }
            any = true;
        } else if w == "and"
            && any
            && words.get(j + 1).is_some_and(|n| word_value(n).is_some())
            && (total > 0 || current >= 100)
        {
            // "three hundred and twenty"
        } else {
            break;
        }
        j += 1;
    }
    if !any {
        return None;
    }
    Some((total + current, j))
}

/// Reads a number expression starting at token `i`, if there is one.
pub fn parse_at(words: &[&str], i: usize) -> Option<Quantity> {
    parse_at_joined(words, &[], i)
}

/// [`parse_at`], reading thousands groups split by tokenisation: `joins[k]`
/// marks token `k` as a group of three digits continuing token `k - 1`
/// ("230, 000").
pub fn parse_at_joined(words: &[&str], joins: &[bool], i: usize) -> Option<Quantity> {
    if !can_start(words.get(i)?) {
        return None;
    }
    // Vague quantities, with an optional multiplying scale.
    for &(phrase, lo, hi) in VAGUE {
        if let Some(mut j) = phrase_at(words, i, phrase) {
            let (mut lo, mut hi) = (lo, hi);
            if hi != u64::MAX
                && let Some(s) = words.get(j).and_then(|w| scale_value(w))
            {
                lo *= s;
                hi *= s;
                j += 1;
                if words.get(j) == Some(&"of") && s != 12 {
                    // "several hundred of" is unusual; leave "of" alone.
                }
            }
            return Some(Quantity {
                value: interval(lo, hi),
                start: i,
                end: j,
                number: i,
                rule: "vague",
            });
        }
    }
    // "between X and Y"
    if words.get(i) == Some(&"between")
        && let Some((a, j)) = bare_at(words, joins, i + 1)
        && words.get(j) == Some(&"and")
        && let Some((b, k)) = bare_at(words, joins, j + 1)
        && a < b
    {
        return Some(Quantity {
            value: interval(a, b),
            start: i,
            end: k,
            number: i + 1,
            rule: "range",
        });
    }
    // Hedges.
    for &(phrase, rule) in HEDGES {
        if let Some(j) = phrase_at(words, i, phrase)
            && let Some(q) = plain_at(words, joins, j)
            && q.rule == "exact"
        {
            let n = q.value.min;
            let value = match rule {
                "at_least" | "more_than" => interval(n, u64::MAX),
                "at_most" => interval(n.min(1), n),
                "fewer_than" => interval(1.min(n.saturating_sub(1)), n.saturating_sub(1)),
                "nearly" | "up_to" => interval(n - n / 10, n),
                _ => q.value,
            };
            return Some(Quantity {
                value,
                start: i,
                end: q.end,
                number: j,
                rule,
            });
        }
    }
    plain_at(words, joins, i)
}

/// A number with an optional "or more" or a range, but no leading hedge.
fn plain_at(words: &[&str], joins: &[bool], i: usize) -> Option<Quantity> {
    let w = *words.get(i)?;
    // "20-30"
    if let Some((a, b)) = w.split_once('-')
        && let (Some(a), Some(b)) = (digits_milli(a), digits_milli(b))
        && a % 1000 == 0
        && b % 1000 == 0
        && a < b
    {
        return Some(Quantity {
            value: interval(a / 1000, b / 1000),
            start: i,
            end: i + 1,
            number: i,
            rule: "range",
        });
    }
    let (a, j) = bare_at(words, joins, i)?;
    // "rose from 30 to 40" is a change, two figures, not a range.
    let from = i > 0 && words[i - 1] == "from";
    if (words.get(j) == Some(&"or") || (words.get(j) == Some(&"to") && !from))
        && let Some((b, k)) = bare_at(words, joins, j + 1)
        && a < b
        && b <= a.saturating_mul(10).max(10)
    {
        return Some(Quantity {
            value: interval(a, b),
            start: i,
            end: k,
            number: i,
            rule: "range",
        });
    }
    if let Some(k) = phrase_at(words, j, &["or", "more"]) {
        return Some(Quantity {
            value: interval(a, u64::MAX),
            start: i,
            end: k,
            number: i,
            rule: "at_least",
        });
    }
    Some(Quantity {
        value: interval(a, a),
        start: i,
        end: j,
        number: i,
        rule: "exact",
    })
}

/// `[lo, hi]`, with `u64::MAX` meaning open-ended.
pub fn interval(lo: u64, hi: u64) -> Interval {
    Interval {
        min: lo,
        max: (hi != u64::MAX).then_some(hi),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(u64, Option<u64>, &'static str, usize)> {
        let lower = text.to_ascii_lowercase();
        let words: Vec<&str> = lower.split(' ').collect();
        parse_at(&words, 0).map(|q| (q.value.min, q.value.max, q.rule, q.end))
    }

    /// Named, table-driven cases: text, then (min, max, rule, tokens used).
    macro_rules! number_tests {
        ($($name:ident: $text:expr => $expect:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(parse($text), $expect, "{:?}", $text);
            }
        )*};
    }

    const INF: Option<u64> = None;

    /// "rose from 30 to 40": the 30 alone, a change and not a range.
    #[test]
    fn from_to_is_a_change() {
        let words = ["rose", "from", "30", "to", "40"];
        let q = parse_at_joined(&words, &[false; 5], 2).unwrap();
        assert_eq!((q.value.min, q.value.max, q.end), (30, Some(30), 3));
    }

    /// Tokenised thousands: "230, 000" with the second token marked as a
    /// continuation; without the mark it is 230.
    #[test]
    fn joined_thousands() {
        let words = ["killed", "230", "000", "people"];
        let q = parse_at_joined(&words, &[false, false, true, false], 1).unwrap();
        assert_eq!(
            (q.value.min, q.value.max, q.end),
            (230_000, Some(230_000), 3)
        );
        let q = parse_at(&words, 1).unwrap();
        assert_eq!((q.value.min, q.end), (230, 2));
        let words = ["more", "than", "22", "000", "refugees"];
        let q = parse_at_joined(&words, &[false, false, false, true, false], 0).unwrap();
        assert_eq!((q.value.min, q.value.max, q.end), (22_000, None, 4));
        let words = ["1", "200", "000"];
        let q = parse_at_joined(&words, &[false, true, true], 0).unwrap();
        assert_eq!(q.value.min, 1_200_000);
    }

    number_tests! {
        digits: "12 people" => Some((12, Some(12), "exact", 1)),
        separators: "3,000 soldiers" => Some((3000, Some(3000), "exact", 1)),
        decimal_million: "1.5 million people" => Some((1_500_000, Some(1_500_000), "exact", 2)),
        word: "twelve people" => Some((12, Some(12), "exact", 1)),
        hyphen_word: "twenty-five people" => Some((25, Some(25), "exact", 1)),
        compound_words: "three thousand two hundred people" => Some((3200, Some(3200), "exact", 4)),
        hundred_and: "three hundred and twenty people" => Some((320, Some(320), "exact", 4)),
        a_dozen: "a dozen people" => Some((12, Some(12), "exact", 2)),
        two_dozen: "two dozen people" => Some((24, Some(24), "exact", 2)),
        a_hundred: "a hundred people" => Some((100, Some(100), "exact", 2)),
        at_least: "at least 12 people" => Some((12, INF, "at_least", 3)),
        or_more: "12 or more people" => Some((12, INF, "at_least", 3)),
        more_than: "more than 300 people" => Some((300, INF, "more_than", 3)),
        over: "over 300 people" => Some((300, INF, "more_than", 2)),
        up_to: "up to 40 people" => Some((36, Some(40), "up_to", 3)),
        as_many_as: "as many as 30 people" => Some((27, Some(30), "up_to", 4)),
        at_most: "at most 40 people" => Some((1, Some(40), "at_most", 3)),
        no_more_than: "no more than 40 people" => Some((1, Some(40), "at_most", 4)),
        fewer_than: "fewer than 10 people" => Some((1, Some(9), "fewer_than", 3)),
        about: "about 2,500 people" => Some((2500, Some(2500), "about", 2)),
        an_estimated: "an estimated 2,500 people" => Some((2500, Some(2500), "about", 3)),
        nearly: "nearly 50 people" => Some((45, Some(50), "nearly", 2)),
        almost_thousands: "almost 3,000 people" => Some((2700, Some(3000), "nearly", 2)),
        some_words: "some twelve thousand people" => Some((12_000, Some(12_000), "about", 3)),
        half_a_million: "half a million people" => Some((500_000, Some(500_000), "exact", 3)),
        half_a_dozen: "half a dozen people" => Some((6, Some(6), "exact", 3)),
        three_dozen: "three dozen people" => Some((36, Some(36), "exact", 2)),
        between_words: "between thirty and forty people" => Some((30, Some(40), "range", 4)),
        between: "between 20 and 30 people" => Some((20, Some(30), "range", 4)),
        to_range: "20 to 30 people" => Some((20, Some(30), "range", 3)),
        hyphen_range: "20-30 people" => Some((20, Some(30), "range", 1)),
        or_range: "two or three people" => Some((2, Some(3), "range", 3)),
        dozens: "dozens of people" => Some((24, Some(99), "vague", 1)),
        hundreds: "hundreds of people" => Some((200, Some(999), "vague", 1)),
        thousands: "thousands of people" => Some((2000, Some(9999), "vague", 1)),
        scores: "scores of people" => Some((40, Some(199), "vague", 2)),
        scores_bare: "scores were hurt" => Some((40, Some(199), "vague", 1)),
        tens_of_thousands: "tens of thousands of people" => Some((20_000, Some(99_999), "vague", 3)),
        hundreds_of_thousands: "hundreds of thousands of people" => Some((200_000, Some(999_999), "vague", 3)),
        several_hundred: "several hundred present" => Some((300, Some(900), "vague", 2)),
        a_few_dozen: "a few dozen people" => Some((24, Some(60), "vague", 3)),
        handful: "a handful of people" => Some((2, Some(5), "vague", 3)),
        several: "several people" => Some((3, Some(9), "vague", 1)),
        not_a_word: "people" => None,
        not_an_article: "a man" => None,
        not_a_decimal_count: "1.5 people" => None,
        not_a_hyphen_word: "33-year-old" => None,
        bad_separator: "3,00 people" => None,
        huge_digits_do_not_overflow: "99999999999999999999999 people" => None,
    }
}
