//! Word classes the quote extractor needs, looked up once per word.
//!
//! Open-class lists (reporting verbs, titles, roles, organization words) live
//! in `src/facts/lexicon/quote_*.txt` and `speaker_*.txt`; the closed-class
//! grammar words (pronouns, determiners, auxiliaries, ...) are small constants
//! here. Every list is sorted and unique (tested). All entries are lower-case
//! ASCII; lookups lower-case the word first.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Reporting verbs, inflected: a left subject or an inverted subject is the source.
pub(super) const VERB: u32 = 1;
/// Participles that continue an earlier speaker: ", saying ...".
pub(super) const PARTICIPLE: u32 = 1 << 1;
/// Verbs whose object is the addressee: "told AFP".
pub(super) const ADDRESSEE: u32 = 1 << 2;
/// Subject pronouns and relative pronouns that can be a source by themselves.
pub(super) const PRONOUN: u32 = 1 << 3;
/// Determiners and quantifiers that may open a noun phrase.
pub(super) const DET: u32 = 1 << 4;
/// Number words.
pub(super) const NUM: u32 = 1 << 5;
/// Titles that precede a name ("Ambassador", "Sen.").
pub(super) const TITLE: u32 = 1 << 6;
/// Role nouns that head a source noun phrase ("official", "sources").
pub(super) const ROLE: u32 = 1 << 7;
/// Words that mark an organization ("Department", "Embassy").
pub(super) const ORG: u32 = 1 << 8;
/// Words that end a noun phrase: conjunctions, complementizers.
pub(super) const STOP: u32 = 1 << 9;
/// Auxiliaries and modal verbs.
pub(super) const AUX: u32 = 1 << 10;
/// Adverbs allowed between a subject and its verb ("also said").
pub(super) const ADVERB: u32 = 1 << 11;
/// Time words trimmed from noun phrase edges ("Tuesday", "yesterday").
pub(super) const TIME: u32 = 1 << 12;
/// Prepositions allowed inside a noun phrase after a noun ("Embassy in Baghdad").
pub(super) const PREP: u32 = 1 << 13;
/// Adjectives that link a role to a prepositional phrase ("close to", "familiar with").
pub(super) const LINK: u32 = 1 << 14;
/// Verbs of belief, intention, evaluation and evidence ("wants", "believes",
/// "supported", "shows"): attributions, but not words somebody was quoted
/// saying. Every stance verb is also a [`VERB`].
pub(super) const STANCE: u32 = 1 << 15;
/// Reporting or stance verbs that also name an act done to a thing
/// ("forces found the launcher", "groups attacked US bases"): a cue only
/// before a clause, not before a bare noun phrase.
/// Every action verb is also a [`VERB`].
pub(super) const ACTION: u32 = 1 << 16;

const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "which", "who", "you"];
const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "any", "both", "each", "few", "her", "his", "its", "many", "most",
    "my", "other", "our", "several", "some", "the", "their", "these", "this", "those", "your",
];
const NUMBERS: &[&str] = &[
    "dozens", "eight", "five", "four", "hundreds", "nine", "one", "seven", "six", "ten", "three",
    "two",
];
const STOPS: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "how", "if", "nor", "not", "or",
    "since", "so", "than", "that", "though", "unless", "until", "what", "when", "where", "whether",
    "which", "while", "why",
];
const AUXILIARIES: &[&str] = &[
    "am",
    "are",
    "aren't",
    "be",
    "been",
    "being",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "don't",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "is",
    "isn't",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "shouldn't",
    "was",
    "wasn't",
    "were",
    "weren't",
    "will",
    "won't",
    "would",
    "wouldn't",
];
const ADVERBS: &[&str] = &[
    "actually",
    "again",
    "already",
    "also",
    "earlier",
    "first",
    "further",
    "however",
    "instead",
    "just",
    "later",
    "meanwhile",
    "never",
    "now",
    "once",
    "previously",
    "recently",
    "reportedly",
    "still",
    "then",
    "too",
];
const TIMES: &[&str] = &[
    "afternoon",
    "days",
    "earlier",
    "evening",
    "friday",
    "hours",
    "later",
    "minutes",
    "monday",
    "months",
    "morning",
    "night",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "weeks",
    "years",
    "yesterday",
];
const PREPOSITIONS: &[&str] = &["at", "by", "for", "from", "in", "of", "on", "to", "with"];
const LINKS: &[&str] = &["close", "familiar", "knowledge", "near"];
const ADDRESSEE_VERBS: &[&str] = &["tell", "telling", "tells", "told"];

/// Reporting verbs, one inflected form a line.
pub(super) const VERBS_TXT: &str = include_str!("../lexicon/quote_verbs.txt");
/// Stance verbs (belief, intention, evaluation, evidence), one inflected form a line.
pub(super) const STANCE_TXT: &str = include_str!("../lexicon/quote_stance_verbs.txt");
/// Participles that continue the sentence's speaker.
pub(super) const PARTICIPLES_TXT: &str = include_str!("../lexicon/quote_participles.txt");
/// Reporting and stance verbs that also name an act done to a thing.
pub(super) const ACTIONS_TXT: &str = include_str!("../lexicon/quote_action_verbs.txt");
/// Titles and honorifics.
pub(super) const TITLES_TXT: &str = include_str!("../lexicon/speaker_titles.txt");
/// Role nouns of sources.
pub(super) const ROLES_TXT: &str = include_str!("../lexicon/speaker_roles.txt");
/// Organization words.
pub(super) const ORGS_TXT: &str = include_str!("../lexicon/speaker_org_words.txt");

/// A word of at most 16 ASCII bytes packed into an integer (zero-padded;
/// words contain no zero bytes), so lookups hash and compare one `u128`.
type Key = u128;

