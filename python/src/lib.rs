//! The `wirediff._wirediff` extension module: the library's commands and
//! the distributed stages over Arrow tables. Tables cross through the Arrow
//! C stream interface (no Python object per row); the GIL is released while
//! the library works, on rayon's threads. `python/wirediff/__init__.py`
//! wraps these with the CLI's option names and defaults.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, OnceLock};

use arrow_array::{ArrayRef, RecordBatch};
use arrow_pyarrow::{PyArrowType, Table};
use arrow_schema::SchemaRef;
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;

use wirediff::copies::Measure;
use wirediff::dedup::DedupConfig;
use wirediff::distributed::{self, Params};
use wirediff::ingest::{DuplicateIds, FieldMap, IngestConfig, Inputs};
use wirediff::report;
use wirediff::shingle::Shingling;
use wirediff::sketch::Kernel;
use wirediff::stories::StoriesConfig;

/// The same allocator as the command line's, for the same speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    _wirediff,
    WirediffError,
    PyValueError,
    "Invalid input or options; the message is the one `wirediff` prints."
);

/// The message of an error and its causes, as the CLI prints it (`{:#}`).
fn message(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn py_err(err: wirediff::Error) -> PyErr {
    WirediffError::new_err(message(&err))
}

/// Runs `work` with the GIL released, on a pool of `threads` threads (the
/// global pool, one per core, when `None`).
fn run<T: Send>(
    py: Python<'_>,
    threads: Option<usize>,
    work: impl FnOnce() -> T + Send,
) -> PyResult<T> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let pool = match threads {
        None => None,
        Some(0) => return Err(WirediffError::new_err("--threads must be at least 1")),
        Some(n) => {
            let mut pools = POOLS
                .get_or_init(Default::default)
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            let pool = match pools.get(&n) {
                Some(pool) => Arc::clone(pool),
                None => {
                    let pool = rayon::ThreadPoolBuilder::new()
                        .num_threads(n)
                        .build()
                        .map_err(|e| {
                            WirediffError::new_err(format!("could not start {n} threads: {e}"))
                        })?;
                    let pool = Arc::new(pool);
                    pools.insert(n, Arc::clone(&pool));
                    pool
                }
            };
            Some(pool)
        }
    };
    Ok(py.detach(|| match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }))
}

/// How to read a table: `--field` mappings, `--strict`, `--duplicate-ids`.
fn ingest_config(fields: Vec<String>, strict: bool, duplicate_ids: &str) -> PyResult<IngestConfig> {
    let mut map = FieldMap::default();
    for mapping in &fields {
        map.set(mapping).map_err(py_err)?;
    }
    Ok(IngestConfig {
        fields: map,
        format: None,
        strict,
        duplicate_ids: match duplicate_ids {
            "skip" => DuplicateIds::Skip,
            _ => DuplicateIds::Error,
        },
        ..IngestConfig::default()
    })
}

/// The table as inputs named `articles` in messages, with its text column
/// checked first (a file without one would be one skipped record).
fn inputs(table: Table, config: IngestConfig) -> PyResult<Inputs> {
    let (batches, schema) = table.into_inner();
    wirediff::ingest::parquet::check_schema(&schema, &config.fields)
        .map_err(|problem| WirediffError::new_err(format!("articles: {problem}")))?;
    Ok(Inputs::from_batches("articles", batches, config))
}

fn table(batches: Vec<RecordBatch>, schema: SchemaRef) -> PyResult<PyArrowType<Table>> {
    Table::try_new(batches, schema)
        .map(PyArrowType)
        .map_err(|e| WirediffError::new_err(e.to_string()))
}

fn one(batch: RecordBatch) -> PyResult<PyArrowType<Table>> {
    let schema = batch.schema();
    table(vec![batch], schema)
}

/// The copy-job settings from the CLI's options, checked as it checks them.
#[allow(clippy::too_many_arguments)]
fn dedup_config(
    measure: &str,
    threshold: f64,
    shingle_size: usize,
    char_shingles: bool,
    permutations: usize,
    seed: u64,
    kernel: &str,
    shingle_cache_mb: usize,
) -> PyResult<DedupConfig> {
    let k = NonZeroUsize::new(shingle_size)
        .ok_or_else(|| WirediffError::new_err("--shingle-size must be at least 1"))?;
    let config = DedupConfig {
        shingling: if char_shingles {
            Shingling::Chars(k)
        } else {
            Shingling::Words(k)
        },
        permutations,
        seed,
        measure: if measure == "jaccard" {
            Measure::Jaccard
        } else {
            Measure::Containment
        },
        threshold,
        kernel: if kernel == "minhash-rs" {
            Kernel::MinhashRs
        } else {
            Kernel::Simd
        },
        shingle_cache_bytes: shingle_cache_mb.saturating_mul(1 << 20),
        ..DedupConfig::default()
    };
    config.check().map_err(py_err)?;
    Ok(config)
}

