//! No input crashes wirediff: the fuzz harness (`fuzz/harness.rs`, included
//! here) run under stable `cargo test` on seeded mutations of the fixtures,
//! one loop per input format and one over the whole pipeline, plus every
//! input a fuzzer ever crashed on (`fuzz/regressions/<target>/`).
//!
//! The loops are a property check with a fixed seed, small enough to run in
//! seconds on every CI run; `cargo fuzz` (see `fuzz/README.md`) runs the same
//! code for as long as one likes.

use std::path::Path;

#[path = "../fuzz/harness.rs"]
mod harness;

use harness::Format;

/// xorshift64*: deterministic, enough for a property loop.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Byte strings the mutator splices in: multi-byte and invisible characters
/// (whole and cut in half), controls, the formats' own syntax, dates,
/// numbers and the words the extractors look for.
const PIECES: &[&[u8]] = &[
    "\u{2026}".as_bytes(),
    b"\xe2\x80",
    b"\xff",
    "é".as_bytes(),
    "İ".as_bytes(),
    "ẞ".as_bytes(),
    "\u{200c}".as_bytes(),
    "\u{200d}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{feff}".as_bytes(),
    "🏳️‍🌈".as_bytes(),
    "“".as_bytes(),
    "”".as_bytes(),
    "«".as_bytes(),
    b"\x1b[31m",
    b"\x00",
    b"\r\n",
    b"\n",
    b"\n\n",
    b"\"",
    b"'",
    b"\\",
    b"\\u00e9",
    b"\\ud83d",
    b",",
    b"{",
    b"}",
    b":",
    b"\"text\":",
    b"\"published\":\"",
    b"Author: x\n",
    b"Published: ",
    b"2023-03-1",
    b"2023-03-14T06:10:00Z",
    b"99999999999999999999",
    b"12",
    b"3,000",
    b" at least ",
    b" killed",
    b" said",
    b" people",
    b"Mr. ",
    b" on Monday",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 | 1 => {
                let piece = PIECES[rng.below(PIECES.len())];
                bytes.splice(at..at, piece.iter().copied());
            }
            2 => {
                let end = (at + rng.below(16)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 if at < bytes.len() => bytes[at] = rng.next() as u8,
            4 => bytes.truncate(at),
            _ => {
                let end = (at + rng.below(64)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
        }
    }
    bytes
}

fn fixture(path: &str) -> Vec<u8> {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()))
}

/// One to three records (lines) of a JSON Lines fixture.
fn some_lines(rng: &mut Rng, file: &[u8]) -> Vec<u8> {
    let lines: Vec<&[u8]> = file.split_inclusive(|&b| b == b'\n').collect();
    let mut out = Vec::new();
    for _ in 0..1 + rng.below(3) {
        out.extend_from_slice(lines[rng.below(lines.len())]);
    }
    out
}

const JSONL_FIXTURES: &[&str] = &[
    "fixtures/compare/articles.jsonl",
    "fixtures/copies/articles.jsonl",
    "fixtures/stories/lookalikes/articles.jsonl",
];

const ROUNDS: usize = 150;

#[test]
fn mutated_jsonl_never_panics() {
    let files: Vec<Vec<u8>> = JSONL_FIXTURES.iter().map(|f| fixture(f)).collect();
    let mut rng = Rng(0x5eed_0001);
    for _ in 0..ROUNDS {
        let file = &files[rng.below(files.len())];
        let base = some_lines(&mut rng, file);
        harness::ingest_bytes(Format::Jsonl, &mutate(&mut rng, &base));
    }
}

#[test]
fn mutated_csv_never_panics() {
    let file = fixture("fixtures/copies/articles.csv");
    let mut rng = Rng(0x5eed_0002);
    for _ in 0..ROUNDS {
        // The header and a random stretch of rows.
        let header_end = file.iter().position(|&b| b == b'\n').unwrap() + 1;
        let from = header_end + rng.below(file.len() - header_end);
        let to = (from + rng.below(3000)).min(file.len());
        let mut base = file[..header_end].to_vec();
        base.extend_from_slice(&file[from..to]);
        harness::ingest_bytes(Format::Csv, &mutate(&mut rng, &base));
    }
}

#[test]
fn mutated_txt_never_panics() {
    let files = [
        fixture("fixtures/copies/txt/AFP/embassy.txt"),
        fixture("seeds/000_fccc664dcbfa5c88.txt"),
    ];
    let mut rng = Rng(0x5eed_0003);
    for _ in 0..ROUNDS {
        let base = &files[rng.below(files.len())];
        harness::ingest_bytes(Format::Txt, &mutate(&mut rng, base));
    }
}

#[test]
fn mutated_gzip_never_panics() {
    use std::io::Write;
    let files: Vec<Vec<u8>> = JSONL_FIXTURES.iter().map(|f| fixture(f)).collect();
    let mut rng = Rng(0x5eed_0004);
    for round in 0..ROUNDS / 3 {
        let file = &files[rng.below(files.len())];
        let base = some_lines(&mut rng, file);
        let mut gz = flate2::write::GzEncoder::new(vec![0u8], flate2::Compression::fast());
        gz.write_all(&base).unwrap();
        let compressed = gz.finish().unwrap();
        // Mutate the compressed stream (corrupt, truncated) or the content.
        let input = if round % 2 == 0 {
            mutate(&mut rng, &compressed)
        } else {
            let mut gz = flate2::write::GzEncoder::new(vec![0u8], flate2::Compression::fast());
            gz.write_all(&mutate(&mut rng, &base)).unwrap();
            gz.finish().unwrap()
        };
        harness::ingest_bytes(Format::Gzip, &input);
    }
}

/// Articles from the fixtures with mutated fields, through every stage.
#[test]
fn mutated_articles_through_the_pipeline_never_panic() {
    let mut rng = Rng(0x5eed_0005);
    let records: Vec<serde_json::Value> = JSONL_FIXTURES
        .iter()
        .flat_map(|f| {
            String::from_utf8(fixture(f))
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect::<Vec<_>>()
        })
        .collect();
    for _ in 0..ROUNDS / 3 {
        let mut articles = Vec::new();
        for _ in 0..2 + rng.below(5) {
            let r = &records[rng.below(records.len())];
            let field = |k: &str| r.get(k).and_then(|v| v.as_str()).map(str::to_string);
            articles.push(wirediff::Article {
                id: field("id").unwrap_or_default(),
                source: field("source"),
                published: field("published"),
                title: field("title"),
                text: field("text").unwrap_or_default(),
                ..wirediff::Article::default()
            });
        }
        let bytes = harness::articles_to_bytes(&articles);
        harness::pipeline_bytes(&mutate(&mut rng, &bytes));
    }
}

/// Every input that once crashed a fuzz target, run through that target.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut ran = 0;
    for target in std::fs::read_dir(&dir).expect("fuzz/regressions exists") {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(&target)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            match name.as_str() {
                "ingest_jsonl" => harness::ingest_bytes(Format::Jsonl, &bytes),
                "ingest_csv" => harness::ingest_bytes(Format::Csv, &bytes),
                "ingest_txt" => harness::ingest_bytes(Format::Txt, &bytes),
                "ingest_gzip" => harness::ingest_bytes(Format::Gzip, &bytes),
                "pipeline" => harness::pipeline_bytes(&bytes),
                "facts" => harness::facts_bytes(&bytes),
                other => panic!("fuzz/regressions/{other}: no such fuzz target"),
            }
            ran += 1;
        }
    }
    assert!(ran > 0, "no regression input in {}", dir.display());
}
