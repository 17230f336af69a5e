//! Scores the quote extractor against PolNeAR attributions.
//!
//! ```text
//! cargo run --release --example eval_quotes -- /work/shared/data/polnear [--split dev|train|all] [--errors N] [--cues] [--repeat N] [--speech-verbs]
//! ```
//!
//! Reads `articles.jsonl` (id, text) and `attributions.jsonl` (id, split,
//! attributions: lists of `{"source": [...], "cue": [...], "content": [...]}`,
//! each part a list of `{"text", "span": "start end[;start end...]"}`). Gold
//! offsets are **character** offsets (Python string indices); they are
//! converted to byte offsets before comparison. A part with several
//! segments (discontinuous, `a b;c d`) is one gold item.
//!
//! Matching, per article and per field (source, cue, content):
//!
//! - a prediction is the extractor's `speaker_span` (source), `cue_span`
//!   (cue) or `content_span` plus `continuation` (content) of one quote fact;
//! - a gold item is one attribution's source (resp. cue, content); attributions
//!   without that part contribute no gold item;
//! - **exact**: the prediction's span equals the gold item's span (for
//!   discontinuous items, the span from the first segment's start to the last
//!   segment's end), after trimming whitespace and final periods and commas
//!   from both (PolNeAR sources often keep the comma before the verb);
//! - **overlap**: the prediction shares at least one byte with a segment of
//!   the gold item;
//! - each gold item is matched at most once and each prediction at most once,
//!   greedily in text order of the predictions, preferring the gold item with
//!   the largest byte overlap;
//! - precision = matched predictions / predictions, recall = matched gold
//!   items / gold items, F1 their harmonic mean, summed over the split (micro).
//!
//! `--speech-verbs` scores the subset of attributions cued by a reporting
//! verb: gold attributions whose cue holds a word of
//! `src/facts/lexicon/quote_verbs.txt` or `quote_participles.txt` or
//! "according", and predictions whose cue does (the same word set on both
//! sides). PolNeAR also annotates beliefs, intentions and evaluations
//! ("wants", "is counting on"); this figure is the extractor's accuracy on
//! reported speech alone, what a who-is-quoted view lists.
//!
//! `--errors N` prints N false positives and N false negatives for sources
//! (overlap matching) with their sentence (`FP-SRC` when the cue matched a
//! gold cue, so the source span is what is wrong), and N source, cue or content
//! predictions that overlap their gold item but differ from it; `--cues`
//! prints per-cue-word precision of the predictions. The run also prints the
//! extractor's speed (sentence splitting + quote extraction, single thread,
//! averaged over `--repeat` passes, default 5) in wall time and in the
//! thread's CPU time, which is the figure to quote on a shared machine.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use wirediff::facts::{FactValue, quotes, sentences};

#[derive(Deserialize)]
struct ArticleRec {
    id: String,
    text: String,
}

#[derive(Deserialize)]
struct AttrRec {
    id: String,
    split: String,
    attributions: Vec<Attribution>,
}

#[derive(Deserialize)]
struct Attribution {
    #[serde(default)]
    source: Vec<Part>,
    #[serde(default)]
    cue: Vec<Part>,
    #[serde(default)]
    content: Vec<Part>,
}

#[derive(Deserialize)]
struct Part {
    #[serde(default)]
    text: String,
    span: String,
}

/// One gold or predicted item: byte segments, sorted.
#[derive(Clone, Debug)]
struct Item {
    segs: Vec<(usize, usize)>,
}

impl Item {
    fn hull(&self) -> (usize, usize) {
        (
            self.segs.first().map_or(0, |s| s.0),
            self.segs.last().map_or(0, |s| s.1),
        )
    }
}

#[derive(Default, Clone, Copy)]
struct Score {
    pred: usize,
    gold: usize,
    tp_pred: usize,
    tp_gold: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.pred += o.pred;
        self.gold += o.gold;
        self.tp_pred += o.tp_pred;
        self.tp_gold += o.tp_gold;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.tp_pred, self.pred);
        let r = ratio(self.tp_gold, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

struct Args {
    dir: PathBuf,
    split: String,
    errors: usize,
    cues: bool,
    repeat: usize,
    speech_verbs: bool,
}

/// Reporting verbs and participles (the extractor's own lists) and
/// "according": the word set of `--speech-verbs`.
fn speech_words() -> std::collections::HashSet<&'static str> {
    include_str!("../src/facts/lexicon/quote_verbs.txt")
        .lines()
        .chain(include_str!("../src/facts/lexicon/quote_participles.txt").lines())
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.starts_with('#'))
        .chain(["according"])
        .collect()
}

/// Whether `cue` holds a word of `words` (lower-cased, split on what is not
/// a letter).
fn has_word(cue: &str, words: &std::collections::HashSet<&'static str>) -> bool {
    cue.to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .any(|w| words.contains(w))
}

