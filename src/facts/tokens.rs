//! Word tokens with byte spans, shared by the count, date and place
//! extractors.
//!
//! A token is a maximal run of alphanumeric characters, joined across a
//! single inner `,` `.` `'` `’` `-` or `/` when an alphanumeric character
//! follows it: "3,000", "33-year-old", "U.S", "2020-01-04", "O'Sullivan" are
//! one token each. Everything else (spaces, other punctuation) separates
//! tokens and is remembered as the `gap` before the next token, so the
//! extractors can tell "Smith, 33," from "33 people" and "$40" from "40".
//!
//! Lower-casing is ASCII-only ([`str::to_ascii_lowercase`]), which keeps
//! every byte offset of the lower-cased text equal to the original's.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::article::Span;

/// A small, fast, non-cryptographic hasher for the word maps (the Fx hash
/// of rustc and Firefox): the keys are our own word lists, not input, so
/// flooding is no concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("chunks of 8"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// One token: its byte span and the punctuation gap that precedes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span of the token in the text.
    pub span: Span,
    /// Byte span of the non-token characters before it (may be empty).
    pub gap: Span,
}

/// Whether `c` can be inside a token.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `c` may join two alphanumeric runs into one token.
fn is_joiner(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '\u{2019}' | '-' | '/')
}

/// Splits `text` into tokens, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some((i, c)) = chars.next() {
        if !is_word(c) {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut run_start = i;
        while let Some(&(j, d)) = chars.peek() {
            if is_word(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if d == '.' {
                // A period joins digits ("3.5") and single letters ("U.S"),
                // never words ("said.The").
                let after = text[j + 1..].chars().next();
                let prev = text[..j].chars().next_back();
                let digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && after.is_some_and(|a| a.is_ascii_digit());
                let initial = text[run_start..j].chars().count() == 1
                    && after.is_some_and(char::is_alphabetic);
                if digits || initial {
                    chars.next();
                    run_start = j + 1;
                } else {
                    break;
                }
            } else if is_joiner(d) {
                // Join only when the character after the joiner is a word
                // character; a comma joins digits only ("3,000", not "Smith,33").
                let after = text[j + d.len_utf8()..].chars().next();
                let prev = text[..j].chars().next_back();
                let ok = match after {
                    Some(a) if is_word(a) => {
                        d != ',' || (a.is_ascii_digit() && prev.is_some_and(|p| p.is_ascii_digit()))
                    }
                    _ => false,
                };
                if ok {
                    chars.next();
                    run_start = j + d.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        tokens.push(Token {
            span: Span::new(start, end),
            gap: Span::new(gap_start, start),
        });
        gap_start = end;
        // Skip what we consumed (the iterator already advanced past it).
        while let Some(&(j, _)) = chars.peek() {
            if j < end {
                chars.next();
            } else {
                break;
            }
        }
    }
    tokens
}

/// Whether the gap text ends a sentence-like unit (". ", "; ", newline).
pub fn gap_breaks(gap: &str) -> bool {
    gap.contains(['.', ';', '!', '?', '\n', ':', '(', ')', '|'])
}

/// Whether a token's text starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn joins_numbers_hyphens_and_abbreviations() {
        assert_eq!(
            words("Smith, 33, saw 3,000 U.S. troops; a 33-year-old on 2020-01-04."),
            [
                "Smith",
                "33",
                "saw",
                "3,000",
                "U.S",
                "troops",
                "a",
                "33-year-old",
                "on",
                "2020-01-04"
            ]
        );
    }

    #[test]
    fn gaps_keep_punctuation() {
        let text = "Smith, 33, $40";
        let toks = tokenize(text);
        assert_eq!(&text[toks[1].gap.start..toks[1].gap.end], ", ");
        assert_eq!(&text[toks[2].gap.start..toks[2].gap.end], ", $");
    }

    #[test]
    fn period_joins_initials_not_words() {
        assert_eq!(
            words("police said.The U.S.A p.m"),
            ["police", "said", "The", "U.S.A", "p.m"]
        );
    }

    #[test]
    fn handles_multibyte_text() {
        assert_eq!(words("Qué — “año” 3’s"), ["Qué", "año", "3’s"]);
    }
}
