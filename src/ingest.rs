//! Reading articles: files, directories (walked recursively in sorted order)
//! or `-` for stdin, in JSON Lines, CSV with a header row, or plain text, each
//! optionally gzipped, or Parquet; and Arrow record batches already in
//! memory ([`Inputs::from_batches`]).
//!
//! Bad input is data, not a crash: a malformed record becomes an
//! [`Error::Record`] in [`Batch::skipped`] and the rest goes on, unless
//! [`IngestConfig::strict`] is set, in which case it is returned as the error.
//! Two articles with the same id are fatal ([`Error::DuplicateId`]), or,
//! with [`DuplicateIds::Skip`], the later one is a skipped record.
//!
//! Input can be read whole ([`read`]) or in batches ([`Reader`]) so that a
//! large corpus never has to be held in memory at once. Stdin is spooled to a
//! temporary file as it is read, so every input can be read more than once
//! ([`Inputs`] is cheap to reopen).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::article::{Article, Origin, Unit};
use crate::error::{Error, Result};
use crate::published::{self, DateOrder, DateProblem};

mod csv_records;
mod html;
mod json;
pub mod parquet;
#[cfg(test)]
mod tests;
mod text;
mod warc;

use csv_records::{Column, CsvHeader, CsvItem, CsvRecords, csv_article};
use text::text_article;

/// The formats wirediff reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputFormat {
    /// One JSON object a line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// Comma-separated values with a header row (`.csv`).
    Csv,
    /// One article a file (`.txt`), optionally opening with a header block.
    Text,
    /// One web page a file (`.html`, `.htm`): its main text, title,
    /// publication date and canonical address.
    Html,
    /// A web crawl (`.warc`): every HTML response record a page.
    Warc,
    /// Apache Parquet (`.parquet`), one article a row; see [`parquet`].
    Parquet,
}

impl InputFormat {
    /// The format a file name implies, looking through a final `.gz`.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".parquet") {
            return Some(InputFormat::Parquet);
        }
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "csv" => Some(InputFormat::Csv),
            "txt" => Some(InputFormat::Text),
            "html" | "htm" => Some(InputFormat::Html),
            "warc" => Some(InputFormat::Warc),
            _ => None,
        }
    }
}

/// Names of the input fields that hold each part of an article.
///
/// The defaults are `id`, `source`, `published`, `title`, `text` and `url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMap {
    /// Field holding the article id.
    pub id: String,
    /// Field holding the outlet.
    pub source: String,
    /// Field holding the publication date.
    pub published: String,
    /// Field holding the headline.
    pub title: String,
    /// Field holding the body text.
    pub text: String,
    /// Field holding the address.
    pub url: String,
    /// Field holding a web page's HTML, read for the text (and the title,
    /// date and address the record lacks) when the record has no text.
    pub html: String,
}

impl Default for FieldMap {
    fn default() -> FieldMap {
        FieldMap {
            id: "id".into(),
            source: "source".into(),
            published: "published".into(),
            title: "title".into(),
            text: "text".into(),
            url: "url".into(),
            html: "html".into(),
        }
    }
}

impl FieldMap {
    /// Applies one `FIELD=NAME` mapping (`--field text=content`): the
    /// article field `FIELD` is read from the input's `NAME`.
    ///
    /// Errors: not `FIELD=NAME`, an unknown field, an empty name.
    pub fn set(&mut self, mapping: &str) -> Result<()> {
        let (field, name) = mapping
            .split_once('=')
            .ok_or_else(|| Error::FieldSyntax(mapping.to_string()))?;
        let slot = match field {
            "id" => &mut self.id,
            "source" => &mut self.source,
            "published" => &mut self.published,
            "title" => &mut self.title,
            "text" => &mut self.text,
            "url" => &mut self.url,
            "html" => &mut self.html,
            other => return Err(Error::UnknownField(other.to_string())),
        };
        if name.is_empty() {
            return Err(Error::EmptyFieldName(mapping.to_string()));
        }
        *slot = name.to_string();
        Ok(())
    }
}

