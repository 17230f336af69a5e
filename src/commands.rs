//! The subcommands' runs (binary only): read the inputs, call the library,
//! print diagnostics, write the output, and say which exit code applies.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;

use crate::cli::{
    CompareArgs, CompareFormat, DedupArgs, Emit, FactsArgs, FactsFormat, InputArgs, OutputFormat,
    QuotesArgs, output_format,
};
use crate::diagnostics::Diagnostics;
use wirediff::dedup::{self, Progress};
use wirediff::ingest::Inputs;
use wirediff::report::parquet::ParquetSink;
use wirediff::report::{self, output::Output};

/// `wirediff facts`: one JSON line per article with its facts, in input
/// order (extraction runs in parallel per batch; collect keeps the order).
pub(crate) fn run_facts(args: &FactsArgs) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;
    use wirediff::report::facts::{FactsSummary, write_article, write_summary};

    let inputs = prepare(&args.input)?;
    let mut reader = inputs.reader();
    let out = Output::create(args.output.as_deref())?;
    let mut summary = FactsSummary::default();
    let mut diagnostics = Diagnostics::default();
    // JSON Lines records, or Parquet rows.
    let (mut out, mut parquet) = match args.format() {
        FactsFormat::Jsonl => (Some(out), None),
        FactsFormat::Parquet => (
            None,
            Some(ParquetSink::new(
                out,
                wirediff::report::parquet::facts_schema(),
            )?),
        ),
    };
    while let Some(batch) = reader.next_batch(64 << 20)? {
        diagnostics.batch(&batch.warnings, &batch.skipped);
        summary.skipped += batch.skipped.len();
        let facts: Vec<Option<Vec<wirediff::facts::Fact>>> = batch
            .articles
            .par_iter()
            .map(|a| {
                wirediff::language::is_english(&a.text)
                    .then(|| wirediff::facts::extract(&a.text, a.published_day().as_deref()))
            })
            .collect();
        summary.not_english += facts.iter().filter(|f| f.is_none()).count();
        let facts: Vec<Vec<wirediff::facts::Fact>> =
            facts.into_iter().map(Option::unwrap_or_default).collect();
        for facts in &facts {
            summary.add(facts);
        }
        if let Some(sink) = &mut parquet {
            sink.write(&wirediff::report::parquet::facts_batch(
                batch.articles.iter().zip(facts.iter().map(Vec::as_slice)),
            ))?;
        }
        if let Some(out) = &mut out {
            for (article, facts) in batch.articles.iter().zip(&facts) {
                write_article(article, facts, &mut *out)?;
            }
        }
    }
    diagnostics.finish(summary.articles);
    some_articles(summary.articles, summary.skipped)?;
    note_not_english(summary.not_english);
    let out = match (out, parquet) {
        (Some(mut out), _) => {
            write_summary(&summary, &mut out)?;
            out
        }
        (None, Some(sink)) => sink.finish()?,
        (None, None) => unreachable!("one of the two outputs was opened above"),
    };
    out.finish()?;
    Ok(exit_code(summary.skipped))
}

/// `wirediff quotes`: one JSON line per quote: `{"article": id,
/// "speaker_text": …, "content_text": …, "fact": <the Fact>}` (spans are
/// byte offsets).
pub(crate) fn run_quotes(args: &QuotesArgs) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;
    use std::io::Write;
    use wirediff::facts::{FactValue, quotes, sentences};

    let inputs = prepare(&args.input)?;
    let mut reader = inputs.reader();
    let mut out = Output::create(args.output.as_deref())?;
    let (mut read, mut skipped, mut not_english) = (0, 0, 0);
    let mut diagnostics = Diagnostics::default();
    while let Some(batch) = reader.next_batch(64 << 20)? {
        diagnostics.batch(&batch.warnings, &batch.skipped);
        read += batch.articles.len();
        skipped += batch.skipped.len();
        let facts: Vec<_> = batch
            .articles
            .par_iter()
            .map(|a| {
                wirediff::language::is_english(&a.text)
                    .then(|| quotes::extract(&a.text, &sentences::split(&a.text)))
            })
            .collect();
        for (article, facts) in batch.articles.iter().zip(facts) {
            let Some(facts) = facts else {
                not_english += 1;
                continue;
            };
            for fact in facts {
                let FactValue::Quote(q) = &fact.value else {
                    continue;
                };
                let text = |s: wirediff::Span| s.slice(&article.text).unwrap_or("");
                let line = serde_json::json!({
                    "article": article.id,
                    "speaker_text": text(q.speaker_span),
                    "content_text": text(q.content_span),
                    "fact": fact,
                });
                serde_json::to_writer(&mut out, &line)?;
                out.write_all(b"\n")?;
            }
        }
    }
    diagnostics.finish(read);
    some_articles(read, skipped)?;
    note_not_english(not_english);
    out.finish()?;
    Ok(exit_code(skipped))
}

