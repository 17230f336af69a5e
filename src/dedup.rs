//! The copy-detection job: ingest → shingle → sketch → candidates → exact
//! verification → copy groups, over inputs of any size.
//!
//! Memory stays bounded by the number of articles, not their text: the first
//! pass streams the input in batches, keeps per article only its metadata
//! and signature (4 bytes × permutations) and drops the text. Exact
//! verification needs the shingle sets of the articles in candidate pairs:
//! while the shingles seen so far fit in [`DedupConfig::shingle_cache_bytes`]
//! they are kept from the first pass; past that the cache is dropped and a
//! second pass re-reads just the records that are in some candidate pair
//! (other JSON Lines records are skipped without parsing).

use std::time::Instant;

use rayon::prelude::*;

use crate::article::Article;
use crate::candidates::{self, Bands};
use crate::copies::{self, Copies, Measure, RankKey, VerifiedPair};
use crate::error::{Error, Result};
use crate::ingest::{Inputs, RecordLocation};
use crate::shingle::{self, Overlap, Scratch, Shingling};
use crate::sketch::{Kernel, Sketcher};

/// Settings of the copy-detection job.
#[derive(Clone, Debug)]
pub struct DedupConfig {
    /// What a shingle is. The default is word 5-grams.
    pub shingling: Shingling,
    /// MinHash permutations, a positive multiple of 32. The default is 128.
    pub permutations: usize,
    /// Seed of the permutations. The default is 1.
    pub seed: u64,
    /// The exact measure that decides copies. The default is containment.
    pub measure: Measure,
    /// The least value of `measure` for two articles to be copies. The
    /// default is 0.8.
    pub threshold: f64,
    /// Which MinHash kernel to use. The default is ours ([`Kernel::Simd`]).
    pub kernel: Kernel,
    /// Bytes of input read per batch. The default is 8 MiB.
    pub batch_bytes: usize,
    /// Most memory the first pass may spend keeping shingles (4 bytes each)
    /// to spare a second reading of the input. The default is 1 GiB.
    pub shingle_cache_bytes: usize,
}

impl Default for DedupConfig {
    fn default() -> DedupConfig {
        DedupConfig {
            shingling: Shingling::default(),
            permutations: 128,
            seed: 1,
            measure: Measure::Containment,
            threshold: 0.8,
            kernel: Kernel::Simd,
            batch_bytes: 8 << 20,
            shingle_cache_bytes: 1 << 30,
        }
    }
}

/// With the containment measure, the shortest reprint (as a share of the
/// original's shingles) that banding is tuned to find: a story trimmed to
/// 40 % of its length is still found.
pub const MIN_LENGTH_RATIO: f64 = 0.4;

impl DedupConfig {
    /// The Jaccard similarity banding must find. For Jaccard that is the
    /// threshold; for containment `t` it is the Jaccard of a reprint that is
    /// [`MIN_LENGTH_RATIO`] of its original's length with containment `t`:
    /// `t·ρ / (1 + ρ − t·ρ)`.
    pub fn jaccard_floor(&self) -> f64 {
        match self.measure {
            Measure::Jaccard => self.threshold,
            Measure::Containment => {
                let (t, rho) = (self.threshold, MIN_LENGTH_RATIO);
                t * rho / (1.0 + rho - t * rho)
            }
        }
    }

    /// The banding used for this configuration.
    pub fn bands(&self) -> Bands {
        Bands::for_threshold(self.jaccard_floor(), self.permutations)
    }
}

/// What the copy job keeps about each article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleMeta {
    /// The article id.
    pub id: String,
    /// Its outlet.
    pub source: Option<String>,
    /// Its publication date as written.
    pub published: Option<String>,
    /// Length of the text in bytes.
    pub length: usize,
    /// Number of shingles, repeats included (0 for an empty text).
    pub shingles: u32,
    /// Where its record is.
    pub location: RecordLocation,
}

/// Progress reports for a caller that shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Progress {
    /// Articles sketched so far in the first pass.
    Sketched(u64),
    /// Articles re-read so far for verification, out of a total.
    Reread(u64, u64),
    /// Candidate pairs verified, out of a total.
    Verified(u64, u64),
}

