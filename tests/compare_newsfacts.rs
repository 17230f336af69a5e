//! `wirediff compare` on `fixtures/compare/newsfacts/`: three invented
//! multi-source stories in the manner of the newsfacts development set (a
//! toll the outlets give differently, a sub-count, a background figure, a
//! toll that rises the next day, two figures of one kind that are two
//! facts). `expected.json` was written by reading the articles: per story,
//! every count row as its kind, its role and each article's value, and the
//! story's toll on the row that carries it.
//!
//! The test reads the JSON Lines output the same way (count rows only,
//! labels aside: what is asserted is which figures share a row) and asserts
//! the two are equal, story by story, with a unified diff on failure. Rows
//! are compared as a sorted list, so the tool's row order is free. A row
//! the facts stage cannot give yet is a `gap` with its cause and the rows
//! that stand in for it now (see the fixture's README): the test fails when
//! the gap closes, so the file is updated rather than silently outgrown.

use serde_json::{Map, Value, json};

use crate::util::{TestEnv, fixtures, stdout, thousands};

/// A value as the expected file writes it: `14`, `12+`, `20–30`, `2,000`.
fn show(value: &Value) -> String {
    let group = thousands;
    let min = value["min"].as_u64().unwrap();
    match value["max"].as_u64() {
        Some(max) if max == min => group(min),
        Some(max) => format!("{}–{}", group(min), group(max)),
        None => format!("{}+", group(min)),
    }
}

/// A count row in the expected form; `conflict`, `update` and `toll` only
/// when set.
fn row(fact: &Value) -> Value {
    let mut cells = Map::new();
    for report in fact["reports"].as_array().unwrap() {
        cells.insert(
            report["article"].as_str().unwrap().to_string(),
            json!(show(&report["value"])),
        );
    }
    let mut out = Map::new();
    out.insert("kind".into(), fact["kind"].clone());
    out.insert("role".into(), fact["role"].clone());
    out.insert("cells".into(), Value::Object(cells));
    for flag in ["conflict", "update"] {
        if fact[flag] == true {
            out.insert(flag.into(), json!(true));
        }
    }
    if fact["toll"] == true {
        out.insert("toll".into(), json!(show(&fact["consensus"]["value"])));
    }
    Value::Object(out)
}

/// Rows sorted by their JSON text, so that order does not matter.
fn sorted(rows: Vec<Value>) -> Vec<Value> {
    let mut keyed: Vec<(String, Value)> = rows.into_iter().map(|r| (r.to_string(), r)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, r)| r).collect()
}

#[test]
fn compare_gives_the_rows_and_tolls_written_by_hand_for_newsfacts_style_stories() {
    let dir = fixtures().join("compare/newsfacts");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let env = TestEnv::new();
    let input = dir.join("articles.jsonl");
    let out = env.run(&["compare", "--format", "jsonl", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let comparisons: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "comparison")
        .map(|r| r["data"].clone())
        .collect();
    let stories = expected["stories"].as_array().unwrap();
    assert_eq!(comparisons.len(), stories.len(), "one comparison per story");
    let mut failures = Vec::new();
    for story in stories {
        let mut ids: Vec<&str> = story["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        ids.sort_unstable();
        let comparison = comparisons.iter().find(|c| {
            let mut members: Vec<&str> = c["sources"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|s| s["articles"].as_array().unwrap())
                .map(|a| a.as_str().unwrap())
                .collect();
            members.sort_unstable();
            members == ids
        });
        let Some(comparison) = comparison else {
            failures.push(format!(
                "{}: no comparison holds exactly {ids:?}",
                story["name"]
            ));
            continue;
        };
        let actual = sorted(
            comparison["facts"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["kind"] != "quote")
                .map(row)
                .collect(),
        );
        // The rows, and for each gap what stands in for its row now.
        let gaps = story["gaps"].as_array().unwrap();
        let mut wanted: Vec<Value> = story["rows"].as_array().unwrap().clone();
        for gap in gaps {
            wanted.extend(gap["now"].as_array().unwrap().iter().cloned());
            if actual.contains(&gap["row"]) {
                failures.push(format!(
                    "{}: the gap row {} is given now ({}): move it into `rows`",
                    story["name"], gap["row"], gap["why"]
                ));
            }
        }
        let wanted = sorted(wanted);
        let lines = |rows: &[Value]| -> String {
            rows.iter().map(|r| format!("{r}\n")).collect::<String>()
        };
        let (wanted, actual) = (lines(&wanted), lines(&actual));
        if wanted != actual {
            let diff = similar::TextDiff::from_lines(&wanted, &actual)
                .unified_diff()
                .header("expected.json", "wirediff compare")
                .to_string();
            failures.push(format!("{}:\n{diff}", story["name"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
