//! MinHash signatures: `permutations` 32-bit minimums per article.
//!
//! Each permutation is `h_i(x) = a_i·x + b_i mod 2³²` (a_i odd, so a
//! bijection on 32-bit words) applied to the shingle hash folded to 32 bits;
//! the signature keeps the minimum per permutation. This loop vectorizes: the
//! kernel is compiled three times (AVX-512, AVX2, portable) and the widest one
//! the CPU supports is chosen at run time, so the release build runs on any
//! x86-64 machine.
//!
//! `minhash-rs` (the project's chosen MinHash crate) is kept as a second
//! kernel, [`Kernel::MinhashRs`], for comparison: its permutation stream is a
//! chain of dependent xorshifts that does not vectorize, which makes it about
//! 3–5× slower here (see `benches/README.md`). Signatures of the two kernels
//! are not comparable with each other.

use std::sync::OnceLock;

use minhash_rs::prelude::MinHash;

use crate::shingle::fold;

/// Which MinHash implementation computes signatures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kernel {
    /// Our vectorized `a·x+b mod 2³²` kernel (the default).
    #[default]
    Simd,
    /// `minhash-rs` 0.6 `collect()` (SipHash-1-3 and xorshift permutations);
    /// needs exactly 128 permutations.
    MinhashRs,
}

/// Computes MinHash signatures with a fixed family of permutations.
#[derive(Clone, Debug)]
pub struct Sketcher {
    a: Vec<u32>,
    b: Vec<u32>,
    kernel: Kernel,
}

/// Lanes processed together by the kernel; `permutations` is a multiple.
pub const LANES: usize = 32;

impl Sketcher {
    /// A sketcher with `permutations` permutations drawn from `seed`.
    ///
    /// `permutations` must be a positive multiple of [`LANES`] (32); with
    /// [`Kernel::MinhashRs`] it must be 128. The CLI checks both.
    pub fn new(seed: u64, permutations: usize, kernel: Kernel) -> Sketcher {
        assert!(
            permutations > 0 && permutations.is_multiple_of(LANES),
            "permutations must be a positive multiple of {LANES}"
        );
        assert!(
            kernel != Kernel::MinhashRs || permutations == 128,
            "minhash-rs kernel needs 128 permutations"
        );
        let mut state = seed;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        let mut a = Vec::with_capacity(permutations);
        let mut b = Vec::with_capacity(permutations);
        for _ in 0..permutations {
            a.push((next() as u32) | 1);
            b.push(next() as u32);
        }
        Sketcher { a, b, kernel }
    }

    /// Number of permutations, i.e. the signature length.
    pub fn permutations(&self) -> usize {
        self.a.len()
    }

    /// Writes the signature of a shingle multiset into `out` (length
    /// [`Sketcher::permutations`]), and the shingles' 32-bit fingerprints
    /// ([`fold`]) into `fingerprints` (cleared first), which the caller may
    /// keep for exact verification. With no shingles every word is `u32::MAX`.
    pub fn sketch_into(&self, shingles: &[u64], fingerprints: &mut Vec<u32>, out: &mut [u32]) {
        fingerprints.clear();
        fingerprints.extend(shingles.iter().map(|&h| fold(h)));
        assert_eq!(
            out.len(),
            self.a.len(),
            "signature buffer has the wrong length"
        );
        match self.kernel {
            Kernel::Simd => {
                out.fill(u32::MAX);
                (kernel())(fingerprints, &self.a, &self.b, out);
            }
            Kernel::MinhashRs => {
                let sig: MinHash<u32, 128, minhash_rs::prelude::SipHashes13, u32> =
                    shingles.iter().copied().collect();
                if shingles.is_empty() {
                    out.fill(u32::MAX);
                } else {
                    out.copy_from_slice(&sig.into_words());
                }
            }
        }
    }

