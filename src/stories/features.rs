//! Salient-feature extraction: turns an article's title and cleaned body
//! lines into hashed, counted features that two independent reports of one
//! event are likely to share even when they share no long phrase.
//!
//! Feature kinds (each hashed with its kind, so `word:reid` and
//! `name:reid` never collide):
//!
//! - [`Kind::Word`]: a lowercased word or number (possessive `'s` dropped).
//! - [`Kind::Bigram`]: two consecutive words of one sentence.
//! - [`Kind::Name`]: a run of two or more capitalized words (`Tara Reid`,
//!   `Betty Ford Center`), lowercased.
//! - [`Kind::Count`]: a number with the word it counts (`3 people`,
//!   `two men`), with number words mapped to digits.
//! - [`Kind::Official`]: a name introduced by a role (`spokeswoman Ana
//!   Pruitt`, `Police Chief Tom Lee`, `Ana Pruitt, a police spokeswoman`),
//!   emitted besides its [`Kind::Name`]. Officials recur across unrelated
//!   events of one place, so they are never event anchors (see
//!   [`super::anchors`]); the roles are in `lexicon/roles.txt`.
//!
//! A name run that opens a sentence with a function word (`The`, `In`,
//! `After`: `lexicon/openers.txt`) starts after it: `The US Embassy` is the
//! name `us embassy`.
//!
//! Rarity is not decided here: weights come later from document frequency
//! in the input corpus itself.

use std::sync::LazyLock;

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Role words that introduce an official's name, sorted.
static ROLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| include_str!("lexicon/roles.txt").lines().collect());
/// Function words that open a sentence without being part of a name.
static OPENERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| include_str!("lexicon/openers.txt").lines().collect());

fn is_role(word: &str) -> bool {
    ROLES.binary_search(&word).is_ok()
}

fn is_opener(word: &str) -> bool {
    OPENERS.binary_search(&word).is_ok()
}

/// Whether the name `tokens[start..end]` is introduced by a role: a role
/// word in it or right before it ("Police Chief Tom Lee", "spokeswoman Ana
/// Pruitt", "Sgt. Ana Pruitt"), or an apposition right after it that holds
/// one ("Ana Pruitt, a police spokeswoman").
fn introduced_by_role(tokens: &[Token], start: usize, end: usize) -> bool {
    if tokens[start..end].iter().any(|t| is_role(&t.lower)) {
        return true;
    }
    if start > 0 && is_role(&tokens[start - 1].lower) {
        return true;
    }
    let Some(next) = tokens.get(end) else {
        return false;
    };
    if !(matches!(next.lower.as_str(), "a" | "an" | "the") || is_role(&next.lower))
        || tokens[end - 1].sentence_end
    {
        return false;
    }
    for t in tokens[end..].iter().take(4) {
        if is_role(&t.lower) {
            return true;
        }
        if t.sentence_end {
            break;
        }
    }
    false
}

/// What a feature is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A single lowercased word or number.
    Word,
    /// Two consecutive words within a sentence.
    Bigram,
    /// A run of capitalized words: a person, place or organisation.
    Name,
    /// A number and the word it counts.
    Count,
    /// A name introduced by a role: a recurring official, not evidence of
    /// one event. Never part of a vector.
    Official,
    /// A single capitalized word inside a sentence (`Lohan`, `Kingsessing`):
    /// counted for anchors, never part of a vector (its word is).
    Proper,
}

impl Kind {
    /// Weight multiplier: names and counts are stronger evidence of one
    /// event than plain words.
    pub fn boost(self) -> f32 {
        match self {
            Kind::Word => 1.0,
            Kind::Bigram => 1.0,
            Kind::Name => 1.5,
            Kind::Count => 1.5,
            Kind::Official | Kind::Proper => 0.0,
        }
    }

    fn seed(self) -> u64 {
        match self {
            Kind::Word => 1,
            Kind::Bigram => 2,
            Kind::Name => 3,
            Kind::Count => 4,
            Kind::Official => 5,
            Kind::Proper => 6,
        }
    }
}

/// Hash of a feature of `kind` with lowercased text `text`.
pub fn hash(kind: Kind, text: &str) -> u64 {
    // Keep the top bits for the kind so hashes sort by kind first.
    (xxh3_64_with_seed(text.as_bytes(), kind.seed()) >> 3) | ((kind.seed()) << 61)
}

/// The kind a feature hash belongs to.
pub fn kind_of(hash: u64) -> Kind {
    match hash >> 61 {
        1 => Kind::Word,
        2 => Kind::Bigram,
        3 => Kind::Name,
        5 => Kind::Official,
        6 => Kind::Proper,
        _ => Kind::Count,
    }
}

