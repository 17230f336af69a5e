//! The date an article states about itself, for records without
//! `published`: a wire dateline ("KABUL, Jan 5 (Reuters) -"), a labelled
//! date at the head of a line ("date 2020-01-04", "Posted Dec 23, 2012",
//! "Published: Thursday, May 2, 2013, 1:32 PM"), or a line at the top that
//! is only a date ("May 03, 2013", "14 June 2013").
//!
//! Only the opening of the text is read ([`OPENING_LINES`] lines, at most
//! [`OPENING_BYTES`] bytes, each line's first [`LINE_BYTES`]), where pages
//! and wire copy put these. When several are found, a publication label
//! ("Posted", "Published", "date") wins, then a dateline or a bare date line,
//! then an "Updated" line; among equals, the first in the text.
//!
//! A dateline without a year ("Jan 5") takes its year only from a date with
//! a year written in the same text: the month and day are placed in the year
//! that puts them nearest that date, and used only when that is within
//! [`YEAR_EVIDENCE_DAYS`] days of it (the nearest such date decides). With
//! no such date, the dateline gives no date. The run's clock is never read.
//!
//! A time is kept when its zone is written ("2: 00pm EDT"); a time without
//! one is dropped and the date alone kept (day precision), since the text's
//! local time cannot be placed in UTC.

use jiff::civil::Date;

use super::written::{self, Found, Kind, Token};
use super::{DateOrder, build};
use crate::article::{DateBasis, PublishedDate, Span};

/// Lines of the opening read for a date.
pub const OPENING_LINES: usize = 12;
/// Bytes of the opening read for a date.
pub const OPENING_BYTES: usize = 2_000;
/// Bytes of each line read (dates and datelines open their line).
pub const LINE_BYTES: usize = 300;
/// Greatest distance, in days, between a year-less dateline and the dated
/// mention that gives it its year.
pub const YEAR_EVIDENCE_DAYS: i64 = 60;

/// Words that label a publication date at the head of a line.
const PUBLISHED_LABELS: [&str; 9] = [
    "created",
    "date",
    "dated",
    "first",
    "originally",
    "posted",
    "published",
    "release",
    "released",
];
/// Words that label a later date.
const UPDATED_LABELS: [&str; 6] = [
    "edited", "last", "modified", "revised", "updated", "updates",
];
/// Words that may stand around a date on a date line: joiners, what is
/// dated ("Story created", "Published time"), hours, and news agencies
/// credited beside the date ("AFP, Tuesday 2 Jul 2013").
const FILLER: [&str; 24] = [
    "afp", "ani", "ansa", "ap", "article", "at", "bernama", "dpa", "efe", "hours", "hrs", "ians",
    "of", "on", "pti", "reuters", "story", "tass", "the", "time", "upi", "wam", "xinhua", "yonhap",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Priority {
    Published,
    Line,
    Updated,
}

struct Candidate {
    priority: Priority,
    rule: &'static str,
    found: Found,
    /// Byte offset of the line in the text.
    offset: usize,
}

/// The date `text` states about itself, if any (see the module docs).
pub fn infer(text: &str, order: DateOrder) -> Option<PublishedDate> {
    let mut best: Option<Candidate> = None;
    let mut offset = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        if at >= OPENING_BYTES || lines >= OPENING_LINES {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        let head = prefix(line, LINE_BYTES);
        // Every date form holds a digit.
        if !head.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let tokens = written::tokens(head);
        let Some(candidate) = classify(&tokens, order, lines, at) else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|b| candidate.priority < b.priority)
        {
            best = Some(candidate);
        }
    }
    let best = best?;
    let mut found = best.found;
    if found.year.is_none() {
        found.year = Some(year_from_text(text, &found, order)?);
    }
    let date = build(&found, order, false).ok()?;
    Some(PublishedDate {
        basis: DateBasis::Text {
            rule: best.rule,
            span: Span::new(best.offset + found.start, best.offset + found.end),
        },
        ..date
    })
}

/// A date written anywhere in a text: year (when written), month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MentionedDate {
    /// The year, when the mention writes one.
    pub year: Option<i16>,
    /// Month, 1–12.
    pub month: i8,
    /// Day of the month.
    pub day: i8,
}

