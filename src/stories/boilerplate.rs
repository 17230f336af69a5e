//! Site furniture detection from the corpus itself: cookie banners,
//! "Subscribe now", navigation, share buttons, sign-up and paywall text,
//! copyright notices. Publishers repeat these on many of their pages (and
//! CMS platforms repeat them across publishers, with the site name changed),
//! so they are found by counting repetition, never by a phrase list, and
//! dropped before features are extracted: unrelated pages must not look
//! alike because they share a sign-up form.
//!
//! The unit of repetition is a *shingle* of [`SHINGLE`] consecutive words
//! inside one line (lowercased, digits folded to `0` so `© 2015` and
//! `© 2016` match), and every whole line is a unit too. Only
//! one shingle position in [`SAMPLE`] (chosen by hash, so the choice is the
//! same in every document) is counted, which bounds memory on large inputs;
//! furniture is long enough that its sampled shingles still cover it.
//! A unit is furniture when it occurs in at least
//! [`Thresholds::per_source`] copy groups of one source or
//! [`Thresholds::global`] copy groups of the whole input. Counting is per
//! copy group, so a wire story reprinted by many outlets is not furniture.
//! Words covered by a furniture unit are removed; the rest of the line is
//! kept in pieces ([`Furniture::clean`]).

use super::{FastMap, FastSet};

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Words per shingle.
pub const SHINGLE: usize = 6;
/// One shingle position in this many is counted.
pub const SAMPLE: u64 = 2;

/// The words of a line: byte ranges of alphanumeric runs.
fn words(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, line.len()));
    }
    out
}

fn word_hash(word: &str) -> u64 {
    // Case- and digit-folded FNV-1a over chars: no allocation per word.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars() {
        let c = if c.is_ascii_digit() {
            '0'
        } else if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Order-dependent combination of word hashes.
fn combine(hashes: &[u64]) -> u64 {
    let mut buf = [0u8; 8 * 64];
    let n = hashes.len().min(64);
    for (i, h) in hashes[..n].iter().enumerate() {
        buf[i * 8..i * 8 + 8].copy_from_slice(&h.to_le_bytes());
    }
    let mut key = xxh3_64_with_seed(&buf[..n * 8], hashes.len() as u64);
    // Lines longer than 64 words: fold in the rest.
    for h in &hashes[n..] {
        key = (key.rotate_left(17) ^ h).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    key
}

/// A countable unit of a line: words `first..end` and its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Unit {
    first: usize,
    end: usize,
    key: u64,
    counted: bool,
}

fn units(line: &str) -> (Vec<(usize, usize)>, Vec<Unit>) {
    let w = words(line);
    let hashes: Vec<u64> = w.iter().map(|&(s, e)| word_hash(&line[s..e])).collect();
    let mut out = Vec::new();
    if !w.is_empty() {
        // The whole line is always a unit: short furniture lines have too
        // few shingle positions for sampling to catch.
        out.push(Unit {
            first: 0,
            end: w.len(),
            key: combine(&hashes),
            counted: true,
        });
    }
    if w.len() > SHINGLE {
        for p in 0..=w.len() - SHINGLE {
            let key = combine(&hashes[p..p + SHINGLE]);
            out.push(Unit {
                first: p,
                end: p + SHINGLE,
                key,
                counted: key.is_multiple_of(SAMPLE),
            });
        }
    }
    (w, out)
}

/// The counted unit keys of one line (input to [`Furniture::detect`]).
pub fn line_keys(line: &str) -> impl Iterator<Item = u64> {
    units(line)
        .1
        .into_iter()
        .filter(|u| u.counted)
        .map(|u| u.key)
}

/// The segments of a title that are treated as lines (`Story - Site`).
pub fn title_segments(title: &str) -> impl Iterator<Item = &str> {
    title.split(" | ").flat_map(|s| s.split(" - "))
}

/// The lines of an article that are candidates for furniture: title
/// segments and body lines.
pub fn lines<'a>(title: Option<&'a str>, text: &'a str) -> impl Iterator<Item = &'a str> {
    title
        .into_iter()
        .flat_map(title_segments)
        .chain(text.lines())
}

/// Thresholds for calling a unit furniture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// A unit seen in at least this many copy groups of one source.
    pub per_source: u32,
    /// A unit seen in at least this many copy groups of the whole input.
    pub global: u32,
}

