//! The copy job cut into stages an engine (Spark, Ray, a job scheduler)
//! runs on many machines, each Arrow batches in, Arrow batches out, with the
//! same results as [`crate::dedup`] on one machine.
//!
//! Every article has a row number `id` (int64): its position in input
//! order, which decides group numbers and candidate pairs exactly as the
//! input order does for `wirediff dedup`. The stages:
//!
//! 1. [`sketch`] (per article, map): `id`, `text` → `id`, `signature`
//!    (binary: the MinHash words, little-endian), `shingles` (int32),
//!    `params` (int64, [`Params::id`]).
//! 2. [`band_keys`] (map): signatures → `band` (int32), `key` (int64),
//!    `id`, one row per band; articles without shingles have none. Only
//!    these rows are shuffled: group them by (`band`, `key`).
//! 3. [`bucket_pairs`] (per bucket): `members` (list of int64 ids, sorted)
//!    → `a`, `b` candidate pairs, by the rule [`candidates::bucket_pairs`]
//!    applies on one machine. Drop repeats across buckets.
//! 4. [`verify`] (per pair, with both texts joined back): `a`, `b`,
//!    `text_a`, `text_b` → `a`, `b`, `jaccard`, `containment` (exact),
//!    `shared` (int64), `verified` (whether the pair is a copy), `size_a`,
//!    `size_b` (int64, distinct shingles of each text), `credit_a`,
//!    `credit_b` (bool, [`copies::agency_credit`]), `params`.
//! 5. [`components`] (one machine: verified pairs only, with metadata of
//!    the articles in them: `id`, `article_id`, `published_utc` (the
//!    article's date as UTC text, as [`crate::Article::published_date`]
//!    gives it), `length`): → `id`, `group` (id of the group's first
//!    article), `origin` (id of its origin, the representative),
//!    `group_size`, `kind` (`origin`, `duplicate` or `reuse`), `copy_of`
//!    (id of the member it copies; null for the origin). Groups, origins
//!    and kinds follow [`copies::group`], as on one machine. Every other
//!    article is its own group.
//!
//! The stages compare texts with site furniture left in: their groups are
//! those of `wirediff dedup --keep-furniture` (furniture is counted over a
//! whole outlet's pages, which no single stage sees). [`Params::new`]
//! records that in its configuration.
//!
//! [`Params`] carries the settings of every stage; batches that carry
//! `params` are checked against it, so a batch sketched with other settings
//! fails loudly instead of giving wrong groups. Column types are those
//! Spark hands to `mapInArrow` (no unsigned integers; strings as `string`
//! or `large_string`).

use std::sync::Arc;

