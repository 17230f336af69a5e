//! Event time and event anchors: how [`super::stories`] uses time the way
//! an editor would.
//!
//! Coverage of one event goes on for weeks (the shooting, the arrest, the
//! funeral, the trial), while a look-alike event (another shooting in the
//! same city) may come any day. Time alone cannot tell them apart; the
//! event's own particulars can. So:
//!
//! - **Within the window** ([`super::StoriesConfig::window_days`], 7 days)
//!   two reports are linked by their similarity alone.
//! - **Beyond it** a pair keeps its edge only when the two reports share at
//!   least [`super::StoriesConfig::anchor_floor`] (2) *anchors*, however
//!   similar their wording: two reports of a kind of event (a shooting
//!   in one city, a troop move in one country) share much vocabulary, and
//!   on a small input nothing looks common.
//!
//! An **anchor** is a name (a run of capitalized words: a victim, a
//! suspect, a street, a business, a neighbourhood) that is news for a while
//! and then is not: the dated copy groups naming it fall in at most
//! [`super::StoriesConfig::anchor_max_periods`] (3) 30-day periods, and it
//! is in at most [`super::StoriesConfig::anchor_max_df`] (100) copy groups,
//! so a city or a country named all year is not one. Nor is an official: a name introduced
//! by a role anywhere in the input ("spokeswoman Ana Pruitt", "Police
//! Chief Tom Lee", see [`super::features::Kind::Official`]) recurs across
//! every event its office speaks about. Each group keeps at most
//! [`MAX_ANCHORS`] anchors, the rarest.
//!
//! **Event time** of a copy group ([`event_time`]) is the earliest
//! publication date of its members, read from `published` or inferred from
//! the text's dateline or date line (see [`crate::published`]); for a group
//! with neither, the latest date its text mentions (with a year when one is
//! written; else a month and day, compared with other times on the yearly
//! circle, so "17 November" is 48 days from "January 4"); else none, and
//! the time rule does not apply to it.

use super::frequency::DocFreq;
use super::{FastMap, FastSet, Group, StoriesConfig};
use crate::article::Article;
use crate::published::{DateOrder, mentioned};
use std::sync::LazyLock;

use crate::stories::features::{Kind, hash, kind_of, tokenize};

/// Places and peoples of the facts gazetteer (countries, capitals,
/// states, cities, regions, their aliases and demonyms), as
/// [`Kind::Proper`] hashes of their heads: the setting of many events,
/// never an anchor of one.
static SETTINGS: LazyLock<FastSet<u64>> = LazyLock::new(|| {
    use crate::facts::places::{ALIASES_TXT, DEMONYMS_TXT, GAZETTEER_TSV};
    let mut set = FastSet::default();
    for text in [GAZETTEER_TSV, ALIASES_TXT, DEMONYMS_TXT] {
        for line in text.lines() {
            let mut fields = line.split('\t');
            let names = [fields.next(), fields.next()];
            for name in names.into_iter().flatten() {
                if let Some(head) = tokenize(name).last() {
                    set.insert(hash(Kind::Proper, &head.lower));
                }
            }
        }
    }
    set
});

/// Anchors kept per copy group (the rarest).
pub const MAX_ANCHORS: usize = 32;

/// When a copy group's event happened, as far as its text tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventTime {
    /// A day, counted from 1970-01-01.
    Day(i64),
    /// A month (1–12) and day written without a year.
    Yearless {
        /// Month, 1–12.
        month: i8,
        /// Day of the month.
        day: i8,
    },
}

impl EventTime {
    /// Days between two event times; with a year-less side, the shorter
    /// way round the year.
    pub fn days_apart(self, other: EventTime) -> u64 {
        match (self, other) {
            (EventTime::Day(a), EventTime::Day(b)) => (a - b).unsigned_abs(),
            (a, b) => {
                let d = (a.day_of_year() - b.day_of_year()).unsigned_abs();
                d.min(365 - d.min(365))
            }
        }
    }

    /// Day of a non-leap year, 0-based.
    fn day_of_year(self) -> i64 {
        let (month, day) = match self {
            EventTime::Day(d) => civil_month_day(d),
            EventTime::Yearless { month, day } => (i64::from(month), i64::from(day)),
        };
        const START: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
        START[(month.clamp(1, 12) - 1) as usize] + day - 1
    }
}

/// Month and day of a day counted from 1970-01-01 (H. Hinnant's algorithm).
fn civil_month_day(z: i64) -> (i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (m, d)
}

/// The event time of a copy group (see the module docs).
pub fn event_time(articles: &[Article], group: &Group) -> Option<EventTime> {
    let published = group
        .iter()
        .filter_map(|&i| articles[i].published_date().map(|d| d.utc_day()))
        .min();
    if let Some(day) = published {
        return Some(EventTime::Day(day));
    }
    let mut dated: Option<i64> = None;
    let mut yearless: Option<(i8, i8)> = None;
    for &i in group {
        for m in mentioned(&articles[i].text, DateOrder::Unknown) {
            match m.year {
                Some(y) => {
                    let day = super::parse_day(&format!("{y:04}-{:02}-{:02}", m.month, m.day));
                    dated = dated.max(day);
                }
                None => yearless = yearless.max(Some((m.month, m.day))),
            }
        }
    }
    match (dated, yearless) {
        (Some(d), _) => Some(EventTime::Day(d)),
        (None, Some((month, day))) => Some(EventTime::Yearless { month, day }),
        (None, None) => None,
    }
}

