//! Fact extraction: counts of people (casualties, forces, personnel and other
//! counted groups), who is quoted, dates and places, each with the byte span
//! of its evidence in the original text and the id of the rule that found it.
//!
//! Extraction is pure and deterministic: [`extract`] takes an article's text
//! (and its `published` date, to resolve relative dates) and returns facts in
//! text order. It never fails and never panics; every span lies on character
//! boundaries inside the text.

mod counts;
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
    /// People evacuated or displaced.
    Evacuated,
    /// Troops, soldiers or forces.
    Troops,
    /// Diplomats, staff or personnel.
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

/// A count of people: an interval and what is counted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Count {
    /// The number as an interval.
    pub value: Interval,
    /// What is counted, e.g. "American soldiers".
    pub counted: String,
    /// For forces and personnel: deployed, withdrawn, stationed or present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// True when the sentence reports several incidents ("in two separate
    /// shootings", "weekend shootings"), so the count is a total over them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub aggregate: bool,
}

/// Where counted forces or personnel are said to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Deployed or sent ("3,000 soldiers still deployed").
    Deployed,
    /// Withdrawn or leaving.
    Withdrawn,
    /// Stationed or based.
    Stationed,
    /// Present or remaining ("several hundred present").
    Present,
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
/// used to resolve relative dates.
pub fn extract(text: &str, published: Option<&str>) -> Vec<Fact> {
    let sentences = sentences::split(text);
    let mut facts = quotes::extract(text, &sentences);
    let lower = text.to_ascii_lowercase();
    let toks = tokens::tokenize(text);
    let words = counts::Words::new(text, &lower, &toks);
    let sentence_tokens = sentence_token_ranges(&toks, &sentences);
    counts::extract(&words, &sentence_tokens, &mut facts);
    dates::extract(&words, &sentences, published, &mut facts);
    places::extract(&words, &sentences, &mut facts);
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
mod data_tests {
    use super::*;

    /// The bundled gazetteer stays small (the limit is 300 KB).
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