/// How to read the input.
#[derive(Clone, Debug, Default)]
pub struct IngestConfig {
    /// Field names; see [`FieldMap`].
    pub fields: FieldMap,
    /// Format for every input, overriding file names. The default (`None`)
    /// tells the format from each file's name, and sniffs stdin (`{` first
    /// means JSON Lines, anything else one plain-text article).
    pub format: Option<InputFormat>,
    /// Make the first malformed record fatal. The default is to skip it.
    pub strict: bool,
    /// What a second article with an id already seen is.
    pub duplicate_ids: DuplicateIds,
    /// How to read ambiguous numeric dates such as `03/04/2023` in
    /// `published` (and in the text, for records without one).
    pub date_order: DateOrder,
}

/// What to do with an article whose id was already seen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DuplicateIds {
    /// A fatal [`Error::DuplicateId`] naming both places (the default: ids
    /// are how outputs refer to articles, so they must be unique).
    #[default]
    Error,
    /// A malformed record ([`Error::Record`], "duplicate article id 'X'
    /// (first at path:line)"): the first article with the id is
    /// kept, the later one reported and skipped (fatal with
    /// [`IngestConfig::strict`]). For corpora that repeat records.
    Skip,
}

/// One input file, resolved from the paths the user gave.
#[derive(Clone, Debug)]
pub struct InputFile {
    /// The path to show in messages (`-` for stdin).
    pub path: PathBuf,
    /// The directory ids of `.txt` articles are relative to, when the file
    /// was found under a directory the user gave.
    pub root: Option<PathBuf>,
    /// The file's format.
    pub format: InputFormat,
    /// Where to read it from: the file itself, or stdin's spool.
    location: Location,
}

impl InputFile {
    /// What record positions in this file count: lines, or WARC records.
    fn unit(&self) -> Unit {
        match self.format {
            InputFormat::Warc => Unit::Record,
            _ => Unit::Line,
        }
    }
}

/// Stdin spooled to a temporary file, listed for removal on a signal.
#[derive(Debug)]
struct Spool {
    file: tempfile::NamedTempFile,
    _tracked: crate::report::output::Tracked,
}

impl Spool {
    fn path(&self) -> &Path {
        self.file.path()
    }
}

#[derive(Clone, Debug)]
enum Location {
    Path(PathBuf),
    Spool(Arc<Spool>),
    Memory(Arc<[arrow_array::RecordBatch]>),
}

/// The resolved inputs: every file to read, in order. Cloning is cheap and
/// each [`Reader`] reads them from the start.
#[derive(Clone, Debug)]
pub struct Inputs {
    files: Vec<InputFile>,
    config: Arc<IngestConfig>,
}

impl Inputs {
    /// Resolves the paths the user gave: directories are walked recursively
    /// in sorted order (hidden entries and files of unknown format skipped),
    /// `-` reads stdin (spooled to a temporary file so it can be read again).
    ///
    /// Errors: a missing path, a named file of unknown format, a directory
    /// with no article files, unreadable stdin.
    pub fn resolve(paths: &[PathBuf], config: IngestConfig) -> Result<Inputs> {
        let mut files = Vec::new();
        for path in paths {
            if path.as_os_str() == "-" {
                files.push(spool_stdin(&config)?);
                continue;
            }
            let meta = std::fs::metadata(path).map_err(|source| match source.kind() {
                io::ErrorKind::NotFound => Error::NotFound { path: path.clone() },
                _ => Error::Read {
                    path: path.clone(),
                    source,
                },
            })?;
            if meta.is_dir() {
                let before = files.len();
                walk(path, path, &config, &mut files)?;
                if files.len() == before {
                    return Err(Error::EmptyDirectory { path: path.clone() });
                }
            } else {
                let format = config
                    .format
                    .or_else(|| InputFormat::from_path(path))
                    .ok_or_else(|| Error::UnknownFormat { path: path.clone() })?;
                files.push(InputFile {
                    path: path.clone(),
                    root: None,
                    format,
                    location: Location::Path(path.clone()),
                });
            }
        }
        Ok(Inputs {
            files,
            config: Arc::new(config),
        })
    }

    /// One input of Arrow record batches already in memory (e.g. a table
    /// handed over from Python), read as a Parquet file would be: columns by
    /// [`IngestConfig::fields`], rows numbered from 1 in messages, which
    /// name it `name`.
    pub fn from_batches(
        name: &str,
        batches: Vec<arrow_array::RecordBatch>,
        config: IngestConfig,
    ) -> Inputs {
        Inputs {
            files: vec![InputFile {
                path: PathBuf::from(name),
                root: None,
                format: InputFormat::Parquet,
                location: Location::Memory(batches.into()),
            }],
            config: Arc::new(config),
        }
    }

