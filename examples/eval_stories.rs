//! Evaluates `wirediff::stories` on a labelled corpus folder holding
//! `articles.jsonl` and `stories.tsv` (header `id\tstory`), with the default
//! configuration.
//!
//! ```text
//! cargo run --release --example eval_stories -- /work/shared/data/ecbplus
//! cargo run --release --example eval_stories -- /work/shared/data/gva --errors 20
//! ```
//!
//! `--errors N` lists the N worst merges (predicted stories mixing gold
//! stories, by wrongly linked pairs) and splits (gold stories spread over
//! predicted stories, by missed pairs), with titles. `--threshold X`,
//! `--join-coherence X` and `--window DAYS` (0 = off)
//! override defaults, for exploring only: reported figures use the
//! defaults. `--half 0|1` keeps one of two disjoint halves of the gold
//! stories (tune on 0, check on 1).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use wirediff::Article;
use wirediff::dedup::{DedupConfig, dedup_articles};
use wirediff::evaluate::scores;
use wirediff::stories::{StoriesConfig, stories};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut errors = 0usize;
    let mut config = StoriesConfig::default();
    let mut half: Option<u64> = None;
    while let Some(a) = args.next() {
        if a == "--threshold" {
            config.threshold = args.next().context("--threshold needs a number")?.parse()?;
        } else if a == "--window" {
            let w: u32 = args.next().context("--window needs days")?.parse()?;
            config.window_days = (w > 0).then_some(w);
        } else if a == "--furniture" {
            let n: u32 = args.next().context("--furniture needs a number")?.parse()?;
            config.furniture_per_source = n;
            config.furniture_global = n.max(8);
        } else if a == "--coherence" {
            config.coherence = args.next().context("--coherence needs a number")?.parse()?;
        } else if a == "--join-coherence" {
            config.join_coherence = args
                .next()
                .context("--join-coherence needs a number")?
                .parse()?;
        } else if a == "--coverage" {
            config.coverage_exponent = args.next().context("--coverage needs a number")?.parse()?;
        } else if a == "--min-sim" {
            config.min_similarity = args.next().context("--min-sim needs a number")?.parse()?;
        } else if a == "--anchor-floor" {
            config.anchor_floor = args
                .next()
                .context("--anchor-floor needs a number")?
                .parse()?;
        } else if a == "--anchor-df" {
            config.anchor_max_df = args.next().context("--anchor-df needs a number")?.parse()?;
        } else if a == "--anchor-periods" {
            config.anchor_max_periods = args
                .next()
                .context("--anchor-periods needs a number")?
                .parse()?;
        } else if a == "--half" {
            half = Some(args.next().context("--half needs 0 or 1")?.parse::<u64>()?);
        } else if a == "--errors" {
            errors = args.next().context("--errors needs a number")?.parse()?;
        } else {
            dir = Some(a);
        }
    }
    let Some(dir) = dir else {
        bail!("usage: eval_stories DIR [--errors N]");
    };
    let dir = std::path::PathBuf::from(dir);
    // Read as the CLI does (ingest resolves dates, inferring them from the
    // text when `published` is missing; repeated ids are skipped).
    let inputs = wirediff::ingest::Inputs::resolve(
        &[dir.join("articles.jsonl")],
        wirediff::ingest::IngestConfig {
            duplicate_ids: wirediff::ingest::DuplicateIds::Skip,
            ..Default::default()
        },
    )?;
    let articles = wirediff::ingest::read(&inputs)?.articles;
    let gold_text = std::fs::read_to_string(dir.join("stories.tsv"))?;
    let gold: HashMap<&str, &str> = gold_text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .collect();
    // `--half h` keeps the gold stories whose id hashes to parity h: two
    // disjoint halves of each corpus, one to tune on and one to check.
    let articles: Vec<Article> = articles
        .into_iter()
        .filter(|a| match (half, gold.get(a.id.as_str())) {
            (Some(h), Some(g)) => xxhash_rust::xxh3::xxh3_64(g.as_bytes()) % 2 == h,
            _ => true,
        })
        .collect();
    let gold_of: Vec<&str> = articles
        .iter()
        .map(|a| gold.get(a.id.as_str()).copied().context(a.id.clone()))
        .collect::<Result<_>>()?;
    // Copy groups from the dedup stage, as `wirediff eval stories` does.
    let groups: Vec<u32> = dedup_articles(&articles, &DedupConfig::default())
        .copies
        .duplicate_units();
    let start = Instant::now();
    let result = stories(&articles, &groups, &config);
    let elapsed = start.elapsed();
    let s = scores(&result.story_of, &gold_of);
    println!("corpus      {}", dir.display());
    println!(
        "articles    {}  gold stories {}  predicted {}",
        s.items, s.gold_clusters, s.predicted_clusters
    );
    println!("ARI         {:.4}", s.ari);
    println!(
        "pairwise    P {:.4}  R {:.4}  F1 {:.4}",
        s.pairwise.precision, s.pairwise.recall, s.pairwise.f1
    );
    println!(
        "B-cubed     P {:.4}  R {:.4}  F1 {:.4}",
        s.bcubed.precision, s.bcubed.recall, s.bcubed.f1
    );
    println!(
        "pairs       candidates {}  edges {}  furniture lines {}",
        result.stats.candidate_pairs, result.stats.edges, result.stats.furniture_lines
    );
    println!("time        {:.2?}", elapsed);
    if errors > 0 {
        let title = |i: usize| {
            let a = &articles[i];
            let t = a
                .title
                .clone()
                .unwrap_or_else(|| a.text.lines().next().unwrap_or("").to_string());
            let t: String = t.chars().take(90).collect();
            format!(
                "{} [{}] {} {}",
                a.id,
                a.source.as_deref().unwrap_or("-"),
                a.published_day().as_deref().unwrap_or("-"),
                t
            )
        };
        // Merges: predicted stories holding several gold stories.
        type Merge<'g> = (u64, usize, BTreeMap<&'g str, Vec<usize>>);
        let mut merges: Vec<Merge> = Vec::new();
        for (p, story) in result.stories.iter().enumerate() {
            let mut by_gold: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for g in &story.groups {
                for &i in g {
                    by_gold.entry(gold_of[i]).or_default().push(i);
                }
            }
            if by_gold.len() > 1 {
                let sizes: Vec<u64> = by_gold.values().map(|v| v.len() as u64).collect();
                let total: u64 = sizes.iter().sum();
                let wrong = (total * total - sizes.iter().map(|x| x * x).sum::<u64>()) / 2;
                merges.push((wrong, p, by_gold));
            }
        }
        merges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        println!(
            "\n== worst merges ({} predicted stories mix gold stories)",
            merges.len()
        );
        for (wrong, p, by_gold) in merges.iter().take(errors) {
            let st = &result.stories[*p];
            println!(
                "-- {} wrong pairs, conf {:.2}, terms {:?}",
                wrong, st.confidence, st.terms
            );
            for (g, items) in by_gold {
                for &i in items {
                    println!("   gold {g}: {}", title(i));
                }
            }
        }
        // Splits: gold stories spread over several predicted stories.
        let mut by_gold: BTreeMap<&str, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
        for (i, &g) in gold_of.iter().enumerate() {
            by_gold
                .entry(g)
                .or_default()
                .entry(result.story_of[i])
                .or_default()
                .push(i);
        }
        let mut splits: Vec<(u64, &str)> = by_gold
            .iter()
            .filter(|(_, m)| m.len() > 1)
            .map(|(g, m)| {
                let sizes: Vec<u64> = m.values().map(|v| v.len() as u64).collect();
                let total: u64 = sizes.iter().sum();
                (
                    (total * total - sizes.iter().map(|x| x * x).sum::<u64>()) / 2,
                    *g,
                )
            })
            .collect();
        splits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        println!("\n== worst splits ({} gold stories split)", splits.len());
        for (missed, g) in splits.iter().take(errors) {
            println!("-- gold {g}: {missed} missed pairs");
            for (p, items) in &by_gold[g] {
                for &i in items {
                    println!("   pred {p}: {}", title(i));
                }
            }
        }
    }
    Ok(())
}
