//! The JSON Lines schema of `wirediff compare` (version 2), checked strictly:
//! every line must deserialize into these test-side types, which deny
//! unknown fields, so a field cannot enter or leave the wire format without
//! a test change (see the schema in `src/report/compare.rs`).

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
    Header(Header),
    Comparison(Comparison),
    Summary(Summary),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Header {
    schema_version: u32,
    tool: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Comparison {
    story: String,
    label: String,
    articles: usize,
    sources: Vec<Source>,
    facts: Vec<Fact>,
    missing: Vec<Missing>,
    conflicts: Vec<usize>,
    wire: Vec<Wire>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Source {
    source: String,
    articles: Vec<String>,
    first_published: Option<String>,
    speakers: Vec<Speaker>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Speaker {
    label: String,
    anonymous: bool,
    quotes: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Fact {
    kind: String,
    subject: String,
    label: String,
    role: Option<Role>,
    toll: bool,
    reports: Vec<Report>,
    earlier: Vec<Report>,
    omitted_by: Vec<String>,
    conflict: bool,
    update: bool,
    consensus: Option<Consensus>,
    first_source: String,
    first_published: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Role {
    Main,
    Subset,
    Background,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Report {
    source: String,
    article: String,
    published: Option<String>,
    published_utc: Option<String>,
    published_inferred: Option<Inferred>,
    value: Option<Interval>,
    detail: String,
    span: [usize; 2],
    field: Field,
    evidence: String,
    rule: String,
    derived: Option<Derived>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Inferred {
    rule: String,
    span: Option<[usize; 2]>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Field {
    Text,
    Title,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Derived {
    Shot,
    ShotMinusKilled,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct Interval {
    min: u64,
    max: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Consensus {
    value: Interval,
    range: Interval,
    rule: ConsensusRule,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum ConsensusRule {
    Intersection,
    Majority,
    MostConservative,
    Latest,
    Died,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Missing {
    source: String,
    facts: Vec<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Wire {
    origin: String,
    origin_source: String,
    credits: Vec<Credit>,
    reprints: Vec<Reprint>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Credit {
    article: String,
    text: String,
    span: [usize; 2],
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Reprint {
    article: String,
    source: String,
    added_words: usize,
    removed_words: usize,
    kept_words: usize,
    changed_numbers: Vec<(String, String)>,
    changed_quotes: Vec<(String, String)>,
    diff: Vec<DiffRun>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct DiffRun {
    tag: String,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Summary {
    schema_version: u32,
    articles: usize,
    skipped: usize,
    stories: usize,
    compared: usize,
    facts: usize,
    conflicts: usize,
    not_english: usize,
    seconds: f64,
}

/// Every line of the fixtures' comparison parses strictly, in the
/// documented order, and the documented invariants hold: a consensus value
/// is one number inside its range, at most one toll row per kind, toll and
/// role only on counts.
#[test]
fn every_compare_line_matches_the_documented_schema() {
    let env = TestEnv::new();
    let input = fixtures().join("compare/articles.jsonl");
    let out = env.run(&["compare", "--format", "jsonl", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let records: Vec<Record> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(matches!(records.first(), Some(Record::Header(h)) if h.schema_version == 2));
    assert!(matches!(records.last(), Some(Record::Summary(s)) if s.schema_version == 2));
    let comparisons: Vec<&Comparison> = records
        .iter()
        .filter_map(|r| match r {
            Record::Comparison(c) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(comparisons.len(), records.len() - 2);
    assert!(
        comparisons.iter().any(|c| c.sources.len() == 1),
        "a single-source story has its comparison"
    );
    for c in comparisons {
        let mut toll_kinds: Vec<&str> = Vec::new();
        for f in &c.facts {
            assert_eq!(f.kind == "quote", f.role.is_none(), "{}", f.label);
            if f.toll {
                assert_eq!(f.role, Some(Role::Main), "{}", f.label);
                assert!(!toll_kinds.contains(&f.kind.as_str()), "{}", f.label);
                toll_kinds.push(&f.kind);
            }
            if let Some(consensus) = &f.consensus {
                let (v, r) = (consensus.value, consensus.range);
                assert_eq!(Some(v.min), v.max, "{}: one number", f.label);
                assert!(
                    r.min <= v.min && r.max.is_none_or(|m| v.min <= m),
                    "{}: the value lies in its range",
                    f.label
                );
            }
            for r in f.reports.iter().chain(&f.earlier) {
                assert!(r.span[0] <= r.span[1]);
            }
        }
    }
}
