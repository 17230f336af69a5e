//! Finding a date written the way pages and feeds write it, in English:
//! "Mar 14, 2023 9:40 AM", "14 March 2023", "Tuesday, May 3rd, 2013 2: 00pm
//! EDT", "14/03/2023", "2023-03-14 09:40", "12: 52 p. m. EDT May 2, 2013".
//!
//! A short text is cut into tokens (numbers, words, single punctuation
//! marks, each with its byte span); [`find`] then walks them once, trying a
//! date pattern at each token, and returns the first date with the time and
//! zone written next to it. Nothing here reads a clock: a date without a year
//! stays without one.

use super::DateOrder;

/// A token: a run of ASCII digits, a run of letters, or one other
/// character (whitespace is dropped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token<'a> {
    pub(super) kind: Kind,
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Num,
    Word,
    Punct,
}

/// Cuts `text` into tokens; byte offsets are relative to `text`.
pub(super) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else if c.is_whitespace() {
            continue;
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(i, next)) = chars.peek() {
                let same = match kind {
                    Kind::Num => next.is_ascii_digit(),
                    _ => next.is_alphabetic(),
                };
                if !same {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
        }
        out.push(Token {
            kind,
            text: &text[start..end],
            start,
            end,
        });
    }
    out
}

/// A time zone as written next to a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Zone {
    /// A fixed offset from UTC, in seconds (`Z`, `GMT`, `+01:00`, `CET`).
    Offset(i32),
    /// A United States zone's fixed offset, in seconds (`EDT`, `PST`).
    Us(i32),
    /// A zone whose offset depends on the date (`ET` = America/New_York).
    Named(&'static str),
}

impl Zone {
    /// Whether the zone is one of the United States' (which write dates
    /// month first).
    pub(super) fn is_us(self) -> bool {
        match self {
            Zone::Named(name) => name.starts_with("America/"),
            Zone::Us(_) => true,
            Zone::Offset(_) => false,
        }
    }
}

/// A time of day as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Time {
    pub(super) hour: i8,
    pub(super) minute: i8,
    pub(super) second: i8,
}

/// A date found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    /// The year, when written (two-digit years are already expanded).
    pub(super) year: Option<i16>,
    pub(super) month: i8,
    pub(super) day: i8,
    /// For an all-numeric date both of whose first two numbers could be the
    /// month: the other reading, `(month, day)`. `month`/`day` hold the
    /// reading `order` chose (day first when it is unknown).
    pub(super) other_reading: Option<(i8, i8)>,
    /// Whether the date was written with a month name or year first
    /// (unambiguous), rather than as day and month numbers.
    pub(super) time: Option<Time>,
    pub(super) zone: Option<Zone>,
    /// Token range `[first, last]` (inclusive) of the date, time and zone.
    pub(super) first: usize,
    pub(super) last: usize,
    /// Byte span of the same.
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Month number of an English month name or abbreviation.
pub(super) fn month_of(word: &str) -> Option<i8> {
    const MONTHS: [(&str, &str, i8); 12] = [
        ("jan", "january", 1),
        ("feb", "february", 2),
        ("mar", "march", 3),
        ("apr", "april", 4),
        ("may", "may", 5),
        ("jun", "june", 6),
        ("jul", "july", 7),
        ("aug", "august", 8),
        ("sep", "september", 9),
        ("oct", "october", 10),
        ("nov", "november", 11),
        ("dec", "december", 12),
    ];
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    MONTHS.iter().find_map(|&(short, long, n)| {
        (lower == short || lower == long || (n == 9 && lower == "sept")).then_some(n)
    })
}

/// Whether `word` names a day of the week (full or abbreviated).
pub(super) fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    DAYS.iter().any(|d| {
        *d == lower || (lower.len() >= 3 && d.starts_with(&lower) && matches!(lower.len(), 3 | 4))
    })
}

