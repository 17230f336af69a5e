//! Fact extraction: counts of people (casualties, forces, personnel and other
//! counted groups), who is quoted, dates and places, each with the byte span
//! of its evidence in the original text and the id of the rule that found it.
//!
//! Extraction is pure and deterministic: [`extract`] takes an article's text
//! (and its `published` date, to resolve relative dates) and returns facts in
//! text order. It never fails and never panics; every span lies on character
//! boundaries inside the text. No clock is read.
//!
//! The stages share one tokenization (`tokens`: words with byte spans, ASCII
//! lower-casing that keeps offsets) and the sentence split ([`sentences`]):
//!
//! - counts of people (`counts`, over [`numbers`]): killed, injured, shot,
//!   missing, arrested, kidnapped, evacuated, troops, personnel and other
//!   groups, each linked to the noun it counts and the event word; see the
//!   `counts` module for the linking rules and the shot/killed/injured
//!   convention, and [`numbers`] for the interval of every hedge;
//! - dates ([`dates`]), absolute or resolved against `published`;
//! - places ([`places`]) from a bundled GeoNames gazetteer, aliases,
//!   demonyms and datelines;
//! - quotes ([`quotes`]): who is cited, one fact per attribution (speech
//!   and documents by an identified source; stances and unresolved pronouns
//!   are only in [`quotes::extract`]).
//!
//! # JSON
//!
//! Every fact serializes as `kind`, the kind's value fields inline, `span`
//! and `sentence` as `[start, end)` byte offsets, and `rule`:
//!
//! ```json
//! {"kind":"troops","value":{"min":3000,"max":3000},"counted":"American soldiers","status":"deployed","span":[1822,1845],"sentence":[1772,1869],"rule":"count.noun_kind"}
//! {"kind":"killed","value":{"min":12,"max":null},"counted":"people","span":[18,48],"sentence":[0,60],"rule":"count.hedged_number_noun"}
//! {"kind":"date","date":"2020-11-17","precision":"day","text":"17 November","span":[1479,1490],"sentence":[1411,1680],"rule":"date.day_month"}
//! {"kind":"place","place":"Iraq","type":"country","country":"IQ","text":"Iraqi","span":[271,276],"sentence":[207,303],"rule":"place.demonym"}
//! ```
//!
//! `max: null` is open-ended; `status` appears for forces and personnel when
//! the text says what they are doing (see [`Status`]); `subset` marks a part
//! of another count of the article, `background: true` a figure about an
//! earlier event, `superseded: true` a figure the article itself updates,
//! and `aggregate: true` a count in a sentence about several incidents (a
//! roundup total). See [`Count`].

mod counts;
pub use counts::background::BACKGROUND_DAYS;
pub mod dates;
pub mod numbers;
pub mod places;
pub mod quotes;
pub mod sentences;
pub(crate) mod tokens;

use serde::Serialize;

use crate::article::Span;

pub use quotes::{Quote, Speaker};

/// One fact found in an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    /// What the fact is about.
    pub kind: FactKind,
    /// The kind-specific value, serialized inline next to `kind`.
    #[serde(flatten)]
    pub value: FactValue,
    /// The evidence: byte offsets `[start, end)` into the original text.
    pub span: Span,
    /// The sentence holding the evidence, as byte offsets.
    pub sentence: Span,
    /// Id of the rule that produced the fact, e.g. `count.hedged_number`.
    pub rule: &'static str,
}

/// The kinds of fact wirediff extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactKind {
    /// People killed.
    Killed,
    /// People injured.
    Injured,
    /// People shot (hit by gunfire, killed or not): the gun-violence
    /// reporting convention, where victims shot = killed + injured.
    Shot,
    /// People missing.
    Missing,
    /// People arrested or detained.
    Arrested,
    /// People kidnapped or held hostage.
    Kidnapped,
    /// People evacuated, airlifted, rescued or relocated: moved out of
    /// danger by others, typically for a time.
    Evacuated,
    /// People displaced: homeless, fled their homes, uprooted, living in
    /// camps or tents, sleeping outdoors, refugees crossing a border. Not
    /// filed under [`FactKind::Evacuated`].
    Displaced,
    /// Troops: soldiers, marines, peacekeepers, armed fighters.
    Troops,
    /// Non-military people deployed, posted, assigned or responding:
    /// diplomats and embassy staff, police officers deployed or recruited,
    /// border guards, firefighters, rescuers, volunteers, health and aid
    /// workers, election observers, monitors.
    Personnel,
    /// Another counted group of people where the count is the news.
    People,
    /// Somebody quoted, directly or indirectly.
    Quote,
    /// A date.
    Date,
    /// A place.
    Place,
}

