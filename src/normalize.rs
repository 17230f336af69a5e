//! Text normalization for copy detection: Unicode compatibility folding
//! (NFKC), lower case, and word tokens. Punctuation, whitespace and control
//! characters separate tokens; zero-width characters and soft hyphens vanish
//! without separating; an apostrophe inside a word is dropped ("don't" and
//! "don’t" both read `dont`).
//!
//! A token is a maximal run of alphanumeric characters (after folding),
//! combining marks included. ASCII text takes a fast path that never
//! allocates per token.

use unicode_normalization::UnicodeNormalization;

/// Reusable buffers for [`Tokenizer::for_each_token`], one per thread.
#[derive(Debug, Default)]
pub struct Tokenizer {
    /// The text with ASCII letters lower-cased.
    text: String,
    /// A token being assembled when it must be copied.
    token: Vec<u8>,
    /// Scratch for tokens with non-ASCII characters.
    folded: String,
}

impl Tokenizer {
    /// Calls `emit` with the UTF-8 bytes of each normalized token of `text`,
    /// in order.
    ///
    /// ASCII is lower-cased in one vectorizable pass and scanned byte by
    /// byte; only tokens that contain non-ASCII characters are NFKC-folded
    /// (token by token), so curly quotes and accented names in otherwise
    /// ASCII news text cost little.
    pub fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&[u8])) {
        self.text.clear();
        self.text.push_str(text);
        self.text.make_ascii_lowercase();
        mixed_tokens(&self.text, &mut self.token, &mut self.folded, &mut emit);
    }
}

/// The normalized tokens of `text`, joined by single spaces.
pub fn normalized(text: &str) -> String {
    let mut out = String::new();
    Tokenizer::default().for_each_token(text, |token| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(std::str::from_utf8(token).expect("tokens are UTF-8"));
    });
    out
}

/// Word bytes (lower-case letters and digits) for the ASCII fast path.
const WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_lowercase() || c.is_ascii_digit();
        b += 1;
    }
    table
};

/// ASCII bytes that are not word bytes (bytes of 0x80 and above start a
/// multi-byte character and are looked at as characters).
const ASCII_SEPARATOR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !WORD[b];
        b += 1;
    }
    table
};

/// Tokens of ASCII-lower-cased text. A token of plain ASCII word bytes is
/// passed on as a slice of the input; one with apostrophes inside is copied
/// without them; one with non-ASCII characters is NFKC-folded and tokenized
/// again by [`unicode_tokens`].
fn mixed_tokens(text: &str, buf: &mut Vec<u8>, folded: &mut String, emit: &mut impl FnMut(&[u8])) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let char_at = |i: usize| {
        text[i..]
            .chars()
            .next()
            .expect("i is on a char boundary below n")
    };
    let word_at = |i: usize| {
        i < n && (WORD[bytes[i] as usize] || (bytes[i] >= 0x80 && is_word_char(char_at(i))))
    };
    let mut i = 0;
    loop {
        // Separators, and invisible or combining characters with no word to
        // attach to. ASCII separators are skipped in a tight loop.
        loop {
            while i < n && ASCII_SEPARATOR[bytes[i] as usize] {
                i += 1;
            }
            if i >= n || WORD[bytes[i] as usize] {
                break;
            }
            let c = char_at(i);
            if is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
        if i >= n {
            break;
        }
        let start = i;
        let (mut joined, mut unicode) = (false, false);
        while i < n {
            // Word bytes in a tight loop.
            while i < n && WORD[bytes[i] as usize] {
                i += 1;
            }
            if i >= n {
                break;
            }
            let b = bytes[i];
            if b < 0x80 {
                // An apostrophe between two alphanumerics joins them.
                if b == b'\'' && word_at(i + 1) {
                    joined = true;
                    i += 1;
                } else {
                    break;
                }
            } else {
                let c = char_at(i);
                let len = c.len_utf8();
                if is_word_char(c)
                    || is_invisible(c)
                    || is_combining_mark(c)
                    || (is_apostrophe(c) && word_at(i + len))
                {
                    unicode = true;
                    i += len;
                } else {
                    break;
                }
            }
        }
        let token = &text[start..i];
        if unicode {
            let nfkc: String = token.nfkc().collect();
            unicode_tokens(&nfkc, folded, emit);
        } else if joined {
            buf.clear();
            buf.extend(token.bytes().filter(|&b| b != b'\''));
            emit(buf);
        } else {
            emit(token.as_bytes());
        }
    }
}

