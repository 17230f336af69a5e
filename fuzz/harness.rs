//! What the fuzz targets run, shared with `tests/robust.rs` (which includes
//! this file with `#[path]`), so the property tests and the crash
//! regressions run exactly the code the fuzzer ran.
//!
//! Every entry point takes raw bytes and must not panic. Besides "no panic",
//! each checks the invariants a caller relies on: every fact span lies inside
//! its text on character boundaries, and the terminal outputs hold no control
//! character but the newline (news text must not reach a terminal raw).

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use wirediff::Article;
use wirediff::compare::{CompareConfig, compare_corpus};
use wirediff::dedup::{self, DedupConfig};
use wirediff::facts::{self, Fact, FactValue};
use wirediff::ingest::{self, IngestConfig, Inputs};
use wirediff::report;
use wirediff::report::compare::{SCHEMA_VERSION, Summary, TerminalStyle};
use wirediff::stories::{self, StoriesConfig};

/// Input formats the ingest targets write their bytes as.
#[derive(Clone, Copy, Debug)]
pub enum Format {
    /// `.jsonl`
    Jsonl,
    /// `.csv`
    Csv,
    /// `.txt`
    Txt,
    /// The first byte picks `.jsonl.gz`, `.csv.gz` or `.txt.gz`; the rest
    /// is the file, read through the gzip decoder when it opens with gzip's
    /// magic bytes (the fixtures' seeds do).
    Gzip,
}

/// A directory for this process's input files (one per thread: the
/// pipeline's own threads never write there).
fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = Path::new("/dev/shm");
        let builder = &mut tempfile::Builder::new();
        builder.prefix("wirediff-fuzz-");
        if base.is_dir() {
            builder.tempdir_in(base)
        } else {
            builder.tempdir()
        }
        .expect("create a scratch directory")
    })
    .path()
}

fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = scratch().join(format!("{:?}", std::thread::current().id()).replace(['(', ')'], ""));
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the input file");
    path
}

/// Writes `bytes` as one input file of `format`, reads it the way the
/// commands do (whole, and streamed by `dedup` with a second reading), then
/// runs the whole pipeline on the articles read.
pub fn ingest_bytes(format: Format, bytes: &[u8]) {
    let (name, bytes) = match format {
        Format::Jsonl => ("input.jsonl", bytes),
        Format::Csv => ("input.csv", bytes),
        Format::Txt => ("input.txt", bytes),
        Format::Gzip => match bytes.split_first() {
            None => return,
            Some((which, rest)) => (
                ["input.jsonl.gz", "input.csv.gz", "input.txt.gz"][*which as usize % 3],
                rest,
            ),
        },
    };
    let path = scratch_file(name, bytes);
    for duplicate_ids in [ingest::DuplicateIds::Error, ingest::DuplicateIds::Skip] {
        let config = IngestConfig {
            duplicate_ids,
            ..IngestConfig::default()
        };
        let Ok(inputs) = Inputs::resolve(std::slice::from_ref(&path), config) else {
            return;
        };
        // The streaming copy job, with no shingle cache: every candidate is
        // verified from a second reading of the file.
        let dedup_config = DedupConfig {
            shingle_cache_bytes: 0,
            ..DedupConfig::default()
        };
        if let Ok(result) = dedup::dedup(&inputs, &dedup_config, &|_| {}) {
            let mut sink = Vec::new();
            let _ = report::dedup::write_jsonl(&result, &dedup_config, &mut sink);
            let _ = report::dedup::write_table(&result, &dedup_config, &mut sink);
            let _ = report::dedup::write_unique(
                &inputs,
                &result,
                &[wirediff::copies::Kind::Duplicate],
                &mut sink,
            );
        }
        if let Ok(ingested) = ingest::read(&inputs) {
            for problem in ingested.warnings.iter().chain(&ingested.skipped) {
                let _ = problem.to_string();
            }
            pipeline(&ingested.articles);
        }
    }
}

/// Field separator of [`articles_from_bytes`] (ASCII unit separator).
pub const FIELD: u8 = 0x1f;
/// Record separator of [`articles_from_bytes`] (ASCII record separator).
pub const RECORD: u8 = 0x1e;

/// Articles from raw bytes: records split at [`RECORD`], fields at
/// [`FIELD`] in the order id, source, published, title, text (lossy UTF-8).
/// Repeated ids get a suffix, as ingest guarantees unique ids. At most 32
/// articles.
pub fn articles_from_bytes(bytes: &[u8]) -> Vec<Article> {
    let mut seen = std::collections::HashSet::new();
    let mut articles = Vec::new();
    for (i, record) in bytes.split(|&b| b == RECORD).take(32).enumerate() {
        let mut fields = record
            .split(|&b| b == FIELD)
            .map(|f| String::from_utf8_lossy(f).into_owned());
        let mut id = fields.next().unwrap_or_default();
        let optional = |f: Option<String>| f.filter(|s| !s.is_empty());
        let source = optional(fields.next());
        let published = optional(fields.next());
        let title = optional(fields.next());
        let text = fields.next().unwrap_or_default();
        if id.is_empty() || !seen.insert(id.clone()) {
            id = format!("{id}#{i}");
            seen.insert(id.clone());
        }
        articles.push(Article {
            id,
            source,
            published,
            title,
            text,
            ..Article::default()
        });
    }
    articles
}

