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
use crate::copies::furniture::{self, LineTable};
use crate::copies::{self, Copies, Measure, OriginKey, VerifiedPair};
use crate::error::{Error, Result};
use crate::ingest::{Inputs, RecordLocation};
use crate::shingle::{self, Line, Overlap, Scratch, Shingling};
use crate::sketch::{Kernel, LANES, Sketcher};

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
    /// default is 0.5 ([`copies::DEFAULT_THRESHOLD`]): half of the shorter
    /// text.
    pub threshold: f64,
    /// The least containment of a duplicate; lesser copies are reuse. The
    /// default is 0.8 ([`copies::DUPLICATE_CONTAINMENT`]).
    pub duplicate: f64,
    /// Whether site furniture is removed before texts are compared (word
    /// shingles only; see [`copies::furniture`]). The default is yes.
    pub furniture: bool,
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
            threshold: copies::DEFAULT_THRESHOLD,
            duplicate: copies::DUPLICATE_CONTAINMENT,
            furniture: true,
            kernel: Kernel::Simd,
            batch_bytes: 8 << 20,
            shingle_cache_bytes: 1 << 30,
        }
    }
}

/// With the containment measure, the shortest copy (as a share of the
/// other text's shingles) that banding is tuned to find: a reprint of 40 %
/// of a story is still found.
pub const MIN_LENGTH_RATIO: f64 = 0.4;

impl DedupConfig {
    /// The Jaccard similarity banding must find. For Jaccard that is the
    /// threshold; for containment `t` it is the Jaccard of a copy that is
    /// [`MIN_LENGTH_RATIO`] of the other text's length with containment `t`:
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

    /// Checks the settings a user chooses: the threshold within `0..=1`,
    /// the permutations a multiple of [`LANES`] up to 4096 (128 for the
    /// minhash-rs kernel). Errors name the command-line option.
    pub fn check(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.threshold) || self.threshold.is_nan() {
            return Err(Error::Threshold(self.threshold));
        }
        if !(0.0..=1.0).contains(&self.duplicate) || self.duplicate.is_nan() {
            return Err(Error::DuplicateThreshold(self.duplicate));
        }
        if self.permutations == 0
            || !self.permutations.is_multiple_of(LANES)
            || self.permutations > 4096
        {
            return Err(Error::Permutations {
                got: self.permutations,
                lanes: LANES,
            });
        }
        if self.kernel == Kernel::MinhashRs && self.permutations != 128 {
            return Err(Error::KernelPermutations);
        }
        Ok(())
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
    /// Its publication date in UTC (`2023-03-14T08:40:00Z`, or a date),
    /// read from `published` or inferred from the text; sorts in time order.
    pub published_utc: Option<String>,
    /// Length of the text in bytes.
    pub length: usize,
    /// Number of shingles, repeats included (0 for an empty text).
    pub shingles: u32,
    /// Whether the text carries an agency credit
    /// ([`copies::agency_credit`]).
    pub credit: bool,
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
    /// Each article's exact overlap with its group's origin (after
    /// furniture is removed).
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
    /// Number of candidate pairs that passed verification (copy pairs).
    pub verified_pairs: usize,
    /// Every copy pair, inside a group or across two, sorted.
    pub pairs: Vec<VerifiedPair>,
    /// Distinct furniture lines found (one per outlet and line).
    pub furniture_lines: usize,
    /// Articles in candidate pairs that had furniture removed.
    pub cleaned_articles: usize,
    /// Wall-clock seconds the job took.
    pub seconds: f64,
}

/// Shingle fingerprints of one article: a sorted set, or in text order.
type Set = Vec<u32>;

/// What the first pass keeps besides the articles' metadata.
struct FirstPass {
    /// Signatures, row-major.
    signatures: Vec<u32>,
    /// Every article's lines.
    lines: LineTable,
    /// Every article's furniture scope.
    scopes: Vec<Option<u64>>,
    /// Every article's shingle fingerprints in text order, while they fit.
    cache: Option<Vec<Vec<u32>>>,
    cached_bytes: usize,
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
    let mut pass = FirstPass {
        signatures: Vec::new(),
        lines: LineTable::new(),
        scopes: Vec::new(),
        cache: Some(Vec::new()),
        cached_bytes: 0,
    };

    // Pass 1: metadata, signatures, lines, and shingles while they fit the
    // cache. The next batch is read and parsed while this one is sketched.
    let mut reader = inputs.reader();
    let mut next = reader.next_batch(config.batch_bytes)?;
    while let Some(batch) = next {
        let (following, ()) = rayon::join(
            || reader.next_batch(config.batch_bytes),
            || {
                sketch_batch(batch, &sketcher, config, &mut pass, &mut result);
                progress(Progress::Sketched(result.articles.len() as u64));
            },
        );
        next = following?;
    }
    if result.articles.is_empty() && result.skipped.is_empty() {
        return Err(Error::NoArticles);
    }
    let cache = pass.cache.take();
    finish(
        &mut result,
        pass,
        config,
        progress,
        |articles, needed| match cache {
            Some(cached) => Ok(keep_needed(cached, needed)),
            None => reread_sequences(inputs, config, articles, needed, progress),
        },
    )?;
    result.seconds = started.elapsed().as_secs_f64();
    Ok(result)
}

