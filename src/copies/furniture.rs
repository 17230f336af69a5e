//! Site furniture for copy detection: lines an outlet repeats on pages that
//! are otherwise different (footers, sign-up and paywall text, "Related
//! coverage" blocks, copyright notices), found by counting, never by a
//! phrase list, and removed before two texts are compared, so that two
//! articles sharing a site footer are not copies.
//!
//! The unit is a whole line of the text (split at `\n`) with its words
//! normalized as for shingles ([`crate::shingle::Line`]). The *scope* of a
//! line is the outlet that published the page: its `source` together with
//! its URL's host, either one alone when the other is missing; a page with
//! neither has no scope and no furniture.
//!
//! A line is furniture of a scope when it occurs in at least
//! [`MIN_TEXTS`] *different texts* of that scope. Texts are different
//! unless they are near-identical: pages whose raw shingle sets (furniture
//! included) have a Jaccard similarity of at least [`SAME_TEXT_JACCARD`]
//! are joined (transitively) and count once. So an agency story an outlet
//! ran three times, or updated twice, does not turn into furniture; a
//! footer on three unrelated pages does. A page that is all furniture
//! counts once with its identical twins.
//!
//! A shingle is removed from a text when one of its words lies on a
//! furniture line of the text's scope. Counting needs only every line's key
//! (8 bytes) and end (4 bytes), kept from the first pass.

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::shingle::Line;

/// A line is furniture when it occurs in at least this many different
/// texts of one scope.
pub const MIN_TEXTS: usize = 3;

/// Texts with a raw Jaccard similarity at least this high count as one
/// text when furniture is counted.
pub const SAME_TEXT_JACCARD: f64 = 0.8;

