//! How counts align: the counted class ("soldiers" ~ "troops"), interval
//! agreement, publication times, updates, the consensus value, and counts
//! about earlier events left out as background.

use super::*;

/// The class a counted noun phrase belongs to, for alignment: the head noun
/// (last word) mapped through a small table of synonyms, an age to
/// `children` (under 18) or `people`; unknown heads stand for themselves
/// (singular, lower case).
pub fn counted_class(counted: &str) -> String {
    let lower = counted.to_lowercase();
    let head = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let singular = head
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .unwrap_or_else(|| {
            if let Some(stem) = head.strip_suffix("men") {
                format!("{stem}man")
            } else if let Some(stem) = head
                .strip_suffix('s')
                .filter(|s| s.len() > 2 && !s.ends_with('s'))
            {
                stem.to_string()
            } else {
                head.to_string()
            }
        });
    // "service members" is one noun: a member of the armed services.
    let singular = if singular == "member" && lower.contains("service member") {
        "servicemember".to_string()
    } else {
        singular
    };
    // An age stands for a child or an adult: "a 17-year-old" ~ "a teen",
    // "a 22-year-old" ~ "a man".
    if let Some(age) = singular
        .strip_suffix("-year-old")
        .or_else(|| singular.strip_suffix("-month-old").map(|_| "0"))
        .and_then(age_in_years)
    {
        return if age < 18 { "children" } else { "people" }.to_string();
    }
    let class = match singular.as_str() {
        "soldier" | "troop" | "force" | "serviceman" | "servicemember" | "marine" | "personnel"
            if !lower.contains("diplomat") && !lower.contains("staff") && is_military(&lower) =>
        {
            "troops"
        }
        "soldier" | "troop" | "force" | "serviceman" | "servicemember" | "marine" => "troops",
        "diplomat" | "staff" | "personnel" | "employee" | "staffer" | "worker" => "personnel",
        "policeman" | "officer" | "police" | "policewoman" | "deputy" | "trooper" | "cop" => {
            "police"
        }
        "child" | "kid" | "boy" | "girl" | "toddler" | "baby" | "infant" | "teen" | "teenager"
        | "juvenile" | "minor" => "children",
        "gunman" | "suspect" | "attacker" | "shooter" | "militant" | "assailant" => "suspects",
        "" | "people" | "person" | "civilian" | "man" | "woman" | "resident" | "victim"
        | "individual" | "other" | "adult" | "bystander" | "passerby" | "one" | "dead"
        | "death" | "fatality" | "male" | "female" => "people",
        other => return other.to_string(),
    };
    class.to_string()
}

/// An age in years written in digits or words up to twenty ("17",
/// "two").
fn age_in_years(text: &str) -> Option<u32> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    text.parse().ok().or_else(|| {
        WORDS
            .iter()
            .position(|w| *w == text)
            .and_then(|i| u32::try_from(i).ok())
    })
}

