//! Measures the facts stage on whole corpora, one thread, and checks that
//! every fact's spans lie on character boundaries inside its text.
//!
//! ```text
//! cargo run --release --example facts_speed -- /work/shared/data/gva/articles.jsonl \
//!     /work/shared/data/polnear/articles.jsonl
//! ```
//!
//! Each article is its title plus its text, extracted separately (as
//! `eval_counts` does). The corpus is read into memory first; only
//! extraction is timed. The best of three passes is reported, by wall clock
//! and, on Linux, by the thread's CPU time (`/proc/thread-self/schedstat`),
//! which is the per-core rate even when other processes share the cores.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use anyhow::{Context, Result, ensure};
use serde_json::Value;
use wirediff::facts;

/// CPU time of this thread in seconds, from Linux's schedstat.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    ensure!(!paths.is_empty(), "usage: facts_speed <articles.jsonl>...");
    let mut docs: Vec<(String, String, Option<String>)> = Vec::new();
    for path in &paths {
        let all = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
        for line in all.lines() {
            let v: Value = serde_json::from_str(line)?;
            let s = |k: &str| v[k].as_str().map(str::to_string);
            docs.push((
                s("title").unwrap_or_default(),
                s("text").unwrap_or_default(),
                s("published"),
            ));
        }
    }
    let bytes: usize = docs.iter().map(|(t, x, _)| t.len() + x.len()).sum();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut n_facts = 0;
    for _ in 0..3 {
        let t0 = Instant::now();
        let c0 = cpu_seconds();
        n_facts = 0;
        for (title, text, published) in &docs {
            n_facts += facts::extract(title, published.as_deref()).len();
            n_facts += facts::extract(text, published.as_deref()).len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, cpu_seconds()) {
            best_cpu = best_cpu.min(c1 - c0);
        }
    }
    println!(
        "{} articles, {:.1} MB, {} facts: wall {:.3} s = {:.0} articles/s, {:.1} MB/s (one thread, best of 3)",
        docs.len(),
        bytes as f64 / 1e6,
        n_facts,
        best,
        docs.len() as f64 / best,
        bytes as f64 / 1e6 / best
    );
    if best_cpu < f64::MAX {
        println!(
            "  cpu {:.3} s = {:.0} articles/s per core, {:.1} MB/s",
            best_cpu,
            docs.len() as f64 / best_cpu,
            bytes as f64 / 1e6 / best_cpu
        );
    }
    for (title, text, published) in &docs {
        for t in [title, text] {
            for f in facts::extract(t, published.as_deref()) {
                ensure!(
                    f.span.slice(t).is_some() && f.sentence.slice(t).is_some(),
                    "bad span {:?} / {:?}",
                    f.span,
                    f.sentence
                );
            }
        }
    }
    println!("all spans valid");
    Ok(())
}