/// One word of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word, lowercased, with a final possessive `'s` removed.
    pub lower: String,
    /// First letter is uppercase (and not at the start of a sentence).
    pub capitalized: bool,
    /// The word begins a sentence or a line.
    pub sentence_start: bool,
    /// The word ends a sentence (a `.`, `!` or `?` follows it).
    pub sentence_end: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',')
}

/// Splits one line of text into tokens. A word may contain `'`, `’`, `-`
/// between letters and `.` or `,` between digits (`3.5`, `1,200`).
pub fn tokenize(line: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(line.len() / 6 + 1);
    let mut at_start = true;
    let mut it = line.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if !is_word_char(c) {
            if matches!(c, '.' | '!' | '?' | ':' | ';' | '—' | '•' | '|') {
                at_start = matches!(c, '.' | '!' | '?' | '•' | '|');
                if let Some(last) = tokens.last_mut() {
                    last.sentence_end = true;
                }
            }
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut prev = c;
        while let Some(&(j, d)) = it.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                prev = d;
                it.next();
            } else if is_joiner(d) {
                let after = line[j + d.len_utf8()..].chars().next();
                let Some(a) = after.filter(|a| is_word_char(*a)) else {
                    break;
                };
                let digits = prev.is_ascii_digit() && a.is_ascii_digit();
                if matches!(d, '.' | ',') && !digits {
                    break;
                }
                it.next();
                end = j + d.len_utf8();
                prev = d;
            } else {
                break;
            }
        }
        let word = &line[start..end];
        let plain = word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'\'');
        let mut lower = if plain {
            word.to_string()
        } else {
            word.to_lowercase().replace('’', "'")
        };
        if lower.ends_with("'s") && lower.len() > 2 {
            lower.truncate(lower.len() - 2);
        }
        if lower.contains(',') {
            lower.retain(|c| c != ',');
        }
        tokens.push(Token {
            lower,
            capitalized: c.is_uppercase(),
            sentence_start: at_start,
            sentence_end: false,
        });
        at_start = false;
    }
    tokens
}

const NUMBER_WORDS: [(&str, &str); 20] = [
    ("eight", "8"),
    ("eighteen", "18"),
    ("eleven", "11"),
    ("fifteen", "15"),
    ("five", "5"),
    ("four", "4"),
    ("fourteen", "14"),
    ("nine", "9"),
    ("nineteen", "19"),
    ("one", "1"),
    ("seven", "7"),
    ("seventeen", "17"),
    ("six", "6"),
    ("sixteen", "16"),
    ("ten", "10"),
    ("thirteen", "13"),
    ("three", "3"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("two", "2"),
];

fn number_value(word: &str) -> Option<&str> {
    match word.as_bytes().first()? {
        b'0'..=b'9' => word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.')
            .then_some(word),
        b'e' | b'f' | b'n' | b'o' | b's' | b't' => NUMBER_WORDS
            .binary_search_by(|(w, _)| w.cmp(&word))
            .ok()
            .map(|i| NUMBER_WORDS[i].1),
        _ => None,
    }
}

/// Calls `emit(kind, text)` for every feature of one line's tokens.
pub fn line_features(tokens: &[Token], emit: &mut impl FnMut(Kind, &str)) {
    let mut buf = String::new();
    // Words and bigrams.
    for (i, t) in tokens.iter().enumerate() {
        if t.lower.chars().count() >= 2 || t.lower.starts_with(|c: char| c.is_ascii_digit()) {
            emit(Kind::Word, &t.lower);
        }
        if i > 0 && !tokens[i - 1].sentence_end && !t.sentence_start {
            buf.clear();
            buf.push_str(&tokens[i - 1].lower);
            buf.push(' ');
            buf.push_str(&t.lower);
            emit(Kind::Bigram, &buf);
        }
        if let Some(value) = number_value(&t.lower)
            && !t.sentence_end
            && let Some(next) = tokens.get(i + 1)
            && number_value(&next.lower).is_none()
            && next.lower.chars().any(char::is_alphabetic)
        {
            buf.clear();
            buf.push_str(value);
            buf.push(' ');
            buf.push_str(&next.lower);
            emit(Kind::Count, &buf);
        }
    }
    // Names: runs of capitalized words. A sentence-initial capital only
    // starts a run when the next word is capitalized too.
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].capitalized {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && tokens[j].capitalized
            && !tokens[j].sentence_start
            && !tokens[j - 1].sentence_end
        {
            j += 1;
        }
        // "The US Embassy" is the name "us embassy".
        let start = if tokens[i].sentence_start && is_opener(&tokens[i].lower) {
            i + 1
        } else {
            i
        };
        if j >= start + 2 {
            join_words(&tokens[start..j], &mut buf);
            emit(Kind::Name, &buf);
            if introduced_by_role(tokens, start, j) {
                emit(Kind::Official, &buf);
                // "Police Chief Tom Lee" makes "Tom Lee" and "Lee" officials
                // too.
                if let Some(k) = (start..j).rev().find(|&k| is_role(&tokens[k].lower))
                    && j >= k + 3
                {
                    join_words(&tokens[k + 1..j], &mut buf);
                    emit(Kind::Official, &buf);
                }
                emit(Kind::Official, &tokens[j - 1].lower);
            }
        } else if j == start + 1 && !tokens[start].sentence_start && !is_role(&tokens[start].lower)
        {
            emit(Kind::Proper, &tokens[start].lower);
        }
        i = j;
    }
}

