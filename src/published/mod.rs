//! Publication dates as dates: `published` values read in the forms news
//! data carries ([`parse`]), and, for records without one, the date the text
//! states about itself ([`infer`]). [`resolve`] does both for an article and
//! is what [`crate::ingest`] calls on every record.
//!
//! # Forms read
//!
//! | form | example | read as |
//! |---|---|---|
//! | RFC 3339 / ISO 8601 with an offset | `2023-03-14T09:40:00+01:00`, `…Z`, `…+0100` | that instant |
//! | ISO 8601 without an offset | `2023-03-14T09:40`, `2023-03-14 09:40:00` | UTC |
//! | ISO date | `2023-03-14`, `20230314`, `2023/03/14` | the day |
//! | RFC 2822 | `Tue, 14 Mar 2023 09:40:00 +0100`, `… GMT`, `… EST` | that instant |
//! | written forms | `Mar 14, 2023 9:40 AM`, `14 March 2023`, `Tuesday, May 3rd, 2013 2:00pm EDT` | the day, or the instant when a time is written (UTC when no zone is) |
//! | numeric day and month | `14/03/2023` (day first: 14 > 12), `03/14/2023` (month first) | the day |
//! | ambiguous numeric | `03/04/2023` | unknown with a warning, unless [`DateOrder`] says (dotted `03.04.2023` is day first everywhere; a US zone such as `EDT` written after it means month first) |
//! | unix time | `1678786800` (seconds), `1678786800000` (milliseconds: 12 digits or more) | that instant |
//!
//! Two-digit years follow POSIX `strptime`: 69–99 are 19xx, 00–68 20xx.
//! Zone abbreviations are read as their fixed offsets (`EDT` −4 h, `CET`
//! +1 h, …); `ET`, `CT`, `MT` and `PT` as the zone of that name, whose
//! offset on the date comes from the time zone database bundled in the
//! binary (never the system's). Anything else, or a date that is not on the
//! calendar (`2023-02-30`), is a [`DateProblem`]: ingest reports it as a
//! warning naming the record, and the date counts as unknown.
//!
//! All comparisons are made on [`PublishedDate::utc`]: an instant in UTC,
//! so "06:10Z" and "08:30+03:00" order by the moments they name (the second
//! is earlier). No clock is read anywhere.
//!
//! The parser is jiff (RFC 3339, ISO 8601 and RFC 2822 grammars, calendar
//! arithmetic, the bundled zone database); the written forms are found by a
//! small tokenizer of our own (the `written` module), since no fixed format string
//! covers "May 3rd, 2013 2: 00pm EDT" and "12: 52 p. m. EDT May 2, 2013".

mod infer;
mod written;

use std::fmt;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, fmt::temporal::Pieces};

use crate::article::{Article, DateBasis, DatePrecision, PublishedDate};
pub use infer::{
    LINE_BYTES, MentionedDate, OPENING_BYTES, OPENING_LINES, YEAR_EVIDENCE_DAYS, infer, mentioned,
};

/// How to read an all-numeric date whose first two numbers could both be
/// the month, such as `03/04/2023`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// Don't guess: such a value is a [`DateProblem::Ambiguous`] warning and
    /// counts as unknown (the default). Values that only one reading makes a
    /// date (`14/03/2023`) are read either way.
    #[default]
    Unknown,
    /// Day first, as in Britain and most of the world: 3 April.
    DayFirst,
    /// Month first, as in the United States: March 4.
    MonthFirst,
}

/// Why a `published` value could not be read as a date.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateProblem {
    /// Not a form wirediff reads.
    Unreadable,
    /// A written date without a year.
    NoYear,
    /// Numbers that are no calendar date (`2023-02-30`, `25:00`).
    NotOnCalendar,
    /// Both day-first and month-first readings are dates.
    Ambiguous {
        /// The day-first reading, `YYYY-MM-DD`.
        day_first: String,
        /// The month-first reading, `YYYY-MM-DD`.
        month_first: String,
    },
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateProblem::Unreadable => f.write_str(
                "is not a date wirediff reads (ISO 8601, RFC 2822, a written date such as \
                 'Mar 14, 2023 9:40 AM', or unix seconds)",
            ),
            DateProblem::NoYear => f.write_str("has no year"),
            DateProblem::NotOnCalendar => f.write_str("is not a calendar date"),
            DateProblem::Ambiguous {
                day_first,
                month_first,
            } => write!(
                f,
                "is ambiguous ({day_first} day first, {month_first} month first; \
                 see --date-order)"
            ),
        }
    }
}

