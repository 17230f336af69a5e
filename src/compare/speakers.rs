//! Who is quoted: a speaker's identity key (person by surname and first
//! name, organization by normalized name, anonymous source by affiliation
//! and role), its label, and fuzzy name matching.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::*;

/// The identity key of a speaker: `person:<surname>[:<first name>]`,
/// `org:<normalized name>`, or `anon:<affiliation>:<role>`.
pub fn speaker_key(speaker: &Speaker) -> String {
    if let Some(name) = &speaker.name {
        let words = name_words(name);
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

/// Whether a written name gives a first name as well as a surname.
fn has_first_name(name: &str) -> bool {
    let speaker = Speaker {
        name: Some(name.to_string()),
        ..Speaker::default()
    };
    speaker_key(&speaker).matches(':').count() == 2
}

/// Words that open a description and are never part of a name: written in
/// lower case at the start of a label ("The sheriff" -> "the sheriff").
const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "both", "each", "his", "her", "its", "many", "most", "one",
    "other", "others", "several", "some", "that", "the", "their", "these", "this", "those",
    "three", "two",
];

/// The words of a story's texts, indexed once per story: every speaker key
/// and label is then looked up in time independent of the texts' length.
/// (Scanning the texts once per speaker made `compare` quadratic: 64 s for
/// one 1 MB paragraph and an edited copy of it.)
pub(super) struct TextWords<'t> {
    /// Words split at every character that is not alphanumeric.
    alnum: HashSet<&'t str>,
    /// Words of letters, digits, `-` and `'`.
    words: HashSet<&'t str>,
    /// Capitalized words seen where a capital marks a name: after a
    /// lower-case word, not at a sentence start, not before another
    /// capitalized word (see [`common_noun`]).
    name_positions: HashSet<&'t str>,
}

