//! Tests of the whole stories stage: the hand-written look-alike fixtures
//! (`fixtures/stories/lookalikes`, gold in its `stories.tsv`), determinism,
//! copy groups, the JSONL records, and a smoke test on BASIL when the shared
//! corpora are present.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::*;
use crate::evaluate;

fn read_articles(path: &Path) -> Vec<Article> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            Article {
                id: s("id").unwrap(),
                source: s("source"),
                published: s("published"),
                title: s("title"),
                text: s("text").unwrap_or_default(),
                url: s("url"),
                ..Article::default()
            }
        })
        .collect()
}

fn read_gold(path: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stories/lookalikes")
}

fn fixture() -> Vec<Article> {
    read_articles(&fixture_dir().join("articles.jsonl"))
}

fn singletons(n: usize) -> Vec<u32> {
    (0..n as u32).collect()
}

/// The predicted grouping as sorted lists of article ids.
fn grouping(articles: &[Article], result: &Stories) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = result
        .stories
        .iter()
        .map(|s| {
            let mut ids: Vec<String> = s
                .groups
                .iter()
                .flatten()
                .map(|&i| articles[i].id.clone())
                .collect();
            ids.sort();
            ids
        })
        .collect();
    out.sort();
    out
}

#[test]
fn parse_day_counts_from_epoch() {
    assert_eq!(parse_day("1970-01-01"), Some(0));
    assert_eq!(parse_day("2016-03-01T10:00:00Z"), Some(16861));
    assert_eq!(parse_day("2016-02-29"), Some(16860));
    assert_eq!(parse_day("March 1"), None);
    assert_eq!(parse_day("2016-13-01"), None);
}

/// Seven stories: three multi-source events, each with a look-alike of the
/// same kind (another shooting in the same city, another earthquake,
/// another celebrity in rehab), plus a fire; three pages of one site are
/// wrapped in the same cookie banner, menu and newsletter furniture.
#[test]
fn fixtures_group_exactly_as_gold() {
    let articles = fixture();
    let result = stories(
        &articles,
        &singletons(articles.len()),
        &StoriesConfig::default(),
    );
    let gold = read_gold(&fixture_dir().join("stories.tsv"));
    let mut expected: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (id, story) in &gold {
        expected.entry(story.as_str()).or_default().push(id.clone());
    }
    let mut expected: Vec<Vec<String>> = expected.into_values().collect();
    expected.iter_mut().for_each(|v| v.sort());
    expected.sort();
    assert_eq!(grouping(&articles, &result), expected);
    // Every article is in exactly one story.
    let total: usize = result
        .stories
        .iter()
        .map(|s| s.groups.iter().map(Vec::len).sum::<usize>())
        .sum();
    assert_eq!(total, articles.len());
    for (i, &s) in result.story_of.iter().enumerate() {
        assert!(result.stories[s].groups.iter().flatten().any(|&j| j == i));
    }
}

