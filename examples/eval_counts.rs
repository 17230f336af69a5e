//! Evaluates wirediff's casualty counts against the Gun Violence Archive gold.
//!
//! ```text
//! cargo run --release --example eval_counts -- /work/shared/data/gva [--errors N]
//! ```
//!
//! # How counts are read
//!
//! Per article, facts are extracted from the title and from the text
//! (separately, each with its own spans). The article is read in two zones:
//! the head (the title plus the lead, the first [`LEAD_SENTENCES`] sentences
//! of the text) and the rest. The head gives the article's estimate when it
//! holds any killed, injured or shot count; the rest is read only when it
//! does not, because on these archived pages it holds other stories' teasers
//! and boilerplate. Facts in text sentences that do not end like prose (with
//! `.`, `!`, `?`, a closing quote or bracket: menus, playlists, teasers) are
//! dropped. Counts marked `aggregate` (their sentence reports several
//! incidents: "six people injured in two separate shootings") are read only
//! when neither zone has any other count. Within the zone used:
//!
//! - killed = the largest lower bound (`min`) of its killed counts, 0 if none;
//! - injured = the largest `min` of its injured counts (a *firm* estimate);
//!   if it has none, shot − killed from its largest shot count (GVA's
//!   victims are killed + injured, and "N shot" counts both), else 0. Those
//!   two are *tentative*: "teen shot" in a title often died later.
//!
//! An article with no count in either zone gives no estimate (absent is not
//! read as 0).
//!
//! Per incident (`stories.tsv` groups articles), the killed estimate is the
//! most supported value among its articles' estimates, ties to the larger
//! value; 0 when no article gives one. Injured is the same over the firm
//! injured estimates when any article has one, else over all, where a
//! tentative estimate is re-read as the article's shot count minus the
//! incident's killed estimate (a title's "teen shot" is often the victim
//! another article reports killed).
//!
//! Only incidents whose articles hold at least [`MIN_WORDS`] words in total
//! (whitespace-separated words of the texts, titles excluded) are scored.
//!
//! Also printed: per-article recall of any count (among articles whose
//! incident has killed + injured > 0, the fraction with at least one
//! killed/injured/shot count anywhere), confusion tables, and the speed of
//! the whole facts stage over the corpus (single thread).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use serde_json::Value;
use wirediff::facts::{self, Fact, FactKind, FactValue};

/// Sentences of the text read as the lead.
const LEAD_SENTENCES: usize = 5;
/// Minimum total words over an incident's articles for it to be scored.
const MIN_WORDS: usize = 80;

struct Doc {
    id: String,
    title: String,
    text: String,
    published: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Estimate {
    killed: u64,
    injured: u64,
}

/// An article's estimate; `firm` when injured came from an injury count,
/// `shot` its largest count of people shot.
#[derive(Clone, Copy, Debug)]
struct ArticleCounts {
    est: Estimate,
    firm: bool,
    shot: Option<u64>,
}

/// A fact with its zone and source (0 = title, 1 = text).
type Located = (Zone, usize, Fact);
/// An article's estimate and the facts it came from.
type ArticleEstimate<'a> = Option<(ArticleCounts, Vec<&'a Located>)>;

/// Where a fact came from.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Zone {
    Title,
    Lead,
    Rest,
}

fn count_min(f: &Fact) -> Option<u64> {
    match &f.value {
        FactValue::Count(c) => Some(c.value.min),
        _ => None,
    }
}

fn is_aggregate(f: &Fact) -> bool {
    matches!(&f.value, FactValue::Count(c) if c.aggregate)
}

fn is_casualty(f: &Fact) -> bool {
    matches!(
        f.kind,
        FactKind::Killed | FactKind::Injured | FactKind::Shot
    )
}

/// The facts of one article with their zone and source text (0 = title,
/// 1 = text).
fn article_facts(doc: &Doc) -> Vec<(Zone, usize, Fact)> {
    let mut out = Vec::new();
    for f in facts::extract(&doc.title, doc.published.as_deref()) {
        out.push((Zone::Title, 0, f));
    }
    let sentences = facts::sentences::split(&doc.text);
    let lead_end = sentences
        .get(LEAD_SENTENCES)
        .map_or(usize::MAX, |s| s.start);
    for f in facts::extract(&doc.text, doc.published.as_deref()) {
        // Page furniture (menus, video playlists, teasers) rarely ends like
        // a sentence; prose does.
        let prose = doc.text[f.sentence.start..f.sentence.end]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ')']);
        if !prose {
            continue;
        }
        let zone = if f.span.start < lead_end {
            Zone::Lead
        } else {
            Zone::Rest
        };
        out.push((zone, 1, f));
    }
    out
}