/// The result of the copy job.
#[derive(Debug, Default)]
pub struct Dedup {
    /// Every article read, in input order.
    pub articles: Vec<ArticleMeta>,
    /// Copy groups (singletons included) and each article's group.
    pub copies: Copies,
    /// Each article's exact overlap with its group's representative.
    pub to_representative: Vec<Overlap>,
    /// Malformed records that were skipped.
    pub skipped: Vec<Error>,
    /// Warnings that lost nothing.
    pub warnings: Vec<Error>,
    /// Articles with no words in their text (empty, blank or only punctuation).
    pub empty_texts: usize,
    /// The banding used.
    pub bands: Option<Bands>,
    /// Number of candidate pairs from banding.
    pub candidate_pairs: usize,
    /// Number of candidate pairs that passed verification.
    pub verified_pairs: usize,
    /// Wall-clock seconds the job took.
    pub seconds: f64,
}

/// Runs the copy job over `inputs`.
///
/// Errors: unreadable input, duplicate ids, a malformed record in strict
/// mode, or no articles at all.
pub fn dedup(
    inputs: &Inputs,
    config: &DedupConfig,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Dedup> {
    let started = Instant::now();
    let sketcher = Sketcher::new(config.seed, config.permutations, config.kernel);
    let mut result = Dedup::default();
    let mut signatures: Vec<u32> = Vec::new();
    let mut cache: Option<Vec<Vec<u32>>> = Some(Vec::new());
    let mut cached_bytes = 0usize;

    // Pass 1: metadata, signatures, and shingles while they fit the cache.
    // The next batch is read and parsed while this one is sketched.
    let mut reader = inputs.reader();
    let mut next = reader.next_batch(config.batch_bytes)?;
    while let Some(batch) = next {
        let (following, ()) = rayon::join(
            || reader.next_batch(config.batch_bytes),
            || {
                let sketch = SketchState {
                    sketcher: &sketcher,
                    config,
                    signatures: &mut signatures,
                    cache: &mut cache,
                    cached_bytes: &mut cached_bytes,
                };
                sketch_batch(batch, sketch, &mut result);
                progress(Progress::Sketched(result.articles.len() as u64));
            },
        );
        next = following?;
    }
    if result.articles.is_empty() && result.skipped.is_empty() {
        return Err(Error::NoArticles);
    }

    // Banding, then shingle sets of the articles in candidate pairs: from
    // the cache, or from a second reading.
    let pairs = band(&mut result, signatures, config);
    let needed = in_pairs(result.articles.len(), &pairs);
    let sets = match cache {
        Some(cached) => sets_from(cached, &needed),
        None => reread_sets(inputs, config, &result.articles, &needed, progress)?,
    };
    verify_and_group(&mut result, &pairs, &sets, config);
    progress(Progress::Verified(pairs.len() as u64, pairs.len() as u64));
    result.seconds = started.elapsed().as_secs_f64();
    Ok(result)
}

/// Finds copies among articles already in memory (for commands that run
/// the whole pipeline). Same stages and results as [`dedup`], in one pass.
pub fn dedup_articles(articles: &[Article], config: &DedupConfig) -> Dedup {
    let started = Instant::now();
    let sketcher = Sketcher::new(config.seed, config.permutations, config.kernel);
    let mut signatures = vec![0u32; articles.len() * config.permutations];
    let fingerprints: Vec<Vec<u32>> = articles
        .par_iter()
        .zip(signatures.par_chunks_mut(config.permutations))
        .map_init(
            || (Scratch::default(), Vec::new()),
            |(scratch, hashes), (article, signature)| {
                hashes.clear();
                config.shingling.hashes_into(&article.text, scratch, hashes);
                let mut fingerprints = Vec::new();
                sketcher.sketch_into(hashes, &mut fingerprints, signature);
                fingerprints
            },
        )
        .collect();
    let mut result = Dedup {
        articles: articles
            .iter()
            .zip(&fingerprints)
            .enumerate()
            .map(|(i, (a, h))| ArticleMeta {
                id: a.id.clone(),
                source: a.source.clone(),
                published: a.published.clone(),
                length: a.text.len(),
                shingles: u32::try_from(h.len()).unwrap_or(u32::MAX),
                location: RecordLocation {
                    file: 0,
                    line: i as u64,
                },
            })
            .collect(),
        ..Dedup::default()
    };
    result.empty_texts = fingerprints.iter().filter(|h| h.is_empty()).count();
    let pairs = band(&mut result, signatures, config);
    let needed = in_pairs(articles.len(), &pairs);
    let sets = sets_from(fingerprints, &needed);
    verify_and_group(&mut result, &pairs, &sets, config);
    result.seconds = started.elapsed().as_secs_f64();
    result
}

/// LSH candidate pairs from the signatures (consumed: they are not needed
/// after banding).
fn band(result: &mut Dedup, signatures: Vec<u32>, config: &DedupConfig) -> Vec<(u32, u32)> {
    let bands = config.bands();
    let no_shingles: Vec<bool> = result.articles.iter().map(|a| a.shingles == 0).collect();
    let pairs = candidates::pairs(&signatures, config.permutations, bands, &no_shingles);
    result.bands = Some(bands);
    result.candidate_pairs = pairs.len();
    pairs
}

/// Which articles take part in some pair.
fn in_pairs(count: usize, pairs: &[(u32, u32)]) -> Vec<bool> {
    let mut needed = vec![false; count];
    for &(a, b) in pairs {
        needed[a as usize] = true;
        needed[b as usize] = true;
    }
    needed
}

/// Sorted, repeat-free shingle sets of the needed articles from their raw
/// shingle hashes.
fn sets_from(hashes: Vec<Vec<u32>>, needed: &[bool]) -> Vec<Option<Vec<u32>>> {
    hashes
        .into_par_iter()
        .zip(needed.par_iter())
        .map(|(mut hashes, &needed)| {
            needed.then(|| {
                shingle::sort_unique(&mut hashes);
                hashes.shrink_to_fit();
                hashes
            })
        })
        .collect()
}

/// Verifies every candidate pair exactly, groups the verified pairs and
/// measures each article against its representative.
fn verify_and_group(
    result: &mut Dedup,
    pairs: &[(u32, u32)],
    sets: &[Option<Vec<u32>>],
    config: &DedupConfig,
) {
    let verified: Vec<VerifiedPair> =
        pairs
            .par_iter()
            .filter_map(|&(a, b)| {
                let (sa, sb) = (sets[a as usize].as_deref()?, sets[b as usize].as_deref()?);
                copies::verify(sa, sb, config.measure, config.threshold)
                    .map(|overlap| VerifiedPair { a, b, overlap })
            })
            .collect();
    result.verified_pairs = verified.len();
    let published: Vec<Option<String>> = result
        .articles
        .iter()
        .map(|a| sortable_date(a.published.as_deref()))
        .collect();
    let articles = &result.articles;
    result.copies = copies::group(articles.len(), &verified, |i| RankKey {
        published: published[i as usize].as_deref(),
        length: articles[i as usize].length,
        id: &articles[i as usize].id,
    });
    let copies = &result.copies;
    result.to_representative = (0..articles.len())
        .into_par_iter()
        .map(|i| {
            let rep = copies.groups[copies.group_of[i] as usize].representative as usize;
            match (&sets[i], &sets[rep]) {
                _ if rep == i => Overlap {
                    shared: sets[i].as_ref().map_or(0, Vec::len),
                    jaccard: 1.0,
                    containment: 1.0,
                },
                (Some(a), Some(b)) => shingle::overlap(a, b),
                _ => unreachable!(
                    "members of a group with two or more articles are all in candidate pairs"
                ),
            }
        })
        .collect();
}

/// What sketching a batch adds to.
struct SketchState<'a> {
    sketcher: &'a Sketcher,
    config: &'a DedupConfig,
    signatures: &'a mut Vec<u32>,
    cache: &'a mut Option<Vec<Vec<u32>>>,
    cached_bytes: &'a mut usize,
}

