//! The HTML report of `wirediff compare` in a real headless browser
//! (Debian's `chromium`; `.ci/run` installs it, the test never installs
//! anything: without it the test says so and passes, unless
//! `WIREDIFF_REQUIRE_CHROMIUM` is set, as `.ci/run` sets it): the page is
//! self-contained, and after its script ran the fact matrix shows every
//! fact × source cell the JSON Lines output of the same corpus implies, with
//! its evidence, and a reprint's side-by-side diff shows exactly the removed
//! and added words. Screenshots go to `target/html-report/`.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use wirediff::compare::{agree, published_minutes, show_interval, show_published};
use wirediff::facts::Interval;

use crate::util::{TestEnv, fixtures, stderr, stdout};

/// The corpus the report is built from (a wire story and its reprints).
const CORPUS: &str = "compare/articles.jsonl";

/// Where chromium is expected (Debian's package).
const CHROMIUM: &str = "/usr/bin/chromium";

/// How long one chromium run may take before it is killed.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(60);

#[test]
fn html_report_renders_matrix_evidence_and_diff_in_chromium() {
    let env = TestEnv::new();
    let corpus = fixtures().join(CORPUS);
    let out = env.run(&[
        "compare",
        "--format",
        "jsonl",
        "--html",
        "report.html",
        corpus.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = env.path().join("report.html");
    let html = std::fs::read_to_string(&report).expect("the report was written");
    assert_self_contained(&html);

    // The story to look at: one with a reprint that both removed and added
    // words, the one with the most sources.
    let comparisons: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "comparison")
        .map(|r| r["data"].clone())
        .collect();
    let (story, reprint) = comparisons
        .iter()
        .filter_map(|c| {
            let reprint = c["wire"]
                .as_array()?
                .iter()
                .flat_map(|w| w["reprints"].as_array().unwrap())
                .find(|r| runs(r, "removed").count() > 0 && runs(r, "added").count() > 0)?;
            Some((c, reprint))
        })
        .max_by_key(|(c, _)| c["sources"].as_array().unwrap().len())
        .expect("the corpus has a story with a reprint that removed and added words");
    let id = story["story"].as_str().unwrap();

    let Some(browser) = chromium() else {
        return;
    };
    let url = format!("{}#story={}", file_url(&report), percent_encode(id));
    let dom = browser.dump_dom(&url);
    assert!(
        dom.contains(&format!("data-story=\"{id}\"")),
        "the script opened the story from the address"
    );
    assert_matrix(&dom, story);
    assert_diff(&dom, reprint);

    // A cell's evidence as a click shows it (the address can select a cell):
    // the sentence, with the fact's span marked, its rule and article.
    let (f, report) = story["facts"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .find_map(|(f, fact)| {
            let report = fact["reports"]
                .as_array()?
                .iter()
                .find(|r| r["value"].is_object())?;
            Some((f, report))
        })
        .expect("the story has a counted fact");
    let source = report["source"].as_str().unwrap();
    let dom = browser.dump_dom(&format!("{url}&fact={f}&source={}", percent_encode(source)));
    assert_evidence(
        &dom,
        report,
        &article_text(&corpus, report["article"].as_str().unwrap()),
    );

    // An update's values are listed in published order, with their times.
    let updated = comparisons
        .iter()
        .find_map(|c| {
            let fact = c["facts"]
                .as_array()?
                .iter()
                .find(|f| f["update"] == true)?;
            Some((c, fact))
        })
        .expect("the corpus has an update");
    let (story, fact) = updated;
    let dom = browser.dump_dom(&format!(
        "{}#story={}&section=conflicts",
        file_url(&env.path().join("report.html")),
        percent_encode(story["story"].as_str().unwrap())
    ));
    let label = fact["label"].as_str().unwrap();
    let row_start = dom
        .find(&format!("<td>{label} "))
        .unwrap_or_else(|| panic!("the update row of {label}"));
    let row = &dom[row_start..row_start + dom[row_start..].find("</tr>").unwrap()];
    let mut reports: Vec<&Value> = fact["reports"].as_array().unwrap().iter().collect();
    reports.sort_by_key(|r| published_minutes(r["published"].as_str()));
    let mut at = 0;
    for r in reports {
        let shown = format!(
            "{} <b>{}</b><span class=\"muted\"> ({})</span>",
            r["source"].as_str().unwrap(),
            stated(r).map(show_interval).unwrap(),
            show_published(r["published"].as_str())
        );
        let found = row[at..]
            .find(&shown)
            .unwrap_or_else(|| panic!("{shown} after byte {at} of the row {row}"));
        at += found + shown.len();
    }

    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is inside target/")
        .join("html-report");
    std::fs::create_dir_all(&shots).unwrap();
    for (name, address) in [
        ("story.png", url.clone()),
        ("diff.png", format!("{url}&section=copies")),
    ] {
        let png = shots.join(name);
        let _ = std::fs::remove_file(&png);
        browser.screenshot(&address, &png);
        assert_png(&png, 1280, 1600);
    }
}

/// The diff runs of a reprint with one tag.
fn runs<'a>(reprint: &'a Value, tag: &'a str) -> impl Iterator<Item = &'a str> {
    reprint["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(move |r| r["tag"] == tag)
        .map(|r| r["text"].as_str().unwrap())
}

/// A Content-Security-Policy that forbids fetching, and no address to fetch
/// outside the JSON data (where article text may mention one, inertly).
fn assert_self_contained(html: &str) {
    assert!(
        html.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        ),
        "the CSP meta element"
    );
    let mut markup = String::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script type=\"application/json\"") {
        let body = open + rest[open..].find('>').unwrap() + 1;
        markup.push_str(&rest[..body]);
        let close = body + rest[body..].find("</script>").expect("data block closed");
        assert!(
            !rest[body..close].contains('<'),
            "data blocks hold no raw '<'"
        );
        rest = &rest[close..];
    }
    markup.push_str(rest);
    for address in ["http://", "https://", "src=", "href=", "url(", "@import"] {
        assert!(
            !markup.contains(address),
            "'{address}' in the page's own markup"
        );
    }
}

/// Every fact × source cell shows what the JSON Lines say: `✓ value` for a
/// report that agrees, `≠ value` for one that disagrees, `↑ value` for an
/// earlier figure a later report raised, `—` for none, and
/// its tooltip holds the evidence sentence, the rule and the article.
fn assert_matrix(dom: &str, story: &Value) {
    let cells = elements(dom, "td", "cell");
    let sources = story["sources"].as_array().unwrap();
    let facts = story["facts"].as_array().unwrap();
    assert_eq!(
        cells.len(),
        sources.len() * facts.len(),
        "one cell per fact and source"
    );
    let mut values = 0;
    for (f, fact) in facts.iter().enumerate() {
        let reports = fact["reports"].as_array().unwrap();
        for source in sources {
            let name = source["source"].as_str().unwrap();
            let cell = cells
                .iter()
                .find(|c| {
                    c.attr("data-fact") == Some(&f.to_string())
                        && c.attr("data-source") == Some(name)
                })
                .unwrap_or_else(|| panic!("no cell for fact {f} and {name}"));
            let Some(report) = reports.iter().find(|r| r["source"] == name) else {
                assert_eq!(cell.text, "—", "fact {f} {name}");
                assert!(cell.attr("class").unwrap().contains("omitted"));
                continue;
            };
            let value = stated(report);
            let consensus = interval(&fact["consensus"]["value"]);
            let mark = match (value, consensus) {
                (Some(v), Some(c)) if fact["update"] == true => {
                    if agree(v, c) {
                        "✓"
                    } else {
                        "↑"
                    }
                }
                (Some(v), _) if fact["conflict"] == true => {
                    let disagrees = reports.iter().filter_map(stated).any(|o| !agree(v, o));
                    if disagrees { "≠" } else { "✓" }
                }
                _ => "✓",
            };
            let disagrees = mark != "✓";
            let shown = value.map(show_interval).unwrap_or_default();
            values += usize::from(!shown.is_empty());
            assert_eq!(
                cell.text,
                format!("{mark} {shown}").trim_end(),
                "fact {f} ({}) for {name}",
                fact["label"]
            );
            let class = cell.attr("class").unwrap();
            assert_eq!(
                class.contains("conflicting") || class.contains("update"),
                disagrees,
                "{class}"
            );
            assert_eq!(
                cell.attr("title").unwrap(),
                format!(
                    "{}\n\n{} · {}",
                    report["evidence"].as_str().unwrap(),
                    report["rule"].as_str().unwrap(),
                    report["article"].as_str().unwrap()
                ),
                "the tooltip carries the evidence"
            );
        }
    }
    assert!(values > 0, "the story has counted values to check");
}

/// The evidence panel shows the report's sentence with exactly its span
/// marked, and names the rule and the article.
fn assert_evidence(dom: &str, report: &Value, text: &str) {
    let start = dom
        .find("<div class=\"evidence\"")
        .expect("an evidence panel");
    let panel = &dom[start..start + dom[start..].find("</div>").unwrap()];
    let quote = elements(panel, "blockquote", "");
    assert_eq!(
        quote.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(),
        [report["evidence"].as_str().unwrap()],
        "the evidence sentence"
    );
    let span = report["span"].as_array().unwrap();
    let (from, to) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    let marked: Vec<String> = elements(panel, "mark", "")
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert_eq!(marked, [&text[from..to]], "the span is what is marked");
    for field in ["rule", "article"] {
        let value = report[field].as_str().unwrap();
        assert!(
            panel.contains(&format!(">{value}<")),
            "the panel names the {field} {value}"
        );
    }
}

/// The text of the corpus article with this id.
fn article_text(corpus: &Path, id: &str) -> String {
    std::fs::read_to_string(corpus)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|a| a["id"] == id)
        .and_then(|a| a["text"].as_str().map(str::to_string))
        .unwrap_or_else(|| panic!("article {id} in {}", corpus.display()))
}

