//! Parquet outputs: the same records as the JSON Lines outputs, one row
//! each, as Arrow record batches (which the Python package hands over as
//! `pyarrow.Table`s) or written as a Parquet file (Snappy-compressed). Text
//! columns are `large_string` so a column may exceed 2 GiB.
//!
//! # Schemas
//!
//! `wirediff dedup --format parquet` ([`dedup_batch`]): one row per input
//! article, in input order, the fields of the JSON Lines `article` record:
//!
//! | column | type | meaning |
//! |---|---|---|
//! | `id` | large_string | article id |
//! | `source` | large_string, nullable | its outlet |
//! | `group` | uint32 | copy group, numbered from 0 by first article |
//! | `group_size` | uint32 | articles in the group (1 = no copies) |
//! | `representative` | large_string | id of the group's representative (its origin) |
//! | `kind` | large_string | `origin`, `duplicate`, `reuse`, or `unique` (a group of one) |
//! | `copy_of` | large_string, nullable | id of the member it is a copy of |
//! | `jaccard` | float64 | similarity to the representative, 4 decimals |
//! | `containment` | float64 | likewise |
//!
//! `wirediff dedup --emit unique --format parquet` ([`write_unique`]): one
//! row per article kept (every article but the copies of the kinds named by
//! `--drop`; see [`super::dedup::kept_locations`]), in input order. When every input is
//! Parquet with one schema, the input rows themselves (every column, its
//! type kept); otherwise the article fields under the input's field names
//! (`large_string`), then `extra` (large_string, nullable): the record's
//! other fields as one JSON object, null when there are none.
//!
//! `wirediff stories --format parquet` ([`stories_batch`]): one row per
//! article, in input order: `id`, `story` (story id), `group` (uint32, copy
//! group), `story_label` (large_string), `story_confidence` (float64).
//!
//! `wirediff facts --format parquet` ([`facts_batch`]): one row per fact,
//! articles in input order and facts in text order: `article` (id),
//! `kind`, `rule` (large_string), `start`, `end`, `sentence_start`,
//! `sentence_end` (uint64 byte offsets into the article's text), `value`
//! (large_string: the rest of the fact's JSON Lines object, by kind, as
//! JSON text). Articles without facts have no rows.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, LargeStringBuilder, UInt32Builder, UInt64Builder};
use arrow_array::{ArrayRef, BooleanArray, RecordBatch, RecordBatchReader};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::article::Article;
use crate::copies::Kind;
use crate::dedup::Dedup;
use crate::error::{Error, Result};
use crate::facts::Fact;
use crate::ingest::{InputFormat, Inputs, RecordLocation};
use crate::stories::Stories;

fn write_error(source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Error {
    Error::Write {
        path: "-".into(),
        source: std::io::Error::other(source),
    }
}

/// A Parquet file being written batch by batch.
pub struct ParquetSink<W: Write + Send> {
    writer: ArrowWriter<W>,
}

impl<W: Write + Send> ParquetSink<W> {
    /// Starts a file of `schema` on `w`.
    pub fn new(w: W, schema: SchemaRef) -> Result<ParquetSink<W>> {
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer = ArrowWriter::try_new(w, schema, Some(properties)).map_err(write_error)?;
        Ok(ParquetSink { writer })
    }

    /// Appends a batch.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        self.writer.write(batch).map_err(write_error)
    }

    /// Writes the footer and hands back the destination.
    pub fn finish(self) -> Result<W> {
        self.writer.into_inner().map_err(write_error)
    }
}

/// Writes one batch as a whole Parquet file.
pub fn write_batch(batch: &RecordBatch, w: impl Write + Send) -> Result<()> {
    let mut sink = ParquetSink::new(w, batch.schema())?;
    sink.write(batch)?;
    let mut w = sink.finish()?;
    w.flush().map_err(write_error)
}

fn text_field(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::LargeUtf8, nullable)
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The schema of [`dedup_batch`].
pub fn dedup_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text_field("id", false),
        text_field("source", true),
        Field::new("group", DataType::UInt32, false),
        Field::new("group_size", DataType::UInt32, false),
        text_field("representative", false),
        text_field("kind", false),
        text_field("copy_of", true),
        Field::new("jaccard", DataType::Float64, false),
        Field::new("containment", DataType::Float64, false),
    ]))
}

