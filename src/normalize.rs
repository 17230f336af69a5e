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
    /// Which bytes of `text` are ASCII word bytes, and which may start a
    /// token (word bytes and non-ASCII bytes); see [`ByteClasses`].
    classes: ByteClasses,
    /// A token being assembled when it must be copied.
    token: Vec<u8>,
    /// Scratch for tokens with non-ASCII characters.
    folded: String,
}

impl Tokenizer {
    /// Calls `emit` with the UTF-8 bytes of each normalized token of `text`,
    /// in order.
    ///
    /// ASCII is lower-cased in one vectorizable pass and classified eight
    /// bytes at a time into bitmaps, so runs of word bytes and of ASCII
    /// separators are skipped a 64-byte block at a time; only tokens that
    /// contain non-ASCII characters are NFKC-folded (token by token), so
    /// curly quotes and accented names in otherwise ASCII news text cost
    /// little.
    pub fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&[u8])) {
        self.text.clear();
        self.text.push_str(text);
        self.text.make_ascii_lowercase();
        self.classes.classify(self.text.as_bytes());
        mixed_tokens(
            &self.text,
            &self.classes,
            &mut self.token,
            &mut self.folded,
            &mut emit,
        );
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

/// Bitmaps over the bytes of ASCII-lower-cased text, bit `i % 64` of word
/// `i / 64` for byte `i`: `word` marks ASCII word bytes (`[a-z0-9]`),
/// `start` marks the bytes a token may start at (word bytes and every byte of
/// a multi-byte character). Bits past the end of the text are clear.
#[derive(Debug, Default)]
struct ByteClasses {
    word: Vec<u64>,
    start: Vec<u64>,
}

impl ByteClasses {
    /// Classifies `bytes`, eight at a time (SWAR: the high bit of each byte
    /// lane carries its class, then one multiply gathers the eight bits).
    fn classify(&mut self, bytes: &[u8]) {
        self.word.clear();
        self.start.clear();
        self.word.reserve(bytes.len().div_ceil(64));
        self.start.reserve(bytes.len().div_ceil(64));
        let mut blocks = bytes.chunks_exact(64);
        for block in blocks.by_ref() {
            let block: &[u8; 64] = block.try_into().expect("chunks_exact yields 64 bytes");
            self.push_block(block);
        }
        let tail = blocks.remainder();
        if !tail.is_empty() {
            // Zero bytes are separators: the bits past the end stay clear.
            let mut block = [0u8; 64];
            block[..tail.len()].copy_from_slice(tail);
            self.push_block(&block);
        }
    }

    /// Appends the classes of one 64-byte block.
    #[inline]
    fn push_block(&mut self, block: &[u8; 64]) {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const fn lanes(b: u8) -> u64 {
            u64::from_ne_bytes([b; 8])
        }
        /// The high bit of each byte lane, gathered into the low eight bits.
        fn gather(high_bits: u64) -> u64 {
            ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
        }
        let (mut word, mut start) = (0u64, 0u64);
        for (k, lane) in block.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes(lane.try_into().expect("chunks_exact yields 8 bytes"));
            // Per byte lane, the high bit set for bytes >= 0x80:
            let non_ascii = x & HIGH;
            let y = x & !HIGH;
            // y + (0x80 - lo) sets a lane's high bit iff y >= lo, and no
            // carry leaves a lane (y <= 0x7f).
            let at_least = |lo: u8| y.wrapping_add(lanes(0x80 - lo));
            let letter = at_least(b'a') & !at_least(b'z' + 1);
            let digit = at_least(b'0') & !at_least(b'9' + 1);
            let is_word = (letter | digit) & !non_ascii & HIGH;
            word |= gather(is_word) << (8 * k);
            start |= gather(is_word | non_ascii) << (8 * k);
        }
        self.word.push(word);
        self.start.push(start);
    }

    /// The first byte at or after `i` that is not an ASCII word byte, or `n`
    /// (the text length).
    #[inline]
    fn next_non_word(&self, i: usize, n: usize) -> usize {
        first_set(&self.word, u64::MAX, i, n)
    }

    /// The first byte at or after `i` that may start a token, or `n`.
    #[inline]
    fn next_start(&self, i: usize, n: usize) -> usize {
        first_set(&self.start, 0, i, n)
    }
}

/// The first position at or after `i` whose bit is set in the bitmap
/// `map` with every word XORed with `flip`, or `n` if there is none below `n`.
#[inline]
fn first_set(map: &[u64], flip: u64, i: usize, n: usize) -> usize {
    let mut block = i / 64;
    let Some(&first) = map.get(block) else {
        return n;
    };
    let mut bits = (first ^ flip) & (u64::MAX << (i % 64));
    while bits == 0 {
        block += 1;
        match map.get(block) {
            Some(&next) => bits = next ^ flip,
            None => return n,
        }
    }
    (block * 64 + bits.trailing_zeros() as usize).min(n)
}

