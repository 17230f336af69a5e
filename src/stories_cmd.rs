//! The `stories` and `eval stories` subcommands (binary only): read the
//! articles, find copy groups with the dedup stage (unless `--no-copies`),
//! group stories, and write JSON Lines; or score the grouping against a gold
//! `id<TAB>story` file.

use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, bail};
use wirediff::Article;
use wirediff::dedup::{DedupConfig, dedup_articles};
use wirediff::evaluate;
use wirediff::report::output::Output;
use wirediff::stories::{stories, write_jsonl, write_table};

use crate::cli::{
    EvalStoriesArgs, InputArgs, OutputFormat, StoriesArgs, StoryOptions, output_format,
};
use crate::commands::{exit_code, prepare};

/// Reads every article, printing warnings and skipped records; like every
/// subcommand, an input with no article at all is an error (exit 2).
fn read_all(input: &InputArgs) -> anyhow::Result<(Vec<Article>, usize)> {
    let ingested = crate::commands::read_all(&prepare(input)?)?;
    Ok((ingested.articles, ingested.skipped.len()))
}

/// Copy groups from the dedup stage, or every article its own group.
fn copy_groups(articles: &[Article], options: &StoryOptions) -> Vec<u32> {
    if options.no_copies {
        (0..articles.len() as u32).collect()
    } else {
        dedup_articles(articles, &DedupConfig::default())
            .copies
            .duplicate_units()
    }
}

pub fn run_stories(args: &StoriesArgs) -> anyhow::Result<ExitCode> {
    let config = args.options.config()?;
    let (articles, skipped) = read_all(&args.input)?;
    let groups = copy_groups(&articles, &args.options);
    let result = stories(&articles, &groups, &config);
    let mut out = Output::create(args.output.as_deref())?;
    match output_format(args.format, args.output.as_deref()) {
        OutputFormat::Jsonl => write_jsonl(&result, &articles, &groups, &mut out)?,
        OutputFormat::Table => write_table(&result, &articles, &mut out)?,
        OutputFormat::Parquet => wirediff::report::parquet::write_batch(
            &wirediff::report::parquet::stories_batch(&result, &articles, &groups),
            &mut out,
        )?,
    }
    out.finish()?;
    Ok(exit_code(skipped))
}

pub fn run_eval_stories(args: &EvalStoriesArgs) -> anyhow::Result<ExitCode> {
    let config = args.options.config()?;
    let gold_text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("could not read {}", args.gold.display()))?;
    let mut lines = gold_text.lines();
    if lines.next().map(str::trim_end) != Some("id\tstory") {
        bail!(
            "{}: expected a header line 'id<TAB>story'",
            args.gold.display()
        );
    }
    let mut gold: HashMap<&str, &str> = HashMap::new();
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((id, story)) = line.split_once('\t') else {
            bail!("{}:{}: expected 'id<TAB>story'", args.gold.display(), n + 2);
        };
        gold.insert(id, story.trim_end());
    }
    let (articles, skipped) = read_all(&args.input)?;
    let gold_of: Vec<&str> = articles
        .iter()
        .map(|a| {
            gold.get(a.id.as_str()).copied().with_context(|| {
                format!("article '{}' has no story in {}", a.id, args.gold.display())
            })
        })
        .collect::<anyhow::Result<_>>()?;
    let groups = copy_groups(&articles, &args.options);
    let result = stories(&articles, &groups, &config);
    let scores = evaluate::scores(&result.story_of, &gold_of);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, &scores)?;
    out.write_all(b"\n")?;
    Ok(exit_code(skipped))
}