fn interval(value: &Value) -> Option<Interval> {
    Some(Interval {
        min: value.get("min")?.as_u64()?,
        max: value["max"].as_u64(),
    })
}

/// The reprint's side-by-side diff shows its removed runs on the left and
/// its added runs on the right, verbatim.
fn assert_diff(dom: &str, reprint: &Value) {
    let article = reprint["article"].as_str().unwrap();
    let start = dom
        .find(&format!("data-article=\"{article}\""))
        .unwrap_or_else(|| panic!("a diff view for {article}"));
    let view = &dom[start..start + dom[start..].find("</details>").unwrap()];
    let table = &view[view.find("<table class=\"diff\"").expect("a diff table")..];
    let removed: Vec<String> = elements(table, "del", "removed")
        .into_iter()
        .map(|e| e.text)
        .collect();
    let added: Vec<String> = elements(table, "ins", "added")
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(removed, runs(reprint, "removed").collect::<Vec<_>>());
    assert_eq!(added, runs(reprint, "added").collect::<Vec<_>>());
    let first_kept = runs(reprint, "equal").next().unwrap();
    let first_words: String = first_kept
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    let same = elements(table, "tr", "same");
    assert!(
        same.iter().any(|row| row
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(&first_words)),
        "kept text '{first_words}' shown on both sides"
    );
}

