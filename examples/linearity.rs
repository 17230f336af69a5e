//! Is every stage linear in its input? Times each stage on one article of
//! growing size and prints seconds per MB: flat means linear, growing means
//! a stage rescans what it has already seen.
//!
//! ```text
//! cargo run --release --example linearity                      # everything
//! cargo run --release --example linearity -- --shapes paragraph --sizes 0.1,1,4,8
//! cargo run --release --example linearity -- --stages facts,quotes --max-seconds 30
//! ```
//!
//! Shapes (all text invented here, none from a corpus):
//! - `paragraph`: one paragraph of news sentences (counts, quotes, dates,
//!   places, names), no line break, at 0.1, 1, 4 and 8 MB;
//! - `quotes`: thousands of quotation marks, paired and stray, around short
//!   attributions, at 0.1, 1 and 4 MB;
//! - `numbers`: a page of numbers (lines of figures, counts, years), at
//!   0.1, 1 and 4 MB;
//! - `line`: one line of 50 MB with no sentence punctuation at all (one
//!   "sentence"), and the same at 5 MB for the slope.
//!
//! Stages: `ingest` (the article as one JSON Lines record, read by
//! `ingest::read`), `normalize`, `dedup` (copies among the article and an
//! edited copy of it), `sentences`, `quotes`, `facts` (all of facts::extract,
//! quotes included), `stories` (the article and its edited copy), `compare`
//! (the comparison of the two, facts given) and `html` (the report of that
//! comparison). Each is one run on one article (dedup and stories use the
//! rayon pool as the commands do), timed in CPU seconds of the process
//! (`/proc/self/stat`, 10 ms ticks; the per-MB column is from it), with the
//! wall clock beside it: on a shared machine wall time measures the other
//! processes too. A stage that takes longer than
//! `--max-seconds` (default 120) at one size is not run at larger sizes of
//! that shape.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use wirediff::Article;
use wirediff::compare::{Member, compare};
use wirediff::dedup::{DedupConfig, dedup_articles};
use wirediff::facts;
use wirediff::stories::{StoriesConfig, stories};

const STAGES: &[&str] = &[
    "ingest",
    "normalize",
    "dedup",
    "sentences",
    "quotes",
    "facts",
    "stories",
    "compare",
    "html",
];

struct Options {
    shapes: Vec<String>,
    sizes: Option<Vec<f64>>,
    stages: Vec<String>,
    max_seconds: f64,
}

fn options() -> Result<Options> {
    let mut o = Options {
        shapes: ["paragraph", "quotes", "numbers", "line"]
            .map(String::from)
            .to_vec(),
        sizes: None,
        stages: STAGES.iter().map(|s| s.to_string()).collect(),
        max_seconds: 120.0,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list = |v: &str| v.split(',').map(str::to_string).collect::<Vec<_>>();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).context("every option takes a value")?;
        match args[i].as_str() {
            "--shapes" => o.shapes = list(value),
            "--stages" => o.stages = list(value),
            "--sizes" => {
                o.sizes = Some(
                    value
                        .split(',')
                        .map(|s| s.parse::<f64>().context("--sizes takes MB, e.g. 0.1,1,4"))
                        .collect::<Result<_>>()?,
                )
            }
            "--max-seconds" => o.max_seconds = value.parse()?,
            other => bail!("unknown option {other}"),
        }
        i += 2;
    }
    for stage in &o.stages {
        if !STAGES.contains(&stage.as_str()) {
            bail!("unknown stage {stage} (stages: {})", STAGES.join(","));
        }
    }
    Ok(o)
}

/// A small deterministic generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

const NAMES: &[&str] = &[
    "Dana Whitfield",
    "Omar Haddad",
    "Lena Brook",
    "Tomas Varga",
    "Aisha Karimi",
];
const PLACES: &[&str] = &["Port Alden", "Baghdad", "Kyiv", "Mosul", "Chicago"];
const MONTHS: &[&str] = &["January", "March", "June", "October"];