/// The scope of a page (see the module docs): a hash of its source and its
/// URL's host (lower case, without `www.`), or `None` with neither.
pub fn scope(source: Option<&str>, url: Option<&str>) -> Option<u64> {
    let host = url.and_then(|u| {
        let rest = u.split_once("://").map_or(u, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next().unwrap_or("");
        let www = host.len() > 4 && host.as_bytes()[..4].eq_ignore_ascii_case(b"www.");
        let host = if www { &host[4..] } else { host };
        (!host.is_empty()).then_some(host)
    });
    let source = source.map(str::trim).filter(|s| !s.is_empty());
    if source.is_none() && host.is_none() {
        return None;
    }
    let host_key = host.map_or(0, |h| {
        if h.bytes().any(|b| b.is_ascii_uppercase()) {
            xxh3_64_with_seed(h.to_ascii_lowercase().as_bytes(), 0x686f_7374)
        } else {
            xxh3_64_with_seed(h.as_bytes(), 0x686f_7374)
        }
    });
    let source_key = source.map_or(0, |s| xxh3_64_with_seed(s.as_bytes(), 0x0073_636f_7065));
    Some(source_key.rotate_left(23) ^ host_key.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The lines of every article, stored flat.
#[derive(Clone, Debug, Default)]
pub struct LineTable {
    /// Where each article's lines start; one more entry than articles.
    offsets: Vec<usize>,
    keys: Vec<u64>,
    ends: Vec<u32>,
}

impl LineTable {
    /// An empty table.
    pub fn new() -> LineTable {
        LineTable {
            offsets: vec![0],
            keys: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// Appends the next article's lines.
    pub fn push(&mut self, lines: &[Line]) {
        self.keys.extend(lines.iter().map(|l| l.key));
        self.ends.extend(lines.iter().map(|l| l.end));
        self.offsets.push(self.keys.len());
    }

    /// Number of lines, all articles together.
    pub fn lines(&self) -> usize {
        self.keys.len()
    }

    /// Number of articles.
    pub fn articles(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The flat index range of an article's lines.
    pub fn range(&self, article: usize) -> std::ops::Range<usize> {
        self.offsets[article]..self.offsets[article + 1]
    }

    /// Line keys of an article.
    pub fn keys(&self, article: usize) -> &[u64] {
        &self.keys[self.range(article)]
    }

    /// Line ends (words up to the end of each line) of an article.
    pub fn ends(&self, article: usize) -> &[u32] {
        &self.ends[self.range(article)]
    }

    /// Bytes held.
    pub fn bytes(&self) -> usize {
        self.offsets.len() * 8 + self.keys.len() * 12
    }
}

/// `(scope, key)` of every line, once per article, with `unit(article)`,
/// for the articles that `take` accepts; sorted, without repeats.
fn occurrences(
    scopes: &[Option<u64>],
    table: &LineTable,
    take: impl Fn(usize, usize) -> bool + Sync,
    unit: impl Fn(usize) -> u32 + Sync,
) -> Vec<(u64, u64, u32)> {
    let mut all: Vec<(u64, u64, u32)> = (0..table.articles())
        .into_par_iter()
        .flat_map_iter(|a| {
            let scope = scopes[a];
            let u = unit(a);
            let found: Vec<(u64, u64, u32)> = match scope {
                Some(s) => table
                    .range(a)
                    .filter(|&line| take(a, line))
                    .map(|line| (s, table.keys[line], u))
                    .collect(),
                None => Vec::new(),
            };
            found
        })
        .collect();
    all.par_sort_unstable();
    all.dedup();
    all
}

/// `(scope, key)` pairs seen with at least [`MIN_TEXTS`] different units,
/// sorted.
fn frequent(occurrences: &[(u64, u64, u32)]) -> Vec<(u64, u64)> {
    occurrences
        .chunk_by(|x, y| (x.0, x.1) == (y.0, y.1))
        .filter(|run| run.len() >= MIN_TEXTS)
        .map(|run| (run[0].0, run[0].1))
        .collect()
}

/// Per line (flat index), whether it may be furniture: its `(scope, key)`
/// occurs in at least [`MIN_TEXTS`] articles of the scope. Furniture is a
/// subset of these (see [`confirm`]).
pub fn candidates(scopes: &[Option<u64>], table: &LineTable) -> Vec<bool> {
    let occurrences = occurrences(scopes, table, |_, _| true, |a| a as u32);
    let frequent = frequent(&occurrences);
    drop(occurrences);
    flags(scopes, table, &frequent, |_| true)
}

/// Per line (flat index), whether it is furniture: a candidate line whose
/// `(scope, key)` occurs in at least [`MIN_TEXTS`] different texts, where
/// `text_of[article]` numbers the near-identical texts (see the module
/// docs). Returns the flags and the number of furniture `(scope, key)`s.
pub fn confirm(
    scopes: &[Option<u64>],
    table: &LineTable,
    candidate: &[bool],
    text_of: &[u32],
) -> (Vec<bool>, usize) {
    let occurrences = occurrences(scopes, table, |_, line| candidate[line], |a| text_of[a]);
    let frequent = frequent(&occurrences);
    drop(occurrences);
    let count = frequent.len();
    (
        flags(scopes, table, &frequent, |line| candidate[line]),
        count,
    )
}

fn flags(
    scopes: &[Option<u64>],
    table: &LineTable,
    frequent: &[(u64, u64)],
    take: impl Fn(usize) -> bool + Sync,
) -> Vec<bool> {
    let mut out = vec![false; table.keys.len()];
    if frequent.is_empty() {
        return out;
    }
    out.par_iter_mut().enumerate().for_each(|(line, flag)| {
        if take(line) {
            let article = table.offsets.partition_point(|&o| o <= line) - 1;
            if let Some(scope) = scopes[article] {
                *flag = frequent.binary_search(&(scope, table.keys[line])).is_ok();
            }
        }
    });
    out
}

/// The sorted, repeat-free shingle fingerprints of a text without the
/// shingles that have a word on a furniture line.
///
/// `sequence` is the text's fingerprints in text order (shingle `i` holds
/// words `i .. i + k`; a text of fewer than `k` words has one shingle of all
/// of them), `ends` the words up to the end of each line and `furniture`
/// which of those lines are furniture.
pub fn clean(sequence: &[u32], k: usize, ends: &[u32], furniture: &[bool]) -> Vec<u32> {
    let words = ends.last().map_or(0, |&e| e as usize);
    // next[i]: the first furniture word at or after word i (or `words`).
    let mut next = vec![words; words + 1];
    let mut start = 0usize;
    let mut marked = vec![false; words];
    for (&end, &is) in ends.iter().zip(furniture) {
        if is {
            marked[start..end as usize].fill(true);
        }
        start = end as usize;
    }
    for i in (0..words).rev() {
        next[i] = if marked[i] { i } else { next[i + 1] };
    }
    let span = k.min(words);
    let mut kept: Vec<u32> = sequence
        .iter()
        .enumerate()
        .filter(|&(i, _)| next.get(i).is_none_or(|&f| f >= i + span))
        .map(|(_, &h)| h)
        .collect();
    crate::shingle::sort_unique(&mut kept);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(articles: &[&[u64]]) -> LineTable {
        let mut t = LineTable::new();
        for keys in articles {
            let lines: Vec<Line> = keys
                .iter()
                .enumerate()
                .map(|(i, &key)| Line {
                    key,
                    end: 10 * (i as u32 + 1),
                })
                .collect();
            t.push(&lines);
        }
        t
    }

    #[test]
    fn a_footer_on_three_different_pages_is_furniture() {
        // Key 9 ends each of three pages of one outlet; key 5 is in three
        // pages of three different outlets.
        let t = table(&[&[1, 5, 9], &[2, 9], &[3, 5, 9], &[4, 5]]);
        let scopes = [Some(1), Some(1), Some(1), Some(2)];
        let candidate = candidates(&scopes, &t);
        assert_eq!(
            candidate,
            [
                false, false, true, false, true, false, false, true, false, false
            ]
        );
        let (furniture, count) = confirm(&scopes, &t, &candidate, &[0, 1, 2, 3]);
        assert_eq!(furniture, candidate);
        assert_eq!(count, 1);
    }

    #[test]
    fn one_story_run_three_times_is_not_furniture() {
        // Pages 0, 1, 2 are one text (near-identical); the line is in one
        // text of the outlet.
        let t = table(&[&[7, 8], &[7, 8], &[7, 8]]);
        let scopes = [Some(1); 3];
        let candidate = candidates(&scopes, &t);
        assert!(candidate.iter().all(|&c| c));
        let (furniture, count) = confirm(&scopes, &t, &candidate, &[0, 0, 0]);
        assert!(furniture.iter().all(|&f| !f));
        assert_eq!(count, 0);
        // Two texts are still fewer than three.
        assert_eq!(confirm(&scopes, &t, &candidate, &[0, 0, 2]).1, 0);
    }

    #[test]
    fn pages_without_scope_have_no_furniture() {
        let t = table(&[&[1], &[1], &[1]]);
        let scopes = [None, None, None];
        assert!(candidates(&scopes, &t).iter().all(|&c| !c));
    }

    #[test]
    fn clean_drops_shingles_touching_furniture_words() {
        // 12 words: line 0 = words 0..5, line 1 = 5..8 (furniture), line 2 =
        // 8..12; k = 3, so shingles 0..=9, shingle i holds words i..i+3.
        let sequence: Vec<u32> = (100..110).collect();
        let kept = clean(&sequence, 3, &[5, 8, 12], &[false, true, false]);
        // Shingles 3..=7 touch words 5..8.
        assert_eq!(kept, vec![100, 101, 102, 108, 109]);
        // A short text (fewer words than k) is one shingle of all words.
        assert_eq!(clean(&[7], 5, &[2, 3], &[false, true]), Vec::<u32>::new());
        assert_eq!(clean(&[7], 5, &[2, 3], &[false, false]), vec![7]);
        assert_eq!(clean(&[], 5, &[], &[]), Vec::<u32>::new());
    }

    #[test]
    fn scopes_join_source_and_host() {
        let a = scope(Some("Gazette"), Some("https://www.gazette.com/a/1"));
        let b = scope(Some("Gazette"), Some("http://gazette.com:80/b?x=1"));
        assert_eq!(a, b);
        assert_ne!(a, scope(Some("Gazette"), Some("https://other.com/a")));
        assert_ne!(a, scope(Some("Gazette"), None));
        assert_eq!(scope(None, None), None);
        assert_eq!(scope(Some("  "), Some("")), None);
        assert!(scope(None, Some("https://x.org/")).is_some());
    }
}