/// `wirediff dedup`: the article records as a table, and the warnings
/// (skipped records) the CLI would print.
#[pyfunction]
#[pyo3(signature = (articles, fields, strict, duplicate_ids, threads, measure, threshold,
    shingle_size, char_shingles, permutations, seed, kernel, shingle_cache_mb))]
#[allow(clippy::too_many_arguments)]
fn dedup(
    py: Python<'_>,
    articles: PyArrowType<Table>,
    fields: Vec<String>,
    strict: bool,
    duplicate_ids: &str,
    threads: Option<usize>,
    measure: &str,
    threshold: f64,
    shingle_size: usize,
    char_shingles: bool,
    permutations: usize,
    seed: u64,
    kernel: &str,
    shingle_cache_mb: usize,
) -> PyResult<(PyArrowType<Table>, Vec<String>)> {
    let config = dedup_config(
        measure,
        threshold,
        shingle_size,
        char_shingles,
        permutations,
        seed,
        kernel,
        shingle_cache_mb,
    )?;
    let inputs = inputs(articles.0, ingest_config(fields, strict, duplicate_ids)?)?;
    let result = run(py, threads, || {
        let result = wirediff::dedup::dedup(&inputs, &config, &|_| {})?;
        let batch = report::parquet::dedup_batch(&result);
        let warnings = warnings(&result.warnings, &result.skipped);
        Ok::<_, wirediff::Error>((batch, warnings))
    })?;
    let (batch, warnings) = result.map_err(py_err)?;
    Ok((one(batch)?, warnings))
}

fn warnings(warnings: &[wirediff::Error], skipped: &[wirediff::Error]) -> Vec<String> {
    warnings.iter().chain(skipped).map(|e| message(e)).collect()
}

/// Reads every article of a table, as the commands that hold the corpus do.
fn read_all(
    py: Python<'_>,
    inputs: &Inputs,
    threads: Option<usize>,
) -> PyResult<(Vec<wirediff::Article>, Vec<String>)> {
    let ingested = run(py, threads, || wirediff::ingest::read(inputs))?.map_err(py_err)?;
    let warnings = warnings(&ingested.warnings, &ingested.skipped);
    Ok((ingested.articles, warnings))
}

/// `wirediff stories`: one row per article with its story.
#[pyfunction]
#[pyo3(signature = (articles, fields, strict, duplicate_ids, threads, threshold, window, no_copies))]
#[allow(clippy::too_many_arguments)]
fn stories(
    py: Python<'_>,
    articles: PyArrowType<Table>,
    fields: Vec<String>,
    strict: bool,
    duplicate_ids: &str,
    threads: Option<usize>,
    threshold: f64,
    window: u32,
    no_copies: bool,
) -> PyResult<(PyArrowType<Table>, Vec<String>)> {
    if !(0.0..=1.0).contains(&threshold) || threshold.is_nan() {
        return Err(py_err(wirediff::Error::Threshold(threshold)));
    }
    let config = StoriesConfig {
        threshold,
        window_days: (window > 0).then_some(window),
        ..StoriesConfig::default()
    };
    let inputs = inputs(articles.0, ingest_config(fields, strict, duplicate_ids)?)?;
    let (articles, warnings) = read_all(py, &inputs, threads)?;
    let batch = run(py, threads, || {
        let groups: Vec<u32> = if no_copies {
            (0..articles.len() as u32).collect()
        } else {
            wirediff::dedup::dedup_articles(&articles, &DedupConfig::default())
                .copies
                .group_of
        };
        let found = wirediff::stories::stories(&articles, &groups, &config);
        report::parquet::stories_batch(&found, &articles, &groups)
    })?;
    Ok((one(batch)?, warnings))
}

/// `wirediff facts`: one row per fact.
#[pyfunction]
#[pyo3(signature = (articles, fields, strict, duplicate_ids, threads))]
fn facts(
    py: Python<'_>,
    articles: PyArrowType<Table>,
    fields: Vec<String>,
    strict: bool,
    duplicate_ids: &str,
    threads: Option<usize>,
) -> PyResult<(PyArrowType<Table>, Vec<String>)> {
    let inputs = inputs(articles.0, ingest_config(fields, strict, duplicate_ids)?)?;
    let (articles, warnings) = read_all(py, &inputs, threads)?;
    let batch = run(py, threads, || {
        let facts: Vec<Vec<wirediff::facts::Fact>> = articles
            .par_iter()
            .map(|a| wirediff::facts::extract(&a.text, a.published.as_deref()))
            .collect();
        report::parquet::facts_batch(articles.iter().zip(facts.iter().map(Vec::as_slice)))
    })?;
    Ok((one(batch)?, warnings))
}

