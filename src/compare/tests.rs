//! Unit tests of the alignment, consensus, speaker and wire-copy rules.

use super::*;
use crate::facts::Count;

fn article(id: &str, source: &str, published: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        source: Some(source.into()),
        published: Some(published.into()),
        text: text.into(),
        ..Article::default()
    }
}

fn count(kind: FactKind, min: u64, max: Option<u64>, counted: &str, text: &str) -> Fact {
    Fact {
        kind,
        value: FactValue::Count(Count {
            value: Interval { min, max },
            counted: counted.into(),
            status: None,
            subset: None,
            aggregate: false,
            background: false,
            superseded: false,
        }),
        span: Span::new(0, text.len().min(5)),
        sentence: Span::new(0, text.len()),
        rule: "test",
    }
}

/// Members that are each their own copy group.
fn separate<'a>(list: &[(&'a Article, &'a [Fact])]) -> Vec<Member<'a>> {
    list.iter()
        .enumerate()
        .map(|(i, &(article, facts))| Member {
            article,
            facts,
            title_facts: &[],
            copy_group: i as u32,
            copy_origin: false,
        })
        .collect()
}

#[test]
fn counted_classes_align_synonyms_and_keep_police_apart() {
    assert_eq!(counted_class("American soldiers"), "troops");
    assert_eq!(counted_class("US forces"), "troops");
    assert_eq!(counted_class("troops"), "troops");
    assert_eq!(counted_class("civilians"), "people");
    assert_eq!(counted_class("a young woman"), "people");
    assert_eq!(counted_class("police officers"), "police");
    assert_eq!(counted_class("full-time lawmen"), "police");
    assert_eq!(counted_class("US diplomats"), "personnel");
    assert_eq!(counted_class("passengers"), "passenger");
    // A status or an age is no class of its own.
    assert_eq!(counted_class("dead"), "people");
    assert_eq!(counted_class("fatalities"), "people");
    assert_eq!(counted_class("males"), "people");
    assert_eq!(counted_class("a 22-year-old"), "people");
    assert_eq!(counted_class("a 17-year-old"), "children");
    assert_eq!(counted_class("a two-year-old"), "children");
    assert_eq!(counted_class("a 6-month-old"), "children");
    assert_eq!(counted_class("juveniles"), "children");
    // Tokenized text spaces its hyphens.
    assert_eq!(counted_class("a 16 - year - old"), "children");
    assert_eq!(counted_class("the 34 - year - old"), "people");
}

#[test]
fn speaker_keys_match_name_variants() {
    let named = |name: &str| Speaker {
        name: Some(name.into()),
        ..Speaker::default()
    };
    let a = speaker_key(&named("Mike Pompeo"));
    let b = speaker_key(&named("Pompeo"));
    let c = speaker_key(&named("Secretary of State Mike Pompeo"));
    assert!(same_person(&a, &b) && same_person(&a, &c));
    assert!(!same_person(&a, &speaker_key(&named("Mark Esper"))));
    let anon = |d: &str| Speaker {
        anonymous: true,
        description: Some(d.into()),
        ..Speaker::default()
    };
    assert_eq!(
        speaker_key(&anon("a US defence official")),
        "anon:us:official"
    );
    assert_eq!(speaker_key(&anon("the US official")), "anon:us:official");
    assert_eq!(
        speaker_key(&anon("an Iraqi source, speaking anonymously")),
        "anon:iraq:source"
    );
    assert_eq!(
        speaker_key(&anon("two Western diplomats")),
        "anon:western:diplomat"
    );
    // A hedge kept in the description does not change the key.
    for hedged in [
        "A US defence official, speaking on condition of anonymity",
        "A U.S. defense official, who spoke on condition of anonymity to discuss \
         details not yet made public",
    ] {
        assert_eq!(speaker_key(&anon(hedged)), "anon:us:official", "{hedged}");
    }
    // An Arabic article is dropped from a surname, a particle kept
    // inside the name does not stand for the first name.
    assert!(same_person(
        &speaker_key(&named("Walid al-Azzawi")),
        &speaker_key(&named("Azzawi"))
    ));
    assert!(same_person(
        &speaker_key(&named("Walid al-Azzawi")),
        &speaker_key(&named("al-Azzawi"))
    ));
    assert_eq!(
        speaker_key(&named("Mohammed bin Salman")),
        "person:salman:mohammed"
    );
}