    /// How the inputs are read.
    pub fn config(&self) -> &IngestConfig {
        &self.config
    }

    /// The files, in reading order.
    pub fn files(&self) -> &[InputFile] {
        &self.files
    }

    /// A reader from the first file's start.
    pub fn reader(&self) -> Reader {
        Reader {
            inputs: self.clone(),
            next_file: 0,
            current: None,
            seen: HashMap::new(),
            ordinal: 0,
            only: None,
            date_warnings: std::collections::BTreeMap::new(),
        }
    }

    /// A reader that yields only the records at `locations` (sorted, as
    /// returned in [`Batch::locations`] by an earlier reading), for a second
    /// pass over part of the input. Other JSON Lines records are not parsed,
    /// and ids are not checked for repeats again.
    pub fn reader_only(&self, mut locations: Vec<RecordLocation>) -> Reader {
        locations.sort_unstable();
        Reader {
            only: Some(Only { locations, next: 0 }),
            ..self.reader()
        }
    }

    /// Opens Parquet input `index` as Arrow record batches (its whole
    /// rows), for outputs that copy input rows.
    ///
    /// Errors: the file cannot be read or is not Parquet.
    pub fn parquet_reader(
        &self,
        index: usize,
    ) -> Result<::parquet::arrow::arrow_reader::ParquetRecordBatchReader> {
        let file = &self.files[index];
        let read_err = |source| Error::Read {
            path: file.path.clone(),
            source,
        };
        let path = match &file.location {
            Location::Path(path) => path.as_path(),
            Location::Spool(spool) => spool.path(),
            Location::Memory(_) => {
                return Err(read_err(io::Error::other("an in-memory table is no file")));
            }
        };
        let handle = File::open(path).map_err(read_err)?;
        ::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(handle)
            .and_then(|b| b.build())
            .map_err(|e| read_err(io::Error::other(e)))
    }

    /// Opens file `index` for raw reading (decompressing `.gz` transparently),
    /// for outputs that copy input records verbatim.
    pub fn open(&self, index: usize) -> Result<Box<dyn BufRead + Send>> {
        open_file(&self.files[index])
    }
}

fn walk(root: &Path, dir: &Path, config: &IngestConfig, files: &mut Vec<InputFile>) -> Result<()> {
    let read_err = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let entry = entry.map_err(read_err)?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        entries.push(entry.path());
    }
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(root, &path, config, files)?;
        } else if let Some(format) = config.format.or_else(|| InputFormat::from_path(&path)) {
            files.push(InputFile {
                path: path.clone(),
                root: Some(root.to_path_buf()),
                format,
                location: Location::Path(path),
            });
        }
    }
    Ok(())
}

fn spool_stdin(config: &IngestConfig) -> Result<InputFile> {
    let stdin_err = |source| Error::Read {
        path: PathBuf::from("-"),
        source,
    };
    let mut spool = tempfile::Builder::new()
        .prefix(".wirediff-stdin-")
        .tempfile()
        .map_err(stdin_err)?;
    let tracked = crate::report::output::Tracked::new(spool.path());
    io::copy(&mut io::stdin().lock(), spool.as_file_mut()).map_err(stdin_err)?;
    spool.as_file_mut().flush().map_err(stdin_err)?;
    let format = match config.format {
        Some(format) => format,
        None => {
            let mut head = Vec::new();
            let mut reader = open_path(spool.path()).map_err(stdin_err)?;
            reader
                .by_ref()
                .take(4096)
                .read_to_end(&mut head)
                .map_err(stdin_err)?;
            let first = head.iter().find(|b| !b.is_ascii_whitespace());
            if head.starts_with(b"PAR1") {
                InputFormat::Parquet
            } else if first == Some(&b'{') {
                InputFormat::Jsonl
            } else {
                InputFormat::Text
            }
        }
    };
    Ok(InputFile {
        path: PathBuf::from("-"),
        root: None,
        format,
        location: Location::Spool(Arc::new(Spool {
            file: spool,
            _tracked: tracked,
        })),
    })
}