/// An element of the serialized DOM: its attributes and its text (tags
/// inside dropped), both unescaped.
struct Element {
    attributes: Vec<(String, String)>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The `<tag class="class …">` elements of a serialized DOM (any `<tag`
/// when `class` is empty; not nested in each other).
fn elements(dom: &str, tag: &str, class: &str) -> Vec<Element> {
    let open = if class.is_empty() {
        format!("<{tag}")
    } else {
        format!("<{tag} class=\"{class}")
    };
    let close = format!("</{tag}>");
    let mut found = Vec::new();
    let mut rest = dom;
    while let Some(at) = rest.find(&open) {
        rest = &rest[at + 1 + tag.len()..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let name_end = rest.find(['=', '>', ' ']).unwrap();
            let name = rest[..name_end].to_string();
            rest = &rest[name_end..];
            let value = match rest.strip_prefix("=\"") {
                Some(quoted) => {
                    let end = quoted.find('"').unwrap();
                    rest = &quoted[end + 1..];
                    unescape(&quoted[..end])
                }
                None => String::new(),
            };
            attributes.push((name, value));
        }
        let end = rest.find(&close).unwrap();
        let mut text = String::new();
        let mut inner = &rest[..end];
        while let Some(lt) = inner.find('<') {
            text.push_str(&inner[..lt]);
            inner = &inner[lt + inner[lt..].find('>').unwrap() + 1..];
        }
        text.push_str(inner);
        found.push(Element {
            attributes,
            text: unescape(&text),
        });
        rest = &rest[end..];
    }
    found
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Checks a PNG file's signature and size, and that it is not trivially
/// small (an empty page compresses to a few kilobytes).
fn assert_png(path: &Path, width: u32, height: u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is a PNG",
        path.display()
    );
    let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (width, height), "{}", path.display());
    assert!(
        bytes.len() > 50_000,
        "{} has content ({} bytes)",
        path.display(),
        bytes.len()
    );
}

fn file_url(path: &Path) -> String {
    let absolute = path.canonicalize().unwrap();
    format!("file://{}", percent_encode(absolute.to_str().unwrap()))
}

/// Percent-encodes everything but unreserved characters and `/`.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Headless chromium, run with a fresh profile and a time limit.
struct Browser {
    program: PathBuf,
}

/// Finds chromium. Without it, the test is skipped with a message (`cargo
/// test` never installs packages), or fails when `WIREDIFF_REQUIRE_CHROMIUM`
/// is set (CI, whose `.ci/run` installs it, must not skip silently).
#[allow(clippy::print_stderr)] // the skip note, for whoever runs the tests
fn chromium() -> Option<Browser> {
    let program = PathBuf::from(CHROMIUM);
    if program.exists() {
        return Some(Browser { program });
    }
    let message = format!(
        "html_browser: skipped: this test needs {CHROMIUM} (Debian's chromium package; \
         `apt-get install chromium`, or run .ci/run, which installs it)"
    );
    if std::env::var_os("WIREDIFF_REQUIRE_CHROMIUM").is_some() {
        panic!("{message}, and WIREDIFF_REQUIRE_CHROMIUM is set");
    }
    eprintln!("{message}");
    None
}

impl Browser {
    /// The DOM after the page's scripts ran.
    fn dump_dom(&self, url: &str) -> String {
        let work = tempfile::tempdir().unwrap();
        let dom = work.path().join("dom.html");
        self.run(work.path(), &["--dump-dom", url], &dom);
        let text = std::fs::read_to_string(&dom).unwrap();
        assert!(
            text.contains("</html>"),
            "chromium printed the DOM:\n{text}"
        );
        text
    }

