//! Clustering metrics: compare a predicted labelling of items against a gold
//! labelling. Every function is pure and takes two equally long slices where
//! `predicted[i]` and `gold[i]` are the cluster labels of item `i`; labels
//! are compared for equality only, so any hashable type works.
//!
//! - [`adjusted_rand_index`]: agreement over all item pairs, corrected for
//!   chance (Hubert & Arabie 1985); 1 is perfect, about 0 is random.
//! - [`pairwise`]: precision, recall and F1 over same-cluster item pairs.
//! - [`bcubed`]: per-item precision and recall (Bagga & Baldwin 1998),
//!   averaged over items.
//!
//! All three are computed from the contingency table, so they cost
//! `O(n)` time and memory.

use std::collections::HashMap;
use std::hash::Hash;

use serde::Serialize;

/// Precision, recall and their harmonic mean, each in `[0, 1]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Prf {
    /// Share of predicted links (or per-item cluster members) that are right.
    pub precision: f64,
    /// Share of gold links (or per-item cluster members) that were found.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Every metric of this module for one pair of labellings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scores {
    /// Number of items compared.
    pub items: usize,
    /// Number of distinct predicted clusters.
    pub predicted_clusters: usize,
    /// Number of distinct gold clusters.
    pub gold_clusters: usize,
    /// Adjusted Rand index.
    pub ari: f64,
    /// Pairwise precision, recall and F1.
    pub pairwise: Prf,
    /// B-cubed precision, recall and F1.
    pub bcubed: Prf,
}

/// Computes all metrics. Panics if the slices differ in length.
pub fn scores<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> Scores {
    let table = Contingency::new(predicted, gold);
    Scores {
        items: predicted.len(),
        predicted_clusters: table.predicted.len(),
        gold_clusters: table.gold.len(),
        ari: table.ari(),
        pairwise: table.pairwise(),
        bcubed: table.bcubed(),
    }
}

/// Adjusted Rand index of two labellings. Returns 1 when both labellings put
/// every item in its own cluster or all items in one (the index is undefined
/// there; identical trivial partitions count as perfect agreement). Panics if
/// the slices differ in length.
pub fn adjusted_rand_index<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> f64 {
    Contingency::new(predicted, gold).ari()
}

/// Pairwise precision, recall and F1: a pair of items is a predicted link
/// when both share a predicted cluster, a gold link when both share a gold
/// cluster. With no predicted links precision is 1; with no gold links
/// recall is 1. Panics if the slices differ in length.
pub fn pairwise<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> Prf {
    Contingency::new(predicted, gold).pairwise()
}

/// B-cubed precision, recall and F1: for each item, the share of its
/// predicted cluster that is in its gold cluster (precision) and the share
/// of its gold cluster that is in its predicted cluster (recall), averaged
/// over items. Empty input scores 1. Panics if the slices differ in length.
pub fn bcubed<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> Prf {
    Contingency::new(predicted, gold).bcubed()
}

/// Cluster sizes and their overlaps.
struct Contingency {
    n: usize,
    predicted: Vec<u64>,
    gold: Vec<u64>,
    /// `(predicted cluster, gold cluster, items in both)`, nonzero cells only.
    cells: Vec<(usize, usize, u64)>,
}

fn pairs(k: u64) -> f64 {
    (k as f64) * (k.saturating_sub(1) as f64) / 2.0
}

impl Contingency {
    fn new<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> Contingency {
        assert_eq!(
            predicted.len(),
            gold.len(),
            "labellings must cover the same items"
        );
        fn index<T: Eq + Hash>(labels: &[T]) -> (Vec<usize>, Vec<u64>) {
            let mut ids: HashMap<&T, usize> = HashMap::new();
            let mut sizes = Vec::new();
            let idx = labels
                .iter()
                .map(|l| {
                    let next = ids.len();
                    let id = *ids.entry(l).or_insert(next);
                    if id == sizes.len() {
                        sizes.push(0);
                    }
                    sizes[id] += 1;
                    id
                })
                .collect();
            (idx, sizes)
        }
        let (p_idx, p_sizes) = index(predicted);
        let (g_idx, g_sizes) = index(gold);
        let mut cells: HashMap<(usize, usize), u64> = HashMap::new();
        for (&p, &g) in p_idx.iter().zip(&g_idx) {
            *cells.entry((p, g)).or_insert(0) += 1;
        }
        let mut cells: Vec<_> = cells.into_iter().map(|((p, g), c)| (p, g, c)).collect();
        cells.sort_unstable();
        Contingency {
            n: predicted.len(),
            predicted: p_sizes,
            gold: g_sizes,
            cells,
        }
    }

    fn ari(&self) -> f64 {
        let index: f64 = self.cells.iter().map(|&(_, _, c)| pairs(c)).sum();
        let sum_p: f64 = self.predicted.iter().map(|&c| pairs(c)).sum();
        let sum_g: f64 = self.gold.iter().map(|&c| pairs(c)).sum();
        let total = pairs(self.n as u64);
        if total == 0.0 {
            return 1.0;
        }
        let expected = sum_p * sum_g / total;
        let max = (sum_p + sum_g) / 2.0;
        if max == expected {
            return 1.0;
        }
        (index - expected) / (max - expected)
    }

