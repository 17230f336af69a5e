//! Table tests of count extraction: what must and must not be counted.

use super::super::extract as extract_all;
use super::*;

/// (kind, min, max, counted) of every count in `text`.
fn counts(text: &str) -> Vec<(FactKind, u64, Option<u64>, String)> {
    extract_all(text, None)
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Count(c) => Some((f.kind, c.value.min, c.value.max, c.counted)),
            _ => None,
        })
        .collect()
}

fn c(
    kind: FactKind,
    min: u64,
    max: Option<u64>,
    counted: &str,
) -> (FactKind, u64, Option<u64>, String) {
    (kind, min, max, counted.to_string())
}

macro_rules! count_tests {
    ($($name:ident: $text:expr => [$($e:expr),* $(,)?],)*) => {$(
        #[test]
        fn $name() {
            let expected: Vec<(FactKind, u64, Option<u64>, String)> = vec![$($e),*];
            assert_eq!(counts($text), expected, "{:?}", $text);
        }
    )*};
}

use FactKind::*;
const ONE: Option<u64> = Some(1);

count_tests! {
    killed_at_least: "At least 12 people were killed." => [c(Killed, 12, None, "people")],
    shot_one_fatally: "Four people were shot, one fatally, at the park." => [
        c(Shot, 4, Some(4), "people"), c(Killed, 1, ONE, "people")],
    shot_dead: "A man was shot dead on Tuesday." => [c(Killed, 1, ONE, "man")],
    young_woman_killed: "The rockets killed a young woman." => [c(Killed, 1, ONE, "young woman")],
    verb_before: "The gunman opened fire, killing two people and injuring three others." => [
        c(Killed, 2, Some(2), "people"), c(Injured, 3, Some(3), "others")],
    headline: "4 Shot, 1 Killed in Stockton Park" => [
        c(Shot, 4, Some(4), "people"), c(Killed, 1, ONE, "people")],
    shot_and_wounded: "Two teens were shot and wounded late Friday." => [c(Injured, 2, Some(2), "teens")],
    fatally_shot: "Three men were fatally shot." => [c(Killed, 3, Some(3), "men")],
    troops_deployed: "Pompeo threatened to withdraw the 3,000 American soldiers still deployed in Iraq." => [
        c(Troops, 3000, Some(3000), "American soldiers")],
    personnel_present: "It did not say how many US diplomats, out of the several hundred present in the country, are leaving." => [
        c(Personnel, 300, Some(900), "US diplomats")],
    protesters: "Hundreds of protesters gathered in the square." => [c(People, 100, None, "protesters")],
    deaths_noun: "The storm caused 14 deaths." => [c(Killed, 14, Some(14), "deaths")],
    hedged_more_than: "More than 300 people were injured." => [c(Injured, 301, None, "people")],
    range_between: "Between 20 and 30 people are missing." => [c(Missing, 20, Some(30), "people")],
    arrested: "Police arrested five suspects." => [c(Arrested, 5, Some(5), "suspects")],
    critical: "Two victims are in critical condition." => [c(Injured, 2, Some(2), "victims")],
    coordinated: "2 men, 3 women shot in Baltimore" => [
        c(Shot, 2, Some(2), "men"), c(Shot, 5, Some(5), "men and women"), c(Shot, 3, Some(3), "women")],
    coordinated_and: "The gunman fired, injuring four men and two women." => [
        c(Injured, 4, Some(4), "men"), c(Injured, 2, Some(2), "women"), c(Injured, 6, Some(6), "men and women")],
    one_of_them: "Three people were shot and one of them died." => [
        c(Shot, 3, Some(3), "people"), c(Killed, 1, ONE, "people")],
    year_old_victim: "An 18-year-old was wounded in the shooting." => [c(Injured, 1, ONE, "18-year-old")],
    bare_number_before_attribution: "A car bomb exploded, killing 12 people and wounding 30, police said." => [
        c(Killed, 12, Some(12), "people"), c(Injured, 30, Some(30), "people")],
    vague_bare_number_with_event: "At least 12 people have been killed and dozens wounded in the attack." => [
        c(Killed, 12, None, "people"), c(Injured, 12, None, "people")],
    dotted_abbreviation_modifier: "Four U.S. service members were injured Monday." => [
        c(Injured, 4, Some(4), "U.S. service members")],
    singular_dies_after_shooting: "Boy, 16, dies after being accidentally shot." => [
        c(Killed, 1, ONE, "Boy")],
    singular_pronounced_dead: "The boy was rushed to the hospital, where he was pronounced dead." => [
        c(Killed, 1, ONE, "boy")],
    singular_mortally_wounded: "Officers found the victim mortally wounded." => [
        c(Killed, 1, ONE, "victim")],
    singular_wounded_survives: "The victim was wounded and taken to the hospital." => [
        c(Injured, 1, ONE, "victim")],
}