/// The value of a fact; which variant goes with which [`FactKind`] is fixed:
/// counts for the people kinds, a quote for `quote`, and so on.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    /// A count of people.
    Count(Count),
    /// A quote and its speaker.
    Quote(Quote),
    /// A date.
    Date(dates::DateValue),
    /// A place.
    Place(places::PlaceValue),
}

/// A count of people: an interval, what is counted, and how the figure
/// relates to the article's other figures.
///
/// The flags tell a comparison which row a figure belongs to:
///
/// - `subset`: a part of another count of the same article ("40 were hurt,
///   five of them critically": the 5 is a subset of the 40's evidence, part
///   "critically"). A subset is never the story's toll.
/// - `background`: about another, earlier event (a past quake's toll, an
///   earlier shooting in the same city). Never the story's toll.
/// - `superseded`: the article itself gives a later figure for the same
///   fact ("police initially said two; the toll later rose to four": the 2).
///   The article's earlier figure, not a conflict with other outlets.
///
/// ```json
/// {"kind":"injured","value":{"min":40,"max":40},"counted":"people","span":[0,20],"sentence":[0,44],"rule":"count.number_event"}
/// {"kind":"injured","value":{"min":5,"max":5},"counted":"people","subset":{"of":[0,20],"part":"critically"},"span":[22,43],"sentence":[0,44],"rule":"count.partitive"}
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Count {
    /// The number as an interval.
    pub value: Interval,
    /// What is counted, e.g. "American soldiers".
    pub counted: String,
    /// For forces and personnel: what the figure says they are doing
    /// (deployed, withdrawn, remaining, ordered out, a cap, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Set when the count is a part of another count in the same article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subset: Option<Subset>,
    /// True when the sentence reports several incidents ("in two separate
    /// shootings", "weekend shootings"), so the count is a total over them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub aggregate: bool,
    /// True when the count is about another, earlier event (its sentence
    /// names an earlier date or a past event): never the story's toll.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub background: bool,
    /// True when the article gives a later figure for the same fact
    /// ("initially said two; the toll later rose to four": the two).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub superseded: bool,
}

impl Count {
    /// A plain count: no status, not a subset, not aggregate, background
    /// or superseded.
    pub fn new(value: Interval, counted: impl Into<String>) -> Count {
        Count {
            value,
            counted: counted.into(),
            status: None,
            subset: None,
            aggregate: false,
            background: false,
            superseded: false,
        }
    }
}

/// A count that is part of a bigger count of the same article: "five of
/// them critically", "two of the injured are on ventilators", "including
/// eight children", "six victims, four inside the restaurant".
///
/// The parent may be of another kind: in "ten people were shot, two of them
/// fatally" the 2 killed are a subset of the 10 shot (part "fatally") and
/// still the whole of the killed: a subset is never its parent's kind's
/// toll, but a killed or injured subset of people shot is its own kind's.
///
/// Serialized as `{"of": [start, end], "part": "critically"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Subset {
    /// The evidence span of the parent count (the `span` of another count
    /// fact of the same article).
    pub of: Span,
    /// What sets the part apart from the whole, as written: "critically",
    /// "children", "on ventilators", "fatally", "in Bener Meriah".
    pub part: String,
}

/// What a count of forces or personnel says they are doing: the figures of
/// one story ("2,500 troops will be withdrawn, leaving 2,500 in the
/// country"; "ordered 30 diplomats out; 12 remain; a cap of 50") differ by
/// status, so a comparison keeps one row per status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Sent, deployed, dispatched, posted, recruited or responding ("3,000
    /// soldiers still deployed", "will send 1,500 more troops", "officers
    /// responded").
    Deployed,
    /// Withdrawn, pulled out, leaving, brought home or cut ("will withdraw
    /// 2,500 troops", "the 200 leaving").
    Withdrawn,
    /// Stationed or based somewhere, without a change ("5,000 troops are
    /// stationed in Iraq").
    Stationed,
    /// Present: said to be there, with no change implied ("several hundred
    /// present in the country").
    Present,
    /// Remaining: those left after a withdrawal or a cut ("leaving 2,500
    /// in the country", "the 12 who remain", "still there").
    Remaining,
    /// Expelled: ordered out by the host ("ordered 30 diplomats to leave",
    /// "expelled 18 diplomats", "declared persona non grata").
    Expelled,
    /// A cap: a limit on how many may be there ("capped at 50", "no more
    /// than 3,000 troops allowed", "a ceiling of 4,500").
    Cap,
}

/// A closed interval of whole numbers; `max: None` is open-ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Interval {
    /// Lowest value the text supports.
    pub min: u64,
    /// Highest value the text supports, or `None` when open-ended.
    pub max: Option<u64>,
}