#[test]
fn disjoint_tolls_conflict_and_rising_ones_are_updates() {
    let a = article("a", "A", "2020-01-01", "Twelve people were killed.");
    let b = article("b", "B", "2020-01-02", "Fifteen people were killed.");
    let c = article("c", "C", "2020-01-03", "Dozens of civilians were killed.");
    let fa = [count(FactKind::Killed, 12, Some(12), "people", &a.text)];
    let fb = [count(FactKind::Killed, 15, Some(15), "people", &b.text)];
    let fc = [count(FactKind::Killed, 12, None, "civilians", &c.text)];
    let cmp = compare(&separate(&[(&a, &fa), (&b, &fb), (&c, &fc)]));
    assert_eq!(cmp.facts.len(), 1);
    let fact = &cmp.facts[0];
    assert!(fact.conflict && fact.update);
    assert_eq!(cmp.conflicts, vec![0]);
    // The latest report (12+) agrees with both earlier ones, which
    // disagree with each other: its own value stands, read as 12.
    assert_eq!(
        fact.consensus,
        Some(Consensus {
            value: Interval {
                min: 12,
                max: Some(12)
            },
            range: Interval { min: 12, max: None },
            rule: "latest"
        })
    );
    assert_eq!(fact.first_source, "A");
}

#[test]
fn overlapping_values_agree_and_omissions_are_listed() {
    let a = article(
        "a",
        "A",
        "2020-01-01",
        "Dozens were hurt. 3,000 soldiers are deployed.",
    );
    let b = article(
        "b",
        "B",
        "2020-01-02",
        "At least 30 people were injured. 3,000 troops remain.",
    );
    let c = article("c", "C", "2020-01-03", "At least 20 were injured.");
    let fa = [
        count(FactKind::Injured, 12, None, "people", &a.text),
        count(FactKind::Troops, 3000, Some(3000), "soldiers", &a.text),
    ];
    let fb = [
        count(FactKind::Injured, 30, None, "people", &b.text),
        count(FactKind::Troops, 3000, Some(3000), "troops", &b.text),
    ];
    let fc = [count(FactKind::Injured, 20, None, "people", &c.text)];
    let cmp = compare(&separate(&[(&a, &fa), (&b, &fb), (&c, &fc)]));
    let labels: Vec<&str> = cmp.facts.iter().map(|f| f.label.as_str()).collect();
    // A class that is its kind is labelled by the kind alone.
    assert_eq!(labels, ["injured: people", "troops"]);
    assert!(!cmp.facts[0].conflict);
    // 30 and "at least 30" agree on 30; dozens is at least 12.
    let consensus = cmp.facts[0].consensus.unwrap();
    assert_eq!(consensus.range, Interval { min: 30, max: None });
    assert_eq!(
        consensus.value,
        Interval {
            min: 30,
            max: Some(30)
        }
    );
    assert_eq!(cmp.facts[1].omitted_by, ["C"]);
    assert_eq!(
        cmp.missing[2],
        Missing {
            source: "C".into(),
            facts: vec![1]
        }
    );
}

#[test]
fn reprint_diff_calls_out_changed_numbers() {
    let origin = article(
        "o",
        "AFP",
        "2020-01-01",
        "Rockets killed 5 people, \"a tragedy\" he said. More later.",
    );
    let copy = article(
        "c",
        "Star",
        "2020-01-02",
        "Rockets killed 6 people, \"a disaster\" he said.",
    );
    let members = [
        Member {
            article: &origin,
            facts: &[],
            title_facts: &[],
            copy_group: 3,
            copy_origin: false,
        },
        Member {
            article: &copy,
            facts: &[],
            title_facts: &[],
            copy_group: 3,
            copy_origin: false,
        },
    ];
    let cmp = compare(&members);
    let wire = &cmp.wire[0];
    assert_eq!(wire.origin, "o");
    let reprint = &wire.reprints[0];
    assert_eq!(
        reprint.changed_numbers,
        vec![("5".to_string(), "6".to_string())]
    );
    assert_eq!(reprint.changed_quotes.len(), 1);
    assert_eq!(reprint.removed_words, 2 + 2);
}

