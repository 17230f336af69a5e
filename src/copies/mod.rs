//! Copy groups: which articles are copies of which, and of what kind.
//!
//! Two articles are *copies* when their exact shingle sets (after
//! [`furniture`] is removed) pass the measure: by default, at least
//! [`DEFAULT_THRESHOLD`] of the shorter text's shingles are also in the other
//! (containment). A copy is a [`Kind::Duplicate`] when that share is at least
//! the duplicate threshold ([`DUPLICATE_CONTAINMENT`] by default: a
//! near-complete reprint, or a trimmed one), otherwise a [`Kind::Reuse`]
//! (a reprint that kept part of the story and added or rewrote the rest).
//!
//! # What a group is (no chaining)
//!
//! A group is an *origin* and the copies of it. Groups are built inside
//! each connected component of the copy pairs, one at a time:
//!
//! 1. Among the component's articles not yet in a group, the origin is
//!    chosen by [`pick_origin`]: the earliest `published` in UTC, then the
//!    text the others are contained in, then an agency credit.
//! 2. Every such article that is a copy of the origin joins the group
//!    (a *direct* copy, linked to the origin).
//! 3. Then every such article made from a direct copy joins it (a
//!    *second-hand* copy): a copy of the direct copy that has at least the
//!    threshold share of its *own* shingles in it (a long local story that
//!    quotes a short reprint is not made from it). It is linked to that
//!    direct copy: the one with the larger containment, then the earlier in
//!    the input. A copy of a second-hand copy does not join: links are at
//!    most two deep.
//! 4. What is left of the component starts again at 1.
//!
//! So two reprints that each kept a different half of one wire story are
//! both direct copies of it and of nothing else, even though they are not
//! copies of each other; and two stories that share only a third article's
//! text are never joined through it. Every member reports its own link
//! ([`CopyLink`]) and, in the job's output, its exact similarity to the
//! origin.

pub mod furniture;

use std::cmp::Ordering;

use crate::shingle::{self, Overlap};

/// The least containment of a copy by default: half of the shorter text.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// The least containment of a duplicate by default (a lesser copy is a
/// reuse).
pub const DUPLICATE_CONTAINMENT: f64 = 0.8;

/// Which exact similarity decides that two articles are copies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    /// |A ∩ B| / |A ∪ B|.
    Jaccard,
    /// |A ∩ B| / min(|A|, |B|): finds trimmed reprints, reprints with
    /// added paragraphs and partial reuse. The default.
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

/// What kind of copy an article is of the member it is linked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Near-complete: containment at least the duplicate threshold.
    Duplicate,
    /// Partial: a copy below the duplicate threshold.
    Reuse,
}

impl Kind {
    /// The kind of a copy with this overlap, for a duplicate threshold.
    pub fn of(overlap: &Overlap, duplicate: f64) -> Kind {
        if overlap.containment >= duplicate {
            Kind::Duplicate
        } else {
            Kind::Reuse
        }
    }

    /// Name as used on the command line and in outputs.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Duplicate => "duplicate",
            Kind::Reuse => "reuse",
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

/// Why a member is in its group.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CopyLink {
    /// The member's article index.
    pub article: u32,
    /// The member it is a copy of: the origin, or for a second-hand copy a
    /// direct copy of the origin.
    pub of: u32,
    /// Duplicate or reuse of `of`.
    pub kind: Kind,
    /// Exact overlap with `of`.
    pub overlap: Overlap,
}

/// A group of copies.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyGroup {
    /// The origin's article index (the group's representative).
    pub representative: u32,
    /// Member article indices in input order (the origin included).
    pub members: Vec<u32>,
    /// Every copy pair between two members (`a < b`), sorted: the links
    /// and any other pair of members that are copies of each other.
    pub pairs: Vec<VerifiedPair>,
    /// The link of every member but the origin, in input order.
    pub copies: Vec<CopyLink>,
}

impl CopyGroup {
    /// The link of `article`, or `None` for the origin (or a non-member).
    pub fn link(&self, article: u32) -> Option<&CopyLink> {
        self.copies
            .binary_search_by_key(&article, |c| c.article)
            .ok()
            .map(|k| &self.copies[k])
    }
}