pub(super) fn is_military(lower: &str) -> bool {
    ["troop", "soldier", "military", "forces", "army", "marine"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether two reported values agree: their intervals overlap.
pub fn agree(a: Interval, b: Interval) -> bool {
    overlaps(a, b)
}

pub(super) fn overlaps(a: Interval, b: Interval) -> bool {
    a.min <= b.max.unwrap_or(u64::MAX) && b.min <= a.max.unwrap_or(u64::MAX)
}

pub(super) fn intersect(a: Interval, b: Interval) -> Option<Interval> {
    let min = a.min.max(b.min);
    let max = match (a.max, b.max) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    };
    (max.is_none_or(|m| m >= min)).then_some(Interval { min, max })
}

/// Minimum time between two reports for a rise in their values to count
/// as an update rather than a conflict.
pub const UPDATE_GAP_MINUTES: i64 = 60;

/// Sentences at the head of an article that make its lead: a count there is
/// the report's own toll, preferred over counts further down (partial counts,
/// earlier events, teasers). The same lead as `examples/eval_counts.rs`.
pub const LEAD_SENTENCES: usize = 5;

/// Days before publication after which a dated sentence is background.
pub const BACKGROUND_DAYS: i64 = 30;

/// The span of time a `published` value stands for, in minutes since
/// 1970-01-01 UTC, `[start, end]`: one minute for a time, the whole day for
/// a date. Offsets (`Z`, `+01:00`, `-0500`) are applied; a time without
/// one is taken as UTC. `None` when the value is not ISO 8601.
pub fn published_minutes(published: Option<&str>) -> Option<(i64, i64)> {
    let p = published?.trim();
    let day = crate::stories::parse_day(p)? * 24 * 60;
    let rest = p.get(10..).unwrap_or("");
    let Some(time) = rest.strip_prefix(['T', ' ']) else {
        return Some((day, day + 24 * 60 - 1));
    };
    let digits = |s: &str| -> Option<i64> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let minute_of_day = || -> Option<i64> {
        let (hour, minute) = (digits(time.get(0..2)?)?, digits(time.get(3..5)?)?);
        if hour > 23 || minute > 59 || time.as_bytes().get(2) != Some(&b':') {
            return None;
        }
        let zone = time.find(['Z', 'z', '+', '-']).map_or("", |at| &time[at..]);
        let offset = match zone.as_bytes().first() {
            Some(&sign @ (b'+' | b'-')) => {
                let z = zone[1..].replace(':', "");
                let minutes = digits(z.get(0..2)?)? * 60 + digits(z.get(2..4).unwrap_or("00"))?;
                if sign == b'+' { minutes } else { -minutes }
            }
            _ => 0,
        };
        Some(hour * 60 + minute - offset)
    };
    match minute_of_day() {
        Some(m) => Some((day + m, day + m)),
        None => Some((day, day + 24 * 60 - 1)),
    }
}

/// A sort key for `published` values: by time in UTC (a date by its
/// start), unknown or unreadable values last, then as written.
pub(super) fn publication_order(published: Option<&str>) -> (bool, i64, String) {
    match published_minutes(published) {
        Some((start, _)) => (false, start, published.unwrap_or("").to_string()),
        None => (true, 0, published.unwrap_or("").to_string()),
    }
}

/// Whether the report published in `late` came at least
/// [`UPDATE_GAP_MINUTES`] after the one in `early` (when both have a time),
/// or on a later day (when either has only a date).
pub(super) fn later_by_gap(early: Option<(i64, i64)>, late: Option<(i64, i64)>) -> bool {
    match (early, late) {
        (Some((early_start, early_end)), Some((late_start, late_end))) => {
            let both_timed = early_start == early_end && late_start == late_end;
            let gap = if both_timed { UPDATE_GAP_MINUTES } else { 1 };
            late_start >= early_end + gap
        }
        _ => false,
    }
}

/// An update: some report raises the lower bound of a report published
/// sufficiently earlier, and every pair of disjoint values is a later,
/// higher value.
pub(super) fn is_update(values: &[(Option<(i64, i64)>, Interval)]) -> bool {
    let rises = |early: &(Option<(i64, i64)>, Interval), late: &(Option<(i64, i64)>, Interval)| {
        later_by_gap(early.0, late.0) && late.1.min > early.1.min
    };
    let mut any_rise = false;
    for (i, a) in values.iter().enumerate() {
        for b in &values[i + 1..] {
            let rise = rises(a, b) || rises(b, a);
            any_rise |= rise;
            if !overlaps(a.1, b.1) {
                let (early, late) = if rises(a, b) { (a, b) } else { (b, a) };
                if !(rise && late.1.min > early.1.max.unwrap_or(u64::MAX)) {
                    return false;
                }
            }
        }
    }
    any_rise
}

/// The consensus value of a count and the rule that chose it (see the
/// module docs).
pub(super) fn consensus_of(values: &[(Option<(i64, i64)>, Interval)], update: bool) -> Consensus {
    if update {
        let latest = values
            .iter()
            .filter_map(|v| v.0.map(|p| (p.0, v.1.min, v.1)))
            .max_by_key(|&(at, min, _)| (at, min))
            .map(|(_, _, value)| value);
        if let Some(latest) = latest {
            let value = values
                .iter()
                .filter(|v| overlaps(v.1, latest))
                .try_fold(latest, |acc, v| intersect(acc, v.1))
                .unwrap_or(latest);
            return Consensus {
                value,
                rule: "latest",
            };
        }
    }
    let all = values
        .iter()
        .try_fold(Interval { min: 0, max: None }, |acc, v| intersect(acc, v.1));
    match all {
        Some(value) => Consensus {
            value,
            rule: "intersection",
        },
        None => Consensus {
            value: Interval {
                min: values.iter().map(|v| v.1.min).min().unwrap_or(0),
                max: None,
            },
            rule: "most_conservative",
        },
    }
}

/// Whether a counted noun phrase refers back to people counted before it:
/// "others", "two others".
pub(super) fn refers_back(counted: &str) -> bool {
    counted
        .split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("others"))
}