/// CPU time (user + system) of the calling thread, from
/// `/proc/thread-self/stat` (Linux; assumes 100 clock ticks per second).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/thread-self/stat").ok()?;
    let fields: Vec<&str> = stat
        .get(stat.rfind(')')? + 1..)?
        .split_whitespace()
        .collect();
    // After the command name: state is field 3, utime 14, stime 15.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn parse_args() -> Result<Args> {
    let mut it = std::env::args().skip(1);
    let mut args = Args {
        dir: PathBuf::new(),
        split: "dev".into(),
        errors: 0,
        cues: false,
        repeat: 5,
        speech_verbs: false,
    };
    let mut dir = None;
    while let Some(a) = it.next() {
        match a.as_str() {
            "--split" => args.split = it.next().context("--split needs a value")?,
            "--errors" => {
                args.errors = it
                    .next()
                    .context("--errors needs a number")?
                    .parse()
                    .context("--errors needs a number")?;
            }
            "--cues" => args.cues = true,
            "--speech-verbs" => args.speech_verbs = true,
            "--repeat" => {
                args.repeat = it
                    .next()
                    .context("--repeat needs a number")?
                    .parse::<usize>()
                    .context("--repeat needs a number")?
                    .max(1);
            }
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => bail!("unexpected argument '{a}'"),
        }
    }
    if !matches!(args.split.as_str(), "dev" | "train" | "all") {
        bail!("--split must be dev, train or all, got '{}'", args.split);
    }
    args.dir = dir.context(
        "usage: eval_quotes <polnear dir> [--split dev|train|all] [--errors N] [--cues] [--repeat N] [--speech-verbs]",
    )?;
    Ok(args)
}

/// Byte offset of every char index (and one past the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn parse_part(p: &Part, map: &[usize]) -> Option<Item> {
    let mut segs = Vec::new();
    for seg in p.span.split(';') {
        let mut nums = seg.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(s)), Some(Ok(e))) = (nums.next(), nums.next()) else {
            return None;
        };
        segs.push((*map.get(s)?, *map.get(e)?));
    }
    segs.sort_unstable();
    (!segs.is_empty()).then_some(Item { segs })
}

/// Trims whitespace and final periods and commas from a byte span.
fn trimmed(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let Some(slice) = text.get(s..e) else {
        return (s, e);
    };
    let start = s + (slice.len() - slice.trim_start().len());
    let t = slice.trim();
    let t = t.trim_end_matches(['.', ',']).trim_end();
    (start, start + t.len())
}

fn overlap(a: &Item, b: &Item) -> usize {
    let mut n = 0;
    for &(s1, e1) in &a.segs {
        for &(s2, e2) in &b.segs {
            n += e1.min(e2).saturating_sub(s1.max(s2));
        }
    }
    n
}

/// Greedy one-to-one matching; returns the score, per prediction the gold
/// item it matched, and per gold item whether it was matched.
fn score(
    text: &str,
    pred: &[Item],
    gold: &[Item],
    exact: bool,
) -> (Score, Vec<Option<usize>>, Vec<bool>) {
    let mut used = vec![false; gold.len()];
    let mut pred_ok = vec![None; pred.len()];
    for (pi, p) in pred.iter().enumerate() {
        let mut best: Option<(usize, usize)> = None;
        for (gi, g) in gold.iter().enumerate() {
            if used[gi] {
                continue;
            }
            let ov = overlap(p, g);
            let ok = if exact {
                trimmed(text, p.hull()) == trimmed(text, g.hull())
            } else {
                ov > 0
            };
            if ok && best.is_none_or(|(_, b)| ov > b) {
                best = Some((gi, ov));
            }
        }
        if let Some((gi, _)) = best {
            used[gi] = true;
            pred_ok[pi] = Some(gi);
        }
    }
    let s = Score {
        pred: pred.len(),
        gold: gold.len(),
        tp_pred: pred_ok.iter().filter(|b| b.is_some()).count(),
        tp_gold: used.iter().filter(|&&b| b).count(),
    };
    (s, pred_ok, used)
}

fn context(text: &str, (s, e): (usize, usize)) -> String {
    let sents = sentences::split(text);
    let sent = sentences::containing(&sents, s).unwrap_or(wirediff::Span::new(s, e));
    let a = sent.start.min(s);
    let b = sent.end.max(e).min(text.len());
    let mut out = String::new();
    out.push_str(text.get(a..s).unwrap_or(""));
    out.push_str("[[");
    out.push_str(text.get(s..e).unwrap_or(""));
    out.push_str("]]");
    out.push_str(text.get(e..b).unwrap_or(""));
    out.replace('\n', " ")
}

