//! Who is quoted: a speaker's identity key (person by surname and first
//! name, organization by normalized name, anonymous source by affiliation
//! and role), its label, and fuzzy name matching.

use super::*;

/// The identity key of a speaker: `person:<surname>[:<first name>]`,
/// `org:<normalized name>`, or `anon:<affiliation>:<role>`.
pub fn speaker_key(speaker: &Speaker) -> String {
    if let Some(name) = &speaker.name {
        let words: Vec<String> = name
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii"))
            .collect();
        // The first name is the word right before the surname unless it is
        // an initial or an honorific: "Secretary of State Mike Pompeo" ->
        // pompeo:mike, "Mr Azzawi" -> azzawi. A surname's Arabic article is
        // dropped: "al-Azzawi" ~ "Azzawi"; a particle before it is no first
        // name: "Mohammed bin Salman" -> salman:mohammed.
        return match words.split_last() {
            None => "person:".into(),
            Some((last, rest)) => {
                let last = ["al-", "el-"]
                    .iter()
                    .find_map(|p| last.strip_prefix(p))
                    .filter(|s| !s.is_empty())
                    .unwrap_or(last);
                let first = rest.iter().rev().find(|w| {
                    w.chars().count() > 1
                        && !matches!(w.as_str(), "bin" | "bint" | "ibn" | "al" | "el")
                });
                match first {
                    Some(first) if !HONORIFICS.contains(&first.as_str()) => {
                        format!("person:{last}:{first}")
                    }
                    _ => format!("person:{last}"),
                }
            }
        };
    }
    if speaker.anonymous {
        let description = speaker
            .description
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .replace("u.s.", "us");
        let words: Vec<&str> = description
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let role = words
            .iter()
            .rev()
            .find(|w| ROLE_WORDS.contains(&w.trim_end_matches('s')))
            .map(|w| w.trim_end_matches('s'))
            .unwrap_or("source");
        let affiliation = words
            .iter()
            .find_map(|w| affiliation_of(w))
            .or_else(|| speaker.organization.as_deref().map(normalize_org_static))
            .unwrap_or_default();
        return format!("anon:{affiliation}:{role}");
    }
    match (&speaker.organization, &speaker.description) {
        (Some(org), _) => format!("org:{}", normalize_org(org)),
        // A speaker known only by a description stands for itself, never
        // for every other such speaker.
        (None, Some(description)) => format!("described:{}", normalize_org(description)),
        (None, None) => "unknown".into(),
    }
}

/// Words before a surname that are not first names, lower case.
pub(super) const HONORIFICS: &[&str] = &[
    "adm", "brig", "capt", "col", "dame", "dr", "gen", "gov", "lt", "maj", "miss", "mr", "mrs",
    "ms", "prof", "rep", "rev", "sen", "sgt", "sheikh", "sir",
];

/// Role words that head anonymous-source descriptions, singular.
pub(super) const ROLE_WORDS: &[&str] = &[
    "aide",
    "analyst",
    "diplomat",
    "expert",
    "insider",
    "investigator",
    "official",
    "officer",
    "person",
    "people",
    "representative",
    "resident",
    "source",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "witnesse",
    "witness",
];

pub(super) fn affiliation_of(word: &str) -> Option<String> {
    let canonical = match word {
        "us" | "american" | "washington" => "us",
        "iraqi" | "iraq" | "baghdad" => "iraq",
        "iranian" | "iran" | "tehran" => "iran",
        "western" => "western",
        "british" | "uk" | "london" => "uk",
        "french" | "france" | "paris" => "france",
        "israeli" | "israel" => "israel",
        "russian" | "russia" | "moscow" => "russia",
        "chinese" | "china" | "beijing" => "china",
        "pentagon" | "defence" | "defense" | "military" => "defence",
        "police" => "police",
        _ => return None,
    };
    Some(canonical.to_string())
}

pub(super) fn normalize_org_static(org: &str) -> String {
    normalize_org(org)
}

pub(super) fn normalize_org(org: &str) -> String {
    org.to_lowercase()
        .replace("u.s.", "us")
        .replace("united states", "us")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn speaker_label(speaker: &Speaker) -> String {
    if let Some(name) = &speaker.name {
        return name.clone();
    }
    if speaker.anonymous {
        return speaker
            .description
            .clone()
            .unwrap_or_else(|| "anonymous source".into());
    }
    speaker
        .organization
        .clone()
        .or_else(|| speaker.description.clone())
        .unwrap_or_else(|| "unknown speaker".into())
}

/// Whether two person keys name the same person: same surname, and first
/// names alike when both are known.
pub(super) fn same_person(a: &str, b: &str) -> bool {
    let parts = |k: &str| -> (String, Option<String>) {
        let mut it = k.trim_start_matches("person:").splitn(2, ':');
        (
            it.next().unwrap_or("").to_string(),
            it.next().map(str::to_string),
        )
    };
    let ((sa, fa), (sb, fb)) = (parts(a), parts(b));
    if strsim::jaro_winkler(&sa, &sb) < 0.95 {
        return false;
    }
    match (fa, fb) {
        (Some(x), Some(y)) => strsim::jaro_winkler(&x, &y) >= 0.85,
        _ => true,
    }
}