/// The wrapped pages share their furniture; it is detected from repetition
/// and their stories stay apart. With detection switched off (thresholds
/// out of reach) the shared furniture is what links them.
#[test]
fn furniture_does_not_make_pages_alike() {
    let articles = fixture();
    let wrapped: Vec<usize> = articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.source.as_deref() == Some("dailyherald.example"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(wrapped.len(), 3);
    let groups = singletons(articles.len());
    let on = stories(&articles, &groups, &StoriesConfig::default());
    assert!(on.stats.furniture_lines > 0);
    let stories_of: std::collections::BTreeSet<usize> =
        wrapped.iter().map(|&i| on.story_of[i]).collect();
    assert_eq!(stories_of.len(), 3);
    // Labels drop the site-name title suffix, which is furniture too.
    assert!(on.stories.iter().all(|s| !s.label.contains("Daily Herald")));

    let off = StoriesConfig {
        furniture_per_source: u32::MAX,
        furniture_global: u32::MAX,
        ..StoriesConfig::default()
    };
    let off = stories(&articles, &groups, &off);
    assert_eq!(off.stats.furniture_lines, 0);
    let linked = |r: &Stories| {
        wrapped
            .iter()
            .flat_map(|&a| wrapped.iter().map(move |&b| (a, b)))
            .filter(|&(a, b)| a < b && r.story_of[a] == r.story_of[b])
            .count()
    };
    assert_eq!(linked(&on), 0);
    assert!(
        linked(&off) > 0,
        "furniture alone should link the pages when not removed"
    );
}

/// Members of a copy group under one title (or none) stay together; members
/// under different titles are grouped by what they say, so a copy group of
/// unrelated reports (scraped pages sharing one boilerplate text under
/// different headlines) does not glue their stories together.
#[test]
fn copy_groups_split_only_by_title() {
    let mut articles = fixture();
    let mut groups = singletons(articles.len());
    // Pretend the fire report and a shooting report were one copy group.
    let fire = articles.iter().position(|a| a.id == "fire-1").unwrap();
    let elm = articles.iter().position(|a| a.id == "elm-1").unwrap();
    groups[elm] = groups[fire];
    assert_ne!(articles[fire].title, articles[elm].title);
    let result = stories(&articles, &groups, &StoriesConfig::default());
    assert_ne!(result.story_of[fire], result.story_of[elm]);
    assert_eq!(result.stats.copy_groups, articles.len() - 1);

    // A reprint of the fire report under a new headline rejoins it by its text.
    let mut reprint = articles[fire].clone();
    reprint.id = "fire-1-reprint".into();
    reprint.title = Some("Blaze guts warehouse, crews battle flames for hours".into());
    let mut with_reprint = articles.clone();
    with_reprint.push(reprint);
    let mut reprint_groups = singletons(articles.len());
    reprint_groups.push(reprint_groups[fire]);
    let result = stories(&with_reprint, &reprint_groups, &StoriesConfig::default());
    assert_eq!(result.story_of[fire], result.story_of[articles.len()]);

    // Under one title they are one unit, never split.
    articles[elm].title = articles[fire].title.clone();
    let result = stories(&articles, &groups, &StoriesConfig::default());
    assert_eq!(result.story_of[fire], result.story_of[elm]);
    let story = &result.stories[result.story_of[fire]];
    assert!(
        story
            .groups
            .iter()
            .any(|g| g.contains(&fire) && g.contains(&elm))
    );
}

#[test]
fn same_result_on_one_and_two_threads() {
    let articles = fixture();
    let groups = singletons(articles.len());
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| stories(&articles, &groups, &StoriesConfig::default()))
    };
    assert_eq!(run(1), run(2));
}

#[test]
fn stories_carry_label_terms_dates_and_confidence() {
    let articles = fixture();
    let result = stories(
        &articles,
        &singletons(articles.len()),
        &StoriesConfig::default(),
    );
    let quake =
        &result.stories[result.story_of[articles.iter().position(|a| a.id == "quake-1").unwrap()]];
    assert_eq!(quake.first_published.as_deref(), Some("2024-02-12"));
    assert_eq!(quake.last_published.as_deref(), Some("2024-02-13"));
    assert_eq!(quake.sources.len(), 3);
    assert!(
        quake.terms.iter().any(|t| t.contains("kelso")),
        "{:?}",
        quake.terms
    );
    assert!(quake.label.contains("Kelso Bay"), "{}", quake.label);
    assert!(quake.id.starts_with("st-") && quake.id.len() == 19);
    for s in &result.stories {
        assert!((0.0..=1.0).contains(&s.confidence), "{}", s.confidence);
    }
}

/// Every output line is an envelope with exactly the documented fields.
#[test]
fn jsonl_records_follow_the_schema() {
    let articles = fixture();
    let groups = singletons(articles.len());
    let result = stories(&articles, &groups, &StoriesConfig::default());
    let mut out = Vec::new();
    write_jsonl(&result, &articles, &groups, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut kinds = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let obj = v.as_object().unwrap();
        assert_eq!(obj.len(), 2);
        let kind = obj["type"].as_str().unwrap();
        let mut fields: Vec<&str> = obj["data"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort();
        let expected: &[&str] = match kind {
            "story" => &[
                "confidence",
                "first_published",
                "id",
                "label",
                "last_published",
                "members",
                "sources",
                "terms",
            ],
            "article" => &[
                "group",
                "id",
                "published",
                "published_inferred",
                "published_utc",
                "story",
            ],
            "summary" => &[
                "articles",
                "candidate_pairs",
                "copy_groups",
                "edges",
                "furniture_lines",
                "largest_story",
                "multi_article_stories",
                "stories",
            ],
            other => panic!("unknown record type {other}"),
        };
        assert_eq!(fields, expected);
        kinds.push(kind.to_string());
    }
    assert_eq!(kinds.iter().filter(|k| *k == "story").count(), 7);
    assert_eq!(
        kinds.iter().filter(|k| *k == "article").count(),
        articles.len()
    );
    assert_eq!(kinds.last().map(String::as_str), Some("summary"));
}

#[test]
fn empty_input_gives_no_stories() {
    let result = stories(&[], &[], &StoriesConfig::default());
    assert!(result.stories.is_empty() && result.story_of.is_empty());
}

/// Smoke test on BASIL (132 articles) when `../shared/data` is present.
#[test]
fn basil_smoke() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/basil");
    if !dir.join("articles.jsonl").exists() {
        eprintln!("note: {} not found, skipping", dir.display());
        return;
    }
    let articles = read_articles(&dir.join("articles.jsonl"));
    let gold = read_gold(&dir.join("stories.tsv"));
    let gold_of: Vec<&str> = articles.iter().map(|a| gold[&a.id].as_str()).collect();
    let result = stories(
        &articles,
        &singletons(articles.len()),
        &StoriesConfig::default(),
    );
    let ari = evaluate::adjusted_rand_index(&result.story_of, &gold_of);
    assert!(ari >= 0.95, "BASIL ARI {ari}");
}