impl<'t> TextWords<'t> {
    pub(super) fn new(texts: &[&'t str]) -> TextWords<'t> {
        let mut index = TextWords {
            alnum: HashSet::new(),
            words: HashSet::new(),
            name_positions: HashSet::new(),
        };
        let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'';
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        for text in texts {
            index.alnum.extend(
                text.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty()),
            );
            // Words with the text between each and the word before it.
            let mut words: Vec<(&str, &str)> = Vec::new();
            let mut gap_start = 0;
            for (at, c) in text.char_indices() {
                if at < gap_start || !is_word(c) {
                    continue;
                }
                let end = text[at..]
                    .find(|c: char| !is_word(c))
                    .map_or(text.len(), |n| at + n);
                words.push((&text[at..end], &text[gap_start..at]));
                gap_start = end;
            }
            for (i, &(w, gap)) in words.iter().enumerate() {
                index.words.insert(w);
                if i == 0 || !w.chars().any(char::is_uppercase) {
                    continue;
                }
                // After a full stop, a colon, an opening quote or bracket,
                // or a line break (a new paragraph or a headline).
                let sentence_start =
                    gap.contains(['.', '!', '?', ':', ';', '"', '“', '(', '\n', '—', '|']);
                let after_lower = !capital(words[i - 1].0);
                let before_capital = words.get(i + 1).is_some_and(|n| capital(n.0));
                if after_lower && !sentence_start && !before_capital {
                    index.name_positions.insert(w);
                }
            }
        }
        index
    }
}

/// Whether `word` (written with a capital) is a common noun in these
/// texts: they write it in lower case somewhere, and never with a capital
/// after a lower-case word unless a capitalised word follows (a capital
/// mid-sentence on its own, "the Times reported", makes it a name; one
/// inside a longer name, "said Police Chief Ray Moody", does not).
pub(super) fn common_noun(word: &str, texts: &TextWords<'_>) -> bool {
    let lower = word.to_lowercase();
    lower == word || (!texts.name_positions.contains(word) && texts.words.contains(lower.as_str()))
}

/// The one label an aligned speaker is shown with, from the forms its
/// reports write (`forms`, earliest report first) and the story's texts;
/// see "Speaker labels" in the [`crate::compare`] docs.
pub(super) fn canonical_label(key: &str, forms: &[&str], texts: &TextWords<'_>) -> String {
    if key.starts_with("person:") {
        // The shortest form with a first name: "Mike Pompeo" over "Pompeo"
        // and "Secretary of State Mike Pompeo".
        if let Some(full) = forms
            .iter()
            .enumerate()
            .filter(|(_, f)| has_first_name(f))
            .min_by_key(|&(i, f)| (f.split_whitespace().count(), i))
        {
            return full.1.to_string();
        }
    }
    // The most frequent form, letter case aside, then the earliest; the
    // clause after a comma ("a US official, speaking on condition of
    // anonymity") is left out.
    // A form in capitals (a headline's "INVESTIGATORS") is read in lower
    // case unless it is an acronym ("FBI") or one with a lower-case form.
    let person = key.starts_with("person:");
    let trimmed: Vec<String> = forms
        .iter()
        .map(|f| {
            if person {
                f.to_string()
            } else {
                unshout(&head_phrase(f))
            }
        })
        .collect();
    // Counted in maps, not by rescanning the forms: a speaker may be quoted
    // thousands of times.
    let mut groups: HashMap<String, (usize, usize)> = HashMap::new(); // lower -> count, first index
    let lowered: Vec<String> = trimmed.iter().map(|f| f.to_lowercase()).collect();
    for (i, lower) in lowered.iter().enumerate() {
        groups.entry(lower.clone()).or_insert((0, i)).0 += 1;
    }
    let Some((best, _)) = groups
        .iter()
        .max_by_key(|&(_, &(count, first))| (count, std::cmp::Reverse(first)))
    else {
        return String::new();
    };
    // Within the group, the form written most often, then the earliest.
    let mut variants: HashMap<&str, (usize, usize)> = HashMap::new(); // form -> count, first index
    for (i, form) in trimmed.iter().enumerate() {
        if lowered[i] == *best {
            variants.entry(form.as_str()).or_insert((0, i)).0 += 1;
        }
    }
    let chosen = variants
        .iter()
        .max_by_key(|&(_, &(count, first))| (count, std::cmp::Reverse(first)))
        .map_or("", |(form, _)| *form);
    if key.starts_with("person:") {
        return chosen.to_string();
    }
    lower_initial(chosen, texts)
}

/// Whether a lower-case word names a role or a public body that is no
/// name on its own ("police", "sheriff", "officials"): such a word opening a
/// label is written in lower case even when the story's texts only ever
/// start a sentence with it.
fn role_noun(word: &str) -> bool {
    let singular = word
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .unwrap_or_else(|| word.strip_suffix('s').unwrap_or(word).to_string());
    ROLE_WORDS.contains(&singular.as_str())
        || matches!(
            singular.as_str(),
            "authority" | "coroner" | "deputy" | "detective" | "police" | "prosecutor" | "sheriff"
        )
}

/// A label written all in capitals, in lower case when it has a word of
/// more than four letters ("FAMILY MEMBERS" -> "family members"); acronyms
/// stay ("FBI", "NYPD").
fn unshout(form: &str) -> String {
    let letters = form.chars().filter(|c| c.is_alphabetic());
    let shouting = letters.clone().count() > 1 && letters.clone().all(char::is_uppercase);
    let long_word = form
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 4);
    if shouting && long_word {
        form.to_lowercase()
    } else {
        form.to_string()
    }
}

