//! The two seed reports in `seeds/`, with every count, date and place pinned.
//! The expected lists were written by reading the reports; the extractor was
//! then made to match. Seed 000 carries its date in a `date 2020-01-04`
//! header, which is passed as `published`; seed 002 has no date, so its
//! dates stay year-less.

use wirediff::facts::{self, FactValue};

/// One line per fact: `C kind [min,max] counted status`, `D text -> date
/// precision` or `P text -> place`.
fn summary(text: &str, published: Option<&str>) -> Vec<String> {
    facts::extract(text, published)
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Count(c) => Some(format!(
                "C {:?} [{},{}] {} {}",
                f.kind,
                c.value.min,
                c.value.max.map_or("inf".to_string(), |m| m.to_string()),
                c.counted,
                c.status.map_or("-".to_string(), |s| format!("{s:?}"))
            )),
            FactValue::Date(d) => Some(format!("D {} -> {} {:?}", d.text, d.date, d.precision)),
            FactValue::Place(p) => Some(format!("P {} -> {}", p.text, p.place)),
            _ => None,
        })
        .collect()
}

fn check(got: Vec<String>, expected: &str) {
    let expected: Vec<String> = expected
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if got != expected {
        let (expected, got) = (expected.join("\n"), got.join("\n"));
        let diff = similar::TextDiff::from_lines(expected.as_str(), got.as_str())
            .unified_diff()
            .header("expected", "got")
            .to_string();
        panic!("seed facts differ:\n{diff}");
    }
}

#[test]
fn seed_000_us_embassy_urges_citizens_to_leave_iraq() {
    let text = include_str!("../seeds/000_fccc664dcbfa5c88.txt");
    // No counts of people: "American troops killed Iranian and Iraqi
    // commanders" has no number, and the named commander is not a count.
    check(
        summary(text, Some("2020-01-04")),
        "D 2020-01-04 -> 2020-01-04 Day;
         P United States -> United States; P Iraq -> Iraq;
         P US -> United States; P American -> United States; P Iranian -> Iran; P Iraqi -> Iraq;
         P US -> United States; P US -> United States; P US -> United States; P Iraqi -> Iraq;
         P Iran -> Iran; P US -> United States; P American -> United States; P Iran -> Iran;
         P US -> United States; P US -> United States; P Iraq -> Iraq; P US -> United States;
         P Iraq -> Iraq; P American -> United States; P Iraq -> Iraq;
         D January 3 -> 2020-01-03 Day;
         P US -> United States; P Iran -> Iran; P American -> United States; P Iran -> Iran;
         P American -> United States; P US -> United States; P Baghdad -> Baghdad;
         P Iran -> Iran; P American -> United States; P U.S -> United States; P Erbil -> Erbil;
         P American -> United States; P US -> United States; P American -> United States;
         P Iraq -> Iraq; P US -> United States; P Iraq -> Iraq; P U.S -> United States;
         P American -> United States;
         D January 2020 -> 2020-01 Month;
         P Iraq -> Iraq; P U.S -> United States",
    );
}

#[test]
fn seed_002_us_reduces_diplomatic_staff_in_iraq() {
    let text = include_str!("../seeds/002_2fe184f980613834.txt");
    check(
        summary(text, None),
        "P Iraq -> Iraq; P United States -> United States; P Iran -> Iran;
         P Middle East -> Middle East; P United States -> United States; P Iraq -> Iraq;
         P US -> United States; P Iraqi -> Iraq; P Mosul -> Mosul; P Iraq -> Iraq;
         P US -> United States; P Baghdad -> Baghdad; P US -> United States; P Iraqi -> Iraq;
         P US -> United States; P Iran -> Iran; P Washington -> Washington;
         P Iranian -> Iran; P Teheran -> Tehran; P Washington -> Washington; P Iranian -> Iran;
         P United States -> United States; P Baghdad -> Baghdad; P Iranian -> Iran;
         D mid-October -> --10 Month;
         D 17 November -> --11-17 Day;
         C Killed [1,1] young woman -;
         P Iraqi -> Iraq; P Washington -> Washington; P Iraqi -> Iraq;
         D October -> --10 Month;
         C Troops [3000,3000] American soldiers Deployed;
         P American -> United States; P Iraq -> Iraq; P Iran -> Iran; P US -> United States;
         P American -> United States; P Iraq -> Iraq; P Afghanistan -> Afghanistan;
         P Middle East -> Middle East; P Americans -> United States; P Iraqi -> Iraq;
         P Iraqi -> Iraq; P US -> United States;
         C Personnel [300,900] US diplomats Present;
         P US -> United States; P US -> United States; P Baghdad -> Baghdad",
    );
}