/// One copy group's units, for counting: `(source, unit keys)` per member.
pub struct GroupLines<'a> {
    /// `(source, counted unit keys of that article)` for each member.
    pub members: Vec<(Option<&'a str>, Vec<u64>)>,
}

/// The set of furniture units.
#[derive(Clone, Debug, Default)]
pub struct Furniture {
    keys: FastSet<u64>,
}

/// Counts unit repetition over copy groups, a chunk of groups at a time,
/// in bounded memory: a unit seen once only sets bits of a Bloom filter
/// (see [`super::frequency`]); units seen again are counted.
pub struct Detector {
    global: RepeatCounter,
    per_source: RepeatCounter,
    thresholds: Thresholds,
}

impl Detector {
    /// A detector for about `groups` copy groups.
    pub fn new(groups: usize, thresholds: Thresholds) -> Detector {
        Detector {
            global: RepeatCounter::new(groups),
            per_source: RepeatCounter::new(groups),
            thresholds,
        }
    }

    /// Counts the units of some copy groups (call in input order).
    pub fn add(&mut self, groups: &[GroupLines<'_>]) {
        let mut seen: FastSet<u64> = FastSet::default();
        let mut seen_src: FastSet<(u64, u64)> = FastSet::default();
        for group in groups {
            seen.clear();
            seen_src.clear();
            for (source, keys) in &group.members {
                let src = source.map(|s| xxh3_64(s.as_bytes()));
                for &k in keys {
                    if seen.insert(k) {
                        self.global.add(k, k);
                    }
                    if let Some(src) = src
                        && seen_src.insert((src, k))
                    {
                        let both = (src.rotate_left(17) ^ k).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                        self.per_source.add(both, k);
                    }
                }
            }
        }
    }

    /// The units that pass either threshold.
    pub fn finish(self) -> Furniture {
        let mut keys = FastSet::default();
        keys.extend(self.global.at_least(self.thresholds.global));
        keys.extend(self.per_source.at_least(self.thresholds.per_source));
        Furniture { keys }
    }
}

/// Counts of keys seen twice or more, with a payload per key.
struct RepeatCounter {
    bits: Vec<u64>,
    len: u64,
    repeats: FastMap<u64, (u32, u64)>,
}

impl RepeatCounter {
    fn new(groups: usize) -> RepeatCounter {
        let bits = groups
            .saturating_mul(4096)
            .clamp(1 << 25, 1 << 36)
            .next_multiple_of(64);
        RepeatCounter {
            bits: vec![0; bits / 64],
            len: bits as u64,
            repeats: FastMap::default(),
        }
    }

    fn add(&mut self, key: u64, payload: u64) {
        if let Some(c) = self.repeats.get_mut(&key) {
            c.0 += 1;
            return;
        }
        let mut all = true;
        let mut h = key;
        for _ in 0..3 {
            h = (h ^ (h >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            // Multiply-shift maps the hash onto 0..len without a power of
            // two.
            let bit = ((u128::from(h) * u128::from(self.len)) >> 64) as u64;
            let (word, b) = ((bit / 64) as usize, bit % 64);
            all &= self.bits[word] >> b & 1 == 1;
            self.bits[word] |= 1 << b;
        }
        if all {
            self.repeats.insert(key, (2, payload));
        }
    }

    fn at_least(&self, min: u32) -> impl Iterator<Item = u64> + '_ {
        self.repeats
            .values()
            .filter(move |&&(n, _)| n >= min.max(1))
            .map(|&(_, payload)| payload)
    }
}

impl Furniture {
    /// Counts unit repetition over copy groups and keeps the units that
    /// pass either threshold (see [`Detector`], which does it a chunk at a
    /// time).
    pub fn detect(groups: &[GroupLines<'_>], thresholds: Thresholds) -> Furniture {
        let mut detector = Detector::new(groups.len(), thresholds);
        detector.add(groups);
        detector.finish()
    }

    /// The parts of `line` left after removing words covered by furniture
    /// units, as slices of the original line (punctuation and case kept).
    pub fn clean<'a>(&self, line: &'a str) -> Vec<&'a str> {
        if self.keys.is_empty() {
            return vec![line];
        }
        let (w, units) = units(line);
        let mut drop = vec![false; w.len()];
        let mut any = false;
        for u in &units {
            if self.keys.contains(&u.key) {
                drop[u.first..u.end].iter_mut().for_each(|d| *d = true);
                any = true;
            }
        }
        if !any {
            return vec![line];
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            if drop[i] {
                i += 1;
                continue;
            }
            let start = if i == 0 { 0 } else { w[i].0 };
            let mut j = i;
            while j + 1 < w.len() && !drop[j + 1] {
                j += 1;
            }
            let end = if j + 1 == w.len() { line.len() } else { w[j].1 };
            out.push(&line[start..end]);
            i = j + 1;
        }
        out
    }