#[test]
fn credits_are_found() {
    let text = "BAGHDAD (AFP) - Officials told AFP on Monday. (With agency inputs)";
    let found: Vec<String> = credits(text).into_iter().map(|c| c.1).collect();
    assert_eq!(found, ["(AFP)", "told AFP", "(With agency inputs)"]);
}
/// Tolls of one fact at the given times: (source, published, min, max).
fn toll_fact(reports: &[(&str, &str, u64, Option<u64>)]) -> AlignedFact {
    let articles: Vec<Article> = reports
        .iter()
        .map(|&(source, published, _, _)| article(source, source, published, "Killed."))
        .collect();
    let facts: Vec<[Fact; 1]> = reports
        .iter()
        .zip(&articles)
        .map(|(&(_, _, min, max), a)| [count(FactKind::Killed, min, max, "people", &a.text)])
        .collect();
    let list: Vec<(&Article, &[Fact])> = articles
        .iter()
        .zip(&facts)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    compare(&separate(&list)).facts.remove(0)
}

#[test]
fn disjoint_tolls_in_the_same_hour_conflict_without_an_update() {
    let fact = toll_fact(&[
        ("A", "2023-03-14T09:40:00Z", 12, Some(12)),
        ("B", "2023-03-14T09:55:00Z", 15, Some(15)),
        ("C", "2023-03-14T11:30:00Z", 12, None),
    ]);
    assert!(fact.conflict && !fact.update);
    // 12 and "at least 12" are two of the three reports: the majority.
    assert_eq!(
        fact.consensus,
        Some(Consensus {
            value: Interval {
                min: 12,
                max: Some(12)
            },
            range: Interval {
                min: 12,
                max: Some(12)
            },
            rule: "majority"
        })
    );
    // Two against two: the lowest lower bound, ACLED's most conservative.
    let fact = toll_fact(&[
        ("A", "2023-03-14T09:40:00Z", 12, Some(12)),
        ("B", "2023-03-14T09:55:00Z", 15, Some(15)),
        ("C", "2023-03-14T10:30:00Z", 15, Some(15)),
        ("D", "2023-03-14T11:30:00Z", 12, Some(12)),
    ]);
    assert_eq!(
        fact.consensus.map(|c| (c.value.min, c.rule)),
        Some((12, "most_conservative"))
    );
}

#[test]
fn a_rising_lower_bound_is_an_update_even_when_values_agree() {
    // "At least three" in the morning (Texas time), seven in the evening.
    let fact = toll_fact(&[
        ("A", "2023-06-10T08:05:00-05:00", 3, None),
        ("B", "2023-06-10T19:45:00-05:00", 7, Some(7)),
        ("C", "2023-06-11T09:30:00+01:00", 7, Some(7)),
    ]);
    assert!(!fact.conflict && fact.update);
    assert_eq!(
        fact.consensus,
        Some(Consensus {
            value: Interval {
                min: 7,
                max: Some(7)
            },
            range: Interval {
                min: 7,
                max: Some(7)
            },
            rule: "latest"
        })
    );
    // A toll that falls later is a conflict, not an update.
    let fact = toll_fact(&[
        ("A", "2023-09-05T12:20:00Z", 5, Some(5)),
        ("B", "2023-09-05T17:30:00Z", 4, Some(4)),
    ]);
    assert!(fact.conflict && !fact.update);
}

#[test]
fn flagged_lists_conflicts_then_agreeing_updates() {
    let update = toll_fact(&[
        ("A", "2023-06-10T08:05:00-05:00", 3, None),
        ("B", "2023-06-10T19:45:00-05:00", 7, Some(7)),
    ]);
    let agreed = toll_fact(&[
        ("A", "2023-06-10T08:05:00Z", 7, Some(7)),
        ("B", "2023-06-10T08:10:00Z", 7, Some(7)),
    ]);
    let conflict = toll_fact(&[
        ("A", "2023-09-05T12:20:00Z", 5, Some(5)),
        ("B", "2023-09-05T17:30:00Z", 4, Some(4)),
    ]);
    assert!(!agreed.update && !agreed.conflict);
    let comparison = Comparison {
        sources: Vec::new(),
        facts: vec![update, agreed, conflict],
        missing: Vec::new(),
        conflicts: vec![2],
        wire: Vec::new(),
    };
    assert_eq!(comparison.flagged(), [2, 0]);
}