/// The inverse of [`articles_from_bytes`], for seeding the fuzzer.
pub fn articles_to_bytes(articles: &[Article]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            out.push(RECORD);
        }
        for (j, field) in [
            Some(&a.id),
            a.source.as_ref(),
            a.published.as_ref(),
            a.title.as_ref(),
            Some(&a.text),
        ]
        .into_iter()
        .enumerate()
        {
            if j > 0 {
                out.push(FIELD);
            }
            out.extend_from_slice(field.map_or("", String::as_str).as_bytes());
        }
    }
    out
}

/// The whole pipeline on articles decoded by [`articles_from_bytes`].
pub fn pipeline_bytes(bytes: &[u8]) {
    pipeline(&articles_from_bytes(bytes));
}

/// The facts stage alone on one text (the first line, if it says
/// `published:`, gives the publication date).
pub fn facts_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let (published, text) = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("published:") => {
            (Some(&first["published:".len()..]), rest)
        }
        _ => (None, &*text),
    };
    let facts = facts::extract(text, published);
    check_facts(text, &facts);
    let _ = facts::quotes::extract(text, &facts::sentences::split(text));
}

/// Every stage and every output on `articles`: copies, stories, facts and
/// the comparison, written as JSON Lines, table, terminal and HTML.
pub fn pipeline(articles: &[Article]) {
    if articles.is_empty() {
        return;
    }
    let config = CompareConfig::default();
    let result = compare_corpus(articles, &config);
    for (article, facts) in articles.iter().zip(&result.facts) {
        check_facts(&article.text, facts);
        let mut sink = Vec::new();
        report::facts::write_article(article, facts, &mut sink).expect("write to memory");
    }
    let mut sink = Vec::new();
    let groups = &result.dedup.copies.group_of;
    stories::write_jsonl(&result.stories, articles, groups, &mut sink).expect("write to memory");
    let mut table = Vec::new();
    stories::write_table(&result.stories, articles, &mut table).expect("write to memory");
    check_terminal("stories table", &table);

    // A second grouping with no copy stage and no time rule.
    let singles: Vec<u32> = (0..articles.len() as u32).collect();
    let no_window = StoriesConfig {
        window_days: None,
        ..StoriesConfig::default()
    };
    let _ = stories::stories(articles, &singles, &no_window);

    let summary = Summary {
        schema_version: SCHEMA_VERSION,
        articles: articles.len(),
        skipped: 0,
        stories: result.stories.stories.len(),
        compared: result.comparisons.len(),
        facts: 0,
        conflicts: 0,
        not_english: result.not_english,
        seconds: 0.0,
    };
    report::compare::write_jsonl(&result.comparisons, &summary, &mut sink)
        .expect("write to memory");
    for width in [20, 100] {
        let mut terminal = Vec::new();
        let style = TerminalStyle {
            width,
            color: false,
        };
        report::compare::write_terminal(&result.comparisons, &summary, style, &mut terminal)
            .expect("write to memory");
        check_terminal("compare terminal", &terminal);
    }
    let mut html = Vec::new();
    report::html::write_html(&result.comparisons, articles, &summary, &mut html)
        .expect("write to memory");
    std::str::from_utf8(&html).expect("the HTML report is UTF-8");
    let mut table = Vec::new();
    report::dedup::write_table(&result.dedup, &config.dedup, &mut table).expect("write to memory");
    check_terminal("dedup table", &table);
    let _ = sink.flush();
}

/// Every span of every fact lies inside `text`, on character boundaries.
pub fn check_facts(text: &str, facts: &[Fact]) {
    for fact in facts {
        let mut spans = vec![fact.span, fact.sentence];
        if let FactValue::Quote(q) = &fact.value {
            spans.extend([q.speaker_span, q.cue_span, q.content_span]);
            spans.extend(q.resolved_from);
        }
        for span in spans {
            assert!(
                span.start <= span.end && span.slice(text).is_some(),
                "rule {}: span {span:?} is not a slice of a {}-byte text",
                fact.rule,
                text.len()
            );
        }
    }
}

/// Output meant for a terminal holds no control character but newlines.
pub fn check_terminal(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("terminal output is UTF-8");
    if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\n') {
        panic!("{what}: raw control character {c:?} in {text:?}");
    }
}
