//! Shingling: the normalized token stream cut into overlapping k-grams, each
//! hashed to 64 bits with a fixed seed, so signatures and shingle sets are
//! the same on every machine and every run.
//!
//! Word shingles hash each token with a fixed-seed 64-bit hash and combine
//! the k token hashes of a window as a rolling polynomial, finished with the
//! splitmix64 mixer; character shingles hash each window of k characters of
//! the normalized text (tokens joined by one space) with seeded xxh3. A text with fewer than k units but at least one yields
//! a single shingle of all of them; an empty text yields none.

use std::num::NonZeroUsize;

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::normalize;

/// The seed of every shingle hash. Changing it changes every signature.
pub const SEED: u64 = 0x7769_7265_6469_6666; // "wirediff"

/// What a shingle is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shingling {
    /// Word k-grams. The default is 5 words.
    Words(NonZeroUsize),
    /// Character k-grams over the normalized text.
    Chars(NonZeroUsize),
}

impl Default for Shingling {
    fn default() -> Shingling {
        Shingling::Words(NonZeroUsize::new(5).expect("5 is not zero"))
    }
}

/// Reusable scratch space for shingling, one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    tokenizer: normalize::Tokenizer,
    /// The hash of every token of the text, in order.
    token_hashes: Vec<u64>,
    /// Tokens up to the end of each line.
    line_ends: Vec<u32>,
    text: String,
}

/// A line of a text (split at `\n`) that holds at least one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// A fixed-seed hash of the line's words in order: two lines with the
    /// same words (after normalization) have the same key.
    pub key: u64,
    /// The number of words of the text up to the end of this line.
    pub end: u32,
}

/// Mixed into line keys so that a line of exactly k words does not share
/// its key with the k-word shingle of the same words.
const LINE_SEED: u64 = 0x6c69_6e65_6b65_7973; // "linekeys"

impl Shingling {
    /// Appends the hashes of every shingle of `text` to `out`, in text order,
    /// repeats included.
    pub fn hashes_into(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<u64>) {
        match *self {
            Shingling::Words(k) => word_shingles(text, k.get(), scratch, out),
            Shingling::Chars(k) => char_shingles(text, k.get(), scratch, out),
        }
    }

    /// Like [`Shingling::hashes_into`], and also pushes the [`Line`]s of
    /// `text` (split at `\n`) that hold a word to `lines`. Character shingles
    /// have no lines: `lines` is left as it is.
    pub fn hashes_and_lines_into(
        &self,
        text: &str,
        scratch: &mut Scratch,
        out: &mut Vec<u64>,
        lines: &mut Vec<Line>,
    ) {
        match *self {
            Shingling::Words(k) => {
                let ends = &mut scratch.line_ends;
                ends.clear();
                let tokens = &mut scratch.token_hashes;
                tokens.clear();
                tokens.extend(
                    scratch
                        .tokenizer
                        .tokenize_lines(text, ends)
                        .iter()
                        .map(token_hash),
                );
                let mut start = 0;
                for &end in ends.iter() {
                    let words = &tokens[start as usize..end as usize];
                    lines.push(Line {
                        key: finish(polynomial(words) ^ LINE_SEED, words.len()),
                        end,
                    });
                    start = end;
                }
                shingles_of_tokens(tokens, k.get(), out);
            }
            Shingling::Chars(k) => char_shingles(text, k.get(), scratch, out),
        }
    }

    /// The number of words a shingle holds, for word shingles.
    pub fn words(&self) -> Option<usize> {
        match *self {
            Shingling::Words(k) => Some(k.get()),
            Shingling::Chars(_) => None,
        }
    }