fn open_path(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let mut file = File::open(path)?;
    let mut magic = [0u8; 2];
    let n = file.read(&mut magic)?;
    file.rewind()?;
    let buffered = BufReader::with_capacity(1 << 20, file);
    if n == 2 && magic == [0x1f, 0x8b] {
        Ok(Box::new(BufReader::with_capacity(
            1 << 20,
            flate2::bufread::MultiGzDecoder::new(buffered),
        )))
    } else {
        Ok(Box::new(buffered))
    }
}

fn open_file(file: &InputFile) -> Result<Box<dyn BufRead + Send>> {
    let path = match &file.location {
        Location::Path(path) => path.as_path(),
        Location::Spool(spool) => spool.path(),
        Location::Memory(_) => {
            return Err(Error::Read {
                path: file.path.clone(),
                source: io::Error::other("an in-memory table has no bytes to read"),
            });
        }
    };
    open_path(path).map_err(|source| Error::Read {
        path: file.path.clone(),
        source,
    })
}

/// Opens a columnar input: a Parquet file, or batches in memory.
fn open_columnar(file: &InputFile) -> Result<parquet::Columnar> {
    let path = match &file.location {
        Location::Path(path) => path.as_path(),
        Location::Spool(spool) => spool.path(),
        Location::Memory(batches) => return Ok(parquet::Columnar::memory(Arc::clone(batches))),
    };
    File::open(path)
        .map(parquet::Columnar::open_file)
        .map_err(|source| Error::Read {
            path: file.path.clone(),
            source,
        })
}

/// A batch of articles read by [`Reader::next_batch`].
#[derive(Debug, Default)]
pub struct Batch {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Where each article came from: index into [`Inputs::files`] and its
    /// position, parallel to `articles`.
    pub locations: Vec<RecordLocation>,
    /// Records that could not be read, in input order.
    pub skipped: Vec<Error>,
    /// Warnings that lose nothing (lossy UTF-8), in input order.
    pub warnings: Vec<Error>,
}

/// Where a record lives, compactly: which input file and which line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordLocation {
    /// Index into [`Inputs::files`].
    pub file: u32,
    /// 1-based line of the record's start.
    pub line: u64,
}

/// Reads the inputs batch by batch, in order, parsing records in parallel.
pub struct Reader {
    inputs: Inputs,
    next_file: usize,
    current: Option<OpenFile>,
    seen: HashMap<Box<str>, RecordLocation>,
    ordinal: u64,
    only: Option<Only>,
    /// Unreadable `published` values seen per file index.
    date_warnings: std::collections::BTreeMap<u32, usize>,
}

/// The records a [`Reader`] is limited to, in reading order, and how far it got.
struct Only {
    locations: Vec<RecordLocation>,
    next: usize,
}

impl Only {
    /// Whether `location` is wanted; locations come in reading order.
    fn wants(&mut self, location: RecordLocation) -> bool {
        while self.next < self.locations.len() && self.locations[self.next] < location {
            self.next += 1;
        }
        self.locations.get(self.next) == Some(&location)
    }
}

struct OpenFile {
    index: u32,
    state: FileState,
    line: u64,
    warned_utf8: bool,
}

enum FileState {
    Jsonl(Box<dyn BufRead + Send>),
    Csv(Box<CsvRecords>, Option<CsvHeader>),
    TextPending,
    PagePending,
    Warc(Box<warc::Records>),
    Columnar(Box<parquet::Columnar>),
    Done,
}

/// A record read but not yet parsed.
enum Raw {
    Json(String),
    Ready(Box<Article>),
    /// A web page's bytes.
    Page(Vec<u8>),
    /// A page from a WARC record.
    Warc(Box<warc::Page>),
    Bad(String),
}

/// Unreadable `published` values reported one by one per file; the rest
/// are counted in one [`Error::PublishedMore`] at the end.
pub const DATE_WARNINGS_SHOWN: usize = 10;

impl Reader {
    /// Reports an unreadable `published` value (the first
    /// [`DATE_WARNINGS_SHOWN`] of a file one by one, then only counted).
    fn date_warning(
        seen: &mut std::collections::BTreeMap<u32, usize>,
        batch: &mut Batch,
        file: u32,
        article: &Article,
        problem: DateProblem,
    ) {
        let count = seen.entry(file).or_insert(0);
        *count += 1;
        if *count <= DATE_WARNINGS_SHOWN {
            let value = article.published.as_deref().unwrap_or("");
            let mut shown: String = value.chars().take(80).collect();
            if shown.len() < value.len() {
                shown.push('…');
            }
            batch.warnings.push(Error::Published {
                origin: article.origin.clone(),
                value: shown,
                problem,
            });
        }
    }