use arrow_array::builder::{
    BinaryBuilder, BooleanBuilder, Float64Builder, Int32Builder, Int64Builder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use rayon::prelude::*;

use crate::candidates::{self, Bands};
use crate::copies::{self, Measure, OriginKey, VerifiedPair};
use crate::dedup::DedupConfig;
use crate::error::{Error, Result};
use crate::shingle::{self, Overlap, Scratch};
use crate::sketch::Sketcher;

/// The settings every stage must share: shingling, permutations, seed and
/// kernel (the signatures), bands × rows (the keys), measure and threshold
/// (verification).
#[derive(Clone, Debug)]
pub struct Params {
    config: DedupConfig,
    bands: Bands,
    sketcher: Sketcher,
}

impl Params {
    /// The parameters of a copy-job configuration, checked as the CLI
    /// checks its options.
    /// Site furniture is not removed by the stages (see the module docs):
    /// the configuration kept says so (`furniture` false).
    pub fn new(config: &DedupConfig) -> Result<Params> {
        config.check()?;
        let config = DedupConfig {
            furniture: false,
            ..config.clone()
        };
        Ok(Params {
            config: config.clone(),
            bands: config.bands(),
            sketcher: Sketcher::new(config.seed, config.permutations, config.kernel),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// The banding.
    pub fn bands(&self) -> Bands {
        self.bands
    }

    /// The parameters in words, e.g. `word:5 permutations=128 seed=1
    /// kernel=simd bands=9x13 containment>=0.5 duplicate>=0.8`.
    pub fn describe(&self) -> String {
        let c = &self.config;
        let shingles = match c.shingling {
            shingle::Shingling::Words(k) => format!("word:{k}"),
            shingle::Shingling::Chars(k) => format!("char:{k}"),
        };
        format!(
            "{shingles} permutations={} seed={} kernel={:?} bands={}x{} {}>={} duplicate>={}",
            c.permutations,
            c.seed,
            c.kernel,
            self.bands.bands,
            self.bands.rows,
            c.measure.name(),
            c.threshold,
            c.duplicate
        )
    }

    /// A 64-bit number for [`Params::describe`], carried in the `params`
    /// column.
    pub fn id(&self) -> i64 {
        xxhash_rust::xxh3::xxh3_64(self.describe().as_bytes()) as i64
    }

    fn check_column(&self, stage: &'static str, batch: &RecordBatch) -> Result<()> {
        let Ok(column) = int64(stage, batch, "params") else {
            return Ok(());
        };
        let id = self.id();
        if let Some(other) = column.iter().flatten().find(|&p| p != id) {
            return Err(Error::MixedParams {
                stage,
                found: other,
                expected: self.describe(),
            });
        }
        Ok(())
    }
}

fn problem(stage: &'static str, problem: String) -> Error {
    Error::Batch { stage, problem }
}

fn column<'a>(stage: &'static str, batch: &'a RecordBatch, name: &str) -> Result<&'a ArrayRef> {
    batch
        .column_by_name(name)
        .ok_or_else(|| problem(stage, format!("no '{name}' column")))
}

fn wrong_type(stage: &'static str, name: &str, column: &ArrayRef, want: &str) -> Error {
    problem(
        stage,
        format!("column '{name}' holds {}, not {want}", column.data_type()),
    )
}

fn int64<'a>(
    stage: &'static str,
    batch: &'a RecordBatch,
    name: &str,
) -> Result<&'a arrow_array::Int64Array> {
    let c = column(stage, batch, name)?;
    c.as_primitive_opt::<Int64Type>()
        .ok_or_else(|| wrong_type(stage, name, c, "int64"))
}

/// A string column of any of Arrow's string types.
enum Strings<'a> {
    Small(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl Strings<'_> {
    fn get(&self, row: usize) -> Option<&str> {
        let (valid, value) = match self {
            Strings::Small(a) => (a.is_valid(row), a.value(row)),
            Strings::Large(a) => (a.is_valid(row), a.value(row)),
            Strings::View(a) => (a.is_valid(row), a.value(row)),
        };
        valid.then_some(value)
    }
}

fn strings<'a>(stage: &'static str, batch: &'a RecordBatch, name: &str) -> Result<Strings<'a>> {
    let c = column(stage, batch, name)?;
    match c.data_type() {
        DataType::Utf8 => Ok(Strings::Small(c.as_string::<i32>())),
        DataType::LargeUtf8 => Ok(Strings::Large(c.as_string::<i64>())),
        DataType::Utf8View => Ok(Strings::View(c.as_string_view())),
        _ => Err(wrong_type(stage, name, c, "string")),
    }
}

fn no_nulls(stage: &'static str, name: &str, column: &dyn Array) -> Result<()> {
    if column.null_count() > 0 {
        return Err(problem(stage, format!("column '{name}' has nulls")));
    }
    Ok(())
}

fn batch(schema: SchemaRef, columns: Vec<ArrayRef>) -> RecordBatch {
    RecordBatch::try_new(schema, columns).expect("columns are built to the schema")
}

/// The schema [`sketch`] returns.
pub fn sketch_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("signature", DataType::Binary, false),
        Field::new("shingles", DataType::Int32, false),
        Field::new("params", DataType::Int64, false),
    ]))
}

