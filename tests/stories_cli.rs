//! `wirediff stories` and `wirediff eval stories` on our fixtures and on a
//! tiny gold file.

use std::collections::BTreeMap;

use crate::util::{TestEnv, fixtures, stderr, stdout};

fn lookalikes() -> String {
    fixtures()
        .join("stories/lookalikes/articles.jsonl")
        .display()
        .to_string()
}

/// The JSONL output groups the fixture articles exactly as its gold file.
#[test]
fn stories_groups_fixtures_as_gold() {
    let env = TestEnv::new();
    let out = env.run(&["stories", &lookalikes()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut predicted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut summary = None;
    for line in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        match v["type"].as_str().unwrap() {
            "article" => predicted
                .entry(v["data"]["story"].as_str().unwrap().to_string())
                .or_default()
                .push(v["data"]["id"].as_str().unwrap().to_string()),
            "summary" => summary = Some(v["data"].clone()),
            _ => {}
        }
    }
    let gold_text =
        std::fs::read_to_string(fixtures().join("stories/lookalikes/stories.tsv")).unwrap();
    let mut gold: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for line in gold_text.lines().skip(1) {
        let (id, story) = line.split_once('\t').unwrap();
        gold.entry(story).or_default().push(id.to_string());
    }
    let norm = |groups: Vec<Vec<String>>| {
        let mut g: Vec<Vec<String>> = groups
            .into_iter()
            .map(|mut v| {
                v.sort();
                v
            })
            .collect();
        g.sort();
        g
    };
    assert_eq!(
        norm(predicted.into_values().collect()),
        norm(gold.into_values().collect())
    );
    assert_eq!(summary.unwrap()["stories"], 7);
}

#[test]
fn eval_stories_scores_a_tiny_gold_file() {
    let env = TestEnv::new();
    let articles = env.write(
        "a.jsonl",
        concat!(
            r#"{"id":"a","source":"x","published":"2024-01-02","title":"Flood closes Ferris Bridge in Aldham","text":"The Ferris Bridge in Aldham was closed on Tuesday after the river Wend rose four feet."}"#,
            "\n",
            r#"{"id":"b","source":"y","published":"2024-01-02","title":"River Wend floods Aldham","text":"Aldham officials shut the Ferris Bridge as the Wend flooded the town on Tuesday."}"#,
            "\n",
            r#"{"id":"c","source":"x","published":"2024-03-09","title":"Bakery fire in Corlow","text":"A fire gutted the Penn Street bakery in Corlow early Saturday; owner Li Wen was unhurt."}"#,
            "\n",
        ),
    );
    let gold = env.write("gold.tsv", "id\tstory\na\tflood\nb\tflood\nc\tfire\n");
    let out = env.run(&[
        "eval",
        "stories",
        "--gold",
        gold.to_str().unwrap(),
        articles.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["items"], 3);
    assert_eq!(v["gold_clusters"], 2);
    assert_eq!(v["ari"], 1.0);
    assert_eq!(v["bcubed"]["f1"], 1.0);
}

#[test]
fn eval_stories_rejects_a_gold_file_without_header() {
    let env = TestEnv::new();
    let gold = env.write("gold.tsv", "a\tflood\n");
    let out = env.run(&["eval", "stories", "--gold", "gold.tsv", &lookalikes()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "wirediff: error: {}: expected a header line 'id<TAB>story'\n",
            std::path::Path::new("gold.tsv").display()
        )
    );
    drop(gold);
}

#[test]
fn stories_table_lists_multi_article_stories_for_people() {
    let env = TestEnv::new();
    let out = env.run(&["stories", "--format", "table", &lookalikes()]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("15 articles in 7 stories; 5 stories have two or more articles")
    );
    // The quake story and its three reports, in input order, with sources.
    let quake = text
        .split("\n\n")
        .find(|block| block.contains("Kelso Bay"))
        .expect("quake story");
    let members: Vec<&str> = quake.lines().filter(|l| l.starts_with("  - ")).collect();
    assert_eq!(
        members,
        [
            "  - quake-1 (metro-wire.example, 2024-02-12)",
            "  - quake-2 (valleypost.example, 2024-02-12)",
            "  - quake-3 (channel9.example, 2024-02-13)"
        ]
    );
}
