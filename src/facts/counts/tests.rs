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
    protesters: "Hundreds of protesters gathered in the square." => [c(People, 200, Some(999), "protesters")],
    deaths_noun: "The storm caused 14 deaths." => [c(Killed, 14, Some(14), "deaths")],
    hedged_more_than: "More than 300 people were injured." => [c(Injured, 300, None, "people")],
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
        c(Killed, 12, None, "people"), c(Injured, 24, Some(99), "people")],
    dotted_abbreviation_modifier: "Four U.S. service members were injured Monday." => [
        c(Injured, 4, Some(4), "U.S. service members")],
    singular_dies_after_shooting: "Boy, 16, dies after being accidentally shot." => [
        c(Killed, 1, ONE, "Boy")],
    // Coordinated names are one count of them all (GVA injured toll).
    named_pair_before_event: "Marta Olsen and Pieter Vogel were injured in the blast." => [
        c(Injured, 2, Some(2), "Marta Olsen and Pieter Vogel")],
    named_pair_after_event: "The driver fired twice, injuring Ada Brill and Tomas Reyes." => [
        c(Injured, 2, Some(2), "Ada Brill and Tomas Reyes")],
    named_list_with_ages: "Owen Hart, 41, and Lena Moss, 39, were killed in the crash." => [
        c(Killed, 2, Some(2), "Owen Hart, 41, and Lena Moss")],
    named_list_of_three: "Kai Turner, Rosa Lind and Ivan Petrov were arrested." => [
        c(Arrested, 3, Some(3), "Kai Turner, Rosa Lind and Ivan Petrov")],
    named_one_then_other_event: "Nora Beck was killed and Sam Iles was wounded." => [
        c(Killed, 1, ONE, "Nora Beck"), c(Injured, 1, ONE, "Sam Iles")],
    // Carried to hospital, however the hospital is named.
    conveyed_area_hospital: "Another man was taken to an area hospital after the shooting." => [
        c(Injured, 1, ONE, "Another man")],
    conveyed_named_hospital: "Two victims were transported to Lakeview Memorial Hospital." => [
        c(Injured, 2, Some(2), "victims")],
    conveyed_bare_number: "Nine people were shot. All nine were taken to Lakeview Memorial Hospital." => [
        c(Shot, 9, Some(9), "people"), c(Injured, 9, Some(9), "people")],
    hedge_lengthens_window: "Three hikers with the guide were said to have been rescued." => [
        c(Evacuated, 3, Some(3), "hikers")],
    included_compound_noun: "Four others were injured, including a police officer." => [
        c(Injured, 4, Some(4), "others"), c(Injured, 1, ONE, "police officer")],
    named_inverted_among: "Nine people were shot. Among those shot was Tomas Reyes, 19." => [
        c(Shot, 9, Some(9), "people"), c(Shot, 1, ONE, "Tomas Reyes")],
    named_inverted_also: "Also wounded was Ada Brill." => [c(Injured, 1, ONE, "Ada Brill")],
    // Person tracking: a surname alone names a person named before.
    surname_after_full_name: "Wilbur Thane, 48, was arrested on Friday. Police said Thane also was shot." => [
        c(Arrested, 1, ONE, "Wilbur Thane"), c(Shot, 1, ONE, "Thane")],
    surname_after_age_apposition: "Wilbur Thane, 48, fled the scene. Thane was later arrested." => [
        c(Arrested, 1, ONE, "Thane")],
    single_word_unknown: "Police said Thane also was shot." => [],
    personnel_with_organization: "Three officers with the Lakeview Police Department arrived within minutes." => [
        c(Personnel, 3, Some(3), "officers")],
    conveyed_not_police_station: "A woman was taken to the county police station." => [],
    named_taken_to_hospital_died: "Omar Feld was taken to a local hospital, where he died." => [
        c(Killed, 1, ONE, "Omar Feld")],
    named_not_a_clinic: "He was flown to Pine Valley Health Care and then to a hospital." => [],
    // An apposition between commas is no event of the name's: the verb
    // after it is.
    named_long_apposition: "Ada Brill, sister of the man killed by police, was arrested on Friday." => [
        c(Arrested, 1, ONE, "Ada Brill"), c(Killed, 1, ONE, "man")],
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
        [Some(Status::Remaining)]
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
    no_age_apposition_event: "John Smith, 33, was killed." => [c(Killed, 1, ONE, "John Smith")],
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
    manslaughter_singular: "Man charged with manslaughter for shooting friend" => [
        c(Arrested, 1, ONE, "Man"), c(Killed, 1, ONE, "friend")],
    hospital: "One person is dead and another person is in the hospital." => [
        c(Killed, 1, ONE, "person"), c(Injured, 1, ONE, "another person")],
    missing: "Twenty people remain missing after the flood." => [c(Missing, 20, Some(20), "people")],
    kidnapped: "Two aid workers were kidnapped near the border." => [c(Kidnapped, 2, Some(2), "aid workers")],
    evacuated: "About 3,000 residents were evacuated." => [c(Evacuated, 3000, Some(3000), "residents")],
    hostages: "Gunmen held 40 hostages." => [c(Kidnapped, 40, Some(40), "hostages")],
    troops_withdrawn: "The US will withdraw 2,500 troops from Afghanistan." => [
        c(Troops, 2500, Some(2500), "troops")],
    passengers: "The plane carried 150 passengers." => [c(People, 150, Some(150), "passengers")],
    no_relative_agent: "The black plainclothes officer who shot Keith Scott spoke." => [
        c(Shot, 1, ONE, "Keith Scott")],
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

