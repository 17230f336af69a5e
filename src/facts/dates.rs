//! Dates: absolute ("January 3", "17 November", "Jan. 3, 2020",
//! "2020-01-04", "October 2019", "in 2014") and relative ("on Tuesday",
//! "yesterday", "last week", "mid-October"), resolved against the article's
//! `published` date when it is known. No clock is read: the output depends on
//! the text and `published` only.
//!
//! # Values
//!
//! `date` is ISO 8601 at the stated precision: `2020-11-17` (day),
//! `2020-11` (month), `2020` (year); `week` precision gives the Monday of the
//! week. When the year is unknown (no year in the text and no `published`),
//! the ISO year-less forms `--11-17` and `--11` are used.
//!
//! # Resolution rules
//!
//! - A month and day without a year take `published`'s year, or the year
//!   before when that would put the date more than 14 days after
//!   `published` (news reports the past).
//! - A weekday ("on Tuesday") is the most recent such day on or before
//!   `published`, or the next one on or after it when the sentence speaks
//!   of the future before it ("will", "scheduled", "planned", "next",
//!   "due"); without `published` it is not extracted.
//! - "yesterday" = published − 1, "today"/"tonight"/"this morning" =
//!   published, "last night" = published − 1 (day precision); "last week" =
//!   the week before published's (week precision); "last month" / "last
//!   year" = month / year precision.
//! - "mid-October", "early October", "late October" have month precision.
//! - A bare month ("in October") needs a preposition or a year next to it,
//!   so "May" the verb is not a date.

use serde::Serialize;

use super::counts::Words;
use super::{Fact, FactKind, FactValue};
use crate::article::Span;

/// A date value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateValue {
    /// ISO 8601 date at `precision`, or a year-less `--MM-DD` / `--MM`.
    pub date: String,
    /// How precise `date` is.
    pub precision: Precision,
    /// The evidence as written.
    pub text: String,
}