fn dated(id: &str, source: &str, published: Option<&str>, text: &str) -> Article {
    let mut a = Article {
        id: id.into(),
        source: Some(source.into()),
        published: published.map(str::to_string),
        text: text.into(),
        ..Article::default()
    };
    crate::published::resolve(&mut a, crate::published::DateOrder::Unknown);
    a
}

/// One shooting's coverage over three months (the night, the arrest three
/// weeks later, the trial in June) stays one story: past the window, the
/// reports still share the victim, the suspect and the place. A look-alike
/// shooting in the same town a month later, with the same police
/// spokeswoman, stays apart: the town is no anchor (it is named all the
/// time) and the spokeswoman is an official.
#[test]
fn coverage_over_weeks_stays_together_and_a_lookalike_stays_apart() {
    let articles = [
        dated(
            "night-1",
            "harlow-post",
            Some("2024-03-02"),
            "Jamal Ortiz, 19, was shot and killed outside Dunmore Market on Keswick Avenue in \
             Harlow late Saturday, police said. Police spokeswoman Ana Pruitt said officers \
             found Ortiz on the sidewalk with a gunshot wound to the chest. No arrest was made.",
        ),
        dated(
            "night-2",
            "valley-news",
            Some("2024-03-03"),
            "Jamal Ortiz, 19, died after he was shot outside Dunmore Market on Keswick Avenue \
             in Harlow on Saturday night. Ana Pruitt, a police spokeswoman, said officers found \
             Ortiz on the sidewalk with a chest wound; the gunman fled on foot.",
        ),
        dated(
            "arrest",
            "harlow-post",
            Some("2024-03-25"),
            "Harlow police arrested Devon Marsh, 22, on a murder charge in the killing of Jamal \
             Ortiz outside Dunmore Market this month. Spokeswoman Ana Pruitt said Marsh was \
             found at a relative's home. Ortiz was shot on Keswick Avenue.",
        ),
        dated(
            "trial",
            "valley-news",
            Some("2024-06-10"),
            "The murder trial of Devon Marsh opened Monday in Harlow. Prosecutors say Marsh shot \
             Jamal Ortiz outside Dunmore Market on Keswick Avenue in March after an argument.",
        ),
        dated(
            "lookalike-1",
            "harlow-post",
            Some("2024-04-20"),
            "Luis Bennett, 24, was shot and killed outside Crestview Liquor on Rowan Street in \
             Harlow late Friday, police said. Police spokeswoman Ana Pruitt said officers found \
             Bennett in a parked car with a gunshot wound. No arrest was made.",
        ),
        dated(
            "lookalike-2",
            "valley-news",
            Some("2024-04-21"),
            "Luis Bennett, 24, died after he was shot outside Crestview Liquor on Rowan Street \
             in Harlow on Friday night. Ana Pruitt, a police spokeswoman, said officers found \
             Bennett in a parked car with a gunshot wound; the gunman drove off.",
        ),
    ];
    let result = stories(
        &articles,
        &singletons(articles.len()),
        &StoriesConfig::default(),
    );
    assert_eq!(
        grouping(&articles, &result),
        [
            vec!["arrest", "night-1", "night-2", "trial"],
            vec!["lookalike-1", "lookalike-2"]
        ]
    );
}

/// The seed reports (US forces and diplomats in Iraq) tell two events ten
/// months apart: the coalition's pull-back of January 2020 (dated by its
/// date line) and the embassy staff cut after the rocket attacks of
/// November (the text's dates, without a year). Alone, with no corpus to
/// say which names are rare, their shared names are the setting (Iraq,
/// Baghdad, Iran, Americans) and one person: two stories.
#[test]
fn the_seed_reports_are_two_stories() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            dated(&name, "seeds", None, &std::fs::read_to_string(p).unwrap())
        })
        .collect();
    assert_eq!(articles.len(), 2);
    let result = stories(&articles, &[0, 1], &StoriesConfig::default());
    assert_eq!(result.stories.len(), 2);
}