/// The zone a word names: fixed-offset abbreviations, and the North
/// American "ET", "CT", "MT", "PT" (whose offset depends on the date).
fn zone_word(word: &str) -> Option<Zone> {
    const FIXED: [(&str, i32); 38] = [
        ("ACST", 34_200),
        ("AEDT", 39_600),
        ("AEST", 36_000),
        ("AKDT", -28_800),
        ("AKST", -32_400),
        ("AWST", 28_800),
        ("BST", 3_600),
        ("CAT", 7_200),
        ("CDT", -18_000),
        ("CEST", 7_200),
        ("CET", 3_600),
        ("CST", -21_600),
        ("EAT", 10_800),
        ("EDT", -14_400),
        ("EEST", 10_800),
        ("EET", 7_200),
        ("EST", -18_000),
        ("GMT", 0),
        ("HKT", 28_800),
        ("HST", -36_000),
        ("JST", 32_400),
        ("KST", 32_400),
        ("MDT", -21_600),
        ("MSK", 10_800),
        ("MST", -25_200),
        ("NZDT", 46_800),
        ("NZST", 43_200),
        ("PDT", -25_200),
        ("PKT", 18_000),
        ("PST", -28_800),
        ("SAST", 7_200),
        ("SGT", 28_800),
        ("UT", 0),
        ("UTC", 0),
        ("WAT", 3_600),
        ("WEST", 3_600),
        ("WET", 0),
        ("Z", 0),
    ];
    const NAMED: [(&str, &str); 5] = [
        ("CT", "America/Chicago"),
        ("ET", "America/New_York"),
        ("MT", "America/Denver"),
        ("PT", "America/Los_Angeles"),
        ("UK", "Europe/London"),
    ];
    if word.len() > 4 || !word.is_ascii() {
        return None;
    }
    let upper = word.to_ascii_uppercase();
    // Abbreviations are written in capitals; "est" or "mar" in lower case
    // are words.
    if word != upper && word != "z" {
        return None;
    }
    if let Some(&(_, offset)) = FIXED.iter().find(|(name, _)| *name == upper) {
        let us = [
            "AKDT", "AKST", "CDT", "CST", "EDT", "EST", "HST", "MDT", "MST", "PDT", "PST",
        ];
        return Some(if us.contains(&upper.as_str()) {
            Zone::Us(offset)
        } else {
            Zone::Offset(offset)
        });
    }
    NAMED
        .iter()
        .find(|(name, _)| *name == upper)
        .map(|&(_, tz)| Zone::Named(tz))
}

struct Cursor<'t, 'a> {
    t: &'t [Token<'a>],
}