/// Extracts every fact from `text`, in text order. `published` (ISO date) is
/// used to resolve relative dates and to tell background counts (about an
/// earlier event) from the article's own.
pub fn extract(text: &str, published: Option<&str>) -> Vec<Fact> {
    let sentences = sentences::split(text);
    let mut facts = quotes::extract(text, &sentences);
    // Who is cited, one fact per attribution: speech and documents by an
    // identified source. Stances, unresolved pronouns and quotations that
    // continue an attribution are left to `quotes::extract` (`wirediff
    // quotes`).
    facts.retain(|f| match &f.value {
        FactValue::Quote(q) => q.is_cited_source() && f.rule != "quote.continued",
        _ => true,
    });
    let lower = text.to_ascii_lowercase();
    let toks = tokens::tokenize(text);
    let words = counts::Words::new(text, &lower, &toks);
    let sentence_tokens = sentence_token_ranges(&toks, &sentences);
    counts::extract(&words, &sentence_tokens, &mut facts);
    dates::extract(&words, &sentences, published, &mut facts);
    places::extract(&words, &sentences, &mut facts);
    counts::background::mark(text, published, &mut facts);
    facts.sort_by_key(|f| (f.span, f.kind));
    facts
}

/// Token ranges `[start, end)` of each sentence, with the sentence span.
/// Tokens outside every sentence are not possible (sentences cover all
/// non-space text), but a token that straddles a boundary goes with the
/// sentence it starts in.
fn sentence_token_ranges(toks: &[tokens::Token], sentences: &[Span]) -> Vec<(usize, usize, Span)> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut t = 0;
    for s in sentences {
        while t < toks.len() && toks[t].span.start < s.start {
            t += 1;
        }
        let start = t;
        while t < toks.len() && toks[t].span.start < s.end {
            t += 1;
        }
        if t > start {
            out.push((start, t, *s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word list: sorted (byte order), unique, no blank lines, no
    /// trailing whitespace, one entry a line.
    #[test]
    fn lexicons_are_sorted_and_unique() {
        let lists = [
            ("people.txt", counts::PEOPLE_TXT),
            ("events.txt", counts::EVENTS_TXT),
            ("status.txt", counts::STATUS_TXT),
            ("gazetteer.tsv", places::GAZETTEER_TSV),
            ("place_aliases.txt", places::ALIASES_TXT),
            ("demonyms.txt", places::DEMONYMS_TXT),
            ("place_stopwords.txt", places::STOPWORDS_TXT),
        ];
        for (name, txt) in lists {
            let lines: Vec<&str> = txt.lines().collect();
            assert!(!lines.is_empty(), "{name} is empty");
            for l in &lines {
                assert!(!l.trim().is_empty(), "{name}: blank line");
                assert_eq!(
                    l.trim_end_matches(' '),
                    *l,
                    "{name}: trailing space in {l:?}"
                );
            }
            for pair in lines.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[cfg(test)]
mod schema_tests {
    use super::*;

    /// The count fields the comparison reads: `subset` as `{"of": [s, e],
    /// "part": ...}`, the flags only when set, `displaced` and the statuses
    /// in snake case.
    #[test]
    fn count_fields_serialize() {
        let mut c = Count::new(
            Interval {
                min: 5,
                max: Some(5),
            },
            "people",
        );
        let plain = serde_json::to_string(&c).unwrap();
        assert_eq!(plain, r#"{"value":{"min":5,"max":5},"counted":"people"}"#);
        c.subset = Some(Subset {
            of: Span::new(0, 20),
            part: "critically".into(),
        });
        c.status = Some(Status::Remaining);
        c.background = true;
        c.superseded = true;
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"value":{"min":5,"max":5},"counted":"people","status":"remaining","subset":{"of":[0,20],"part":"critically"},"background":true,"superseded":true}"#
        );
        let kinds = [FactKind::Displaced, FactKind::Personnel];
        assert_eq!(
            serde_json::to_string(&kinds).unwrap(),
            r#"["displaced","personnel"]"#
        );
        let statuses = [Status::Expelled, Status::Cap, Status::Remaining];
        assert_eq!(
            serde_json::to_string(&statuses).unwrap(),
            r#"["expelled","cap","remaining"]"#
        );
    }
}

#[cfg(test)]
mod data_tests {
    use super::*;

    /// The bundled gazetteer stays small (the issue's limit is 300 KB).
    #[test]
    fn gazetteer_is_small() {
        assert!(places::GAZETTEER_TSV.len() < 300_000);
    }

    /// Every demonym names a country of the gazetteer.
    #[test]
    fn demonyms_name_gazetteer_countries() {
        for line in places::DEMONYMS_TXT.lines() {
            let (_, country) = line.split_once('\t').expect("demonym<TAB>country");
            let entry = format!("{country}\t\tcountry\t");
            assert!(
                places::GAZETTEER_TSV.lines().any(|l| l.starts_with(&entry)),
                "{country} is not a gazetteer country"
            );
        }
    }
}