    /// The set of shingle hashes of `text`: sorted, without repeats.
    pub fn set(&self, text: &str, scratch: &mut Scratch) -> Vec<u64> {
        let mut out = Vec::new();
        self.hashes_into(text, scratch, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The set of 32-bit shingle fingerprints of `text` (see [`fold`]):
    /// sorted, without repeats. Exact verification compares these.
    pub fn fingerprints(&self, text: &str, scratch: &mut Scratch) -> Vec<u32> {
        let mut out = Vec::new();
        self.hashes_into(text, scratch, &mut out);
        fingerprint_set(&out)
    }
}

/// Folds a 64-bit shingle hash to the 32-bit fingerprint that both the MinHash
/// permutations and exact verification work on. Two different shingles of a
/// pair of texts share a fingerprint with probability about |A|·|B| / 2³²
/// (4 in 100,000 for two 400-shingle articles), which moves a similarity by
/// at most one shingle.
#[inline]
pub fn fold(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// Sorted, repeat-free fingerprints of a list of shingle hashes.
pub fn fingerprint_set(hashes: &[u64]) -> Vec<u32> {
    let mut set: Vec<u32> = hashes.iter().map(|&h| fold(h)).collect();
    sort_unique(&mut set);
    set
}

/// Sorts fingerprints and drops repeats. Fingerprints are uniform 32-bit
/// hashes, so a set of a few hundred is sorted in one counting pass on the
/// top byte followed by insertion sorts of buckets that hold one or two
/// values each; large sets take a four-pass radix sort.
pub fn sort_unique(set: &mut Vec<u32>) {
    if set.len() < 64 {
        set.sort_unstable();
    } else {
        let passes: &[u32] = if set.len() <= 4096 {
            &[24]
        } else {
            &[0, 8, 16, 24]
        };
        let mut other = vec![0u32; set.len()];
        for &shift in passes {
            let mut counts = [0usize; 256];
            for &x in set.iter() {
                counts[((x >> shift) & 0xff) as usize] += 1;
            }
            let mut total = 0;
            for count in counts.iter_mut() {
                let c = *count;
                *count = total;
                total += c;
            }
            for &x in set.iter() {
                let bucket = &mut counts[((x >> shift) & 0xff) as usize];
                other[*bucket] = x;
                *bucket += 1;
            }
            std::mem::swap(set, &mut other);
        }
        if passes.len() == 1 {
            // Ordered by the top byte: finish with an insertion sort, which
            // only moves values within their (small) buckets.
            for i in 1..set.len() {
                let x = set[i];
                let mut j = i;
                while j > 0 && set[j - 1] > x {
                    set[j] = set[j - 1];
                    j -= 1;
                }
                set[j] = x;
            }
        }
    }
    set.dedup();
}

fn word_shingles(text: &str, k: usize, scratch: &mut Scratch, out: &mut Vec<u64>) {
    // Token hashes first, then the shingles over them: two simple loops.
    let tokens = &mut scratch.token_hashes;
    tokens.clear();
    tokens.extend(scratch.tokenizer.tokenize(text).iter().map(token_hash));
    shingles_of_tokens(tokens, k, out);
}

/// Appends the hash of every k-word shingle over `tokens` (token hashes) to
/// `out`; fewer than k tokens (but at least one) make one shingle.
fn shingles_of_tokens(tokens: &[u64], k: usize, out: &mut Vec<u64>) {
    if tokens.len() < k {
        if !tokens.is_empty() {
            out.push(finish(polynomial(tokens), tokens.len()));
        }
        return;
    }
    window_hashes(tokens, k, out);
}

/// Appends the hash of every window of `k` token hashes (at least `k` of
/// them) to `out`: the polynomial H = Σ t_j · BASE^(k-1-j) over the window,
/// finished. With AVX-512 the windows are computed side by side, eight to a
/// vector (Horner's rule down the window, one token position at a time);
/// elsewhere a rolling sum takes two multiplies a window. Both compute the
/// same values (arithmetic modulo 2⁶⁴).
fn window_hashes(tokens: &[u64], k: usize, out: &mut Vec<u64>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512dq") {
        x86::window_hashes_avx512(tokens, k, out);
        return;
    }
    rolling_window_hashes(tokens, k, out);
}

/// [`window_hashes`] by a rolling sum: without its first token's term,
/// t_out · BASE^(k-1), a window's H times BASE plus the next token's hash is
/// the next window's.
fn rolling_window_hashes(tokens: &[u64], k: usize, out: &mut Vec<u64>) {
    let leading = BASE.wrapping_pow(k as u32 - 1);
    let mut rolling = polynomial(&tokens[..k - 1]);
    out.reserve(tokens.len() - k + 1);
    out.extend(
        tokens[k - 1..]
            .iter()
            .zip(tokens.iter())
            .map(|(&t_in, &t_out)| {
                let window = rolling.wrapping_mul(BASE).wrapping_add(t_in);
                rolling = window.wrapping_sub(t_out.wrapping_mul(leading));
                finish(window, k)
            }),
    );
}

/// [`window_hashes`] computed for all windows at once: Horner's rule one
/// token position at a time across every window, then the finish; loops the
/// compiler vectorizes when 64-bit vector multiplies exist.
#[inline(always)]
fn side_by_side_window_hashes(tokens: &[u64], k: usize, out: &mut Vec<u64>) {
    let windows = tokens.len() - k + 1;
    let start = out.len();
    out.resize(start + windows, 0);
    let sums = &mut out[start..];
    for j in 0..k {
        for (sum, &t) in sums.iter_mut().zip(&tokens[j..j + windows]) {
            *sum = sum.wrapping_mul(BASE).wrapping_add(t);
        }
    }
    for sum in sums.iter_mut() {
        *sum = finish(*sum, k);
    }
}

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod x86 {
    #[target_feature(enable = "avx512f,avx512dq")]
    fn window_hashes_avx512_body(tokens: &[u64], k: usize, out: &mut Vec<u64>) {
        super::side_by_side_window_hashes(tokens, k, out);
    }

    pub(super) fn window_hashes_avx512(tokens: &[u64], k: usize, out: &mut Vec<u64>) {
        // SAFETY: called only after `is_x86_feature_detected!("avx512dq")`
        // said the CPU has AVX-512DQ (which implies AVX-512F).
        unsafe { window_hashes_avx512_body(tokens, k, out) }
    }
}

/// Σ t_j · BASE^(len-1-j) over the token hashes `t` (Horner's rule).
fn polynomial(tokens: &[u64]) -> u64 {
    tokens
        .iter()
        .fold(0u64, |h, &t| h.wrapping_mul(BASE).wrapping_add(t))
}

/// Odd multiplier of the rolling polynomial over token hashes.
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Fixed-seed 64-bit hash of one token: for tokens of up to 16 bytes
/// (nearly all words) two overlapping reads that together with the length
/// determine the token, mixed by folded 128-bit multiplies; xxh3 for longer
/// ones.
#[inline]
fn token_hash(token: &[u8]) -> u64 {
    let len = token.len();
    let (lo, hi) = match len {
        0 => (0, 0),
        1..=3 => (
            u64::from(token[0]) << 16 | u64::from(token[len / 2]) << 8 | u64::from(token[len - 1]),
            0,
        ),
        4..=8 => (read_u32(token, 0), read_u32(token, len - 4)),
        9..=16 => (read_u64(token, 0), read_u64(token, len - 8)),
        _ => return xxh3_64_with_seed(token, SEED),
    };
    let h = fold_multiply(
        lo ^ SEED ^ 0xa076_1d64_78bd_642f,
        hi ^ 0xe703_7ed1_a0b4_28db,
    );
    let len = (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    fold_multiply(
        h ^ len ^ 0x8ebc_6af0_9c88_c6e3,
        h.rotate_left(29) ^ 0x5899_65cc_7537_4cc3,
    )
}

#[inline]
fn read_u32(bytes: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes(
        bytes[at..at + 4].try_into().expect("4 bytes"),
    ))
}

#[inline]
fn read_u64(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
}

#[inline]
fn fold_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Turns the rolling sum of a window of `len` tokens into a shingle hash
/// (splitmix64 finalizer).
#[inline]
fn finish(rolling: u64, len: usize) -> u64 {
    let mut h = rolling ^ SEED ^ (len as u64).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

fn char_shingles(text: &str, k: usize, scratch: &mut Scratch, out: &mut Vec<u64>) {
    let normalized = &mut scratch.text;
    normalized.clear();
    scratch.tokenizer.for_each_token(text, |token| {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        normalized.push_str(std::str::from_utf8(token).expect("tokens are UTF-8"));
    });
    if normalized.is_empty() {
        return;
    }
    let bounds: Vec<usize> = normalized
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(normalized.len()))
        .collect();
    let chars = bounds.len() - 1;
    if chars < k {
        out.push(xxh3_64_with_seed(normalized.as_bytes(), SEED));
        return;
    }
    for i in 0..=chars - k {
        out.push(xxh3_64_with_seed(
            &normalized.as_bytes()[bounds[i]..bounds[i + k]],
            SEED,
        ));
    }
}

/// Exact similarity of two shingle sets (sorted, without repeats).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overlap {
    /// |A ∩ B|.
    pub shared: usize,
    /// |A ∩ B| / |A ∪ B|, 0 when both are empty.
    pub jaccard: f64,
    /// |A ∩ B| / min(|A|, |B|), 0 when either is empty.
    pub containment: f64,
}

/// Computes the exact overlap of two sorted, repeat-free shingle sets.
pub fn overlap<T: Ord>(a: &[T], b: &[T]) -> Overlap {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    let smaller = a.len().min(b.len());
    Overlap {
        shared,
        jaccard: if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        },
        containment: if smaller == 0 {
            0.0
        } else {
            shared as f64 / smaller as f64
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(k: usize) -> Shingling {
        Shingling::Words(NonZeroUsize::new(k).unwrap())
    }

    #[test]
    fn word_shingle_count_is_tokens_minus_k_plus_one() {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        words(3).hashes_into("a b c d e", &mut scratch, &mut out);
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn short_text_is_one_shingle_and_empty_is_none() {
        let mut scratch = Scratch::default();
        assert_eq!(words(5).set("just two", &mut scratch).len(), 1);
        assert!(words(5).set(" ,. ", &mut scratch).is_empty());
        assert!(
            Shingling::Chars(NonZeroUsize::new(4).unwrap())
                .set("", &mut scratch)
                .is_empty()
        );
    }

    #[test]
    fn shingles_ignore_case_and_punctuation_but_not_order() {
        let mut scratch = Scratch::default();
        let a = words(2).set("The cat sat.", &mut scratch);
        let b = words(2).set("THE CAT, SAT!", &mut scratch);
        let c = words(2).set("sat cat the", &mut scratch);
        assert_eq!(a, b);
        assert_eq!(overlap(&a, &c).shared, 0);
    }

    #[test]
    fn hashes_are_pinned() {
        // A change here changes every signature: make it on purpose only.
        let mut scratch = Scratch::default();
        assert_eq!(
            words(2).set("Hello, world", &mut scratch),
            vec![6_929_124_838_436_659_685]
        );
        assert_eq!(
            token_hash(b"a-token-longer-than-16"),
            xxh3_64_with_seed(b"a-token-longer-than-16", SEED)
        );
    }

    #[test]
    fn rolling_hash_equals_the_window_polynomial() {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        words(3).hashes_into("a b c d", &mut scratch, &mut out);
        let t: Vec<u64> = ["a", "b", "c", "d"]
            .iter()
            .map(|w| token_hash(w.as_bytes()))
            .collect();
        let poly = |w: &[u64]| {
            w.iter()
                .fold(0u64, |h, &x| h.wrapping_mul(BASE).wrapping_add(x))
        };
        assert_eq!(
            out,
            vec![finish(poly(&t[0..3]), 3), finish(poly(&t[1..4]), 3)]
        );
    }

    #[test]
    fn window_hashes_agree_rolling_and_side_by_side() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for len in [1, 2, 5, 9, 17, 100, 421] {
            let tokens: Vec<u64> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state
                })
                .collect();
            for k in (1..=8).filter(|&k| k <= len) {
                let (mut rolling, mut side_by_side, mut chosen) = (vec![7], vec![7], vec![7]);
                rolling_window_hashes(&tokens, k, &mut rolling);
                side_by_side_window_hashes(&tokens, k, &mut side_by_side);
                window_hashes(&tokens, k, &mut chosen);
                assert_eq!(rolling.len(), len - k + 2);
                assert_eq!(rolling, side_by_side, "len {len} k {k}");
                assert_eq!(rolling, chosen, "len {len} k {k}");
            }
        }
    }

