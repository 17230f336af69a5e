//! Unit tests of ingest: formats, field mapping, header blocks and bad input.

use super::*;

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    path
}

fn read_paths(paths: &[PathBuf], config: IngestConfig) -> Result<Ingested> {
    read(&Inputs::resolve(paths, config)?)
}

#[test]
fn lines_are_read_across_buffer_refills() {
    let text = b"first\n\nthird line is longer than the buffer\nlast, no newline";
    let mut reader = BufReader::with_capacity(4, &text[..]);
    let mut lines = Vec::new();
    loop {
        let mut line = Vec::new();
        let read = read_line(&mut reader, &mut line).unwrap();
        assert_eq!(read, line.len());
        if read == 0 {
            break;
        }
        lines.push(String::from_utf8(line).unwrap());
    }
    assert_eq!(
        lines,
        [
            "first\n",
            "\n",
            "third line is longer than the buffer\n",
            "last, no newline"
        ]
    );
}

#[test]
fn format_from_path_looks_through_gz() {
    assert_eq!(
        InputFormat::from_path(Path::new("a.jsonl.gz")),
        Some(InputFormat::Jsonl)
    );
    assert_eq!(
        InputFormat::from_path(Path::new("a.NDJSON")),
        Some(InputFormat::Jsonl)
    );
    assert_eq!(
        InputFormat::from_path(Path::new("a.csv")),
        Some(InputFormat::Csv)
    );
    assert_eq!(
        InputFormat::from_path(Path::new("a.txt")),
        Some(InputFormat::Text)
    );
    assert_eq!(InputFormat::from_path(Path::new("a.md")), None);
    assert_eq!(InputFormat::from_path(Path::new("jsonl")), None);
}

#[test]
fn jsonl_fields_mapping_and_extras() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.jsonl",
        br#"{"id":"x","publisher":"AFP","content":"Body","date":"2020-01-03","lang":"en"}"#,
    );
    let config = IngestConfig {
        fields: FieldMap {
            text: "content".into(),
            source: "publisher".into(),
            published: "date".into(),
            ..FieldMap::default()
        },
        ..IngestConfig::default()
    };
    let got = read_paths(&[path], config).unwrap();
    let a = &got.articles[0];
    assert_eq!(a.id, "x");
    assert_eq!(a.source.as_deref(), Some("AFP"));
    assert_eq!(a.published.as_deref(), Some("2020-01-03"));
    assert_eq!(a.text, "Body");
    assert_eq!(a.extra.get("lang"), Some(&Value::String("en".into())));
}

#[test]
fn bad_records_are_skipped_with_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.jsonl",
        b"{\"id\":\"1\",\"text\":\"ok\"}\n\nnot json\n{\"id\":\"2\"}\n[1]\n{\"id\":\"3\",\"text\":\"ok\"}\n",
    );
    let got = read_paths(&[path], IngestConfig::default()).unwrap();
    let ids: Vec<_> = got.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["1", "3"]);
    let lines: Vec<_> = got
        .skipped
        .iter()
        .map(|e| match e {
            Error::Record { origin, .. } | Error::MissingText { origin, .. } => origin.line,
            _ => 0,
        })
        .collect();
    assert_eq!(lines, [3, 4, 5]);
    assert_eq!(got.articles[1].origin.line, 6);
}

#[test]
fn strict_mode_stops_at_first_bad_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.jsonl", b"{\"text\":\"ok\"}\n{oops\n");
    let config = IngestConfig {
        strict: true,
        ..IngestConfig::default()
    };
    let err = read_paths(&[path], config).unwrap_err();
    assert!(
        matches!(err, Error::Record { ref origin, .. } if origin.line == 2),
        "{err}"
    );
}

#[test]
fn duplicate_ids_are_fatal_and_name_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.jsonl", b"{\"id\":\"7\",\"text\":\"x\"}\n");
    let b = write(
        dir.path(),
        "b.jsonl",
        b"{\"id\":\"1\",\"text\":\"x\"}\n{\"id\":\"7\",\"text\":\"y\"}\n",
    );
    let err = read_paths(&[a.clone(), b.clone()], IngestConfig::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "duplicate article id '7' at {}:1 and {}:2",
            a.display(),
            b.display()
        )
    );
}

#[test]
fn directories_are_walked_sorted_and_txt_ids_are_relative() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "reuters/b.txt", b"Second body");
    write(
        dir.path(),
        "afp/a.txt",
        b"Source: AFP Paris\nTitle: Hello\n\nFirst body\n",
    );
    write(dir.path(), "notes.md", b"ignored");
    let got = read_paths(&[dir.path().to_path_buf()], IngestConfig::default()).unwrap();
    let summary: Vec<_> = got
        .articles
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.source.as_deref(),
                a.title.as_deref(),
                a.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "afp/a.txt",
                Some("AFP Paris"),
                Some("Hello"),
                "First body\n"
            ),
            ("reuters/b.txt", Some("reuters"), None, "Second body"),
        ]
    );
}

