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

/// Reusable buffers for tokenizing, one per thread.
#[derive(Debug, Default)]
pub struct Tokenizer {
    /// The text with ASCII letters lower-cased, then (once the text is
    /// tokenized) the tokens that are not slices of it.
    bytes: String,
    /// Which bytes of the text are ASCII word bytes, and which may start a
    /// token (word bytes and non-ASCII bytes); see [`ByteClasses`].
    classes: ByteClasses,
    /// Each token as a byte range of `bytes`, in order.
    spans: Vec<(usize, usize)>,
    /// Tokens that are not slices of the text (folded, or with apostrophes
    /// dropped), appended to `bytes` at the end.
    rewritten: String,
    /// Scratch for tokens with non-ASCII characters.
    folded: String,
    /// For each token that is not a slice of the text (see `rewritten`):
    /// its index among the tokens and the byte of the text it was read at.
    rewritten_at: Vec<(usize, usize)>,
}

/// The tokens of one text, borrowed from the [`Tokenizer`] that found them.
#[derive(Clone, Copy, Debug)]
pub struct Tokens<'a> {
    bytes: &'a [u8],
    spans: &'a [(usize, usize)],
}

impl<'a> Tokens<'a> {
    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the text has no token.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The UTF-8 bytes of each token, in text order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'a [u8]> + 'a {
        let bytes = self.bytes;
        self.spans
            .iter()
            .map(move |&(start, end)| &bytes[start..end])
    }
}