/// The article's estimate and the facts it came from.
fn estimate(facts: &[Located]) -> ArticleEstimate<'_> {
    for (rest, aggregate) in [(false, false), (true, false), (false, true), (true, true)] {
        let used: Vec<_> = facts
            .iter()
            .filter(|(z, _, f)| {
                (*z == Zone::Rest) == rest && is_casualty(f) && is_aggregate(f) == aggregate
            })
            .collect();
        if used.is_empty() {
            continue;
        }
        let max_of = |k: FactKind| {
            used.iter()
                .filter(|(_, _, f)| f.kind == k)
                .filter_map(|(_, _, f)| count_min(f))
                .max()
        };
        let killed = max_of(FactKind::Killed).unwrap_or(0);
        let shot = max_of(FactKind::Shot);
        let (injured, firm) = match (max_of(FactKind::Injured), shot) {
            (Some(i), _) => (i, true),
            (None, Some(s)) => (s.saturating_sub(killed), false),
            (None, None) => (0, false),
        };
        let est = Estimate { killed, injured };
        return Some((ArticleCounts { est, firm, shot }, used));
    }
    None
}

/// Most supported value, ties to the larger; 0 when empty.
fn mode(values: &[u64]) -> u64 {
    let mut counts: BTreeMap<u64, usize> = BTreeMap::new();
    for &v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts
        .iter()
        .max_by_key(|&(v, n)| (*n, *v))
        .map_or(0, |(v, _)| *v)
}

fn bucket(v: u64) -> usize {
    v.min(5) as usize
}