/// The article records of a copy job, one row per article (schema in the
/// module docs).
pub fn dedup_batch(dedup: &Dedup) -> RecordBatch {
    let n = dedup.articles.len();
    let mut id = LargeStringBuilder::with_capacity(n, n * 16);
    let mut source = LargeStringBuilder::with_capacity(n, n * 8);
    let mut group = UInt32Builder::with_capacity(n);
    let mut group_size = UInt32Builder::with_capacity(n);
    let mut representative = LargeStringBuilder::with_capacity(n, n * 16);
    let mut kind = LargeStringBuilder::with_capacity(n, n * 8);
    let mut copy_of = LargeStringBuilder::with_capacity(n, n * 8);
    let mut jaccard = Float64Builder::with_capacity(n);
    let mut containment = Float64Builder::with_capacity(n);
    for (i, article) in dedup.articles.iter().enumerate() {
        let g = dedup.copies.group_of[i];
        let members = &dedup.copies.groups[g as usize];
        let overlap = &dedup.to_representative[i];
        id.append_value(&article.id);
        source.append_option(article.source.as_deref());
        group.append_value(g);
        group_size.append_value(u32::try_from(members.members.len()).unwrap_or(u32::MAX));
        representative.append_value(&dedup.articles[members.representative as usize].id);
        let link = members.link(i as u32);
        kind.append_value(match link {
            Some(link) => link.kind.name(),
            None if members.members.len() > 1 => "origin",
            None => "unique",
        });
        copy_of.append_option(link.map(|l| dedup.articles[l.of as usize].id.as_str()));
        jaccard.append_value(round4(overlap.jaccard));
        containment.append_value(round4(overlap.containment));
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(id.finish()),
        Arc::new(source.finish()),
        Arc::new(group.finish()),
        Arc::new(group_size.finish()),
        Arc::new(representative.finish()),
        Arc::new(kind.finish()),
        Arc::new(copy_of.finish()),
        Arc::new(jaccard.finish()),
        Arc::new(containment.finish()),
    ];
    RecordBatch::try_new(dedup_schema(), columns).expect("columns match dedup_schema")
}

/// Writes the deduplicated corpus (one representative per group, input
/// order) as Parquet; see the module docs for which columns.
pub fn write_unique(
    inputs: &Inputs,
    dedup: &Dedup,
    drop: &[Kind],
    w: impl Write + Send,
) -> Result<()> {
    let keep = super::dedup::kept_locations(dedup, drop);
    if let Some(schema) = common_parquet_schema(inputs) {
        return copy_rows(inputs, &keep, schema, w);
    }
    let fields = &inputs.config().fields;
    let names = [
        &fields.id,
        &fields.source,
        &fields.published,
        &fields.title,
        &fields.text,
        &fields.url,
    ];
    let mut schema: Vec<Field> = names
        .iter()
        .map(|name| text_field(name, name.as_str() != fields.id && *name != &fields.text))
        .collect();
    schema.push(text_field("extra", true));
    let schema = Arc::new(Schema::new(schema));
    let mut sink = ParquetSink::new(w, Arc::clone(&schema))?;
    let mut reader = inputs.reader_only(keep);
    while let Some(batch) = reader.next_batch(64 << 20)? {
        let mut columns: Vec<LargeStringBuilder> =
            (0..7).map(|_| LargeStringBuilder::new()).collect();
        for article in &batch.articles {
            let values = [
                Some(article.id.as_str()),
                article.source.as_deref(),
                article.published.as_deref(),
                article.title.as_deref(),
                Some(article.text.as_str()),
                article.url.as_deref(),
            ];
            for (column, value) in columns.iter_mut().zip(values) {
                column.append_option(value);
            }
            let extra = (!article.extra.is_empty())
                .then(|| serde_json::Value::Object(article.extra.clone()).to_string());
            columns[6].append_option(extra);
        }
        let arrays: Vec<ArrayRef> = columns
            .iter_mut()
            .map(|c| Arc::new(c.finish()) as ArrayRef)
            .collect();
        let rows = RecordBatch::try_new(Arc::clone(&schema), arrays).map_err(write_error)?;
        sink.write(&rows)?;
    }
    let mut w = sink.finish()?;
    w.flush().map_err(write_error)
}

/// The schema shared by every input, when all are Parquet files with one
/// schema.
fn common_parquet_schema(inputs: &Inputs) -> Option<SchemaRef> {
    let mut common: Option<SchemaRef> = None;
    for index in 0..inputs.files().len() {
        if inputs.files()[index].format != InputFormat::Parquet {
            return None;
        }
        let schema = inputs.parquet_reader(index).ok()?.schema();
        match &common {
            Some(seen) if seen.fields() != schema.fields() => return None,
            Some(_) => {}
            None => common = Some(schema),
        }
    }
    common
}