fn join_words(tokens: &[Token], buf: &mut String) {
    buf.clear();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        buf.push_str(&t.lower);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_unique_and_clean() {
        for (name, list) in [
            ("roles", include_str!("lexicon/roles.txt")),
            ("openers", include_str!("lexicon/openers.txt")),
        ] {
            let words: Vec<&str> = list.lines().collect();
            assert!(!words.is_empty(), "{name} is empty");
            for w in &words {
                assert!(!w.is_empty() && w.trim() == *w, "{name}: bad line {w:?}");
                assert_eq!(w.to_lowercase(), *w, "{name}: {w} not lowercase");
            }
            assert!(
                words.windows(2).all(|p| p[0] < p[1]),
                "{name} not sorted/unique"
            );
        }
    }

    fn officials(line: &str) -> Vec<String> {
        features(line)
            .into_iter()
            .filter(|(k, _)| *k == Kind::Official)
            .map(|(_, s)| s)
            .collect()
    }

    /// Names introduced by a role are officials; names of the people an
    /// event happened to are not.
    #[test]
    fn officials_are_names_introduced_by_a_role() {
        let cases: [(&str, &[&str]); 7] = [
            (
                "Police spokeswoman Ana Pruitt said the man fled.",
                &["ana pruitt", "pruitt"],
            ),
            (
                "Police Chief Tom Lee spoke on Friday.",
                &["police chief tom lee", "tom lee", "lee"],
            ),
            (
                "Ana Pruitt, a police spokeswoman, said it.",
                &["ana pruitt", "pruitt"],
            ),
            (
                "Sgt. Dale Moss of the county said so.",
                &["dale moss", "moss"],
            ),
            (
                "Mark Devlin, the county sheriff, said so.",
                &["mark devlin", "devlin"],
            ),
            ("Jamal Ortiz was shot by an officer on Main Street.", &[]),
            ("Jamal Ortiz and the officer were taken to a hospital.", &[]),
        ];
        for (line, want) in cases {
            assert_eq!(officials(line), want, "{line}");
        }
    }

    #[test]
    fn a_sentence_opening_function_word_is_not_part_of_a_name() {
        let f = features("The US Embassy closed. In Baghdad Province it rained.");
        let names: Vec<&str> = f
            .iter()
            .filter(|(k, _)| *k == Kind::Name)
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(names, ["us embassy", "baghdad province"]);
    }

    fn features(line: &str) -> Vec<(Kind, String)> {
        let mut out = Vec::new();
        line_features(&tokenize(line), &mut |k, s| out.push((k, s.to_string())));
        out
    }

    #[test]
    fn number_words_are_sorted() {
        assert!(NUMBER_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn tokenizer_keeps_joined_words_and_numbers() {
        let t = tokenize("The 33-year-old's rep said 1,200 fled. Police's view.");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            [
                "the",
                "33-year-old",
                "rep",
                "said",
                "1200",
                "fled",
                "police",
                "view"
            ]
        );
        assert!(t[0].sentence_start && t[6].sentence_start);
        assert!(t[5].sentence_end && !t[4].sentence_end);
    }

    #[test]
    fn names_and_counts() {
        let f = features(
            "Police said Tara Reid checked into Promises Treatment Center with two friends.",
        );
        let names: Vec<&str> = f
            .iter()
            .filter(|(k, _)| *k == Kind::Name)
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(names, ["tara reid", "promises treatment center"]);
        assert!(f.contains(&(Kind::Count, "2 friends".to_string())));
        assert!(f.contains(&(Kind::Bigram, "tara reid".to_string())));
    }

    #[test]
    fn no_bigram_or_name_across_sentences() {
        let f = features("He met Smith. Jones left.");
        assert!(!f.contains(&(Kind::Bigram, "smith jones".to_string())));
        assert!(!f.iter().any(|(k, _)| *k == Kind::Name));
    }

    #[test]
    fn hash_keeps_kind() {
        for kind in [
            Kind::Word,
            Kind::Bigram,
            Kind::Name,
            Kind::Count,
            Kind::Official,
        ] {
            assert_eq!(kind_of(hash(kind, "reid")), kind);
        }
        assert_ne!(hash(Kind::Word, "reid"), hash(Kind::Name, "reid"));
    }
}
