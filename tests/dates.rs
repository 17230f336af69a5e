//! Publication dates end to end: any form of `published` compares as the
//! instant it names, in UTC; unreadable values are warnings; a date the
//! text states is used, marked as inferred, when a record has none.

use serde_json::{Value, json};

use crate::util::{TestEnv, stderr, stdout};

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

fn records(out: &std::process::Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// A toll that rose from 4 to 9 between a morning and an afternoon report
/// is an update. Written as "Mar 14, 2023 9:40 AM" and "Mar 14, 2023 4:15
/// PM", the later report sorts first as text, which made the rise a fall
/// and the fall a conflict.
#[test]
fn a_rising_toll_with_written_dates_is_an_update_not_a_conflict() {
    let env = TestEnv::new();
    let story = |id: &str, source: &str, published: &str, toll: &str| {
        json!({
            "id": id,
            "source": source,
            "published": published,
            "title": "Gas explosion destroys apartment block in Harwick",
            "text": format!(
                "{toll} people were killed when a gas explosion destroyed an apartment block in \
                 Harwick on Tuesday, the city's fire service said. Rescue crews searched the \
                 rubble of the four-storey building on Lindell Road through the day, and \
                 residents of nearby streets were moved to a school gym."
            ),
        })
    };
    let input = env.write(
        "toll.jsonl",
        jsonl(&[
            story("am", "Harwick Herald", "Mar 14, 2023 9:40 AM", "Four"),
            story("pm", "Valley Post", "Mar 14, 2023 4:15 PM", "Nine"),
        ]),
    );
    let out = env.run(&["compare", "--format", "jsonl", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = records(&out);
    let comparison = all
        .iter()
        .find(|r| r["type"] == "comparison")
        .expect("one compared story");
    let killed = comparison["data"]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "killed")
        .expect("a killed fact");
    // Before: conflict, consensus "4+" (most_conservative), first source
    // Valley Post.
    assert_eq!(killed["update"], true, "{killed:#}");
    assert_eq!(
        killed["consensus"],
        json!({"value": {"min": 9, "max": 9}, "range": {"min": 9, "max": 9}, "rule": "latest"})
    );
    assert_eq!(killed["first_source"], "Harwick Herald");
    assert_eq!(killed["first_published"], "2023-03-14T09:40:00Z");
    let reports = killed["reports"].as_array().unwrap();
    let pm = reports.iter().find(|r| r["article"] == "pm").unwrap();
    assert_eq!(pm["published"], "Mar 14, 2023 4:15 PM");
    assert_eq!(pm["published_utc"], "2023-03-14T16:15:00Z");
    assert_eq!(pm["published_inferred"], Value::Null);

    let out = env.run(&["compare", "--format", "terminal", input.to_str().unwrap()]);
    let printed = stdout(&out);
    assert!(printed.contains("  update: killed: people: Harwick Herald 4 (2023-03-14 09:40 UTC) → Valley Post 9 (16:15 UTC)"), "{printed}");
    assert!(!printed.contains("conflict:"), "{printed}");
}

/// "08:30+03:00" is 05:30 UTC, before "06:10Z", though it sorts after it
/// as text: the story's first publication is the second report.
#[test]
fn first_published_compares_instants_not_text() {
    let env = TestEnv::new();
    let text = "Ferry services to the outer islands were cancelled on Saturday as gusts of up \
                to 70 mph swept the coast, and the operator said it would review the forecast \
                at noon and hoped to restore sailings on Sunday.";
    let input = env.write(
        "ferry.jsonl",
        jsonl(&[
            json!({"id": "z", "source": "Coast Today", "published": "2024-11-02T06:10Z",
                   "title": "Ferries cancelled as gales hit the islands", "text": text}),
            json!({"id": "plus3", "source": "Island Radio", "published": "2024-11-02T08:30+03:00",
                   "title": "Ferries cancelled as gales hit the islands", "text": format!("{text} Buses will run instead.")}),
        ]),
    );
    let out = env.run(&["stories", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = records(&out);
    let story = all.iter().find(|r| r["type"] == "story").unwrap();
    assert_eq!(story["data"]["first_published"], "2024-11-02T05:30:00Z");
    assert_eq!(story["data"]["last_published"], "2024-11-02T06:10:00Z");

    let out = env.run(&["compare", "--format", "jsonl", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = records(&out);
    let comparison = all.iter().find(|r| r["type"] == "comparison").unwrap();
    let sources: Vec<&str> = comparison["data"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["Island Radio", "Coast Today"]);
}

/// Unreadable and ambiguous values are warnings naming the record; the
/// articles are kept with an unknown date, and the run succeeds.
#[test]
fn unreadable_published_is_a_warning_and_unknown() {
    let env = TestEnv::new();
    let input = env.write(
        "dates.jsonl",
        jsonl(&[
            json!({"id": "cut", "published": "2023-03-1\u{2026}", "text": "A short note."}),
            json!({"id": "both", "published": "03/04/2023", "text": "Another note."}),
            json!({"id": "fine", "published": "14/03/2023", "text": "A third note."}),
        ]),
    );
    let out = env.run(&["facts", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = input.display();
    assert_eq!(
        stderr(&out),
        format!(
            "wirediff: warning: {path}:1: published '2023-03-1\u{2026}' is not a date wirediff reads \
             (ISO 8601, RFC 2822, a written date such as 'Mar 14, 2023 9:40 AM', or unix seconds); \
             the date counts as unknown\n\
             wirediff: warning: {path}:2: published '03/04/2023' is ambiguous (2023-04-03 day first, \
             2023-03-04 month first; see --date-order); the date counts as unknown\n"
        )
    );
    let utc: Vec<Value> = records(&out)
        .iter()
        .filter(|r| r["type"] == "article")
        .map(|r| r["data"]["published_utc"].clone())
        .collect();
    assert_eq!(utc, [Value::Null, Value::Null, json!("2023-03-14")]);

    let out = env.run(&["facts", "--date-order", "mdy", input.to_str().unwrap()]);
    let both = records(&out)
        .into_iter()
        .find(|r| r["data"]["id"] == "both")
        .unwrap();
    assert_eq!(both["data"]["published_utc"], "2023-03-04");
}

/// A record without `published` gets the date its dateline states, with
/// the year from a dated mention, marked as inferred with its span.
#[test]
fn a_dateline_gives_an_inferred_date() {
    let env = TestEnv::new();
    let text = "KABUL, Jan 5 (Reuters) - A new road linking two northern provinces will open \
                next month, officials said. The last bridge was finished on Jan. 2, 2023.";
    let input = env.write("wire.jsonl", jsonl(&[json!({"id": "w", "text": text})]));
    let out = env.run(&["facts", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let article = &records(&out)[0]["data"];
    assert_eq!(article["published"], Value::Null);
    assert_eq!(article["published_utc"], "2023-01-05");
    let start = text.find("Jan 5").unwrap();
    assert_eq!(
        article["published_inferred"],
        json!({"rule": "date.dateline", "span": [start, start + 5]})
    );
}
