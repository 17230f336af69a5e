//! Every command's output is byte-identical at any thread count (the
//! summary's `seconds` aside): stories, facts, quotes and compare (JSON Lines
//! and the HTML report) on all the fixture corpora together. `dedup` has its
//! own, larger check in `dedup.rs`.

use serde_json::Value;

use crate::util::{TestEnv, fixtures, stdout};

/// The fixture corpora, as paths the binary is given.
fn corpora() -> Vec<String> {
    [
        "compare/articles.jsonl",
        "stories/lookalikes/articles.jsonl",
        "copies/articles.jsonl",
    ]
    .iter()
    .map(|p| fixtures().join(p).display().to_string())
    .collect()
}

/// JSON Lines with any `seconds` field of a record's data nulled.
fn without_seconds(jsonl: &str) -> String {
    jsonl
        .lines()
        .map(|line| {
            let mut record: Value = serde_json::from_str(line).unwrap();
            if let Some(data) = record.get_mut("data").and_then(Value::as_object_mut)
                && data.contains_key("seconds")
            {
                data.insert("seconds".into(), Value::Null);
            }
            record.to_string() + "\n"
        })
        .collect()
}

/// Runs `args` then the corpora at one and at four threads, and returns both
/// outputs (stdout, seconds masked).
fn at_one_and_four_threads(env: &TestEnv, args: &[&str]) -> (String, String) {
    let inputs = corpora();
    let run = |threads: &str| {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--threads", threads, "-q"]);
        all.extend(inputs.iter().map(String::as_str));
        let out = env.run(&all);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        without_seconds(&stdout(&out))
    };
    (run("1"), run("4"))
}

#[test]
fn stories_facts_quotes_and_compare_are_identical_at_any_thread_count() {
    let env = TestEnv::new();
    for args in [
        &["stories"][..],
        &["facts"],
        &["quotes"],
        &["compare", "--format", "jsonl"],
    ] {
        let (one, four) = at_one_and_four_threads(&env, args);
        assert!(one.lines().count() > 10, "{args:?} wrote too little: {one}");
        assert!(one == four, "{args:?} differs between 1 and 4 threads");
    }
}

#[test]
fn html_report_is_identical_at_any_thread_count() {
    let env = TestEnv::new();
    let inputs = corpora();
    let html = |threads: &str| {
        let name = format!("report-{threads}.html");
        let mut args = vec!["compare", "-q", "--threads", threads, "--html", &name];
        args.extend(["--format", "jsonl", "-o", "out.jsonl"]);
        args.extend(inputs.iter().map(String::as_str));
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        std::fs::read(env.path().join(&name)).unwrap()
    };
    let one = html("1");
    assert!(one.len() > 10_000, "the report is {} bytes", one.len());
    assert!(one == html("4"), "the HTML differs between 1 and 4 threads");
}