/// Stage 1: the MinHash signature and shingle count of each article
/// (`id`, `text`; a null text is empty), in parallel.
pub fn sketch(params: &Params, articles: &RecordBatch) -> Result<RecordBatch> {
    const STAGE: &str = "sketch";
    let ids = int64(STAGE, articles, "id")?;
    no_nulls(STAGE, "id", ids)?;
    let texts = strings(STAGE, articles, "text")?;
    let perms = params.config.permutations;
    let rows: Vec<(Vec<u32>, u32)> = (0..articles.num_rows())
        .into_par_iter()
        .map_init(
            || (Scratch::default(), Vec::new(), Vec::new()),
            |(scratch, hashes, fingerprints), row| {
                hashes.clear();
                let text = texts.get(row).unwrap_or("");
                params.config.shingling.hashes_into(text, scratch, hashes);
                let mut signature = vec![0u32; perms];
                params
                    .sketcher
                    .sketch_into(hashes, fingerprints, &mut signature);
                (signature, u32::try_from(hashes.len()).unwrap_or(u32::MAX))
            },
        )
        .collect();
    let mut signature = BinaryBuilder::with_capacity(rows.len(), rows.len() * perms * 4);
    let mut shingles = Int32Builder::with_capacity(rows.len());
    let mut bytes = Vec::with_capacity(perms * 4);
    for (words, count) in &rows {
        bytes.clear();
        bytes.extend(words.iter().flat_map(|w| w.to_le_bytes()));
        signature.append_value(&bytes);
        shingles.append_value(i32::try_from(*count).unwrap_or(i32::MAX));
    }
    Ok(batch(
        sketch_schema(),
        vec![
            Arc::new(ids.clone()),
            Arc::new(signature.finish()),
            Arc::new(shingles.finish()),
            Arc::new(arrow_array::Int64Array::from_value(params.id(), rows.len())),
        ],
    ))
}

/// The schema [`band_keys`] returns.
pub fn band_keys_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("band", DataType::Int32, false),
        Field::new("key", DataType::Int64, false),
        Field::new("id", DataType::Int64, false),
    ]))
}

/// Stage 2: one row per band of each signature that has shingles (`id`,
/// `signature`, `shingles`, `params` as [`sketch`] returns them).
pub fn band_keys(params: &Params, signatures: &RecordBatch) -> Result<RecordBatch> {
    const STAGE: &str = "band_keys";
    params.check_column(STAGE, signatures)?;
    let ids = int64(STAGE, signatures, "id")?;
    let shingles = column(STAGE, signatures, "shingles")?;
    let shingles = shingles
        .as_primitive_opt::<Int32Type>()
        .ok_or_else(|| wrong_type(STAGE, "shingles", shingles, "int32"))?;
    let words = column(STAGE, signatures, "signature")?;
    let words = words
        .as_binary_opt::<i32>()
        .ok_or_else(|| wrong_type(STAGE, "signature", words, "binary"))?;
    let Bands { bands, rows } = params.bands;
    let perms = params.config.permutations;
    let mut band = Int32Builder::new();
    let mut key = Int64Builder::new();
    let mut id = Int64Builder::new();
    let mut signature = vec![0u32; perms];
    for row in 0..signatures.num_rows() {
        if shingles.value(row) == 0 || shingles.is_null(row) {
            continue;
        }
        let bytes = words.value(row);
        if bytes.len() != perms * 4 {
            return Err(Error::MixedParams {
                stage: STAGE,
                found: (bytes.len() / 4) as i64,
                expected: params.describe(),
            });
        }
        for (word, chunk) in signature.iter_mut().zip(bytes.chunks_exact(4)) {
            *word = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        for (b, band_words) in signature[..bands * rows].chunks_exact(rows).enumerate() {
            band.append_value(b as i32);
            key.append_value(candidates::band_key(band_words, b as u64) as i64);
            id.append_value(ids.value(row));
        }
    }
    Ok(batch(
        band_keys_schema(),
        vec![
            Arc::new(band.finish()),
            Arc::new(key.finish()),
            Arc::new(id.finish()),
        ],
    ))
}

/// The schema [`bucket_pairs`] returns.
pub fn pairs_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("a", DataType::Int64, false),
        Field::new("b", DataType::Int64, false),
    ]))
}