#[test]
fn published_times_are_minutes_in_utc() {
    let at = |p: &str| published_minutes(Some(p));
    assert_eq!(at("2023-06-10T19:45:00-05:00"), at("2023-06-11T00:45:00Z"));
    assert_eq!(at("2023-06-11T09:30:00+01:00"), at("2023-06-11 08:30"));
    let (start, end) = at("2023-06-11").unwrap();
    assert_eq!(end - start, 24 * 60 - 1);
    assert_eq!(at("June 11"), None);
    // Malformed: unknown, not a guess.
    assert_eq!(at("2023-06-11T9"), None);
    // Written forms and unix time are times too.
    assert_eq!(at("Jun 11, 2023 8:30 AM"), at("2023-06-11T08:30:00Z"));
    assert_eq!(at("1686472200"), at("2023-06-11T08:30:00Z"));
}

#[test]
fn counts_about_an_earlier_event_are_background_rows() {
    let text = "Seven people were killed. It recalls the deaths of 19 children in Uvalde in May 2022. About 2,000 troops have been there since 1984.";
    let a = article("a", "A", "2023-06-11", text);
    let facts = crate::facts::extract(text, Some("2023-06-11"));
    let members = [Member {
        article: &a,
        facts: &facts,
        title_facts: &[],
        copy_group: 0,
        copy_origin: false,
    }];
    let labels: Vec<String> = compare(&members)
        .facts
        .iter()
        .filter(|f| f.kind != FactKind::Quote)
        .map(|f| f.label.clone())
        .collect();
    assert_eq!(
        labels,
        ["killed: people", "troops", "killed: children (background)"]
    );
}

/// A count in the lead is the source's toll; a larger one further down
/// (another event, a total over several) does not replace it.
#[test]
fn a_source_reports_the_count_of_its_lead() {
    let lead = "A gunman killed six people near the campus on Friday. Police said he acted alone. \
                The victims were students. Officers searched his flat. Classes resumed on Monday. ";
    let text = format!("{lead}Six months earlier, a gunman killed 14 people at a cinema.");
    let a = article("a", "A", "2014-05-24", &text);
    let b = article(
        "b",
        "B",
        "2014-05-24",
        "Six people were killed near the campus, police said.",
    );
    let facts_a = crate::facts::extract(&a.text, None);
    let facts_b = crate::facts::extract(&b.text, None);
    let comparison = compare(&separate(&[(&a, &facts_a), (&b, &facts_b)]));
    let killed = comparison
        .facts
        .iter()
        .find(|f| f.label == "killed: people")
        .unwrap();
    let values: Vec<u64> = killed
        .reports
        .iter()
        .map(|r| r.value.unwrap().min)
        .collect();
    assert_eq!(values, [6, 6]);
    assert!(!killed.conflict);
}

#[test]
fn others_take_the_class_of_the_count_before_them() {
    let text = "Four soldiers were killed and two others wounded.";
    let a = article("a", "A", "2023-03-11", text);
    let facts = crate::facts::extract(text, None);
    let members = [Member {
        article: &a,
        facts: &facts,
        title_facts: &[],
        copy_group: 0,
        copy_origin: false,
    }];
    let labels: Vec<String> = compare(&members)
        .facts
        .iter()
        .map(|f| f.label.clone())
        .collect();
    assert_eq!(labels, ["killed: troops", "injured: troops"]);
    assert_eq!(counted_class("four American service members"), "troops");
}

