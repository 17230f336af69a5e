//! Places: countries, US states, capitals and cities from a bundled
//! gazetteer (GeoNames, CC BY 4.0: see `lexicon/GAZETTEER.md`), aliases
//! ("US", "U.S.", "Britain", "Middle East"), demonyms ("Iraqi" → Iraq,
//! "Americans" → United States) and datelines ("BAGHDAD (AFP) —",
//! "WASHINGTON —", "STOCKTON-").
//!
//! Matching is a hash lookup over runs of up to four capitalized tokens,
//! longest first. Names in the gazetteer must be capitalized in the text;
//! all-capital aliases ("US", "UK") must match exactly, so the pronoun "us"
//! is never a place. A dateline is an all-capital name at the start of a
//! line followed by a dash, a parenthesis or a comma. One place per name,
//! preferring by type: country, capital, state, city, region.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use super::counts::Words;
use super::tokens::{FastMap, is_capitalized};
use super::{Fact, FactKind, FactValue};
use crate::article::Span;

/// A place value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlaceValue {
    /// Canonical name, e.g. "United States" for "U.S." or "American".
    pub place: String,
    /// What kind of place.
    #[serde(rename = "type")]
    pub place_type: PlaceType,
    /// ISO 3166 alpha-2 country code, when the place is in one country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The evidence as written.
    pub text: String,
}

/// The kind of a place, in order of preference for ambiguous names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceType {
    /// A country.
    Country,
    /// A country's capital.
    Capital,
    /// A US state.
    State,
    /// A city.
    City,
    /// A region ("Middle East").
    Region,
}

/// `lexicon/gazetteer.tsv`, generated from GeoNames.
pub(crate) const GAZETTEER_TSV: &str = include_str!("lexicon/gazetteer.tsv");
/// `lexicon/place_aliases.txt`, written by hand.
pub(crate) const ALIASES_TXT: &str = include_str!("lexicon/place_aliases.txt");
/// `lexicon/demonyms.txt`, written by hand.
pub(crate) const DEMONYMS_TXT: &str = include_str!("lexicon/demonyms.txt");
/// `lexicon/place_stopwords.txt`: city names that are common words.
pub(crate) const STOPWORDS_TXT: &str = include_str!("lexicon/place_stopwords.txt");

#[derive(Clone, Copy, Debug)]
struct Entry {
    canonical: &'static str,
    place_type: PlaceType,
    country: &'static str,
    /// Must match case exactly (all-capital aliases).
    exact: Option<&'static str>,
    demonym: bool,
}

fn parse_type(s: &str) -> PlaceType {
    match s {
        "country" => PlaceType::Country,
        "capital" => PlaceType::Capital,
        "state" => PlaceType::State,
        "region" => PlaceType::Region,
        _ => PlaceType::City,
    }
}

struct Gazetteer {
    names: FastMap<String, Entry>,
    /// Longest name in tokens.
    max_tokens: usize,
}

fn insert(map: &mut FastMap<String, Entry>, name: &'static str, e: Entry) {
    let key = name.to_ascii_lowercase().replace('.', " ");
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    match map.get(&key) {
        Some(old) if old.place_type <= e.place_type && !e.demonym => {}
        _ => {
            map.insert(key, e);
        }
    }
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let stop: Vec<&str> = STOPWORDS_TXT.lines().collect();
    let mut names = FastMap::default();
    for line in GAZETTEER_TSV.lines() {
        let mut f = line.split('\t');
        let (Some(name), Some(canonical), Some(t), Some(country)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let place_type = parse_type(t);
        if place_type == PlaceType::City && stop.contains(&name) {
            continue;
        }
        let canonical = if canonical.is_empty() {
            name
        } else {
            canonical
        };
        insert(
            &mut names,
            name,
            Entry {
                canonical,
                place_type,
                country,
                exact: None,
                demonym: false,
            },
        );
    }
    for line in ALIASES_TXT.lines() {
        let mut f = line.split('\t');
        let (Some(name), Some(canonical), Some(t)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let country = f.next().unwrap_or("");
        let exact = (name.chars().all(|c| c.is_ascii_uppercase() || c == '.')).then_some(name);
        let key = name.to_ascii_lowercase().replace('.', " ");
        let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
        names.insert(
            key,
            Entry {
                canonical,
                place_type: parse_type(t),
                country,
                exact,
                demonym: false,
            },
        );
    }
    let countries: HashMap<&str, &str> = GAZETTEER_TSV
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 4 && f[2] == "country").then(|| (f[0], f[3]))
        })
        .collect();
    for line in DEMONYMS_TXT.lines() {
        let Some((demonym, country)) = line.split_once('\t') else {
            continue;
        };
        let e = Entry {
            canonical: country,
            place_type: PlaceType::Country,
            country: countries.get(country).copied().unwrap_or(""),
            exact: None,
            demonym: true,
        };
        insert(&mut names, demonym, e);
    }
    let max_tokens = names
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(1)
        .min(5);
    Gazetteer { names, max_tokens }
});