    fn pairwise(&self) -> Prf {
        let tp: f64 = self.cells.iter().map(|&(_, _, c)| pairs(c)).sum();
        let sum_p: f64 = self.predicted.iter().map(|&c| pairs(c)).sum();
        let sum_g: f64 = self.gold.iter().map(|&c| pairs(c)).sum();
        let precision = if sum_p > 0.0 { tp / sum_p } else { 1.0 };
        let recall = if sum_g > 0.0 { tp / sum_g } else { 1.0 };
        Prf::new(precision, recall)
    }

    fn bcubed(&self) -> Prf {
        if self.n == 0 {
            return Prf::new(1.0, 1.0);
        }
        let mut precision = 0.0;
        let mut recall = 0.0;
        for &(p, g, c) in &self.cells {
            let c = c as f64;
            precision += c * c / self.predicted[p] as f64;
            recall += c * c / self.gold[g] as f64;
        }
        Prf::new(precision / self.n as f64, recall / self.n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn identical_partitions_score_one() {
        let p = ["a", "a", "b", "c", "c", "c"];
        let g = [7, 7, 1, 2, 2, 2];
        let s = scores(&p, &g);
        assert!(close(s.ari, 1.0));
        assert!(close(s.pairwise.f1, 1.0));
        assert!(close(s.bcubed.f1, 1.0));
        assert_eq!((s.predicted_clusters, s.gold_clusters, s.items), (3, 3, 6));
    }

    /// Hand-computed: predicted {0,1,2} {3,4}; gold {0,1} {2,3,4}.
    /// Cells: (A,x)=2, (A,y)=1, (B,y)=2. Index = 1 + 0 + 1 = 2.
    /// Predicted pairs 3 + 1 = 4, gold pairs 1 + 3 = 4, total pairs 10.
    /// Expected = 16/10 = 1.6, max = 4, ARI = 0.4 / 2.4 = 1/6.
    /// Pairwise P = R = 2/4. B-cubed P = (4/3 + 1/3 + 4/2) / 5 = 11/15,
    /// R = (4/2 + 1/3 + 4/3) / 5 = 11/15.
    #[test]
    fn hand_computed_small_case() {
        let p = [0, 0, 0, 1, 1];
        let g = ['x', 'x', 'y', 'y', 'y'];
        assert!(close(adjusted_rand_index(&p, &g), 1.0 / 6.0));
        let pw = pairwise(&p, &g);
        assert!(close(pw.precision, 0.5) && close(pw.recall, 0.5) && close(pw.f1, 0.5));
        let b = bcubed(&p, &g);
        assert!(close(b.precision, 11.0 / 15.0));
        assert!(close(b.recall, 11.0 / 15.0));
    }

    /// Everything merged into one cluster against gold {0,1} {2,3}:
    /// pairwise P = 2/6, R = 1; B-cubed P = 4 * (2*2/4) / 4 / ... = 0.5, R = 1.
    /// ARI: index 2, sum_p 6, sum_g 2, total 6, expected 2, max 4 → 0.
    #[test]
    fn everything_merged() {
        let p = [1, 1, 1, 1];
        let g = [0, 0, 1, 1];
        assert!(close(adjusted_rand_index(&p, &g), 0.0));
        let pw = pairwise(&p, &g);
        assert!(close(pw.precision, 1.0 / 3.0) && close(pw.recall, 1.0));
        let b = bcubed(&p, &g);
        assert!(close(b.precision, 0.5) && close(b.recall, 1.0));
    }

    /// All singletons against gold {0,1} {2}: no predicted links, so
    /// pairwise precision is 1 by convention and recall 0; B-cubed P = 1,
    /// R = (1/2 + 1/2 + 1) / 3 = 2/3. ARI: index 0, sum_p 0, expected 0,
    /// max 0.5 → 0.
    #[test]
    fn all_singletons() {
        let p = [0, 1, 2];
        let g = [0, 0, 1];
        assert!(close(adjusted_rand_index(&p, &g), 0.0));
        let pw = pairwise(&p, &g);
        assert!(close(pw.precision, 1.0) && close(pw.recall, 0.0) && close(pw.f1, 0.0));
        let b = bcubed(&p, &g);
        assert!(close(b.precision, 1.0) && close(b.recall, 2.0 / 3.0));
    }

    #[test]
    fn degenerate_inputs() {
        let empty: [u8; 0] = [];
        assert!(close(adjusted_rand_index(&empty, &empty), 1.0));
        assert!(close(bcubed(&empty, &empty).f1, 1.0));
        assert!(close(adjusted_rand_index(&[1], &[2]), 1.0));
    }

    #[test]
    #[should_panic(expected = "same items")]
    fn length_mismatch_panics() {
        adjusted_rand_index(&[1, 2], &[1]);
    }
}