/// `writeln!` into the report buffer (a `String` never fails to write).
macro_rules! outln {
    ($out:ident, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

fn main() -> Result<()> {
    let mut out = String::new();
    let args = parse_args()?;
    let articles_path = args.dir.join("articles.jsonl");
    let attrs_path = args.dir.join("attributions.jsonl");
    let mut texts: HashMap<String, String> = HashMap::new();
    for line in fs::read_to_string(&articles_path)
        .with_context(|| format!("reading {}", articles_path.display()))?
        .lines()
    {
        let a: ArticleRec = serde_json::from_str(line).context("bad article record")?;
        texts.insert(a.id, a.text);
    }
    let speech = speech_words();
    let mut docs: Vec<(String, AttrRec)> = Vec::new();
    for line in fs::read_to_string(&attrs_path)
        .with_context(|| format!("reading {}", attrs_path.display()))?
        .lines()
    {
        let mut r: AttrRec = serde_json::from_str(line).context("bad attribution record")?;
        if args.speech_verbs {
            r.attributions.retain(|a| {
                let cue: Vec<&str> = a.cue.iter().map(|c| c.text.as_str()).collect();
                has_word(&cue.join(" "), &speech)
            });
        }
        if args.split != "all" && r.split != args.split {
            continue;
        }
        if let Some(t) = texts.remove(&r.id) {
            docs.push((t, r));
        }
    }

    // Speed: sentence splitting + quote extraction, single thread, over
    // `repeat` passes; wall time and this thread's CPU time (the latter is
    // what to quote on a busy machine).
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let mut all_facts = Vec::with_capacity(docs.len());
    let cpu0 = thread_cpu_seconds();
    let t0 = Instant::now();
    for pass in 0..args.repeat {
        for (text, _) in &docs {
            let sents = sentences::split(text);
            let facts = quotes::extract(text, &sents);
            if pass == 0 {
                all_facts.push(facts);
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64() / args.repeat as f64;
    // Sentence splitting alone (another module's cost), to isolate ours.
    let split_cpu0 = thread_cpu_seconds();
    let mut n_sentences = 0usize;
    for _ in 0..args.repeat {
        for (text, _) in &docs {
            n_sentences += sentences::split(text).len();
        }
    }
    let split_cpu = match (split_cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) => Some((b - a) / args.repeat as f64),
        _ => None,
    };
    let cpu_secs = match (cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) => Some((b - a) / args.repeat as f64),
        _ => None,
    };

    let fields = ["source", "cue", "content"];
    let mut totals: BTreeMap<(&str, bool), Score> = BTreeMap::new();
    let mut fps = Vec::new();
    let mut fns = Vec::new();
    let mut mismatches = Vec::new();
    let mut cue_stats: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut rules: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for ((text, rec), facts) in docs.iter().zip(&all_facts) {
        let map = char_to_byte(text);
        let quotes: Vec<(&quotes::Quote, &'static str)> = facts
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Quote(q) => Some((q, f.rule)),
                _ => None,
            })
            .filter(|(q, _)| !args.speech_verbs || has_word(&q.cue, &speech))
            .collect();
        // Cues first, so a false-positive source can say whether its cue
        // matched a gold cue (then the source span is what went wrong).
        let mut cue_matched: Vec<bool> = Vec::new();
        for field in ["cue", "source", "content"] {
            let gold: Vec<Item> = rec
                .attributions
                .iter()
                .filter_map(|a| {
                    let parts = match field {
                        "source" => &a.source,
                        "cue" => &a.cue,
                        _ => &a.content,
                    };
                    let mut segs = Vec::new();
                    for p in parts {
                        segs.extend(parse_part(p, &map)?.segs);
                    }
                    segs.sort_unstable();
                    (!segs.is_empty()).then_some(Item { segs })
                })
                .collect();
            let gold_cues: Vec<String> = rec
                .attributions
                .iter()
                .filter(|a| {
                    let parts = match field {
                        "source" => &a.source,
                        "cue" => &a.cue,
                        _ => &a.content,
                    };
                    !parts.is_empty() && parts.iter().all(|p| parse_part(p, &map).is_some())
                })
                .map(|a| {
                    a.cue
                        .iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let pred: Vec<Item> = quotes
                .iter()
                .map(|(q, _)| {
                    let s = match field {
                        "source" => q.speaker_span,
                        "cue" => q.cue_span,
                        _ => q.content_span,
                    };
                    let mut segs = vec![(s.start, s.end)];
                    if field == "content"
                        && let Some(c) = q.continuation
                    {
                        segs.push((c.start, c.end));
                    }
                    Item { segs }
                })
                .collect();
            for exact in [true, false] {
                let (s, pred_ok, used) = score(text, &pred, &gold, exact);
                if field == "cue" && !exact {
                    cue_matched = pred_ok.iter().map(Option::is_some).collect();
                }
                totals.entry((field, exact)).or_default().add(s);
                if !exact {
                    for (p, g) in pred.iter().zip(&pred_ok) {
                        if let Some(g) = g.map(|g| &gold[g])
                            && trimmed(text, p.hull()) != trimmed(text, g.hull())
                        {
                            let (ph, gh) = (trimmed(text, p.hull()), trimmed(text, g.hull()));
                            mismatches.push(format!(
                                "MISMATCH {field} pred={:?} gold={:?}",
                                text.get(ph.0..ph.1).unwrap_or(""),
                                text.get(gh.0..gh.1).unwrap_or("")
                            ));
                        }
                    }
                }
                if field == "source" && !exact {
                    for (i, ok) in pred_ok.iter().map(Option::is_some).enumerate() {
                        let (q, rule) = quotes[i];
                        let e = cue_stats.entry(q.cue.to_lowercase()).or_default();
                        let r = rules.entry(rule).or_default();
                        if ok {
                            e.0 += 1;
                            r.0 += 1;
                        } else {
                            e.1 += 1;
                            r.1 += 1;
                            let kind = if cue_matched.get(i).copied().unwrap_or(false) {
                                "FP-SRC"
                            } else {
                                "FP"
                            };
                            fps.push(format!(
                                "{kind} {rule} src={:?} cue={:?}: {}",
                                text.get(q.speaker_span.start..q.speaker_span.end)
                                    .unwrap_or(""),
                                q.cue,
                                context(text, (q.cue_span.start, q.cue_span.end))
                            ));
                        }
                    }
                    for ((g, ok), cue) in gold.iter().zip(&used).zip(&gold_cues) {
                        if !ok {
                            let h = g.hull();
                            fns.push(format!(
                                "FN src={:?} cue={cue:?}: {}",
                                text.get(h.0..h.1).unwrap_or(""),
                                context(text, h)
                            ));
                        }
                    }
                }
            }
        }
    }

    outln!(
        out,
        "polnear split={}{} articles={} ({:.1} MB)",
        args.split,
        if args.speech_verbs {
            " (attributions cued by reporting verbs only)"
        } else {
            ""
        },
        docs.len(),
        bytes as f64 / 1e6
    );
    outln!(
        out,
        "{:<8} {:<8} {:>9} {:>9} {:>9} {:>7} {:>7}",
        "field",
        "match",
        "precision",
        "recall",
        "f1",
        "pred",
        "gold"
    );
    for field in fields {
        for exact in [true, false] {
            let s = totals.get(&(field, exact)).copied().unwrap_or_default();
            let (p, r, f) = s.prf();
            outln!(
                out,
                "{:<8} {:<8} {:>9.3} {:>9.3} {:>9.3} {:>7} {:>7}",
                field,
                if exact { "exact" } else { "overlap" },
                p,
                r,
                f,
                s.pred,
                s.gold
            );
        }
    }
    outln!(
        out,
        "speed (wall): {:.0} articles/s, {:.1} MB/s (sentences + quotes, 1 thread, {:.3} s per pass, {} passes)",
        docs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        secs,
        args.repeat
    );
    if let Some(cpu) = cpu_secs.filter(|&c| c > 0.0) {
        outln!(
            out,
            "speed (thread CPU time): {:.0} articles/s, {:.1} MB/s ({:.3} s per pass)",
            docs.len() as f64 / cpu,
            bytes as f64 / 1e6 / cpu,
            cpu
        );
        if let Some(split) = split_cpu.filter(|&s| s < cpu) {
            let ours = cpu - split;
            outln!(
                out,
                "  of which sentence splitting {:.3} s; quotes alone {:.0} articles/s ({} sentences)",
                split,
                docs.len() as f64 / ours,
                n_sentences / args.repeat
            );
        }
    }
    outln!(out, "per rule (source overlap): rule tp fp precision");
    for (rule, (tp, fp)) in &rules {
        outln!(
            out,
            "  {rule:<24} {tp:>6} {fp:>6} {:.3}",
            ratio(*tp, tp + fp)
        );
    }
    if args.cues {
        let mut v: Vec<_> = cue_stats.into_iter().collect();
        v.sort_by_key(|(_, (tp, fp))| std::cmp::Reverse(tp + fp));
        outln!(out, "per cue (source overlap): cue tp fp precision");
        for (cue, (tp, fp)) in v {
            outln!(out, "  {cue:<20} {tp:>6} {fp:>6} {:.3}", ratio(tp, tp + fp));
        }
    }
    if let Some(errors) = std::num::NonZeroUsize::new(args.errors) {
        // Deterministic spread-out sample.
        for list in [&fps, &fns, &mismatches] {
            let step = (list.len() / errors).max(1);
            for line in list.iter().step_by(step).take(errors.get()) {
                outln!(out, "{line}");
            }
        }
    }
    // Written once; a closed pipe (`| head`) is not an error.
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