    /// True when every word of the line is furniture (and it has words).
    pub fn covers(&self, line: &str) -> bool {
        !words(line).is_empty() && self.clean(line).is_empty()
    }

    /// Number of distinct furniture units.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no furniture was found.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(line: &str) -> Vec<u64> {
        units(line).1.into_iter().map(|u| u.key).collect()
    }

    #[test]
    fn units_fold_case_digits_and_punctuation() {
        assert_eq!(
            keys("© 2016 Cox Media Group."),
            keys("© 2015  cox media group")
        );
        assert_ne!(keys("Subscribe now"), keys("Subscribe later"));
        assert!(keys("  -- ").is_empty());
        // Long lines give the line and one shingle per position.
        assert_eq!(keys("one two three four five six seven").len(), 3);
    }

    #[test]
    fn title_site_suffix_is_a_segment() {
        let segs: Vec<&str> = title_segments("Man shot on Main St - WNCT").collect();
        assert_eq!(segs, ["Man shot on Main St", "WNCT"]);
    }

    fn group<'a>(members: &[(Option<&'a str>, &[&str])]) -> GroupLines<'a> {
        GroupLines {
            members: members
                .iter()
                .map(|(s, lines)| (*s, lines.iter().flat_map(|l| line_keys(l)).collect()))
                .collect(),
        }
    }

    #[test]
    fn repeated_per_source_and_global_lines_are_furniture() {
        let t = Thresholds {
            per_source: 3,
            global: 4,
        };
        let groups = vec![
            group(&[(Some("a.com"), &["Subscribe now", "Fire on Elm St"])]),
            group(&[(Some("a.com"), &["Subscribe now", "Flood in Dover"])]),
            group(&[(Some("a.com"), &["Subscribe now", "Share this"])]),
            group(&[(Some("b.com"), &["Share this", "Fire on Elm St"])]),
            group(&[(Some("c.com"), &["Share this"])]),
            group(&[(Some("d.com"), &["Share this"])]),
        ];
        let f = Furniture::detect(&groups, t);
        assert!(f.covers("Subscribe now"));
        assert!(f.covers("share this!"));
        assert!(!f.covers("Fire on Elm St"));
        assert!(!f.covers("Flood in Dover"));
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn a_copy_group_counts_once() {
        let t = Thresholds {
            per_source: 2,
            global: 2,
        };
        // One wire story reprinted three times is one copy group.
        let groups = vec![group(&[
            (Some("a.com"), &["Wire paragraph"]),
            (Some("b.com"), &["Wire paragraph"]),
            (Some("a.com"), &["Wire paragraph"]),
        ])];
        assert!(Furniture::detect(&groups, t).is_empty());
    }

    /// Sign-up text embedded in a longer line, repeated across sources with
    /// the site name changed, is cut out; the story words around it stay.
    #[test]
    fn embedded_furniture_is_cut_out_of_a_line() {
        let banner = "get the latest headlines and breaking news alerts delivered to your inbox every morning when you register for a free account today";
        let pages: Vec<String> = ["a.com", "b.com", "c.com", "d.com"]
            .iter()
            .map(|site| format!("Sign up at {site} and {banner} for free"))
            .collect();
        let groups: Vec<GroupLines<'_>> = pages
            .iter()
            .enumerate()
            .map(|(i, p)| GroupLines {
                members: vec![(Some(["a", "b", "c", "d"][i]), line_keys(p).collect())],
            })
            .collect();
        let f = Furniture::detect(
            &groups,
            Thresholds {
                per_source: 99,
                global: 4,
            },
        );
        let line = format!("Two men were shot on Elm Street. {banner}. Police said.");
        let kept = f.clean(&line);
        assert_eq!(
            kept.first().copied(),
            Some("Two men were shot on Elm Street")
        );
        assert!(kept.iter().all(|k| !k.contains("inbox")));
        assert!(kept.concat().contains("Police said."));
    }
}