/// Finds copies among articles already in memory (for commands that run
/// the whole pipeline). Same stages and results as [`dedup`], in one pass.
pub fn dedup_articles(articles: &[Article], config: &DedupConfig) -> Dedup {
    let started = Instant::now();
    let sketcher = Sketcher::new(config.seed, config.permutations, config.kernel);
    let mut signatures = vec![0u32; articles.len() * config.permutations];
    let sketched: Vec<(Vec<u32>, Vec<Line>)> = articles
        .par_iter()
        .zip(signatures.par_chunks_mut(config.permutations))
        .map_init(
            || (Scratch::default(), Vec::new()),
            |(scratch, hashes), (article, signature)| {
                hashes.clear();
                let mut lines = Vec::new();
                config
                    .shingling
                    .hashes_and_lines_into(&article.text, scratch, hashes, &mut lines);
                let mut fingerprints = Vec::new();
                sketcher.sketch_into(hashes, &mut fingerprints, signature);
                (fingerprints, lines)
            },
        )
        .collect();
    let mut result = Dedup {
        articles: articles
            .iter()
            .zip(&sketched)
            .enumerate()
            .map(|(i, (a, (h, _)))| ArticleMeta {
                id: a.id.clone(),
                source: a.source.clone(),
                published: a.published.clone(),
                published_utc: a.published_date().map(|d| d.utc_string()),
                length: a.text.len(),
                shingles: u32::try_from(h.len()).unwrap_or(u32::MAX),
                credit: copies::agency_credit(&a.text),
                location: RecordLocation {
                    file: 0,
                    line: i as u64,
                },
            })
            .collect(),
        ..Dedup::default()
    };
    result.empty_texts = sketched.iter().filter(|(h, _)| h.is_empty()).count();
    let mut lines = LineTable::new();
    let mut sequences = Vec::with_capacity(sketched.len());
    for (sequence, article_lines) in sketched {
        lines.push(&article_lines);
        sequences.push(sequence);
    }
    let pass = FirstPass {
        signatures,
        lines,
        scopes: articles
            .iter()
            .map(|a| furniture::scope(a.source.as_deref(), a.url.as_deref()))
            .collect(),
        cache: None,
        cached_bytes: 0,
    };
    finish(&mut result, pass, config, &|_| {}, |_, needed| {
        Ok(keep_needed(sequences, needed))
    })
    .expect("sequences in memory cannot fail to load");
    result.seconds = started.elapsed().as_secs_f64();
    result
}