/// `wirediff compare --format jsonl`: the JSON Lines records, one string
/// each.
#[pyfunction]
#[pyo3(signature = (articles, fields, strict, duplicate_ids, threads))]
fn compare(
    py: Python<'_>,
    articles: PyArrowType<Table>,
    fields: Vec<String>,
    strict: bool,
    duplicate_ids: &str,
    threads: Option<usize>,
) -> PyResult<(Vec<String>, Vec<String>)> {
    use wirediff::compare::{CompareConfig, compare_corpus};
    use wirediff::report::compare::Summary;
    let started = std::time::Instant::now();
    let inputs = inputs(articles.0, ingest_config(fields, strict, duplicate_ids)?)?;
    let ingested = run(py, threads, || wirediff::ingest::read(&inputs))?.map_err(py_err)?;
    let warnings = warnings(&ingested.warnings, &ingested.skipped);
    let lines = run(py, threads, || {
        let result = compare_corpus(&ingested.articles, &CompareConfig::default());
        let summary = Summary::new(
            &result,
            ingested.articles.len(),
            ingested.skipped.len(),
            started,
        );
        let mut out = Vec::new();
        report::compare::write_jsonl(&result.comparisons, &summary, &mut out).map(|()| out)
    })?
    .map_err(|e| WirediffError::new_err(e.to_string()))?;
    let text = String::from_utf8_lossy(&lines);
    Ok((text.lines().map(str::to_string).collect(), warnings))
}

/// The parameters every distributed stage shares (see the Python
/// `wirediff.Params`).
#[pyclass(name = "Params", module = "wirediff", frozen)]
struct PyParams {
    inner: Params,
}

#[pymethods]
impl PyParams {
    #[new]
    #[pyo3(signature = (measure, threshold, shingle_size, char_shingles, permutations, seed, kernel))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        measure: &str,
        threshold: f64,
        shingle_size: usize,
        char_shingles: bool,
        permutations: usize,
        seed: u64,
        kernel: &str,
    ) -> PyResult<PyParams> {
        let config = dedup_config(
            measure,
            threshold,
            shingle_size,
            char_shingles,
            permutations,
            seed,
            kernel,
            1024,
        )?;
        Ok(PyParams {
            inner: Params::new(&config).map_err(py_err)?,
        })
    }

    /// The parameters in words.
    fn describe(&self) -> String {
        self.inner.describe()
    }

    /// The number carried in the `params` column of signatures and pairs.
    #[getter]
    fn id(&self) -> i64 {
        self.inner.id()
    }

    /// Bands of the banding.
    #[getter]
    fn bands(&self) -> usize {
        self.inner.bands().bands
    }

    /// Signature words per band.
    #[getter]
    fn rows(&self) -> usize {
        self.inner.bands().rows
    }

    fn __repr__(&self) -> String {
        format!("Params({})", self.inner.describe())
    }
}

/// Applies a stage to every batch of a table, in parallel within each.
fn each_batch(
    py: Python<'_>,
    input: Table,
    schema: SchemaRef,
    stage: impl Fn(&RecordBatch) -> wirediff::Result<RecordBatch> + Sync,
) -> PyResult<PyArrowType<Table>> {
    let (batches, _) = input.into_inner();
    let out = run(py, None, || {
        batches
            .iter()
            .map(&stage)
            .collect::<wirediff::Result<Vec<_>>>()
    })?
    .map_err(py_err)?;
    table(out, schema)
}

#[pyfunction]
fn sketch(
    py: Python<'_>,
    params: &PyParams,
    batch: PyArrowType<Table>,
) -> PyResult<PyArrowType<Table>> {
    each_batch(py, batch.0, distributed::sketch_schema(), |b| {
        distributed::sketch(&params.inner, b)
    })
}

#[pyfunction]
fn band_keys(
    py: Python<'_>,
    params: &PyParams,
    batch: PyArrowType<Table>,
) -> PyResult<PyArrowType<Table>> {
    each_batch(py, batch.0, distributed::band_keys_schema(), |b| {
        distributed::band_keys(&params.inner, b)
    })
}

