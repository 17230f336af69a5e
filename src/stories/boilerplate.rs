//! Site furniture detection from the corpus itself: cookie banners,
//! "Subscribe now", navigation, share buttons, paywall and copyright notices
//! are lines a publisher repeats on many of its pages (or that a whole
//! platform repeats across publishers). They must not make unrelated pages
//! look alike, so lines repeated across many copy groups are dropped before
//! features are extracted. No phrase list is involved: only repetition.
//!
//! A line's key is its lowercased letters and digits (digits folded to `0`,
//! so `© 2015` and `© 2016` banners match) with whitespace collapsed. Titles
//! are split at ` - ` and ` | ` so a trailing `- WNCT` site name counts as
//! its own line. Repetition is counted once per copy group, so a wire story
//! reprinted by many outlets is not mistaken for furniture.

use std::collections::{HashMap, HashSet};

use xxhash_rust::xxh3::xxh3_64;

/// The key of one line, or `None` for a line with no letters or digits.
pub fn line_key(line: &str) -> Option<u64> {
    let mut norm = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_alphanumeric() {
            if space && !norm.is_empty() {
                norm.push(' ');
            }
            space = false;
            if c.is_ascii_digit() {
                norm.push('0');
            } else {
                norm.extend(c.to_lowercase());
            }
        } else {
            space = true;
        }
    }
    (!norm.is_empty()).then(|| xxh3_64(norm.as_bytes()))
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

/// Thresholds for calling a line furniture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// A line seen in at least this many copy groups of one source.
    pub per_source: u32,
    /// A line seen in at least this many copy groups of the whole input.
    pub global: u32,
}

/// One copy group's lines, for counting: `(source, line keys)` per member.
pub struct GroupLines<'a> {
    /// `(source, keys of that article's lines)` for each member article.
    pub members: Vec<(Option<&'a str>, Vec<u64>)>,
}

/// The set of furniture line keys.
#[derive(Clone, Debug, Default)]
pub struct Furniture {
    keys: HashSet<u64>,
}

impl Furniture {
    /// Counts line repetition over copy groups and keeps the lines that pass
    /// either threshold.
    pub fn detect(groups: &[GroupLines<'_>], thresholds: Thresholds) -> Furniture {
        let mut global: HashMap<u64, u32> = HashMap::new();
        let mut per_source: HashMap<(u64, u64), u32> = HashMap::new();
        let mut seen: HashSet<u64> = HashSet::new();
        let mut seen_src: HashSet<(u64, u64)> = HashSet::new();
        for group in groups {
            seen.clear();
            seen_src.clear();
            for (source, keys) in &group.members {
                let src = source.map(|s| xxh3_64(s.as_bytes()));
                for &k in keys {
                    if seen.insert(k) {
                        *global.entry(k).or_insert(0) += 1;
                    }
                    if let Some(src) = src
                        && seen_src.insert((src, k))
                    {
                        *per_source.entry((src, k)).or_insert(0) += 1;
                    }
                }
            }
        }
        let mut keys: HashSet<u64> = global
            .into_iter()
            .filter(|&(_, n)| n >= thresholds.global)
            .map(|(k, _)| k)
            .collect();
        keys.extend(
            per_source
                .into_iter()
                .filter(|&(_, n)| n >= thresholds.per_source)
                .map(|((_, k), _)| k),
        );
        Furniture { keys }
    }

    /// True when the line is furniture.
    pub fn contains(&self, line: &str) -> bool {
        line_key(line).is_some_and(|k| self.keys.contains(&k))
    }

    /// Number of distinct furniture lines.
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

    #[test]
    fn line_keys_fold_case_digits_and_punctuation() {
        assert_eq!(
            line_key("© 2016 Cox Media Group."),
            line_key("© 2015  cox media group")
        );
        assert_ne!(line_key("Subscribe now"), line_key("Subscribe later"));
        assert_eq!(line_key("  -- "), None);
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
                .map(|(s, lines)| (*s, lines.iter().filter_map(|l| line_key(l)).collect()))
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
        assert!(f.contains("Subscribe now"));
        assert!(f.contains("share this!"));
        assert!(!f.contains("Fire on Elm St"));
        assert!(!f.contains("Flood in Dover"));
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
}
