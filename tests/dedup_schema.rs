//! The JSON Lines schema of `wirediff dedup`, checked strictly: every line
//! must deserialize into these test-side types, which deny unknown fields,
//! so a field cannot enter or leave the wire format without a test change.

use serde::Deserialize;

use crate::util::{TestEnv, fixtures, stdout};

#[derive(Debug, Deserialize)]
#[serde(
    tag = "type",
    content = "data",
    rename_all = "snake_case",
    deny_unknown_fields
)]
#[allow(dead_code)]
enum Record {
    Article(Article),
    Group(Group),
    Pair(Pair),
    Summary(Summary),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Article {
    id: String,
    source: Option<String>,
    group: u32,
    group_size: u32,
    representative: String,
    kind: String,
    copy_of: Option<String>,
    jaccard: f64,
    containment: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Group {
    group: u32,
    size: u32,
    representative: String,
    members: Vec<String>,
    copies: Vec<Copy>,
    pairs: Vec<Pair>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Copy {
    id: String,
    kind: String,
    copy_of: String,
    jaccard: f64,
    containment: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Pair {
    a: String,
    b: String,
    kind: String,
    jaccard: f64,
    containment: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Summary {
    articles: u64,
    skipped: u64,
    empty_texts: u64,
    groups: u64,
    copies: u64,
    duplicates: u64,
    reuses: u64,
    candidate_pairs: u64,
    verified_pairs: u64,
    furniture_lines: u64,
    cleaned_articles: u64,
    measure: String,
    threshold: f64,
    duplicate_threshold: f64,
    shingles: String,
    permutations: u32,
    bands: u32,
    rows: u32,
    seconds: f64,
}

#[test]
fn every_line_matches_the_documented_schema_in_order() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/articles.jsonl");
    let out = env.run(&["dedup", path.to_str().unwrap()]);
    let records: Vec<Record> = stdout(&out)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    // Articles first, then groups, then exactly one summary, last.
    let kinds: String = records
        .iter()
        .map(|r| match r {
            Record::Article(_) => 'a',
            Record::Group(_) => 'g',
            Record::Pair(_) => 'p',
            Record::Summary(_) => 's',
        })
        .collect();
    assert_eq!(kinds, "aaaaaaags");
    let Record::Group(group) = &records[7] else {
        unreachable!()
    };
    assert_eq!(
        group.members,
        [
            "afp-embassy",
            "dailystar-embassy",
            "erbilpost-embassy",
            "gulfnews-embassy"
        ]
    );
    assert_eq!(group.size, 4);
    assert!(
        group
            .pairs
            .iter()
            .all(|p| p.containment >= 0.5 && p.a != p.b)
    );
    assert_eq!(group.copies.len(), 3);
    assert!(
        group
            .copies
            .iter()
            .all(|c| c.copy_of == "afp-embassy" && c.kind == "duplicate")
    );
    let Record::Summary(summary) = &records[8] else {
        unreachable!()
    };
    assert_eq!(
        (
            summary.measure.as_str(),
            summary.threshold,
            summary.shingles.as_str()
        ),
        ("containment", 0.5, "word:5")
    );
    assert_eq!(summary.duplicate_threshold, 0.8);
    assert_eq!(summary.permutations, 128);
    assert!(summary.bands * summary.rows <= 128);
}

#[test]
fn emit_pairs_lines_match_the_schema() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/reuse.jsonl");
    let out = env.run(&["dedup", "--emit", "pairs", path.to_str().unwrap()]);
    let records: Vec<Record> = stdout(&out)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let kinds: String = records
        .iter()
        .map(|r| match r {
            Record::Pair(_) => 'p',
            Record::Summary(_) => 's',
            _ => '?',
        })
        .collect();
    assert_eq!(kinds, "ppppps");
}