/// Precision of a [`DateValue`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A calendar day.
    Day,
    /// A week (the date is its Monday).
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ymd {
    y: i64,
    m: u32,
    d: u32,
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days_from_civil(Ymd { y, m, d }: Ymd) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    Ymd { y, m, d }
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn valid(y: i64, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Parses the start of `published` as `YYYY-MM-DD`.
pub(crate) fn parse_published(published: Option<&str>) -> Option<Ymd> {
    let p = published?.get(..10)?;
    let (y, rest) = p.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    valid(y, m, d).then_some(Ymd { y, m, d })
}

fn month_of(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether the words of token `i`'s sentence before it speak of the future
/// ("a vigil will be held on Sunday", "talks are scheduled for Monday",
/// "next Tuesday"): a weekday there is the next such day, not the last.
fn speaks_of_future(w: &Words, sentences: &[Span], i: usize) -> bool {
    let at = w.tokens[i].span.start;
    // Sentences are sorted and disjoint: a binary search, not a scan, so a
    // page of many dates costs no more per date.
    let k = sentences.partition_point(|s| s.end <= at);
    let start = sentences
        .get(k)
        .filter(|s| s.start <= at)
        .map_or(0, |s| s.start);
    w.lower[..i]
        .iter()
        .zip(&w.tokens[..i])
        .rev()
        .take_while(|(_, t)| t.span.start >= start)
        .any(|(word, _)| {
            matches!(
                *word,
                "will" | "shall" | "scheduled" | "planned" | "plans" | "upcoming" | "next" | "due"
            )
        })
}

fn weekday_of(word: &str) -> Option<i64> {
    // 0 = Monday.
    Some(match word {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

/// Day of month: "3", "17", "3rd", "17th".
fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(word: &str) -> Option<i64> {
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        let y: i64 = word.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

/// `YYYY-MM-DD` in one token.
fn iso_of(word: &str) -> Option<Ymd> {
    let b = word.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = year_of(&word[..4])?;
    let m: u32 = word[5..7].parse().ok()?;
    let d: u32 = word[8..10].parse().ok()?;
    valid(y, m, d).then_some(Ymd { y, m, d })
}

/// The year for a month/day without one, from `published`.
fn infer_year(m: u32, d: u32, published: Option<Ymd>) -> Option<i64> {
    let p = published?;
    let y = p.y;
    let d = d.min(days_in_month(y, m));
    if days_from_civil(Ymd { y, m, d }) > days_from_civil(p) + 14 {
        Some(y - 1)
    } else {
        Some(y)
    }
}

fn format_day(y: Option<i64>, m: u32, d: u32) -> String {
    match y {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("--{m:02}-{d:02}"),
    }
}

fn format_month(y: Option<i64>, m: u32) -> String {
    match y {
        Some(y) => format!("{y:04}-{m:02}"),
        None => format!("--{m:02}"),
    }
}

/// Prepositions and modifiers that make a bare month a date.
const MONTH_CUES: &[&str] = &[
    "by", "during", "early", "in", "last", "late", "mid", "next", "of", "since", "this", "until",
];

fn push(
    w: &Words,
    out: &mut Vec<Fact>,
    sentences: &[Span],
    (first, last): (usize, usize),
    date: String,
    precision: Precision,
    rule: &'static str,
) {
    let span = Span::new(w.tokens[first].span.start, w.tokens[last].span.end);
    let sentence = super::sentences::containing(sentences, span.start).unwrap_or(span);
    out.push(Fact {
        kind: FactKind::Date,
        value: FactValue::Date(DateValue {
            date,
            precision,
            text: w.text[span.start..span.end].to_string(),
        }),
        span,
        sentence,
        rule,
    });
}

/// Extracts dates from `w`; `sentences` are the text's sentence spans.
pub(crate) fn extract(w: &Words, sentences: &[Span], published: Option<&str>, out: &mut Vec<Fact>) {
    let published = parse_published(published);
    let n = w.tokens.len();
    let mut i = 0;
    while i < n {
        let word = w.lower[i];
        // Fast filter: dates start with a digit, a capital letter or one of
        // the relative words.
        let b0 = w.text.as_bytes()[w.tokens[i].span.start];
        if !(b0.is_ascii_digit()
            || b0.is_ascii_uppercase()
            || matches!(word, "yesterday" | "today" | "tonight" | "last")
            || word.starts_with("mid-")
            || word.starts_with("early-")
            || word.starts_with("late-"))
        {
            i += 1;
            continue;
        }
        // The token k after i, when only spaces, "." or "," come between.
        let next = |k: usize| {
            let j = i + k;
            (j < n
                && (i + 1..=j).all(|t| {
                    let g = w.tokens[t].gap;
                    w.text[g.start..g.end]
                        .chars()
                        .all(|c| c == ' ' || c == '.' || c == ',')
                }))
            .then(|| w.lower[j])
        };
        // 2020-01-04
        if let Some(ymd) = iso_of(word) {
            push(
                w,
                out,
                sentences,
                (i, i),
                format_day(Some(ymd.y), ymd.m, ymd.d),
                Precision::Day,
                "date.iso",
            );
            i += 1;
            continue;
        }
        // mid-October, early-October
        if let Some((pre, rest)) = word.split_once('-')
            && matches!(pre, "mid" | "early" | "late")
            && let Some(m) = month_of(rest)
        {
            let (y, end) = match next(1).and_then(year_of) {
                Some(y) => (Some(y), i + 1),
                None => (published.map(|p| if m > p.m { p.y - 1 } else { p.y }), i),
            };
            push(
                w,
                out,
                sentences,
                (i, end),
                format_month(y, m),
                Precision::Month,
                "date.part_of_month",
            );
            i = end + 1;
            continue;
        }
        if let Some(m) = month_of(word)
            && crate::facts::tokens::is_capitalized(w_word(w, i))
        {
            // Month Day(, Year)
            if let Some(d) = next(1).and_then(day_of) {
                let (y, end, rule) = match next(2).and_then(year_of) {
                    Some(y) => (Some(y), i + 2, "date.month_day_year"),
                    None => (infer_year(m, d, published), i + 1, "date.month_day"),
                };
                if y.is_none_or(|y| valid(y, m, d)) && (y.is_some() || d <= days_in_month(2000, m))
                {
                    push(
                        w,
                        out,
                        sentences,
                        (i, end),
                        format_day(y, m, d),
                        Precision::Day,
                        rule,
                    );
                    i = end + 1;
                    continue;
                }
            }
            // Month Year
            if let Some(y) = next(1).and_then(year_of) {
                push(
                    w,
                    out,
                    sentences,
                    (i, i + 1),
                    format_month(Some(y), m),
                    Precision::Month,
                    "date.month_year",
                );
                i += 2;
                continue;
            }
            // in October, mid October
            let cue = i > 0 && !w.breaks_before(i) && MONTH_CUES.contains(&w.lower[i - 1]);
            if cue && word.len() > 3 {
                let y = published.map(|p| if m > p.m { p.y - 1 } else { p.y });
                push(
                    w,
                    out,
                    sentences,
                    (i, i),
                    format_month(y, m),
                    Precision::Month,
                    "date.month",
                );
                i += 1;
                continue;
            }
        }
        // 17 November (2020)
        if let Some(d) = day_of(word)
            && let Some(m) = next(1).and_then(month_of)
            && crate::facts::tokens::is_capitalized(w_word(w, i + 1))
        {
            let (y, end, rule) = match next(2).and_then(year_of) {
                Some(y) => (Some(y), i + 2, "date.day_month_year"),
                None => (infer_year(m, d, published), i + 1, "date.day_month"),
            };
            if y.map_or(d <= days_in_month(2000, m), |y| valid(y, m, d)) {
                push(
                    w,
                    out,
                    sentences,
                    (i, end),
                    format_day(y, m, d),
                    Precision::Day,
                    rule,
                );
                i = end + 1;
                continue;
            }
        }
        // in 2014
        if let Some(y) = year_of(word)
            && i > 0
            && !w.breaks_before(i)
            && matches!(w.lower[i - 1], "in" | "since" | "during" | "until")
        {
            push(
                w,
                out,
                sentences,
                (i - 1, i),
                format!("{y:04}"),
                Precision::Year,
                "date.year",
            );
            i += 1;
            continue;
        }
        // Relative to published.
        if let Some(p) = published {
            let today = days_from_civil(p);
            if let Some(wd) = weekday_of(word)
                && crate::facts::tokens::is_capitalized(w_word(w, i))
            {
                let pub_wd = (today + 3).rem_euclid(7); // 1970-01-01 was a Thursday
                let day = if speaks_of_future(w, sentences, i) {
                    today + (wd - pub_wd).rem_euclid(7)
                } else {
                    today - (pub_wd - wd).rem_euclid(7)
                };
                let Ymd { y, m, d } = civil_from_days(day);
                push(
                    w,
                    out,
                    sentences,
                    (i, i),
                    format_day(Some(y), m, d),
                    Precision::Day,
                    "date.weekday",
                );
                i += 1;
                continue;
            }
            let rel = match (word, next(1)) {
                ("yesterday", _) => Some((1, 0, 1, Precision::Day)),
                ("today" | "tonight", _) => Some((0, 0, 1, Precision::Day)),
                ("last", Some("night")) => Some((1, 1, 2, Precision::Day)),
                ("last", Some("week")) => Some((7, 1, 2, Precision::Week)),
                ("last", Some("month")) => Some((0, 1, 2, Precision::Month)),
                ("last", Some("year")) => Some((0, 1, 2, Precision::Year)),
                _ => None,
            };
            if let Some((back, extra, used, precision)) = rel {
                let end = i + used - 1;
                let _ = extra;
                let date = match precision {
                    Precision::Day => {
                        let Ymd { y, m, d } = civil_from_days(today - back);
                        format_day(Some(y), m, d)
                    }
                    Precision::Week => {
                        let monday = today - (today + 3).rem_euclid(7) - 7;
                        let Ymd { y, m, d } = civil_from_days(monday);
                        format_day(Some(y), m, d)
                    }
                    Precision::Month => {
                        let (y, m) = if p.m == 1 {
                            (p.y - 1, 12)
                        } else {
                            (p.y, p.m - 1)
                        };
                        format_month(Some(y), m)
                    }
                    Precision::Year => format!("{:04}", p.y - 1),
                };
                push(
                    w,
                    out,
                    sentences,
                    (i, end),
                    date,
                    precision,
                    "date.relative",
                );
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
}

fn w_word<'t>(w: &Words<'t>, i: usize) -> &'t str {
    let s = w.tokens[i].span;
    &w.text[s.start..s.end]
}

#[cfg(test)]
mod tests {
    use super::super::extract as extract_all;
    use super::*;

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, Precision, String)> {
        extract_all(text, published)
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Date(d) => Some((d.date, d.precision, d.text)),
                _ => None,
            })
            .collect()
    }

    macro_rules! date_tests {
        ($($name:ident: ($text:expr, $published:expr) => [$(($date:expr, $prec:ident, $ev:expr)),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let expected: Vec<(String, Precision, String)> =
                    vec![$(($date.to_string(), Precision::$prec, $ev.to_string())),*];
                assert_eq!(dates($text, $published), expected, "{:?}", $text);
            }
        )*};
    }

    date_tests! {
        month_day: ("It happened on January 3.", Some("2020-01-04")) => [("2020-01-03", Day, "January 3")],
        month_day_previous_year: ("It began December 28.", Some("2020-01-04")) => [("2019-12-28", Day, "December 28")],
        month_day_no_published: ("It happened on January 3.", None) => [("--01-03", Day, "January 3")],
        abbreviated_with_year: ("It happened Jan. 3, 2020, in Iraq.", None) => [("2020-01-03", Day, "Jan. 3, 2020")],
        day_month: ("Attacks on 17 November killed a woman.", Some("2020-12-01")) => [("2020-11-17", Day, "17 November")],
        iso: ("date 2020-01-04 The coalition", None) => [("2020-01-04", Day, "2020-01-04")],
        mid_month: ("A truce in mid-October held.", Some("2020-12-01")) => [("2020-10", Month, "mid-October")],
        mid_month_no_published: ("A truce in mid-October held.", None) => [("--10", Month, "mid-October")],
        month_year: ("the January 2020 Travel Advisory", None) => [("2020-01", Month, "January 2020")],
        bare_month_cue: ("He threatened in October to leave.", None) => [("--10", Month, "October")],
        weekday: ("He was shot on Tuesday.", Some("2020-11-19")) => [("2020-11-17", Day, "Tuesday")],
        weekday_same_day: ("He was shot Thursday.", Some("2020-11-19")) => [("2020-11-19", Day, "Thursday")],
        weekday_future: ("A vigil will be held on Sunday.", Some("2020-11-21")) => [("2020-11-22", Day, "Sunday")],
        weekday_scheduled: ("Talks are scheduled for Monday.", Some("2020-11-19")) => [("2020-11-23", Day, "Monday")],
        weekday_past_after_future_sentence: ("He will appear in court. He was arrested on Sunday.", Some("2020-11-21")) => [("2020-11-15", Day, "Sunday")],
        yesterday: ("He died yesterday.", Some("2020-03-01")) => [("2020-02-29", Day, "yesterday")],
        last_week: ("It closed last week.", Some("2020-11-19")) => [("2020-11-09", Week, "last week")],
        in_year: ("Crime fell in 2014.", None) => [("2014", Year, "in 2014")],
        ordinal_day: ("On March 3rd police came.", Some("2015-03-10")) => [("2015-03-03", Day, "March 3rd")],
    }

    date_tests! {
        no_may_verb: ("Police may release more.", Some("2020-03-01")) => [],
        no_weekday_without_published: ("He was shot on Tuesday.", None) => [],
        no_invalid_day: ("On February 31 nothing.", Some("2020-03-01")) => [],
        no_count_as_date: ("3,000 soldiers", None) => [],
    }

    #[test]
    fn civil_days_round_trip() {
        for z in [-800_000, -1, 0, 1, 18_000, 20_000, 2_000_000] {
            assert_eq!(days_from_civil(civil_from_days(z)), z);
        }
        assert_eq!(
            days_from_civil(Ymd {
                y: 1970,
                m: 1,
                d: 1
            }),
            0
        );
    }
}