/// Whether `name`, as written, is a place of the gazetteer (a country, city,
/// state or region; not a demonym). Quote attribution uses it for places
/// that speak for their governments ("Iran said", "Washington warned").
pub(crate) fn is_place_name(name: &str) -> bool {
    let key = name.to_ascii_lowercase().replace('.', " ");
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    GAZETTEER
        .names
        .get(&key)
        .is_some_and(|e| !e.demonym && e.exact.is_none_or(|exact| exact == name))
}

/// Extracts places from `w`; `sentences` are the text's sentence spans.
pub(crate) fn extract(w: &Words, sentences: &[Span], out: &mut Vec<Fact>) {
    let g = &*GAZETTEER;
    let n = w.tokens.len();
    let mut key = String::new();
    let mut i = 0;
    while i < n {
        let first = word(w, i);
        if !is_capitalized(first) {
            // "pro-Iran factions", "anti-American": the name after the prefix.
            if let Some(name) = ["pro-", "anti-"].iter().find_map(|p| first.strip_prefix(p))
                && is_capitalized(name)
                && !name.contains('-')
            {
                let key = name.to_ascii_lowercase();
                let e = g.names.get(&key).copied().or_else(|| {
                    key.strip_suffix('s')
                        .and_then(|k| g.names.get(k).copied())
                        .filter(|e| e.demonym)
                });
                if let Some(e) = e.filter(|e| e.exact.is_none()) {
                    let start = w.tokens[i].span.end - name.len();
                    push(
                        w,
                        sentences,
                        out,
                        Span::new(start, w.tokens[i].span.end),
                        e,
                        if e.demonym {
                            "place.demonym"
                        } else {
                            "place.name"
                        },
                    );
                }
            }
            i += 1;
            continue;
        }
        let mut found = None;
        // Longest run first.
        let mut run = 1;
        while run < g.max_tokens && i + run < n {
            let j = i + run;
            if w.breaks_before(j) || w.gap(j).contains([',', '\n']) || !is_capitalized(word(w, j)) {
                break;
            }
            run += 1;
        }
        for len in (1..=run).rev() {
            key.clear();
            let mut end = w.tokens[i + len - 1].span.end;
            for k in i..i + len {
                if k > i {
                    key.push(' ');
                }
                let mut part = w.lower[k];
                // "States-led", "Iran-backed": the name before a lower-case suffix.
                if k == i + len - 1
                    && let Some((name, suffix)) = part.split_once('-')
                    && !suffix.is_empty()
                    && word(w, k)[name.len() + 1..]
                        .bytes()
                        .all(|b| b.is_ascii_lowercase())
                {
                    part = name;
                    end = w.tokens[k].span.start + name.len();
                }
                if part.contains('.') {
                    key.push_str(&part.replace('.', " "));
                } else {
                    key.push_str(part);
                }
            }
            let lookup = |key: &str| g.names.get(key.trim()).copied();
            let mut entry = lookup(&key).map(|e| (e, false));
            // Plural demonyms: "Americans", "Iraqis".
            if entry.is_none()
                && let Some(stem) = key.strip_suffix('s')
                && let Some(e) = lookup(stem).filter(|e| e.demonym)
            {
                entry = Some((e, true));
            }
            let Some((e, _)) = entry else { continue };
            if let Some(exact) = e.exact {
                let text = &w.text[w.tokens[i].span.start..end];
                if text != exact {
                    continue;
                }
            }
            let all_caps = (i..i + len).all(|k| {
                let t = word(w, k);
                t.len() > 1 && t.chars().all(|c| !c.is_lowercase())
            });
            // A mixed-case text match must not be all lower-case after the
            // first letter of an all-capital word unless it is a dateline.
            let line_start = i == 0 || w.gap(i).contains('\n');
            let after = if i + len < n {
                let g = w.tokens[i + len].gap;
                &w.text[g.start..g.end]
            } else {
                &w.text[w.tokens[i + len - 1].span.end..]
            };
            let dateline = all_caps
                && e.exact.is_none()
                && line_start
                && after.trim_start().starts_with(['—', '–', '-', '(', ',']);
            if all_caps && e.exact.is_none() && !dateline {
                continue; // "IRAQ" in a shouted headline is fine, but so is noise; skip
            }
            let rule = if dateline {
                "place.dateline"
            } else if e.demonym {
                "place.demonym"
            } else {
                "place.name"
            };
            found = Some((len, end, e, rule));
            break;
        }
        match found {
            Some((len, end, e, rule)) => {
                push(
                    w,
                    sentences,
                    out,
                    Span::new(w.tokens[i].span.start, end),
                    e,
                    rule,
                );
                i += len;
            }
            None => i += 1,
        }
    }
}

