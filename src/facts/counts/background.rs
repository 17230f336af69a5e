//! Background counts: figures about another, earlier event than the
//! article's own (a past quake's toll, an earlier shooting in the same
//! city). They are kept, marked [`Count::background`], and are never the
//! story's toll.
//!
//! A count is background when its sentence names a date (not one opening a
//! period: "since 2014") that ended more than [`BACKGROUND_DAYS`] days
//! before the article was published.

use super::super::dates::Precision;
use super::*;

/// Days before publication after which a dated sentence is background.
pub const BACKGROUND_DAYS: i64 = 30;

/// Marks the counts in `facts` whose sentence is about an earlier event.
/// `facts` holds every fact of the article (dates included); `published` is
/// the article's ISO date or time.
pub(crate) fn mark(text: &str, published: Option<&str>, facts: &mut [Fact]) {
    let Some(published_day) = published.and_then(|p| crate::stories::parse_day(p.trim())) else {
        return;
    };
    let mut background: Vec<Span> = facts
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
        .collect();
    background.sort_unstable();
    background.dedup();
    for fact in facts {
        if let FactValue::Count(c) = &mut fact.value
            && background.binary_search(&fact.sentence).is_ok()
        {
            c.background = true;
        }
    }
}

/// The last day (days since 1970-01-01) of a dated period; `None` for
/// year-less dates.
fn period_last_day(date: &str, precision: Precision) -> Option<i64> {
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