impl Tokenizer {
    /// The normalized tokens of `text`, in order.
    ///
    /// ASCII is lower-cased in one vectorizable pass and classified eight
    /// bytes at a time into bitmaps, so runs of word bytes and of ASCII
    /// separators are skipped a 64-byte block at a time; a token of ASCII
    /// letters and digits is a slice of the lower-cased text. Only tokens
    /// that contain non-ASCII characters are NFKC-folded (token by token),
    /// so curly quotes and accented names in otherwise ASCII news text cost
    /// little.
    pub fn tokenize(&mut self, text: &str) -> Tokens<'_> {
        self.bytes.clear();
        self.bytes.push_str(text);
        self.bytes.make_ascii_lowercase();
        self.classes.classify(self.bytes.as_bytes());
        self.spans.clear();
        self.rewritten.clear();
        self.rewritten_at.clear();
        mixed_tokens(
            &self.bytes,
            &self.classes,
            &mut self.spans,
            &mut self.rewritten,
            &mut self.folded,
            &mut self.rewritten_at,
        );
        self.bytes.push_str(&self.rewritten);
        Tokens {
            bytes: self.bytes.as_bytes(),
            spans: &self.spans,
        }
    }

    /// Like [`Tokenizer::tokenize`], and also pushes to `line_ends`, for
    /// each line of `text` (split at `\n`) that holds a token, the number of
    /// tokens up to the end of that line. A newline always separates tokens,
    /// so these are the tokens each line would have on its own.
    pub fn tokenize_lines(&mut self, text: &str, line_ends: &mut Vec<u32>) -> Tokens<'_> {
        self.tokenize(text);
        let n = text.len();
        let (spans, rewritten) = (&self.spans, &self.rewritten_at);
        // Where token `i` was read in the text: tokens come in text order.
        let at = |i: usize| {
            let start = spans[i].0;
            if start < n {
                return start;
            }
            rewritten
                .binary_search_by_key(&i, |r| r.0)
                .map_or(n, |k| rewritten[k].1)
        };
        let total = spans.len();
        let mut first = 0;
        for newline in memchr::memchr_iter(b'\n', text.as_bytes()) {
            if first == total {
                break;
            }
            if at(first) > newline {
                continue;
            }
            // The first token after this newline (binary search over the
            // tokens from `first` on).
            let (mut lo, mut hi) = (first, total);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if at(mid) < newline {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo > first {
                line_ends.push(lo as u32);
                first = lo;
            }
        }
        if first < total {
            line_ends.push(total as u32);
        }
        Tokens {
            bytes: self.bytes.as_bytes(),
            spans: &self.spans,
        }
    }

    /// Calls `emit` with the UTF-8 bytes of each normalized token of `text`,
    /// in order (see [`Tokenizer::tokenize`]).
    pub fn for_each_token(&mut self, text: &str, mut emit: impl FnMut(&[u8])) {
        for token in self.tokenize(text).iter() {
            emit(token);
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

/// Bitmaps over the bytes of ASCII-lower-cased text, bit `i % 64` of word
/// `i / 64` for byte `i`: `word` marks ASCII word bytes (`[a-z0-9]`),
/// `start` the bytes a token may start at (word bytes and every byte of a
/// multi-byte character), `special` the bytes that make a run of word bytes
/// more than a plain token (apostrophes and every byte of a multi-byte
/// character). Bits past the end of the text are clear.
#[derive(Debug, Default)]
struct ByteClasses {
    word: Vec<u64>,
    start: Vec<u64>,
    special: Vec<u64>,
}

impl ByteClasses {
    /// Classifies `bytes`, a 64-byte block at a time.
    fn classify(&mut self, bytes: &[u8]) {
        let blocks = bytes.len().div_ceil(64);
        for map in [&mut self.word, &mut self.start, &mut self.special] {
            map.clear();
            map.reserve(blocks);
        }
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
        #[cfg(target_arch = "x86_64")]
        let classes = sse2::classify_block(block);
        #[cfg(not(target_arch = "x86_64"))]
        let classes = classify_block(block);
        self.word.push(classes.word);
        self.start.push(classes.start);
        self.special.push(classes.special);
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

    /// The first special byte at or after `i`, or `n`.
    #[inline]
    fn next_special(&self, i: usize, n: usize) -> usize {
        first_set(&self.special, 0, i, n)
    }
}

/// The classes of the bytes of one 64-byte block (see [`ByteClasses`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct BlockClasses {
    word: u64,
    start: u64,
    special: u64,
}

/// Classifies a block eight bytes at a time in 64-bit words (SWAR: the high
/// bit of each byte lane carries its class, then one multiply gathers the
/// eight bits). The portable counterpart of [`sse2::classify_block`].
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn classify_block(block: &[u8; 64]) -> BlockClasses {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn lanes(b: u8) -> u64 {
        u64::from_ne_bytes([b; 8])
    }
    /// The high bit of each byte lane, gathered into the low eight bits.
    fn gather(high_bits: u64) -> u64 {
        ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
    }
    let mut out = BlockClasses::default();
    for (k, lane) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(lane.try_into().expect("chunks_exact yields 8 bytes"));
        // Per byte lane, the high bit set for bytes >= 0x80:
        let non_ascii = x & HIGH;
        let y = x & !HIGH;
        // y + (0x80 - lo) sets a lane's high bit iff y >= lo, and no carry
        // leaves a lane (y <= 0x7f).
        let at_least = |lo: u8| y.wrapping_add(lanes(0x80 - lo));
        let letter = at_least(b'a') & !at_least(b'z' + 1);
        let digit = at_least(b'0') & !at_least(b'9' + 1);
        let apostrophe = at_least(b'\'') & !at_least(b'\'' + 1);
        let word = (letter | digit) & !non_ascii & HIGH;
        let special = (apostrophe & HIGH & !non_ascii) | non_ascii;
        out.word |= gather(word) << (8 * k);
        out.start |= gather(word | non_ascii) << (8 * k);
        out.special |= gather(special) << (8 * k);
    }
    out
}

/// Byte classification sixteen bytes at a time with SSE2, which every
/// x86-64 processor has.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod sse2 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };

    use super::BlockClasses;

    /// Classifies a block (the same classes as [`super::classify_block`]).
    #[inline]
    pub(super) fn classify_block(block: &[u8; 64]) -> BlockClasses {
        let mut out = BlockClasses::default();
        for (k, lane) in block.chunks_exact(16).enumerate() {
            // SAFETY: SSE2 is part of the x86-64 baseline, so these
            // intrinsics are available, and the load reads exactly the 16
            // bytes of `lane`.
            let (word, non_ascii, apostrophe) = unsafe {
                let x = _mm_loadu_si128(lane.as_ptr().cast());
                // Bytes in lo..=lo+span: x - lo, as unsigned, is at most span.
                let within = |lo: u8, span: u8| {
                    let shifted = _mm_sub_epi8(x, _mm_set1_epi8(lo as i8));
                    _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(span as i8)), shifted)
                };
                let word = _mm_or_si128(within(b'a', 25), within(b'0', 9));
                let apostrophe = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\'' as i8));
                (
                    _mm_movemask_epi8(word) as u16,
                    _mm_movemask_epi8(x) as u16,
                    _mm_movemask_epi8(apostrophe) as u16,
                )
            };
            let at = 16 * k;
            out.word |= u64::from(word) << at;
            out.start |= u64::from(word | non_ascii) << at;
            out.special |= u64::from(apostrophe | non_ascii) << at;
        }
        out
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