/// A description without the clause a comma opens when that clause starts
/// with a lower-case word: "A U.S. defense official, who spoke on
/// condition of anonymity" -> "A U.S. defense official".
fn head_phrase(form: &str) -> String {
    let mut head = form;
    for (at, _) in form.match_indices(", ") {
        if form[at + 2..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        {
            head = &form[..at];
            break;
        }
    }
    head.trim().to_string()
}

/// Writes the first word in lower case when it is a determiner or a common
/// noun of the story's texts ("Police" -> "police", "The arrest report" ->
/// "the arrest report"); names keep their capital ("Pentagon", "Fox News").
fn lower_initial(label: &str, texts: &TextWords<'_>) -> String {
    let first = label.split_whitespace().next().unwrap_or("");
    let lowered = first.to_lowercase();
    if first == lowered || first.chars().skip(1).any(char::is_uppercase) {
        return label.to_string();
    }
    let rest_starts_name = label
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let lower = DETERMINERS.contains(&lowered.as_str())
        || (!rest_starts_name && (common_noun(first, texts) || role_noun(&lowered)));
    if lower {
        format!("{lowered}{}", &label[first.len()..])
    } else {
        label.to_string()
    }
}

/// The speaker a one-word organization or description stands for when the
/// story also has a person of that surname ("Trump said" read as an
/// organization ~ "Donald Trump"), or the group a one-word "person" names
/// when the word is a common noun ("Authorities" ~ "authorities").
/// `None` keeps the key.
pub(super) fn same_word_speaker(
    key: &str,
    keys: &[String],
    person_keys: &[String],
    texts: &TextWords<'_>,
) -> Option<String> {
    let (kind, name) = key.split_once(':')?;
    if name.is_empty() || name.contains([' ', ':']) {
        return None;
    }
    let common = || texts.alnum.contains(name);
    match kind {
        "org" | "described" if !common() => {
            // Only one person of that surname, else it is ambiguous.
            let people: Vec<&String> = person_keys
                .iter()
                .filter(|k| k.trim_start_matches("person:").split(':').next() == Some(name))
                .collect();
            match people.as_slice() {
                [one] => Some(one.to_string()),
                _ => None,
            }
        }
        "person" if common() => {
            let role = name.strip_suffix('s').unwrap_or(name);
            [
                format!("org:{name}"),
                format!("described:{name}"),
                format!("anon::{role}"),
            ]
            .into_iter()
            .find(|k| keys.contains(k))
        }
        _ => None,
    }
}

/// A written name's words, lower case, without punctuation or a
/// generational suffix ("Jr.", "III").
fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii"))
        .collect()
}

/// The words of a written name before its surname that may be a given
/// name, lower case, nicknames read as the name ("Mike" -> "michael"):
/// "Hillary Rodham Clinton" -> {hillary, rodham}.
pub(super) fn given_names(name: &str) -> BTreeSet<String> {
    let words = name_words(name);
    let Some((_, rest)) = words.split_last() else {
        return BTreeSet::new();
    };
    rest.iter()
        .filter(|w| {
            w.chars().count() > 1
                && !HONORIFICS.contains(&w.as_str())
                && !matches!(w.as_str(), "bin" | "bint" | "ibn" | "al" | "el")
        })
        .map(|w| {
            NICKNAMES
                .iter()
                .find(|(nick, _)| nick == w)
                .map_or_else(|| w.clone(), |(_, full)| full.to_string())
        })
        .collect()
}

/// Common English nicknames and the given name they stand for, sorted.
const NICKNAMES: &[(&str, &str)] = &[
    ("bill", "william"),
    ("bob", "robert"),
    ("chris", "christopher"),
    ("dan", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("ed", "edward"),
    ("jim", "james"),
    ("joe", "joseph"),
    ("liz", "elizabeth"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("nick", "nicholas"),
    ("rick", "richard"),
    ("rob", "robert"),
    ("steve", "stephen"),
    ("tom", "thomas"),
    ("tony", "anthony"),
];

/// Whether two person keys name the same person, knowing the given names
/// written with each ([`given_names`]): [`same_person`], or the same
/// surname and a given name in common ("Hillary Rodham Clinton" ~
/// "Hillary Clinton", "Mike Thibodeau" ~ "Michael Thibodeau").
pub(super) fn same_named_person(
    a: &str,
    b: &str,
    given: &BTreeMap<String, BTreeSet<String>>,
) -> bool {
    if same_person(a, b) {
        return true;
    }
    let surname = |k: &str| {
        k.trim_start_matches("person:")
            .split(':')
            .next()
            .unwrap_or("")
            .to_string()
    };
    if strsim::jaro_winkler(&surname(a), &surname(b)) < 0.95 {
        return false;
    }
    match (given.get(a), given.get(b)) {
        (Some(x), Some(y)) => !x.is_disjoint(y),
        _ => false,
    }
}