/// Stage 3: the candidate pairs of buckets (`members`: the ids sharing one
/// band key, as a list of int64; sorted here), `a < b`, repeats within
/// the batch dropped.
pub fn bucket_pairs(buckets: &RecordBatch) -> Result<RecordBatch> {
    const STAGE: &str = "bucket_pairs";
    let members = column(STAGE, buckets, "members")?;
    let lists: Vec<ArrayRef> = match members.data_type() {
        DataType::List(_) => members.as_list::<i32>().iter().flatten().collect(),
        DataType::LargeList(_) => members.as_list::<i64>().iter().flatten().collect(),
        _ => return Err(wrong_type(STAGE, "members", members, "a list of int64")),
    };
    let mut pairs: Vec<(i64, i64)> = Vec::new();
    let mut ids: Vec<i64> = Vec::new();
    for list in &lists {
        let values = list
            .as_primitive_opt::<Int64Type>()
            .ok_or_else(|| wrong_type(STAGE, "members", list, "a list of int64"))?;
        ids.clear();
        ids.extend(values.iter().flatten());
        ids.sort_unstable();
        ids.dedup();
        candidates::bucket_pairs(ids.len(), |x, y| pairs.push((ids[x], ids[y])));
    }
    pairs.sort_unstable();
    pairs.dedup();
    let (a, b): (Vec<i64>, Vec<i64>) = pairs.into_iter().unzip();
    Ok(batch(
        pairs_schema(),
        vec![
            Arc::new(arrow_array::Int64Array::from(a)),
            Arc::new(arrow_array::Int64Array::from(b)),
        ],
    ))
}

/// The schema [`verify`] returns.
pub fn verified_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("a", DataType::Int64, false),
        Field::new("b", DataType::Int64, false),
        Field::new("jaccard", DataType::Float64, false),
        Field::new("containment", DataType::Float64, false),
        Field::new("shared", DataType::Int64, false),
        Field::new("verified", DataType::Boolean, false),
        Field::new("size_a", DataType::Int64, false),
        Field::new("size_b", DataType::Int64, false),
        Field::new("credit_a", DataType::Boolean, false),
        Field::new("credit_b", DataType::Boolean, false),
        Field::new("params", DataType::Int64, false),
    ]))
}

/// Stage 4: the exact similarities of pairs (`a`, `b`, `text_a`,
/// `text_b`), and whether each is a copy under the measure and threshold,
/// in parallel.
pub fn verify(params: &Params, pairs: &RecordBatch) -> Result<RecordBatch> {
    const STAGE: &str = "verify";
    let a = int64(STAGE, pairs, "a")?;
    let b = int64(STAGE, pairs, "b")?;
    let text_a = strings(STAGE, pairs, "text_a")?;
    let text_b = strings(STAGE, pairs, "text_b")?;
    let config = &params.config;
    struct Checked {
        overlap: Overlap,
        copy: bool,
        sizes: (usize, usize),
        credits: (bool, bool),
    }
    let overlaps: Vec<Checked> = (0..pairs.num_rows())
        .into_par_iter()
        .map_init(Scratch::default, |scratch, row| {
            let (ta, tb) = (text_a.get(row).unwrap_or(""), text_b.get(row).unwrap_or(""));
            let sa = config.shingling.fingerprints(ta, scratch);
            let sb = config.shingling.fingerprints(tb, scratch);
            let overlap = shingle::overlap(&sa, &sb);
            Checked {
                overlap,
                copy: copies::passes(&overlap, config.measure, config.threshold),
                sizes: (sa.len(), sb.len()),
                credits: (copies::agency_credit(ta), copies::agency_credit(tb)),
            }
        })
        .collect();
    let mut jaccard = Float64Builder::with_capacity(overlaps.len());
    let mut containment = Float64Builder::with_capacity(overlaps.len());
    let mut shared = Int64Builder::with_capacity(overlaps.len());
    let mut verified = BooleanBuilder::with_capacity(overlaps.len());
    let mut size_a = Int64Builder::with_capacity(overlaps.len());
    let mut size_b = Int64Builder::with_capacity(overlaps.len());
    let mut credit_a = BooleanBuilder::with_capacity(overlaps.len());
    let mut credit_b = BooleanBuilder::with_capacity(overlaps.len());
    for c in &overlaps {
        jaccard.append_value(c.overlap.jaccard);
        containment.append_value(c.overlap.containment);
        shared.append_value(c.overlap.shared as i64);
        verified.append_value(c.copy);
        size_a.append_value(c.sizes.0 as i64);
        size_b.append_value(c.sizes.1 as i64);
        credit_a.append_value(c.credits.0);
        credit_b.append_value(c.credits.1);
    }
    Ok(batch(
        verified_schema(),
        vec![
            Arc::new(a.clone()),
            Arc::new(b.clone()),
            Arc::new(jaccard.finish()),
            Arc::new(containment.finish()),
            Arc::new(shared.finish()),
            Arc::new(verified.finish()),
            Arc::new(size_a.finish()),
            Arc::new(size_b.finish()),
            Arc::new(credit_a.finish()),
            Arc::new(credit_b.finish()),
            Arc::new(arrow_array::Int64Array::from_value(
                params.id(),
                overlaps.len(),
            )),
        ],
    ))
}