/// Sketches one batch in parallel and appends its articles' metadata,
/// signatures and (while the cache has room) shingles.
fn sketch_batch(batch: crate::ingest::Batch, state: SketchState<'_>, result: &mut Dedup) {
    let SketchState {
        sketcher,
        config,
        signatures,
        cache,
        cached_bytes,
    } = state;
    let perms = config.permutations;
    result.skipped.extend(batch.skipped);
    result.warnings.extend(batch.warnings);
    let start = signatures.len();
    signatures.resize(start + batch.articles.len() * perms, 0);
    let keep = cache.is_some();
    let sketched: Vec<(u32, Vec<u32>)> = batch
        .articles
        .par_iter()
        .zip(signatures[start..].par_chunks_mut(perms))
        .map_init(
            || (Scratch::default(), Vec::new(), Vec::new()),
            |(scratch, hashes, fingerprints), (article, signature)| {
                hashes.clear();
                config.shingling.hashes_into(&article.text, scratch, hashes);
                sketcher.sketch_into(hashes, fingerprints, signature);
                let count = u32::try_from(hashes.len()).unwrap_or(u32::MAX);
                let kept = if keep {
                    fingerprints.clone()
                } else {
                    Vec::new()
                };
                (count, kept)
            },
        )
        .collect();
    let mut counts = Vec::with_capacity(sketched.len());
    for (count, hashes) in sketched {
        counts.push(count);
        if let Some(kept) = cache.as_mut() {
            *cached_bytes += hashes.len() * 4;
            kept.push(hashes);
        }
    }
    if *cached_bytes > config.shingle_cache_bytes {
        *cache = None;
    }
    for ((article, location), shingles) in
        batch.articles.into_iter().zip(batch.locations).zip(counts)
    {
        result.empty_texts += usize::from(shingles == 0);
        result.articles.push(ArticleMeta {
            id: article.id,
            source: article.source,
            published: article.published,
            length: article.text.len(),
            shingles,
            location,
        });
    }
}