impl<'a> Cursor<'_, 'a> {
    fn get(&self, i: usize) -> Option<&Token<'a>> {
        self.t.get(i)
    }

    fn num(&self, i: usize, digits: std::ops::RangeInclusive<usize>) -> Option<i32> {
        let t = self.get(i)?;
        (t.kind == Kind::Num && digits.contains(&t.text.len()))
            .then(|| t.text.parse().ok())
            .flatten()
    }

    fn punct(&self, i: usize, marks: &[char]) -> bool {
        self.get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text.chars().all(|c| marks.contains(&c)))
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| words.iter().any(|x| x.eq_ignore_ascii_case(w)))
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    fn touching(&self, i: usize) -> bool {
        match (self.get(i), self.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
}

/// A date pattern at token `i`: `(year, month, day, other reading, last
/// token)`.
type DateAt = (Option<i16>, i8, i8, Option<(i8, i8)>, usize);

fn valid_day(month: i32, day: i32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn four_digit_year(c: &Cursor<'_, '_>, i: usize) -> Option<i16> {
    c.num(i, 4..=4)
        .filter(|y| (1900..=2199).contains(y))
        .map(|y| y as i16)
}

/// Expands a two-digit year the way POSIX `strptime` does: 69–99 are the
/// 1900s, 00–68 the 2000s.
fn expand_year(y: i32, digits: usize) -> Option<i16> {
    match digits {
        4 if (1900..=2199).contains(&y) => Some(y as i16),
        2 if y >= 69 => Some(1900 + y as i16),
        2 => Some(2000 + y as i16),
        _ => None,
    }
}

/// After a day number: an ordinal suffix ("3rd") touching it.
fn skip_ordinal(c: &Cursor<'_, '_>, i: usize) -> usize {
    if c.touching(i) && c.word_is(i + 1, &["st", "nd", "rd", "th"]) {
        i + 1
    } else {
        i
    }
}

/// After a month name: an abbreviation's period ("Dec.").
fn skip_period(c: &Cursor<'_, '_>, i: usize) -> usize {
    if c.touching(i) && c.punct(i + 1, &['.']) {
        i + 1
    } else {
        i
    }
}

/// A year after a month and day: `, 2023`, `2023`, `. 2023`.
fn year_after(c: &Cursor<'_, '_>, i: usize) -> Option<(i16, usize)> {
    if let Some(y) = four_digit_year(c, i + 1) {
        return Some((y, i + 1));
    }
    if c.punct(i + 1, &[',', '.', '-']) {
        return four_digit_year(c, i + 2).map(|y| (y, i + 2));
    }
    None
}

fn date_at(c: &Cursor<'_, '_>, i: usize, order: DateOrder) -> Option<DateAt> {
    let t = c.get(i)?;
    match t.kind {
        Kind::Word => {
            // Month name first: "Mar 14, 2023", "March 14th 2023", "Jan 5".
            // Month names are capitalized ("may" is a verb).
            if !t.text.starts_with(|c: char| c.is_ascii_uppercase()) {
                return None;
            }
            let month = month_of(t.text)?;
            let mut j = skip_period(c, i);
            if c.punct(j + 1, &['-']) {
                j += 1;
            }
            let day = c.num(j + 1, 1..=2)?;
            if !valid_day(i32::from(month), day) {
                return None;
            }
            // "May 2" must not be the start of "May 2012" or a ratio.
            if c.punct(j + 2, &[':', '/']) && c.num(j + 3, 1..=4).is_some() {
                return None;
            }
            let mut last = skip_ordinal(c, j + 1);
            let mut year = None;
            if let Some((y, end)) = year_after(c, last) {
                year = Some(y);
                last = end;
            }
            Some((year, month, day as i8, None, last))
        }
        Kind::Num => {
            // Year first: 2023-03-14, 2023/03/14, 2023.03.14.
            if let Some(y) = four_digit_year(c, i) {
                let sep = c.get(i + 1)?;
                if sep.kind != Kind::Punct || !matches!(sep.text, "-" | "/" | ".") {
                    return None;
                }
                // ISO dates write two-digit months and days ("2023-03-1…" is cut).
                let digits = if sep.text == "-" { 2..=2 } else { 1..=2 };
                let (m, d) = (c.num(i + 2, digits.clone())?, c.num(i + 4, digits)?);
                if !c.punct(i + 3, &[sep.text.chars().next()?]) || !valid_day(m, d) {
                    return None;
                }
                return Some((Some(y), m as i8, d as i8, None, i + 4));
            }
            let first = c.num(i, 1..=2)?;
            // Day then month name: "14 March 2023", "14th of March", "14-Mar-2023".
            let mut j = skip_ordinal(c, i);
            if c.word_is(j + 1, &["of"]) || c.punct(j + 1, &['-']) {
                j += 1;
            }
            if let Some(month) = c
                .word(j + 1)
                .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
                .and_then(month_of)
            {
                if !valid_day(i32::from(month), first) {
                    return None;
                }
                let mut last = skip_period(c, j + 1);
                let mut year = None;
                if let Some((y, end)) = year_after(c, last) {
                    year = Some(y);
                    last = end;
                }
                return Some((year, month, first as i8, None, last));
            }
            // All numbers: 14/03/2023, 03/14/2023, 14.03.2023, 11 / 30 / 09.
            let sep = c.get(i + 1)?;
            if sep.kind != Kind::Punct || !matches!(sep.text, "-" | "/" | ".") {
                return None;
            }
            let second = c.num(i + 2, 1..=2)?;
            if !c.punct(i + 3, &[sep.text.chars().next()?]) {
                return None;
            }
            let year_token = c.get(i + 4)?;
            if year_token.kind != Kind::Num {
                return None;
            }
            let year = expand_year(year_token.text.parse().ok()?, year_token.text.len())?;
            // Not a longer run of numbers (a version, an address, a score).
            if c.punct(i + 5, &['-', '/', '.']) && c.num(i + 6, 1..=4).is_some() {
                return None;
            }
            let day_first = valid_day(second, first);
            let month_first = valid_day(first, second);
            let (month, day, other) = match (day_first, month_first) {
                (false, false) => return None,
                (true, false) => (second, first, None),
                (false, true) => (first, second, None),
                (true, true) if first == second => (first, second, None),
                (true, true) => {
                    // Dotted dates are day first wherever they are written.
                    let month_first = match order {
                        DateOrder::MonthFirst => sep.text != ".",
                        _ => false,
                    };
                    let other = (sep.text != "." && order == DateOrder::Unknown)
                        .then_some((first as i8, second as i8));
                    if month_first {
                        (first, second, None)
                    } else {
                        (second, first, other)
                    }
                }
            };
            Some((Some(year), month as i8, day as i8, other, i + 4))
        }
        Kind::Punct => None,
    }
}

/// "am", "pm", "a.m.", "p. m." at token `i`: `(is pm, last token)`.
fn meridiem_at(c: &Cursor<'_, '_>, i: usize) -> Option<(bool, usize)> {
    let w = c.word(i)?.to_ascii_lowercase();
    match w.as_str() {
        "am" | "pm" => Some((w == "pm", skip_period(c, i))),
        "a" | "p" if c.punct(i + 1, &['.']) && c.word_is(i + 2, &["m"]) => {
            let last = if c.punct(i + 3, &['.']) { i + 3 } else { i + 2 };
            Some((w == "p", last))
        }
        _ => None,
    }
}

/// A zone at token `i`: a name, `Z`, `+01:00`, `-0500`, `GMT+1`, or one
/// of these in parentheses.
fn zone_at(c: &Cursor<'_, '_>, i: usize) -> Option<(Zone, usize)> {
    if c.punct(i, &['(']) {
        let (zone, last) = zone_at(c, i + 1)?;
        return c.punct(last + 1, &[')']).then_some((zone, last + 1));
    }
    if let Some(word) = c.word(i) {
        let zone = zone_word(word)?;
        // "GMT+1", "UTC-05:00"
        if matches!(zone, Zone::Offset(0))
            && c.touching(i)
            && let Some((Zone::Offset(offset), last)) = offset_at(c, i + 1)
        {
            return Some((Zone::Offset(offset), last));
        }
        return Some((zone, i));
    }
    offset_at(c, i)
}

fn offset_at(c: &Cursor<'_, '_>, i: usize) -> Option<(Zone, usize)> {
    let sign = match c.get(i)? {
        t if t.kind == Kind::Punct && t.text == "+" => 1,
        t if t.kind == Kind::Punct && matches!(t.text, "-" | "\u{2212}") => -1,
        _ => return None,
    };
    if !c.touching(i) {
        return None;
    }
    let digits = c.get(i + 1).filter(|t| t.kind == Kind::Num)?;
    let (hours, mut minutes, mut last) = match digits.text.len() {
        1 | 2 => (digits.text.parse::<i32>().ok()?, 0, i + 1),
        4 => (
            digits.text[..2].parse::<i32>().ok()?,
            digits.text[2..].parse::<i32>().ok()?,
            i + 1,
        ),
        _ => return None,
    };
    if digits.text.len() <= 2 && c.punct(i + 2, &[':']) && c.num(i + 3, 2..=2).is_some() {
        minutes = c.num(i + 3, 2..=2)?;
        last = i + 3;
    }
    if hours > 14 || minutes > 59 {
        return None;
    }
    Some((Zone::Offset(sign * (hours * 3600 + minutes * 60)), last))
}

/// The last token of a time (and its zone) starting at token `i`.
pub(super) fn time_end(t: &[Token<'_>], i: usize) -> Option<usize> {
    time_at(&Cursor { t }, i).map(|(_, _, last)| last)
}

/// Whether `word` is a time zone name or abbreviation.
pub(super) fn is_zone_word(word: &str) -> bool {
    zone_word(word).is_some()
}

/// A time at token `i`: `9:40`, `09:40:00`, `1: 32 PM`, `9 a.m.`, with the
/// zone written after it.
fn time_at(c: &Cursor<'_, '_>, i: usize) -> Option<(Time, Option<Zone>, usize)> {
    let hour = c.num(i, 1..=2)?;
    let (mut minute, mut second, mut last) = (0, 0, i);
    // "22.34 BST", "02.16PM": a dot only before a zone or am/pm.
    if c.punct(i + 1, &['.'])
        && let Some(m) = c.num(i + 2, 2..=2)
        && (meridiem_at(c, i + 3).is_some() || zone_at(c, i + 3).is_some())
    {
        minute = m;
        last = i + 2;
    }
    if c.punct(i + 1, &[':']) {
        minute = c.num(i + 2, 2..=2)?;
        last = i + 2;
        if c.punct(i + 3, &[':']) && c.touching(i + 2) {
            second = c.num(i + 4, 2..=2)?;
            last = i + 4;
            // Fractions of a second.
            if c.punct(i + 5, &['.']) && c.touching(i + 4) && c.num(i + 6, 1..=9).is_some() {
                last = i + 6;
            }
        }
    }
    let mut hour = hour;
    let mut meridiem = meridiem_at(c, last + 1);
    // "5: 55p": a lone a or p touching the minutes.
    if meridiem.is_none()
        && last > i
        && c.touching(last)
        && c.word_is(last + 1, &["a", "p"])
        && !c.punct(last + 2, &['.'])
    {
        meridiem = Some((c.word_is(last + 1, &["p"]), last + 1));
    }
    match meridiem {
        Some((pm, end)) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            last = end;
        }
        // A bare number is no time.
        None if last == i => return None,
        None => {}
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut zone = None;
    if let Some((z, end)) = zone_at(c, last + 1) {
        zone = Some(z);
        last = end;
    }
    let time = Time {
        hour: hour as i8,
        minute: minute as i8,
        second: second.min(59) as i8,
    };
    Some((time, zone, last))
}

/// Words and marks allowed between a date and its time: `at`, `,`, `|`,
/// `-`, `@`, `T` (ISO), a weekday.
fn joiner(c: &Cursor<'_, '_>, i: usize) -> bool {
    c.punct(
        i,
        &[',', '|', '-', '@', '\u{2013}', '\u{2014}', '\u{b7}', '/'],
    ) || c.word_is(i, &["at", "t"])
}

/// Finds the first date in `text`, with the time (and zone) written right
/// before or after it.
#[cfg(test)]
pub(super) fn find(text: &str, order: DateOrder) -> Option<Found> {
    find_in(&tokens(text), order, 0)
}

/// [`find`] over tokens, from token `from`.
pub(super) fn find_in(t: &[Token<'_>], order: DateOrder, from: usize) -> Option<Found> {
    let c = Cursor { t };
    for i in from..t.len() {
        // A time first: "12: 52 p. m. EDT May 2, 2013".
        if let Some((time, zone, time_last)) = time_at(&c, i) {
            let mut j = time_last + 1;
            while j < t.len() && j <= time_last + 4 && (joiner(&c, j) || is_weekday_at(&c, j)) {
                j += 1;
            }
            if let Some((year, month, day, other, last)) = date_at(&c, j, order) {
                return Some(found(
                    &c,
                    (year, month, day, other),
                    Some((time, zone)),
                    i,
                    last,
                ));
            }
        }
        let Some((year, month, day, other, date_last)) = date_at(&c, i, order) else {
            continue;
        };
        let mut time = None;
        let mut last = date_last;
        let mut j = date_last + 1;
        while j < t.len() && j <= date_last + 3 && (joiner(&c, j) || is_weekday_at(&c, j)) {
            j += 1;
        }
        if let Some((tm, zone, end)) = time_at(&c, j) {
            time = Some((tm, zone));
            last = end;
        }
        return Some(found(&c, (year, month, day, other), time, i, last));
    }
    None
}

fn is_weekday_at(c: &Cursor<'_, '_>, i: usize) -> bool {
    c.word(i).is_some_and(is_weekday)
}

fn found(
    c: &Cursor<'_, '_>,
    (year, month, day, other): (Option<i16>, i8, i8, Option<(i8, i8)>),
    time: Option<(Time, Option<Zone>)>,
    first: usize,
    last: usize,
) -> Found {
    let (time, zone) = match time {
        Some((time, zone)) => (Some(time), zone),
        None => (None, None),
    };
    let (month, day, other_reading) = match other {
        // A United States zone settles an ambiguous numeric date: month first.
        Some((m, d)) if zone.is_some_and(Zone::is_us) => (m, d, None),
        _ => (month, day, other),
    };
    Found {
        year,
        month,
        day,
        other_reading,
        time,
        zone,
        first,
        last,
        start: c.t[first].start,
        end: c.t[last].end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, order: DateOrder) -> String {
        let Some(f) = find(text, order) else {
            return "-".into();
        };
        let mut out = match f.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", f.month, f.day),
            None => format!("--{:02}-{:02}", f.month, f.day),
        };
        if let Some(t) = f.time {
            out += &format!(" {:02}:{:02}:{:02}", t.hour, t.minute, t.second);
        }
        match f.zone {
            Some(Zone::Offset(s) | Zone::Us(s)) => out += &format!(" {s:+}"),
            Some(Zone::Named(n)) => out += &format!(" {n}"),
            None => {}
        }
        if f.other_reading.is_some() {
            out += " ambiguous";
        }
        out += &format!(" [{}]", &text[f.start..f.end]);
        out
    }

    macro_rules! found {
        ($($name:ident: $text:expr => $want:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(show($text, DateOrder::Unknown), $want, "{:?}", $text);
            }
        )*};
    }

    found! {
        month_day_year_time: "Mar 14, 2023 9:40 AM" => "2023-03-14 09:40:00 [Mar 14, 2023 9:40 AM]",
        day_month_year: "14 March 2023" => "2023-03-14 [14 March 2023]",
        iso_with_space: "2023-03-14 09:40" => "2023-03-14 09:40:00 [2023-03-14 09:40]",
        ordinal_and_zone: "May 3rd, 2013 2: 00pm EDT" => "2013-05-03 14:00:00 -14400 [May 3rd, 2013 2: 00pm EDT]",
        weekday_abbreviations: "Fri., May. 3, 2013 11: 45 AM PDT" => "2013-05-03 11:45:00 -25200 [May. 3, 2013 11: 45 AM PDT]",
        time_before_date: "12: 52 p. m. EDT May 2, 2013" => "2013-05-02 12:52:00 -14400 [12: 52 p. m. EDT May 2, 2013]",
        morning_before_date: "7: 15 a. m. Dec. 7, 2009" => "2009-12-07 07:15:00 [7: 15 a. m. Dec. 7, 2009]",
        numeric_day_first: "14/03/2023" => "2023-03-14 [14/03/2023]",
        numeric_month_first: "03/14/2023" => "2023-03-14 [03/14/2023]",
        numeric_ambiguous: "03/04/2023" => "2023-04-03 ambiguous [03/04/2023]",
        numeric_same_both_ways: "03/03/2023" => "2023-03-03 [03/03/2023]",
        dotted_is_day_first: "03.04.2023" => "2023-04-03 [03.04.2023]",
        zone_in_parentheses: "26 September 2013, 10: 00 (GMT+05: 00)" => "2013-09-26 10:00:00 +18000 [26 September 2013, 10: 00 (GMT+05: 00)]",
        dotted_time_before_zone: "Tuesday 28 April 2009 22. 34 BST" => "2009-04-28 22:34:00 +3600 [28 April 2009 22. 34 BST]",
        lone_meridiem_letter: "on Jul 7 2012, 5: 55p" => "2012-07-07 17:55:00 [Jul 7 2012, 5: 55p]",
        time_weekday_then_date: "12: 17 am, Monday, September 16, 2013" => "2013-09-16 00:17:00 [12: 17 am, Monday, September 16, 2013]",
        dotted_number_is_no_time: "Jan 5 2.5 million" => "--01-05 [Jan 5]",
        spaced_two_digit_year_us_zone: "11 / 30 / 09 05: 40 PM ET" => "2009-11-30 17:40:00 America/New_York [11 / 30 / 09 05: 40 PM ET]",
        us_zone_settles_order: "05 / 03 / 2013 at 10: 20 AM EDT" => "2013-05-03 10:20:00 -14400 [05 / 03 / 2013 at 10: 20 AM EDT]",
        dateline_no_year: "KABUL, Jan 5 (Reuters) - A bomb" => "--01-05 [Jan 5]",
        day_of_month: "the 14th of March, 2023" => "2023-03-14 [14th of March, 2023]",
        dashed_month: "14-Mar-2023" => "2023-03-14 [14-Mar-2023]",
        upper_case: "THURSDAY, DECEMBER 3, 2009, 9: 36 AM" => "2009-12-03 09:36:00 [DECEMBER 3, 2009, 9: 36 AM]",
        at_sign_time: "12 January 2010 @ 09: 29 pm" => "2010-01-12 21:29:00 [12 January 2010 @ 09: 29 pm]",
        gmt_offset: "3 June 2021 14:05 GMT+2" => "2021-06-03 14:05:00 +7200 [3 June 2021 14:05 GMT+2]",
        numeric_offset: "2021/06/03 14:05 -0500" => "2021-06-03 14:05:00 -18000 [2021/06/03 14:05 -0500]",
        may_the_verb: "Officials may 2 weeks later" => "-",
        month_year_is_no_day: "in March 2023 the council" => "-",
        score_is_no_date: "won 3-1-2 on penalties" => "-",
        version_is_no_date: "version 1.2.3.4 released" => "-",
        lower_case_est_is_a_word: "May 3, 2013 est" => "2013-05-03 [May 3, 2013]",
        invalid_day: "February 31" => "--02-31 [February 31]",
    }

    #[test]
    fn month_first_order_reads_slashes_month_first() {
        assert_eq!(
            show("03/04/2023", DateOrder::MonthFirst),
            "2023-03-04 [03/04/2023]"
        );
        assert_eq!(
            show("03/04/2023", DateOrder::DayFirst),
            "2023-04-03 [03/04/2023]"
        );
        // Dots stay day first.
        assert_eq!(
            show("03.04.2023", DateOrder::MonthFirst),
            "2023-04-03 [03.04.2023]"
        );
    }

    #[test]
    fn tokens_keep_offsets_of_non_ascii_text() {
        let t = tokens("é 12:05 café");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["é", "12", ":", "05", "café"]);
        assert_eq!((t[4].start, t[4].end), (9, 14));
    }
}