#[pyfunction]
fn bucket_pairs(py: Python<'_>, batch: PyArrowType<Table>) -> PyResult<PyArrowType<Table>> {
    each_batch(
        py,
        batch.0,
        distributed::pairs_schema(),
        distributed::bucket_pairs,
    )
}

#[pyfunction]
fn verify(
    py: Python<'_>,
    params: &PyParams,
    batch: PyArrowType<Table>,
) -> PyResult<PyArrowType<Table>> {
    each_batch(py, batch.0, distributed::verified_schema(), |b| {
        distributed::verify(&params.inner, b)
    })
}

#[pyfunction]
fn components(
    py: Python<'_>,
    params: &PyParams,
    pairs: PyArrowType<Table>,
    articles: PyArrowType<Table>,
) -> PyResult<PyArrowType<Table>> {
    let (pairs, _) = pairs.0.into_inner();
    let (articles, _) = articles.0.into_inner();
    let batch = run(py, None, || {
        distributed::components(&params.inner, &pairs, &articles)
    })?
    .map_err(py_err)?;
    one(batch)
}

/// JSON Lines records read as the CLI reads them: `line` (int64, 1-based)
/// and `record` (string) in; `id` (the line), `article_id`, `source`,
/// `published`, `text`, `length` (bytes), `problem` (null, or why the
/// record is skipped, as `path:line: problem`) out.
#[pyfunction]
#[pyo3(signature = (batch, fields, path))]
fn parse_jsonl(
    py: Python<'_>,
    batch: PyArrowType<Table>,
    fields: Vec<String>,
    path: String,
) -> PyResult<PyArrowType<Table>> {
    use arrow_array::builder::{Int64Builder, StringBuilder};
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use arrow_schema::{DataType, Field, Schema};
    let config = ingest_config(fields, false, "error")?;
    let schema: SchemaRef = Arc::new(Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("article_id", DataType::Utf8, true),
        Field::new("source", DataType::Utf8, true),
        Field::new("published", DataType::Utf8, true),
        Field::new("published_utc", DataType::Utf8, true),
        Field::new("text", DataType::Utf8, true),
        Field::new("length", DataType::Int64, false),
        Field::new("problem", DataType::Utf8, true),
    ]));
    let out_schema = Arc::clone(&schema);
    let path = std::path::PathBuf::from(path);
    each_batch(py, batch.0, out_schema, move |b| {
        let bad = |problem: &str| wirediff::Error::Batch {
            stage: "parse_jsonl",
            problem: problem.to_string(),
        };
        let lines = b
            .column_by_name("line")
            .and_then(|c| c.as_primitive_opt::<Int64Type>())
            .ok_or_else(|| bad("needs an int64 'line' column"))?;
        let records = b
            .column_by_name("record")
            .ok_or_else(|| bad("needs a string 'record' column"))?;
        let records = arrow_cast_strings(records).ok_or_else(|| bad("'record' must be strings"))?;
        let parsed: Vec<Option<wirediff::Result<wirediff::Article>>> = (0..b.num_rows())
            .into_par_iter()
            .map(|row| {
                let record = records.get(row).unwrap_or("");
                if record.trim().is_empty() {
                    return None;
                }
                let line = u64::try_from(lines.value(row)).unwrap_or(0);
                Some(wirediff::ingest::parse_jsonl_record(
                    record, &config, &path, line,
                ))
            })
            .collect();
        let mut id = Int64Builder::new();
        let mut columns: Vec<StringBuilder> = (0..6).map(|_| StringBuilder::new()).collect();
        let mut length = Int64Builder::new();
        for (row, result) in parsed.into_iter().enumerate() {
            let Some(result) = result else { continue };
            let line = lines.value(row);
            id.append_value(line);
            match result {
                Ok(a) => {
                    columns[0].append_value(&a.id);
                    columns[1].append_option(a.source.as_deref());
                    columns[2].append_option(a.published.as_deref());
                    columns[3].append_option(a.published_date().map(|d| d.utc_string()));
                    columns[4].append_value(&a.text);
                    length.append_value(a.text.len() as i64);
                    columns[5].append_null();
                }
                Err(problem) => {
                    for c in &mut columns[..5] {
                        c.append_null();
                    }
                    length.append_value(0);
                    columns[5].append_value(message(&problem));
                }
            }
        }
        let mut arrays: Vec<ArrayRef> = vec![Arc::new(id.finish())];
        for c in &mut columns[..5] {
            arrays.push(Arc::new(c.finish()));
        }
        arrays.push(Arc::new(length.finish()));
        arrays.push(Arc::new(columns[5].finish()));
        Ok(RecordBatch::try_new(Arc::clone(&schema), arrays).expect("built to the schema"))
    })
}

