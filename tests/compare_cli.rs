//! `wirediff compare`: the versioned JSON Lines envelope on a fixture corpus,
//! and evidence spans that point into the articles' texts.

use std::collections::HashMap;

use serde_json::Value;

use crate::util::{TestEnv, fixtures, stderr, stdout};

#[test]
fn compare_jsonl_is_versioned_and_its_evidence_points_into_the_texts() {
    let env = TestEnv::new();
    let input = fixtures().join("stories/lookalikes/articles.jsonl");
    let out = env.run(&["compare", "--format", "jsonl", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records[0]["type"], "header");
    assert_eq!(records[0]["data"]["schema_version"], 2);
    let summary = &records.last().unwrap()["data"];
    assert_eq!(records.last().unwrap()["type"], "summary");
    assert_eq!(summary["articles"], 15);
    let comparisons: Vec<&Value> = records
        .iter()
        .filter(|r| r["type"] == "comparison")
        .map(|r| &r["data"])
        .collect();
    // Every story has a comparison record, single-source ones too; the
    // summary's `compared` counts those with two or more sources.
    assert_eq!(summary["stories"].as_u64(), Some(comparisons.len() as u64));
    let multi = comparisons
        .iter()
        .filter(|c| c["sources"].as_array().unwrap().len() >= 2)
        .count();
    assert_eq!(summary["compared"].as_u64(), Some(multi as u64));
    assert!(multi > 0 && multi < comparisons.len());

    // (text, title) of each article.
    let texts: HashMap<String, (String, String)> = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            (
                r["id"].as_str().unwrap().to_string(),
                (
                    r["text"].as_str().unwrap().to_string(),
                    r["title"].as_str().unwrap_or("").to_string(),
                ),
            )
        })
        .collect();
    for c in comparisons {
        for fact in c["facts"].as_array().unwrap() {
            for report in fact["reports"].as_array().unwrap() {
                let (text, title) = &texts[report["article"].as_str().unwrap()];
                // A headline figure the text does not repeat points into
                // the title.
                let text = match report["field"].as_str().unwrap() {
                    "text" => text,
                    "title" => title,
                    other => panic!("unknown field {other}"),
                };
                let (start, end) = (
                    report["span"][0].as_u64().unwrap() as usize,
                    report["span"][1].as_u64().unwrap() as usize,
                );
                assert!(
                    text.get(start..end).is_some(),
                    "span {start}..{end} inside {}",
                    report["article"]
                );
                assert!(text.contains(report["evidence"].as_str().unwrap()));
            }
        }
    }
}

#[test]
fn compare_terminal_output_has_no_colour_when_piped() {
    let env = TestEnv::new();
    let input = fixtures().join("stories/lookalikes/articles.jsonl");
    let out = env.run(&["compare", "--format", "terminal", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("15 articles, 7 stories"), "{text}");
    assert!(!text.contains('\x1b'), "no escape sequences off a terminal");
}

#[test]
fn compare_html_is_written_beside_the_stdout_output() {
    let env = TestEnv::new();
    let input = fixtures().join("stories/lookalikes/articles.jsonl");
    let input = input.to_str().unwrap();
    let plain = env.run(&["compare", "--format", "terminal", input]);
    let with_html = env.run(&["compare", "--format", "terminal", "--html", "r.html", input]);
    assert_eq!(with_html.status.code(), Some(0), "{}", stderr(&with_html));
    assert_eq!(stdout(&plain), stdout(&with_html), "stdout is unchanged");
    let html = std::fs::read_to_string(env.path().join("r.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    // Deterministic: the same input gives the same bytes.
    env.run(&[
        "compare",
        "--format",
        "jsonl",
        "--html",
        "again.html",
        input,
    ]);
    assert_eq!(
        html,
        std::fs::read_to_string(env.path().join("again.html")).unwrap()
    );
}

#[test]
fn compare_html_to_stdout_is_refused() {
    let env = TestEnv::new();
    let input = fixtures().join("stories/lookalikes/articles.jsonl");
    let out = env.run(&["compare", "--html", "-", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    crate::eqnice!(
        "wirediff: error: --html needs a file: stdout ('-') receives the --format output\n",
        stderr(&out)
    );
}

/// A wire story reprinted word for word: the terminal counts identical
/// copies per source instead of listing every id, and a story without
/// counts or quotes says so instead of printing an empty matrix.
#[test]
fn compare_terminal_counts_identical_copies_per_source() {
    let env = TestEnv::new();
    let text = "Firefighters spent the night at the old mill on the river bank near the harbour \
                where a blaze broke out in a storage hall full of timber and paper bales, and \
                the roof of the hall gave way before dawn while crews kept the fire from the \
                houses on the lane behind the mill and the wind turned toward the water.";
    let mut lines = String::new();
    for (i, source) in ["Wire", "Daily A", "Daily A", "Daily B", "Daily C"]
        .iter()
        .enumerate()
    {
        lines.push_str(
            &serde_json::json!({
                "id": format!("mill-{i}"),
                "source": source,
                "published": format!("2024-05-0{}T08:00:00Z", i + 1),
                "title": "Blaze at the old mill",
                "text": text,
            })
            .to_string(),
        );
        lines.push('\n');
    }
    let input = env.write("mill.jsonl", lines);
    let out = env.run(&["compare", "--format", "terminal", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.lines().collect();
    for wanted in [
        "  (no counts or quotes found in its articles)",
        "  Copies of mill-0 (Wire):",
        "    4 identical copies: Daily A ×2, Daily B, Daily C",
    ] {
        assert!(lines.contains(&wanted), "{wanted:?} in:\n{printed}");
    }
    assert!(!printed.contains("mill-1"), "{printed}");
}
