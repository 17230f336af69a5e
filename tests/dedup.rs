//! `wirediff dedup` end to end: every input format, every bad-input case with
//! its exact message and exit code, determinism, and articles in = out.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

use crate::eqnice;
use crate::util::{TestEnv, fixtures, stderr, stdout};

/// Parses JSON Lines output into its records.
fn records(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// `id -> representative id` from the article records, in output order.
fn grouping(out: &str) -> Vec<(String, String)> {
    records(out)
        .iter()
        .filter(|r| r["type"] == "article")
        .map(|r| {
            let d = &r["data"];
            (
                d["id"].as_str().unwrap().to_string(),
                d["representative"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn summary(out: &str) -> Value {
    let all = records(out);
    let last = all.last().expect("output is not empty");
    assert_eq!(last["type"], "summary");
    last["data"].clone()
}

/// The expected grouping of `fixtures/copies/articles.*` (see its README).
fn expected_fixture_grouping() -> Vec<(String, String)> {
    [
        ("afp-embassy", "afp-embassy"),
        ("dailystar-embassy", "afp-embassy"),
        ("erbilpost-embassy", "afp-embassy"),
        ("gulfnews-embassy", "afp-embassy"),
        ("ina-reaction", "ina-reaction"),
        ("basra-floods", "basra-floods"),
        ("empty-page", "empty-page"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect()
}

#[test]
fn jsonl_fixture_groups_the_wire_story_and_its_reprints() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/articles.jsonl");
    let out = env.run(&["dedup", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    eqnice!("", stderr(&out));
    assert_eq!(grouping(&stdout(&out)), expected_fixture_grouping());
    let s = summary(&stdout(&out));
    assert_eq!(
        (
            s["articles"].as_u64(),
            s["groups"].as_u64(),
            s["copies"].as_u64()
        ),
        (Some(7), Some(1), Some(3))
    );
    assert_eq!(s["empty_texts"], 1);
}

#[test]
fn csv_fixture_gives_the_same_groups() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/articles.csv");
    let out = env.run(&["dedup", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(grouping(&stdout(&out)), expected_fixture_grouping());
}

#[test]
fn gzipped_jsonl_and_stdin_give_the_same_groups() {
    let env = TestEnv::new();
    let raw = std::fs::read(fixtures().join("copies/articles.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&raw).unwrap();
    env.write("corpus.jsonl.gz", gz.finish().unwrap());
    let out = env.run(&["dedup", "corpus.jsonl.gz"]);
    assert_eq!(grouping(&stdout(&out)), expected_fixture_grouping());

    let mut child = env
        .command(&["dedup", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&raw).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(grouping(&stdout(&out)), expected_fixture_grouping());
}

#[test]
fn text_directory_ids_are_relative_paths_and_sources_are_folders() {
    let env = TestEnv::new();
    let dir = fixtures().join("copies/txt");
    let out = env.run(&["dedup", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&stdout(&out));
    let articles: Vec<(String, String, String)> = recs
        .iter()
        .filter(|r| r["type"] == "article")
        .map(|r| {
            let d = &r["data"];
            (
                d["id"].as_str().unwrap().into(),
                d["source"].as_str().unwrap().into(),
                d["representative"].as_str().unwrap().into(),
            )
        })
        .collect();
    // The Gulf News file has a header block with a date, so it is the
    // earliest known and represents the group.
    assert_eq!(
        articles,
        vec![
            (
                "AFP/embassy.txt".into(),
                "AFP".into(),
                "Gulf News/embassy.txt".into()
            ),
            (
                "Gulf News/embassy.txt".into(),
                "Gulf News".into(),
                "Gulf News/embassy.txt".into()
            ),
        ]
    );
}

#[test]
fn field_mapping_reads_other_names_and_unique_keeps_all_fields() {
    let env = TestEnv::new();
    let text = "The quick brown fox jumps over the lazy dog near the river bank today";
    env.write(
        "in.jsonl",
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "1", "publisher": "A", "date": "2020-01-02", "content": text, "lang": "en"}),
            serde_json::json!({"id": "2", "publisher": "B", "date": "2020-01-01", "content": text, "lang": "fr"}),
        ),
    );
    let args = [
        "dedup",
        "--field",
        "text=content",
        "--field",
        "source=publisher",
        "--field",
        "published=date",
    ];
    let out = env.run(&[&args[..], &["in.jsonl"]].concat());
    assert_eq!(
        grouping(&stdout(&out)),
        vec![("1".into(), "2".into()), ("2".into(), "2".into())]
    );
    let out = env.run(&[&args[..], &["--emit", "unique", "in.jsonl"]].concat());
    eqnice!(
        "{\"id\":\"2\",\"publisher\":\"B\",\"date\":\"2020-01-01\",\"content\":\"The quick brown fox jumps over the lazy dog near the river bank today\",\"lang\":\"fr\"}\n",
        stdout(&out)
    );
}

#[test]
fn emit_unique_copies_original_lines_one_per_group() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/articles.jsonl");
    let out = env.run(&["dedup", "--emit", "unique", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let original = std::fs::read_to_string(&path).unwrap();
    let keep: Vec<&str> = original
        .lines()
        .filter(|l| {
            ["afp-embassy", "ina-reaction", "basra-floods", "empty-page"]
                .iter()
                .any(|id| l.contains(&format!("\"id\": \"{id}\"")))
        })
        .collect();
    eqnice!(keep.join("\n") + "\n", stdout(&out));
}

#[test]
fn emit_unique_from_csv_writes_json_records_with_extra_fields() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/articles.csv");
    let out = env.run(&["dedup", "--emit", "unique", path.to_str().unwrap()]);
    let recs = records(&stdout(&out));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["afp-embassy", "ina-reaction", "basra-floods", "empty-page"]
    );
    assert_eq!(recs[0]["desk"], "middle-east");
}

#[test]
fn malformed_records_are_reported_skipped_and_exit_1() {
    let env = TestEnv::new();
    env.write(
        "bad.jsonl",
        "{\"id\":\"a\",\"text\":\"one two three four five six\"}\ngarbage line\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":7}\n[1,2]\n{\"id\":\"d\",\"text\":\"seven eight\"}\n",
    );
    let out = env.run(&["dedup", "bad.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    eqnice!(
        "wirediff: warning: bad.jsonl:2: not valid JSON: expected value at line 1 column 1\n\
         wirediff: warning: bad.jsonl:3: missing field 'text'\n\
         wirediff: warning: bad.jsonl:4: field 'text' is not a string\n\
         wirediff: warning: bad.jsonl:5: expected a JSON object\n",
        stderr(&out)
    );
    let ids: Vec<String> = grouping(&stdout(&out))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["a", "d"]);
    assert_eq!(summary(&stdout(&out))["skipped"], 4);
}

#[test]
fn strict_mode_makes_the_first_bad_record_fatal() {
    let env = TestEnv::new();
    env.write(
        "bad.jsonl",
        "{\"id\":\"a\",\"text\":\"x\"}\n{broken\n{\"id\":\"b\"}\n",
    );
    let out = env.run(&["dedup", "--strict", "-o", "out.jsonl", "bad.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    eqnice!(
        "wirediff: error: bad.jsonl:2: not valid JSON: key must be a string at line 1 column 2\n",
        stderr(&out)
    );
    assert!(
        !env.path().join("out.jsonl").exists(),
        "no output is written on a fatal error"
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let env = TestEnv::new();
    env.write(
        "latin1.jsonl",
        b"{\"id\":\"a\",\"text\":\"caf\xe9 au lait\"}\n",
    );
    let out = env.run(&["dedup", "latin1.jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    eqnice!(
        "wirediff: warning: latin1.jsonl: invalid UTF-8 replaced with U+FFFD\n",
        stderr(&out)
    );
    assert_eq!(grouping(&stdout(&out)).len(), 1);
}

#[test]
fn csv_rows_with_the_wrong_number_of_fields_are_skipped() {
    let env = TestEnv::new();
    env.write(
        "a.csv",
        "id,text\n1,hello world\n2,too,many\n3,\"quoted, with comma\"\n",
    );
    let out = env.run(&["dedup", "a.csv"]);
    assert_eq!(out.status.code(), Some(1));
    eqnice!(
        "wirediff: warning: a.csv:3: CSV record has 3 fields, the header has 2\n",
        stderr(&out)
    );
    let ids: Vec<String> = grouping(&stdout(&out))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["1", "3"]);
}

#[test]
fn csv_without_a_text_column_is_reported() {
    let env = TestEnv::new();
    env.write("a.csv", "id,body\n1,hello\n");
    env.write("b.jsonl", "{\"id\":\"x\",\"text\":\"hello\"}\n");
    let out = env.run(&["dedup", "a.csv", "b.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    eqnice!(
        "wirediff: warning: a.csv:1: CSV header has no 'text' column (it has 'id', 'body'; --field text=NAME reads another column as the text)\n",
        stderr(&out)
    );
}

#[test]
fn duplicate_ids_are_fatal_and_name_both_places() {
    let env = TestEnv::new();
    env.write("a.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n");
    env.write(
        "b.jsonl",
        "{\"id\":\"y\",\"text\":\"two\"}\n{\"id\":\"x\",\"text\":\"three\"}\n",
    );
    let out = env.run(&["dedup", "a.jsonl", "b.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    eqnice!(
        "wirediff: error: duplicate article id 'x' at a.jsonl:1 and b.jsonl:2\n",
        stderr(&out)
    );
    eqnice!("", stdout(&out));
}

/// `--duplicate-ids skip`: the first article with an id is kept, each later
/// one is a skipped record naming both places (exit 1); with `--strict` the
/// first repeat is fatal.
#[test]
fn duplicate_ids_can_be_skipped_as_malformed_records() {
    let env = TestEnv::new();
    env.write("a.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n");
    env.write(
        "b.jsonl",
        "{\"id\":\"y\",\"text\":\"two\"}\n{\"id\":\"x\",\"text\":\"three\"}\n",
    );
    let out = env.run(&["dedup", "--duplicate-ids", "skip", "a.jsonl", "b.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    eqnice!(
        "wirediff: warning: b.jsonl:2: duplicate article id 'x' (first at a.jsonl:1)\n",
        stderr(&out)
    );
    let ids: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| l.contains("\"type\":\"article\""))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["data"]["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids, ["x", "y"]);
    assert!(stdout(&out).contains("\"skipped\":1"), "{}", stdout(&out));

    let out = env.run(&[
        "dedup",
        "--duplicate-ids",
        "skip",
        "--strict",
        "a.jsonl",
        "b.jsonl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    eqnice!(
        "wirediff: error: b.jsonl:2: duplicate article id 'x' (first at a.jsonl:1)\n",
        stderr(&out)
    );
}

#[test]
fn missing_unknown_and_empty_inputs_are_one_line_errors() {
    let env = TestEnv::new();
    env.write("notes.pdf", "%PDF");
    std::fs::create_dir(env.path().join("empty")).unwrap();
    env.write("only-docs/README.md", "nothing here");
    env.write("blank.jsonl", "\n\n");
    let cases = [
        (
            "nope.jsonl",
            "wirediff: error: nope.jsonl: no such file or directory\n",
        ),
        (
            "notes.pdf",
            "wirediff: error: notes.pdf: unknown input format (expected .jsonl, .ndjson, .csv, .txt, .html, .htm or .warc, optionally .gz, or .parquet; see --input-format)\n",
        ),
        (
            "empty",
            "wirediff: error: empty: no readable articles in this directory\n",
        ),
        (
            "only-docs",
            "wirediff: error: only-docs: no readable articles in this directory\n",
        ),
        ("blank.jsonl", "wirediff: error: no articles in the input\n"),
    ];
    for command in ["dedup", "stories", "facts", "quotes", "compare"] {
        for (input, message) in cases {
            let out = env.run(&[command, input]);
            assert_eq!(out.status.code(), Some(2), "{command} {input}");
            eqnice!(message, stderr(&out));
            assert_eq!(stdout(&out), "", "{command} {input} writes nothing");
        }
    }
}

#[test]
fn bad_arguments_are_fatal() {
    let env = TestEnv::new();
    env.write("a.jsonl", "{\"text\":\"x\"}\n");
    let cases = [
        (
            vec!["--threshold", "1.5"],
            "wirediff: error: --threshold must be within 0..=1, got 1.5\n",
        ),
        (
            vec!["--duplicate-threshold", "1.5"],
            "wirediff: error: --duplicate-threshold must be within 0..=1, got 1.5\n",
        ),
        (
            vec!["--drop", "none,reuse"],
            "wirediff: error: --drop none cannot be combined with other kinds\n",
        ),
        (
            vec!["--emit", "pairs", "--format", "table"],
            "wirediff: error: --emit pairs writes JSON Lines; it cannot be combined with --format table\n",
        ),
        (
            vec!["--emit", "pairs", "-o", "pairs.parquet"],
            "wirediff: error: --emit pairs writes JSON Lines; it cannot be written as Parquet (--format parquet or an -o path ending in .parquet)\n",
        ),
        (
            vec!["--permutations", "100"],
            "wirediff: error: --permutations must be a multiple of 32 from 32 to 4096, got 100\n",
        ),
        (
            vec!["--field", "body"],
            "wirediff: error: --field 'body' is not FIELD=NAME\n",
        ),
        (
            vec!["--field", "author=by"],
            "wirediff: error: --field: unknown field 'author' (expected id, source, published, title, text, url or html)\n",
        ),
    ];
    for (args, message) in cases {
        let out = env.run(&[&["dedup"][..], &args, &["a.jsonl"]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        eqnice!(message, stderr(&out));
    }
}

#[test]
fn empty_texts_are_kept_as_singletons_and_counted() {
    let env = TestEnv::new();
    env.write("e.jsonl", "{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"b\",\"text\":\"  \"}\n{\"id\":\"c\",\"text\":null}\n");
    let out = env.run(&["dedup", "e.jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        grouping(&stdout(&out)),
        vec![
            ("a".into(), "a".into()),
            ("b".into(), "b".into()),
            ("c".into(), "c".into())
        ]
    );
    assert_eq!(summary(&stdout(&out))["empty_texts"], 3);
}

/// Articles written by a small deterministic generator: `n` base stories and
/// an edited copy of every third one.
fn synthetic_corpus(n: usize) -> String {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let words: Vec<String> = (0..3000).map(|i| format!("w{}x{}", i, i % 7)).collect();
    let mut out = String::new();
    for i in 0..n {
        let len = 150 + (next() % 150) as usize;
        let text: Vec<&str> = (0..len)
            .map(|_| words[(next() % 3000) as usize].as_str())
            .collect();
        let text = text.join(" ");
        out.push_str(
            &serde_json::json!({"id": format!("base{i}"), "source": "s", "text": &text})
                .to_string(),
        );
        out.push('\n');
        if i % 3 == 0 {
            let cut = text.len() * 3 / 4;
            let cut = text[..cut].rfind(' ').unwrap_or(cut);
            let copy = format!("{} extra local words here", &text[..cut]);
            out.push_str(
                &serde_json::json!({"id": format!("copy{i}"), "source": "t", "text": copy})
                    .to_string(),
            );
            out.push('\n');
        }
    }
    out
}

fn without_seconds(out: &str) -> String {
    let mut recs = records(out);
    if let Some(last) = recs.last_mut() {
        last["data"]["seconds"] = Value::Null;
    }
    recs.iter().map(|r| r.to_string() + "\n").collect()
}

#[test]
fn output_is_identical_at_any_thread_count() {
    let env = TestEnv::new();
    env.write("corpus.jsonl", synthetic_corpus(300));
    let one = env.run(&["dedup", "--threads", "1", "corpus.jsonl"]);
    let two = env.run(&["dedup", "--threads", "2", "corpus.jsonl"]);
    let default = env.run(&["dedup", "corpus.jsonl"]);
    let reference = without_seconds(&stdout(&one));
    assert_eq!(
        summary(&stdout(&one))["copies"],
        100,
        "every planted copy is found"
    );
    eqnice!(reference, without_seconds(&stdout(&two)));
    eqnice!(reference, without_seconds(&stdout(&default)));
    let table_one = env.run(&[
        "dedup",
        "--threads",
        "1",
        "--format",
        "table",
        "corpus.jsonl",
    ]);
    let table_two = env.run(&[
        "dedup",
        "--threads",
        "2",
        "--format",
        "table",
        "corpus.jsonl",
    ]);
    let strip = |s: String| s.lines().skip(2).collect::<Vec<_>>().join("\n");
    eqnice!(strip(stdout(&table_one)), strip(stdout(&table_two)));
}

#[test]
fn every_input_article_appears_exactly_once() {
    let env = TestEnv::new();
    let corpus = synthetic_corpus(120);
    env.write("corpus.jsonl", &corpus);
    let out = env.run(&["dedup", "-o", "out.jsonl", "corpus.jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    eqnice!("", stdout(&out));
    let written = std::fs::read_to_string(env.path().join("out.jsonl")).unwrap();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (id, _) in grouping(&written) {
        *counts.entry(id).or_default() += 1;
    }
    let input_ids: Vec<String> = records(&corpus)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(counts.len(), input_ids.len());
    assert!(input_ids.iter().all(|id| counts.get(id) == Some(&1)));
    // Group members also cover every article of a multi-article group once.
    let members: usize = records(&written)
        .iter()
        .filter(|r| r["type"] == "group")
        .map(|r| r["data"]["members"].as_array().unwrap().len())
        .sum();
    let s = summary(&written);
    assert_eq!(
        members as u64,
        s["groups"].as_u64().unwrap() + s["copies"].as_u64().unwrap()
    );
}

#[test]
fn the_second_pass_finds_the_same_groups_as_the_cache() {
    // A shingle cache of zero bytes forces the re-reading path.
    let env = TestEnv::new();
    env.write("corpus.jsonl", synthetic_corpus(90));
    let cached = env.run(&["dedup", "corpus.jsonl"]);
    let reread = env.run(&["dedup", "--shingle-cache-mb", "0", "corpus.jsonl"]);
    eqnice!(
        without_seconds(&stdout(&cached)),
        without_seconds(&stdout(&reread))
    );
}

#[test]
fn jaccard_measure_misses_the_trimmed_reprint_containment_finds_it() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/articles.jsonl");
    let out = env.run(&[
        "dedup",
        "--measure",
        "jaccard",
        "--threshold",
        "0.7",
        path.to_str().unwrap(),
    ]);
    let got = grouping(&stdout(&out));
    assert_eq!(
        got[1],
        ("dailystar-embassy".into(), "dailystar-embassy".into())
    );
    assert_eq!(got[3], ("gulfnews-embassy".into(), "afp-embassy".into()));
}

#[test]
fn table_format_shows_groups_for_people() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/articles.jsonl");
    let out = env.run(&["dedup", "--format", "table", path.to_str().unwrap()]);
    let text = stdout(&out);
    let body: Vec<&str> = text.lines().skip(2).collect();
    eqnice!(
        "
group 0: 4 articles
  id                 source      published             kind       copy of  jaccard  containment
  afp-embassy        AFP         2020-12-02T09:10:00Z  origin                 1.00         1.00
  dailystar-embassy  Daily Star  2020-12-02T11:30:00Z  duplicate              0.57         0.99
  erbilpost-embassy  Erbil Post  2020-12-02T16:00:00Z  duplicate              0.65         0.93
  gulfnews-embassy   Gulf News   2020-12-03            duplicate              0.76         0.90",
        body.join("\n")
    );
    assert!(
        text.starts_with(
            "7 articles read, 0 skipped, 1 empty; 3 copies (3 duplicates, 0 reuse) in 1 groups"
        ),
        "{text}"
    );
}

/// `(id, kind, copy_of, origin)` from the article records.
fn kinds(out: &str) -> Vec<(String, String, Option<String>, String)> {
    records(out)
        .iter()
        .filter(|r| r["type"] == "article")
        .map(|r| {
            let d = &r["data"];
            (
                d["id"].as_str().unwrap().to_string(),
                d["kind"].as_str().unwrap().to_string(),
                d["copy_of"].as_str().map(str::to_string),
                d["representative"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn partial_reprints_are_reuse_of_the_earliest_story_in_utc() {
    // fixtures/copies/reuse.jsonl (see its README): a wire story, two
    // reprints that each kept a different half of it (they share nothing),
    // a full reprint with typos dated by its day only, a local story that
    // borrowed one paragraph, three short pages of one outlet sharing its
    // footer, and two stories sharing a quote.
    let env = TestEnv::new();
    let path = fixtures().join("copies/reuse.jsonl");
    let out = env.run(&["dedup", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = kinds(&stdout(&out));
    let want: Vec<(String, String, Option<String>, String)> = [
        ("ap-rail", "origin", None, "ap-rail"),
        ("northern-rail", "reuse", Some("ap-rail"), "ap-rail"),
        ("valley-rail", "reuse", Some("ap-rail"), "ap-rail"),
        ("metro-rail", "duplicate", Some("ap-rail"), "ap-rail"),
        ("council-roads", "unique", None, "council-roads"),
        ("gazette-brief-1", "unique", None, "gazette-brief-1"),
        ("gazette-brief-2", "unique", None, "gazette-brief-2"),
        ("gazette-brief-3", "unique", None, "gazette-brief-3"),
        ("floods-return", "unique", None, "floods-return"),
        ("budget-passed", "unique", None, "budget-passed"),
    ]
    .iter()
    .map(|&(a, k, c, o)| (a.into(), k.into(), c.map(Into::into), o.into()))
    .collect();
    assert_eq!(got, want);
    let s = summary(&stdout(&out));
    assert_eq!(
        (s["duplicates"].as_u64(), s["reuses"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(
        (
            s["furniture_lines"].as_u64(),
            s["cleaned_articles"].as_u64()
        ),
        (Some(3), Some(3))
    );
    // The two halves are not copies of each other: no pair links them.
    let group = records(&stdout(&out))
        .into_iter()
        .find(|r| r["type"] == "group")
        .unwrap();
    let pairs: Vec<(String, String)> = group["data"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["a"].as_str().unwrap().into(),
                p["b"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(!pairs.contains(&("northern-rail".into(), "valley-rail".into())));
}

#[test]
fn a_shared_footer_makes_copies_only_when_furniture_is_kept() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/reuse.jsonl");
    let out = env.run(&["dedup", "--keep-furniture", path.to_str().unwrap()]);
    let got = kinds(&stdout(&out));
    let briefs: Vec<&str> = got
        .iter()
        .filter(|k| k.0.starts_with("gazette-brief"))
        .map(|k| k.3.as_str())
        .collect();
    assert_eq!(briefs, ["gazette-brief-1"; 3]);
    assert_eq!(summary(&stdout(&out))["furniture_lines"], 0);
}

#[test]
fn emit_unique_drops_duplicates_and_keeps_reuse_unless_asked() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/reuse.jsonl");
    let ids = |extra: &[&str]| -> Vec<String> {
        let out = env.run(
            &[
                &["dedup", "--emit", "unique"][..],
                extra,
                &[path.to_str().unwrap()],
            ]
            .concat(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        records(&stdout(&out))
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .filter(|id| id.ends_with("-rail"))
            .collect()
    };
    assert_eq!(ids(&[]), ["ap-rail", "northern-rail", "valley-rail"]);
    assert_eq!(ids(&["--drop", "reuse"]), ["ap-rail", "metro-rail"]);
    assert_eq!(ids(&["--drop", "duplicate,reuse"]), ["ap-rail"]);
    assert_eq!(
        ids(&["--drop", "none"]),
        ["ap-rail", "northern-rail", "valley-rail", "metro-rail"]
    );
}

#[test]
fn emit_pairs_lists_every_copy_pair() {
    let env = TestEnv::new();
    let path = fixtures().join("copies/reuse.jsonl");
    let out = env.run(&["dedup", "--emit", "pairs", path.to_str().unwrap()]);
    let recs = records(&stdout(&out));
    let pairs: Vec<(String, String, String)> = recs
        .iter()
        .filter(|r| r["type"] == "pair")
        .map(|r| {
            let d = &r["data"];
            (
                d["a"].as_str().unwrap().into(),
                d["b"].as_str().unwrap().into(),
                d["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want: Vec<(String, String, String)> = [
        ("ap-rail", "northern-rail", "reuse"),
        ("ap-rail", "valley-rail", "reuse"),
        ("ap-rail", "metro-rail", "duplicate"),
        ("northern-rail", "metro-rail", "reuse"),
        ("valley-rail", "metro-rail", "reuse"),
    ]
    .iter()
    .map(|&(a, b, k)| (a.into(), b.into(), k.into()))
    .collect();
    assert_eq!(pairs, want);
    assert_eq!(recs.last().unwrap()["type"], "summary");
    assert_eq!(summary(&stdout(&out))["verified_pairs"], 5);
}

#[test]
fn arbitrary_bytes_never_crash_the_reader() {
    // Deterministic garbage in every format: the run may skip records or
    // fail with a message, but never panics (exit 101) or loses the summary.
    let env = TestEnv::new();
    let mut state = 0x1234_5678_9abc_def0u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet: &[u8] = b"{}[]\":,\\ntexid0123456789 \n\r\t\xff\xfe\xc3\xa9\xe2\x80\x9c'abc";
    for case in 0..40 {
        let len = (next() % 600) as usize;
        let mut bytes: Vec<u8> = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        if case % 4 == 0 {
            bytes.extend_from_slice(b"\n{\"id\":\"ok\",\"text\":\"a real article text\"}\n");
        }
        for ext in ["jsonl", "csv", "txt"] {
            let name = format!("case{case}.{ext}");
            env.write(&name, &bytes);
            let out = env.run(&["dedup", &name]);
            let code = out.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "{name}: exit {code:?}\n{}",
                stderr(&out)
            );
            if code != Some(2) {
                assert_eq!(
                    records(&stdout(&out)).last().unwrap()["type"],
                    "summary",
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn compare_diffs_partial_reprints_against_their_origin() {
    // The two partial reprints of fixtures/copies/reuse.jsonl are reuse of
    // `ap-rail`; compare's word diff shows what each cut and added.
    let env = TestEnv::new();
    let path = fixtures().join("copies/reuse.jsonl");
    let out = env.run(&["compare", "--format", "jsonl", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let wire: Vec<Value> = records(&stdout(&out))
        .iter()
        .filter(|r| r["type"] == "comparison")
        .flat_map(|r| r["data"]["wire"].as_array().cloned().unwrap_or_default())
        .filter(|w| {
            w["reprints"]
                .as_array()
                .is_some_and(|r| r.iter().any(|r| r["article"] == "northern-rail"))
        })
        .collect();
    // compare picks its own origin (earliest start of day first: the
    // date-only full reprint); the partial reprints are diffed against it.
    assert_eq!(wire.len(), 1, "one wire group holds the partial reprints");
    let reprints = wire[0]["reprints"].as_array().unwrap();
    for (id, cut, added) in [("northern-rail", true, true), ("valley-rail", true, true)] {
        let r = reprints
            .iter()
            .find(|r| r["article"] == id)
            .unwrap_or_else(|| panic!("{id} is diffed: {reprints:?}"));
        let removed = r["removed_words"].as_u64().unwrap();
        let added_words = r["added_words"].as_u64().unwrap();
        let kept = r["kept_words"].as_u64().unwrap();
        assert!(kept > 0, "{id}");
        // Partial reprints cut whole paragraphs (dozens of words) and add
        // their own; the full reprint changes only a few typos.
        assert_eq!(removed > 30, cut, "{id}: removed {removed}");
        assert_eq!(added_words > 30, added, "{id}: added {added_words}");
        let tags: Vec<&str> = r["diff"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["tag"].as_str().unwrap())
            .collect();
        assert!(tags.contains(&"equal"), "{id}");
    }
}