fn push(
    w: &Words,
    sentences: &[Span],
    out: &mut Vec<Fact>,
    span: Span,
    e: Entry,
    rule: &'static str,
) {
    let sentence = super::sentences::containing(sentences, span.start).unwrap_or(span);
    out.push(Fact {
        kind: FactKind::Place,
        value: FactValue::Place(PlaceValue {
            place: e.canonical.to_string(),
            place_type: e.place_type,
            country: (!e.country.is_empty()).then(|| e.country.to_string()),
            text: w.text[span.start..span.end].to_string(),
        }),
        span,
        sentence,
        rule,
    });
}

fn word<'t>(w: &Words<'t>, i: usize) -> &'t str {
    let s = w.tokens[i].span;
    &w.text[s.start..s.end]
}

#[cfg(test)]
mod tests {
    use super::super::extract as extract_all;
    use super::*;

    fn places(text: &str) -> Vec<(String, &'static str)> {
        extract_all(text, None)
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Place(p) => Some((p.place, f.rule)),
                _ => None,
            })
            .collect()
    }

    macro_rules! place_tests {
        ($($name:ident: $text:expr => [$(($place:expr, $rule:expr)),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let expected: Vec<(String, &'static str)> = vec![$(($place.to_string(), $rule)),*];
                assert_eq!(places($text), expected, "{:?}", $text);
            }
        )*};
    }

    place_tests! {
        country: "Troops left Iraq." => [("Iraq", "place.name")],
        city: "The embassy in Baghdad closed." => [("Baghdad", "place.name")],
        multiword_longest: "He flew to Kansas City on Monday." => [("Kansas City", "place.name")],
        demonym: "Iraqi officials said so." => [("Iraq", "place.demonym")],
        plural_demonym: "Americans should leave." => [("United States", "place.demonym")],
        abbreviation: "The U.S. Embassy urged citizens." => [("United States", "place.name")],
        acronym: "US troops left." => [("United States", "place.name")],
        prefixed: "pro-Iran factions and pro-Iranian groups" => [
            ("Iran", "place.name"), ("Iran", "place.demonym")],
        hyphen_suffix: "The United States-led coalition and Iran-backed groups" => [
            ("United States", "place.name"), ("Iran", "place.name")],
        alternate_spelling: "Teheran had warned." => [("Tehran", "place.name")],
        region: "influence in the Middle East" => [("Middle East", "place.name")],
        dateline: "BAGHDAD (AFP) — Rockets hit." => [("Baghdad", "place.dateline")],
        dateline_dash: "STOCKTON-\n\nPolice say" => [("Stockton", "place.dateline")],
        capital_over_state: "WASHINGTON — The State Department" => [("Washington", "place.dateline")],
    }

    place_tests! {
        no_pronoun: "Tell us what you saw." => [],
        no_common_word: "Nice work. Reading is fun." => [],
        no_lowercase: "the iraq war" => [],
    }
}
