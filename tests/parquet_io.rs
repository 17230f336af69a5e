//! Parquet in and out on the command line: a Parquet copy of a JSON Lines
//! input gives the same results, and the Parquet outputs hold the same
//! records as the JSON Lines ones.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, UInt32Type};
use arrow_array::{Array, ArrayRef, LargeStringArray, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

use crate::eqnice;
use crate::util::{TestEnv, fixtures, stderr, stdout};

/// Writes the records of a JSON Lines file as Parquet: every key a
/// nullable string column (`large` picks `large_string`), an `n` column of
/// row numbers as an extra integer field.
fn jsonl_to_parquet(jsonl: &Path, out: &Path, large: bool) {
    let records: Vec<serde_json::Map<String, Value>> = std::fs::read_to_string(jsonl)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut keys: Vec<String> = Vec::new();
    for r in &records {
        for k in r.keys() {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    let mut fields = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for key in &keys {
        let values: Vec<Option<String>> = records
            .iter()
            .map(|r| match r.get(key) {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Null) | None => None,
                Some(other) => Some(other.to_string()),
            })
            .collect();
        if large {
            fields.push(Field::new(key, DataType::LargeUtf8, true));
            columns.push(Arc::new(LargeStringArray::from(values)));
        } else {
            fields.push(Field::new(key, DataType::Utf8, true));
            columns.push(Arc::new(StringArray::from(values)));
        }
    }
    fields.push(Field::new("n", DataType::Int64, false));
    columns.push(Arc::new(arrow_array::Int64Array::from_iter_values(
        0..records.len() as i64,
    )));
    let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap();
    let mut writer =
        ArrowWriter::try_new(std::fs::File::create(out).unwrap(), batch.schema(), None).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
}

fn read_parquet(path: &Path) -> RecordBatch {
    let file = std::fs::File::open(path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<RecordBatch> = reader.map(|b| b.unwrap()).collect();
    arrow_select::concat::concat_batches(&batches[0].schema(), &batches).unwrap()
}

fn strings(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let column = arrow_cast::cast(batch.column_by_name(name).unwrap(), &DataType::Utf8).unwrap();
    let column = column.as_string::<i32>();
    (0..column.len())
        .map(|i| column.is_valid(i).then(|| column.value(i).to_string()))
        .collect()
}

fn without_seconds(out: &str) -> String {
    out.lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            if v["type"] == "summary" && v["data"].get("seconds").is_some() {
                v["data"]["seconds"] = Value::Null;
            }
            format!("{v}\n")
        })
        .collect()
}

fn records(out: &str, kind: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["type"] == kind)
        .map(|v| v["data"].clone())
        .collect()
}

fn setup(env: &TestEnv, large: bool) -> (PathBuf, PathBuf) {
    let jsonl = fixtures().join("copies/articles.jsonl");
    let parquet = env.path().join("articles.parquet");
    jsonl_to_parquet(&jsonl, &parquet, large);
    (jsonl, parquet)
}

#[test]
fn parquet_input_gives_the_jsonl_results() {
    for large in [false, true] {
        let env = TestEnv::new();
        let (jsonl, parquet) = setup(&env, large);
        let from_jsonl = env.run(&["dedup", jsonl.to_str().unwrap()]);
        let from_parquet = env.run(&["dedup", parquet.to_str().unwrap()]);
        assert!(from_parquet.status.success(), "{}", stderr(&from_parquet));
        eqnice!(
            without_seconds(&stdout(&from_jsonl)),
            without_seconds(&stdout(&from_parquet))
        );
        for command in ["stories", "facts"] {
            let a = env.run(&[command, jsonl.to_str().unwrap()]);
            let b = env.run(&[command, parquet.to_str().unwrap()]);
            eqnice!(stdout(&a), stdout(&b));
        }
    }
}

#[test]
fn dedup_parquet_output_holds_the_article_records() {
    let env = TestEnv::new();
    let (jsonl, _) = setup(&env, false);
    let out = env.run(&["dedup", jsonl.to_str().unwrap()]);
    let want = records(&stdout(&out), "article");
    for args in [
        vec!["dedup", "-o", "groups.parquet", jsonl.to_str().unwrap()],
        vec![
            "dedup",
            "--format",
            "parquet",
            "-o",
            "groups.parquet",
            jsonl.to_str().unwrap(),
        ],
    ] {
        let run = env.run(&args);
        assert!(run.status.success(), "{}", stderr(&run));
        let batch = read_parquet(&env.path().join("groups.parquet"));
        assert_eq!(batch.num_rows(), want.len());
        let ids = strings(&batch, "id");
        let sources = strings(&batch, "source");
        let reps = strings(&batch, "representative");
        let kinds = strings(&batch, "kind");
        let copy_of = strings(&batch, "copy_of");
        let groups = batch
            .column_by_name("group")
            .unwrap()
            .as_primitive::<UInt32Type>();
        let sizes = batch
            .column_by_name("group_size")
            .unwrap()
            .as_primitive::<UInt32Type>();
        let jaccard = batch
            .column_by_name("jaccard")
            .unwrap()
            .as_primitive::<Float64Type>();
        let containment = batch
            .column_by_name("containment")
            .unwrap()
            .as_primitive::<Float64Type>();
        for (i, w) in want.iter().enumerate() {
            let got = serde_json::json!({
                "id": ids[i], "source": sources[i], "group": groups.value(i),
                "group_size": sizes.value(i), "representative": reps[i],
                "kind": kinds[i], "copy_of": copy_of[i],
                "jaccard": jaccard.value(i), "containment": containment.value(i),
            });
            assert_eq!(&got, w, "row {i}");
        }
    }
}