/// Everything after the first pass: banding, furniture, exact
/// verification, groups. `sequences(articles, needed)` gives the shingle
/// fingerprints in text order of the needed articles.
fn finish(
    result: &mut Dedup,
    pass: FirstPass,
    config: &DedupConfig,
    progress: &(dyn Fn(Progress) + Sync),
    sequences: impl FnOnce(&[ArticleMeta], &[bool]) -> Result<Vec<Option<Vec<u32>>>>,
) -> Result<()> {
    let FirstPass {
        signatures,
        lines,
        scopes,
        ..
    } = pass;
    let count = result.articles.len();
    let furniture_on = config.furniture && config.shingling.words().is_some();
    let candidate_lines = if furniture_on {
        furniture::candidates(&scopes, &lines)
    } else {
        vec![false; lines.lines()]
    };
    let may_clean: Vec<bool> = (0..count)
        .map(|i| candidate_lines[lines.range(i)].contains(&true))
        .collect();

    let pairs = band(result, signatures, config);
    let needed = in_pairs(count, &pairs);
    let sequences = sequences(&result.articles, &needed)?;
    // Raw sets; the text-order sequence is kept only where furniture may
    // have to be cut out.
    let (mut sets, sequences): (Vec<Option<Set>>, Vec<Option<Set>>) = sequences
        .into_par_iter()
        .zip(may_clean.par_iter())
        .map(|(sequence, &may)| match sequence {
            None => (None, None),
            Some(sequence) if may => {
                let mut set = sequence.clone();
                shingle::sort_unique(&mut set);
                (Some(set), Some(sequence))
            }
            Some(mut set) => {
                shingle::sort_unique(&mut set);
                set.shrink_to_fit();
                (Some(set), None)
            }
        })
        .unzip();
    let overlap_of = |sets: &[Option<Vec<u32>>], a: u32, b: u32| -> Option<Overlap> {
        Some(shingle::overlap(
            sets[a as usize].as_deref()?,
            sets[b as usize].as_deref()?,
        ))
    };
    let raw: Vec<Option<Overlap>> = pairs
        .par_iter()
        .map(|&(a, b)| overlap_of(&sets, a, b))
        .collect();

    // Furniture: lines in enough different texts of one outlet.
    let mut changed = vec![false; count];
    if furniture_on && sequences.iter().any(Option::is_some) {
        let text_of = same_texts(count, &pairs, &raw);
        let (flags, found) = furniture::confirm(&scopes, &lines, &candidate_lines, &text_of);
        result.furniture_lines = found;
        let k = config
            .shingling
            .words()
            .expect("furniture needs word shingles");
        let cleaned: Vec<Option<Vec<u32>>> = sequences
            .par_iter()
            .enumerate()
            .map(|(i, sequence)| {
                let sequence = sequence.as_deref()?;
                let range = lines.range(i);
                flags[range.clone()]
                    .contains(&true)
                    .then(|| furniture::clean(sequence, k, lines.ends(i), &flags[range]))
            })
            .collect();
        for (i, clean) in cleaned.into_iter().enumerate() {
            if let Some(clean) = clean {
                sets[i] = Some(clean);
                changed[i] = true;
            }
        }
        result.cleaned_articles = changed.iter().filter(|&&c| c).count();
    }
    drop(sequences);

    // Copy pairs on the cleaned sets.
    let verified: Vec<VerifiedPair> = pairs
        .par_iter()
        .zip(raw.par_iter())
        .filter_map(|(&(a, b), raw)| {
            let overlap = if changed[a as usize] || changed[b as usize] {
                overlap_of(&sets, a, b)?
            } else {
                (*raw)?
            };
            copies::passes(&overlap, config.measure, config.threshold).then_some(VerifiedPair {
                a,
                b,
                overlap,
            })
        })
        .collect();
    progress(Progress::Verified(pairs.len() as u64, pairs.len() as u64));
    result.verified_pairs = verified.len();
    // Read or inferred (`published_utc`), so an article dated only by its
    // dateline still ranks by it.
    let published: Vec<Option<(i64, i64)>> = result
        .articles
        .par_iter()
        .map(|a| crate::compare::published_minutes(a.published_utc.as_deref()))
        .collect();
    let articles = &result.articles;
    let set_sizes: Vec<usize> = (0..count)
        .map(|i| {
            sets[i]
                .as_ref()
                .map_or(articles[i].shingles as usize, Vec::len)
        })
        .collect();
    let made_from = match config.measure {
        Measure::Containment => config.threshold,
        Measure::Jaccard => 0.0,
    };
    result.copies = copies::group(count, &verified, config.duplicate, made_from, |i| {
        OriginKey {
            published: published[i as usize],
            shingles: set_sizes[i as usize],
            credit: articles[i as usize].credit,
            length: articles[i as usize].length,
            id: &articles[i as usize].id,
        }
    });
    result.pairs = verified;
    let copies = &result.copies;
    result.to_representative = (0..count)
        .into_par_iter()
        .map(|i| {
            let group = &copies.groups[copies.group_of[i] as usize];
            let origin = group.representative as usize;
            if origin == i {
                return Overlap {
                    shared: set_sizes[i],
                    jaccard: 1.0,
                    containment: 1.0,
                };
            }
            match group.link(i as u32) {
                Some(link) if link.of as usize == origin => link.overlap,
                _ => overlap_of(&sets, i as u32, origin as u32).expect(
                    "members of a group with two or more articles are all in candidate pairs",
                ),
            }
        })
        .collect();
    Ok(())
}

/// Numbers near-identical texts (raw Jaccard at least
/// [`furniture::SAME_TEXT_JACCARD`], joined transitively) for counting
/// furniture: each article gets the smallest index of its text.
fn same_texts(count: usize, pairs: &[(u32, u32)], raw: &[Option<Overlap>]) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..count as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for (&(a, b), overlap) in pairs.iter().zip(raw) {
        if overlap.is_some_and(|o| o.jaccard >= furniture::SAME_TEXT_JACCARD) {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb) as usize] = ra.min(rb);
            }
        }
    }
    (0..count as u32).map(|i| find(&mut parent, i)).collect()
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

/// The sequences of the needed articles; the others dropped.
fn keep_needed(sequences: Vec<Vec<u32>>, needed: &[bool]) -> Vec<Option<Vec<u32>>> {
    sequences
        .into_iter()
        .zip(needed)
        .map(|(sequence, &needed)| needed.then_some(sequence))
        .collect()
}

