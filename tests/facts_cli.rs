//! `wirediff facts`: one JSON line per article, facts with spans and rules.

use crate::util::{TestEnv, stderr, stdout};

#[test]
fn facts_prints_one_line_per_article_in_input_order() {
    let env = TestEnv::new();
    env.write(
        "in.jsonl",
        concat!(
            r#"{"id":"b","published":"2020-11-19","text":"BAGHDAD (AFP) — At least 12 people were killed on Tuesday."}"#,
            "\n",
            r#"{"id":"a","text":"Nothing to see."}"#,
            "\n",
        ),
    );
    let out = env.run(&["facts", "in.jsonl"]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let records: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(records.len(), 3);
    let lines: Vec<&serde_json::Value> = records[..2].iter().map(|r| &r["data"]).collect();
    assert_eq!(records[0]["type"], "article");
    assert_eq!(lines[0]["id"], "b");
    assert_eq!(lines[1]["id"], "a");
    assert_eq!(lines[1]["facts"], serde_json::json!([]));
    assert_eq!(
        records[2],
        serde_json::json!({"type": "summary", "data": {"articles": 2, "skipped": 0, "facts": 3, "by_kind": {"date": 1, "killed": 1, "place": 1}, "not_english": 0}})
    );
    let facts = lines[0]["facts"].as_array().expect("facts array");
    let kinds: Vec<&str> = facts.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["place", "killed", "date"]);
    assert_eq!(
        facts[1]["value"],
        serde_json::json!({"min": 12, "max": null})
    );
    assert_eq!(facts[1]["counted"], "people");
    assert_eq!(facts[1]["span"], serde_json::json!([18, 48]));
    assert_eq!(facts[1]["rule"], "count.hedged_number_noun");
    assert_eq!(facts[2]["date"], "2020-11-17");
}

/// Strict schema: every record of the seeds' facts deserializes into these
/// test-side types, which deny unknown fields.
mod schema {
    use serde::Deserialize;

    use crate::util::{TestEnv, stdout};

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
        Summary(Summary),
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Article {
        id: String,
        source: Option<String>,
        published: Option<String>,
        published_utc: Option<String>,
        published_inferred: Option<Inferred>,
        facts: Vec<Fact>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inferred {
        rule: String,
        span: Option<[usize; 2]>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Summary {
        articles: u64,
        skipped: u64,
        facts: u64,
        by_kind: std::collections::BTreeMap<String, u64>,
        not_english: u64,
    }

    #[derive(Debug, Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Fact {
        Killed(Count),
        Injured(Count),
        Shot(Count),
        Missing(Count),
        Arrested(Count),
        Kidnapped(Count),
        Evacuated(Count),
        Displaced(Count),
        Troops(Count),
        Personnel(Count),
        People(Count),
        Quote(Quote),
        Date(Date),
        Place(Place),
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Count {
        value: Interval,
        counted: String,
        status: Option<String>,
        subset: Option<Subset>,
        aggregate: Option<bool>,
        background: Option<bool>,
        superseded: Option<bool>,
        span: [usize; 2],
        sentence: [usize; 2],
        rule: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Subset {
        of: [usize; 2],
        part: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Interval {
        min: u64,
        max: Option<u64>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Quote {
        speaker: Speaker,
        cue: String,
        direct: bool,
        speaker_span: [usize; 2],
        cue_span: [usize; 2],
        content_span: [usize; 2],
        resolved_from: Option<[usize; 2]>,
        attribution: String,
        span: [usize; 2],
        sentence: [usize; 2],
        rule: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Speaker {
        name: Option<String>,
        title: Option<String>,
        organization: Option<String>,
        anonymous: bool,
        description: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Date {
        date: String,
        precision: String,
        text: String,
        span: [usize; 2],
        sentence: [usize; 2],
        rule: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Place {
        place: String,
        #[serde(rename = "type")]
        place_type: String,
        country: Option<String>,
        text: String,
        span: [usize; 2],
        sentence: [usize; 2],
        rule: String,
    }

    #[test]
    fn every_record_of_the_seeds_matches_the_schema() {
        let env = TestEnv::new();
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let out = env.run(&["facts", seeds.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0));
        let records: Vec<Record> = stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        assert_eq!(records.len(), 3);
        assert!(matches!(
            records[2],
            Record::Summary(Summary { articles: 2, .. })
        ));
        let Record::Article(first) = &records[0] else {
            panic!("article first")
        };
        assert!(first.facts.iter().any(|f| matches!(f, Fact::Quote(_))));
        let Record::Article(second) = &records[1] else {
            panic!("article second")
        };
        assert!(second.facts.iter().any(|f| matches!(f, Fact::Troops(_))));
        assert!(second.facts.iter().any(|f| matches!(f, Fact::Date(_))));
        assert!(second.facts.iter().any(|f| matches!(f, Fact::Place(_))));
    }
}