#[test]
fn speaker_keys_skip_honorifics_and_articles_and_keep_descriptions_apart() {
    let named = |name: &str| Speaker {
        name: Some(name.into()),
        ..Speaker::default()
    };
    assert_eq!(speaker_key(&named("Mr Azzawi")), "person:azzawi");
    assert_eq!(
        speaker_key(&named("Walid al-Azzawi")),
        "person:azzawi:walid"
    );
    assert_eq!(
        speaker_key(&named("Brig. Gen. Mark Dalton")),
        "person:dalton:mark"
    );
    let anon = Speaker {
        anonymous: true,
        description: Some("A U.S. defense official, who spoke on condition of anonymity".into()),
        ..Speaker::default()
    };
    assert_eq!(speaker_key(&anon), "anon:us:official");
    let described = |d: &str| Speaker {
        description: Some(d.into()),
        ..Speaker::default()
    };
    assert_ne!(
        speaker_key(&described("a military statement")),
        speaker_key(&described("the Iraqi security media cell"))
    );
}

#[test]
fn reprint_diff_reads_number_words_and_changes_inside_quotations() {
    let origin = article(
        "o",
        "AFP",
        "2023-09-05T12:20:00Z",
        "A strike killed five people.\n\n\u{201c}We will not accept this,\u{201d} he said.\n\nMore later.",
    );
    let copy = article(
        "c",
        "Star",
        "2023-09-05T17:30:00Z",
        "A strike killed four people.\n\n\u{201c}We will never allow this,\u{201d} he said.\n\nMore later.",
    );
    let members = [
        Member {
            article: &origin,
            facts: &[],
            title_facts: &[],
            copy_group: 1,
            copy_origin: false,
        },
        Member {
            article: &copy,
            facts: &[],
            title_facts: &[],
            copy_group: 1,
            copy_origin: false,
        },
    ];
    let reprint = &compare(&members).wire[0].reprints[0];
    assert_eq!(
        reprint.changed_numbers,
        vec![("five".to_string(), "four".to_string())]
    );
    assert_eq!(
        reprint.changed_quotes,
        vec![(
            "We will not accept this,".to_string(),
            "We will never allow this,".to_string()
        )]
    );
    assert_eq!(
        (
            reprint.added_words,
            reprint.removed_words,
            reprint.kept_words
        ),
        (3, 3, 11)
    );
}
/// Kept words are a longest common subsequence of the word sequences:
/// whitespace never competes with words for the alignment.
#[test]
fn reprint_word_counts_are_a_longest_common_subsequence() {
    let origin = article(
        "o",
        "AFP",
        "2023-09-05",
        "will not accept that its territory becomes an arena",
    );
    let copy = article(
        "c",
        "Star",
        "2023-09-06",
        "will not allow its land to become an arena",
    );
    let members = [
        Member {
            article: &origin,
            facts: &[],
            title_facts: &[],
            copy_group: 1,
            copy_origin: false,
        },
        Member {
            article: &copy,
            facts: &[],
            title_facts: &[],
            copy_group: 1,
            copy_origin: false,
        },
    ];
    let reprint = &compare(&members).wire[0].reprints[0];
    // Common: will, not, its, an, arena.
    assert_eq!(
        (
            reprint.added_words,
            reprint.removed_words,
            reprint.kept_words
        ),
        (4, 4, 5)
    );
    let shown: String = reprint
        .diff
        .iter()
        .filter(|r| r.tag != "added")
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(shown, origin.text);
}
/// The first source of a fact is found over every report, in UTC; a
/// source's later article may supersede its value but not its time.
#[test]
fn first_source_is_the_earliest_report_in_utc() {
    let am = article(
        "a-am",
        "A",
        "2023-06-10T07:10:00-05:00",
        "At least three killed.",
    );
    let pm = article("a-pm", "A", "2023-06-10T20:10:00-05:00", "Seven killed.");
    let b = article("b", "B", "2023-06-10T12:05:00Z", "Seven killed.");
    let fa = [count(FactKind::Killed, 3, None, "people", &am.text)];
    let fp = [count(FactKind::Killed, 7, Some(7), "people", &pm.text)];
    let fb = [count(FactKind::Killed, 7, Some(7), "people", &b.text)];
    let cmp = compare(&separate(&[(&am, &fa), (&pm, &fp), (&b, &fb)]));
    let columns: Vec<&str> = cmp.sources.iter().map(|s| s.source.as_str()).collect();
    assert_eq!(columns, ["B", "A"]);
    assert_eq!(cmp.facts[0].first_source, "B");
    let a_report = cmp.facts[0]
        .reports
        .iter()
        .find(|r| r.source == "A")
        .unwrap();
    assert_eq!(a_report.article, "a-pm");
}

