//! The cluster criterion: candidate pairs from an inverted index over rare
//! salient features, exact cosine verification, a time rule, then average
//! linkage agglomeration over the verified edges.
//!
//! Average linkage is what stops chaining: two clusters merge only when the
//! mean similarity over *all* their member pairs reaches the threshold, and
//! a pair with no verified edge counts as 0. A chain a–b–c where a and c
//! share nothing therefore needs `(s(a,b) + s(b,c)) / 2 ≥ threshold` to take
//! in c, and a long chain of weak links dilutes itself.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;

use super::FastMap;
use super::anchors::{EventTime, shared};

/// A sparse, L2-normalised feature vector sorted by feature id (see
/// [`super::frequency::DocFreq`]).
pub type Vector = Vec<(u32, f32)>;

/// Cosine of two normalised sparse vectors (merge join).
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Settings of the pair stage.
#[derive(Clone, Copy, Debug)]
pub struct PairSettings {
    /// Features a node queries the index with (its heaviest).
    pub query_features: usize,
    /// Features seen in more nodes than this are not indexed.
    pub max_posting: usize,
    /// Candidates verified per node (those sharing the most features).
    pub max_candidates: usize,
    /// Shared query features needed before a pair is verified.
    pub min_shared: u32,
    /// Verified pairs below this cosine are dropped.
    pub min_similarity: f32,
    /// Days apart beyond which a pair needs `anchor_floor` shared anchors.
    pub window_days: Option<u32>,
    /// Shared anchors that keep a pair further apart than the window.
    pub anchor_floor: u32,
}

/// Counts of the pair stage, for the summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PairStats {
    /// Distinct pairs that shared enough indexed features to be verified.
    pub candidates: usize,
    /// Pairs kept after verification and the time rule.
    pub edges: usize,
}

/// Verified, time-checked edges `(a, b, cosine)` with `a < b`, sorted: a
/// pair whose event times are more than the window apart keeps its edge
/// only with enough shared anchors (see [`super::anchors`]).
pub fn edges(
    vectors: &[Vector],
    queries: &[Vec<u32>],
    times: &[Option<EventTime>],
    anchors: &[Vec<u64>],
    df: &[u32],
    s: PairSettings,
) -> (Vec<(u32, u32, f32)>, PairStats) {
    // Posting lists over every vector feature whose document frequency is
    // within the cap (rarer-than-cap features are the evidence), as one
    // array cut by offsets: 4 bytes an entry.
    let indexed = |f: u32| (2..=s.max_posting).contains(&(df[f as usize] as usize));
    let mut offsets = vec![0u32; df.len() + 1];
    for v in vectors {
        for &(f, _) in v {
            if indexed(f) {
                offsets[f as usize + 1] += 1;
            }
        }
    }
    for i in 1..offsets.len() {
        offsets[i] += offsets[i - 1];
    }
    let mut fill = offsets.clone();
    let mut postings = vec![0u32; offsets[df.len()] as usize];
    for (i, v) in vectors.iter().enumerate() {
        for &(f, _) in v {
            if indexed(f) {
                postings[fill[f as usize] as usize] = i as u32;
                fill[f as usize] += 1;
            }
        }
    }
    drop(fill);
    let keep = |a: u32, b: u32, sim: f32| {
        if sim < s.min_similarity {
            return false;
        }
        match (s.window_days, times[a as usize], times[b as usize]) {
            (Some(w), Some(ta), Some(tb)) if ta.days_apart(tb) > u64::from(w) => {
                shared(&anchors[a as usize], &anchors[b as usize]) >= s.anchor_floor
            }
            _ => true,
        }
    };
    // Per group: its candidates (sorted, 4 bytes each, kept only to count
    // distinct pairs) and the edges that pass (most candidates do not, so
    // they are dropped here rather than held with their cosines).
    type Found = (Vec<u32>, Vec<(u32, u32, f32)>);
    let found: Vec<Found> = (0..vectors.len())
        .into_par_iter()
        .map(|i| {
            let mut shared: FastMap<u32, u32> = FastMap::default();
            for &f in queries[i].iter().take(s.query_features) {
                if !indexed(f) {
                    continue;
                }
                let list =
                    &postings[offsets[f as usize] as usize..offsets[f as usize + 1] as usize];
                for &j in list {
                    if j as usize != i {
                        *shared.entry(j).or_insert(0) += 1;
                    }
                }
            }
            let mut best: Vec<(u32, u32)> = shared
                .into_iter()
                .filter(|&(_, n)| n >= s.min_shared)
                .collect();
            if best.len() > s.max_candidates {
                // The most shared features first, then the lower index.
                best.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                best.truncate(s.max_candidates);
            }
            let mut candidates: Vec<u32> = best.into_iter().map(|(j, _)| j).collect();
            candidates.sort_unstable();
            // The cosine is the same from either side (the merge join adds
            // in id order), so a pair found twice gives one edge.
            let out: Vec<(u32, u32, f32)> = candidates
                .iter()
                .filter_map(|&j| {
                    let (a, b) = if (i as u32) < j {
                        (i as u32, j)
                    } else {
                        (j, i as u32)
                    };
                    let sim = cosine(&vectors[i], &vectors[j as usize]);
                    keep(a, b, sim).then_some((a, b, sim))
                })
                .collect();
            candidates.shrink_to_fit();
            (candidates, out)
        })
        .collect();
    // Distinct candidate pairs: each found from the lower side, plus those
    // found only from the higher side.
    let candidates: usize = (0..found.len())
        .into_par_iter()
        .map(|i| {
            found[i]
                .0
                .iter()
                .filter(|&&j| {
                    (j as usize) > i || found[j as usize].0.binary_search(&(i as u32)).is_err()
                })
                .count()
        })
        .sum();
    let mut all: Vec<(u32, u32, f32)> = Vec::new();
    for (_, out) in found {
        all.extend(out);
    }
    all.sort_unstable_by_key(|x| (x.0, x.1));
    all.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
    let edges = all.len();
    (all, PairStats { candidates, edges })
}

