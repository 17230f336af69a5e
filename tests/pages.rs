//! Web pages as input: `fixtures/pages/*.html` read through ingest, each
//! checked against `fixtures/pages/expected.json` (see its README).

use serde_json::Value;
use wirediff::ingest::{self, IngestConfig, Inputs};

use crate::util::fixtures;

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_fixture_page_reads_as_expected() {
    let dir = fixtures().join("pages");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let inputs = Inputs::resolve(std::slice::from_ref(&dir), IngestConfig::default()).unwrap();
    let read = ingest::read(&inputs).unwrap();
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let expected = expected.as_object().unwrap();
    assert_eq!(read.articles.len(), expected.len());
    let mut problems = Vec::new();
    for article in &read.articles {
        let e = &expected[&article.id];
        let mut check = |what: &str, got: Value, want: &Value| {
            if &got != want {
                problems.push(format!("{}: {what}: got {got}, want {want}", article.id));
            }
        };
        check("title", article.title.clone().into(), &e["title"]);
        check(
            "published",
            article.published.clone().into(),
            &e["published"],
        );
        check(
            "published_utc",
            article.published_date().map(|d| d.utc_string()).into(),
            &e["published_utc"],
        );
        check(
            "inferred",
            article
                .published_date()
                .and_then(|d| d.inferred())
                .map(|i| i.rule)
                .into(),
            &e["inferred"],
        );
        check("url", article.url.clone().into(), &e["url"]);
        let text = squash(&article.text);
        for p in e["paragraphs"].as_array().unwrap() {
            if !text.contains(&squash(p.as_str().unwrap())) {
                problems.push(format!("{}: paragraph missing: {p}", article.id));
            }
        }
        let leaked: Vec<&str> = e["furniture"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .filter(|f| text.contains(&squash(f)))
            .collect();
        let known: Vec<&str> = e["known_leaks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        if leaked != known {
            problems.push(format!(
                "{}: furniture in the text {leaked:?}, known {known:?}",
                article.id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// An `html` field in JSON Lines (and CSV) is read when a record has no
/// text; the record's own fields win over the page's.
#[test]
fn html_field_in_records() {
    let env = crate::util::TestEnv::new();
    let page = std::fs::read_to_string(fixtures().join("pages/harbor-fire.html")).unwrap();
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "p1", "html": page}),
        serde_json::json!({"id": "p2", "title": "Own title", "published": "2023-03-16", "html": page})
    );
    let input = env.write("pages.jsonl", jsonl);
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["id", "html"]).unwrap();
    csv.write_record(["c1", page.as_str()]).unwrap();
    let csv_input = env.write("pages.csv", csv.into_inner().unwrap());
    let inputs = Inputs::resolve(&[input, csv_input], IngestConfig::default()).unwrap();
    let read = ingest::read(&inputs).unwrap();
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let [p1, p2, c1] = &read.articles[..] else {
        panic!("three articles")
    };
    for a in [p1, c1] {
        assert!(
            a.text.contains("Three firefighters were treated"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("We use cookies"), "{}", a.text);
        assert_eq!(
            a.title.as_deref(),
            Some("Warehouse fire at Port Alden harbor injures three firefighters")
        );
        assert_eq!(a.published.as_deref(), Some("2023-03-14T21:40:00-04:00"));
        assert!(a.extra.get("html").is_none());
    }
    assert_eq!(p2.title.as_deref(), Some("Own title"));
    assert_eq!(p2.published.as_deref(), Some("2023-03-16"));
}