#[test]
fn a_speaker_has_one_label_whatever_form_a_report_wrote() {
    let texts = ["Police said the Times reported it. The police chief, Pentagon and FBI agreed."];
    let texts = speakers::TextWords::new(&texts);
    let label = |key: &str, forms: &[&str]| canonical_label(key, forms, &texts);
    // A person: the shortest form with a first name.
    assert_eq!(
        label(
            "person:pompeo:mike",
            &["Pompeo", "Secretary of State Mike Pompeo", "Mike Pompeo"]
        ),
        "Mike Pompeo"
    );
    assert_eq!(
        label("person:hamid", &["Mr Hamid", "Mr Hamid", "Hamid"]),
        "Mr Hamid"
    );
    // Anything else: the most frequent form, letter case aside; a common
    // noun or a determiner opening it in lower case.
    assert_eq!(
        label("org:police", &["Police", "police", "police"]),
        "police"
    );
    assert_eq!(label("org:police", &["Police"]), "police");
    assert_eq!(label("org:times", &["Times"]), "Times");
    assert_eq!(label("org:pentagon", &["Pentagon"]), "Pentagon");
    assert_eq!(
        label("described:the arrest report", &["The arrest report"]),
        "the arrest report"
    );
    assert_eq!(
        label(
            "anon:us:official",
            &[
                "A U.S. defense official, who spoke on condition of anonymity",
                "a US defence official, speaking on condition of anonymity",
                "a US defence official",
            ]
        ),
        "a US defence official"
    );
    assert_eq!(
        label("described:family members", &["FAMILY MEMBERS"]),
        "family members"
    );
    assert_eq!(label("org:fbi", &["FBI"]), "FBI");
    // A role or public body is no name even when the texts only start
    // sentences with it.
    assert_eq!(
        canonical_label(
            "org:sheriff",
            &["Sheriff"],
            &speakers::TextWords::new(&["Sheriff said so."])
        ),
        "sheriff"
    );
    assert_eq!(
        canonical_label(
            "described:officials",
            &["Officials"],
            &speakers::TextWords::new(&[""])
        ),
        "officials"
    );
    // A capital after a paragraph break is a sentence start, not a name.
    let paragraphs = ["He died in hospital\n\nPolice said the police had left."];
    assert_eq!(
        canonical_label(
            "org:police",
            &["Police"],
            &speakers::TextWords::new(&paragraphs)
        ),
        "police"
    );
}

#[test]
fn per_source_speakers_follow_the_aligned_speaker() {
    use crate::facts::Quote;
    use crate::facts::quotes::Attribution;
    let text = "\"It was loud,\" Mr Hamid said. \"We ran,\" Walid Hamid said. \"Stay away,\" Police said, and the police closed the road.";
    let quote = |speaker: Speaker| Fact {
        kind: FactKind::Quote,
        value: FactValue::Quote(Quote {
            attribution: Attribution::Speech,
            speaker,
            cue: "said".into(),
            direct: true,
            speaker_span: Span::new(0, 5),
            cue_span: Span::new(0, 5),
            content_span: Span::new(0, 5),
            resolved_from: None,
        }),
        span: Span::new(0, 5),
        sentence: Span::new(0, 10),
        rule: "test",
    };
    let named = |n: &str| Speaker {
        name: Some(n.into()),
        ..Speaker::default()
    };
    let org = |o: &str| Speaker {
        organization: Some(o.into()),
        ..Speaker::default()
    };
    let a = article("a", "BBC", "2023-03-14T10:00:00Z", text);
    let b = article("b", "AFP", "2023-03-14T11:00:00Z", text);
    let fa = [
        quote(named("Mr Hamid")),
        quote(named("Walid Hamid")),
        quote(org("Police")),
    ];
    let fb = [quote(org("police")), quote(org("Trump"))];
    let c = compare(&separate(&[(&a, &fa), (&b, &fb)]));
    let bbc = &c.sources[0];
    let labels: Vec<(&str, usize)> = bbc
        .speakers
        .iter()
        .map(|q| (q.label.as_str(), q.quotes))
        .collect();
    assert_eq!(labels, [("police", 1), ("Walid Hamid", 2)]);
    let rows: Vec<&str> = c.facts.iter().map(|f| f.label.as_str()).collect();
    assert!(rows.contains(&"quoted: police"), "{rows:?}");
    assert!(rows.contains(&"quoted: Walid Hamid"), "{rows:?}");
}