#[test]
fn csv_with_quoted_newlines_and_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.csv",
        b"id,text,extra\n1,\"two\nlines\",e1\n2,short\n3,fine,e3\n",
    );
    let got = read_paths(&[path], IngestConfig::default()).unwrap();
    assert_eq!(got.articles.len(), 2);
    assert_eq!(got.articles[0].text, "two\nlines");
    assert_eq!(
        got.articles[1].extra.get("extra"),
        Some(&Value::String("e3".into()))
    );
    assert_eq!(got.skipped.len(), 1);
    assert_eq!(
        got.skipped[0].to_string(),
        format!(
            "{}:4: CSV record has 2 fields, the header has 3",
            dir.path().join("a.csv").display()
        )
    );
}

#[test]
fn gzip_is_read_transparently() {
    let dir = tempfile::tempdir().unwrap();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(b"{\"id\":\"g\",\"text\":\"zipped\"}\n")
        .unwrap();
    let path = write(dir.path(), "a.jsonl.gz", &encoder.finish().unwrap());
    let got = read_paths(&[path], IngestConfig::default()).unwrap();
    assert_eq!(got.articles[0].text, "zipped");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.jsonl",
        b"{\"id\":\"u\",\"text\":\"caf\xe9\"}\n",
    );
    let got = read_paths(&[path], IngestConfig::default()).unwrap();
    assert_eq!(got.articles[0].text, "caf\u{fffd}");
    assert_eq!(got.warnings.len(), 1);
}

#[test]
fn missing_ids_are_derived_from_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.jsonl",
        b"{\"text\":\"a\"}\n{\"text\":null}\n",
    );
    let got = read_paths(std::slice::from_ref(&path), IngestConfig::default()).unwrap();
    assert_eq!(got.articles[1].id, format!("{}:2", path.display()));
    assert_eq!(got.empty_texts(), 1);
}

#[test]
fn errors_for_missing_unknown_and_empty_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.jsonl");
    let err = Inputs::resolve(std::slice::from_ref(&missing), IngestConfig::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: no such file or directory", missing.display())
    );
    let unknown = write(dir.path(), "x.pdf", b"");
    let err = Inputs::resolve(&[unknown], IngestConfig::default()).unwrap_err();
    assert!(matches!(err, Error::UnknownFormat { .. }));
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let err = Inputs::resolve(&[empty], IngestConfig::default()).unwrap_err();
    assert!(matches!(err, Error::EmptyDirectory { .. }));
}

/// Issue 14: a header block with a key other than the known four
/// (`Author:`) was not read as a header at all, and its lines went into the
/// text. Unknown keys are extra fields now; a block still needs one known
/// key, so a dateline paragraph is not taken for a header.
#[test]
fn txt_header_keys_beyond_the_known_ones_are_extra_fields() {
    /// Text, fields read from its header, body.
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: &[Case] = &[
        (
            "Source: AFP\nAuthor: Dana Whitfield\nTitle: Hello\nPublished: 2023-03-14 09:40\n\nBody\n",
            &[
                ("source", "AFP"),
                ("Author", "Dana Whitfield"),
                ("title", "Hello"),
            ],
            "Body\n",
        ),
        (
            "URL: https://example.org/a\nSection Name: World\n\nBody\n",
            &[("url", "https://example.org/a"), ("Section Name", "World")],
            "Body\n",
        ),
        // No known key: body text.
        ("Author: Dana\n\nBody\n", &[], "Author: Dana\n\nBody\n"),
        (
            "WASHINGTON: The president said so.\n\nMore.\n",
            &[],
            "WASHINGTON: The president said so.\n\nMore.\n",
        ),
        // Not key-shaped: body text.
        (
            "Source: AFP\nHe told the reporters: yes\n\nBody\n",
            &[],
            "Source: AFP\nHe told the reporters: yes\n\nBody\n",
        ),
    ];
    for (text, fields, body) in cases {
        let mut article = Article::default();
        let start = super::text::header_block(text, &mut article);
        assert_eq!(&text[start..], *body, "{text:?}");
        for (key, value) in *fields {
            let got = match *key {
                "source" => article.source.clone(),
                "title" => article.title.clone(),
                "url" => article.url.clone(),
                key => article
                    .extra
                    .get(key)
                    .and_then(|v| v.as_str())
                    .map(String::from),
            };
            assert_eq!(got.as_deref(), Some(*value), "{key} in {text:?}");
        }
        if fields.is_empty() {
            assert_eq!(article, Article::default(), "{text:?}");
        }
    }
}
