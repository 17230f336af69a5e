//! Shingling: the normalized token stream cut into overlapping k-grams, each
//! hashed to 64 bits with a fixed seed, so signatures and shingle sets are
//! the same on every machine and every run.
//!
//! Word shingles hash each token with xxh3 (seeded) and combine the k token
//! hashes of a window with a fixed mixing function; character shingles hash
//! each window of k characters of the normalized text (tokens joined by one
//! space) with xxh3. A text with fewer than k units but at least one yields
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
    token: String,
    window: Vec<u64>,
    text: String,
}

impl Shingling {
    /// Appends the hashes of every shingle of `text` to `out`, in text order,
    /// repeats included.
    pub fn hashes_into(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<u64>) {
        match *self {
            Shingling::Words(k) => word_shingles(text, k.get(), scratch, out),
            Shingling::Chars(k) => char_shingles(text, k.get(), scratch, out),
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
}

fn word_shingles(text: &str, k: usize, scratch: &mut Scratch, out: &mut Vec<u64>) {
    let window = &mut scratch.window;
    window.clear();
    let start = out.len();
    normalize::for_each_token(text, &mut scratch.token, |token| {
        window.push(xxh3_64_with_seed(token.as_bytes(), SEED));
        if window.len() >= k {
            out.push(combine(&window[window.len() - k..]));
        }
    });
    if out.len() == start && !window.is_empty() {
        out.push(combine(window));
    }
}

/// Mixes a window of token hashes into one shingle hash (order-sensitive).
#[inline]
fn combine(tokens: &[u64]) -> u64 {
    let mut h = SEED ^ (tokens.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &t in tokens {
        h = (h.rotate_left(23) ^ t).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    // splitmix64 finalizer.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

fn char_shingles(text: &str, k: usize, scratch: &mut Scratch, out: &mut Vec<u64>) {
    let normalized = &mut scratch.text;
    normalized.clear();
    normalize::for_each_token(text, &mut scratch.token, |token| {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        normalized.push_str(token);
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
pub fn overlap(a: &[u64], b: &[u64]) -> Overlap {
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
    fn hashes_are_stable_across_runs() {
        // Pinned: a change here changes every persisted signature.
        let mut scratch = Scratch::default();
        let set = words(2).set("hello world", &mut scratch);
        assert_eq!(
            set,
            vec![combine(&[
                xxh3_64_with_seed(b"hello", SEED),
                xxh3_64_with_seed(b"world", SEED)
            ])]
        );
        assert_eq!(
            xxh3_64_with_seed(b"hello", SEED),
            xxh3_64_with_seed(b"hello", 0x7769_7265_6469_6666)
        );
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
    fn overlap_measures() {
        let o = overlap(&[1, 2, 3, 4], &[3, 4, 5]);
        assert_eq!(o.shared, 2);
        assert!((o.jaccard - 0.4).abs() < 1e-12);
        assert!((o.containment - 2.0 / 3.0).abs() < 1e-12);
        let e = overlap(&[], &[]);
        assert_eq!((e.jaccard, e.containment), (0.0, 0.0));
    }
}