    /// Reads the next batch of about `max_bytes` of input (at least one
    /// record), or `None` at the end of the input.
    ///
    /// Errors: an unreadable file, a duplicate id, or with
    /// [`IngestConfig::strict`] the first malformed record.
    pub fn next_batch(&mut self, max_bytes: usize) -> Result<Option<Batch>> {
        let mut raws: Vec<(RecordLocation, Raw)> = Vec::new();
        let mut warnings = Vec::new();
        let mut bytes = 0;
        while bytes < max_bytes {
            if self.current.is_none() {
                if self.next_file >= self.inputs.files.len() {
                    break;
                }
                let index = self.next_file;
                self.next_file += 1;
                let file = &self.inputs.files[index];
                let state = match file.format {
                    InputFormat::Jsonl => FileState::Jsonl(open_file(file)?),
                    InputFormat::Csv => {
                        FileState::Csv(Box::new(CsvRecords::new(open_file(file)?)), None)
                    }
                    InputFormat::Text => FileState::TextPending,
                    InputFormat::Html => FileState::PagePending,
                    InputFormat::Warc => {
                        FileState::Warc(Box::new(warc::Records::new(open_file(file)?)))
                    }
                    InputFormat::Parquet => FileState::Columnar(Box::new(open_columnar(file)?)),
                };
                self.current = Some(OpenFile {
                    index: index as u32,
                    state,
                    line: 0,
                    warned_utf8: false,
                });
            }
            let open = self.current.as_mut().expect("a file was just opened above");
            let file = &self.inputs.files[open.index as usize];
            match read_record(
                open,
                file,
                &self.inputs.config.fields,
                &mut warnings,
                self.only.as_mut(),
            )? {
                Some((location, raw)) => {
                    bytes += match &raw {
                        Raw::Json(line) => line.len(),
                        Raw::Ready(article) => article.text.len(),
                        Raw::Page(bytes) => bytes.len(),
                        Raw::Warc(_) => 64 << 10,
                        Raw::Bad(_) => 1,
                    };
                    raws.push((location, raw));
                }
                None => self.current = None,
            }
        }
        if raws.is_empty() && warnings.is_empty() {
            // At the end: how many date warnings were not shown, per file.
            let more: Vec<Error> = std::mem::take(&mut self.date_warnings)
                .into_iter()
                .filter(|&(_, count)| count > DATE_WARNINGS_SHOWN)
                .map(|(file, count)| Error::PublishedMore {
                    path: self.inputs.files[file as usize].path.clone(),
                    count: count - DATE_WARNINGS_SHOWN,
                })
                .collect();
            if more.is_empty() {
                return Ok(None);
            }
            return Ok(Some(Batch {
                warnings: more,
                ..Batch::default()
            }));
        }
        let files = &self.inputs.files;
        let fields = &self.inputs.config.fields;
        let date_order = self.inputs.config.date_order;
        type Parsed = (
            RecordLocation,
            std::result::Result<Article, Problem>,
            Option<DateProblem>,
            bool,
        );
        let parsed: Vec<Parsed> = raws
            .into_par_iter()
            .map(|(location, raw)| {
                let file = &files[location.file as usize];
                let mut lossy = false;
                let mut result = match raw {
                    Raw::Json(line) => parse_json(&line, fields, file, location.line),
                    Raw::Ready(article) => Ok(*article),
                    Raw::Page(bytes) => {
                        let (article, replaced) = html::page_article(file, &bytes);
                        lossy = replaced;
                        Ok(article)
                    }
                    Raw::Warc(page) => {
                        let (article, replaced) = page.article();
                        lossy = replaced;
                        Ok(article)
                    }
                    Raw::Bad(problem) => Err(Problem::Message(problem)),
                };
                let date_problem = match &mut result {
                    Ok(article) => {
                        html::read_html_field(article, &fields.html);
                        published::resolve(article, date_order)
                    }
                    Err(_) => None,
                };
                (location, result, date_problem, lossy)
            })
            .collect();
        let mut batch = Batch {
            warnings,
            ..Batch::default()
        };
        for (location, result, date_problem, lossy) in parsed {
            if lossy {
                batch.warnings.push(Error::InvalidUtf8 {
                    path: files[location.file as usize].path.clone(),
                });
            }
            let origin = || Origin {
                path: files[location.file as usize].path.clone(),
                line: location.line,
                unit: files[location.file as usize].unit(),
            };
            match result {
                _ if self
                    .only
                    .as_ref()
                    .is_some_and(|only| only.locations.binary_search(&location).is_err()) => {}
                Ok(mut article) => {
                    if self.only.is_none() {
                        match self.seen.entry(article.id.as_str().into()) {
                            Entry::Vacant(slot) => {
                                slot.insert(location);
                            }
                            Entry::Occupied(seen) => {
                                let first = Origin {
                                    path: files[seen.get().file as usize].path.clone(),
                                    line: seen.get().line,
                                    unit: files[seen.get().file as usize].unit(),
                                };
                                if self.inputs.config.duplicate_ids == DuplicateIds::Error {
                                    return Err(Error::DuplicateId {
                                        id: article.id,
                                        first,
                                        second: origin(),
                                    });
                                }
                                let error = Error::Record {
                                    origin: origin(),
                                    problem: format!(
                                        "duplicate article id '{}' (first at {first})",
                                        article.id
                                    ),
                                };
                                if self.inputs.config.strict {
                                    return Err(error);
                                }
                                batch.skipped.push(error);
                                continue;
                            }
                        }
                    }
                    article.origin = origin();
                    if let Some(problem) = date_problem
                        && self.only.is_none()
                    {
                        Self::date_warning(
                            &mut self.date_warnings,
                            &mut batch,
                            location.file,
                            &article,
                            problem,
                        );
                    }
                    batch.articles.push(article);
                    batch.locations.push(location);
                    self.ordinal += 1;
                }
                Err(problem) => {
                    let error = problem.into_error(origin(), fields);
                    if self.inputs.config.strict {
                        return Err(error);
                    }
                    batch.skipped.push(error);
                }
            }
        }
        Ok(Some(batch))
    }
}