/// The schema [`components`] returns.
pub fn components_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("group", DataType::Int64, false),
        Field::new("origin", DataType::Int64, false),
        Field::new("group_size", DataType::Int64, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("copy_of", DataType::Int64, true),
    ]))
}

/// Stage 5: copy groups from verified pairs (as [`verify`] returns them,
/// with their sizes and credits; rows with `verified` false are ignored)
/// and the articles in them
/// (`id`, `article_id` (string), `published_utc` (string or null: the date
/// in UTC as [`crate::Article::published_date`] gives it), `length`
/// (int64, bytes of text)), which decide representatives as on one machine.
/// One row per article in some verified pair, by id.
pub fn components(
    params: &Params,
    pairs: &[RecordBatch],
    articles: &[RecordBatch],
) -> Result<RecordBatch> {
    const STAGE: &str = "components";
    struct Meta {
        id: i64,
        article_id: String,
        published: Option<(i64, i64)>,
        length: usize,
        shingles: usize,
        credit: bool,
    }
    let mut meta: Vec<Meta> = Vec::new();
    for batch in articles {
        let ids = int64(STAGE, batch, "id")?;
        no_nulls(STAGE, "id", ids)?;
        let names = strings(STAGE, batch, "article_id")?;
        let published = strings(STAGE, batch, "published_utc")?;
        let length = int64(STAGE, batch, "length")?;
        for row in 0..batch.num_rows() {
            meta.push(Meta {
                id: ids.value(row),
                article_id: names.get(row).unwrap_or("").to_string(),
                published: crate::compare::published_minutes(published.get(row)),
                length: usize::try_from(length.value(row)).unwrap_or(0),
                shingles: 0,
                credit: false,
            });
        }
    }
    meta.sort_by_key(|m| m.id);
    meta.dedup_by_key(|m| m.id);
    let row_ids: Vec<i64> = meta.iter().map(|m| m.id).collect();
    let index = |id: i64| row_ids.binary_search(&id).ok();
    let mut verified: Vec<VerifiedPair> = Vec::new();
    for batch in pairs {
        params.check_column(STAGE, batch)?;
        let a = int64(STAGE, batch, "a")?;
        let b = int64(STAGE, batch, "b")?;
        let jaccard = column(STAGE, batch, "jaccard")?;
        let containment = column(STAGE, batch, "containment")?;
        let shared = int64(STAGE, batch, "shared")?;
        let size_a = int64(STAGE, batch, "size_a")?;
        let size_b = int64(STAGE, batch, "size_b")?;
        let flag = column(STAGE, batch, "verified")?;
        let credit_a = column(STAGE, batch, "credit_a")?;
        let credit_b = column(STAGE, batch, "credit_b")?;
        let (Some(jaccard), Some(containment), Some(flag), Some(credit_a), Some(credit_b)) = (
            jaccard.as_primitive_opt::<arrow_array::types::Float64Type>(),
            containment.as_primitive_opt::<arrow_array::types::Float64Type>(),
            flag.as_boolean_opt(),
            credit_a.as_boolean_opt(),
            credit_b.as_boolean_opt(),
        ) else {
            return Err(problem(
                STAGE,
                "pairs must have float64 'jaccard', 'containment' and boolean 'verified', \
                 'credit_a', 'credit_b'"
                    .into(),
            ));
        };
        for row in 0..batch.num_rows() {
            if !flag.value(row) {
                continue;
            }
            let (x, y) = (a.value(row), b.value(row));
            let (Some(i), Some(j)) = (index(x.min(y)), index(x.max(y))) else {
                return Err(problem(
                    STAGE,
                    format!("pair ({x}, {y}) names an article missing from the articles"),
                ));
            };
            let (size_x, size_y) = (size_a.value(row), size_b.value(row));
            let (credit_x, credit_y) = (credit_a.value(row), credit_b.value(row));
            let (size_i, credit_i, size_j, credit_j) = if x <= y {
                (size_x, credit_x, size_y, credit_y)
            } else {
                (size_y, credit_y, size_x, credit_x)
            };
            meta[i].shingles = usize::try_from(size_i).unwrap_or(0);
            meta[i].credit = credit_i;
            meta[j].shingles = usize::try_from(size_j).unwrap_or(0);
            meta[j].credit = credit_j;
            verified.push(VerifiedPair {
                a: i as u32,
                b: j as u32,
                overlap: Overlap {
                    shared: usize::try_from(shared.value(row)).unwrap_or(0),
                    jaccard: jaccard.value(row),
                    containment: containment.value(row),
                },
            });
        }
    }
    verified.sort_by_key(|p| (p.a, p.b));
    verified.dedup_by_key(|p| (p.a, p.b));
    let config = &params.config;
    let made_from = match config.measure {
        Measure::Containment => config.threshold,
        Measure::Jaccard => 0.0,
    };
    let groups = copies::group(meta.len(), &verified, config.duplicate, made_from, |i| {
        let m = &meta[i as usize];
        OriginKey {
            published: m.published,
            shingles: m.shingles,
            credit: m.credit,
            length: m.length,
            id: &m.article_id,
        }
    });
    let mut id = Int64Builder::new();
    let mut group = Int64Builder::new();
    let mut origin = Int64Builder::new();
    let mut size = Int64Builder::new();
    let mut kind = arrow_array::builder::StringBuilder::new();
    let mut copy_of = Int64Builder::new();
    for (i, m) in meta.iter().enumerate() {
        let g = &groups.groups[groups.group_of[i] as usize];
        if g.members.len() < 2 {
            continue;
        }
        id.append_value(m.id);
        group.append_value(meta[g.members[0] as usize].id);
        origin.append_value(meta[g.representative as usize].id);
        size.append_value(g.members.len() as i64);
        match g.link(i as u32) {
            Some(link) => {
                kind.append_value(link.kind.name());
                copy_of.append_value(meta[link.of as usize].id);
            }
            None => {
                kind.append_value("origin");
                copy_of.append_null();
            }
        }
    }
    Ok(batch(
        components_schema(),
        vec![
            Arc::new(id.finish()),
            Arc::new(group.finish()),
            Arc::new(origin.finish()),
            Arc::new(size.finish()),
            Arc::new(kind.finish()),
            Arc::new(copy_of.finish()),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{IngestConfig, Inputs};
    use arrow_array::{Int64Array, ListArray, StringArray};
    use std::collections::BTreeMap;

    /// The stages, run here one after another, give the groups, origins,
    /// kinds and links of the one-machine job (furniture kept), on the
    /// reprints fixture and on the partial-reuse fixture.
    #[test]
    fn stages_agree_with_the_one_machine_job() {
        let verified = stages_on("fixtures/copies/articles.jsonl");
        stages_on("fixtures/copies/reuse.jsonl");

        // Mixed parameters fail loudly.
        let other = Params::new(&DedupConfig {
            seed: 2,
            ..DedupConfig::default()
        })
        .unwrap();
        let err = components(&other, &[verified], &[])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("components: batch made with other parameters"),
            "{err}"
        );
    }

    /// Runs every stage on a fixture, checks the result against
    /// `dedup_articles` and returns the verified pairs.
    fn stages_on(fixture: &str) -> RecordBatch {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
        let inputs = Inputs::resolve(&[path], IngestConfig::default()).unwrap();
        let articles = crate::ingest::read(&inputs).unwrap().articles;
        let params = Params::new(&DedupConfig::default()).unwrap();
        assert!(!params.config().furniture);
        let want = crate::dedup::dedup_articles(&articles, params.config());
        let ids: Vec<i64> = (0..articles.len() as i64).map(|i| i * 10).collect();
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let input = RecordBatch::try_from_iter([
            ("id", Arc::new(Int64Array::from(ids.clone())) as ArrayRef),
            (
                "text",
                Arc::new(StringArray::from(texts.clone())) as ArrayRef,
            ),
        ])
        .unwrap();
        let keys = band_keys(&params, &sketch(&params, &input).unwrap()).unwrap();
        let mut buckets: BTreeMap<(i32, i64), Vec<i64>> = BTreeMap::new();
        let (band, key, id) = (
            keys.column(0).as_primitive::<Int32Type>(),
            keys.column(1).as_primitive::<Int64Type>(),
            keys.column(2).as_primitive::<Int64Type>(),
        );
        for row in 0..keys.num_rows() {
            buckets
                .entry((band.value(row), key.value(row)))
                .or_default()
                .push(id.value(row));
        }
        let lists = ListArray::from_iter_primitive::<Int64Type, _, _>(
            buckets
                .into_values()
                .filter(|m| m.len() > 1)
                .map(|m| Some(m.into_iter().rev().map(Some).collect::<Vec<_>>())),
        );
        let pairs = bucket_pairs(
            &RecordBatch::try_from_iter([("members", Arc::new(lists) as ArrayRef)]).unwrap(),
        )
        .unwrap();
        let a = pairs.column(0).as_primitive::<Int64Type>();
        let b = pairs.column(1).as_primitive::<Int64Type>();
        let text = |id: i64| texts[(id / 10) as usize];
        let with_texts = RecordBatch::try_from_iter([
            ("a", Arc::new(a.clone()) as ArrayRef),
            ("b", Arc::new(b.clone()) as ArrayRef),
            (
                "text_a",
                Arc::new(StringArray::from_iter_values(
                    a.values().iter().map(|&i| text(i)),
                )),
            ),
            (
                "text_b",
                Arc::new(StringArray::from_iter_values(
                    b.values().iter().map(|&i| text(i)),
                )),
            ),
        ])
        .unwrap();
        let verified = verify(&params, &with_texts).unwrap();
        let meta = RecordBatch::try_from_iter([
            ("id", Arc::new(Int64Array::from(ids.clone())) as ArrayRef),
            (
                "article_id",
                Arc::new(StringArray::from_iter_values(
                    articles.iter().map(|a| a.id.as_str()),
                )),
            ),
            (
                "published_utc",
                Arc::new(StringArray::from(
                    articles
                        .iter()
                        .map(|a| a.published_date().map(|d| d.utc_string()))
                        .collect::<Vec<_>>(),
                )),
            ),
            (
                "length",
                Arc::new(Int64Array::from_iter_values(
                    articles.iter().map(|a| a.text.len() as i64),
                )),
            ),
        ])
        .unwrap();
        let got = components(&params, std::slice::from_ref(&verified), &[meta]).unwrap();
        let mut grouped = 0;
        let kinds = got.column(4).as_string::<i32>();
        let copy_of = got.column(5).as_primitive::<Int64Type>();
        for row in 0..got.num_rows() {
            let i = (got.column(0).as_primitive::<Int64Type>().value(row) / 10) as usize;
            let origin = (got.column(2).as_primitive::<Int64Type>().value(row) / 10) as u32;
            let g = &want.copies.groups[want.copies.group_of[i] as usize];
            assert_eq!(g.representative, origin);
            assert_eq!(
                g.members.len() as i64,
                got.column(3).as_primitive::<Int64Type>().value(row)
            );
            match g.link(i as u32) {
                Some(link) => {
                    assert_eq!(kinds.value(row), link.kind.name(), "{fixture} {i}");
                    assert_eq!(copy_of.value(row) / 10, i64::from(link.of));
                }
                None => {
                    assert_eq!(kinds.value(row), "origin");
                    assert!(copy_of.is_null(row));
                }
            }
            grouped += 1;
        }
        let want_grouped = want
            .copies
            .groups
            .iter()
            .filter(|g| g.members.len() > 1)
            .map(|g| g.members.len())
            .sum::<usize>();
        assert_eq!(grouped, want_grouped);
        assert!(grouped >= 4, "{fixture}");
        verified
    }
}
