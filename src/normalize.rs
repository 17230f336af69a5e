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
    /// The text lower-cased (ASCII path) or folded (Unicode path).
    text: Vec<u8>,
    /// A token being assembled when it must be copied.
    token: Vec<u8>,
}

impl Tokenizer {
    /// Calls `emit` with the UTF-8 bytes of each normalized token of `text`,
    /// in order.
    pub fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&[u8])) {
        if text.is_ascii() {
            // Lower-casing the whole text at once vectorizes; the scan that
            // follows only looks for word bytes.
            self.text.clear();
            self.text
                .extend(text.bytes().map(|b| b.to_ascii_lowercase()));
            ascii_tokens(&self.text, &mut self.token, &mut emit);
        } else {
            let folded: String = text.nfkc().collect();
            let mut buf = String::new();
            unicode_tokens(&folded, &mut buf, &mut emit);
        }
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

/// Lower-cased ASCII text: a token without an apostrophe is passed on as a
/// slice of the input, without copying.
fn ascii_tokens(bytes: &[u8], buf: &mut Vec<u8>, emit: &mut impl FnMut(&[u8])) {
    let n = bytes.len();
    let mut i = 0;
    loop {
        while i < n && !WORD[bytes[i] as usize] {
            i += 1;
        }
        if i >= n {
            break;
        }
        let start = i;
        let mut joined = false;
        loop {
            while i < n && WORD[bytes[i] as usize] {
                i += 1;
            }
            // An apostrophe between two alphanumerics joins them.
            if i + 1 < n && bytes[i] == b'\'' && WORD[bytes[i + 1] as usize] {
                joined = true;
                i += 1;
                continue;
            }
            break;
        }
        let token = &bytes[start..i];
        if joined {
            buf.clear();
            buf.extend(token.iter().filter(|&&b| b != b'\''));
            emit(buf);
        } else {
            emit(token);
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

    #[test]
    fn non_latin_scripts_are_tokens() {
        assert_eq!(normalized("Привет, МИР! 東京"), "привет мир 東京");
    }
}