/// Sketches one batch in parallel and appends its articles' metadata,
/// signatures, lines and (while the cache has room) shingles.
fn sketch_batch(
    batch: crate::ingest::Batch,
    sketcher: &Sketcher,
    config: &DedupConfig,
    pass: &mut FirstPass,
    result: &mut Dedup,
) {
    let perms = config.permutations;
    result.skipped.extend(batch.skipped);
    result.warnings.extend(batch.warnings);
    let start = pass.signatures.len();
    pass.signatures
        .resize(start + batch.articles.len() * perms, 0);
    let keep = pass.cache.is_some();
    struct Sketched {
        count: u32,
        kept: Vec<u32>,
        lines: Vec<Line>,
        credit: bool,
        scope: Option<u64>,
    }
    let sketched: Vec<Sketched> = batch
        .articles
        .par_iter()
        .zip(pass.signatures[start..].par_chunks_mut(perms))
        .map_init(
            || (Scratch::default(), Vec::new(), Vec::new()),
            |(scratch, hashes, fingerprints), (article, signature)| {
                hashes.clear();
                let mut lines = Vec::new();
                config
                    .shingling
                    .hashes_and_lines_into(&article.text, scratch, hashes, &mut lines);
                sketcher.sketch_into(hashes, fingerprints, signature);
                Sketched {
                    count: u32::try_from(hashes.len()).unwrap_or(u32::MAX),
                    kept: if keep {
                        fingerprints.clone()
                    } else {
                        Vec::new()
                    },
                    lines,
                    credit: copies::agency_credit(&article.text),
                    scope: furniture::scope(article.source.as_deref(), article.url.as_deref()),
                }
            },
        )
        .collect();
    let mut counts = Vec::with_capacity(sketched.len());
    for s in sketched {
        counts.push((s.count, s.credit));
        pass.lines.push(&s.lines);
        pass.scopes.push(s.scope);
        if let Some(kept) = pass.cache.as_mut() {
            pass.cached_bytes += s.kept.len() * 4;
            kept.push(s.kept);
        }
    }
    if pass.cached_bytes > config.shingle_cache_bytes {
        pass.cache = None;
    }
    for ((article, location), (shingles, credit)) in
        batch.articles.into_iter().zip(batch.locations).zip(counts)
    {
        result.empty_texts += usize::from(shingles == 0);
        let published_utc = article.published_date().map(|d| d.utc_string());
        result.articles.push(ArticleMeta {
            id: article.id,
            source: article.source,
            published_utc,
            published: article.published,
            length: article.text.len(),
            shingles,
            credit,
            location,
        });
    }
}

/// Reads the needed articles again and gives their shingle fingerprints in
/// text order.
fn reread_sequences(
    inputs: &Inputs,
    config: &DedupConfig,
    articles: &[ArticleMeta],
    needed: &[bool],
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Vec<Option<Vec<u32>>>> {
    let mut sequences: Vec<Option<Vec<u32>>> = vec![None; articles.len()];
    let wanted: Vec<(RecordLocation, u32)> = articles
        .iter()
        .enumerate()
        .filter(|&(i, _)| needed[i])
        .map(|(i, a)| (a.location, i as u32))
        .collect();
    if wanted.is_empty() {
        return Ok(sequences);
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
            .map_init(
                || (Scratch::default(), Vec::new()),
                |(scratch, hashes), (article, &location)| {
                    hashes.clear();
                    config.shingling.hashes_into(&article.text, scratch, hashes);
                    (location, hashes.iter().map(|&h| shingle::fold(h)).collect())
                },
            )
            .collect();
        for (location, sequence) in computed {
            if let Ok(k) = by_location.binary_search_by_key(&location, |w| w.0) {
                sequences[by_location[k].1 as usize] = Some(sequence);
                done += 1;
            }
        }
        progress(Progress::Reread(done, total));
    }
    Ok(sequences)
}

/// A publication date as a string that sorts in time order (its UTC form,
/// see [`crate::PublishedDate::utc_string`]), or `None` when it is not a
/// date [`crate::published::parse`] reads.
pub fn sortable_date(published: Option<&str>) -> Option<String> {
    crate::published::parse(published?, crate::published::DateOrder::Unknown)
        .ok()
        .flatten()
        .map(|d| d.utc_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_floor_is_the_jaccard_of_a_shortest_full_reprint() {
        let config = DedupConfig::default();
        let floor = config.jaccard_floor();
        // A 40 % reprint with half of its shingles in the original.
        assert!((floor - 0.2 / 1.2).abs() < 1e-9, "{floor}");
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
            Some("2020-01-04T10:00:00Z".into())
        );
        // In UTC, whatever the form.
        assert_eq!(
            sortable_date(Some("2020-01-04T08:30+03:00")),
            Some("2020-01-04T05:30:00Z".into())
        );
        assert_eq!(
            sortable_date(Some("January 4, 2020")),
            Some("2020-01-04".into())
        );
        assert_eq!(sortable_date(Some("next week")), None);
        assert_eq!(sortable_date(None), None);
    }
}
