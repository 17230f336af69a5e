//! Candidate pairs by LSH banding: signatures are cut into `bands` bands of
//! `rows` words; two articles whose signatures agree on a whole band become a
//! candidate pair. Candidates are only candidates: [`crate::copies`] verifies
//! every one exactly.
//!
//! [`Bands::for_threshold`] picks bands × rows for a Jaccard threshold the way
//! datasketch does: it minimizes the weighted area of false positives (below
//! the threshold) and false negatives (above it) under the banding S-curve
//! `P(s) = 1 − (1 − s^rows)^bands`, with equal weights. Because every
//! candidate is verified, a false negative (a lost copy) costs far more than
//! a false positive (one extra exact check), so only bandings that find a
//! pair right at the threshold with probability at least
//! [`MIN_RECALL_AT_THRESHOLD`] are considered; datasketch's objective then
//! picks among them.

use rayon::prelude::*;

/// A banding of a signature: `bands` bands of `rows` words each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bands {
    /// Number of bands.
    pub bands: usize,
    /// Signature words per band.
    pub rows: usize,
}

/// Weight of false negatives in [`Bands::for_threshold`]; false positives
/// weigh `1 − FALSE_NEGATIVE_WEIGHT` (datasketch's default weights).
pub const FALSE_NEGATIVE_WEIGHT: f64 = 0.5;

/// The least probability of becoming a candidate that a banding must give a
/// pair whose Jaccard similarity is exactly the threshold.
pub const MIN_RECALL_AT_THRESHOLD: f64 = 0.995;

/// Buckets with more members than this are linked as a chain of windows
/// rather than all pairs, so a thousand identical copies cost thousands of
/// checks, not half a million.
pub const MAX_BUCKET_PAIRS: usize = 64;

/// In a large bucket, each member is paired with this many following members.
pub const BUCKET_WINDOW: usize = 8;

impl Bands {
    /// The bands × rows (with bands × rows ≤ `permutations`) that minimize
    /// `w·FN + (1−w)·FP` for Jaccard threshold `threshold`, with
    /// w = [`FALSE_NEGATIVE_WEIGHT`], among those that make a pair at the
    /// threshold a candidate with probability ≥ [`MIN_RECALL_AT_THRESHOLD`]
    /// (or, if none does, the one that comes closest).
    pub fn for_threshold(threshold: f64, permutations: usize) -> Bands {
        let most_recall = (1..=permutations)
            .map(|rows| probability(threshold, permutations / rows, rows))
            .fold(0.0, f64::max);
        let floor = MIN_RECALL_AT_THRESHOLD.min(most_recall);
        let mut best = (
            f64::INFINITY,
            Bands {
                bands: permutations,
                rows: 1,
            },
        );
        for bands in 1..=permutations {
            for rows in 1..=permutations / bands {
                if probability(threshold, bands, rows) < floor {
                    continue;
                }
                let fp = integrate(|s| probability(s, bands, rows), 0.0, threshold);
                let fn_ = integrate(|s| 1.0 - probability(s, bands, rows), threshold, 1.0);
                let cost = FALSE_NEGATIVE_WEIGHT * fn_ + (1.0 - FALSE_NEGATIVE_WEIGHT) * fp;
                if cost < best.0 {
                    best = (cost, Bands { bands, rows });
                }
            }
        }
        best.1
    }

    /// Probability that two signatures with Jaccard similarity `s` share a band.
    pub fn probability(&self, s: f64) -> f64 {
        probability(s, self.bands, self.rows)
    }
}