/// One invented news sentence, varied by `i`.
fn sentence(rng: &mut Rng, i: usize) -> String {
    let name = NAMES[rng.below(NAMES.len())];
    let place = PLACES[rng.below(PLACES.len())];
    let n = 2 + rng.below(400);
    match rng.below(7) {
        0 => format!(
            "At least {n} people were killed and {} injured in {place} on {} {}, 2023, officials said.",
            n * 2 + 1,
            MONTHS[rng.below(MONTHS.len())],
            1 + rng.below(28)
        ),
        1 => format!(
            "\u{201c}We will rebuild every house,\u{201d} said Governor {name}, who visited {place} on Tuesday."
        ),
        2 => format!(
            "\"The situation remains difficult,\" {name} told reporters in {place}, adding that {n} families had left."
        ),
        3 => format!(
            "About {n},000 troops remain stationed near {place}, according to a defense official who spoke on condition of anonymity."
        ),
        4 => format!(
            "Rescue workers searched the rubble of building {i} for survivors as rain fell over {place}."
        ),
        5 => format!("Police said {n} suspects were arrested after the protest, Mr. {name} said."),
        _ => format!(
            "The ministry reported {n} cases in the week to {} {}, up from {} a week earlier.",
            1 + rng.below(28),
            MONTHS[rng.below(MONTHS.len())],
            n / 2
        ),
    }
}

/// Text of `shape`, about `bytes` long.
fn text(shape: &str, bytes: usize) -> String {
    let mut rng = Rng(0x11ea_0001);
    let mut out = String::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        match shape {
            "paragraph" => {
                out.push_str(&sentence(&mut rng, i));
                out.push(' ');
            }
            "quotes" => {
                let name = NAMES[rng.below(NAMES.len())];
                match rng.below(4) {
                    0 => out.push_str(&format!("\"Yes {i},\" {name} said. ")),
                    1 => out.push_str("\" "),
                    2 => out.push_str(&format!("\u{201c}No {i}\u{201d} \"and\" \"")),
                    _ => out.push_str(&format!("{name} said \"we will see\" ")),
                }
            }
            "numbers" => {
                for _ in 0..10 {
                    out.push_str(&format!("{} ", rng.below(100_000)));
                }
                out.push_str(&format!(
                    "{},{:03} 19{} 3.5\n",
                    rng.below(99),
                    rng.below(999),
                    10 + rng.below(90)
                ));
            }
            "line" => {
                out.push_str(
                    [
                        "people ",
                        "killed ",
                        "said ",
                        "the ",
                        "12 ",
                        "Baghdad ",
                        "officials ",
                    ][rng.below(7)],
                );
            }
            other => panic!("unknown shape {other}"),
        }
        i += 1;
    }
    out
}

fn default_sizes(shape: &str) -> Vec<f64> {
    match shape {
        "paragraph" => vec![0.1, 1.0, 4.0, 8.0],
        "line" => vec![5.0, 50.0],
        _ => vec![0.1, 1.0, 4.0],
    }
}

/// CPU seconds this process has used (all threads), from Linux's
/// `/proc/self/stat` (user + system, in clock ticks of 10 ms); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces) in parentheses.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 here.
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs `f`, returning its result and the CPU seconds it took (wall-clock
/// seconds are printed too, but on a shared machine they measure the other
/// processes as much as this one).
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let out = f();
    let wall = start.elapsed().as_secs_f64();
    WALL.with(|w| w.set(wall));
    (out, cpu_seconds() - cpu)
}

thread_local! {
    /// Wall-clock seconds of the last [`timed`] call.
    static WALL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// One shape at one size: which stages to run, and what was too slow.
struct Bench<'a> {
    shape: &'a str,
    mb: f64,
    stages: &'a [String],
    max_seconds: f64,
    too_slow: &'a mut BTreeMap<&'static str, f64>,
}

impl Bench<'_> {
    /// Whether to run `stage` (asked for, and not too slow before).
    fn wants(&self, stage: &str) -> bool {
        self.stages.iter().any(|s| s == stage) && !self.too_slow.contains_key(stage)
    }

    /// Whether to run `stage`, saying so when it is skipped as too slow.
    fn run(&self, stage: &str) -> bool {
        if let Some(s) = self.too_slow.get(stage) {
            if self.stages.iter().any(|x| x == stage) {
                println!(
                    "{:<10} {:>6.1} {stage:<10} {:>10} (took {s:.0} s at a smaller size)",
                    self.shape, self.mb, "skipped"
                );
            }
            return false;
        }
        self.wants(stage)
    }

    fn report(&mut self, stage: &'static str, seconds: f64) {
        println!(
            "{:<10} {:>6.1} {stage:<10} {seconds:>10.2} {:>10.3} {:>10.2}",
            self.shape,
            self.mb,
            seconds / self.mb,
            WALL.with(|w| w.get())
        );
        if seconds > self.max_seconds {
            self.too_slow.insert(stage, seconds);
        }
    }
}