/// Tokens of ASCII-lower-cased text, as byte ranges pushed to `spans`. A
/// token of plain ASCII word bytes is a range of `text`; one with
/// apostrophes inside is copied without them, and one with non-ASCII
/// characters is NFKC-folded and tokenized again by [`unicode_tokens`]:
/// those are appended to `rewritten`, and their ranges count from the end
/// of `text` (the caller appends `rewritten` to it).
///
/// The runs of ASCII word bytes are read off the `word` bitmap, from the
/// bits where it changes. A run with no special byte between the end of the
/// previous token and the byte after the run is a token as it is; at any
/// other run, [`Scan::next_token`] reads the next token character by
/// character.
fn mixed_tokens(
    text: &str,
    classes: &ByteClasses,
    spans: &mut Vec<(usize, usize)>,
    rewritten: &mut String,
    folded: &mut String,
    rewritten_at: &mut Vec<(usize, usize)>,
) {
    let n = text.len();
    let mut scan = Scan {
        text,
        classes,
        rewritten,
        folded,
        rewritten_at,
    };
    // Pushed to as a local vector: the fast path keeps it in registers.
    let mut found = std::mem::take(spans);
    // Every token before `done` is found; `special` is the first special
    // byte at or after `done` (or `n`).
    let (mut done, mut special) = (0, classes.next_special(0, n));
    let mut plain_or_slow = |start: usize, end: usize| {
        while done <= start {
            if special > end || special == n {
                found.push((start, end));
                done = end;
                return;
            }
            done = scan.next_token(done, &mut found);
            if special < done {
                special = classes.next_special(done, n);
            }
        }
    };
    // A run of word bytes still open at the end of the previous block.
    let mut open: Option<usize> = None;
    let mut carry = 0;
    for (block, &word) in classes.word.iter().enumerate() {
        let base = block * 64;
        // Bits where a run of word bytes starts, and just after one ends.
        let before = word << 1 | carry;
        carry = word >> 63;
        let (mut starts, mut ends) = (word & !before, !word & before);
        if let Some(start) = open {
            if ends == 0 {
                // The whole block is word bytes.
                continue;
            }
            plain_or_slow(start, base + ends.trailing_zeros() as usize);
            ends &= ends - 1;
            open = None;
        }
        // Starts and ends alternate: pair them lowest first. A start left
        // over opens a run that ends in a later block.
        while ends != 0 {
            let start = base + starts.trailing_zeros() as usize;
            plain_or_slow(start, base + ends.trailing_zeros() as usize);
            starts &= starts - 1;
            ends &= ends - 1;
        }
        if starts != 0 {
            open = Some(base + starts.trailing_zeros() as usize);
        }
    }
    if let Some(start) = open {
        plain_or_slow(start, n);
    }
    while done < n {
        done = scan.next_token(done, &mut found);
    }
    *spans = found;
}

/// What [`mixed_tokens`] reads and writes.
struct Scan<'a> {
    text: &'a str,
    classes: &'a ByteClasses,
    rewritten: &'a mut String,
    folded: &'a mut String,
    rewritten_at: &'a mut Vec<(usize, usize)>,
}

impl Scan<'_> {
    /// Finds the first token at or after `i`, character by character,
    /// pushes its range (or those of its folded tokens) to `spans`, and
    /// returns where it ends (the text length if there is none).
    fn next_token(&mut self, mut i: usize, spans: &mut Vec<(usize, usize)>) -> usize {
        let (text, classes) = (self.text, self.classes);
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
        // Separators, and invisible or combining characters with no word to
        // attach to. ASCII separators are skipped a block at a time.
        loop {
            i = classes.next_start(i, n);
            if i >= n {
                return n;
            }
            if bytes[i] < 0x80 {
                break;
            }
            let c = char_at(i);
            if is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
        let start = i;
        let (mut joined, mut unicode) = (false, false);
        i = classes.next_non_word(i, n);
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
        let token = &text[start..i];
        let rewritten = &mut *self.rewritten;
        let rewritten_at = &mut *self.rewritten_at;
        if unicode {
            let nfkc: String = token.nfkc().collect();
            unicode_tokens(&nfkc, self.folded, &mut |token: &str| {
                let at = n + rewritten.len();
                rewritten.push_str(token);
                rewritten_at.push((spans.len(), start));
                spans.push((at, at + token.len()));
            });
        } else if joined {
            let at = n + rewritten.len();
            rewritten.extend(token.chars().filter(|&c| c != '\''));
            rewritten_at.push((spans.len(), start));
            spans.push((at, n + rewritten.len()));
        } else {
            spans.push((start, i));
        }
        i
    }
}

