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
    pairs: Vec<Pair>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Pair {
    a: String,
    b: String,
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
    candidate_pairs: u64,
    verified_pairs: u64,
    measure: String,
    threshold: f64,
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
            .all(|p| p.containment >= 0.8 && p.a != p.b)
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
        ("containment", 0.8, "word:5")
    );
    assert_eq!(summary.permutations, 128);
    assert!(summary.bands * summary.rows <= 128);
}