fn reread_sets(
    inputs: &Inputs,
    config: &DedupConfig,
    articles: &[ArticleMeta],
    needed: &[bool],
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Vec<Option<Vec<u32>>>> {
    let mut sets: Vec<Option<Vec<u32>>> = vec![None; articles.len()];
    let wanted: Vec<(RecordLocation, u32)> = articles
        .iter()
        .enumerate()
        .filter(|&(i, _)| needed[i])
        .map(|(i, a)| (a.location, i as u32))
        .collect();
    if wanted.is_empty() {
        return Ok(sets);
    }
    let total = wanted.len() as u64;
    let mut by_location = wanted.clone();
    by_location.sort_unstable();
    let mut reader = inputs.reader_only(wanted.iter().map(|w| w.0).collect());
    let mut done = 0;
    while let Some(batch) = reader.next_batch(config.batch_bytes)? {
        let computed: Vec<(RecordLocation, Vec<u32>)> = batch
            .articles
            .par_iter()
            .zip(batch.locations.par_iter())
            .map_init(Scratch::default, |scratch, (article, &location)| {
                (
                    location,
                    config.shingling.fingerprints(&article.text, scratch),
                )
            })
            .collect();
        for (location, set) in computed {
            if let Ok(k) = by_location.binary_search_by_key(&location, |w| w.0) {
                sets[by_location[k].1 as usize] = Some(set);
                done += 1;
            }
        }
        progress(Progress::Reread(done, total));
    }
    Ok(sets)
}

/// A publication date as a string that sorts in time order, or `None` when
/// it is not ISO 8601 (`YYYY-MM-DD`, optionally followed by a time).
pub fn sortable_date(published: Option<&str>) -> Option<String> {
    let p = published?.trim();
    let b = p.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    iso.then(|| p.replace(' ', "T"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_floor_is_the_jaccard_of_a_shortest_full_reprint() {
        let config = DedupConfig::default();
        let floor = config.jaccard_floor();
        // A 40 % reprint with 80 % of its shingles in the original.
        assert!((floor - 0.32 / 1.08).abs() < 1e-9, "{floor}");
        let jaccard = DedupConfig {
            measure: Measure::Jaccard,
            threshold: 0.7,
            ..DedupConfig::default()
        };
        assert_eq!(jaccard.jaccard_floor(), 0.7);
    }

    #[test]
    fn in_memory_and_streaming_runs_agree() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/copies/articles.jsonl");
        let inputs = Inputs::resolve(&[path], crate::ingest::IngestConfig::default()).unwrap();
        let streamed = dedup(&inputs, &DedupConfig::default(), &|_| {}).unwrap();
        let articles = crate::ingest::read(&inputs).unwrap().articles;
        let in_memory = dedup_articles(&articles, &DedupConfig::default());
        assert_eq!(in_memory.copies, streamed.copies);
        assert_eq!(in_memory.to_representative, streamed.to_representative);
        assert_eq!(in_memory.copies.groups[0].members, vec![0, 1, 2, 3]);
    }

    #[test]
    fn sortable_dates() {
        assert_eq!(sortable_date(Some("2020-01-04")), Some("2020-01-04".into()));
        assert_eq!(
            sortable_date(Some("2020-01-04 10:00")),
            Some("2020-01-04T10:00".into())
        );
        assert_eq!(sortable_date(Some("January 4, 2020")), None);
        assert_eq!(sortable_date(None), None);
    }
}