/// A part whose kind is its parent's finds its group paragraphs before
/// ("all but five of the victims"), within ANAPHORA_SENTENCES sentences.
#[test]
fn part_finds_its_group_sentences_before() {
    let text = "Nine people were shot at the party on Saturday. Police closed the street. \
        Detectives interviewed witnesses. Officers searched the area. \
        By Monday all but five of the victims had been released from hospitals.";
    let parts: Vec<(FactKind, u64, bool)> = extract_all(text, None)
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Count(c) => Some((f.kind, c.value.min, c.subset.is_some())),
            _ => None,
        })
        .collect();
    assert_eq!(parts, [(Shot, 9, false), (Shot, 5, true)]);
    // "of them" points to what was just told, not paragraphs back: the
    // bullets are no people.
    let bullets = "Nine people were shot at the party on Saturday. Police closed the street. \
        Detectives interviewed witnesses. The autopsy found seven bullets, three of them from the rear.";
    assert!(counts(bullets).iter().all(|(_, min, _, _)| *min != 3));
    // Too far back: no parent, no part.
    let far = format!(
        "Nine people were shot. {} Five of them were released.",
        "Police searched the area. ".repeat(14)
    );
    assert!(counts(&far).iter().all(|(_, min, _, _)| *min != 5));
}

/// (value min, background) of every count in `text` published on `published`.
fn backgrounds(text: &str, published: &str) -> Vec<(u64, bool)> {
    extract_all(text, Some(published))
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Count(c) => Some((c.value.min, c.background)),
            _ => None,
        })
        .collect()
}

#[test]
fn counts_in_sentences_dated_long_before_publication_are_background() {
    let text = "Five people were killed on Tuesday. In April 2012, a quake killed 12 people.";
    assert_eq!(backgrounds(text, "2013-07-04"), [(5, false), (12, true)]);
    // A period that starts long ago runs up to now.
    let text = "Since 2011, 300 people have been displaced.";
    assert_eq!(backgrounds(text, "2013-07-04"), [(300, false)]);
}

