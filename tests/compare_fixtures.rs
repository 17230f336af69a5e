//! `wirediff compare` on `fixtures/compare/`: five multi-source stories
//! written by us with planted omissions, a conflicting toll, a toll updated
//! during the day, anonymous and named sources, and a wire story with two
//! edited reprints (see `fixtures/compare/README.md`).
//!
//! `fixtures/compare/expected.json` was written by reading the articles. The
//! test turns the JSON Lines output into the same compact form (per story:
//! articles, sources, each fact's cells, consensus and first source, the
//! missing-from lists, conflicts, updates, copy groups with each reprint's
//! word counts, changed numbers and changed quotes; `"toll": true` on the
//! row carrying the story's toll of its kind) and asserts equality,
//! showing a unified diff of the two on failure.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::util::{TestEnv, fixtures, stderr, stdout, thousands};

fn articles_path() -> String {
    fixtures()
        .join("compare/articles.jsonl")
        .to_str()
        .expect("the fixtures path is UTF-8")
        .to_string()
}

/// Article ids in input order.
fn input_ids() -> Vec<String> {
    std::fs::read_to_string(articles_path())
        .unwrap()
        .lines()
        .map(|l| {
            let record: Value = serde_json::from_str(l).unwrap();
            record["id"].as_str().unwrap().to_string()
        })
        .collect()
}

/// A count as the matrix shows it: `12`, `12+`, `20–30`, `2,000`.
fn show(value: &Value) -> String {
    let min = value["min"].as_u64().unwrap();
    let group = thousands;
    match value["max"].as_u64() {
        Some(max) if max == min => group(min),
        Some(max) if min == 0 => format!("≤{}", group(max)),
        Some(max) => format!("{}–{}", group(min), group(max)),
        None => format!("{}+", group(min)),
    }
}

fn overlaps(a: &Value, b: &Value) -> bool {
    let (a_min, b_min) = (a["min"].as_u64().unwrap(), b["min"].as_u64().unwrap());
    let (a_max, b_max) = (
        a["max"].as_u64().unwrap_or(u64::MAX),
        b["max"].as_u64().unwrap_or(u64::MAX),
    );
    a_min <= b_max && b_min <= a_max
}

/// The compact name of an aligned fact: its label for counts, the
/// speaker's identity key for quotes.
fn fact_name(fact: &Value) -> String {
    if fact["kind"] == "quote" {
        format!("quoted: {}", fact["subject"].as_str().unwrap())
    } else {
        fact["label"].as_str().unwrap().to_string()
    }
}

/// One comparison record in the compact form of `expected.json`.
fn compact(comparison: &Value, order: &[String]) -> Value {
    let position = |id: &str| order.iter().position(|x| x == id).unwrap();
    let sources: Vec<&str> = comparison["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect();
    let mut articles: Vec<&str> = comparison["sources"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap())
        .map(|a| a.as_str().unwrap())
        .collect();
    articles.sort_by_key(|id| position(id));
    let facts_in = comparison["facts"].as_array().unwrap();
    let names: Vec<String> = facts_in.iter().map(fact_name).collect();
    let mut facts = Vec::new();
    let (mut conflicts, mut updates) = (Vec::new(), Vec::new());
    for (fact, name) in facts_in.iter().zip(&names) {
        let reports = fact["reports"].as_array().unwrap();
        let mut cells = serde_json::Map::new();
        for source in &sources {
            let cell = match reports.iter().find(|r| r["source"] == *source) {
                None => "—".to_string(),
                Some(r) if r["value"].is_null() => "✓".to_string(),
                Some(r)
                    if fact["update"] == true
                        && !fact["consensus"].is_null()
                        && !overlaps(&r["value"], &fact["consensus"]["value"]) =>
                {
                    format!("↑ {}", show(&r["value"]))
                }
                Some(r) if fact["update"] == true => show(&r["value"]),
                Some(r) => {
                    let disagrees = reports
                        .iter()
                        .any(|o| !o["value"].is_null() && !overlaps(&r["value"], &o["value"]));
                    if disagrees {
                        format!("≠ {}", show(&r["value"]))
                    } else {
                        show(&r["value"])
                    }
                }
            };
            cells.insert(source.to_string(), Value::String(cell));
        }
        let mut compact_fact = json!({"fact": name, "cells": cells});
        if !fact["consensus"].is_null() {
            compact_fact["consensus"] = json!(format!(
                "{} ({})",
                show(&fact["consensus"]["value"]),
                fact["consensus"]["rule"].as_str().unwrap()
            ));
        }
        compact_fact["first"] = fact["first_source"].clone();
        if fact["toll"] == true {
            compact_fact["toll"] = json!(true);
        }
        facts.push(compact_fact);
        if fact["conflict"] == true {
            conflicts.push(name.clone());
        }
        if fact["update"] == true {
            updates.push(name.clone());
        }
    }
    let mut missing = serde_json::Map::new();
    for m in comparison["missing"].as_array().unwrap() {
        let list: Vec<String> = m["facts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| names[i.as_u64().unwrap() as usize].clone())
            .collect();
        missing.insert(m["source"].as_str().unwrap().to_string(), json!(list));
    }
    let listed_conflicts: Vec<String> = comparison["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| names[i.as_u64().unwrap() as usize].clone())
        .collect();
    assert_eq!(
        listed_conflicts, conflicts,
        "`conflicts` lists the conflicting facts"
    );
    let wire: Vec<Value> = comparison["wire"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let credits: Vec<String> = w["credits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    format!(
                        "{}: {}",
                        c["article"].as_str().unwrap(),
                        c["text"].as_str().unwrap()
                    )
                })
                .collect();
            let reprints: Vec<Value> = w["reprints"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    json!({
                        "article": r["article"],
                        "source": r["source"],
                        "added_words": r["added_words"],
                        "removed_words": r["removed_words"],
                        "kept_words": r["kept_words"],
                        "changed_numbers": r["changed_numbers"],
                        "changed_quotes": r["changed_quotes"],
                    })
                })
                .collect();
            json!({
                "origin": w["origin"],
                "origin_source": w["origin_source"],
                "credits": credits,
                "reprints": reprints,
            })
        })
        .collect();
    json!({
        "articles": articles,
        "sources": sources,
        "facts": facts,
        "missing": missing,
        "conflicts": conflicts,
        "updates": updates,
        "wire": wire,
    })
}

