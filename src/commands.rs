//! The subcommands' runs (binary only): read the inputs, call the library,
//! print diagnostics, write the output, and say which exit code applies.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;

use crate::cli::{
    CompareArgs, CompareFormat, DedupArgs, Emit, FactsArgs, InputArgs, OutputFormat, QuotesArgs,
};
use wirediff::dedup::{self, Progress};
use wirediff::ingest::Inputs;
use wirediff::report::{self, output::Output};

/// `wirediff facts`: one JSON line per article with its facts, in input
/// order (extraction runs in parallel per batch; collect keeps the order).
pub(crate) fn run_facts(args: &FactsArgs) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;
    use wirediff::report::facts::{FactsSummary, write_article, write_summary};

    let inputs = prepare(&args.input)?;
    let mut reader = inputs.reader();
    let mut out = Output::create(args.output.as_deref())?;
    let mut summary = FactsSummary::default();
    while let Some(batch) = reader.next_batch(64 << 20)? {
        for problem in batch.warnings.iter().chain(&batch.skipped) {
            eprintln!("wirediff: warning: {problem}");
        }
        summary.skipped += batch.skipped.len();
        let facts: Vec<Vec<wirediff::facts::Fact>> = batch
            .articles
            .par_iter()
            .map(|a| wirediff::facts::extract(&a.text, a.published.as_deref()))
            .collect();
        for (article, facts) in batch.articles.iter().zip(&facts) {
            summary.add(facts);
            write_article(article, facts, &mut out)?;
        }
    }
    if summary.articles == 0 && summary.skipped == 0 {
        return Err(wirediff::Error::NoArticles.into());
    }
    write_summary(&summary, &mut out)?;
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
    let (mut read, mut skipped) = (0, 0);
    while let Some(batch) = reader.next_batch(64 << 20)? {
        for warning in batch.warnings.iter().chain(&batch.skipped) {
            eprintln!("wirediff: warning: {warning}");
        }
        read += batch.articles.len();
        skipped += batch.skipped.len();
        let facts: Vec<_> = batch
            .articles
            .par_iter()
            .map(|a| quotes::extract(&a.text, &sentences::split(&a.text)))
            .collect();
        for (article, facts) in batch.articles.iter().zip(facts) {
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
    if read == 0 && skipped == 0 {
        return Err(wirediff::Error::NoArticles.into());
    }
    out.finish()?;
    Ok(exit_code(skipped))
}

/// `wirediff compare`: the whole pipeline on articles read into memory.
pub(crate) fn run_compare(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    use wirediff::compare::{CompareConfig, compare_corpus};
    use wirediff::report::compare::{SCHEMA_VERSION, Summary, TerminalStyle};

    let started = std::time::Instant::now();
    if args.html.as_deref().is_some_and(|p| p.as_os_str() == "-") {
        anyhow::bail!("--html needs a file: stdout ('-') receives the --format output");
    }
    let inputs = prepare(&args.input)?;
    let ingested = wirediff::ingest::read(&inputs)?;
    for problem in ingested.warnings.iter().chain(&ingested.skipped) {
        eprintln!("wirediff: warning: {problem}");
    }
    let result = compare_corpus(&ingested.articles, &CompareConfig::default());
    let summary = Summary {
        schema_version: SCHEMA_VERSION,
        articles: ingested.articles.len(),
        skipped: ingested.skipped.len(),
        stories: result.stories.stories.len(),
        compared: result.comparisons.len(),
        facts: result
            .comparisons
            .iter()
            .map(|c| c.comparison.facts.len())
            .sum(),
        conflicts: result
            .comparisons
            .iter()
            .map(|c| c.comparison.conflicts.len())
            .sum(),
        seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
    };
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
    for warning in &result.warnings {
        eprintln!("wirediff: warning: {warning}");
    }
    for skipped in &result.skipped {
        eprintln!("wirediff: warning: {skipped}");
    }
    let mut out = Output::create(args.output.as_deref())?;
    match (args.emit, args.format) {
        (Emit::Unique, _) => report::dedup::write_unique(&inputs, &result, &mut out)?,
        (Emit::Groups, OutputFormat::Jsonl) => {
            report::dedup::write_jsonl(&result, &config, &mut out)?
        }
        (Emit::Groups, OutputFormat::Table) => {
            report::dedup::write_table(&result, &config, &mut out)?
        }
    }
    out.finish()?;
    Ok(exit_code(result.skipped.len()))
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