/// Status of forces and personnel counts, in text order.
fn statuses(text: &str) -> Vec<Option<Status>> {
    extract_all(text, None)
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Count(c) => Some(c.status),
            _ => None,
        })
        .collect()
}

#[test]
fn troop_status() {
    assert_eq!(
        statuses(
            "Pompeo threatened to withdraw the 3,000 American soldiers still deployed in Iraq."
        ),
        [Some(Status::Deployed)]
    );
    assert_eq!(
        statuses("The US will withdraw 2,500 troops from Afghanistan."),
        [Some(Status::Withdrawn)]
    );
    assert_eq!(
        statuses("About 5,000 troops are stationed in Iraq."),
        [Some(Status::Stationed)]
    );
    assert_eq!(
        statuses("Officials said 200 diplomats remain in Baghdad."),
        [Some(Status::Present)]
    );
}

#[test]
fn roundup_counts_are_aggregate() {
    let facts = extract_all("Six people were injured in two separate shootings.", None);
    assert!(matches!(&facts[0].value, FactValue::Count(c) if c.aggregate));
    let facts = extract_all("Six people were injured in a shooting.", None);
    assert!(matches!(&facts[0].value, FactValue::Count(c) if !c.aggregate));
}

count_tests! {
    no_age_hyphen: "A 33-year-old man appeared in court." => [],
    no_age_aged: "The suspect, aged 33, was arrested." => [],
    no_age_apposition: "Dustin Grey, 21 and Danny Scott, 18, went across." => [],
    no_age_apposition_event: "John Smith, 33, was killed." => [],
    no_year: "In 2014 the city saw violence." => [],
    no_decade: "In the 1990s crime fell." => [],
    no_money: "He paid $40 to the two men." => [],
    no_percent: "Crime fell 12% last year." => [],
    no_ordinal: "It was the 3rd shooting this year." => [],
    no_route: "The crash closed Route 40 for hours." => [],
    no_address: "Police were called to 1200 Main Street." => [],
    no_time: "It happened at 10:30 p.m. Monday." => [],
    no_page_report: "The 3,000-page report was released." => [],
    no_no_one: "No one was injured." => [],
    no_negated: "Two people were not injured." => [],
    no_days: "He died two days later." => [],
    no_hit_towns: "The storm hit two towns." => [],
    no_age_of: "Children under the age of 15 died from gunfire." => [],
    no_rounds: "The suspects shot more than 20 rounds at the car." => [],
    no_minutes: "Three others arrived with gunshot wounds about 15 minutes later." => [
        c(Injured, 3, Some(3), "others")],
    coordinated_singulars: "4-year-old boy, woman shot in Woodlawn" => [c(Shot, 2, Some(2), "4-year-old boy, woman")],
    coordinated_and_singulars: "Officer and suspect injured in shootout" => [
        c(Injured, 1, ONE, "Officer"), c(Injured, 2, Some(2), "Officer and suspect")],
    count_and_singular: "Two children and a woman were shot Sunday." => [
        c(Shot, 3, Some(3), "Two children and a woman"), c(Shot, 2, Some(2), "children"),
        c(Shot, 1, ONE, "woman")],
    singular_and_count: "Woman, 3 teenage daughters shot in Nashville" => [
        c(Shot, 4, Some(4), "Woman, 3 teenage daughters"), c(Shot, 3, Some(3), "teenage daughters")],
    singular_dead: "Police: Teen dead after being shot by father" => [c(Killed, 1, ONE, "Teen")],
    participle_agent: "Gunman fires on family, killing mom and grandmother" => [
        c(Killed, 2, Some(2), "mom"), c(Killed, 2, Some(2), "mom and grandmother")],
    stray_bullet: "Stray bullet hits 11-year-old girl in West Palm Beach" => [c(Shot, 1, ONE, "11-year-old girl")],
    object_list: "Police: Man kills woman, her son, himself in Las Vegas" => [
        c(Killed, 3, Some(3), "woman")],
    ordinal_victim: "A third person has died after the shooting." => [c(Killed, 3, Some(3), "third person")],
    ordinal_in_a_told_list: "The fifth man was pronounced dead at the hospital." => [c(Killed, 1, Some(1), "fifth man")],
    verb_count_and_singular: "a shooting that injured three adults and an 11-year-old child." => [
        c(Injured, 3, Some(3), "adults"), c(Injured, 4, Some(4), "three adults and an 11-year-old child")],
    object_list_modifiers: "They are accused of shooting a 7-year-old and her 33-year old father." => [
        c(Shot, 2, Some(2), "7-year-old")],
    shot_and_killed_object: "After a toddler accidentally shot and killed his sister, the family grieves." => [
        c(Killed, 1, ONE, "sister")],
    manslaughter_singular: "Man charged with manslaughter for shooting friend" => [c(Killed, 1, ONE, "friend")],
    hospital: "One person is dead and another person is in the hospital." => [
        c(Killed, 1, ONE, "person"), c(Injured, 1, ONE, "another person")],
    missing: "Twenty people remain missing after the flood." => [c(Missing, 20, Some(20), "people")],
    kidnapped: "Two aid workers were kidnapped near the border." => [c(Kidnapped, 2, Some(2), "aid workers")],
    evacuated: "About 3,000 residents were evacuated." => [c(Evacuated, 3000, Some(3000), "residents")],
    hostages: "Gunmen held 40 hostages." => [c(Kidnapped, 40, Some(40), "hostages")],
    troops_withdrawn: "The US will withdraw 2,500 troops from Afghanistan." => [
        c(Troops, 2500, Some(2500), "troops")],
    passengers: "The plane carried 150 passengers." => [c(People, 150, Some(150), "passengers")],
    no_relative_agent: "The black plainclothes officer who shot Keith Scott spoke." => [],
    relative_victim: "A man who died at the scene was identified." => [c(Killed, 1, ONE, "man")],
    no_critical_of: "Davis, who was estranged from her father, was critical of the candidates." => [],
    no_adjective_demonym: "Wall Street does more to hurt the American economy." => [],
    no_complement_event: "The mother of Sean Smith, who died in Benghazi, spoke." => [],
    reflexive: "Man accidentally shoots himself while cleaning gun" => [
        c(Shot, 1, ONE, "Man"), c(Shot, 1, ONE, "himself")],
    reflexive_without_noun: "Felon arrested after accidentally shooting himself" => [c(Shot, 1, ONE, "himself")],
    agent_not_victim: "A gunman killed six people." => [c(Killed, 6, Some(6), "people")],
    no_inclusion_sum: "Seven people, including the shooter, were killed." => [
        c(Killed, 7, Some(7), "people"), c(Killed, 1, ONE, "shooter")],
    no_sum_across_events: "Officers found two men dead and a woman and teenage girl wounded." => [
        c(Killed, 2, Some(2), "men dead"), c(Injured, 1, ONE, "woman"),
        c(Injured, 2, Some(2), "woman and teenage girl")],
    no_age_after_noun: "They found the girl and her father, 56, dead inside." => [],
    apposition: "Two victims, a 25-year-old man and a 26-year-old man, died at the scene." => [
        c(Killed, 2, Some(2), "victims"), c(Killed, 1, ONE, "25-year-old man"),
        c(Killed, 1, ONE, "26-year-old man")],
    apposition_singular: "The coroner says the daughter, 9-year-old Codie Powell, died." => [
        c(Killed, 1, ONE, "daughter, 9-year-old")],
    no_negated_singular: "No other student was injured in the ordeal." => [],
    no_plain_people: "Three people attended the meeting." => [],
}