    /// The signature of a shingle multiset, as a new vector.
    pub fn sketch(&self, shingles: &[u64]) -> Vec<u32> {
        let mut out = vec![0; self.a.len()];
        self.sketch_into(shingles, &mut Vec::new(), &mut out);
        out
    }
}

/// Estimated Jaccard similarity: the fraction of equal signature words.
pub fn estimate(a: &[u32], b: &[u32]) -> f64 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len().max(1) as f64
}

type KernelFn = fn(&[u32], &[u32], &[u32], &mut [u32]);

/// The widest kernel this CPU supports, chosen once.
fn kernel() -> KernelFn {
    static CHOSEN: OnceLock<KernelFn> = OnceLock::new();
    *CHOSEN.get_or_init(|| {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f") {
                return x86::avx512;
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                return x86::avx2;
            }
        }
        portable
    })
}

/// Name of the kernel variant in use on this CPU, for reports.
pub fn kernel_name() -> &'static str {
    let chosen = kernel() as usize;
    #[cfg(target_arch = "x86_64")]
    {
        if chosen == x86::avx512 as KernelFn as usize {
            return "avx512";
        }
        if chosen == x86::avx2 as KernelFn as usize {
            return "avx2";
        }
    }
    let _ = chosen;
    "portable"
}

/// The kernel body: for each block of `L` permutations, fold every
/// shingle into the running minimums. Written so the inner loop vectorizes;
/// `L` is chosen so the block's multipliers, offsets and minimums stay in
/// vector registers (32 lanes for AVX2's 16 registers, 128 for AVX-512's
/// 32). The permutation count must be a multiple of `L`.
#[inline(always)]
fn min_hash_blocks<const L: usize>(fingerprints: &[u32], a: &[u32], b: &[u32], out: &mut [u32]) {
    for ((a, b), out) in a
        .chunks_exact(L)
        .zip(b.chunks_exact(L))
        .zip(out.chunks_exact_mut(L))
    {
        let a: &[u32; L] = a.try_into().expect("chunks_exact yields L items");
        let b: &[u32; L] = b.try_into().expect("chunks_exact yields L items");
        let mut acc = [u32::MAX; L];
        for &x in fingerprints {
            for l in 0..L {
                acc[l] = acc[l].min(a[l].wrapping_mul(x).wrapping_add(b[l]));
            }
        }
        for l in 0..L {
            out[l] = out[l].min(acc[l]);
        }
    }
}