/// Longest entry of any list, in bytes; longer words are in no list.
const MAX_LEN: usize = 16;

fn key(lower: &[u8]) -> Key {
    let mut buf = [0u8; MAX_LEN];
    buf[..lower.len()].copy_from_slice(lower);
    u128::from_le_bytes(buf)
}

/// A multiply-fold hash for [`Key`]s: the table is fixed and small, so no
/// DoS resistance is needed.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u128(&mut self, k: u128) {
        let folded = (k as u64) ^ ((k >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = folded.wrapping_mul(0x517c_c1b7_2722_0a95) ^ (folded >> 29);
    }
}

type Table = HashMap<Key, u32, BuildHasherDefault<KeyHasher>>;

fn lines(txt: &'static str) -> impl Iterator<Item = &'static str> {
    txt.lines().map(str::trim).filter(|l| !l.is_empty())
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, flag: u32| {
        for w in words {
            *t.entry(key(w.as_bytes())).or_insert(0) |= flag;
        }
    };
    add(&mut lines(VERBS_TXT), VERB);
    add(&mut lines(STANCE_TXT), VERB | STANCE);
    add(&mut lines(PARTICIPLES_TXT), PARTICIPLE);
    add(&mut lines(ACTIONS_TXT), ACTION);
    add(&mut lines(TITLES_TXT), TITLE);
    add(&mut lines(ROLES_TXT), ROLE);
    add(&mut lines(ORGS_TXT), ORG);
    add(&mut PRONOUNS.iter().copied(), PRONOUN);
    add(&mut DETERMINERS.iter().copied(), DET);
    add(&mut NUMBERS.iter().copied(), NUM);
    add(&mut STOPS.iter().copied(), STOP);
    add(&mut AUXILIARIES.iter().copied(), AUX);
    add(&mut ADVERBS.iter().copied(), ADVERB);
    add(&mut TIMES.iter().copied(), TIME);
    add(&mut PREPOSITIONS.iter().copied(), PREP);
    add(&mut LINKS.iter().copied(), LINK);
    add(&mut ADDRESSEE_VERBS.iter().copied(), ADDRESSEE);
    t
});

/// The word-class flags of `word` (any case, a curly apostrophe read as a
/// straight one: "didn’t"); 0 when it is in no list.
pub(super) fn flags(word: &str) -> u32 {
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        return 0;
    }
    let mut buf = [0u8; MAX_LEN];
    for (n, c) in word.chars().enumerate() {
        let b = match c {
            '\u{2019}' => b'\'',
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => return 0,
        };
        let Some(dst) = buf.get_mut(n) else {
            return 0;
        };
        *dst = b;
    }
    TABLE.get(&u128::from_le_bytes(buf)).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted_unique(name: &str, words: &[&str]) {
        for pair in words.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} then {:?}",
                pair[0],
                pair[1]
            );
        }
        for w in words {
            assert!(
                !w.is_empty() && w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
                "{name}: {w:?} must be lower-case ASCII"
            );
        }
    }

    #[test]
    fn lexicon_files_are_sorted_unique_lowercase() {
        for (name, txt) in [
            ("quote_verbs", VERBS_TXT),
            ("quote_stance_verbs", STANCE_TXT),
            ("quote_participles", PARTICIPLES_TXT),
            ("quote_action_verbs", ACTIONS_TXT),
            ("speaker_titles", TITLES_TXT),
            ("speaker_roles", ROLES_TXT),
            ("speaker_org_words", ORGS_TXT),
        ] {
            let words: Vec<&str> = lines(txt).collect();
            assert!(!words.is_empty(), "{name} is empty");
            assert_sorted_unique(name, &words);
        }
    }

    #[test]
    fn grammar_lists_are_sorted_unique_lowercase() {
        for (name, words) in [
            ("pronouns", PRONOUNS),
            ("determiners", DETERMINERS),
            ("numbers", NUMBERS),
            ("stops", STOPS),
            ("auxiliaries", AUXILIARIES),
            ("adverbs", ADVERBS),
            ("times", TIMES),
            ("prepositions", PREPOSITIONS),
            ("links", LINKS),
            ("addressee_verbs", ADDRESSEE_VERBS),
        ] {
            assert_sorted_unique(name, words);
        }
    }

    #[test]
    fn speech_and_stance_verbs_are_disjoint() {
        let speech: Vec<&str> = lines(VERBS_TXT).collect();
        for w in lines(STANCE_TXT) {
            assert!(
                speech.binary_search(&w).is_err(),
                "{w:?} is both a speech and a stance verb"
            );
        }
    }

    #[test]
    fn action_verbs_are_reporting_or_stance_verbs() {
        for w in lines(ACTIONS_TXT) {
            assert_ne!(flags(w) & VERB, 0, "{w:?} is an action verb but no verb");
        }
    }

    #[test]
    fn no_entry_is_longer_than_max_len() {
        let all = [
            VERBS_TXT,
            STANCE_TXT,
            PARTICIPLES_TXT,
            ACTIONS_TXT,
            TITLES_TXT,
            ROLES_TXT,
            ORGS_TXT,
        ];
        for w in all.into_iter().flat_map(lines) {
            assert!(w.len() <= MAX_LEN, "{w:?} is longer than {MAX_LEN} bytes");
        }
    }

    #[test]
    fn flags_are_case_insensitive() {
        assert_ne!(flags("Said") & VERB, 0);
        assert_ne!(flags("SAID") & VERB, 0);
        assert_ne!(flags("told") & ADDRESSEE, 0);
        assert_eq!(flags("Baghdad"), 0);
        assert_eq!(flags("défense"), 0);
        assert_ne!(flags("didn’t") & AUX, 0);
        assert_eq!(flags(""), 0);
    }
}
