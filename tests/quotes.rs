//! `wirediff quotes` end to end: one JSON line per quote, spans that slice
//! back to the texts, exit codes.

use serde_json::Value;

use crate::util::{TestEnv, stderr, stdout};

#[test]
fn quotes_lists_speaker_cue_and_content() {
    let env = TestEnv::new();
    env.write(
        "a.jsonl",
        concat!(
            r#"{"id":"a1","text":"\"We will stay,\" an Iraqi source told AFP, speaking anonymously. \"There is no break,\" the source added."}"#,
            "\n",
            r#"{"id":"a2","text":"No one was quoted here."}"#,
            "\n",
        ),
    );
    let out = env.run(&["quotes", "a.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(lines[0]["article"], "a1");
    assert_eq!(lines[0]["speaker_text"], "an Iraqi source");
    assert_eq!(lines[0]["content_text"], "\"We will stay,\"");
    let fact = &lines[0]["fact"];
    assert_eq!(fact["kind"], "quote");
    assert_eq!(fact["cue"], "told");
    assert_eq!(fact["direct"], true);
    assert_eq!(fact["speaker"]["anonymous"], true);
    assert_eq!(
        fact["speaker"]["description"],
        "an Iraqi source, speaking anonymously"
    );
    assert_eq!(lines[1]["speaker_text"], "the source");
    assert_eq!(lines[1]["fact"]["resolved_from"], fact["speaker_span"]);
}

#[test]
fn quotes_exits_1_when_a_record_is_skipped() {
    let env = TestEnv::new();
    env.write(
        "a.jsonl",
        "{\"id\":\"a1\",\"text\":\"Officials said the talks failed.\"}\nnot json\n",
    );
    let out = env.run(&["quotes", "a.jsonl"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("wirediff: warning:"));
    assert_eq!(stdout(&out).lines().count(), 1);
}