/// A copy group's anchors from its feature counts: names in at most
/// `anchor_max_df` groups that are not officials, single words that are
/// not places of the gazetteer nor heads of the group's names, the rarest
/// [`MAX_ANCHORS`], sorted by hash.
pub fn of_group(
    counts: &[(u64, u32)],
    heads: &[u64],
    df: &DocFreq,
    officials: &FastSet<u64>,
    config: &StoriesConfig,
) -> Vec<u64> {
    let mut found: Vec<(u32, u64)> = counts
        .iter()
        .filter(|&&(f, _)| {
            let anchor_kind = match kind_of(f) {
                Kind::Name => true,
                // A single word that is not the head of one of the group's
                // names (one person, one anchor).
                Kind::Proper => heads.binary_search(&f).is_err() && !SETTINGS.contains(&f),
                _ => false,
            };
            anchor_kind && !officials.contains(&f)
        })
        .filter_map(|&(f, _)| {
            let d = df.of(f);
            (d >= 2 && d <= config.anchor_max_df).then_some((d, f))
        })
        .collect();
    found.sort_unstable();
    found.truncate(MAX_ANCHORS);
    let mut out: Vec<u64> = found.into_iter().map(|(_, f)| f).collect();
    out.sort_unstable();
    out
}

/// Keeps, of each group's anchors, the names whose dated groups fall in at
/// most `max_periods` 30-day periods (a year-less time counts as none).
pub fn keep_bursts(anchors: &mut [Vec<u64>], times: &[Option<EventTime>], max_periods: u32) {
    // Up to `max_periods + 1` distinct periods per name: enough to know it
    // is too many. Bounded by the anchors kept per group.
    let cap = max_periods as usize + 1;
    let mut periods: FastMap<u64, Vec<i64>> = FastMap::default();
    for (list, time) in anchors.iter().zip(times) {
        let Some(EventTime::Day(day)) = time else {
            continue;
        };
        let period = day.div_euclid(30);
        for &f in list {
            let seen = periods.entry(f).or_default();
            if seen.len() < cap && !seen.contains(&period) {
                seen.push(period);
            }
        }
    }
    for list in anchors.iter_mut() {
        list.retain(|f| {
            periods
                .get(f)
                .is_none_or(|p| p.len() <= max_periods as usize)
        });
    }
}

/// Anchors two sorted lists share.
pub fn shared(a: &[u64], b: &[u64]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_apart_on_the_calendar_and_the_yearly_circle() {
        let jan4 = EventTime::Day(super::super::parse_day("2020-01-04").unwrap());
        let nov17 = EventTime::Yearless { month: 11, day: 17 };
        assert_eq!(jan4.days_apart(nov17), 48);
        assert_eq!(nov17.days_apart(jan4), 48);
        let dec30 = EventTime::Day(super::super::parse_day("2019-12-30").unwrap());
        assert_eq!(jan4.days_apart(dec30), 5);
        assert_eq!(
            EventTime::Yearless { month: 3, day: 1 }
                .days_apart(EventTime::Yearless { month: 3, day: 9 }),
            8
        );
    }

    #[test]
    fn month_and_day_of_a_day_number() {
        for date in ["1970-01-01", "2000-02-29", "2020-12-31", "1969-07-20"] {
            let d = super::super::parse_day(date).unwrap();
            let (m, day) = civil_month_day(d);
            assert_eq!(format!("{m:02}-{day:02}"), date[5..], "{date}");
        }
    }

    fn article(text: &str, published: Option<&str>) -> Article {
        Article {
            id: "a".into(),
            text: text.into(),
            published: published.map(str::to_string),
            ..Article::default()
        }
    }

    #[test]
    fn event_time_falls_back_from_published_to_mentioned_dates() {
        let day = |s| EventTime::Day(super::super::parse_day(s).unwrap());
        let a = [article("It happened on March 3, 2021.", Some("2021-03-05"))];
        assert_eq!(event_time(&a, &vec![0]), Some(day("2021-03-05")));
        let a = [article(
            "After the raid of January 3, 2020, and the vote of January 5, 2020, ...",
            None,
        )];
        assert_eq!(event_time(&a, &vec![0]), Some(day("2020-01-05")));
        let a = [article("Rockets hit the capital on 17 November.", None)];
        assert_eq!(
            event_time(&a, &vec![0]),
            Some(EventTime::Yearless { month: 11, day: 17 })
        );
        let a = [article("No date here.", None)];
        assert_eq!(event_time(&a, &vec![0]), None);
    }

    #[test]
    fn shared_counts_common_hashes() {
        assert_eq!(shared(&[1, 3, 5, 9], &[2, 3, 9, 10]), 2);
        assert_eq!(shared(&[], &[1]), 0);
    }
}
