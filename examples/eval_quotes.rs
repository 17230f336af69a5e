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
//!   (cue) or `content_span` (content) of one quote fact, plus the content
//!   of the `quote.continued` facts that follow it (the quotations
//!   continuing it);
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

#[derive(Deserialize, Clone)]
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
    if !matches!(args.split.as_str(), "dev" | "train" | "all" | "heldout") {
        bail!(
            "--split must be dev, train, heldout or all, got '{}'",
            args.split
        );
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

/// One GGT gold quote (`gold.jsonl` of `../shared/data/ggt-quotes`).
#[derive(Deserialize)]
struct GgtQuote {
    speaker: Option<String>,
    reference: Option<String>,
    quote_span: Option<[usize; 2]>,
}

#[derive(Deserialize)]
struct GgtRecord {
    id: String,
    quotes: Vec<GgtQuote>,
}

/// FNV-1a, 64 bits: the fixed split of GGT articles (odd = held out).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether a GGT article is in the held-out half (never trained on).
pub fn ggt_heldout(id: &str) -> bool {
    fnv1a(id) % 2 == 1
}

/// Lower-case `\w+` words of `s` without pronouns, as `score_quotes.py`.
fn ggt_words(s: &str) -> std::collections::HashSet<String> {
    const PRONOUNS: &[&str] = &[
        "he", "she", "they", "it", "we", "i", "you", "his", "her", "their",
    ];
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty() && !PRONOUNS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Scores speech quotes on the Gender Gap Tracker annotations exactly as
/// `../shared/data/ggt-quotes/score_quotes.py` does, on character offsets
/// (the extractor's byte spans are converted), for the `--split` half:
/// `train` (FNV-1a of the id even), `heldout` (odd) or `all`.
fn eval_ggt(args: &Args) -> Result<String> {
    let mut out = String::new();
    let mut texts: HashMap<String, String> = HashMap::new();
    let path = args.dir.join("articles.jsonl");
    for line in fs::read_to_string(&path)
        .with_context(|| format!("reading {}", path.display()))?
        .lines()
    {
        let a: ArticleRec = serde_json::from_str(line).context("bad article record")?;
        texts.insert(a.id, a.text);
    }
    let path = args.dir.join("gold.jsonl");
    let mut docs = Vec::new();
    for line in fs::read_to_string(&path)
        .with_context(|| format!("reading {}", path.display()))?
        .lines()
    {
        let g: GgtRecord = serde_json::from_str(line).context("bad gold record")?;
        let keep = match args.split.as_str() {
            "train" => !ggt_heldout(&g.id),
            "heldout" | "dev" => ggt_heldout(&g.id),
            _ => true,
        };
        if keep && let Some(t) = texts.remove(&g.id) {
            docs.push((t, g));
        }
    }
    docs.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    for t in [0.3, 0.8] {
        let (mut tp, mut n_gold, mut n_pred, mut speaker_ok) = (0usize, 0usize, 0usize, 0usize);
        for (text, g) in &docs {
            // Byte offset -> char index.
            let mut b2c = vec![0usize; text.len() + 1];
            let mut ci = 0;
            for (b, ch) in text.char_indices() {
                for k in 0..ch.len_utf8() {
                    b2c[b + k] = ci;
                }
                ci += 1;
            }
            b2c[text.len()] = ci;
            let facts = quotes::extract(text, &sentences::split(text));
            let pred: Vec<((usize, usize), String)> = facts
                .iter()
                .filter_map(|f| match &f.value {
                    FactValue::Quote(q) if q.attribution == quotes::Attribution::Speech => {
                        let mention = text
                            .get(q.speaker_span.start..q.speaker_span.end)
                            .unwrap_or("");
                        let speaker = q
                            .speaker
                            .name
                            .clone()
                            .unwrap_or_else(|| mention.to_string());
                        Some((
                            (b2c[q.content_span.start], b2c[q.content_span.end]),
                            speaker,
                        ))
                    }
                    _ => None,
                })
                .collect();
            let gold: Vec<&GgtQuote> = g.quotes.iter().filter(|q| q.quote_span.is_some()).collect();
            n_gold += gold.len();
            n_pred += pred.len();
            let mut cands = Vec::new();
            for (i, gq) in gold.iter().enumerate() {
                let [gs, ge] = gq.quote_span.unwrap_or([0, 0]);
                for (j, ((ps, pe), _)) in pred.iter().enumerate() {
                    let ov = ge.min(*pe) as f64 - gs.max(*ps) as f64;
                    if ov > 0.0 && ov > t * (ge as f64 - gs as f64) {
                        cands.push((ov as usize, i, j));
                    }
                }
            }
            cands.sort_unstable_by(|a, b| b.cmp(a));
            let mut used_g = vec![false; gold.len()];
            let mut used_p = vec![false; pred.len()];
            for (_, i, j) in cands {
                if used_g[i] || used_p[j] {
                    continue;
                }
                used_g[i] = true;
                used_p[j] = true;
                tp += 1;
                let ps = &pred[j].1;
                let gw: std::collections::HashSet<String> =
                    ggt_words(gold[i].speaker.as_deref().unwrap_or(""))
                        .union(&ggt_words(gold[i].reference.as_deref().unwrap_or("")))
                        .cloned()
                        .collect();
                let same_pronoun = !ps.is_empty()
                    && ps.to_lowercase() == gold[i].speaker.as_deref().unwrap_or("").to_lowercase();
                if ggt_words(ps).iter().any(|w| gw.contains(w)) || same_pronoun {
                    speaker_ok += 1;
                }
            }
        }
        let p = ratio(tp, n_pred);
        let r = ratio(tp, n_gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        outln!(
            out,
            "ggt split={} articles={} overlap {t}: gold {n_gold} pred {n_pred} matched {tp} precision {p:.4} recall {r:.4} f1 {f:.4} speaker_accuracy {:.4}",
            args.split,
            docs.len(),
            ratio(speaker_ok, tp)
        );
    }
    Ok(out)
}

fn main() -> Result<()> {
    let mut out = String::new();
    let args = parse_args()?;
    if args.dir.join("gold.jsonl").exists() {
        let report = eval_ggt(&args)?;
        return match std::io::stdout().lock().write_all(report.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
            _ => Ok(()),
        };
    }
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
    // Every gold source of each kept article, whatever its cue: what the
    // precision of reported speech is measured against.
    let mut all_sources: Vec<Vec<Attribution>> = Vec::new();
    for line in fs::read_to_string(&attrs_path)
        .with_context(|| format!("reading {}", attrs_path.display()))?
        .lines()
    {
        let mut r: AttrRec = serde_json::from_str(line).context("bad attribution record")?;
        let unfiltered: Vec<Attribution> = r
            .attributions
            .iter()
            .map(|a| Attribution {
                source: a.source.iter().map(Part::clone).collect(),
                cue: Vec::new(),
                content: Vec::new(),
            })
            .collect();
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
            all_sources.push(unfiltered);
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
    // Sources of reported speech (predictions whose cue holds a word of the
    // speech set) against every gold source.
    let mut speech_vs_all = Score::default();
    for (((text, _), facts), all) in docs.iter().zip(&all_facts).zip(&all_sources) {
        let map = char_to_byte(text);
        let gold: Vec<Item> = all
            .iter()
            .filter_map(|a| {
                let mut segs = Vec::new();
                for p in &a.source {
                    segs.extend(parse_part(p, &map)?.segs);
                }
                segs.sort_unstable();
                (!segs.is_empty()).then_some(Item { segs })
            })
            .collect();
        let pred: Vec<Item> = facts
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Quote(q) if f.rule != "quote.continued" && has_word(&q.cue, &speech) => {
                    Some(Item {
                        segs: vec![(q.speaker_span.start, q.speaker_span.end)],
                    })
                }
                _ => None,
            })
            .collect();
        speech_vs_all.add(score(text, &pred, &gold, false).0);
    }
    for ((text, rec), facts) in docs.iter().zip(&all_facts) {
        let map = char_to_byte(text);
        // A continued quotation (`quote.continued`) is one more segment of
        // the content of the attribution it continues, as PolNeAR marks it.
        let mut quotes: Vec<(&quotes::Quote, &'static str)> = Vec::new();
        let mut continued: Vec<Vec<(usize, usize)>> = Vec::new();
        for f in facts {
            let FactValue::Quote(q) = &f.value else {
                continue;
            };
            if args.speech_verbs && !has_word(&q.cue, &speech) {
                continue;
            }
            if f.rule == "quote.continued"
                && let Some(more) = continued.last_mut()
            {
                more.push((q.content_span.start, q.content_span.end));
                continue;
            }
            quotes.push((q, f.rule));
            continued.push(Vec::new());
        }
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
                .zip(&continued)
                .map(|((q, _), more)| {
                    let s = match field {
                        "source" => q.speaker_span,
                        "cue" => q.cue_span,
                        _ => q.content_span,
                    };
                    let mut segs = vec![(s.start, s.end)];
                    if field == "content" {
                        segs.extend(more);
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
        "reported speech against all gold sources (overlap): precision {:.3} ({} of {} predicted sources cued by a speech word)",
        ratio(speech_vs_all.tp_pred, speech_vs_all.pred),
        speech_vs_all.tp_pred,
        speech_vs_all.pred
    );
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