#[test]
fn one_person_mentioned_states_at_least_one() {
    let a = article("a", "A", "2023-03-14T10:00:00Z", "A 17-year-old was shot.");
    let b = article(
        "b",
        "B",
        "2023-03-14T10:05:00Z",
        "Four teenagers were shot.",
    );
    let mut singular = count(FactKind::Shot, 1, Some(1), "17-year-old", &a.text);
    singular.rule = "count.implicit_singular";
    let fa = [singular];
    let fb = [count(FactKind::Shot, 4, Some(4), "teenagers", &b.text)];
    let cmp = compare(&separate(&[(&a, &fa), (&b, &fb)]));
    assert_eq!(cmp.facts.len(), 1, "a 17-year-old is one of the children");
    let fact = &cmp.facts[0];
    // Nobody killed: people shot are people injured.
    assert_eq!(fact.label, "injured: children");
    assert_eq!(fact.reports[0].derived, Some(DERIVED_SHOT));
    assert!(
        !fact.conflict,
        "one teenager mentioned is not a toll of one"
    );
    assert_eq!(
        fact.reports[0].stated(),
        Some(Interval { min: 1, max: None })
    );
    assert_eq!(
        fact.reports[0].value,
        Some(Interval {
            min: 1,
            max: Some(1)
        })
    );
}

#[test]
fn a_middle_name_or_a_nickname_is_the_same_person() {
    let named = |n: &str| Speaker {
        name: Some(n.into()),
        ..Speaker::default()
    };
    let given = |names: &[&str]| -> BTreeMap<String, BTreeSet<String>> {
        let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for n in names {
            map.entry(speaker_key(&named(n)))
                .or_default()
                .extend(given_names(n));
        }
        map
    };
    let same = |a: &str, b: &str| {
        same_named_person(
            &speaker_key(&named(a)),
            &speaker_key(&named(b)),
            &given(&[a, b]),
        )
    };
    assert!(same("Hillary Rodham Clinton", "Hillary Clinton"));
    assert!(same("Sarah Huckabee Sanders", "Sarah Sanders"));
    assert!(same("Mike Thibodeau", "Michael Thibodeau"));
    assert!(same("Liz Cheney", "Elizabeth Cheney"));
    assert!(!same("Liz Cheney", "Mary Cheney"));
    assert!(!same("Bill Brown", "Jerry Brown"));
    assert!(!same("Hillary Clinton", "Bill Clinton"));
}

#[test]
fn wire_origin_is_the_one_dedup_chose() {
    // Published order alone would pick the earlier "a"; dedup's
    // origin rule (here: the text the other is contained in) chose "b".
    let a = article("a", "Star", "2020-01-01", "Rockets killed 5 people.");
    let b = article(
        "b",
        "AFP",
        "2020-01-02",
        "Rockets killed 5 people. Officials said more attacks were likely.",
    );
    let member = |article, copy_origin| Member {
        article,
        facts: &[],
        title_facts: &[],
        copy_group: 0,
        copy_origin,
    };
    let chosen = compare(&[member(&a, false), member(&b, true)]);
    assert_eq!(chosen.wire[0].origin, "b");
    assert_eq!(chosen.wire[0].reprints[0].article, "a");
    // Without dedup's choice among the members, the earliest is the origin.
    let fallback = compare(&[member(&a, false), member(&b, false)]);
    assert_eq!(fallback.wire[0].origin, "a");
}