/// `wirediff compare`: the whole pipeline on articles read into memory.
pub(crate) fn run_compare(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    use wirediff::compare::{CompareConfig, compare_corpus};
    use wirediff::report::compare::{Summary, TerminalStyle};

    let started = std::time::Instant::now();
    if args.html.as_deref().is_some_and(|p| p.as_os_str() == "-") {
        anyhow::bail!("--html needs a file: stdout ('-') receives the --format output");
    }
    let inputs = prepare(&args.input)?;
    let ingested = read_all(&inputs)?;
    let result = compare_corpus(&ingested.articles, &CompareConfig::default());
    let summary = Summary::new(
        &result,
        ingested.articles.len(),
        ingested.skipped.len(),
        started,
    );
    note_not_english(result.not_english);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let format = args.format.unwrap_or(if to_terminal {
        CompareFormat::Terminal
    } else {
        CompareFormat::Jsonl
    });
    if let Some(path) = &args.html {
        let mut html = Output::create(Some(path))?;
        report::html::write_html(&result.comparisons, &ingested.articles, &summary, &mut html)
            .with_context(|| format!("writing {}", path.display()))?;
        html.finish()?;
    }
    let mut out = Output::create(args.output.as_deref())?;
    match format {
        CompareFormat::Jsonl => {
            report::compare::write_jsonl(&result.comparisons, &summary, &mut out)?
        }
        CompareFormat::Terminal => {
            let style = TerminalStyle {
                width: std::env::var("COLUMNS")
                    .ok()
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(100),
                color: to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            };
            report::compare::write_terminal(&result.comparisons, &summary, style, &mut out)?
        }
    }
    out.finish()?;
    Ok(exit_code(ingested.skipped.len()))
}

pub(crate) fn run_dedup(args: &DedupArgs) -> anyhow::Result<ExitCode> {
    let config = args.config()?;
    let inputs = prepare(&args.input)?;
    let bar = progress_bar(&args.input);
    let report = |p: Progress| {
        if let Some(bar) = &bar {
            bar.set_message(match p {
                Progress::Sketched(n) => format!("sketched {n} articles"),
                Progress::Reread(n, total) => {
                    format!("re-read {n}/{total} articles for verification")
                }
                Progress::Verified(n, total) => format!("verified {n}/{total} candidate pairs"),
                _ => String::new(),
            });
        }
    };
    let result = dedup::dedup(&inputs, &config, &report);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let result = result?;
    let mut diagnostics = Diagnostics::default();
    diagnostics.batch(&result.warnings, &result.skipped);
    diagnostics.finish(result.articles.len());
    some_articles(result.articles.len(), result.skipped.len())?;
    let mut out = Output::create(args.output.as_deref())?;
    match (
        args.emit,
        output_format(args.format, args.output.as_deref()),
    ) {
        (Emit::Unique, OutputFormat::Parquet) => {
            report::parquet::write_unique(&inputs, &result, &args.dropped(), &mut out)?
        }
        (Emit::Unique, _) => {
            report::dedup::write_unique(&inputs, &result, &args.dropped(), &mut out)?
        }
        (Emit::Pairs, _) => report::dedup::write_pairs(&result, &config, &mut out)?,
        (Emit::Groups, OutputFormat::Jsonl) => {
            report::dedup::write_jsonl(&result, &config, &mut out)?
        }
        (Emit::Groups, OutputFormat::Table) => {
            report::dedup::write_table(&result, &config, &mut out)?
        }
        (Emit::Groups, OutputFormat::Parquet) => {
            report::parquet::write_batch(&report::parquet::dedup_batch(&result), &mut out)?
        }
    }
    out.finish()?;
    Ok(exit_code(result.skipped.len()))
}

/// Reads every article into memory, reporting warnings and skipped records;
/// an input with no article is an error (exit 2), whether it was empty or
/// every record in it was skipped.
pub(crate) fn read_all(inputs: &Inputs) -> anyhow::Result<wirediff::ingest::Ingested> {
    let ingested = wirediff::ingest::read(inputs)?;
    let mut diagnostics = Diagnostics::default();
    diagnostics.batch(&ingested.warnings, &ingested.skipped);
    diagnostics.finish(ingested.articles.len());
    some_articles(ingested.articles.len(), ingested.skipped.len())?;
    Ok(ingested)
}

/// Says how many articles got no facts for not being in English.
fn note_not_english(count: usize) {
    match count {
        0 => {}
        1 => crate::diagnostics::say("note", "1 article not in English: no facts extracted"),
        n => crate::diagnostics::say(
            "note",
            &format!("{n} articles not in English: no facts extracted"),
        ),
    }
}

/// An input that yielded no article is a fatal error: nothing could be
/// done with it.
pub(crate) fn some_articles(articles: usize, skipped: usize) -> anyhow::Result<()> {
    match (articles, skipped) {
        (0, 0) => Err(wirediff::Error::NoArticles.into()),
        (0, 1) => anyhow::bail!("no articles in the input: its one record was skipped"),
        (0, n) => anyhow::bail!("no articles in the input: all {n} records were skipped"),
        _ => Ok(()),
    }
}

/// Sets up the thread pool and resolves the inputs.
pub(crate) fn prepare(args: &InputArgs) -> anyhow::Result<Inputs> {
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.get())
            .build_global()
            .map_err(|e| anyhow::anyhow!("could not start {threads} threads: {e}"))?;
    }
    Ok(Inputs::resolve(&args.inputs, args.config()?)?)
}

fn progress_bar(args: &InputArgs) -> Option<indicatif::ProgressBar> {
    if args.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.enable_steady_tick(Duration::from_millis(120));
    Some(bar)
}

pub(crate) fn exit_code(skipped: usize) -> ExitCode {
    if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
