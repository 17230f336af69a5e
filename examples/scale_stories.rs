//! Scale check for `wirediff::stories`: replicates a corpus folder's
//! `articles.jsonl` to N articles (deterministically: copy `k` of an article
//! gets id and source suffix `#k`, its date shifted by `37·k` days, and every
//! capitalized word plus a per-copy pseudo-random half of the longer words
//! suffixed with `xk`, so copies read like new reports of other events of
//! the same kind rather than near-duplicates), runs `stories()` with
//! defaults and prints the wall time of the call.
//!
//! ```text
//! cargo build --release --example scale_stories
//! /usr/bin/time -v target/release/examples/scale_stories /work/shared/data/gva 100000
//! ```
//!
//! With a third argument it also writes the replicated corpus there as JSON
//! Lines (repeated input ids made unique with a `~N` suffix), for timing the
//! whole command: `wirediff stories --quiet -o /dev/null FILE`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use anyhow::{Context, Result};
use serde::Deserialize;
use wirediff::Article;
use wirediff::stories::{StoriesConfig, parse_day, stories};

#[derive(Deserialize)]
struct Row {
    id: String,
    source: Option<String>,
    published: Option<String>,
    title: Option<String>,
    text: String,
}

/// Suffixes capitalized words with the copy number, so each copy has its
/// own people and places (copy 0 is the original).
fn vary(text: &str, k: usize) -> String {
    if k == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let odd = xxhash_rust::xxh3::xxh3_64_with_seed(word.as_bytes(), k as u64) % 2 == 1;
        if word.len() > 1 && (word.starts_with(char::is_uppercase) || (word.len() > 3 && odd)) {
            out.push_str(word);
            out.push_str(&format!("x{k}"));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn shift(date: &str, days: i64) -> String {
    // Back from days-since-epoch to a civil date (H. Hinnant's algorithm).
    let Some(z) = parse_day(date) else {
        return date.to_string();
    };
    let z = z + days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().context("usage: scale_stories DIR N")?);
    let n: usize = args.next().context("usage: scale_stories DIR N")?.parse()?;
    let rows: Vec<Row> = std::fs::read_to_string(dir.join("articles.jsonl"))?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let articles: Vec<Article> = (0..n)
        .map(|i| {
            let (k, r) = (i / rows.len(), &rows[i % rows.len()]);
            Article {
                id: format!("{}#{k}", r.id),
                source: r.source.as_deref().map(|s| {
                    if k == 0 {
                        s.to_string()
                    } else {
                        format!("{s}#{k}")
                    }
                }),
                published: r.published.as_deref().map(|d| shift(d, 37 * k as i64)),
                title: r.title.as_deref().map(|t| vary(t, k)),
                text: vary(&r.text, k),
                ..Article::default()
            }
        })
        .collect();
    if let Some(out) = args.next() {
        let mut seen = std::collections::HashMap::new();
        let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
        for a in &articles {
            let count = seen.entry(a.id.clone()).or_insert(0usize);
            *count += 1;
            let id = if *count == 1 {
                a.id.clone()
            } else {
                format!("{}~{}", a.id, count)
            };
            let record = serde_json::json!({
                "id": id, "source": a.source, "published": a.published, "title": a.title, "text": a.text,
            });
            serde_json::to_writer(&mut w, &record)?;
            std::io::Write::write_all(&mut w, b"\n")?;
        }
    }
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let groups: Vec<u32> = (0..n as u32).collect();
    let start = Instant::now();
    let result = stories(&articles, &groups, &StoriesConfig::default());
    let elapsed = start.elapsed();
    println!(
        "articles {n}  text {:.1} MB  stories {}  candidates {}  edges {}  furniture {}  threads {}  stories() {:.2?}",
        bytes as f64 / 1e6,
        result.stories.len(),
        result.stats.candidate_pairs,
        result.stats.edges,
        result.stats.furniture_lines,
        rayon::current_num_threads(),
        elapsed
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_round_trips_dates() {
        assert_eq!(shift("2016-02-28", 2), "2016-03-01");
        assert_eq!(shift("2016-12-31", 1), "2017-01-01");
        assert_eq!(vary("Police in Gary said", 0), "Police in Gary said");
        let varied = vary("Police in Gary said", 3);
        assert!(varied.starts_with("Policex3 in Garyx3 "), "{varied}");
    }
}