/// The same value with every object's keys in sorted order.
fn sorted_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<String, Value> =
                map.into_iter().map(|(k, v)| (k, sorted_keys(v))).collect();
            Value::Object(sorted.into_iter().collect())
        }
        Value::Array(list) => Value::Array(list.into_iter().map(sorted_keys).collect()),
        other => other,
    }
}

/// Puts lists whose order carries no meaning in one order, and drops the
/// stories' human-readable names, so two compact forms compare by content.
fn normalize(compact: Value) -> Value {
    let mut compact = sorted_keys(compact);
    let sort_strings = |v: &mut Value| {
        if let Some(list) = v.as_array_mut() {
            list.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
        }
    };
    for story in compact["stories"].as_array_mut().unwrap() {
        story.as_object_mut().unwrap().remove("name");
        story["facts"]
            .as_array_mut()
            .unwrap()
            .sort_by(|a, b| a["fact"].as_str().cmp(&b["fact"].as_str()));
        for list in story["missing"].as_object_mut().unwrap().values_mut() {
            sort_strings(list);
        }
        sort_strings(&mut story["conflicts"]);
        sort_strings(&mut story["updates"]);
        for wire in story["wire"].as_array_mut().unwrap() {
            sort_strings(&mut wire["credits"]);
        }
    }
    sort_strings(&mut compact["alone"]);
    sorted_keys(compact)
}

