//! Document frequency over copy groups in bounded memory.
//!
//! Most features of a large input are found in one copy group only (a
//! name, a bigram, a typo): they can match nothing, and a map counting
//! every one of them was most of the memory `stories` used. Here a feature
//! seen for the first time only sets bits in a fixed Bloom filter
//! ([`BITS_PER_GROUP`] bits a group, [`HASHES`] bits a feature); a feature
//! found again (its bits already set) enters the count map. So the map
//! holds only the features of two or more groups, plus the rare single
//! feature whose bits other features set (a false positive, well under 1 %
//! at the default size: it is counted as found in two groups, which makes
//! it a feature no other group shares, harmless). The result is the same
//! at any thread count: groups are counted in input order.
//!
//! [`DocFreq`] then numbers the counted features densely in hash order, so
//! vectors hold `u32` ids (4 bytes, not 8) and sorting by id is sorting by
//! hash.

use rayon::prelude::*;

use super::FastMap;

/// Filter bits per copy group (512 bytes a group).
pub const BITS_PER_GROUP: usize = 4096;
/// Filter bits set per feature.
pub const HASHES: u32 = 3;

/// Counts features group by group.
pub struct Counter {
    bits: Vec<u64>,
    len: u64,
    repeats: FastMap<u64, u32>,
}

impl Counter {
    /// A counter sized for `groups` copy groups (at least 32 Mbit).
    pub fn new(groups: usize) -> Counter {
        let bits = groups
            .saturating_mul(BITS_PER_GROUP)
            .clamp(1 << 25, 1 << 36)
            .next_multiple_of(64);
        Counter {
            bits: vec![0; bits / 64],
            len: bits as u64,
            repeats: FastMap::default(),
        }
    }

    /// Sets the feature's filter bits; whether they were all set already.
    fn test_and_set(&mut self, f: u64) -> bool {
        let mut all = true;
        let mut h = f;
        for _ in 0..HASHES {
            h = (h ^ (h >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            // Multiply-shift maps the hash onto 0..len without a power of
            // two.
            let bit = ((u128::from(h) * u128::from(self.len)) >> 64) as u64;
            let (word, b) = ((bit / 64) as usize, bit % 64);
            all &= self.bits[word] >> b & 1 == 1;
            self.bits[word] |= 1 << b;
        }
        all
    }

    /// Adds the features of a chunk of groups: each group's distinct
    /// features, all of the chunk's together, sorted (a run's length is the
    /// number of the chunk's groups holding the feature).
    pub fn add_sorted(&mut self, sorted: &[u64]) {
        for run in sorted.chunk_by(|a, b| a == b) {
            let (f, n) = (run[0], run.len() as u32);
            if let Some(c) = self.repeats.get_mut(&f) {
                *c += n;
                continue;
            }
            let before = u32::from(self.test_and_set(f));
            if n + before >= 2 {
                self.repeats.insert(f, n + before);
            }
        }
    }

    /// The counts, numbered.
    pub fn finish(self) -> DocFreq {
        let mut ids = self.repeats;
        let mut hashes: Vec<u64> = ids.keys().copied().collect();
        hashes.par_sort_unstable();
        let df: Vec<u32> = hashes.iter().map(|h| ids[h]).collect();
        for (i, h) in hashes.iter().enumerate() {
            if let Some(v) = ids.get_mut(h) {
                *v = i as u32;
            }
        }
        DocFreq { ids, hashes, df }
    }
}

/// Document frequencies of the features found in two or more copy groups,
/// numbered in hash order.
pub struct DocFreq {
    ids: FastMap<u64, u32>,
    /// The feature hash of each id, ascending.
    pub hashes: Vec<u64>,
    /// The document frequency of each id.
    pub df: Vec<u32>,
}

impl DocFreq {
    /// The id of a feature found in two or more groups.
    pub fn id(&self, f: u64) -> Option<u32> {
        self.ids.get(&f).copied()
    }

    /// A feature's document frequency (1 when it was counted once).
    pub fn of(&self, f: u64) -> u32 {
        self.id(f).map_or(1, |i| self.df[i as usize])
    }

    /// Bytes held, roughly.
    pub fn bytes(&self) -> usize {
        self.ids.capacity() * 16 + self.hashes.capacity() * 8 + self.df.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_features_of_two_or_more_groups_exactly() {
        let mut c = Counter::new(10);
        // Chunk 1: groups {1, 2}, {2, 3}; chunk 2: {3, 4}, {5}.
        c.add_sorted(&[1, 2, 2, 3]);
        c.add_sorted(&[3, 4, 5]);
        let d = c.finish();
        assert_eq!(d.hashes, [2, 3]);
        assert_eq!(d.df, [2, 2]);
        assert_eq!((d.of(1), d.of(2), d.of(3), d.of(4)), (1, 2, 2, 1));
        assert_eq!((d.id(2), d.id(3), d.id(5)), (Some(0), Some(1), None));
    }
}
