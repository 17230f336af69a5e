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
//! extraction is timed. The best of three passes is reported.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use anyhow::{Context, Result, ensure};
use serde_json::Value;
use wirediff::facts;

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
    let mut n_facts = 0;
    for _ in 0..3 {
        let t0 = Instant::now();
        n_facts = 0;
        for (title, text, published) in &docs {
            n_facts += facts::extract(title, published.as_deref()).len();
            n_facts += facts::extract(text, published.as_deref()).len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} articles, {:.1} MB, {} facts: {:.3} s = {:.0} articles/s, {:.1} MB/s (one thread, best of 3)",
        docs.len(),
        bytes as f64 / 1e6,
        n_facts,
        best,
        docs.len() as f64 / best,
        bytes as f64 / 1e6 / best
    );
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