fn portable(fingerprints: &[u32], a: &[u32], b: &[u32], out: &mut [u32]) {
    min_hash_blocks::<LANES>(fingerprints, a, b, out);
}

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod x86 {
    use super::min_hash_blocks;

    #[target_feature(enable = "avx512f")]
    fn avx512_body(fingerprints: &[u32], a: &[u32], b: &[u32], out: &mut [u32]) {
        if a.len().is_multiple_of(128) {
            min_hash_blocks::<128>(fingerprints, a, b, out);
        } else {
            min_hash_blocks::<{ super::LANES }>(fingerprints, a, b, out);
        }
    }

    #[target_feature(enable = "avx2")]
    fn avx2_body(fingerprints: &[u32], a: &[u32], b: &[u32], out: &mut [u32]) {
        min_hash_blocks::<{ super::LANES }>(fingerprints, a, b, out);
    }

    pub(super) fn avx512(fingerprints: &[u32], a: &[u32], b: &[u32], out: &mut [u32]) {
        // SAFETY: `kernel()` returns this function only after
        // `is_x86_feature_detected!("avx512f")` said the CPU has AVX-512F.
        unsafe { avx512_body(fingerprints, a, b, out) }
    }

    pub(super) fn avx2(fingerprints: &[u32], a: &[u32], b: &[u32], out: &mut [u32]) {
        // SAFETY: `kernel()` returns this function only after
        // `is_x86_feature_detected!("avx2")` said the CPU has AVX2.
        unsafe { avx2_body(fingerprints, a, b, out) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator for test sets.
    fn random_set(seed: u64, n: usize, universe: u64) -> Vec<u64> {
        let mut s = seed;
        let mut set: Vec<u64> = (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                s % universe
            })
            .collect();
        set.sort_unstable();
        set.dedup();
        set.iter()
            .map(|&x| xxhash_rust::xxh3::xxh3_64(&x.to_le_bytes()))
            .collect()
    }

    fn exact_jaccard(a: &[u64], b: &[u64]) -> f64 {
        let a: std::collections::BTreeSet<_> = a.iter().collect();
        let b: std::collections::BTreeSet<_> = b.iter().collect();
        a.intersection(&b).count() as f64 / a.union(&b).count() as f64
    }

    /// At 128 permutations the estimator's standard deviation is
    /// sqrt(J(1-J)/128) <= 0.044, so about 98 % of estimates land within
    /// ±0.1 of the exact value. Checked over 500 random pairs: the share
    /// within ±0.1, the bias, and the spread against theory.
    #[test]
    fn estimate_is_within_a_tenth_of_exact_jaccard() {
        for kernel in [Kernel::Simd, Kernel::MinhashRs] {
            let sketcher = Sketcher::new(42, 128, kernel);
            let (mut within, mut bias, mut squared, mut expected) = (0, 0.0, 0.0, 0.0);
            let trials = 500;
            for seed in 1..=trials as u64 {
                let universe = 450 + (seed % 7) * 100; // J from about 0.15 to 0.6
                let a = random_set(seed, 400, universe);
                let b = random_set(seed * 7919 + 3, 400, universe);
                let exact = exact_jaccard(&a, &b);
                let error = estimate(&sketcher.sketch(&a), &sketcher.sketch(&b)) - exact;
                within += usize::from(error.abs() <= 0.1);
                bias += error;
                squared += error * error;
                expected += exact * (1.0 - exact) / 128.0;
            }
            let share = within as f64 / trials as f64;
            let (bias, rms, theory) = (bias / trials as f64, (squared / expected).sqrt(), 1.0);
            assert!(share >= 0.95, "{kernel:?}: only {share} within 0.1");
            assert!(bias.abs() < 0.01, "{kernel:?}: bias {bias}");
            assert!(rms < 1.2 * theory, "{kernel:?}: spread {rms} x theory");
        }
    }

    #[test]
    fn all_kernels_agree() {
        let sketcher = Sketcher::new(7, 128, Kernel::Simd);
        let set = random_set(5, 300, 1 << 40);
        let mut want = vec![u32::MAX; 128];
        let fingerprints: Vec<u32> = set.iter().map(|&h| fold(h)).collect();
        portable(&fingerprints, &sketcher.a, &sketcher.b, &mut want);
        assert_eq!(sketcher.sketch(&set), want);
    }

    #[test]
    fn identical_sets_have_identical_signatures_and_order_does_not_matter() {
        let sketcher = Sketcher::new(1, 64, Kernel::Simd);
        let mut set = random_set(9, 100, 1 << 30);
        let first = sketcher.sketch(&set);
        set.reverse();
        assert_eq!(sketcher.sketch(&set), first);
        assert_eq!(estimate(&first, &first), 1.0);
    }

    #[test]
    fn empty_set_signature_is_all_max() {
        for kernel in [Kernel::Simd, Kernel::MinhashRs] {
            let sketcher = Sketcher::new(1, 128, kernel);
            assert!(sketcher.sketch(&[]).iter().all(|&w| w == u32::MAX));
        }
    }

    #[test]
    fn minhash_rs_kernel_estimates_too() {
        let sketcher = Sketcher::new(0, 128, Kernel::MinhashRs);
        let a = random_set(11, 400, 600);
        let b = random_set(13, 400, 600);
        let est = estimate(&sketcher.sketch(&a), &sketcher.sketch(&b));
        assert!((est - exact_jaccard(&a, &b)).abs() <= 0.15);
    }
}