/// Every unambiguous day-precise date written in `text` ("17 November",
/// "January 3, 2020", "2020-01-04"), in text order; a numeric date that
/// reads both ways is left out. For the dates a report mentions about its
/// event, when it has no publication date (see `stories`).
pub fn mentioned(text: &str, order: DateOrder) -> Vec<MentionedDate> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let tokens = written::tokens(text);
    let mut from = 0;
    let mut out = Vec::new();
    while let Some(m) = written::find_in(&tokens, order, from) {
        from = m.last + 1;
        if m.other_reading.is_none() {
            out.push(MentionedDate {
                year: m.year,
                month: m.month,
                day: m.day,
            });
        }
    }
    out
}

/// The longest prefix of `s` of at most `max` bytes ending on a character
/// boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn word_in(t: &Token<'_>, words: &[&str]) -> bool {
    t.kind == Kind::Word && words.iter().any(|w| w.eq_ignore_ascii_case(t.text))
}

fn classify(
    tokens: &[Token<'_>],
    order: DateOrder,
    line_number: usize,
    offset: usize,
) -> Option<Candidate> {
    let found = written::find_in(tokens, order, 0)?;
    let before = &tokens[..found.first];
    let after = &tokens[found.last + 1..];
    // The line's words that are no part of a date, a time or a label.
    let mut words_left = 0;
    let mut i = 0;
    while i < tokens.len() {
        if let Some(date) = written::find_in(tokens, order, i).filter(|d| d.first == i) {
            i = date.last + 1;
            continue;
        }
        if let Some(end) = written::time_end(tokens, i) {
            i = end + 1;
            continue;
        }
        let t = &tokens[i];
        let filler = t.kind == Kind::Punct
            || word_in(t, &FILLER)
            || word_in(t, &PUBLISHED_LABELS)
            || word_in(t, &UPDATED_LABELS)
            || (t.kind == Kind::Word
                && (written::is_weekday(t.text) || written::is_zone_word(t.text)));
        if !filler {
            words_left += 1;
        }
        i += 1;
    }
    let candidate = |priority, rule| {
        Some(Candidate {
            priority,
            rule,
            found,
            offset,
        })
    };
    let is_filler = |t: &Token<'_>| {
        t.kind == Kind::Punct
            || word_in(t, &FILLER)
            || word_in(t, &PUBLISHED_LABELS)
            || word_in(t, &UPDATED_LABELS)
            || (t.kind == Kind::Word && written::is_weekday(t.text))
    };
    // A label right before the date: "Posted Dec 23, 2012 by …",
    // "date 2020-01-04 The coalition …", "UPDATED 05/03/2013 at 11:00 AM".
    if !before.is_empty() && before.iter().all(is_filler) {
        if before.iter().any(|t| word_in(t, &PUBLISHED_LABELS)) {
            return candidate(Priority::Published, "date.byline");
        }
        if before.iter().any(|t| word_in(t, &UPDATED_LABELS)) {
            return candidate(Priority::Updated, "date.updated");
        }
    }
    // "By Dana Whitfield, Staff Writer · March 14, 2023"
    if before.first().is_some_and(|t| word_in(t, &["by"])) && before.len() <= 12 {
        return candidate(Priority::Published, "date.byline");
    }
    // A wire dateline opening one of the first paragraphs.
    if line_number <= 5 && is_dateline(before, after) {
        return candidate(Priority::Line, "date.dateline");
    }
    // A line that is only dates (with weekdays, times and labels).
    if words_left == 0 {
        return candidate(Priority::Line, "date.top_line");
    }
    None
}

/// "KABUL, Jan 5 (Reuters) -", "SPRINGFIELD, Ill., March 3 —",
/// "Jan 5 (Reuters) -": place words in capitals (or none) before the date,
/// an agency in parentheses and a dash after it.
fn is_dateline(before: &[Token<'_>], after: &[Token<'_>]) -> bool {
    if before.len() > 8 {
        return false;
    }
    let place_ok = before.iter().all(|t| match t.kind {
        Kind::Word => t.text.starts_with(|c: char| c.is_uppercase()),
        Kind::Punct => matches!(t.text, "," | "." | "'" | "-"),
        Kind::Num => false,
    });
    let comma_before = before
        .last()
        .is_none_or(|t| matches!(t.text, "," | "-" | "\u{2013}" | "\u{2014}"));
    if !place_ok || !comma_before {
        return false;
    }
    // A place, when there is one, is written in capitals: "KABUL".
    if let Some(first) = before.first()
        && (first.kind != Kind::Word || first.text.chars().any(|c| c.is_lowercase()))
    {
        return false;
    }
    let mut i = 0;
    if after.get(i).is_some_and(|t| t.text == "(") {
        let close = after.iter().take(8).position(|t| t.text == ")");
        let Some(close) = close else {
            return false;
        };
        i = close + 1;
    }
    // A dash, or after a place the end of the line ("WASHINGTON, DC, April
    // 28, 2009").
    match after.get(i) {
        Some(t) => matches!(t.text, "-" | "\u{2013}" | "\u{2014}" | ":" | "/"),
        None => !before.is_empty(),
    }
}