    #[test]
    fn token_hashes_do_not_collide_on_a_large_vocabulary() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..200_000u32 {
            for word in [
                format!("w{i}"),
                format!("{i}"),
                format!("x{i:0>12}"),
                "a".repeat(i as usize % 17 + 1),
            ] {
                seen.insert((token_hash(word.as_bytes()), word));
            }
        }
        let hashes: std::collections::HashSet<u64> = seen.iter().map(|(h, _)| *h).collect();
        assert_eq!(
            hashes.len(),
            seen.len(),
            "two different tokens share a hash"
        );
        // Padding must not make "a" and "a\0" alike.
        assert_ne!(token_hash(b"a"), token_hash(b"a\0"));
    }

    #[test]
    fn char_shingles_count_windows() {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        Shingling::Chars(NonZeroUsize::new(3).unwrap()).hashes_into(
            "Ab, cd",
            &mut scratch,
            &mut out,
        );
        // normalized "ab cd": 5 chars, 3 windows.
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn radix_sort_agrees_with_sort() {
        let mut state = 7u32;
        for len in [0, 1, 5, 63, 64, 65, 500, 3000, 4096, 4097, 9000] {
            let mut v: Vec<u32> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    state % 1000 * 4_000_000 + state % 7
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            want.dedup();
            sort_unique(&mut v);
            assert_eq!(v, want, "len {len}");
        }
    }

    #[test]
    fn overlap_measures() {
        let o = overlap(&[1u32, 2, 3, 4], &[3, 4, 5]);
        assert_eq!(o.shared, 2);
        assert!((o.jaccard - 0.4).abs() < 1e-12);
        assert!((o.containment - 2.0 / 3.0).abs() < 1e-12);
        let e = overlap::<u64>(&[], &[]);
        assert_eq!((e.jaccard, e.containment), (0.0, 0.0));
    }
}
