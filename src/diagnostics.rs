//! Warnings and skipped records on stderr (binary only). Every message is
//! sanitized like stdout (an id or a file name may hold an escape
//! sequence), and repeats are summarized: the first few records with each
//! kind of problem are reported one a line, the rest counted in one line at
//! the end. When records lack their text field, a hint names the fields
//! they do have and the `--field` mapping that would read them.

use std::collections::{BTreeMap, HashMap};

use wirediff::Error;
use wirediff::report::sanitize::for_terminal;

/// Records reported one a line for each kind of problem; the rest are
/// counted.
const SHOWN: usize = 3;

/// What was said about the input so far.
#[derive(Default)]
pub(crate) struct Diagnostics {
    /// Problems by kind (the message with its varying parts blanked), in
    /// the order first seen.
    kinds: Vec<Kind>,
    index: HashMap<String, usize>,
    missing_text: MissingText,
}

struct Kind {
    count: usize,
    /// The first record's problem, without its place.
    example: String,
}

/// The records without a text field: how many, and the fields they have.
#[derive(Default)]
struct MissingText {
    records: usize,
    field: String,
    /// Records having each field; the order fields were first seen.
    fields: BTreeMap<String, usize>,
    first_seen: Vec<String>,
    /// Records in which each field held the longest string.
    longest: BTreeMap<String, usize>,
}

impl Diagnostics {
    /// A warning that loses nothing (one per file at most): always shown.
    pub(crate) fn warning(&mut self, warning: &Error) {
        say("warning", &warning.to_string());
    }

    /// A record that was skipped.
    pub(crate) fn skipped(&mut self, problem: &Error) {
        let (what, key) = match problem {
            Error::Record { problem, .. } => (problem.clone(), blank_varying(problem)),
            Error::MissingText {
                field,
                present,
                longest,
                ..
            } => {
                let tally = &mut self.missing_text;
                tally.records += 1;
                tally.field.clone_from(field);
                for name in present {
                    let n = tally.fields.entry(name.clone()).or_default();
                    if *n == 0 {
                        tally.first_seen.push(name.clone());
                    }
                    *n += 1;
                }
                if let Some(name) = longest {
                    *tally.longest.entry(name.clone()).or_default() += 1;
                }
                let what = format!("missing field '{field}'");
                (what.clone(), what)
            }
            other => {
                let text = other.to_string();
                (text.clone(), blank_varying(&text))
            }
        };
        let at = *self.index.entry(key).or_insert_with(|| {
            self.kinds.push(Kind {
                count: 0,
                example: what,
            });
            self.kinds.len() - 1
        });
        self.kinds[at].count += 1;
        if self.kinds[at].count <= SHOWN {
            say("warning", &problem.to_string());
        }
    }

    /// Warnings and skipped records of a batch, in order.
    pub(crate) fn batch(&mut self, warnings: &[Error], skipped: &[Error]) {
        warnings.iter().for_each(|w| self.warning(w));
        skipped.iter().for_each(|s| self.skipped(s));
    }

    /// Counts the records not shown, and gives the `--field` hint when
    /// records lacked their text. `articles` is how many were read.
    pub(crate) fn finish(&self, articles: usize) {
        for kind in &self.kinds {
            if kind.count > SHOWN {
                let more = kind.count - SHOWN;
                let records = if more == 1 { "record" } else { "records" };
                say(
                    "warning",
                    &format!("{more} more {records} skipped: {}", kind.example),
                );
            }
        }
        let tally = &self.missing_text;
        if tally.records > SHOWN || (tally.records > 0 && articles == 0) {
            say("hint", &tally.hint());
        }
    }
}

impl MissingText {
    fn hint(&self) -> String {
        let mut names = self.first_seen.clone();
        names.sort_by_key(|name| std::cmp::Reverse(self.fields[name]));
        let all = |name: &String| self.fields[name] == self.records;
        let listed: Vec<String> = names
            .iter()
            .take(12)
            .map(|name| {
                if all(name) {
                    format!("'{name}'")
                } else {
                    format!("'{name}' ({} of them)", self.fields[name])
                }
            })
            .collect();
        let records = if self.records == 1 {
            "the record".to_string()
        } else {
            format!("the {} records", self.records)
        };
        let mut hint = if listed.is_empty() {
            format!("{records} without '{}' have no fields", self.field)
        } else {
            let more = names.len().saturating_sub(listed.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!(
                "{records} without '{}' have the fields {}{more}",
                self.field,
                listed.join(", ")
            )
        };
        let likeliest = self
            .longest
            .iter()
            .max_by_key(|&(name, n)| (n, std::cmp::Reverse(name)))
            .map(|(name, _)| name);
        match likeliest {
            Some(name) => hint.push_str(&format!(
                "; the longest strings are in '{name}': --field text={name} reads it as the text"
            )),
            None => hint.push_str("; --field text=NAME reads another field as the text"),
        }
        hint
    }
}

/// Prints `wirediff: <level>: <message>`, sanitized for the terminal.
pub(crate) fn say(level: &str, message: &str) {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("wirediff: {level}: {}", for_terminal(message));
    }
}

/// A problem's kind: its message with digits and quoted values blanked, so
/// "CSV record has 3 fields" and "… has 5 fields" count as one kind.
fn blank_varying(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            _ if quoted => {}
            c if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varying_parts_are_blanked() {
        assert_eq!(
            blank_varying("CSV record has 3 fields, the header has 12"),
            blank_varying("CSV record has 5 fields, the header has 2")
        );
        assert_eq!(
            blank_varying("duplicate article id 'a' (first at x.jsonl:3)"),
            "duplicate article id '' (first at x.jsonl:#)"
        );
    }

    #[test]
    fn the_hint_names_the_fields_and_the_longest() {
        let mut d = Diagnostics::default();
        for line in 1..=5 {
            d.skipped(&Error::MissingText {
                origin: wirediff::Origin {
                    path: "c.jsonl".into(),
                    line,
                    unit: Default::default(),
                },
                field: "text".into(),
                present: vec!["id".into(), "content".into(), "publisher".into()],
                longest: Some("content".into()),
            });
        }
        assert_eq!(d.kinds.len(), 1);
        assert_eq!(d.kinds[0].count, 5);
        assert_eq!(
            d.missing_text.hint(),
            "the 5 records without 'text' have the fields 'id', 'content', 'publisher'; \
             the longest strings are in 'content': --field text=content reads it as the text"
        );
    }
}