fn probability(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

fn integrate(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    const STEPS: usize = 200;
    let h = (b - a) / STEPS as f64;
    let inner: f64 = (1..STEPS).map(|i| f(a + i as f64 * h)).sum();
    h * (inner + (f(a) + f(b)) / 2.0)
}

/// A 64-bit key for one band of a signature (`words` is the band's
/// `rows` words). Two bands with different words collide only by chance
/// (probability about 2⁻⁶⁴ per pair).
pub fn band_key(words: &[u32], band: u64) -> u64 {
    let mut h = band.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d;
    for pair in words.chunks(2) {
        let x = u64::from(pair[0]) | u64::from(*pair.get(1).unwrap_or(&0)) << 32;
        let product = u128::from(h ^ x) * 0xa076_1d64_78bd_642f_u128;
        h = (product as u64) ^ ((product >> 64) as u64) ^ x.rotate_left(17);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// Sorts `(key, article)` pairs by key, then article, given pairs in
/// article order. Keys are hashes, so their top 33 bits almost always tell
/// them apart: a stable least-significant-digit radix sort on those bits
/// (three passes of 11 bits) is followed by a stable sort on the whole key
/// of any run that shares the top bits but not the key (rare).
fn radix_sort(keys: &mut Vec<(u64, u32)>) {
    const DIGIT: u32 = 11;
    if keys.len() < 256 {
        keys.sort_unstable();
        return;
    }
    debug_assert!(
        keys.windows(2).all(|w| w[0].1 <= w[1].1),
        "articles come in order"
    );
    let mut other = vec![(0u64, 0u32); keys.len()];
    for pass in 0..3 {
        let shift = 64 - DIGIT * (3 - pass);
        let digit = |key: u64| ((key >> shift) & ((1 << DIGIT) - 1)) as usize;
        let mut counts = [0usize; 1 << DIGIT];
        for &(key, _) in keys.iter() {
            counts[digit(key)] += 1;
        }
        let mut total = 0;
        for count in counts.iter_mut() {
            let c = *count;
            *count = total;
            total += c;
        }
        for &item in keys.iter() {
            let slot = &mut counts[digit(item.0)];
            other[*slot] = item;
            *slot += 1;
        }
        std::mem::swap(keys, &mut other);
    }
    let top = |key: u64| key >> (64 - 3 * DIGIT);
    for run in keys.chunk_by_mut(|x, y| top(x.0) == top(y.0)) {
        if run.windows(2).any(|w| w[0].0 != w[1].0) {
            run.sort_by_key(|&(key, _)| key);
        }
    }
}

/// Candidate pairs `(i, j)` with `i < j`, sorted and without repeats, among
/// the signatures stored row-major in `signatures` (`permutations` words
/// each). Signatures for which `skip` is true (empty texts) take no part.
pub fn pairs(
    signatures: &[u32],
    permutations: usize,
    bands: Bands,
    skip: &[bool],
) -> Vec<(u32, u32)> {
    let count = signatures.len() / permutations;
    let used = bands.bands * bands.rows;
    // Band keys, computed article by article (each signature read once, in
    // order) into one list per band, for blocks of articles in parallel.
    let articles: Vec<usize> = (0..count).filter(|&i| !skip[i]).collect();
    let blocks: Vec<Vec<Vec<(u64, u32)>>> = articles
        .par_chunks(4096)
        .map(|block| {
            let mut per_band: Vec<Vec<(u64, u32)>> = (0..bands.bands)
                .map(|_| Vec::with_capacity(block.len()))
                .collect();
            for &i in block {
                let signature = &signatures[i * permutations..][..used];
                for (band, (keys, words)) in per_band
                    .iter_mut()
                    .zip(signature.chunks_exact(bands.rows))
                    .enumerate()
                {
                    keys.push((band_key(words, band as u64), i as u32));
                }
            }
            per_band
        })
        .collect();
    // Each pair as one number, first article in the high half, so that
    // numeric order is pair order. A pair recurs in every band it shares.
    let mut all: Vec<u64> = (0..bands.bands)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut keys: Vec<(u64, u32)> = blocks
                .iter()
                .flat_map(|b| b[band].iter().copied())
                .collect();
            radix_sort(&mut keys);
            let mut out = Vec::new();
            for bucket in keys.chunk_by(|x, y| x.0 == y.0).filter(|b| b.len() > 1) {
                bucket_pairs(bucket.len(), |x, y| {
                    out.push(u64::from(bucket[x].1) << 32 | u64::from(bucket[y].1))
                });
            }
            out
        })
        .collect();
    sort_numbers(&mut all);
    all.dedup();
    all.into_iter()
        .map(|pair| ((pair >> 32) as u32, pair as u32))
        .collect()
}

/// The candidate pairs of one bucket of `size` members sorted by article:
/// calls `pair(x, y)` with positions `x < y` in the bucket. Every pair of
/// members, or in a bucket of more than [`MAX_BUCKET_PAIRS`] members each
/// one with the [`BUCKET_WINDOW`] members after it. Engines that group band
/// keys themselves call this on each bucket to get the pairs banding gives.
pub fn bucket_pairs(size: usize, mut pair: impl FnMut(usize, usize)) {
    let window = if size > MAX_BUCKET_PAIRS {
        BUCKET_WINDOW
    } else {
        size
    };
    for x in 0..size {
        for y in x + 1..size.min(x + 1 + window) {
            pair(x, y);
        }
    }
}

/// Sorts numbers with a least-significant-digit radix sort, one byte a
/// pass, skipping the bytes that are equal in every number (article
/// numbers fill only the low bytes of each half of a pair).
fn sort_numbers(numbers: &mut Vec<u64>) {
    if numbers.len() < 256 {
        numbers.sort_unstable();
        return;
    }
    let mut counts = [[0usize; 256]; 8];
    for &x in numbers.iter() {
        for (byte, counts) in counts.iter_mut().enumerate() {
            counts[(x >> (8 * byte)) as usize & 0xff] += 1;
        }
    }
    let mut other = vec![0u64; numbers.len()];
    for (byte, counts) in counts.iter_mut().enumerate() {
        if counts.contains(&numbers.len()) {
            continue;
        }
        let mut total = 0;
        for count in counts.iter_mut() {
            let c = *count;
            *count = total;
            total += c;
        }
        for &x in numbers.iter() {
            let slot = &mut counts[(x >> (8 * byte)) as usize & 0xff];
            other[*slot] = x;
            *slot += 1;
        }
        std::mem::swap(numbers, &mut other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_sort_orders_keys_sharing_top_bits() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for (len, mask) in [
            (100, u64::MAX),
            (5000, u64::MAX),
            // Keys that share their top bits, or are equal.
            (5000, 0x0000_0000_0000_00ff),
            (5000, 0xff80_0000_0000_0003),
            (5000, 0),
        ] {
            let mut keys: Vec<(u64, u32)> = (0..len)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state & mask, i)
                })
                .collect();
            let mut want = keys.clone();
            want.sort_unstable();
            radix_sort(&mut keys);
            assert_eq!(keys, want, "len {len} mask {mask:#x}");
        }
    }

    #[test]
    fn sort_numbers_agrees_with_sort() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for (len, mask) in [
            (0, u64::MAX),
            (255, u64::MAX),
            (256, u64::MAX),
            (5000, u64::MAX),
            (5000, 0x0000_7fff_0000_7fff),
            (5000, 0x00ff_0000_0000_0000),
            (5000, 0),
        ] {
            let mut v: Vec<u64> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state & mask
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_numbers(&mut v);
            assert_eq!(v, want, "len {len} mask {mask:#x}");
        }
    }

    #[test]
    fn high_threshold_gives_steep_curve_at_threshold() {
        let b = Bands::for_threshold(0.8, 128);
        assert!(b.bands * b.rows <= 128);
        assert!(b.probability(0.8) >= MIN_RECALL_AT_THRESHOLD, "{b:?}");
        assert!(b.probability(0.4) < 0.1, "{b:?}");
    }

    #[test]
    fn low_threshold_keeps_recall() {
        let b = Bands::for_threshold(0.3, 128);
        assert!(
            b.probability(0.3) >= MIN_RECALL_AT_THRESHOLD,
            "{b:?}: {}",
            b.probability(0.3)
        );
        assert!(b.probability(0.05) < 0.5, "{b:?}: {}", b.probability(0.05));
    }

    #[test]
    fn rows_grow_with_threshold() {
        let rows: Vec<usize> = [0.2, 0.4, 0.6, 0.8, 0.95]
            .iter()
            .map(|&t| Bands::for_threshold(t, 128).rows)
            .collect();
        assert!(rows.windows(2).all(|w| w[0] <= w[1]), "{rows:?}");
    }

    #[test]
    fn equal_bands_make_pairs_and_empty_ones_are_skipped() {
        // Four signatures of 4 words, 2 bands of 2 rows.
        let sigs = [
            1, 2, 3, 4, // 0
            1, 2, 9, 9, // 1 shares band 0 with 0
            7, 7, 3, 4, // 2 shares band 1 with 0
            1, 2, 3, 4, // 3 identical to 0 but skipped
        ];
        let got = pairs(
            &sigs,
            4,
            Bands { bands: 2, rows: 2 },
            &[false, false, false, true],
        );
        assert_eq!(got, vec![(0, 1), (0, 2)]);
    }

    #[test]
    fn radix_sort_orders_by_key_then_article() {
        let mut state = 99u64;
        let mut keys: Vec<(u64, u32)> = (0..5000u32)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 300 * 0x0101_0101_0101, i)
            })
            .collect();
        let mut want = keys.clone();
        want.sort_unstable();
        radix_sort(&mut keys);
        assert_eq!(keys, want);
    }

    #[test]
    fn large_buckets_are_windowed_but_connected() {
        let n = MAX_BUCKET_PAIRS + 36;
        let sigs: Vec<u32> = (0..n).flat_map(|_| [5, 5]).collect();
        let got = pairs(&sigs, 2, Bands { bands: 1, rows: 2 }, &vec![false; n]);
        assert!(got.len() < n * BUCKET_WINDOW + 1);
        // Every member is linked to its successor, so the bucket stays connected.
        assert!((0..n as u32 - 1).all(|i| got.contains(&(i, i + 1))));
    }
}