/// The year of a year-less date found in the opening, from the dated
/// mentions in `text` (see the module docs).
fn year_from_text(text: &str, found: &Found, order: DateOrder) -> Option<i16> {
    let tokens = written::tokens(text);
    let mut from = 0;
    let mut best: Option<(i64, i16)> = None;
    while let Some(mention) = written::find_in(&tokens, order, from) {
        from = mention.last + 1;
        let Some(year) = mention.year else {
            continue;
        };
        if mention.other_reading.is_some() {
            continue;
        }
        let Ok(evidence) = Date::new(year, mention.month, mention.day) else {
            continue;
        };
        for y in [year - 1, year, year + 1] {
            let Ok(date) = Date::new(y, found.month, found.day) else {
                continue;
            };
            let days = (date.duration_since(evidence).as_secs() / 86_400).abs();
            if days <= YEAR_EVIDENCE_DAYS && best.is_none_or(|(d, _)| days < d) {
                best = Some((days, y));
            }
        }
    }
    best.map(|(_, y)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(UTC date, rule, evidence)` or `-`.
    fn inferred(text: &str) -> String {
        match infer(text, DateOrder::Unknown) {
            None => "-".into(),
            Some(d) => {
                let DateBasis::Text { rule, span } = d.basis else {
                    unreachable!("inferred dates come from the text")
                };
                format!(
                    "{} {rule} [{}]",
                    d.utc_string(),
                    &text[span.start..span.end]
                )
            }
        }
    }

    macro_rules! infers {
        ($($name:ident: $text:expr => $want:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(inferred($text), $want, "{:?}", $text);
            }
        )*};
    }

    infers! {
        // Datelines.
        dateline_year_from_a_dated_mention:
            "KABUL, Jan 5 (Reuters) - A new road will open.\nThe last bridge was finished on Jan. 2, 2023, officials said.\n"
            => "2023-01-05 date.dateline [Jan 5]",
        dateline_across_new_year:
            "BAGHDAD, Jan 3 (Reuters) - Rockets hit a base.\nThe attack followed a strike on Dec. 29, 2019.\n"
            => "2020-01-03 date.dateline [Jan 3]",
        dateline_without_evidence_gives_nothing:
            "KABUL, Jan 5 (Reuters) - A new road will open next month.\n"
            => "-",
        dateline_evidence_too_far:
            "KABUL, Jan 5 (Reuters) - The road was first planned on June 3, 2019.\n"
            => "-",
        dateline_with_year:
            "WASHINGTON, March 3, 2021 /PRNewswire/ -- A company said.\n"
            => "2021-03-03 date.dateline [March 3, 2021]",
        dateline_state_abbreviation:
            "SPRINGFIELD, Ill., Oct. 14, 2022 — The governor signed a bill.\n"
            => "2022-10-14 date.dateline [Oct. 14, 2022]",
        dateline_line_alone:
            "Headline\nWASHINGTON, DC, April 28, 2009\nThe administration revoked a rule.\n"
            => "2009-04-28 date.dateline [April 28, 2009]",
        dateline_after_a_dash:
            "Headline\nWASHINGTON - April 27, 2009 - More than 1,300 scientists wrote.\n"
            => "2009-04-27 date.dateline [April 27, 2009]",
        dateline_without_place:
            "Jan 5, 2023 (Reuters) - Oil prices rose.\n"
            => "2023-01-05 date.dateline [Jan 5, 2023]",
        // Labelled dates.
        seed_style_label_in_running_text:
            " date 2020-01-04 The coalition has scaled back its operations, an official said.\n"
            => "2020-01-04 date.byline [2020-01-04]",
        posted_with_author:
            "Council keeps library open\nPosted Dec 23, 2012 by Gazette staff\nThe council voted.\n"
            => "2012-12-23 date.byline [Dec 23, 2012]",
        published_with_time_and_zone:
            "Headline here\nPUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM EDT\nText.\n"
            => "2013-05-02T17:32:00Z date.byline [MAY 2, 2013, 1: 32 PM EDT]",
        time_without_zone_keeps_the_date:
            "Headline here\nPosted on Thu Jun 13, 2013 08: 45 AM\nText.\n"
            => "2013-06-13 date.byline [Jun 13, 2013 08: 45 AM]",
        byline_with_name:
            "Headline\nBy Dana Whitfield, Staff Writer | March 14, 2023\nText.\n"
            => "2023-03-14 date.byline [March 14, 2023]",
        published_beats_updated:
            "Headline\nUPDATED 05 / 03 / 2013 at 11: 00 AM EDT\nOriginally published 05 / 03 / 2013 at 10: 20 AM EDT\nText.\n"
            => "2013-05-03T14:20:00Z date.byline [05 / 03 / 2013 at 10: 20 AM EDT]",
        updated_alone:
            "Updated Saturday, December 05, 2009 8: 28 PM\nHeadline\nText.\n"
            => "2009-12-05 date.updated [December 05, 2009 8: 28 PM]",
        label_words_before_the_date:
            "Headline\nStory Created: Aug 7, 2012 at 9: 56 AM AKDT\nText.\n"
            => "2012-08-07T17:56:00Z date.byline [Aug 7, 2012 at 9: 56 AM AKDT]",
        published_time_label:
            "Headline\nPublished time: March 12, 2013 02: 03\nEdited time: March 13, 2013 02: 15\nText.\n"
            => "2013-03-12 date.byline [March 12, 2013 02: 03]",
        // Bare date lines.
        date_line_with_update_time:
            "16 September 2013 Last updated at 12: 42 GMT\nHeadline\nText.\n"
            => "2013-09-16 date.top_line [16 September 2013]",
        two_dates_on_one_line:
            "Headline\non September 14, 2013 11: 41am | Updated on September 14, 2013 11: 41am\nText.\n"
            => "2013-09-14 date.top_line [September 14, 2013 11: 41am]",
        agency_credit_on_the_date_line:
            "Headline\nA strong quake struck.\nAFP, Tuesday 2 Jul 2013\nText.\n"
            => "2013-07-02 date.top_line [2 Jul 2013]",
        year_less_date_line_with_evidence:
            "COLTS BEAT CHIEFS\nDec. 24 4: 33 AM EST\nThe Colts clinched a berth on Dec. 23, 2012.\n"
            => "2012-12-24T09:33:00Z date.top_line [Dec. 24 4: 33 AM EST]",
        year_less_date_line_without_evidence:
            "COLTS BEAT CHIEFS\nDec. 24 4: 33 AM EST\nThe Colts clinched a berth.\n"
            => "-",
        ecb_style_date_line:
            "Lindsay Lohan checks into rehab\nMay 03, 2013\nAfter skipping out on a facility, she checked in.\n"
            => "2013-05-03 date.top_line [May 03, 2013]",
        day_month_line:
            "Headline\n14 June 2013\nThe actress has left.\n"
            => "2013-06-14 date.top_line [14 June 2013]",
        weekday_date_line:
            "Tuesday, May 24, 2005\nUp the coast the team fired its coach.\n"
            => "2005-05-24 date.top_line [May 24, 2005]",
        date_line_with_pipe_and_time:
            "Headline\nMay 2, 2013 | 5: 03pm\nText.\n"
            => "2013-05-02 date.top_line [May 2, 2013 | 5: 03pm]",
        // Not the article's own date.
        date_inside_a_sentence_is_not_stated_about_itself:
            "The court ruled on May 3, 2013 that the contract stood.\n"
            => "-",
        ambiguous_numbers_without_us_zone:
            "Headline\n05 / 02 / 2013\nText.\n"
            => "-",
        date_far_down_is_not_read:
            "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nMay 03, 2013\n"
            => "-",
    }

    #[test]
    fn evidence_span_is_into_the_text() {
        let text = "Headline\n\u{feff}Posted Dec 23, 2012\n";
        let d = infer(text, DateOrder::Unknown).expect("a posted date");
        let DateBasis::Text { span, .. } = d.basis else {
            panic!("not from the text")
        };
        assert_eq!(span.slice(text), Some("Dec 23, 2012"));
    }
}