#[derive(Clone, Copy, PartialEq)]
struct Entry {
    linkage: f64,
    a: u32,
    b: u32,
    size_a: u32,
    size_b: u32,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.linkage
            .total_cmp(&other.linkage)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The result of agglomeration.
#[derive(Clone, Debug, PartialEq)]
pub struct Clustering {
    /// Cluster of each node, numbered by the cluster's smallest node.
    pub cluster_of: Vec<u32>,
    /// Per cluster (same numbering): mean similarity over its member pairs,
    /// non-edges counting 0; 1 for a single node.
    pub cohesion: Vec<f64>,
    /// Per cluster: highest average linkage to any other cluster.
    pub nearest: Vec<f64>,
}

/// Average-linkage agglomeration of `n` nodes over sparse `edges`: merges
/// the pair of clusters with the highest mean pairwise similarity while it
/// is at least `threshold`. Ties break toward smaller node numbers, so the
/// result does not depend on thread count or hash order.
pub fn average_linkage(
    n: usize,
    edges: &[(u32, u32, f32)],
    threshold: f64,
    coherence: f64,
    join_coherence: f64,
) -> Clustering {
    let mut adj: Vec<FastMap<u32, f64>> = vec![FastMap::default(); n];
    let mut internal = vec![0.0f64; n];
    let mut size = vec![1u32; n];
    let mut parent: Vec<u32> = (0..n as u32).collect();
    for &(a, b, s) in edges {
        *adj[a as usize].entry(b).or_insert(0.0) += f64::from(s);
        *adj[b as usize].entry(a).or_insert(0.0) += f64::from(s);
    }
    let mut heap = BinaryHeap::new();
    for &(a, b, _) in edges {
        let sum = adj[a as usize][&b];
        heap.push(Entry {
            linkage: sum,
            a,
            b,
            size_a: 1,
            size_b: 1,
        });
    }
    while let Some(e) = heap.pop() {
        if e.linkage < threshold {
            break;
        }
        let (a, b) = (e.a as usize, e.b as usize);
        if parent[a] != e.a || parent[b] != e.b || size[a] != e.size_a || size[b] != e.size_b {
            continue; // stale
        }
        // Relative coherence: two established clusters (three or more nodes
        // each) merge only when they are about as similar to each other as
        // their members are within (`coherence`); a lone node joins an
        // established cluster only when it is similar enough to it relative
        // to the cluster's own cohesion (`join_coherence`). Smaller clusters
        // of two are not held to it: on ECB+ halves that split true stories
        // into tight sub-clusters.
        let cohesion_of = |r: usize| {
            let k = f64::from(size[r]);
            (size[r] >= 3).then(|| internal[r] / (k * (k - 1.0) / 2.0))
        };
        let floor = match (cohesion_of(a), cohesion_of(b)) {
            (Some(ca), Some(cb)) => coherence * ca.min(cb),
            (Some(c), None) | (None, Some(c)) if size[a].min(size[b]) == 1 => join_coherence * c,
            (Some(_), None) | (None, Some(_)) => 0.0,
            (None, None) => 0.0,
        };
        if e.linkage < floor {
            continue;
        }
        // Merge the larger-numbered cluster into the smaller one.
        let (keep, gone) = (a.min(b), a.max(b));
        let between = adj[keep].remove(&(gone as u32)).unwrap_or(0.0);
        adj[gone].remove(&(keep as u32));
        internal[keep] += internal[gone] + between;
        size[keep] += size[gone];
        parent[gone] = keep as u32;
        let moved: Vec<(u32, f64)> = adj[gone].drain().collect();
        for (c, s) in moved {
            let c_adj = &mut adj[c as usize];
            c_adj.remove(&(gone as u32));
            *c_adj.entry(keep as u32).or_insert(0.0) += s;
            *adj[keep].entry(c).or_insert(0.0) += s;
        }
        let mut neighbours: Vec<(u32, f64)> = adj[keep].iter().map(|(&c, &s)| (c, s)).collect();
        neighbours.sort_unstable_by_key(|&(c, _)| c);
        for (c, s) in neighbours {
            let (x, y) = (keep.min(c as usize), keep.max(c as usize));
            heap.push(Entry {
                linkage: s / (f64::from(size[x]) * f64::from(size[y])),
                a: x as u32,
                b: y as u32,
                size_a: size[x],
                size_b: size[y],
            });
        }
    }
    // Resolve roots (parents always point to a smaller, earlier root).
    let cluster_of: Vec<u32> = (0..n)
        .map(|i| {
            let mut r = i;
            while parent[r] as usize != r {
                r = parent[r] as usize;
            }
            r as u32
        })
        .collect();
    let cohesion = (0..n)
        .map(|r| {
            let k = f64::from(size[r]);
            if k <= 1.0 {
                1.0
            } else {
                internal[r] / (k * (k - 1.0) / 2.0)
            }
        })
        .collect();
    let nearest = (0..n)
        .map(|r| {
            adj[r]
                .iter()
                .map(|(&c, &s)| s / (f64::from(size[r]) * f64::from(size[c as usize])))
                .fold(0.0, f64::max)
        })
        .collect();
    Clustering {
        cluster_of,
        cohesion,
        nearest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_sparse_vectors() {
        let a = vec![(1, 0.6), (3, 0.8)];
        let b = vec![(2, 1.0)];
        let c = vec![(1, 0.6), (2, 0.0), (3, 0.8)];
        assert_eq!(cosine(&a, &b), 0.0);
        assert!((cosine(&a, &c) - 1.0).abs() < 1e-6);
    }

    /// A chain of strong links with no edge between the ends: average
    /// linkage merges the strongest pair, then refuses the third node whose
    /// mean similarity to the pair is only (0.6 + 0) / 2.
    #[test]
    fn chains_do_not_merge() {
        let edges = [(0, 1, 0.9), (1, 2, 0.6), (2, 3, 0.9)];
        let c = average_linkage(4, &edges, 0.4, 0.0, 0.0);
        assert_eq!(c.cluster_of, [0, 0, 2, 2]);
        assert!((c.cohesion[0] - 0.9).abs() < 1e-6);
        assert!((c.nearest[0] - 0.15).abs() < 1e-6);
    }

    /// A tight triangle merges fully; a weakly attached node stays out.
    #[test]
    fn coherent_groups_merge() {
        let edges = [(0, 1, 0.8), (0, 2, 0.7), (1, 2, 0.75), (2, 3, 0.5)];
        let c = average_linkage(4, &edges, 0.3, 0.0, 0.0);
        assert_eq!(c.cluster_of, [0, 0, 0, 3]);
        let c = average_linkage(4, &edges, 0.1, 0.0, 0.0);
        assert_eq!(c.cluster_of, [0, 0, 0, 0]);
    }

    /// A tight story of four reports (cohesion 0.4) and a lone report of a
    /// look-alike event with a mean similarity of 0.15 to it: above the
    /// threshold, so plain average linkage takes it in; the join coherence
    /// (0.15 < 0.4 · 0.4) keeps it out, while a report as close to the story
    /// as its members are to each other still joins.
    #[test]
    fn a_lone_lookalike_does_not_join_a_tight_story() {
        let mut edges = vec![
            (0, 1, 0.4),
            (0, 2, 0.4),
            (0, 3, 0.4),
            (1, 2, 0.4),
            (1, 3, 0.4),
            (2, 3, 0.4),
        ];
        edges.extend([(0, 4, 0.3), (1, 4, 0.3)]);
        let plain = average_linkage(5, &edges, 0.1, 0.5, 0.0);
        assert_eq!(plain.cluster_of, [0, 0, 0, 0, 0]);
        let joined = average_linkage(5, &edges, 0.1, 0.5, 0.4);
        assert_eq!(joined.cluster_of, [0, 0, 0, 0, 4]);
        edges.extend([(2, 4, 0.3), (3, 4, 0.3)]);
        let close = average_linkage(5, &edges, 0.1, 0.5, 0.4);
        assert_eq!(close.cluster_of, [0, 0, 0, 0, 0]);
    }

    /// Two reports that belong together join a tight story on average
    /// linkage alone: the join rule holds only lone reports.
    #[test]
    fn a_pair_is_not_held_to_the_join_coherence() {
        let mut edges = vec![
            (0, 1, 0.4),
            (0, 2, 0.4),
            (0, 3, 0.4),
            (1, 2, 0.4),
            (1, 3, 0.4),
            (2, 3, 0.4),
            (4, 5, 0.9),
        ];
        edges.extend([(0, 4, 0.3), (1, 4, 0.3), (0, 5, 0.3), (1, 5, 0.3)]);
        let c = average_linkage(6, &edges, 0.1, 0.5, 0.4);
        assert_eq!(c.cluster_of, [0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn no_edges_means_singletons() {
        let c = average_linkage(3, &[], 0.1, 0.0, 0.0);
        assert_eq!(c.cluster_of, [0, 1, 2]);
        assert_eq!(c.cohesion, [1.0, 1.0, 1.0]);
    }

    #[test]
    fn time_rule_drops_distant_weak_pairs() {
        let v = |f: &[(u32, f32)]| -> Vector { f.to_vec() };
        let vectors = vec![
            v(&[(1, 0.8), (2, 0.6)]),
            v(&[(1, 0.8), (2, 0.6)]),
            v(&[(1, 0.6), (2, 0.8)]),
        ];
        let queries: Vec<Vec<u32>> = vec![vec![1, 2]; 3];
        let df = [0, 3, 3];
        let settings = PairSettings {
            query_features: 10,
            max_posting: 10,
            max_candidates: 10,
            min_shared: 2,
            min_similarity: 0.1,
            window_days: Some(7),
            anchor_floor: 2,
        };
        let days = [Some(0), Some(100), Some(3)].map(|d| d.map(EventTime::Day));
        let none = vec![Vec::new(); 3];
        let (e, stats) = edges(&vectors, &queries, &days, &none, &df, settings);
        // 0–2 within the window: kept. 0–1 and 1–2 far apart without
        // shared anchors: dropped, however similar.
        assert_eq!(stats.candidates, 3);
        let pairs: Vec<(u32, u32)> = e.iter().map(|&(a, b, _)| (a, b)).collect();
        assert_eq!(pairs, [(0, 2)]);
        // 1–2 share two anchors (the victim's name, the street): kept.
        let anchors = vec![vec![], vec![7, 8, 9], vec![8, 9]];
        let (e, _) = edges(&vectors, &queries, &days, &anchors, &df, settings);
        let pairs: Vec<(u32, u32)> = e.iter().map(|&(a, b, _)| (a, b)).collect();
        assert_eq!(pairs, [(0, 2), (1, 2)]);
    }
}