/// Runs `wirediff compare --format jsonl` on the fixture corpus and returns
/// its compact form.
fn actual() -> Value {
    let env = TestEnv::new();
    let out = env.run(&["compare", "--format", "jsonl", &articles_path()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let order = input_ids();
    let summary = &records.last().unwrap()["data"];
    let stories: Vec<Value> = records
        .iter()
        .filter(|r| r["type"] == "comparison")
        .map(|r| compact(&r["data"], &order))
        .collect();
    let compared: Vec<&str> = stories
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap())
        .map(|a| a.as_str().unwrap())
        .collect();
    let alone: Vec<&String> = order
        .iter()
        .filter(|id| !compared.contains(&id.as_str()))
        .collect();
    json!({
        "summary": {
            "articles": summary["articles"],
            "stories": summary["stories"],
            "compared": summary["compared"],
        },
        "alone": alone,
        "stories": stories,
    })
}

fn expected() -> Value {
    let path = fixtures().join("compare/expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn compare_matches_the_expected_comparisons_written_by_hand() {
    let expected = serde_json::to_string_pretty(&normalize(expected())).unwrap();
    let actual = serde_json::to_string_pretty(&normalize(actual())).unwrap();
    if expected != actual {
        let diff = similar::TextDiff::from_lines(&expected, &actual)
            .unified_diff()
            .header("fixtures/compare/expected.json", "wirediff compare")
            .to_string();
        panic!("the comparison differs from the expected one:\n{diff}");
    }
}

/// The word counts of each reprint, checked against a longest common
/// subsequence of the two texts' whitespace-separated words computed here
/// independently (a plain dynamic program).
#[test]
fn reprint_word_counts_agree_with_an_independent_longest_common_subsequence() {
    let texts: BTreeMap<String, String> = std::fs::read_to_string(articles_path())
        .unwrap()
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            (
                r["id"].as_str().unwrap().to_string(),
                r["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let lcs = |a: &[&str], b: &[&str]| -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for x in a {
            let mut diagonal = 0;
            for (j, y) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if x == y {
                    diagonal + 1
                } else {
                    above.max(row[j])
                };
                diagonal = above;
            }
        }
        row[b.len()]
    };
    let mut checked = 0;
    for story in actual()["stories"].as_array().unwrap() {
        for wire in story["wire"].as_array().unwrap() {
            let origin: Vec<&str> = texts[wire["origin"].as_str().unwrap()]
                .split_whitespace()
                .collect();
            for r in wire["reprints"].as_array().unwrap() {
                let copy: Vec<&str> = texts[r["article"].as_str().unwrap()]
                    .split_whitespace()
                    .collect();
                let kept = lcs(&origin, &copy);
                assert_eq!(r["kept_words"], kept, "{}", r["article"]);
                assert_eq!(r["removed_words"], origin.len() - kept, "{}", r["article"]);
                assert_eq!(r["added_words"], copy.len() - kept, "{}", r["article"]);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2, "the fixture has two reprints");
}

#[test]
fn compare_terminal_output_shows_the_planted_conflict_and_update() {
    let env = TestEnv::new();
    let out = env
        .command(&["compare", "--format", "terminal", &articles_path()])
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no colour off a terminal");
    let lines: Vec<&str> = text.lines().collect();
    for wanted in [
        "19 articles, 6 stories, 5 with two or more sources compared; 37 facts aligned, 3 in conflict",
        // The story's toll, one figure per kind.
        "  Toll: killed 12 (majority), injured 30 (intersection)",
        "  Toll: killed 7 (latest), injured 9 (latest), arrested 1 (intersection)",
        "  conflict: killed: people: AFP 12, Reuters 15, BBC 12+, Al Jazeera 12+; consensus 12 (majority)",
        // An update is told in published order, with the times in UTC (the
        // date once per day): the reader sees 3+ become 7.
        "  update: killed: people: AP 3+ (2023-06-10 13:05 UTC) → Reuters 7 (2023-06-11 00:45 UTC) → Port Alden Courier 7 (01:10 UTC) → The Guardian 7 (08:30 UTC); consensus 7 (latest)",
        "  update: injured: people: AP 4 (2023-06-10 13:05 UTC) → Reuters 9 (2023-06-11 00:45 UTC) → Port Alden Courier 9 (01:10 UTC) → The Guardian 9 (08:30 UTC); consensus 9 (latest)",
        "  Missing from The National: injured: troops (3 of 4), quoted: Mark Dalton (2 of 4), quoted: Pentagon (2 of 4)",
        // One label per aligned speaker: The Guardian's sentence-initial
        // "Police" is the "police" of the other sources and of the row.
        "quoted: police                    ✓                  ✓                  ✓                  ✓",
        "  The Guardian quotes: Dana Whitfield; police",
        // BBC's "Mr Hamid" is Walid Hamid, listed once with both quotes.
        "  BBC quotes: a provincial health official (anonymous); Salah Hamdani; Walid Hamid ×2",
        // An anonymous description without its clause of anonymity.
        "quoted: a US defence official  ✓              ✓              ✓              ✓",
        "    penjwen-gulfdaily (Gulf Daily Times): +38 −6 words; number five → four; 1 quote(s) changed",
    ] {
        assert!(
            lines.contains(&wanted),
            "missing line {wanted:?} in:\n{text}"
        );
    }
    let matrix_row = lines
        .iter()
        .find(|l| l.starts_with("killed: people") && l.contains("≠ 15"))
        .unwrap_or_else(|| panic!("the Kirkuk toll row in:\n{text}"));
    let cells: Vec<&str> = matrix_row["killed: people".len()..]
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(cells, ["≠ 12", "≠ 15", "✓ 12+", "✓ 12+"]);
}

#[test]
fn compare_terminal_output_wraps_lists_and_cuts_only_labels() {
    let env = TestEnv::new();
    let out = env
        .command(&["compare", "--format", "terminal", &articles_path()])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "line wider than 80: {line:?}");
    }
    let lines: Vec<&str> = text.lines().collect();
    // A long list goes on over indented lines instead of being cut; a
    // value, its time and a "(2 of 4)" stay on one line.
    let at = lines
        .iter()
        .position(|l| l.starts_with("  update: killed: people: AP 3+"))
        .unwrap_or_else(|| panic!("the update line in:\n{text}"));
    let update: String = lines[at..]
        .iter()
        .enumerate()
        .take_while(|(i, l)| *i == 0 || l.starts_with("    "))
        .map(|(_, l)| l)
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        update,
        "update: killed: people: AP 3+ (2023-06-10 13:05 UTC) → Reuters 7 (2023-06-11 00:45 UTC) → Port Alden Courier 7 (01:10 UTC) → The Guardian 7 (08:30 UTC); consensus 7 (latest)"
    );
    assert!(
        lines
            .iter()
            .filter(|l| l.starts_with("  ") && !l.starts_with("        "))
            .all(|l| !l.contains('…')),
        "only matrix rows and titles are cut:\n{text}"
    );
    // A story title keeps its counts when its label is cut.
    assert!(
        lines.contains(
            &"Story st-40a38acd1f3761f6: Drone attack wounds four US … (4 sources, 4 articles)"
        ),
        "{text}"
    );
}