/// Reads a `published` value as a date (see the module docs for the forms).
/// `Ok(None)` for an empty value.
pub fn parse(value: &str, order: DateOrder) -> Result<Option<PublishedDate>, DateProblem> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let input = |utc, precision, offset_seconds| PublishedDate {
        utc,
        precision,
        offset_seconds,
        basis: DateBasis::Input,
    };
    if let Some(result) = unix(v) {
        return result.map(|(utc, precision)| Some(input(utc, precision, 0)));
    }
    if v.len() >= 8
        && v.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && let Some(date) = iso(v)
    {
        return Ok(Some(date));
    }
    if v.contains(':')
        && v.bytes().any(|b| b.is_ascii_alphabetic())
        && let Ok(zoned) = jiff::fmt::rfc2822::parse(v)
    {
        let offset = zoned.offset().seconds();
        return Ok(Some(input(zoned.timestamp(), DatePrecision::Time, offset)));
    }
    let tokens = written::tokens(v);
    let found = written::find_in(&tokens, order, 0).ok_or(DateProblem::Unreadable)?;
    // Everything around the date must be a weekday or a label.
    let rest_ok = tokens[..found.first]
        .iter()
        .chain(&tokens[found.last + 1..])
        .all(|t| match t.kind {
            written::Kind::Punct => true,
            written::Kind::Word => {
                written::is_weekday(t.text)
                    || [
                        "at",
                        "on",
                        "published",
                        "posted",
                        "updated",
                        "date",
                        "first",
                        "last",
                        "modified",
                    ]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(t.text))
            }
            written::Kind::Num => false,
        });
    if !rest_ok {
        return Err(DateProblem::Unreadable);
    }
    build(&found, order, true).map(Some)
}

