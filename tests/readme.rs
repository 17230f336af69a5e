//! The README's quick start shows real output: every line of its abridged
//! `compare` listing is a line the command prints today.

use crate::util::{TestEnv, fixtures, stderr, stdout};

#[test]
fn readme_quick_start_output_is_what_compare_prints() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let command =
        "cargo run --release -- compare --format terminal fixtures/compare/articles.jsonl";
    assert!(readme.contains(command), "the quick start runs {command}");
    let start = readme.find("```text\n").expect("a text block") + "```text\n".len();
    let block = &readme[start..start + readme[start..].find("```").unwrap()];

    let env = TestEnv::new();
    let input = fixtures().join("compare/articles.jsonl");
    let out = env.run(&["compare", "--format", "terminal", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    let printed: Vec<&str> = printed.lines().collect();
    let shown: Vec<&str> = block
        .lines()
        .filter(|l| !l.trim().is_empty() && l.trim() != "…")
        .collect();
    assert!(shown.len() > 20, "the README shows a real listing");
    for line in shown {
        assert!(
            printed.contains(&line),
            "README line not printed by compare today:\n{line}\n\nprinted:\n{}",
            printed.join("\n")
        );
    }
}
