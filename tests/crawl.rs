//! WARC crawls as input: `fixtures/crawl/crawl.warc` (written by
//! `fixtures/crawl/make_warc.py` from `fixtures/pages`, with three
//! malformed records planted) read record by record.

use std::io::Write;

use serde_json::Value;

use crate::util::{TestEnv, fixtures, stderr, stdout};

const PAGES: [&str; 5] = [
    "https://www.portaldencourier.example/news/2023/03/14/harbor-warehouse-fire",
    "https://worldnewstoday.example/world/asia/afghan-road-link-open",
    "http://millbrookgazette.example/local/council-library-sundays.html",
    "https://coasttoday.example/news/ferry-services-suspended-gales",
    "https://metrodaily.example/consent",
];

fn articles(out: &std::process::Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "article")
        .map(|r| r["data"].clone())
        .collect()
}

#[test]
fn every_good_record_once_and_each_bad_one_reported() {
    let env = TestEnv::new();
    let path = fixtures().join("crawl/crawl.warc");
    let out = env.run(&["facts", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let shown = path.display();
    assert_eq!(
        stderr(&out),
        format!(
            "wirediff: warning: {shown}:record 5: not a valid WARC record (a body that does not end where its Content-Length says); skipped\n\
             wirediff: warning: {shown}:record 8: not a valid WARC record (a malformed record header); skipped\n\
             wirediff: warning: {shown}:record 12: not a valid WARC record (a body cut short by the end of the file); skipped\n"
        )
    );
    let got = articles(&out);
    let ids: Vec<&str> = got.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, PAGES);
    let by_id = |id: &str| got.iter().find(|a| a["id"] == id).unwrap();
    assert_eq!(by_id(PAGES[0])["source"], "portaldencourier.example");
    assert_eq!(by_id(PAGES[0])["published_utc"], "2023-03-15T01:40:00Z");
    assert_eq!(
        by_id(PAGES[1])["published_inferred"]["rule"],
        "date.dateline"
    );
    // No date on the page or in its text: the crawl date, marked.
    let consent = by_id(PAGES[4]);
    assert_eq!(consent["published"], "2024-11-02T10:00:09Z");
    assert_eq!(
        consent["published_inferred"],
        serde_json::json!({"rule": "warc.date", "span": null})
    );

    let strict = env.run(&["facts", "--strict", path.to_str().unwrap()]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(
        stderr(&strict).contains(":record 5: not a valid WARC record"),
        "{}",
        stderr(&strict)
    );
}

/// `.warc.gz`, one gzip member per record as crawlers write it, reads the
/// same.
#[test]
fn gzipped_crawl_reads_the_same() {
    let env = TestEnv::new();
    let warc = std::fs::read(fixtures().join("crawl/crawl.warc")).unwrap();
    let mut gz = Vec::new();
    for part in warc
        .split_inclusive(|&b| b == b'\n')
        .collect::<Vec<_>>()
        .chunks(40)
    {
        let mut member = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        for line in part {
            member.write_all(line).unwrap();
        }
        gz.extend(member.finish().unwrap());
    }
    let input = env.write("crawl.warc.gz", gz);
    let out = env.run(&["facts", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let ids: Vec<String> = articles(&out)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, PAGES);
}