// Paraphrases of the events, one family a block (invented sentences).
count_tests! {
    injured_treated_for_burns: "Nine firemen were treated for burns after the blaze." => [
        c(Injured, 9, Some(9), "firemen")],
    injured_light_injuries: "Four passengers suffered light injuries in the crash." => [
        c(Injured, 4, Some(4), "passengers")],
    injured_taken_to_hospital: "Six pupils were taken to hospital with breathing problems." => [
        c(Injured, 6, Some(6), "pupils")],
    injured_hospitalised: "Eleven workers were hospitalised overnight." => [
        c(Injured, 11, Some(11), "workers")],
    injured_observation: "Three children remain under observation." => [
        c(Injured, 3, Some(3), "children")],
    injured_fatally_is_killed: "The driver fled after fatally injuring a cyclist." => [
        c(Killed, 1, ONE, "cyclist")],
    killed_stabbed_to_death: "Two guards were stabbed to death at the gate." => [
        c(Killed, 2, Some(2), "guards")],
    killed_fell_to_their_deaths: "Two hikers have fallen to their deaths on the ridge." => [
        c(Killed, 2, Some(2), "hikers")],
    missing_unaccounted_for: "Fourteen fishermen are still unaccounted for." => [
        c(Missing, 14, Some(14), "fishermen")],
    missing_still_missing_words_between: "Seven miners are still officially listed as missing." => [
        c(Missing, 7, Some(7), "miners")],
    missing_trapped: "Around 30 miners are trapped underground." => [
        c(Missing, 30, Some(30), "miners")],
    arrested_in_custody: "Two teenagers are in custody after the robbery." => [
        c(Arrested, 2, Some(2), "teenagers")],
    arrested_charged: "Three men have been charged with arson." => [
        c(Arrested, 3, Some(3), "men")],
    arrested_indicted: "Five officials were indicted on Friday." => [
        c(Arrested, 5, Some(5), "officials")],
    arrested_captured: "Troops captured 12 militants near the pass." => [
        c(Arrested, 12, Some(12), "militants")],
    arrested_noun: "There were 46 arrests on Wednesday night." => [
        c(Arrested, 46, Some(46), "arrests")],
    evacuated_airlifted: "Twenty tourists were airlifted from the flooded valley." => [
        c(Evacuated, 20, Some(20), "tourists")],
    evacuated_rescued: "Three climbers were rescued after a night on the mountain." => [
        c(Evacuated, 3, Some(3), "climbers")],
    evacuated_relocated: "About 400 families were relocated to higher ground." => [
        c(Evacuated, 400, Some(400), "families")],
    evacuated_leave_homes: "Some 2,000 residents had to leave their homes." => [
        c(Evacuated, 2000, Some(2000), "residents")],
    displaced_homeless: "The quake left 5,000 people homeless." => [
        c(Displaced, 5000, Some(5000), "people")],
    displaced_fled_homes: "Thousands of villagers have fled their homes." => [
        c(Displaced, 2000, Some(9999), "villagers")],
    displaced_uprooted: "Hundreds of thousands of people have been uprooted by the fighting." => [
        c(Displaced, 200_000, Some(999_999), "people")],
    displaced_refugees: "More than 22,000 refugees crossed the border." => [
        c(Displaced, 22_000, None, "refugees")],
    displaced_demonym_refuge: "More than 30,000 Sudanese have found refuge in Ethiopia." => [
        c(Displaced, 30_000, None, "Sudanese")],
    displaced_tents: "About 800 families are living in tents." => [
        c(Displaced, 800, Some(800), "families")],
    displaced_not_a_fleeing_suspect: "The suspect fled the scene in a car." => [],
    displaced_not_sheltering_in_place: "Hundreds of students were sheltering in place." => [],
}

// Personnel and troops (invented sentences).
count_tests! {
    personnel_officers_arrived: "Three officers arrived and confronted the gunman." => [
        c(Personnel, 3, Some(3), "officers")],
    personnel_detectives_assigned: "Ten detectives have been assigned to the case." => [
        c(Personnel, 10, Some(10), "detectives")],
    personnel_aid_workers: "The agency has 40 aid workers in the camp." => [
        c(Personnel, 40, Some(40), "aid workers")],
    personnel_observers: "The mission sent 200 election observers." => [
        c(Personnel, 200, Some(200), "election observers")],
    personnel_firefighters_responding: "More than 60 firefighters were responding to the blaze." => [
        c(Personnel, 60, None, "firefighters")],
    troops_peacekeepers: "The UN has 3,000 peacekeepers in the region." => [
        c(Troops, 3000, Some(3000), "peacekeepers")],
    not_personnel_officers_without_status: "He was stopped by two officers in an unmarked car." => [],
    not_personnel_agents: "Two officers fatally shot the teenager." => [
        c(Killed, 1, ONE, "teenager")],
    not_personnel_speakers: "Two diplomats, who asked not to be named, said the talks had failed." => [],
    not_personnel_according_to: "According to three officials, the plan was dropped." => [],
}

