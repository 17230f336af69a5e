//! Copy groups: candidate pairs verified exactly on their shingle sets, then
//! joined with union-find. Each group gets a representative: the earliest
//! `published`, then the longest text, then the smallest id.
//!
//! A group is a connected component of verified pairs, so two members can be
//! linked through a third without being similar themselves; every member's
//! exact similarity to the representative is reported so such chains show.

use std::cmp::Ordering;

use crate::shingle::{self, Overlap};

/// Which exact similarity decides that two articles are copies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    /// |A ∩ B| / |A ∪ B|.
    Jaccard,
    /// |A ∩ B| / min(|A|, |B|): finds trimmed reprints and reprints with
    /// added paragraphs. The default.
    #[default]
    Containment,
}

impl Measure {
    /// The value of this measure in an overlap.
    pub fn of(&self, overlap: &Overlap) -> f64 {
        match self {
            Measure::Jaccard => overlap.jaccard,
            Measure::Containment => overlap.containment,
        }
    }

    /// Name as used on the command line and in outputs.
    pub fn name(&self) -> &'static str {
        match self {
            Measure::Jaccard => "jaccard",
            Measure::Containment => "containment",
        }
    }
}

/// A candidate pair that passed exact verification.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VerifiedPair {
    /// Index of the earlier article.
    pub a: u32,
    /// Index of the later article.
    pub b: u32,
    /// Exact overlap of the two shingle sets.
    pub overlap: Overlap,
}

/// What decides a representative, per article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankKey<'a> {
    /// Publication time as a sortable ISO 8601 string, if it could be read.
    pub published: Option<&'a str>,
    /// Length of the text in bytes.
    pub length: usize,
    /// The article id.
    pub id: &'a str,
}

impl RankKey<'_> {
    /// Orders better representatives first: earliest known `published`,
    /// then longest text, then smallest id.
    pub fn cmp_rank(&self, other: &Self) -> Ordering {
        let published = match (self.published, other.published) {
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        published
            .then_with(|| other.length.cmp(&self.length))
            .then_with(|| self.id.cmp(other.id))
    }
}

/// A group of copies.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyGroup {
    /// The representative's article index.
    pub representative: u32,
    /// Member article indices in input order (the representative included).
    pub members: Vec<u32>,
    /// The verified pairs inside the group, sorted.
    pub pairs: Vec<VerifiedPair>,
}

/// The copy structure of a corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Copies {
    /// Every group, singletons included, ordered by their first member.
    pub groups: Vec<CopyGroup>,
    /// Group index of each article.
    pub group_of: Vec<u32>,
}

/// Verifies one candidate pair on sorted shingle sets.
pub fn verify(a: &[u32], b: &[u32], measure: Measure, threshold: f64) -> Option<Overlap> {
    let overlap = shingle::overlap(a, b);
    (overlap.shared > 0 && measure.of(&overlap) >= threshold).then_some(overlap)
}

/// Joins `verified` pairs over `count` articles into groups with union-find
/// and picks each group's representative by [`RankKey::cmp_rank`].
pub fn group<'a>(
    count: usize,
    verified: &[VerifiedPair],
    rank: impl Fn(u32) -> RankKey<'a>,
) -> Copies {
    let mut parent: Vec<u32> = (0..count as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for pair in verified {
        let (ra, rb) = (find(&mut parent, pair.a), find(&mut parent, pair.b));
        if ra != rb {
            // The smaller index becomes the root, so roots are first members.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[hi as usize] = lo;
        }
    }
    let mut group_of = vec![u32::MAX; count];
    let mut groups: Vec<CopyGroup> = Vec::new();
    for i in 0..count as u32 {
        let root = find(&mut parent, i);
        let g = if root == i {
            groups.push(CopyGroup {
                representative: i,
                members: Vec::new(),
                pairs: Vec::new(),
            });
            (groups.len() - 1) as u32
        } else {
            group_of[root as usize]
        };
        group_of[i as usize] = g;
        groups[g as usize].members.push(i);
    }
    for pair in verified {
        groups[group_of[pair.a as usize] as usize].pairs.push(*pair);
    }
    for group in &mut groups {
        group.pairs.sort_by_key(|p| (p.a, p.b));
        group.representative = *group
            .members
            .iter()
            .min_by(|&&x, &&y| rank(x).cmp_rank(&rank(y)))
            .expect("a group has at least one member");
    }
    Copies { groups, group_of }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: u32, b: u32) -> VerifiedPair {
        VerifiedPair {
            a,
            b,
            overlap: Overlap {
                shared: 1,
                jaccard: 1.0,
                containment: 1.0,
            },
        }
    }

    #[test]
    fn union_find_groups_components_in_input_order() {
        let copies = group(6, &[pair(1, 4), pair(4, 5), pair(0, 2)], |i| RankKey {
            published: None,
            length: 10,
            id: ["a", "b", "c", "d", "e", "f"][i as usize],
        });
        let members: Vec<_> = copies.groups.iter().map(|g| g.members.clone()).collect();
        assert_eq!(members, vec![vec![0, 2], vec![1, 4, 5], vec![3]]);
        assert_eq!(copies.group_of, vec![0, 1, 0, 2, 1, 1]);
        assert_eq!(copies.groups[1].pairs.len(), 2);
    }

    #[test]
    fn representative_is_earliest_then_longest_then_smallest_id() {
        let published = [
            Some("2020-01-05"),
            Some("2020-01-04"),
            None,
            Some("2020-01-04"),
        ];
        let length = [100, 50, 900, 50];
        let ids = ["d", "c", "a", "b"];
        let all = [pair(0, 1), pair(1, 2), pair(2, 3)];
        let rank = |i: u32| RankKey {
            published: published[i as usize],
            length: length[i as usize],
            id: ids[i as usize],
        };
        // Earliest published wins; tie on date and length broken by id "b" < "c".
        assert_eq!(group(4, &all, rank).groups[0].representative, 3);
        // Without dates, the longest text wins.
        let undated = |i: u32| RankKey {
            published: None,
            ..rank(i)
        };
        assert_eq!(group(4, &all, undated).groups[0].representative, 2);
    }

    #[test]
    fn verify_applies_the_measure() {
        let a = [1, 2, 3, 4];
        let b = [1, 2];
        assert!(verify(&a, &b, Measure::Containment, 0.9).is_some());
        assert!(verify(&a, &b, Measure::Jaccard, 0.9).is_none());
        assert!(verify(&[], &[], Measure::Containment, 0.0).is_none());
    }
}