#[test]
fn unique_parquet_copies_input_rows_or_writes_article_fields() {
    let env = TestEnv::new();
    let (jsonl, parquet) = setup(&env, false);
    let unique = env.run(&["dedup", "--emit", "unique", jsonl.to_str().unwrap()]);
    let want: Vec<String> = stdout(&unique)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(want.len() > 1);
    // Parquet in: the input rows, every column kept (the integer `n` too).
    let run = env.run(&[
        "dedup",
        "--emit",
        "unique",
        "-o",
        "u.parquet",
        parquet.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let rows = read_parquet(&env.path().join("u.parquet"));
    assert_eq!(
        rows.schema().field_with_name("n").unwrap().data_type(),
        &DataType::Int64
    );
    let ids: Vec<String> = strings(&rows, "id")
        .into_iter()
        .map(Option::unwrap)
        .collect();
    assert_eq!(ids, want);
    // JSON Lines in: the article fields, the rest as JSON text.
    let run = env.run(&[
        "dedup",
        "--emit",
        "unique",
        "-o",
        "u2.parquet",
        jsonl.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let rows = read_parquet(&env.path().join("u2.parquet"));
    let ids: Vec<String> = strings(&rows, "id")
        .into_iter()
        .map(Option::unwrap)
        .collect();
    assert_eq!(ids, want);
    assert!(rows.column_by_name("text").is_some());
    // Parquet in, JSON Lines out: the same records as from JSON Lines, with
    // the extra integer column.
    let run = env.run(&["dedup", "--emit", "unique", parquet.to_str().unwrap()]);
    let got: Vec<Value> = stdout(&run)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), want.len());
    assert!(got[1]["n"].as_i64().is_some());
}

#[test]
fn stories_and_facts_parquet_match_their_jsonl() {
    let env = TestEnv::new();
    let input = fixtures().join("copies/articles.jsonl");
    let input = input.to_str().unwrap();
    let stories = stdout(&env.run(&["stories", input]));
    let run = env.run(&["stories", "-o", "s.parquet", input]);
    assert!(run.status.success(), "{}", stderr(&run));
    let rows = read_parquet(&env.path().join("s.parquet"));
    let want = records(&stories, "article");
    assert_eq!(rows.num_rows(), want.len());
    let story = strings(&rows, "story");
    for (i, w) in want.iter().enumerate() {
        assert_eq!(story[i].as_deref(), w["story"].as_str());
    }
    let facts = stdout(&env.run(&["facts", input]));
    let run = env.run(&["facts", "--format", "parquet", "-o", "f.out", input]);
    assert!(run.status.success(), "{}", stderr(&run));
    let rows = read_parquet(&env.path().join("f.out"));
    let want: Vec<(String, Value)> = records(&facts, "article")
        .into_iter()
        .flat_map(|a| {
            let id = a["id"].as_str().unwrap().to_string();
            a["facts"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |f| (id.clone(), f.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(!want.is_empty());
    assert_eq!(rows.num_rows(), want.len());
    let kinds = strings(&rows, "kind");
    let rules = strings(&rows, "rule");
    let values = strings(&rows, "value");
    for (i, (id, fact)) in want.iter().enumerate() {
        assert_eq!(strings(&rows, "article")[i].as_deref(), Some(id.as_str()));
        assert_eq!(kinds[i].as_deref(), fact["kind"].as_str());
        assert_eq!(rules[i].as_deref(), fact["rule"].as_str());
        let mut rest = fact.as_object().unwrap().clone();
        for key in ["kind", "span", "sentence", "rule"] {
            rest.remove(key);
        }
        let value: Value = serde_json::from_str(values[i].as_deref().unwrap()).unwrap();
        assert_eq!(value, Value::Object(rest));
    }
}

#[test]
fn bad_parquet_input_is_reported_not_fatal() {
    let env = TestEnv::new();
    let bad = env.write("bad.parquet", "this is not parquet");
    let good = fixtures().join("copies/articles.jsonl");
    let run = env.run(&["dedup", "-q", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run).starts_with("wirediff: warning: "),
        "{}",
        stderr(&run)
    );
    assert!(stderr(&run).contains("bad.parquet:1: not a valid Parquet file"));
    // A Parquet file without the text column.
    let batch = RecordBatch::try_new(
        Arc::new(Schema::new(vec![Field::new("id", DataType::Utf8, false)])),
        vec![Arc::new(StringArray::from(vec!["a"]))],
    )
    .unwrap();
    let path = env.path().join("notext.parquet");
    let mut w =
        ArrowWriter::try_new(std::fs::File::create(&path).unwrap(), batch.schema(), None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
    let run = env.run(&["dedup", "-q", path.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    eqnice!(
        "wirediff: warning: notext.parquet:1: no 'text' column\n\
         wirediff: error: no articles in the input: its one record was skipped\n"
            .replace("notext.parquet", path.to_str().unwrap()),
        stderr(&run)
    );
}
