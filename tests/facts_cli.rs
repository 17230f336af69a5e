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
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "b");
    assert_eq!(lines[1]["id"], "a");
    assert_eq!(lines[1]["facts"], serde_json::json!([]));
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
