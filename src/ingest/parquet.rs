//! Columnar input: Parquet files (`.parquet`) and Arrow record batches
//! already in memory (the Python package's tables), one article a row.
//!
//! Columns are found by the same [`FieldMap`] as JSON Lines keys. The text
//! column must hold strings (`string`, `large_string` or `string_view`, as
//! written by pandas, pyarrow, polars or Spark); the other known fields may
//! be of any type Arrow can cast to a string (numbers, dates and timestamps
//! become their ISO text). Every other column is kept as an extra field. A
//! null text is an empty article, a null or empty id becomes `path:row`, as
//! for JSON Lines. Rows are numbered from 1, and messages name them where
//! they would name a line.

use std::collections::VecDeque;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Schema};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use serde_json::{Map, Value};

use super::{Column, FieldMap, Only, Raw, RecordLocation};
use crate::article::{Article, Origin};

/// Rows decoded from a Parquet file per read.
const ROWS_PER_READ: usize = 1024;

/// Where a columnar input's batches come from.
enum Source {
    File(ParquetRecordBatchReader),
    Memory {
        batches: Arc<[RecordBatch]>,
        next: usize,
    },
}

/// A columnar input being read: its batches, and the rows of the current
/// batch not yet handed out.
pub(super) struct Columnar {
    source: Source,
    pending: VecDeque<(u64, Raw)>,
    rows: u64,
    problem: Option<(u64, String)>,
}

impl Columnar {
    /// Opens a Parquet file; a file that is not Parquet is one bad record.
    pub(super) fn open_file(file: std::fs::File) -> Columnar {
        let source = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|builder| builder.with_batch_size(ROWS_PER_READ).build());
        match source {
            Ok(reader) => Columnar::new(Source::File(reader)),
            Err(err) => Columnar {
                problem: Some((1, format!("not a valid Parquet file: {err}"))),
                ..Columnar::new(Source::Memory {
                    batches: Arc::from(Vec::new()),
                    next: 0,
                })
            },
        }
    }

    /// Reads batches already in memory.
    pub(super) fn memory(batches: Arc<[RecordBatch]>) -> Columnar {
        Columnar::new(Source::Memory { batches, next: 0 })
    }

    fn new(source: Source) -> Columnar {
        Columnar {
            source,
            pending: VecDeque::new(),
            rows: 0,
            problem: None,
        }
    }

    /// The next row (wanted by `only`, if given) as a raw record, or `None`
    /// at the end.
    pub(super) fn next_record(
        &mut self,
        index: u32,
        path: &std::path::Path,
        fields: &FieldMap,
        mut only: Option<&mut Only>,
    ) -> Option<(RecordLocation, Raw)> {
        loop {
            if let Some((row, raw)) = self.pending.pop_front() {
                return Some((
                    RecordLocation {
                        file: index,
                        line: row,
                    },
                    raw,
                ));
            }
            if let Some((row, problem)) = self.problem.take() {
                self.source = Source::Memory {
                    batches: Arc::from(Vec::new()),
                    next: 0,
                };
                return Some((
                    RecordLocation {
                        file: index,
                        line: row,
                    },
                    Raw::Bad(problem),
                ));
            }
            let batch = match &mut self.source {
                Source::File(reader) => match reader.next()? {
                    Ok(batch) => batch,
                    Err(err) => {
                        self.problem =
                            Some((self.rows + 1, format!("not a valid Parquet file: {err}")));
                        continue;
                    }
                },
                Source::Memory { batches, next } => {
                    let batch = batches.get(*next)?.clone();
                    *next += 1;
                    batch
                }
            };
            let first = self.rows + 1;
            self.rows += batch.num_rows() as u64;
            let wanted = |row: u64| {
                only.as_mut().is_none_or(|only| {
                    only.wants(RecordLocation {
                        file: index,
                        line: row,
                    })
                })
            };
            match articles(&batch, fields, path, first, wanted) {
                Ok(rows) => {
                    self.pending
                        .extend(rows.into_iter().map(|(row, result)| match result {
                            Ok(article) => (row, Raw::Ready(Box::new(article))),
                            Err(problem) => (row, Raw::Bad(problem)),
                        }))
                }
                Err(problem) => self.problem = Some((first, problem)),
            }
        }
    }
}