/// The copy structure of a corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Copies {
    /// Every group, singletons included, ordered by their first member.
    pub groups: Vec<CopyGroup>,
    /// Group index of each article.
    pub group_of: Vec<u32>,
}

impl Copies {
    /// Each article's group when only copies of the given kinds stay in
    /// their group: another copy becomes a group of its own (with the
    /// second-hand copies linked to it). Group numbers are the first
    /// member's position among the units, in input order, so the result
    /// can stand in for [`Copies::group_of`] wherever groups are units.
    pub fn units(&self, kinds: &[Kind]) -> Vec<u32> {
        let count = self.group_of.len();
        // The member each article hangs from: itself, or what it copies.
        let mut head: Vec<u32> = (0..count as u32).collect();
        for group in &self.groups {
            for link in &group.copies {
                if kinds.contains(&link.kind) {
                    head[link.article as usize] = link.of;
                }
            }
        }
        let root = |mut i: u32| {
            // Links are at most two deep.
            for _ in 0..3 {
                i = head[i as usize];
            }
            i
        };
        let mut number = vec![u32::MAX; count];
        let mut next = 0u32;
        let mut units = vec![0u32; count];
        for i in 0..count as u32 {
            let r = root(i) as usize;
            if number[r] == u32::MAX {
                number[r] = next;
                next += 1;
            }
            units[i as usize] = number[r];
        }
        units
    }

    /// [`Copies::units`] keeping duplicates only: near-complete copies stay
    /// together, each reuse is a unit of its own. Story clustering takes
    /// these as its copy groups, as it did before reuse was detected.
    pub fn duplicate_units(&self) -> Vec<u32> {
        self.units(&[Kind::Duplicate])
    }
}

/// What decides an origin, per article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginKey<'a> {
    /// Publication time as the first and last UTC minute it may stand for
    /// (a date without a time covers its whole day); `None` if unknown.
    pub published: Option<(i64, i64)>,
    /// Shingles in the article's (cleaned) set.
    pub shingles: usize,
    /// Whether the text carries an agency credit ([`agency_credit`]).
    pub credit: bool,
    /// Length of the text in bytes.
    pub length: usize,
    /// The article id.
    pub id: &'a str,
}

/// Verifies one candidate pair on sorted shingle sets.
pub fn verify(a: &[u32], b: &[u32], measure: Measure, threshold: f64) -> Option<Overlap> {
    let overlap = shingle::overlap(a, b);
    passes(&overlap, measure, threshold).then_some(overlap)
}

/// Whether an overlap makes a copy.
pub fn passes(overlap: &Overlap, measure: Measure, threshold: f64) -> bool {
    overlap.shared > 0 && measure.of(overlap) >= threshold
}