/// Reads one raw record from an open file, or `None` at its end.
fn read_record(
    open: &mut OpenFile,
    file: &InputFile,
    fields: &FieldMap,
    warnings: &mut Vec<Error>,
    mut only: Option<&mut Only>,
) -> Result<Option<(RecordLocation, Raw)>> {
    let read_err = |source| Error::Read {
        path: file.path.clone(),
        source,
    };
    let index = open.index;
    match &mut open.state {
        FileState::Jsonl(reader) => loop {
            let mut line = Vec::new();
            if read_line(reader, &mut line).map_err(read_err)? == 0 {
                open.state = FileState::Done;
                return Ok(None);
            }
            open.line += 1;
            if open.line == 1 && line.starts_with(b"\xef\xbb\xbf") {
                line.drain(..3);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = match String::from_utf8(line) {
                Ok(line) => line,
                Err(err) => {
                    if !open.warned_utf8 {
                        open.warned_utf8 = true;
                        warnings.push(Error::InvalidUtf8 {
                            path: file.path.clone(),
                        });
                    }
                    String::from_utf8_lossy(err.as_bytes()).into_owned()
                }
            };
            let location = RecordLocation {
                file: index,
                line: open.line,
            };
            if only.as_mut().is_some_and(|only| !only.wants(location)) {
                continue;
            }
            return Ok(Some((location, Raw::Json(line))));
        },
        FileState::Csv(reader, columns) => loop {
            let expected = columns.as_ref().map(|h| h.columns.len());
            let (line, record) = match reader.next(expected).map_err(read_err)? {
                None => {
                    open.state = FileState::Done;
                    return Ok(None);
                }
                Some(CsvItem::Bad { line, problem }) => {
                    open.line = line;
                    let location = RecordLocation { file: index, line };
                    return Ok(Some((location, Raw::Bad(problem))));
                }
                Some(CsvItem::Record { line, fields }) => (line, fields),
            };
            open.line = line;
            let location = RecordLocation { file: index, line };
            if !open.warned_utf8 && record.iter().any(|f| std::str::from_utf8(f).is_err()) {
                open.warned_utf8 = true;
                warnings.push(Error::InvalidUtf8 {
                    path: file.path.clone(),
                });
            }
            let values: Vec<String> = record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            let Some(header) = columns else {
                let names: Vec<String> = values
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let name = if i == 0 {
                            name.trim_start_matches('\u{feff}')
                        } else {
                            name
                        };
                        name.trim().to_string()
                    })
                    .collect();
                let columns_of: Vec<Column> =
                    names.iter().map(|name| Column::of(name, fields)).collect();
                if !columns_of.contains(&Column::Text) && !names.contains(&fields.html) {
                    open.state = FileState::Done;
                    let problem = format!(
                        "CSV header has no '{}' column (it has {}; --field text=NAME reads another column as the text)",
                        fields.text,
                        names
                            .iter()
                            .map(|n| format!("'{n}'"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    return Ok(Some((location, Raw::Bad(problem))));
                }
                *columns = Some(CsvHeader {
                    columns: columns_of,
                    names,
                });
                continue;
            };
            return Ok(Some((location, csv_article(header, &values, file, line))));
        },
        FileState::TextPending => {
            open.state = FileState::Done;
            let mut reader = open_file(file)?;
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(read_err)?;
            if matches!(file.location, Location::Spool(_)) && bytes.trim_ascii().is_empty() {
                // Empty stdin holds no article (an empty file is an
                // article with an empty text, reported as such).
                return Ok(None);
            }
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(err) => {
                    warnings.push(Error::InvalidUtf8 {
                        path: file.path.clone(),
                    });
                    String::from_utf8_lossy(err.as_bytes()).into_owned()
                }
            };
            let location = RecordLocation {
                file: index,
                line: 1,
            };
            Ok(Some((
                location,
                Raw::Ready(Box::new(text_article(file, text))),
            )))
        }
        FileState::Warc(records) => loop {
            let Some(next) = records.next_record() else {
                open.state = FileState::Done;
                return Ok(None);
            };
            let location = RecordLocation {
                file: index,
                line: records.number,
            };
            if only.as_mut().is_some_and(|only| !only.wants(location)) {
                continue;
            }
            match next {
                warc::Next::Page(page) => return Ok(Some((location, Raw::Warc(page)))),
                warc::Next::Skip => {}
                warc::Next::Bad(problem) => return Ok(Some((location, Raw::Bad(problem)))),
            }
        },
        FileState::PagePending => {
            open.state = FileState::Done;
            let mut bytes = Vec::new();
            open_file(file)?.read_to_end(&mut bytes).map_err(read_err)?;
            let location = RecordLocation {
                file: index,
                line: 1,
            };
            Ok(Some((location, Raw::Page(bytes))))
        }
        FileState::Columnar(columnar) => {
            let next = columnar.next_record(index, &file.path, fields, only);
            if next.is_none() {
                open.state = FileState::Done;
            }
            Ok(next)
        }
        FileState::Done => Ok(None),
    }
}

/// Appends the next line of `reader` to `line`, its newline included, and
/// returns the number of bytes read (0 at the end): `BufRead::read_until`
/// with the memchr crate's vectorized search for the newline.
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        let (used, done) = match memchr::memchr(b'\n', available) {
            Some(newline) => (newline + 1, true),
            None => (available.len(), available.is_empty()),
        };
        line.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// Reads one JSON Lines record as the reader does (same field mapping,
/// same problems), for engines that read lines themselves: `path` and
/// `line_number` name the record when it has no id and in the error (the
/// skipped record's warning).
///
/// The article's date is resolved as the reader resolves it (from
/// `published`, else from the text, by [`IngestConfig::date_order`]).
pub fn parse_jsonl_record(
    record: &str,
    config: &IngestConfig,
    path: &Path,
    line_number: u64,
) -> Result<Article> {
    let fields = &config.fields;
    let record = if line_number == 1 {
        record.trim_start_matches('\u{feff}')
    } else {
        record
    };
    let file = InputFile {
        path: path.to_path_buf(),
        root: None,
        format: InputFormat::Jsonl,
        location: Location::Path(path.to_path_buf()),
    };
    let mut article = parse_json(record, fields, &file, line_number).map_err(|problem| {
        problem.into_error(
            Origin {
                path: path.to_path_buf(),
                line: line_number,
                unit: Unit::Line,
            },
            fields,
        )
    })?;
    published::resolve(&mut article, config.date_order);
    Ok(article)
}

/// What is wrong with one record, before it is placed: the error
/// [`Reader::next_batch`] reports it as.
enum Problem {
    /// An [`Error::Record`] with this message.
    Message(String),
    /// An [`Error::MissingText`]: the record's field names, and the one of
    /// its extra fields with the longest string.
    MissingText {
        present: Vec<String>,
        longest: Option<String>,
    },
}

impl Problem {
    fn into_error(self, origin: Origin, fields: &FieldMap) -> Error {
        match self {
            Problem::Message(problem) => Error::Record { origin, problem },
            Problem::MissingText { present, longest } => Error::MissingText {
                origin,
                field: fields.text.clone(),
                present,
                longest,
            },
        }
    }
}

fn parse_json(
    text: &str,
    fields: &FieldMap,
    file: &InputFile,
    line_number: u64,
) -> std::result::Result<Article, Problem> {
    let parsed = json::parse_record(text, fields).map_err(Problem::Message)?;
    let body = match parsed.text {
        Some(body) => body,
        // A web page's HTML instead: read in `html::read_html_field`.
        None if parsed.extra.get(&fields.html).is_some_and(Value::is_string) => String::new(),
        None => {
            let known = [
                (&parsed.id, &fields.id),
                (&parsed.source, &fields.source),
                (&parsed.published, &fields.published),
                (&parsed.title, &fields.title),
                (&parsed.url, &fields.url),
            ];
            let mut present: Vec<String> = known
                .iter()
                .filter(|(value, _)| value.is_some())
                .map(|(_, name)| name.to_string())
                .collect();
            present.extend(parsed.extra.keys().cloned());
            let longest = parsed
                .extra
                .iter()
                .filter_map(|(key, value)| Some((key, value.as_str()?.len())))
                .filter(|&(_, len)| len > 0)
                .fold(
                    None,
                    |best: Option<(&String, usize)>, (key, len)| match best {
                        Some((_, most)) if most >= len => best,
                        _ => Some((key, len)),
                    },
                )
                .map(|(key, _)| key.clone());
            return Err(Problem::MissingText { present, longest });
        }
    };
    let id = match parsed.id {
        Some(id) if !id.is_empty() => id,
        _ => format!("{}:{line_number}", file.path.display()),
    };
    Ok(Article {
        id,
        source: parsed.source,
        published: parsed.published,
        title: parsed.title,
        text: body,
        url: parsed.url,
        extra: parsed.extra,
        origin: Origin::default(),
        date: None,
    })
}

/// Everything read from the inputs at once.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Malformed records, skipped.
    pub skipped: Vec<Error>,
    /// Warnings that lose nothing.
    pub warnings: Vec<Error>,
}

