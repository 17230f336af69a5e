//! The facts stage never panics, keeps every span on character boundaries
//! inside the text, and is deterministic: on seeded random text (a property
//! check with a hand-rolled generator) and on a sample of every corpus.

use std::path::PathBuf;

use wirediff::facts::{self, Fact};

/// xorshift64*: a small deterministic generator, enough for a property loop.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Pieces that exercise the extractors: numbers, hedges, months, names,
/// punctuation, multi-byte and odd characters.
const PIECES: &[&str] = &[
    "at least",
    "12",
    "3,000",
    "1.5",
    "twenty-five",
    "a dozen",
    "dozens of",
    "several hundred",
    "people",
    "were",
    "killed",
    "shot",
    "one",
    "fatally",
    "a man",
    "injured",
    "troops",
    "deployed",
    "January",
    "Jan.",
    "3,",
    "2020",
    "17",
    "November",
    "mid-October",
    "Tuesday",
    "yesterday",
    "last",
    "week",
    "Iraq",
    "U.S.",
    "Iraqi",
    "BAGHDAD",
    "(AFP)",
    "—",
    "-",
    ",",
    ".",
    ";",
    ":",
    "\n",
    "\n\n",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "’",
    "é",
    "Qué",
    "日本",
    "🙂",
    "\u{200b}",
    "\u{0301}",
    "$",
    "%",
    "33-year-old",
    "aged",
    "No.",
    "of",
    "them",
    "and",
    "between",
    "or",
    "Smith,",
    "pro-Iran",
    "States-led",
    "\t",
    "99999999999999999999",
    "0",
    "-1",
    "...",
];

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    let n = rng.next() % 60;
    for _ in 0..n {
        match rng.next() % 10 {
            0 => {
                // A random scalar value, any plane.
                let c = char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('\u{fffd}');
                s.push(c);
            }
            1 => {}
            _ => {
                s.push_str(rng.pick(PIECES));
                if !rng.next().is_multiple_of(4) {
                    s.push(' ');
                }
            }
        }
    }
    s
}

fn check_invariants(text: &str, published: Option<&str>, facts: &[Fact]) {
    for f in facts {
        assert!(
            f.span.slice(text).is_some(),
            "span {:?} not on char boundaries in {text:?}",
            f.span
        );
        assert!(
            f.sentence.slice(text).is_some(),
            "sentence {:?} not on char boundaries in {text:?}",
            f.sentence
        );
        assert!(f.span.start <= f.span.end && f.sentence.start <= f.sentence.end);
    }
    assert_eq!(
        facts,
        facts::extract(text, published).as_slice(),
        "not deterministic on {text:?}"
    );
}

#[test]
fn random_text_never_panics_and_keeps_spans_valid() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..3000 {
        let text = random_text(&mut rng);
        let published = match round % 3 {
            0 => None,
            1 => Some("2020-11-19"),
            _ => Some("not a date"),
        };
        let facts = facts::extract(&text, published);
        check_invariants(&text, published, &facts);
    }
}

#[test]
fn every_corpus_sample_keeps_spans_valid() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if !data.is_dir() {
        eprintln!("note: {} not found, skipping", data.display());
        return;
    }
    for corpus in ["gva", "polnear", "basil", "ecbplus"] {
        let path = data.join(corpus).join("articles.jsonl");
        let Ok(all) = std::fs::read_to_string(&path) else {
            eprintln!("note: {} not found, skipping", path.display());
            continue;
        };
        // Every 10th article keeps the debug-build test fast.
        for line in all.lines().step_by(10) {
            let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
            let published = v["published"].as_str();
            for field in ["title", "text"] {
                if let Some(text) = v[field].as_str() {
                    let facts = facts::extract(text, published);
                    check_invariants(text, published, &facts);
                }
            }
        }
    }
}