/// The columns of a batch that hold each article field.
struct Plan {
    id: Option<ArrayRef>,
    source: Option<ArrayRef>,
    published: Option<ArrayRef>,
    title: Option<ArrayRef>,
    text: ArrayRef,
    url: Option<ArrayRef>,
    extras: Vec<(String, ArrayRef)>,
}

/// Whether a column holds strings.
fn is_string(data_type: &DataType) -> bool {
    matches!(
        data_type,
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
    )
}

/// A column as strings, cast when it is not (numbers, dates, timestamps,
/// dictionaries): `None` if it cannot be.
fn as_strings(column: &ArrayRef) -> Option<ArrayRef> {
    if is_string(column.data_type()) {
        return Some(column.clone());
    }
    arrow_cast::cast(column, &DataType::Utf8).ok()
}

/// The string at `row` of a string column, `None` when null.
fn string_at(column: &dyn Array, row: usize) -> Option<&str> {
    if column.is_null(row) {
        return None;
    }
    match column.data_type() {
        DataType::Utf8 => Some(column.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => Some(column.as_string::<i64>().value(row)),
        DataType::Utf8View => Some(column.as_string_view().value(row)),
        _ => None,
    }
}

/// Checks that `schema` has a text column under `fields`, with the problem
/// as reported to the user.
pub fn check_schema(schema: &Schema, fields: &FieldMap) -> Result<(), String> {
    match schema.column_with_name(&fields.text) {
        None => Err(format!("no '{}' column", fields.text)),
        Some((_, field)) if !is_string(field.data_type()) => Err(format!(
            "column '{}' holds {}, not text",
            fields.text,
            field.data_type()
        )),
        Some(_) => Ok(()),
    }
}

fn plan(batch: &RecordBatch, fields: &FieldMap) -> Result<Plan, String> {
    check_schema(&batch.schema(), fields)?;
    let schema = batch.schema();
    let mut plan = Plan {
        id: None,
        source: None,
        published: None,
        title: None,
        text: Arc::clone(
            batch
                .column_by_name(&fields.text)
                .expect("check_schema found the text column"),
        ),
        url: None,
        extras: Vec::new(),
    };
    for (field, column) in schema.fields().iter().zip(batch.columns()) {
        let slot = match Column::of(field.name(), fields) {
            Column::Text => continue,
            Column::Id => &mut plan.id,
            Column::Source => &mut plan.source,
            Column::Published => &mut plan.published,
            Column::Title => &mut plan.title,
            Column::Url => &mut plan.url,
            Column::Extra => {
                plan.extras.push((field.name().clone(), Arc::clone(column)));
                continue;
            }
        };
        *slot = Some(as_strings(column).ok_or_else(|| {
            format!(
                "column '{}' holds {}, not text",
                field.name(),
                field.data_type()
            )
        })?);
    }
    Ok(plan)
}

/// The JSON value of an extra column's row: strings, numbers and booleans
/// as themselves, other types as their text.
fn json_at(column: &ArrayRef, row: usize) -> Value {
    use arrow_array::types::{
        Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type,
        UInt32Type, UInt64Type,
    };
    if column.is_null(row) {
        return Value::Null;
    }
    match column.data_type() {
        DataType::Boolean => Value::Bool(column.as_boolean().value(row)),
        DataType::Int8 => column.as_primitive::<Int8Type>().value(row).into(),
        DataType::Int16 => column.as_primitive::<Int16Type>().value(row).into(),
        DataType::Int32 => column.as_primitive::<Int32Type>().value(row).into(),
        DataType::Int64 => column.as_primitive::<Int64Type>().value(row).into(),
        DataType::UInt8 => column.as_primitive::<UInt8Type>().value(row).into(),
        DataType::UInt16 => column.as_primitive::<UInt16Type>().value(row).into(),
        DataType::UInt32 => column.as_primitive::<UInt32Type>().value(row).into(),
        DataType::UInt64 => column.as_primitive::<UInt64Type>().value(row).into(),
        DataType::Float32 => f64::from(column.as_primitive::<Float32Type>().value(row)).into(),
        DataType::Float64 => column.as_primitive::<Float64Type>().value(row).into(),
        data_type if is_string(data_type) => {
            Value::String(string_at(column, row).unwrap_or_default().to_string())
        }
        _ => {
            let one = column.slice(row, 1);
            as_strings(&one)
                .and_then(|s| string_at(&s, 0).map(|s| Value::String(s.to_string())))
                .unwrap_or(Value::Null)
        }
    }
}

/// A row number and its article, or the problem with it.
pub type RowArticle = (u64, Result<Article, String>);

/// The articles of one batch whose first row is number `first` (1-based),
/// for the rows `wanted` says yes to; each row an article or the problem
/// with it. The error is a problem of the whole batch (no text column).
pub fn articles(
    batch: &RecordBatch,
    fields: &FieldMap,
    path: &std::path::Path,
    first: u64,
    mut wanted: impl FnMut(u64) -> bool,
) -> Result<Vec<RowArticle>, String> {
    let plan = plan(batch, fields)?;
    let text = |c: &Option<ArrayRef>, row: usize| {
        c.as_ref()
            .and_then(|c| string_at(c, row))
            .map(str::to_string)
    };
    let mut out = Vec::with_capacity(batch.num_rows());
    for row in 0..batch.num_rows() {
        let number = first + row as u64;
        if !wanted(number) {
            continue;
        }
        let id = match text(&plan.id, row) {
            Some(id) if !id.is_empty() => id,
            _ => format!("{}:{number}", path.display()),
        };
        let mut extra = Map::new();
        for (name, column) in &plan.extras {
            extra.insert(name.clone(), json_at(column, row));
        }
        let article = Article {
            id,
            source: text(&plan.source, row),
            published: text(&plan.published, row),
            title: text(&plan.title, row),
            text: string_at(&plan.text, row).unwrap_or_default().to_string(),
            url: text(&plan.url, row),
            extra,
            origin: Origin::default(),
            date: None,
        };
        out.push((number, Ok(article)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Int64Array, LargeStringArray, StringArray};
    use arrow_schema::Field;

    fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
        let schema = Schema::new(
            columns
                .iter()
                .map(|(name, c)| Field::new(*name, c.data_type().clone(), true))
                .collect::<Vec<_>>(),
        );
        RecordBatch::try_new(
            Arc::new(schema),
            columns.into_iter().map(|(_, c)| c).collect(),
        )
        .unwrap()
    }

    #[test]
    fn rows_become_articles_with_mapped_fields_and_extras() {
        let b = batch(vec![
            ("key", Arc::new(Int64Array::from(vec![Some(7), None]))),
            (
                "body",
                Arc::new(LargeStringArray::from(vec![Some("one two"), None])),
            ),
            ("lang", Arc::new(StringArray::from(vec!["en", "fr"]))),
        ]);
        let fields = FieldMap {
            id: "key".into(),
            text: "body".into(),
            ..FieldMap::default()
        };
        let rows = articles(&b, &fields, std::path::Path::new("t.parquet"), 1, |_| true).unwrap();
        let a: Vec<Article> = rows.into_iter().map(|(_, r)| r.unwrap()).collect();
        assert_eq!(a[0].id, "7");
        assert_eq!(a[0].text, "one two");
        assert_eq!(a[0].extra.get("lang"), Some(&Value::String("en".into())));
        assert_eq!(a[1].id, "t.parquet:2");
        assert_eq!(a[1].text, "");
    }

    #[test]
    fn a_missing_or_non_text_column_is_named() {
        let b = batch(vec![("id", Arc::new(StringArray::from(vec!["a"])))]);
        let err = articles(
            &b,
            &FieldMap::default(),
            std::path::Path::new("x"),
            1,
            |_| true,
        )
        .unwrap_err();
        assert_eq!(err, "no 'text' column");
        let b = batch(vec![("text", Arc::new(Int64Array::from(vec![1])))]);
        let err = articles(
            &b,
            &FieldMap::default(),
            std::path::Path::new("x"),
            1,
            |_| true,
        )
        .unwrap_err();
        assert_eq!(err, "column 'text' holds Int64, not text");
    }
}
