//! How often a date is inferred from the text, and how often it is right.
//!
//! ```text
//! cargo run --release --example eval_dates -- ../shared/data/ecbplus/articles.jsonl [--list N]
//! ```
//!
//! For each record the `published` field is set aside and the date the text
//! states about itself is inferred ([`wirediff::published::infer`]). Prints
//! the share of records that get a date, by rule; where records carry a
//! `published` date, how many inferred dates fall on the same UTC day (or
//! within a day, for times in other zones); with `--list N`, N records spread
//! evenly over the input with their inferred date and evidence, for reading
//! by eye.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::error::Error;

use wirediff::DateBasis;
use wirediff::published::{DateOrder, infer, parse};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: eval_dates FILE.jsonl [--list N]")?;
    let list: usize = match args.iter().position(|a| a == "--list") {
        Some(i) => args.get(i + 1).ok_or("--list N")?.parse()?,
        None => 0,
    };
    let text = std::fs::read_to_string(path)?;
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        rows.push((s("id"), s("published"), s("text")));
    }
    let (mut dated, mut with_gold, mut right, mut near) = (0, 0, 0, 0);
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut shown = Vec::new();
    for (id, published, body) in &rows {
        let inferred = infer(body, DateOrder::Unknown);
        let Some(date) = inferred else {
            shown.push((id, None));
            continue;
        };
        dated += 1;
        let DateBasis::Text { rule, span } = date.basis else {
            continue;
        };
        *by_rule.entry(rule).or_default() += 1;
        let evidence = span.slice(body).unwrap_or("").to_string();
        shown.push((id, Some((date.utc_string(), rule, evidence.clone()))));
        if let Ok(Some(gold)) = parse(published, DateOrder::Unknown) {
            with_gold += 1;
            let days = (date.utc_day() - gold.utc_day()).abs();
            if days == 0 {
                right += 1;
            } else if days == 1 {
                near += 1;
            } else {
                wrong.push(format!(
                    "{id}: inferred {} ({rule} '{evidence}'), published {published}",
                    date.utc_string()
                ));
            }
        }
    }
    let n = rows.len();
    println!(
        "{path}: {dated}/{n} records get a date ({:.1} %)",
        100.0 * dated as f64 / n.max(1) as f64
    );
    for (rule, count) in &by_rule {
        println!("  {rule}: {count}");
    }
    if with_gold > 0 {
        println!(
            "against published: {right}/{with_gold} same UTC day, {near} one day off, {} further",
            wrong.len()
        );
        for w in wrong.iter().take(20) {
            println!("  {w}");
        }
    }
    if list > 0 && !shown.is_empty() {
        let step = (shown.len() / list).max(1);
        for (id, found) in shown.iter().step_by(step).take(list) {
            match found {
                Some((date, rule, evidence)) => println!("{id}\t{date}\t{rule}\t{evidence}"),
                None => println!("{id}\t-"),
            }
        }
    }
    Ok(())
}