fn unicode_tokens(text: &str, buf: &mut String, emit: &mut impl FnMut(&[u8])) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_invisible(c) {
            continue;
        }
        if c.is_alphanumeric() || (is_combining_mark(c) && !buf.is_empty()) {
            for lower in c.to_lowercase() {
                buf.push(lower);
            }
        } else if is_apostrophe(c)
            && !buf.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            // Apostrophe inside a word: dropped, the word goes on.
        } else if !buf.is_empty() {
            emit(buf.as_bytes());
            buf.clear();
        }
    }
    if !buf.is_empty() {
        emit(buf.as_bytes());
        buf.clear();
    }
}

/// A character that is, or folds (NFKC) to, letters or digits: "é", "²",
/// and symbols such as "№" (folds to "No"). Punctuation and spaces in the
/// common blocks are ruled out without folding.
fn is_word_char(c: char) -> bool {
    if c.is_alphanumeric() {
        return true;
    }
    if matches!(c, '\u{80}'..='\u{bf}' | '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}') {
        return false;
    }
    std::iter::once(c).nfkc().any(char::is_alphanumeric)
}

/// Zero-width characters, soft hyphen and byte-order mark: removed without
/// separating words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{180e}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_cases_and_strips_punctuation() {
        assert_eq!(
            normalized("BAGHDAD (AFP) — The U.S. Embassy, said: \"Go!\""),
            "baghdad afp the u s embassy said go"
        );
    }

    #[test]
    fn apostrophes_inside_words_are_dropped() {
        assert_eq!(
            normalized("don't don’t Iran's 'quoted'"),
            "dont dont irans quoted"
        );
    }

    #[test]
    fn compatibility_folding() {
        // Full-width letters, ligatures and superscripts fold to their plain forms.
        assert_eq!(normalized("ＡＢＣ ﬁnance x²"), "abc finance x2");
    }

    #[test]
    fn zero_width_and_soft_hyphen_vanish_control_separates() {
        assert_eq!(
            normalized("wo\u{200b}rd news\u{00ad}paper a\u{0007}b"),
            "word newspaper a b"
        );
    }

    #[test]
    fn combining_marks_stay_in_the_word() {
        // NFKC composes e + U+0301; a mark with no composed form stays attached.
        assert_eq!(normalized("Cafe\u{301} q\u{323}x"), "café q\u{323}x");
    }

    #[test]
    fn whitespace_only_and_empty_have_no_tokens() {
        assert_eq!(normalized(""), "");
        assert_eq!(normalized(" \n\t—… "), "");
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        let ascii = "Don't STOP -- it's 3,000 o'clock' 'tis U.S.-led rock'n'roll x'";
        let mut via_unicode = Vec::new();
        unicode_tokens(ascii, &mut String::new(), &mut |t: &[u8]| {
            via_unicode.push(t.to_vec())
        });
        let mut via_ascii = Vec::new();
        Tokenizer::default().for_each_token(ascii, |t| via_ascii.push(t.to_vec()));
        assert_eq!(via_ascii, via_unicode);
        assert_eq!(
            via_ascii.join(&b' '),
            b"dont stop its 3 000 oclock tis u s led rocknroll x"
        );
    }

    /// The reference: NFKC over the whole text, then the Unicode tokenizer.
    fn whole_text_tokens(text: &str) -> Vec<Vec<u8>> {
        let folded: String = text.nfkc().collect();
        let mut out = Vec::new();
        unicode_tokens(&folded, &mut String::new(), &mut |t: &[u8]| {
            out.push(t.to_vec())
        });
        out
    }

    #[test]
    fn token_by_token_folding_matches_whole_text_folding() {
        let cases = [
            "“We’re not leaving,” said José Martínez-O’Neill — the café’s owner.",
            "Ａｂｃ ﬁnal ½ x² Ⅻ Straße ΣΑΣ İstanbul",
            "naïve re\u{301}sume\u{301} wo\u{200b}rd news\u{ad}paper a\u{a0}b",
            "«Hola», dijo. „Ja“, sagte er. ‘single’ quotes’ end",
            "Kyiv’s 3,000-strong force; 25°C; №5; ⑴ item",
            "Привет, МИР! 東京 مرحبا 123",
        ];
        for text in cases {
            let mut got = Vec::new();
            Tokenizer::default().for_each_token(text, |t| got.push(t.to_vec()));
            let want = whole_text_tokens(text);
            let show = |v: &[Vec<u8>]| {
                v.iter()
                    .map(|t| String::from_utf8_lossy(t).into_owned())
                    .collect::<Vec<_>>()
                    .join("|")
            };
            assert_eq!(show(&got), show(&want), "{text}");
        }
    }

    #[test]
    fn non_latin_scripts_are_tokens() {
        assert_eq!(normalized("Привет, МИР! 東京"), "привет мир 東京");
    }
}