fn print_confusion(name: &str, pairs: &[(u64, u64)]) {
    let mut m = [[0usize; 6]; 6];
    for &(gold, pred) in pairs {
        m[bucket(gold)][bucket(pred)] += 1;
    }
    println!("{name}: rows gold, columns predicted (5 = 5+)");
    println!(
        "  gold\\pred {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}",
        0, 1, 2, 3, 4, "5+"
    );
    for (g, row) in m.iter().enumerate() {
        let label = if g == 5 {
            "5+".to_string()
        } else {
            g.to_string()
        };
        println!(
            "  {label:>9} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}",
            row[0], row[1], row[2], row[3], row[4], row[5]
        );
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .context("usage: eval_counts <gva dir> [--errors N]")?;
    let errors: usize = match args.iter().position(|a| a == "--errors") {
        Some(p) => args.get(p + 1).context("--errors needs N")?.parse()?,
        None => 0,
    };
    let dir = Path::new(dir);

    let mut docs = Vec::new();
    for line in fs::read_to_string(dir.join("articles.jsonl"))?.lines() {
        let v: Value = serde_json::from_str(line)?;
        let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        docs.push(Doc {
            id: s("id").context("article without id")?,
            title: s("title").unwrap_or_default(),
            text: s("text").unwrap_or_default(),
            published: s("published"),
        });
    }
    let mut story_of: HashMap<String, String> = HashMap::new();
    for line in fs::read_to_string(dir.join("stories.tsv"))?.lines().skip(1) {
        if let Some((id, story)) = line.split_once('\t') {
            story_of.insert(id.to_string(), story.to_string());
        }
    }
    let mut gold: BTreeMap<String, Estimate> = BTreeMap::new();
    for line in fs::read_to_string(dir.join("incidents.jsonl"))?.lines() {
        let v: Value = serde_json::from_str(line)?;
        let id = match &v["incident"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        gold.insert(
            id,
            Estimate {
                killed: v["killed"].as_u64().unwrap_or(0),
                injured: v["injured"].as_u64().unwrap_or(0),
            },
        );
    }

    // Speed of the facts stage alone.
    let t0 = Instant::now();
    let mut n_facts = 0;
    for d in &docs {
        n_facts += facts::extract(&d.title, d.published.as_deref()).len();
        n_facts += facts::extract(&d.text, d.published.as_deref()).len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "facts stage: {} articles, {} facts in {:.3} s = {:.0} articles/s (one thread)",
        docs.len(),
        n_facts,
        secs,
        docs.len() as f64 / secs
    );

    // Per-article facts and estimates.
    let per_doc: Vec<Vec<(Zone, usize, Fact)>> = docs.iter().map(article_facts).collect();
    let mut by_incident: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(s) = story_of.get(&d.id) {
            by_incident.entry(s.as_str()).or_default().push(i);
        }
    }

    // Per-article recall of any count.
    let (mut with_victims, mut recalled) = (0, 0);
    for (inc, idx) in &by_incident {
        let Some(g) = gold.get(*inc) else { continue };
        if g.killed + g.injured == 0 {
            continue;
        }
        for &i in idx {
            with_victims += 1;
            if per_doc[i].iter().any(|(_, _, f)| is_casualty(f)) {
                recalled += 1;
            }
        }
    }

    let mut killed_pairs = Vec::new();
    let mut injured_pairs = Vec::new();
    let (mut scored, mut skipped_short, mut both) = (0, 0, 0);
    let mut shown = 0;
    for (inc, idx) in &by_incident {
        let Some(g) = gold.get(*inc) else { continue };
        let words: usize = idx
            .iter()
            .map(|&i| docs[i].text.split_whitespace().count())
            .sum();
        if words < MIN_WORDS {
            skipped_short += 1;
            continue;
        }
        scored += 1;
        let ests: Vec<ArticleEstimate> = idx.iter().map(|&i| estimate(&per_doc[i])).collect();
        let killed: Vec<u64> = ests.iter().flatten().map(|(a, _)| a.est.killed).collect();
        let any_firm = ests.iter().flatten().any(|(a, _)| a.firm);
        let incident_killed = mode(&killed);
        let injured: Vec<u64> = ests
            .iter()
            .flatten()
            .filter(|(a, _)| a.firm || !any_firm)
            .map(|(a, _)| match (a.firm, a.shot) {
                (false, Some(shot)) => shot.saturating_sub(incident_killed),
                // Early reports count as injured those who later died: the
                // incident's deaths this article does not report come out
                // of its injured.
                _ => a
                    .est
                    .injured
                    .saturating_sub(incident_killed.saturating_sub(a.est.killed)),
            })
            .collect();
        let pred = Estimate {
            killed: incident_killed,
            injured: mode(&injured),
        };
        killed_pairs.push((g.killed, pred.killed));
        injured_pairs.push((g.injured, pred.injured));
        if pred == *g {
            both += 1;
        } else if shown < errors {
            shown += 1;
            println!(
                "\n=== incident {inc}: gold killed {} injured {}, predicted killed {} injured {}",
                g.killed, g.injured, pred.killed, pred.injured
            );
            for (&i, est) in idx.iter().zip(&ests) {
                let d = &docs[i];
                match est {
                    None => println!("  [{}] no count | {}", d.id, d.title),
                    Some((a, used)) => {
                        println!(
                            "  [{}] killed {} injured {}{} | {}",
                            d.id,
                            a.est.killed,
                            a.est.injured,
                            if a.firm { "" } else { " (tentative)" },
                            d.title
                        );
                        for (zone, src, f) in used {
                            let text = if *src == 0 { &d.title } else { &d.text };
                            let sentence = text
                                .get(f.sentence.start..f.sentence.end)
                                .unwrap_or("")
                                .replace('\n', " ");
                            let value = match &f.value {
                                FactValue::Count(c) => {
                                    format!("[{}, {:?}] {}", c.value.min, c.value.max, c.counted)
                                }
                                _ => String::new(),
                            };
                            println!(
                                "    {zone:?} {:?} {value} ({}) :: {}",
                                f.kind,
                                f.rule,
                                sentence.chars().take(220).collect::<String>()
                            );
                        }
                    }
                }
            }
        }
    }
    let exact = |p: &[(u64, u64)]| p.iter().filter(|(g, e)| g == e).count() as f64 / p.len() as f64;
    println!();
    println!(
        "incidents scored: {scored} (skipped {skipped_short} with < {MIN_WORDS} words over their articles)"
    );
    println!("exact match killed:  {:.3}", exact(&killed_pairs));
    println!("exact match injured: {:.3}", exact(&injured_pairs));
    println!("exact match both:    {:.3}", both as f64 / scored as f64);
    println!(
        "per-article recall of any killed/injured/shot count: {recalled}/{with_victims} = {:.3}",
        recalled as f64 / with_victims as f64
    );
    print_confusion("killed", &killed_pairs);
    print_confusion("injured", &injured_pairs);
    Ok(())
}