impl Ingested {
    /// Number of articles whose text is empty (or only whitespace).
    pub fn empty_texts(&self) -> usize {
        self.articles
            .iter()
            .filter(|a| a.text.trim().is_empty())
            .count()
    }
}

/// Reads every article of `inputs` into memory.
///
/// Errors as for [`Reader::next_batch`], plus [`Error::NoArticles`] when the
/// input holds no article at all.
pub fn read(inputs: &Inputs) -> Result<Ingested> {
    let mut reader = inputs.reader();
    let mut all = Ingested::default();
    while let Some(batch) = reader.next_batch(64 << 20)? {
        all.articles.extend(batch.articles);
        all.skipped.extend(batch.skipped);
        all.warnings.extend(batch.warnings);
    }
    if all.articles.is_empty() && all.skipped.is_empty() {
        return Err(Error::NoArticles);
    }
    Ok(all)
}

/// Writes an article as one JSON object in the input's field names, with the
/// extra fields after the known ones, for outputs that re-emit articles read
/// from CSV or text.
pub fn to_json_record(article: &Article, fields: &FieldMap) -> Map<String, Value> {
    let mut object = Map::new();
    let opt = |v: &Option<String>| v.clone().map_or(Value::Null, Value::String);
    object.insert(fields.id.clone(), Value::String(article.id.clone()));
    object.insert(fields.source.clone(), opt(&article.source));
    object.insert(fields.published.clone(), opt(&article.published));
    object.insert(fields.title.clone(), opt(&article.title));
    object.insert(fields.text.clone(), Value::String(article.text.clone()));
    object.insert(fields.url.clone(), opt(&article.url));
    for (key, value) in &article.extra {
        object.insert(key.clone(), value.clone());
    }
    object
}