/// Unix seconds or milliseconds, or an ISO basic date (`20230314`): `None`
/// when `v` is not all digits (with an optional fraction).
fn unix(v: &str) -> Option<Result<(Timestamp, DatePrecision), DateProblem>> {
    let (whole, fraction) = v.split_once('.').unwrap_or((v, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    if whole.len() == 8 && fraction.is_empty() {
        let parse = |r: std::ops::Range<usize>| whole[r].parse::<i16>().ok();
        let date = (|| Date::new(parse(0..4)?, parse(4..6)? as i8, parse(6..8)? as i8).ok())();
        return Some(match date {
            Some(d) if (1900..=2199).contains(&d.year()) => {
                day_start(d).map(|t| (t, DatePrecision::Day))
            }
            _ => Err(DateProblem::Unreadable),
        });
    }
    if !(9..=16).contains(&whole.len()) {
        return Some(Err(DateProblem::Unreadable));
    }
    let n: i64 = whole.parse().ok()?;
    let (seconds, nanos) = if whole.len() >= 12 {
        (n.div_euclid(1000), n.rem_euclid(1000) * 1_000_000)
    } else {
        let digits = fraction.get(..fraction.len().min(9)).unwrap_or("");
        let nanos = if digits.is_empty() {
            0
        } else {
            digits.parse::<i64>().unwrap_or(0) * 10_i64.pow(9 - digits.len() as u32)
        };
        (n, nanos)
    };
    Some(
        Timestamp::new(seconds, nanos as i32)
            .map(|t| (t, DatePrecision::Time))
            .map_err(|_| DateProblem::NotOnCalendar),
    )
}

/// ISO 8601 / RFC 3339 through jiff: a date, a date and time (UTC when no
/// offset is written), or an instant with its offset.
fn iso(v: &str) -> Option<PublishedDate> {
    // Common spellings jiff's grammar does not take: a space before the
    // offset, "UTC"/"GMT" for Z, and slashes or dots in the date.
    let mut s = v.to_string();
    for suffix in [" UTC", " GMT", " Z", "UTC", "GMT"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = format!("{stripped}Z");
            break;
        }
    }
    if let Some(at) = s.rfind([' ']) {
        let tail = &s[at + 1..];
        if tail.starts_with(['+', '-'])
            && tail[1..].bytes().all(|b| b.is_ascii_digit() || b == b':')
        {
            s.remove(at);
        }
    }
    if s.len() >= 10 && matches!(s.as_bytes()[4], b'/' | b'.') && s.as_bytes()[7] == s.as_bytes()[4]
    {
        s.replace_range(4..5, "-");
        s.replace_range(7..8, "-");
    }
    let pieces = Pieces::parse(&s).ok()?;
    let date = pieces.date();
    let input = |utc, precision, offset_seconds| PublishedDate {
        utc,
        precision,
        offset_seconds,
        basis: DateBasis::Input,
    };
    let Some(time) = pieces.time() else {
        return day_start(date)
            .ok()
            .map(|utc| input(utc, DatePrecision::Day, 0));
    };
    let offset = match pieces.offset() {
        Some(jiff::fmt::temporal::PiecesOffset::Numeric(n)) => n.offset(),
        _ => Offset::UTC,
    };
    let utc = offset.to_timestamp(DateTime::from_parts(date, time)).ok()?;
    Some(input(utc, DatePrecision::Time, offset.seconds()))
}

fn day_start(date: Date) -> Result<Timestamp, DateProblem> {
    Offset::UTC
        .to_timestamp(date.to_datetime(Time::midnight()))
        .map_err(|_| DateProblem::NotOnCalendar)
}

/// A found written date as a [`PublishedDate`] (basis [`DateBasis::Input`]).
/// `time_without_zone_is_utc`: for `published` values a time without a zone
/// is read as UTC; for dates found in running text it is dropped.
fn build(
    found: &written::Found,
    order: DateOrder,
    time_without_zone_is_utc: bool,
) -> Result<PublishedDate, DateProblem> {
    let year = found.year.ok_or(DateProblem::NoYear)?;
    if let Some((month, day)) = found.other_reading
        && order == DateOrder::Unknown
    {
        let show = |m: i8, d: i8| format!("{year:04}-{m:02}-{d:02}");
        return Err(DateProblem::Ambiguous {
            day_first: show(found.month, found.day),
            month_first: show(month, day),
        });
    }
    let date = Date::new(year, found.month, found.day).map_err(|_| DateProblem::NotOnCalendar)?;
    let day = |date| {
        day_start(date).map(|utc| PublishedDate {
            utc,
            precision: DatePrecision::Day,
            offset_seconds: 0,
            basis: DateBasis::Input,
        })
    };
    let Some(t) = found.time else {
        return day(date);
    };
    let time = Time::new(t.hour, t.minute, t.second, 0).map_err(|_| DateProblem::NotOnCalendar)?;
    let datetime = DateTime::from_parts(date, time);
    let (utc, offset) = match found.zone {
        Some(written::Zone::Offset(seconds) | written::Zone::Us(seconds)) => {
            let offset = Offset::from_seconds(seconds).map_err(|_| DateProblem::Unreadable)?;
            let utc = offset
                .to_timestamp(datetime)
                .map_err(|_| DateProblem::NotOnCalendar)?;
            (utc, seconds)
        }
        Some(written::Zone::Named(name)) => {
            let tz = jiff::tz::db()
                .get(name)
                .map_err(|_| DateProblem::Unreadable)?;
            let zoned = tz
                .to_zoned_datetime(datetime)
                .map_err(|_| DateProblem::NotOnCalendar)?;
            (zoned.timestamp(), zoned.offset().seconds())
        }
        None if time_without_zone_is_utc => {
            let utc = TimeZone::UTC
                .to_timestamp(datetime)
                .map_err(|_| DateProblem::NotOnCalendar)?;
            (utc, 0)
        }
        None => return day(date),
    };
    Ok(PublishedDate {
        utc,
        precision: DatePrecision::Time,
        offset_seconds: offset,
        basis: DateBasis::Input,
    })
}

/// Fills [`Article::date`]: `published` read as a date, or when the article
/// has none, the date its text states about itself ([`infer`]), or else the
/// crawl date it was given ([`DateBasis::Crawl`], then also written into
/// `published`). Returns the problem when `published` is not a date (the
/// date then counts as unknown; the text is not asked).
pub fn resolve(article: &mut Article, order: DateOrder) -> Option<DateProblem> {
    if let Some(value) = article.published.as_deref() {
        match parse(value, order) {
            Ok(Some(date)) => {
                article.date = Some(date);
                return None;
            }
            Ok(None) => {}
            Err(problem) => {
                article.date = None;
                return Some(problem);
            }
        }
    }
    let crawl = article.date.filter(|d| d.basis == DateBasis::Crawl);
    article.date = infer(&article.text, order).or(crawl);
    if let Some(date) = article.date
        && date.basis == DateBasis::Crawl
    {
        article.published = Some(date.utc_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(value: &str) -> String {
        read_with(value, DateOrder::Unknown)
    }

    fn read_with(value: &str, order: DateOrder) -> String {
        match parse(value, order) {
            Ok(Some(d)) => d.utc_string(),
            Ok(None) => "none".into(),
            Err(DateProblem::Ambiguous { .. }) => "ambiguous".into(),
            Err(p) => format!("error: {p:?}"),
        }
    }

    macro_rules! reads {
        ($($name:ident: $value:expr => $want:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(read($value), $want, "{:?}", $value);
            }
        )*};
    }

    reads! {
        rfc3339_offset: "2023-03-14T09:40:00+01:00" => "2023-03-14T08:40:00Z",
        rfc3339_zulu: "2023-03-14T06:10Z" => "2023-03-14T06:10:00Z",
        iso_offset_without_colon: "2023-03-14T09:40:00+0100" => "2023-03-14T08:40:00Z",
        iso_space_and_offset: "2023-03-14 09:40:00 -05:00" => "2023-03-14T14:40:00Z",
        iso_fraction: "2023-03-14T09:40:00.250Z" => "2023-03-14T09:40:00Z",
        iso_no_offset_is_utc: "2023-03-14 09:40" => "2023-03-14T09:40:00Z",
        iso_utc_word: "2023-03-14 09:40:00 UTC" => "2023-03-14T09:40:00Z",
        iso_date: "2023-03-14" => "2023-03-14",
        iso_basic_date: "20230314" => "2023-03-14",
        iso_slashes: "2023/03/14" => "2023-03-14",
        rfc2822: "Tue, 14 Mar 2023 09:40:00 +0100" => "2023-03-14T08:40:00Z",
        rfc2822_zone_name: "14 Mar 2023 09:40:00 EST" => "2023-03-14T14:40:00Z",
        rfc2822_wrong_weekday_keeps_the_date: "Mon, 14 Mar 2023 09:40:00 +0000" => "2023-03-14T09:40:00Z",
        written_with_time: "Mar 14, 2023 9:40 AM" => "2023-03-14T09:40:00Z",
        written_day_month: "14 March 2023" => "2023-03-14",
        written_with_weekday_and_zone: "Tuesday, March 14, 2023 at 9:40 PM EDT" => "2023-03-15T01:40:00Z",
        written_et_in_summer: "June 13, 2013 4:59 PM ET" => "2013-06-13T20:59:00Z",
        written_et_in_winter: "Dec 7, 2009 7:15 AM ET" => "2009-12-07T12:15:00Z",
        numeric_day_first: "14/03/2023" => "2023-03-14",
        numeric_month_first: "03/14/2023" => "2023-03-14",
        numeric_ambiguous: "03/04/2023" => "ambiguous",
        numeric_dotted: "03.04.2023" => "2023-04-03",
        unix_seconds: "1678786800" => "2023-03-14T09:40:00Z",
        unix_milliseconds: "1678786800000" => "2023-03-14T09:40:00Z",
        unix_seconds_fraction: "1678786800.5" => "2023-03-14T09:40:00Z",
        empty: "  " => "none",
        not_a_date: "last Tuesday" => "error: Unreadable",
        words_around: "sometime around Mar 14, 2023" => "error: Unreadable",
        no_year: "March 14" => "error: NoYear",
        not_on_calendar: "2023-02-30" => "error: NotOnCalendar",
        written_not_on_calendar: "February 30, 2023" => "error: NotOnCalendar",
        short_number: "2023" => "error: Unreadable",
        truncated_with_ellipsis: "2023-03-1\u{2026}" => "error: Unreadable",
    }

    #[test]
    fn date_order_settles_ambiguous_numbers() {
        assert_eq!(read_with("03/04/2023", DateOrder::DayFirst), "2023-04-03");
        assert_eq!(read_with("03/04/2023", DateOrder::MonthFirst), "2023-03-04");
        assert_eq!(
            parse("03/04/2023", DateOrder::Unknown),
            Err(DateProblem::Ambiguous {
                day_first: "2023-04-03".into(),
                month_first: "2023-03-04".into()
            })
        );
    }

    #[test]
    fn utc_orders_times_written_in_different_offsets() {
        let a = parse("2024-11-02T06:10Z", DateOrder::Unknown)
            .unwrap()
            .unwrap();
        let b = parse("2024-11-02T08:30+03:00", DateOrder::Unknown)
            .unwrap()
            .unwrap();
        // As text "06:10Z" < "08:30+03:00"; in time 05:30 UTC comes first.
        assert!(b.utc < a.utc);
        assert_eq!(b.local_date().to_string(), "2024-11-02");
    }

    #[test]
    fn local_date_keeps_the_writers_day() {
        let d = parse("2023-03-14T21:40:00-04:00", DateOrder::Unknown)
            .unwrap()
            .unwrap();
        assert_eq!(d.utc_string(), "2023-03-15T01:40:00Z");
        assert_eq!(d.local_date().to_string(), "2023-03-14");
    }

    #[test]
    fn a_date_spans_its_whole_day() {
        let d = parse("2023-03-14", DateOrder::Unknown).unwrap().unwrap();
        let (start, end) = d.minutes();
        assert_eq!(end - start, 24 * 60 - 1);
    }

    #[test]
    fn resolve_infers_only_without_published() {
        let mut a = Article {
            text: "Headline\nMay 03, 2013\nText.".into(),
            ..Article::default()
        };
        assert_eq!(resolve(&mut a, DateOrder::Unknown), None);
        assert!(a.date.unwrap().is_inferred());
        let mut b = Article {
            published: Some("yesterday".into()),
            ..a.clone()
        };
        assert_eq!(
            resolve(&mut b, DateOrder::Unknown),
            Some(DateProblem::Unreadable)
        );
        assert_eq!(b.date, None);
    }

    #[test]
    fn resolve_falls_back_to_the_crawl_date() {
        let crawl = PublishedDate {
            basis: DateBasis::Crawl,
            ..parse("2024-01-02T03:04:05Z", DateOrder::Unknown)
                .unwrap()
                .unwrap()
        };
        let mut a = Article {
            text: "No date stated here.".into(),
            date: Some(crawl),
            ..Article::default()
        };
        resolve(&mut a, DateOrder::Unknown);
        assert_eq!(a.date, Some(crawl));
        assert_eq!(a.published.as_deref(), Some("2024-01-02T03:04:05Z"));
        // A date the text states wins over the crawl date.
        let mut b = Article {
            text: "Headline\nPosted Dec 23, 2012\nText.".into(),
            date: Some(crawl),
            ..Article::default()
        };
        resolve(&mut b, DateOrder::Unknown);
        assert_eq!(b.date.unwrap().utc_string(), "2012-12-23");
        assert_eq!(b.published, None);
    }
}