// Not counts (invented sentences).
count_tests! {
    no_shot_falling_branch: "A hiker was struck by a falling branch." => [],
    no_shot_hit_and_run: "Police have a suspect in custody after a hit and run." => [
        c(Arrested, 1, ONE, "suspect")],
    no_zero_arrests: "No arrests have been made." => [],
    no_counterfactual: "There could have been five or six people dead that day." => [],
    no_mother_of_two: "A mother of two died in the crash." => [c(Killed, 1, ONE, "mother")],
    no_killed_and_injured_group: "The two victims killed and injured in the crossfire were bystanders." => [],
}

// Number forms (invented sentences).
count_tests! {
    tokenised_thousands: "The tsunami killed 230, 000 people." => [
        c(Killed, 230_000, Some(230_000), "people")],
    tokenised_decimal_is_no_count: "A 6. 1 - magnitude quake struck, and 12 people died." => [
        c(Killed, 12, Some(12), "people")],
    half_a_million_displaced: "Half a million people have been displaced." => [
        c(Displaced, 500_000, Some(500_000), "people")],
    three_dozen_injured: "Three dozen protesters were injured." => [
        c(Injured, 36, Some(36), "protesters")],
    scores_injured: "Scores of people were injured." => [c(Injured, 40, Some(199), "people")],
    some_twelve_thousand: "Some twelve thousand people were evacuated." => [
        c(Evacuated, 12_000, Some(12_000), "people")],
    as_many_as: "As many as 30 people were killed." => [c(Killed, 27, Some(30), "people")],
    between_range: "Between 30 and 40 people were killed." => [c(Killed, 30, Some(40), "people")],
    thousands_fled: "Thousands of people fled." => [c(Displaced, 2000, Some(9999), "people")],
    ecb_age_is_a_noun: "A 19 - year - old died in hospital." => [c(Killed, 1, ONE, "19 - year - old")],
}

/// (kind, min, max, part of the parent if a subset, superseded) of every
/// count in `text`: how a count is linked to the others.
type Linked = (FactKind, u64, Option<u64>, Option<String>, bool);

fn linked(text: &str) -> Vec<Linked> {
    extract_all(text, None)
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Count(c) => Some((
                f.kind,
                c.value.min,
                c.value.max,
                c.subset.map(|s| s.part),
                c.superseded,
            )),
            _ => None,
        })
        .collect()
}

fn l(kind: FactKind, n: u64, part: Option<&str>, superseded: bool) -> Linked {
    (kind, n, Some(n), part.map(str::to_string), superseded)
}

macro_rules! link_tests {
    ($($name:ident: $text:expr => [$($e:expr),* $(,)?],)*) => {$(
        #[test]
        fn $name() {
            let expected: Vec<Linked> = vec![$($e),*];
            assert_eq!(linked($text), expected, "{:?}", $text);
        }
    )*};
}

// Tolls as the complement of a change or reporting verb, partitive
// sub-counts, the "shot" group, superseded figures (invented sentences).
link_tests! {
    toll_rose_to: "The death toll rose to 40 on Sunday." => [l(Killed, 40, None, false)],
    toll_rose_from_to: "The death toll rose from 30 to 40 overnight." => [
        l(Killed, 30, None, true), l(Killed, 40, None, false)],
    toll_up_from: "The toll climbed to 40, up from 30 on Saturday." => [
        l(Killed, 40, None, false), l(Killed, 30, None, true)],
    toll_put_at: "Officials put the number of dead at 500." => [l(Killed, 500, None, false)],
    toll_arrests_stood_at: "The number of arrests stood at 90." => [l(Arrested, 90, None, false)],
    partitive_of_them: "Forty people were hurt, five of them critically." => [
        l(Injured, 40, None, false), l(Injured, 5, Some("critically"), false)],
    partitive_inclusion: "Twelve people died, including eight children." => [
        l(Killed, 12, None, false), l(Killed, 8, Some("children"), false)],
    partitive_n_of_the_m: "Three of the 20 wounded were children." => [
        l(Injured, 3, Some("children"), false), l(Injured, 20, None, false)],
    shot_group_two_fatally: "Ten people were shot, two of them fatally." => [
        l(Shot, 10, None, false), l(Killed, 2, Some("fatally"), false)],
    earlier_figure_superseded: "Police initially said two people were killed. The death toll later rose to four." => [
        l(Killed, 2, None, true), l(Killed, 4, None, false)],
}