    /// A screenshot of the page at 1280 × 1600.
    fn screenshot(&self, url: &str, png: &Path) {
        let work = tempfile::tempdir().unwrap();
        let target = format!("--screenshot={}", png.display());
        self.run(
            work.path(),
            &[&target, "--window-size=1280,1600", url],
            &work.path().join("stdout"),
        );
    }

    /// Runs chromium with the common flags, a fresh profile in `work`, and
    /// `args`; stdout goes to `stdout`. Killed after [`BROWSER_TIMEOUT`].
    fn run(&self, work: &Path, args: &[&str], stdout: &Path) {
        let profile = work.join("profile");
        let log = work.join("stderr");
        let mut child = Command::new(&self.program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("--virtual-time-budget=10000")
            .args(args)
            .stdin(Stdio::null())
            .stdout(File::create(stdout).unwrap())
            .stderr(File::create(&log).unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", self.program.display()));
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > BROWSER_TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "chromium {args:?} did not finish in {BROWSER_TIMEOUT:?}:\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(
            status.success(),
            "chromium {args:?} failed ({status}):\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }
}

/// What a report states about the total, as the matrix shows it: one
/// person mentioned (rule `count.implicit_singular`) is "at least" its
/// value (`Report::stated`).
fn stated(report: &Value) -> Option<Interval> {
    let value = interval(&report["value"])?;
    Some(if report["rule"] == "count.implicit_singular" {
        Interval {
            min: value.min,
            max: None,
        }
    } else {
        value
    })
}