/// Tokens of ASCII-lower-cased text. A token of plain ASCII word bytes is
/// passed on as a slice of the input; one with apostrophes inside is copied
/// without them; one with non-ASCII characters is NFKC-folded and tokenized
/// again by [`unicode_tokens`].
fn mixed_tokens(
    text: &str,
    classes: &ByteClasses,
    buf: &mut Vec<u8>,
    folded: &mut String,
    emit: &mut impl FnMut(&[u8]),
) {
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
        // attach to. ASCII separators are skipped a block at a time.
        i = classes.next_start(i, n);
        if i >= n {
            break;
        }
        if bytes[i] >= 0x80 {
            let c = char_at(i);
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        // Word bytes a block at a time. Most tokens end there, at an ASCII
        // separator other than an apostrophe.
        i = classes.next_non_word(i, n);
        if i >= n || (bytes[i] < 0x80 && bytes[i] != b'\'') {
            emit(&bytes[start..i]);
            continue;
        }
        let (mut joined, mut unicode) = (false, false);
        while i < n {
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
            i = classes.next_non_word(i, n);
        }
        let token = &bytes[start..i];
        if unicode {
            let token = std::str::from_utf8(token).expect("a token ends on a char boundary");
            let nfkc: String = token.nfkc().collect();
            unicode_tokens(&nfkc, folded, emit);
        } else if joined {
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

/// A character that is, or folds (NFKC) to, letters or digits: "é", "²",
/// and symbols such as "№" (folds to "No"). Punctuation and spaces in the
/// common blocks are ruled out without folding.
fn is_word_char(c: char) -> bool {
    // General Punctuation (curly quotes, dashes, ellipsis: the commonest
    // non-ASCII characters of news text) holds no letters or digits, and the
    // alphanumeric tables are slow for it, so it is ruled out first.
    if matches!(c, GENERAL_PUNCTUATION_FIRST..=GENERAL_PUNCTUATION_LAST) {
        return false;
    }
    if c.is_alphanumeric() {
        return true;
    }
    if matches!(c, '\u{80}'..='\u{bf}' | '\u{3000}'..='\u{303f}') {
        return false;
    }
    std::iter::once(c).nfkc().any(char::is_alphanumeric)
}

/// The General Punctuation block, which holds no alphanumeric character.
const GENERAL_PUNCTUATION_FIRST: char = '\u{2000}';
const GENERAL_PUNCTUATION_LAST: char = '\u{206f}';

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
    fn byte_classes_match_their_definition_at_every_lane() {
        let mut classes = ByteClasses::default();
        for b in 0..=255u8 {
            for at in [0, 1, 7, 8, 31, 63, 64, 65, 127, 128] {
                let mut bytes = vec![b' '; 129];
                bytes[at] = b;
                classes.classify(&bytes);
                assert_eq!(classes.word.len(), 3);
                let bit = |map: &[u64]| map[at / 64] >> (at % 64) & 1 == 1;
                let word = b.is_ascii_lowercase() || b.is_ascii_digit();
                assert_eq!(bit(&classes.word), word, "byte {b:#x} at {at}");
                assert_eq!(
                    bit(&classes.start),
                    word || b >= 0x80,
                    "byte {b:#x} at {at}"
                );
                let others = |map: &[u64]| map.iter().map(|w| w.count_ones()).sum::<u32>();
                assert_eq!(others(&classes.word), u32::from(word));
                assert_eq!(others(&classes.start), u32::from(word || b >= 0x80));
            }
        }
    }

    #[test]
    fn tokens_across_block_boundaries_match_whole_text_folding() {
        // Tokens, apostrophes, accents and curly quotes at every offset
        // relative to the 64-byte blocks of the classifier.
        let piece = "Don’t “stop” — it's Café’s 3,000 naïve o'clock x²! ";
        for shift in 0..70 {
            let text = format!("{}{}", "a".repeat(shift), piece.repeat(5));
            let mut got = Vec::new();
            Tokenizer::default().for_each_token(&text, |t| got.push(t.to_vec()));
            assert_eq!(got, whole_text_tokens(&text), "shift {shift}");
        }
    }

    #[test]
    fn general_punctuation_has_no_alphanumerics() {
        assert!(
            (GENERAL_PUNCTUATION_FIRST..=GENERAL_PUNCTUATION_LAST).all(|c| !c.is_alphanumeric())
        );
    }

    #[test]
    fn non_latin_scripts_are_tokens() {
        assert_eq!(normalized("Привет, МИР! 東京"), "привет мир 東京");
    }
}