/// A string column of any string type, read row by row.
enum AnyStrings<'a> {
    Small(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl AnyStrings<'_> {
    fn get(&self, row: usize) -> Option<&str> {
        use arrow_array::Array;
        match self {
            AnyStrings::Small(a) => a.is_valid(row).then(|| a.value(row)),
            AnyStrings::Large(a) => a.is_valid(row).then(|| a.value(row)),
            AnyStrings::View(a) => a.is_valid(row).then(|| a.value(row)),
        }
    }
}

fn arrow_cast_strings(column: &ArrayRef) -> Option<AnyStrings<'_>> {
    use arrow_array::cast::AsArray;
    use arrow_schema::DataType;
    match column.data_type() {
        DataType::Utf8 => Some(AnyStrings::Small(column.as_string::<i32>())),
        DataType::LargeUtf8 => Some(AnyStrings::Large(column.as_string::<i64>())),
        DataType::Utf8View => Some(AnyStrings::View(column.as_string_view())),
        _ => None,
    }
}

/// `article` records of `wirediff dedup --format jsonl`, formatted by the
/// library: `id`, `source`, `group`, `group_size`, `representative`,
/// `kind` (`origin`, `duplicate`, `reuse` or `unique`), `copy_of` (id or
/// null), `jaccard`, `containment` in; `line` (string, no newline) out.
#[pyfunction]
fn article_lines(py: Python<'_>, batch: PyArrowType<Table>) -> PyResult<PyArrowType<Table>> {
    use arrow_array::builder::StringBuilder;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int64Type};
    use arrow_schema::{DataType, Field, Schema};
    let schema: SchemaRef = Arc::new(Schema::new(vec![Field::new("line", DataType::Utf8, false)]));
    each_batch(py, batch.0, Arc::clone(&schema), move |b| {
        let bad = |name: &str| wirediff::Error::Batch {
            stage: "article_lines",
            problem: format!("column '{name}' is missing or of the wrong type"),
        };
        let text = |name: &str| {
            b.column_by_name(name)
                .and_then(arrow_cast_strings)
                .ok_or_else(|| bad(name))
        };
        let int = |name: &str| {
            b.column_by_name(name)
                .and_then(|c| c.as_primitive_opt::<Int64Type>())
                .ok_or_else(|| bad(name))
        };
        let float = |name: &str| {
            b.column_by_name(name)
                .and_then(|c| c.as_primitive_opt::<Float64Type>())
                .ok_or_else(|| bad(name))
        };
        let (id, source, representative) = (text("id")?, text("source")?, text("representative")?);
        let (kind, copy_of) = (text("kind")?, text("copy_of")?);
        let (group, size) = (int("group")?, int("group_size")?);
        let (jaccard, containment) = (float("jaccard")?, float("containment")?);
        let mut out = StringBuilder::new();
        let mut line = Vec::new();
        for row in 0..b.num_rows() {
            line.clear();
            report::dedup::write_article_line(
                &report::dedup::ArticleLine {
                    id: id.get(row).unwrap_or(""),
                    source: source.get(row),
                    group: u32::try_from(group.value(row)).unwrap_or(u32::MAX),
                    group_size: usize::try_from(size.value(row)).unwrap_or(0),
                    representative: representative.get(row).unwrap_or(""),
                    kind: kind.get(row).unwrap_or("unique"),
                    copy_of: copy_of.get(row),
                    jaccard: jaccard.value(row),
                    containment: containment.value(row),
                },
                &mut line,
            )
            .expect("writing to memory does not fail");
            line.pop();
            out.append_value(String::from_utf8_lossy(&line));
        }
        Ok(
            RecordBatch::try_new(Arc::clone(&schema), vec![Arc::new(out.finish())])
                .expect("built to the schema"),
        )
    })
}

#[pymodule]
fn _wirediff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("WirediffError", m.py().get_type::<WirediffError>())?;
    m.add_class::<PyParams>()?;
    m.add_function(wrap_pyfunction!(dedup, m)?)?;
    m.add_function(wrap_pyfunction!(stories, m)?)?;
    m.add_function(wrap_pyfunction!(facts, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(sketch, m)?)?;
    m.add_function(wrap_pyfunction!(band_keys, m)?)?;
    m.add_function(wrap_pyfunction!(bucket_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(components, m)?)?;
    m.add_function(wrap_pyfunction!(parse_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(article_lines, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