// Bare numbers linked to a state through a copula or a place, hedged
// reports, the accused (invented sentences).
count_tests! {
    bare_remain_under_observation: "Seven people were hurt. Three remain under observation." => [
        c(Injured, 7, Some(7), "people"), c(Injured, 3, Some(3), "people")],
    bare_are_in_critical_condition: "Nine were wounded and two are in critical condition." => [
        c(Injured, 9, Some(9), "people"), c(Injured, 2, Some(2), "people")],
    bare_taken_to_hospital: "Twelve were taken to hospital." => [c(Injured, 12, Some(12), "people")],
    taken_for_treatment: "Six workers were taken to Mercy Medical Center for treatment." => [
        c(Injured, 6, Some(6), "workers")],
    vague_bare_more: "The blast killed five people, injuring dozens more." => [
        c(Killed, 5, Some(5), "people"), c(Injured, 24, Some(99), "people")],
    vague_bare_across: "The storm killed two people, injuring scores across the county." => [
        c(Killed, 2, Some(2), "people"), c(Injured, 40, Some(199), "people")],
    hedged_believed_arrested: "One man is believed to have been arrested." => [
        c(Arrested, 1, ONE, "man")],
    hedged_said_missing: "Four sailors are said to be missing." => [c(Missing, 4, Some(4), "sailors")],
    accused_of: "Two brothers accused of arson went on trial." => [
        c(Arrested, 2, Some(2), "brothers")],
    accused_not_without_of: "Two senators accused the minister." => [],
}

link_tests! {
    apposition_after_phrase: "Medics found six people with stab wounds, four inside the bar and two outside." => [
        l(Injured, 6, None, false), l(Injured, 4, Some("inside the bar"), false),
        l(Injured, 2, Some("outside"), false)],
    apposition_not_a_new_clause: "Medics found six people with stab wounds, two men were arrested." => [
        l(Injured, 6, None, false), l(Arrested, 2, None, false)],
}

count_tests! {
    clause_with_own_subject: "Three clerks were at the counter when he shot at the window." => [],
    clause_with_own_subject_passive: "Two men were outside when they were shot." => [
        c(Shot, 2, Some(2), "men")],
    clause_with_own_subject_victims_before: "He wounded two guards before he shot himself." => [
        c(Injured, 2, Some(2), "guards"), c(Shot, 1, ONE, "himself")],
}

// Coordination across a phrase, the verb of a coordinated singular, a
// number after a place word set off by a comma, a capitalized opener
// (invented sentences).
count_tests! {
    coordinated_more_after_phrase: "The flood killed 300 people in the valley and hundreds more in the hills." => [
        c(Killed, 300, Some(300), "people"), c(Killed, 200, Some(999), "people")],
    coordinated_after_singular_verb: "The gunman killed a guard, injuring a nurse and three others." => [
        c(Killed, 1, ONE, "guard"), c(Injured, 1, ONE, "nurse"), c(Injured, 3, Some(3), "others"),
        c(Injured, 4, Some(4), "a nurse and three others")],
    district_then_comma: "In the border district, 14 people were killed." => [
        c(Killed, 14, Some(14), "people")],
    district_number_is_a_name: "He lives in District 9 with his family." => [],
    capitalized_opener_is_no_name: "In Rivertown, six people were injured." => [
        c(Injured, 6, Some(6), "people")],
}

count_tests! {
    capitalized_number_is_no_name: "Four American sailors were wounded on Monday." => [
        c(Injured, 4, Some(4), "American sailors")],
}