fn unicode_tokens(text: &str, buf: &mut String, emit: &mut impl FnMut(&str)) {
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
            emit(buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        emit(buf);
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
    fn line_ends_count_the_tokens_each_line_has_on_its_own() {
        let texts = [
            "",
            "one line only",
            "first line\n\nsecond, line\nthird",
            "\n\n  \nlead\n",
            "Don\u{2019}t stop\n\u{e9}t\u{e9} caf\u{e9} na\u{ef}ve\nit's fine\n—\n",
            "a\u{200b}\nb x\u{0301}\n\u{0301}y",
        ];
        let mut tokenizer = Tokenizer::default();
        for text in texts {
            let mut ends = Vec::new();
            let whole: Vec<Vec<u8>> = tokenizer
                .tokenize_lines(text, &mut ends)
                .iter()
                .map(<[u8]>::to_vec)
                .collect();
            let mut want_ends = Vec::new();
            let mut by_line: Vec<Vec<u8>> = Vec::new();
            for line in text.split('\n') {
                let tokens: Vec<Vec<u8>> = tokenizer
                    .tokenize(line)
                    .iter()
                    .map(<[u8]>::to_vec)
                    .collect();
                if !tokens.is_empty() {
                    by_line.extend(tokens);
                    want_ends.push(by_line.len() as u32);
                }
            }
            assert_eq!(whole, by_line, "{text:?}");
            assert_eq!(ends, want_ends, "{text:?}");
        }
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
        unicode_tokens(ascii, &mut String::new(), &mut |t: &str| {
            via_unicode.push(t.as_bytes().to_vec())
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
        unicode_tokens(&folded, &mut String::new(), &mut |t: &str| {
            out.push(t.as_bytes().to_vec())
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

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sse2_and_portable_classes_agree() {
        let mut state = 88_172_645_463_325_252u64;
        for round in 0..2000 {
            let mut block = [0u8; 64];
            for (i, b) in block.iter_mut().enumerate() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Every byte value, and runs of the interesting ones.
                *b = if round < 4 {
                    (round * 64 + i) as u8
                } else {
                    let pick = b"a0z9'\x80\xff /`{:@";
                    pick[(state % pick.len() as u64) as usize] ^ (state >> 60) as u8 & 1
                };
            }
            assert_eq!(
                sse2::classify_block(&block),
                classify_block(&block),
                "{block:?}"
            );
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
    fn long_runs_and_texts_ending_on_a_block_edge() {
        // Runs of word bytes that fill whole 64-byte blocks, and texts whose
        // last byte is a word byte at the end of a block.
        for run in [1, 63, 64, 65, 127, 128, 129, 300] {
            for offset in [0, 1, 62, 63, 64] {
                let word = "x".repeat(run);
                let texts = [
                    format!("{}{word} é{word}", " ".repeat(offset)),
                    format!("{}{word}", "y ".repeat(offset)),
                    format!("{word}'s {word}’{word}"),
                ];
                for text in texts {
                    let mut got = Vec::new();
                    Tokenizer::default().for_each_token(&text, |t| got.push(t.to_vec()));
                    assert_eq!(got, whole_text_tokens(&text), "run {run} offset {offset}");
                }
            }
        }
        let exact = "ab ".repeat(21) + "c";
        assert_eq!(exact.len(), 64);
        assert_eq!(normalized(&exact), exact);
    }

    #[test]
    fn random_mixtures_match_whole_text_folding() {
        // Pieces that exercise every path of the tokenizer, strung together
        // at random (a fixed xorshift sequence) with and without separators.
        let pieces = [
            "word",
            "Word",
            "12",
            "'",
            "’",
            "“",
            "”",
            " ",
            "  ",
            ",",
            "-",
            "é",
            "É",
            "e\u{301}",
            "\u{200b}",
            "\u{ad}",
            "—",
            "мир",
            "東京",
            "ﬁ",
            "x²",
            "№",
            "\u{301}",
            "\n",
            "a",
            "don't",
            "'tis",
            "rock'n'roll",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..400 {
            let mut text = String::new();
            let len = (state % 120) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            let mut got = Vec::new();
            Tokenizer::default().for_each_token(&text, |t| got.push(t.to_vec()));
            assert_eq!(got, whole_text_tokens(&text), "{text:?}");
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