/// Copies the rows at `keep` (sorted) from Parquet inputs that share `schema`.
fn copy_rows(
    inputs: &Inputs,
    keep: &[RecordLocation],
    schema: SchemaRef,
    w: impl Write + Send,
) -> Result<()> {
    let mut sink = ParquetSink::new(w, Arc::clone(&schema))?;
    let mut next = 0;
    for index in 0..inputs.files().len() {
        let file = index as u32;
        let mut row = 0u64;
        for batch in inputs.parquet_reader(index)? {
            let batch = batch.map_err(|e| Error::Read {
                path: inputs.files()[index].path.clone(),
                source: std::io::Error::other(e),
            })?;
            let mask: BooleanArray = (0..batch.num_rows())
                .map(|r| {
                    let here = RecordLocation {
                        file,
                        line: row + r as u64 + 1,
                    };
                    while next < keep.len() && keep[next] < here {
                        next += 1;
                    }
                    Some(keep.get(next) == Some(&here))
                })
                .collect();
            row += batch.num_rows() as u64;
            let kept =
                arrow_select::filter::filter_record_batch(&batch, &mask).map_err(write_error)?;
            if kept.num_rows() > 0 {
                sink.write(&kept)?;
            }
        }
    }
    let mut w = sink.finish()?;
    w.flush().map_err(write_error)
}

/// The schema of [`stories_batch`].
pub fn stories_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text_field("id", false),
        text_field("story", false),
        Field::new("group", DataType::UInt32, false),
        text_field("story_label", false),
        Field::new("story_confidence", DataType::Float64, false),
    ]))
}

/// One row per article with its story (schema in the module docs).
pub fn stories_batch(stories: &Stories, articles: &[Article], copy_group: &[u32]) -> RecordBatch {
    let mut id = LargeStringBuilder::new();
    let mut story = LargeStringBuilder::new();
    let mut group = UInt32Builder::with_capacity(articles.len());
    let mut label = LargeStringBuilder::new();
    let mut confidence = Float64Builder::with_capacity(articles.len());
    for (i, article) in articles.iter().enumerate() {
        let s = &stories.stories[stories.story_of[i]];
        id.append_value(&article.id);
        story.append_value(&s.id);
        group.append_value(copy_group[i]);
        label.append_value(&s.label);
        confidence.append_value(s.confidence);
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(id.finish()),
        Arc::new(story.finish()),
        Arc::new(group.finish()),
        Arc::new(label.finish()),
        Arc::new(confidence.finish()),
    ];
    RecordBatch::try_new(stories_schema(), columns).expect("columns match stories_schema")
}

/// The schema of [`facts_batch`].
pub fn facts_schema() -> SchemaRef {
    let offset = |name: &str| Field::new(name, DataType::UInt64, false);
    Arc::new(Schema::new(vec![
        text_field("article", false),
        text_field("kind", false),
        text_field("rule", false),
        offset("start"),
        offset("end"),
        offset("sentence_start"),
        offset("sentence_end"),
        text_field("value", false),
    ]))
}

/// One row per fact of the given articles (schema in the module docs).
pub fn facts_batch<'a>(facts: impl IntoIterator<Item = (&'a Article, &'a [Fact])>) -> RecordBatch {
    let mut article = LargeStringBuilder::new();
    let mut kind = LargeStringBuilder::new();
    let mut rule = LargeStringBuilder::new();
    let mut offsets: Vec<UInt64Builder> = (0..4).map(|_| UInt64Builder::new()).collect();
    let mut value = LargeStringBuilder::new();
    for (a, facts) in facts {
        for fact in facts {
            let mut object = match serde_json::to_value(fact) {
                Ok(serde_json::Value::Object(object)) => object,
                _ => serde_json::Map::new(),
            };
            for key in ["kind", "span", "sentence", "rule"] {
                object.remove(key);
            }
            article.append_value(&a.id);
            kind.append_value(crate::compare::kind_name(fact.kind));
            rule.append_value(fact.rule);
            let spans = [
                fact.span.start,
                fact.span.end,
                fact.sentence.start,
                fact.sentence.end,
            ];
            for (builder, x) in offsets.iter_mut().zip(spans) {
                builder.append_value(x as u64);
            }
            value.append_value(serde_json::Value::Object(object).to_string());
        }
    }
    let mut columns: Vec<ArrayRef> = vec![
        Arc::new(article.finish()),
        Arc::new(kind.finish()),
        Arc::new(rule.finish()),
    ];
    columns.extend(offsets.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    columns.push(Arc::new(value.finish()));
    RecordBatch::try_new(facts_schema(), columns).expect("columns match facts_schema")
}