fn main() -> Result<()> {
    let o = options()?;
    println!(
        "{:<10} {:>6} {:<10} {:>10} {:>10} {:>10}",
        "shape", "MB", "stage", "cpu s", "cpu s/MB", "wall s"
    );
    for shape in &o.shapes {
        // Stages too slow at a smaller size of this shape: not run again.
        let mut too_slow: BTreeMap<&'static str, f64> = BTreeMap::new();
        let sizes = o.sizes.clone().unwrap_or_else(|| default_sizes(shape));
        for mb in sizes {
            let body = text(shape, (mb * 1_000_000.0) as usize);
            // An edited copy: the first half kept, the rest rewritten.
            let mut copy = body[..body.floor_char_boundary(body.len() / 2)].to_string();
            copy.push(' ');
            copy.push_str(&text("paragraph", body.len() / 2));
            let article = |id: &str, text: String| Article {
                id: id.to_string(),
                source: Some(format!("source {id}")),
                published: Some("2023-03-14T06:10:00Z".to_string()),
                title: Some("A title".to_string()),
                text,
                ..Article::default()
            };
            let mut b = Bench {
                shape,
                mb: body.len() as f64 / 1e6,
                stages: &o.stages,
                max_seconds: o.max_seconds,
                too_slow: &mut too_slow,
            };
            let articles = [article("a", body), article("b", copy)];
            let text = &articles[0].text;
            if b.run("ingest") {
                let dir = tempfile::tempdir()?;
                let path = dir.path().join("a.jsonl");
                let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
                serde_json::to_writer(&mut file, &serde_json::json!({"id": "a", "text": text}))?;
                file.write_all(b"\n")?;
                file.flush()?;
                drop(file);
                let inputs = wirediff::ingest::Inputs::resolve(&[path], Default::default())?;
                let (read, s) = timed(|| wirediff::ingest::read(&inputs));
                read?;
                b.report("ingest", s);
            }
            if b.run("normalize") {
                let (_, s) = timed(|| wirediff::normalize::normalized(text));
                b.report("normalize", s);
            }
            if b.run("dedup") {
                // Two articles: per MB of both.
                let both = (articles[0].text.len() + articles[1].text.len()) as f64 / 1e6;
                let (_, s) = timed(|| dedup_articles(&articles, &DedupConfig::default()));
                b.report("dedup", s * b.mb / both);
            }
            if b.run("sentences") {
                let (_, s) = timed(|| facts::sentences::split(text));
                b.report("sentences", s);
            }
            if b.run("quotes") {
                let sentences = facts::sentences::split(text);
                let (_, s) = timed(|| facts::quotes::extract(text, &sentences));
                b.report("quotes", s);
            }
            let run_facts = b.run("facts");
            let need_facts = run_facts || b.wants("compare") || b.wants("html");
            let mut all_facts = Vec::new();
            if need_facts {
                let extract = |a: &Article| facts::extract(&a.text, a.published.as_deref());
                let (first, s) = timed(|| extract(&articles[0]));
                if run_facts {
                    b.report("facts", s);
                }
                all_facts.push(first);
                all_facts.push(extract(&articles[1]));
            }
            if b.run("stories") {
                // Two articles: per MB of both.
                let both = (articles[0].text.len() + articles[1].text.len()) as f64 / 1e6;
                let (_, s) = timed(|| stories(&articles, &[0, 1], &StoriesConfig::default()));
                b.report("stories", s * b.mb / both);
            }
            if need_facts && (b.run("compare") | b.run("html")) {
                let members: Vec<Member<'_>> = articles
                    .iter()
                    .zip(&all_facts)
                    .enumerate()
                    .map(|(i, (article, facts))| Member {
                        article,
                        facts,
                        title_facts: &[],
                        copy_group: i as u32,
                        copy_origin: false,
                    })
                    .collect();
                let (comparison, s) = timed(|| compare(&members));
                if b.wants("compare") {
                    b.report("compare", s);
                }
                if b.wants("html") {
                    use wirediff::compare::StoryComparison;
                    use wirediff::report::compare::{SCHEMA_VERSION, Summary};
                    let story = StoryComparison {
                        story: "s1".into(),
                        label: "A title".into(),
                        articles: 2,
                        comparison,
                    };
                    let summary = Summary {
                        schema_version: SCHEMA_VERSION,
                        articles: 2,
                        skipped: 0,
                        stories: 1,
                        compared: 1,
                        facts: 0,
                        conflicts: 0,
                        not_english: 0,
                        seconds: 0.0,
                    };
                    let (_, s) = timed(|| {
                        wirediff::report::html::write_html(
                            &[story],
                            &articles,
                            &summary,
                            std::io::sink(),
                        )
                    });
                    b.report("html", s);
                }
            }
        }
    }
    Ok(())
}