/// The origin among `candidates` (article indices, none empty), given each
/// one's copy `neighbours` still unassigned:
///
/// 1. **Earliest `published`**, compared in UTC. A date without a time
///    stands for its whole day, so it ties with every time of that day:
///    the candidates are those whose time may be the earliest (they start
///    no later than the earliest-ending one). Undated articles are
///    candidates only when none is dated.
/// 2. **The text the others are contained in**: the largest sum, over its
///    neighbours, of the share of each neighbour's shingles that it holds.
///    An agency story beats a trimmed reprint of it (the reprint is all in
///    it, it is not all in the reprint).
/// 3. **An agency credit** ([`agency_credit`]) over none.
/// 4. The longer text, then the smaller id.
pub fn pick_origin<'a>(
    candidates: &[u32],
    neighbours: impl Fn(u32) -> Vec<(u32, Overlap)>,
    key: &impl Fn(u32) -> OriginKey<'a>,
) -> u32 {
    let keys: Vec<(u32, OriginKey<'a>)> = candidates.iter().map(|&i| (i, key(i))).collect();
    let earliest_end = keys
        .iter()
        .filter_map(|(_, k)| k.published.map(|p| p.1))
        .min();
    let eligible: Vec<&(u32, OriginKey<'a>)> = keys
        .iter()
        .filter(|(_, k)| match (earliest_end, k.published) {
            (None, _) => true,
            (Some(end), Some((start, _))) => start <= end,
            (Some(_), None) => false,
        })
        .collect();
    let score = |i: u32| -> f64 {
        neighbours(i)
            .iter()
            .map(|(x, overlap)| overlap.shared as f64 / key(*x).shingles.max(1) as f64)
            .sum()
    };
    let scored: Vec<(f64, &(u32, OriginKey<'a>))> =
        eligible.into_iter().map(|c| (score(c.0), c)).collect();
    scored
        .iter()
        .min_by(|(sa, (_, a)), (sb, (_, b))| {
            sb.total_cmp(sa)
                .then_with(|| b.credit.cmp(&a.credit))
                .then_with(|| b.length.cmp(&a.length))
                .then_with(|| a.id.cmp(b.id))
        })
        .map(|(_, (i, _))| *i)
        .expect("a component has at least one candidate")
}

/// Builds the groups (see the module docs) over `count` articles from the
/// copy pairs `copies`, with kinds by the `duplicate` containment, origins
/// by [`pick_origin`], and second-hand copies that have at least `made_from`
/// of their own shingles in a direct copy.
pub fn group<'a>(
    count: usize,
    copies: &[VerifiedPair],
    duplicate: f64,
    made_from: f64,
    key: impl Fn(u32) -> OriginKey<'a>,
) -> Copies {
    // Neighbour lists, each sorted by article.
    let mut neighbours: Vec<Vec<(u32, Overlap)>> = vec![Vec::new(); count];
    for p in copies {
        neighbours[p.a as usize].push((p.b, p.overlap));
        neighbours[p.b as usize].push((p.a, p.overlap));
    }
    for list in &mut neighbours {
        list.sort_by_key(|&(x, _)| x);
    }
    // Connected components, each as its sorted member list.
    let mut parent: Vec<u32> = (0..count as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for p in copies {
        let (ra, rb) = (find(&mut parent, p.a), find(&mut parent, p.b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[hi as usize] = lo;
        }
    }
    let mut components: Vec<Vec<u32>> = Vec::new();
    let mut component_of = vec![u32::MAX; count];
    for i in 0..count as u32 {
        let root = find(&mut parent, i) as usize;
        if component_of[root] == u32::MAX {
            component_of[root] = components.len() as u32;
            components.push(Vec::new());
        }
        components[component_of[root] as usize].push(i);
    }

    let mut assigned = vec![false; count];
    let mut groups: Vec<CopyGroup> = Vec::new();
    for component in components {
        loop {
            let open: Vec<u32> = component
                .iter()
                .copied()
                .filter(|&i| !assigned[i as usize])
                .collect();
            if open.is_empty() {
                break;
            }
            let unassigned_neighbours = |i: u32| -> Vec<(u32, Overlap)> {
                neighbours[i as usize]
                    .iter()
                    .copied()
                    .filter(|&(x, _)| !assigned[x as usize])
                    .collect()
            };
            let origin = pick_origin(&open, unassigned_neighbours, &key);
            let mut links: Vec<CopyLink> = neighbours[origin as usize]
                .iter()
                .filter(|&&(x, _)| !assigned[x as usize])
                .map(|&(x, overlap)| CopyLink {
                    article: x,
                    of: origin,
                    kind: Kind::of(&overlap, duplicate),
                    overlap,
                })
                .collect();
            assigned[origin as usize] = true;
            for link in &links {
                assigned[link.article as usize] = true;
            }
            let direct: Vec<u32> = links.iter().map(|l| l.article).collect();
            let mut second: Vec<CopyLink> = Vec::new();
            for &y in &open {
                if assigned[y as usize] {
                    continue;
                }
                let own = key(y).shingles.max(1) as f64;
                let best = neighbours[y as usize]
                    .iter()
                    .filter(|(x, o)| {
                        direct.binary_search(x).is_ok() && o.shared as f64 / own >= made_from
                    })
                    .min_by(|(xa, a), (xb, b)| {
                        b.containment
                            .total_cmp(&a.containment)
                            .then_with(|| xa.cmp(xb))
                    });
                if let Some(&(x, overlap)) = best {
                    second.push(CopyLink {
                        article: y,
                        of: x,
                        kind: Kind::of(&overlap, duplicate),
                        overlap,
                    });
                }
            }
            for link in &second {
                assigned[link.article as usize] = true;
            }
            links.extend(second);
            links.sort_by_key(|l| l.article);
            let mut members: Vec<u32> = links.iter().map(|l| l.article).collect();
            members.push(origin);
            members.sort_unstable();
            groups.push(CopyGroup {
                representative: origin,
                members,
                pairs: Vec::new(),
                copies: links,
            });
        }
    }
    groups.sort_by_key(|g| g.members[0]);
    let mut group_of = vec![0u32; count];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            group_of[m as usize] = g as u32;
        }
    }
    for p in copies {
        let g = group_of[p.a as usize];
        if group_of[p.b as usize] == g {
            groups[g as usize].pairs.push(*p);
        }
    }
    for group in &mut groups {
        group.pairs.sort_by_key(|p| (p.a, p.b));
    }
    Copies { groups, group_of }
}

/// Bytes at the start and at the end of a text in which [`agency_credit`]
/// looks: datelines open a story, credit lines close it.
pub const CREDIT_WINDOW: usize = 300;

/// Agencies credited in a dateline, in parentheses: "WASHINGTON (AP) —",
/// "KABUL, Jan 5 (Reuters) -" (lower case; matched without regard to case).
const DATELINE_AGENCIES: &[&[u8]] = &[
    b"ap", b"afp", b"reuters", b"upi", b"pti", b"ians", b"ani", b"xinhua", b"dpa", b"efe",
];

/// Credit phrases (lower case; matched without regard to case).
const CREDIT_PHRASES: &[&str] = &[
    "associated press",
    "agence france-presse",
    "united press international",
    "with agency inputs",
    "reporting by",
];

/// Whether `text` carries an agency credit in its first or last
/// [`CREDIT_WINDOW`] bytes: an agency in parentheses (a dateline), or a
/// credit phrase ("The Associated Press", "(With agency inputs)",
/// "Reporting by …"). A mention in the middle of a story ("told Reuters")
/// is attribution, not a credit.
pub fn agency_credit(text: &str) -> bool {
    static PHRASES: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        CREDIT_PHRASES
            .iter()
            .map(|p| memchr::memmem::Finder::new(p.as_bytes()))
            .collect()
    });
    let bytes = text.as_bytes();
    let head = &bytes[..bytes.len().min(CREDIT_WINDOW)];
    let tail = &bytes[bytes.len().saturating_sub(CREDIT_WINDOW).max(head.len())..];
    let mut lower = [0u8; CREDIT_WINDOW];
    [head, tail].into_iter().any(|window| {
        let lower = &mut lower[..window.len()];
        lower.copy_from_slice(window);
        lower.make_ascii_lowercase();
        let dateline = memchr::memchr_iter(b'(', lower).any(|open| {
            let rest = &lower[open + 1..];
            DATELINE_AGENCIES
                .iter()
                .any(|agency| rest.starts_with(agency) && rest.get(agency.len()) == Some(&b')'))
        });
        dateline || phrases.iter().any(|f| f.find(lower).is_some())
    })
}

/// Orders optional UTC intervals: earlier start first, unknown last (for
/// callers that need a total order; origins use [`pick_origin`]).
pub fn by_time(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(containment: f64) -> Overlap {
        Overlap {
            shared: (containment * 100.0) as usize,
            jaccard: containment / 2.0,
            containment,
        }
    }

    fn pair(a: u32, b: u32, containment: f64) -> VerifiedPair {
        VerifiedPair {
            a,
            b,
            overlap: overlap(containment),
        }
    }

    fn undated(i: u32) -> OriginKey<'static> {
        OriginKey {
            published: None,
            shingles: 100,
            credit: false,
            length: 1000 - i as usize,
            id: ["a", "b", "c", "d", "e", "f", "g", "h"][i as usize],
        }
    }

    #[test]
    fn singletons_and_groups_in_order_of_first_member() {
        let copies = group(
            6,
            &[pair(1, 4, 0.9), pair(4, 5, 0.9), pair(0, 2, 0.9)],
            0.8,
            0.5,
            undated,
        );
        let members: Vec<_> = copies.groups.iter().map(|g| g.members.clone()).collect();
        assert_eq!(members, vec![vec![0, 2], vec![1, 4, 5], vec![3]]);
        assert_eq!(copies.group_of, vec![0, 1, 0, 2, 1, 1]);
    }

    #[test]
    fn two_halves_of_one_story_are_copies_of_it_and_of_nothing_else() {
        // 0 is the wire story; 1 and 2 each kept a different half (they
        // share nothing); 3 and 4 are unrelated stories that 1 and 2 also
        // touch below the threshold (no pair).
        let copies = group(5, &[pair(0, 1, 0.9), pair(0, 2, 0.6)], 0.8, 0.5, undated);
        let g = &copies.groups[0];
        assert_eq!(g.representative, 0);
        assert_eq!(g.members, vec![0, 1, 2]);
        assert_eq!(
            g.link(1).map(|l| (l.of, l.kind)),
            Some((0, Kind::Duplicate))
        );
        assert_eq!(g.link(2).map(|l| (l.of, l.kind)), Some((0, Kind::Reuse)));
        assert_eq!(copies.groups.len(), 3);
    }

    /// Keys with the given shingle counts, published an hour apart in
    /// input order.
    fn sized(sizes: &'static [usize]) -> impl Fn(u32) -> OriginKey<'static> {
        move |i| OriginKey {
            published: Some((60 * i as i64, 60 * i as i64)),
            shingles: sizes[i as usize],
            credit: false,
            length: sizes[i as usize] * 6,
            id: ["a", "b", "c", "d", "e"][i as usize],
        }
    }

    fn shared(a: u32, b: u32, shared: usize, sizes: &[usize]) -> VerifiedPair {
        let (x, y) = (sizes[a as usize], sizes[b as usize]);
        VerifiedPair {
            a,
            b,
            overlap: Overlap {
                shared,
                jaccard: shared as f64 / (x + y - shared) as f64,
                containment: shared as f64 / x.min(y) as f64,
            },
        }
    }

    #[test]
    fn a_copy_made_from_a_reprint_joins_second_hand_and_no_further() {
        // 0 the wire story; 1 a reprint of it; 2 made from 1 (0.9 of its
        // own shingles are in 1) but too edited to be a copy of 0; 3 made
        // from 2 only: links are at most two deep, so 3 stays alone.
        const SIZES: &[usize] = &[100, 80, 70, 70];
        let pairs = [
            shared(0, 1, 60, SIZES),
            shared(1, 2, 63, SIZES),
            shared(2, 3, 63, SIZES),
        ];
        let copies = group(4, &pairs, 0.8, 0.5, sized(SIZES));
        let g = &copies.groups[copies.group_of[0] as usize];
        assert_eq!(g.representative, 0);
        assert_eq!(g.members, vec![0, 1, 2]);
        assert_eq!(g.link(1).map(|l| (l.of, l.kind)), Some((0, Kind::Reuse)));
        assert_eq!(
            g.link(2).map(|l| (l.of, l.kind)),
            Some((1, Kind::Duplicate))
        );
        assert_eq!(copies.groups[copies.group_of[3] as usize].members, vec![3]);
    }

    #[test]
    fn a_long_story_quoting_a_short_reprint_is_not_made_from_it() {
        // 1 is the first paragraphs of 0; 2, a long local story, carries
        // them too: 1 and 2 are copies (two thirds of 1 is in 2), but only
        // 0.13 of 2 is in 1, so 2 is not a second-hand copy of the wire
        // story. Nor does it chain 0 to anything else.
        const SIZES: &[usize] = &[100, 60, 300];
        let pairs = [shared(0, 1, 60, SIZES), shared(1, 2, 40, SIZES)];
        let copies = group(3, &pairs, 0.8, 0.5, sized(SIZES));
        assert_eq!(copies.groups[0].members, vec![0, 1]);
        assert_eq!(copies.groups[copies.group_of[2] as usize].members, vec![2]);
    }

    #[test]
    fn origin_is_earliest_in_utc_then_container_then_credit() {
        let sizes = [100usize, 40, 100, 100];
        let published = [
            // 12:00 UTC.
            Some((720, 720)),
            // A date only, that day: ties with every time of it.
            Some((0, 1439)),
            // 11:00 UTC, written as 06:00-05:00.
            Some((660, 660)),
            None,
        ];
        let key = |i: u32| OriginKey {
            published: published[i as usize],
            shingles: sizes[i as usize],
            credit: i == 0,
            length: sizes[i as usize] * 6,
            id: ["a", "b", "c", "d"][i as usize],
        };
        let neighbours = |i: u32| -> Vec<(u32, Overlap)> {
            let all = [(0, 1, 36), (0, 2, 90), (1, 2, 36), (2, 3, 90), (0, 3, 90)];
            all.iter()
                .filter_map(|&(a, b, shared)| {
                    let o = Overlap {
                        shared,
                        jaccard: 0.0,
                        containment: 0.0,
                    };
                    (a == i).then_some((b, o)).or((b == i).then_some((a, o)))
                })
                .collect()
        };
        // 2 (11:00 UTC) and 1 (date only) may be earliest; 0 (12:00) may
        // not. 2 holds 0.9 of 1's shingles plus 0.9 of 3's and 0's; 1 holds
        // 0.36 of 2's.
        assert_eq!(pick_origin(&[0, 1, 2, 3], neighbours, &key), 2);
        // Without dates, the container wins over the credit.
        let undated = |i: u32| OriginKey {
            published: None,
            ..key(i)
        };
        assert_eq!(pick_origin(&[0, 1], neighbours, &undated), 0);
        assert_eq!(pick_origin(&[1, 2], neighbours, &undated), 2);
        // Equal texts: the credit decides.
        let same = |i: u32| OriginKey {
            published: None,
            shingles: 100,
            length: 600,
            ..key(i)
        };
        let symmetric = |i: u32| -> Vec<(u32, Overlap)> {
            let o = Overlap {
                shared: 100,
                jaccard: 1.0,
                containment: 1.0,
            };
            vec![(if i == 0 { 3 } else { 0 }, o)]
        };
        assert_eq!(pick_origin(&[0, 3], symmetric, &same), 0);
    }

    #[test]
    fn agency_credits_at_either_end_only() {
        for (text, want) in [
            ("KABUL, Jan 5 (Reuters) - Troops left.", true),
            ("WASHINGTON (AP) — The Senate voted.", true),
            ("The minister spoke.\n\n(With agency inputs)", true),
            ("Story.\nReporting by Jane Roe; Editing by Tim Poe", true),
            (
                "Copyright 2016 The Associated Press. All rights reserved.",
                true,
            ),
            ("A local story with no credit at all.", false),
            ("Apple (APPL) shares rose; the AP style book.", false),
        ] {
            assert_eq!(agency_credit(text), want, "{text}");
        }
        let middle = format!(
            "{} told Reuters (Reuters) {}",
            "x ".repeat(400),
            "y ".repeat(400)
        );
        assert!(!agency_credit(&middle));
        // Windows may cut a character in two: bytes, not slicing text.
        assert!(!agency_credit(&"é".repeat(500)));
    }

    #[test]
    fn verify_applies_the_measure() {
        let a = [1, 2, 3, 4];
        let b = [1, 2];
        assert!(verify(&a, &b, Measure::Containment, 0.9).is_some());
        assert!(verify(&a, &b, Measure::Jaccard, 0.9).is_none());
        assert!(verify(&[], &[], Measure::Containment, 0.0).is_none());
    }

    #[test]
    fn kinds_by_containment() {
        assert_eq!(Kind::of(&overlap(0.8), 0.8), Kind::Duplicate);
        assert_eq!(Kind::of(&overlap(0.79), 0.8), Kind::Reuse);
    }
}