/// The sentences of an article that are about an earlier event: they name
/// a date (not one starting a period, "since 2014") that ended more than
/// [`BACKGROUND_DAYS`] days before the article was published.
pub(super) fn background_sentences(member: &Member<'_>) -> Vec<Span> {
    let Some((published, _)) = published_minutes(member.article.published.as_deref()) else {
        return Vec::new();
    };
    let published_day = published.div_euclid(24 * 60);
    let text = &member.article.text;
    member
        .facts
        .iter()
        .filter_map(|fact| {
            let FactValue::Date(date) = &fact.value else {
                return None;
            };
            let before = text.get(..fact.span.start).unwrap_or("");
            let word_before = before
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let first_word = date.text.split_whitespace().next().unwrap_or("");
            let starts_period = [word_before, first_word]
                .iter()
                .any(|w| w.eq_ignore_ascii_case("since"));
            let last_day = period_last_day(&date.date, date.precision)?;
            (!starts_period && last_day < published_day - BACKGROUND_DAYS).then_some(fact.sentence)
        })
        .collect()
}

/// The last day (days since 1970-01-01) of a dated period; `None` for
/// year-less dates.
pub(super) fn period_last_day(
    date: &str,
    precision: crate::facts::dates::Precision,
) -> Option<i64> {
    use crate::facts::dates::Precision;
    let day = |d: &str| crate::stories::parse_day(d);
    match precision {
        Precision::Day => day(date),
        Precision::Week => day(date).map(|d| d + 6),
        Precision::Month => {
            let (year, month) = (
                date.get(0..4)?.parse::<i64>().ok()?,
                date.get(5..7)?.parse::<u32>().ok()?,
            );
            let next = if month == 12 {
                format!("{:04}-01-01", year + 1)
            } else {
                format!("{year:04}-{:02}-01", month + 1)
            };
            day(&next).map(|d| d - 1)
        }
        Precision::Year => day(&format!("{}-12-31", date.get(0..4)?)),
    }
}

/// A `published` value shown in UTC to the minute, `2023-06-10 13:05 UTC`,
/// or its date alone when it has no time (`2023-06-10`); as written when it
/// is not ISO 8601, `?` when unknown.
pub fn show_published(published: Option<&str>) -> String {
    let Some(p) = published else {
        return "?".into();
    };
    match published_minutes(Some(p)) {
        Some((start, end)) if start == end => {
            let (y, m, d) = civil_from_days(start.div_euclid(24 * 60));
            let minute = start.rem_euclid(24 * 60);
            format!(
                "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
                minute / 60,
                minute % 60
            )
        }
        Some((start, _)) => {
            let (y, m, d) = civil_from_days(start.div_euclid(24 * 60));
            format!("{y:04}-{m:02}-{d:02}")
        }
        None => p.trim().to_string(),
    }
}

/// Year, month and day of a day count since 1970-01-01 (proleptic
/// Gregorian; Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
