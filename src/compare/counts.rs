//! How counts align: the counted class ("soldiers" ~ "troops"), interval
//! agreement, publication times, updates and the consensus value.

use super::*;

/// The class a counted noun phrase belongs to, for alignment: the head noun
/// (last word) mapped through a small table of synonyms, an age to
/// `children` (under 18) or `people`; unknown heads stand for themselves
/// (singular, lower case).
pub fn counted_class(counted: &str) -> String {
    // Tokenized text spaces its hyphens ("a 16 - year - old"): join them
    // back so a compound reads as one word.
    let lower = counted.to_lowercase().replace(" - ", "-");
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
        "policeman" | "officer" | "police" | "policewoman" | "deputy" | "trooper" | "cop"
        | "lawman" | "patrolman" | "constable" => "police",
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

/// The span of time a `published` value stands for, in minutes since
/// 1970-01-01 UTC, `[start, end]`: one minute for a time, the whole day for
/// a date. Any form [`crate::published::parse`] reads (ISO 8601, RFC 2822,
/// written dates, unix time), offsets applied; a time without one is taken
/// as UTC. `None` when the value is not a date.
pub fn published_minutes(published: Option<&str>) -> Option<(i64, i64)> {
    let date = crate::published::parse(published?, crate::published::DateOrder::Unknown).ok()??;
    Some(date.minutes())
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
    let (range, rule) = consensus_range(values, update);
    Consensus {
        value: point(range.min),
        range,
        rule,
    }
}

/// The interval the rule chooses and the rule's name.
fn consensus_range(
    values: &[(Option<(i64, i64)>, Interval)],
    update: bool,
) -> (Interval, &'static str) {
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
            return (value, "latest");
        }
    }
    let all = values
        .iter()
        .try_fold(Interval { min: 0, max: None }, |acc, v| intersect(acc, v.1));
    if let Some(value) = all {
        return (value, "intersection");
    }
    // Disagreement: the value most reports share, when more than half of
    // them do; else the lowest lower bound (ACLED's most conservative).
    let mut best: Option<(usize, Interval)> = None;
    for v in values {
        let agreeing: Vec<Interval> = values
            .iter()
            .filter(|o| overlaps(o.1, v.1))
            .map(|o| o.1)
            .collect();
        let shared = agreeing
            .iter()
            .try_fold(Interval { min: 0, max: None }, |acc, o| intersect(acc, *o));
        if let Some(shared) = shared
            && best.is_none_or(|(n, b)| {
                (agreeing.len(), std::cmp::Reverse(shared.min)) > (n, std::cmp::Reverse(b.min))
            })
        {
            best = Some((agreeing.len(), shared));
        }
    }
    match best {
        Some((n, shared)) if 2 * n > values.len() => (shared, "majority"),
        _ => (
            Interval {
                min: values.iter().map(|v| v.1.min).min().unwrap_or(0),
                max: None,
            },
            "most_conservative",
        ),
    }
}

/// The interval of one number.
pub(super) fn point(n: u64) -> Interval {
    Interval {
        min: n,
        max: Some(n),
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

/// A `published` value shown in UTC to the minute, `2023-06-10 13:05 UTC`,
/// or its date alone when it has no time (`2023-06-10`); as written when it
/// is not a date, `?` when unknown.
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
