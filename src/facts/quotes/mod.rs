//! Who is quoted: direct and indirect attribution, with the speaker (a named
//! person, an organization or an anonymous source), the cue and the content.
//!
//! The extractor is rule-based and works on tokens (see `tokens`): it finds
//! cues (reporting verbs from `lexicon/quote_verbs.txt`, "according to",
//! participles such as ", saying"), then the source noun phrase to the left of
//! the cue (`X said`), after it (`"…," said X`, `according to X`) or across an
//! apposition (`X, the interior minister, said`), then the content: the
//! quotation or clause before the source (`"…," X said`, `…, X said`) or the
//! quotation or clause after the cue (`X said: "…"`, `X said (that) …`).
//!
//! Speakers are described ([`Speaker`]) and short or pronoun mentions ("he",
//! "Pompeo", "the source") are resolved to the last matching full mention in
//! the article ([`Quote::resolved_from`]); "he" and "she" also to a named
//! person opening an earlier sentence ("Mayor Anne Hidalgo visited the
//! site. \"…,\" she said"), never to one whose honorific, gendered title
//! or given name (`lexicon/speaker_{female,male}_names.txt`) shows the
//! other gender. A possessive naming a document or an office ("Reid's
//! statement said", "a statement from Reid's office") makes the possessor
//! the source; the outlet's own unnamed reporters and vague provenance
//! ("the information provided") are nobody.
//!
//! Wire copy: a headline line ("Iran says it will respond\nTEHRAN …") and a
//! dateline ("KABUL, Jan 5 (Reuters) -", "GAZA CITY (AP) —") end a segment
//! the rules treat as a sentence, so neither is read as content.
//!
//! Rule ids (the `rule` of each [`Fact`]):
//!
//! | rule | pattern |
//! |---|---|
//! | `quote.direct_x_said` | `"…," X said` |
//! | `quote.direct_said_x` | `"…," said X` |
//! | `quote.x_said_direct` | `X said: "…"`, `X said "…"`, `X said that "…".` |
//! | `quote.x_said_that` | `X said (on Tuesday) (that) …`, `X told AFP …` |
//! | `quote.indirect_x_said` | `…, X said` |
//! | `quote.indirect_said_x` | `…, said X` |
//! | `quote.according_to` | `according to X, …` and `…, according to X` |
//! | `quote.x_said_previous` | `X told AFP.` after the reported sentence |
//! | `quote.coordinated` | `X did this, and said …` (the sentence's subject) |
//! | `quote.colon_line` | `Pat Caddell: …`, `TAPPER: …` at the start of a line |
//! | `quote.participle` | `X …, saying …` (the speaker of the sentence continues) |
//! | `quote.passive_by` | `… was first reported by X`, `… endorsed by X` |
//! | `quote.quoted_as_saying` | `Tass quoted X as saying …` |
//! | `quote.continued` | `"…," X said, "…"`, `"…," X said. "…"`, quoted paragraphs after it, and a quotation standing as whole sentences up to 6 sentences later |
//!
//! # Attributions that are not quotes
//!
//! Besides speech, the extractor reports beliefs, intentions and evaluations
//! (stance verbs from `lexicon/quote_stance_verbs.txt`: "wants",
//! "believes", "supported") and what documents say ("the report found",
//! "polls show"); [`Quote::attribution`] tells them apart and
//! [`Quote::is_quoted_speaker`] is true only for speech by an identified
//! speaker, which is what a who-is-quoted view should list. Relative
//! pronouns ("who", "which", "that") resolve to their antecedent; other
//! pronouns to the last matching full mention, or to nothing.
//!
//! # Accuracy and limits
//!
//! Measured with `cargo run --release --example eval_quotes --
//! ../shared/data/polnear --split dev` (matching rules in that program's
//! docs; word lists and rules tuned on the train split only): source F1
//! 0.724 with overlapping spans (precision 0.905, recall 0.603), 0.673
//! exact (train 0.734 / 0.666); cue F1 0.701 / 0.638; content F1 0.699 /
//! 0.486. On the attributions cued by a reporting verb (`--speech-verbs`,
//! 1,363 of the 2,066 dev sources) source F1 is 0.882 overlapping (recall
//! 0.844), 0.820 exact. On the Gender Gap Tracker annotations
//! (`../shared/data/ggt-quotes`, `score_quotes.py`): quote F1 0.827 at 0.3
//! overlap, 0.823 at 0.8, speaker accuracy 0.888, once our byte spans are
//! converted to the annotation's character offsets (the scorer compares
//! them as they are: 0.717 / 0.509 / 0.859 on byte spans, since most GGT
//! articles hold multi-byte punctuation). PolNeAR
//! annotates almost every predicate of a political actor (the 6,691 train
//! sources this extractor misses carry 4,733 distinct cue strings, 4,448 of
//! them seen at most twice: "is swinging hard at", "laid out", "took a
//! risk"),
//! and nominal cues ("his claim", "her remarks") are annotated too rarely
//! to pay (train precision below 0.35): rules on word lists reach neither
//! that long tail nor the 0.85. Speakers are classified without a
//! gazetteer: a lone capitalized word ("Iran", "Pompeo") is taken for a
//! name; lower-case Arabic particles inside a name run ("Walid al-Azzawi",
//! "Mohammed bin Salman") are read as part of the name, and an office
//! before a title ("Police Chief", "Interior Minister") as part of the
//! title.

mod content;
mod lexicon;
mod model;
mod phrases;
mod speaker;
mod tokens;

use serde::Serialize;

use super::{Fact, FactKind, FactValue};
use crate::article::Span;
use lexicon::{ACTION, ADVERB, AUX, NUM, STANCE, TIME, VERB};
use lexicon::{ADDRESSEE, DET, ORG, PARTICIPLE, PREP, PRONOUN, ROLE, STOP, TITLE};
use tokens::{Kind, Token};

/// A quote or an attribution.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// What is attributed: speech, a stance, or a document's content.
    pub attribution: Attribution,
    /// Who is quoted (after resolving short mentions, see `resolved_from`).
    pub speaker: Speaker,
    /// The cue, e.g. "said", "according to", as written.
    pub cue: String,
    /// True for words in quotation marks, false for reported speech.
    pub direct: bool,
    /// Byte span of the speaker mention this quote is attached to.
    pub speaker_span: Span,
    /// Byte span of the cue.
    pub cue_span: Span,
    /// Byte span of the quoted or reported content (quotation marks included
    /// for direct quotes). A quotation that continues an attribution without
    /// a cue of its own (the second part of `"…," he said. "…"`, a quoted
    /// paragraph after it) is a quote of its own with the rule
    /// `quote.continued` and the speaker, cue and spans of the attribution
    /// it continues.
    pub content_span: Span,
    /// When the mention is a pronoun or a short form ("he", "Pompeo", "the
    /// source"), the byte span of the full mention it was resolved to; the
    /// `speaker` then describes that full mention.
    pub resolved_from: Option<Span>,
}

/// What an attribution attributes to its source.
///
/// News copy attributes far more than speech: beliefs, plans and judgements
/// ("Trump wants a wall", "Clinton supported the bill", "his claim that …")
/// and the content of documents and data ("the report found", "polls show").
/// Only [`Attribution::Speech`] makes its source a quoted speaker (see
/// [`Quote::is_quoted_speaker`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// Somebody said, wrote or announced it: a quotation or reported speech
    /// ("said", "told", "tweeted", "according to").
    Speech,
    /// A belief, intention, evaluation or decision of the source ("wants",
    /// "believes", "supported", "his claim that").
    Stance,
    /// What a document or data says: a report, poll, study, ad, letter
    /// ("the report found", "polls show", "the memo said").
    Document,
}

impl Quote {
    /// Whether the source is somebody the article quotes: speech by an
    /// identified speaker (a named person, an organization, an anonymous
    /// source or a described group), not a stance, not a document and not a
    /// pronoun that could not be resolved. This is what a who-is-quoted view
    /// should list.
    pub fn is_quoted_speaker(&self) -> bool {
        self.attribution == Attribution::Speech && self.speaker != Speaker::default()
    }

    /// Whether the source is somebody or something the article cites as a
    /// source: a quoted speaker, or a document ("a military statement said",
    /// "the report found"); not a stance and not an unresolved pronoun. This
    /// is what a coverage comparison aligns.
    pub fn is_cited_source(&self) -> bool {
        self.attribution != Attribution::Stance && self.speaker.names_someone()
    }
}

/// The speaker of a quote.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Speaker {
    /// A person's full name, when named.
    pub name: Option<String>,
    /// Title or role, e.g. "Secretary of State", "spokesman".
    pub title: Option<String>,
    /// Affiliation, e.g. "US State Department".
    pub organization: Option<String>,
    /// True for anonymous sources.
    pub anonymous: bool,
    /// The description as written, for anonymous sources ("a US defence
    /// official", "an Iraqi source, speaking anonymously") and for unnamed
    /// groups ("critics"); `None` for named people and organizations.
    pub description: Option<String>,
}

impl Speaker {
    /// Whether the speaker names anyone a reader could recognise: a name, an
    /// organization, or a description holding a word beyond quantifiers and
    /// determiners ("some lawmakers" does; "Some", "Many", "Others" alone
    /// name no one and make no row in a who-is-quoted view).
    pub fn names_someone(&self) -> bool {
        self.name.is_some()
            || self.organization.is_some()
            || self.description.as_deref().is_some_and(|d| {
                d.split(|c: char| !c.is_alphanumeric()).any(|w| {
                    !w.is_empty()
                        && !is_quantifier(w)
                        && !EMPTY_HEADS.contains(&w.to_ascii_lowercase().as_str())
                })
            })
    }
}

/// Words that, alone or with quantifiers, name no one: determiners and
/// bare amount words ("the other", "each", "only", "multiple").
const EMPTY_HEADS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "other",
    "another",
    "each",
    "every",
    "any",
    "one",
    "only",
    "often",
    "multiple",
    "more",
    "much",
    "also",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
];

/// An attribution found in token terms, before resolution.
#[derive(Clone, Debug)]
struct Found {
    rule: &'static str,
    /// Token range of the source mention.
    source: (usize, usize),
    /// Token range of the cue.
    cue: (usize, usize),
    content: Span,
    direct: bool,
    /// A hedge such as ", speaking anonymously" that belongs to the source.
    hedge: Option<Span>,
    /// For a quotation continuing an attribution (`"…," he said. "…"`),
    /// the index of the attribution it continues.
    continues: Option<usize>,
    /// True for a stance (a stance verb or a nominal cue), false for speech.
    stance: bool,
}

/// Extracts quotes and attributions from `text`, split into `sentences`, in
/// text order of their cues. Never panics; every span lies on character
/// boundaries of `text`.
pub fn extract(text: &str, sentences: &[Span]) -> Vec<Fact> {
    with_doc(text, sentences, |doc| {
        let mut found: Vec<Found> = find(doc)
            .into_iter()
            .filter(|f| model::keeps(doc, f))
            .collect();
        doc.end_contents_at_later_sources(&mut found);
        let found = doc.with_continued_quotes(found);
        speaker::build_facts(doc, &found)
    })
}

/// A candidate attribution as the rules find it, before the model decides
/// on it: for training the model (`examples/train_quotes.rs`), not for use.
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The rule that found it.
    pub rule: &'static str,
    /// Byte spans of source, cue and content.
    pub source: Span,
    /// Byte span of the cue.
    pub cue: Span,
    /// Byte span of the content.
    pub content: Span,
    /// What the lexicon makes of it (speech, stance or document).
    pub attribution: Attribution,
    /// The model's features.
    pub features: Vec<String>,
    /// The model's probability (with the weights in the build).
    pub probability: f64,
}

/// Every candidate the rules find in `text`, unfiltered, with the model's
/// features: for training the model, not for use.
#[doc(hidden)]
pub fn candidates(text: &str, sentences: &[Span]) -> Vec<Candidate> {
    with_doc(text, sentences, |doc| {
        find(doc)
            .iter()
            .map(|f| Candidate {
                rule: f.rule,
                source: doc.span(f.source.0, f.source.1),
                cue: doc.span(f.cue.0, f.cue.1),
                content: f.content,
                attribution: speaker::attribution_of(doc, f),
                features: model::feature_names(doc, f),
                probability: model::probability(doc, f),
            })
            .collect()
    })
}

/// Tokenizes `text` and runs `work` on the article read.
fn with_doc<T>(text: &str, sentences: &[Span], work: impl FnOnce(&Doc<'_>) -> T) -> T {
    let mut toks = tokens::tokenize(text);
    let quoted = tokens::pair_quotes(&mut toks);
    tokens::classify(text, &mut toks);
    let sent = sentence_ids(text, &toks, sentences);
    let (seg_start, seg_end) = segment_bounds(&sent);
    let doc = Doc {
        text,
        toks: &toks,
        quoted: &quoted,
        sent: &sent,
        seg_start: &seg_start,
        seg_end: &seg_end,
        sentences,
    };
    work(&doc)
}

/// The candidate attributions the rules find, in text order of their cues.
fn find(doc: &Doc<'_>) -> Vec<Found> {
    let toks = doc.toks;
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.is_punct(':')
            && t.inside.is_none()
            && let Some(f) = doc.colon_line(i)
        {
            i += 1;
            found.push(f);
            continue;
        }
        if t.is_word() && t.inside.is_none() {
            let f = if doc.word_is(i, "according") && doc.word_is(i + 1, "to") {
                doc.according_to(i)
            } else if t.cap && !(t.is(VERB) && doc.headline_verb(i))
                || doc.before_content(i, &found)
            {
                None
            } else {
                let participle = t
                    .is(PARTICIPLE)
                    .then(|| doc.participle(i, &found))
                    .flatten();
                participle
                    .or_else(|| {
                        // A stance inside reported content ("he says he
                        // wants …") is part of that content.
                        let nested = t.is(STANCE) && doc.inside_content(i, &found);
                        (t.is(VERB) && !nested)
                            .then(|| doc.verb(i, &found))
                            .flatten()
                    })
                    .map(|mut f| {
                        f.cue = doc.extend_cue(f.cue, f.source);
                        f
                    })
            };
            if let Some(f) = f {
                i = f.cue.1.max(i + 1);
                found.push(f);
                continue;
            }
        }
        i += 1;
    }
    for f in &mut found {
        f.source = doc.before_party_tag(f.source);
    }
    found
}

/// For each token, the id of the segment holding its first byte (`u32::MAX`
/// when no sentence does). A segment is a sentence of `sentences`, split
/// further where a line break ends a headline (a line ending in a word, the
/// next opening with a capitalized word: "Iran says it will respond\nTEHRAN
/// (Reuters) - …") and after a dateline ("BAGHDAD (Reuters) -", "GAZA CITY
/// (AP) —"), so that neither a headline nor a dateline is read as content.
fn sentence_ids(text: &str, toks: &[Token], sentences: &[Span]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(toks.len());
    let mut s = 0;
    let mut id = 0u32;
    let mut prev_sentence = None;
    let mut dateline_end = None;
    for (i, t) in toks.iter().enumerate() {
        while s < sentences.len() && sentences[s].end <= t.start {
            s += 1;
        }
        let sentence = match sentences.get(s) {
            Some(sp) if sp.start <= t.start => s,
            _ => {
                ids.push(u32::MAX);
                prev_sentence = None;
                continue;
            }
        };
        let new_sentence = prev_sentence != Some(sentence);
        let headline_end = i > 0
            && t.newline_before
            && t.is_word()
            && t.cap
            && t.inside.is_none()
            && toks[i - 1].is_word()
            && toks[i - 1].inside.is_none();
        if new_sentence || headline_end || dateline_end == Some(i) {
            id += 1;
        }
        if new_sentence || t.newline_before {
            dateline_end = dateline(text, toks, i);
        }
        prev_sentence = Some(sentence);
        ids.push(id);
    }
    ids
}

/// For each token, the first token of its segment and one past the last
/// (runs of equal ids in `sent`), so that sentence edges are found in
/// constant time.
fn segment_bounds(sent: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let n = sent.len();
    let mut start = vec![0u32; n];
    let mut end = vec![0u32; n];
    for i in 1..n {
        start[i] = if sent[i] == sent[i - 1] {
            start[i - 1]
        } else {
            i as u32
        };
    }
    for i in (0..n).rev() {
        end[i] = if i + 1 < n && sent[i] == sent[i + 1] {
            end[i + 1]
        } else {
            (i + 1) as u32
        };
    }
    (start, end)
}

/// The token after a dateline that opens at token `a` ("BAGHDAD (Reuters)
/// -", "KABUL, Jan 5 (Reuters) -", "GAZA CITY (AP) —"): a word in capitals,
/// then, on the same line and before any sentence punctuation, a dash after
/// a parenthesis or after words all in capitals.
fn dateline(text: &str, toks: &[Token], a: usize) -> Option<usize> {
    let first = text.get(toks[a].start..toks[a].end)?;
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    if !toks[a].is_word() || !capitals(first) {
        return None;
    }
    for j in a + 1..toks.len().min(a + 16) {
        let t = &toks[j];
        if t.newline_before || t.kind == Kind::Mark || t.inside.is_some() {
            return None;
        }
        if t.is_punct('-') || t.is_punct('\u{2014}') || t.is_punct('\u{2013}') {
            let all_capitals = (a..j).all(|k| {
                !toks[k].is_word() || text.get(toks[k].start..toks[k].end).is_some_and(capitals)
            });
            let after_paren = toks[j - 1].is_punct(')');
            return ((after_paren || all_capitals) && j + 1 < toks.len()).then_some(j + 1);
        }
        if t.kind == Kind::Punct && matches!(t.ch, '.' | '!' | '?' | ';' | ':') {
            return None;
        }
    }
    None
}

/// Verbs of saying proper, the ones that invert (`…, said X`) and take any
/// noun phrase for a subject.
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "said"
            | "says"
            | "say"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "asked"
            | "explained"
            | "noted"
            | "continued"
            | "recalled"
            | "insisted"
            | "argued"
            | "warned"
            | "stated"
            | "observed"
            | "replied"
            | "countered"
            | "acknowledged"
            | "admitted"
            | "conceded"
            | "concluded"
            | "cautioned"
            | "predicted"
            | "tweeted"
    )
}

/// Quantifiers that stand for a group of people by themselves: "many say",
/// "some argued", "others believe".
fn is_quantifier(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "many" | "some" | "most" | "both" | "others" | "several" | "few" | "all" | "those"
    )
}

/// Words opening a subject that names nobody: "No group claimed", "Nobody
/// said", "None of them said", "Neither side said".
const NEGATIVE_SUBJECTS: &[&str] = &["neither", "no", "nobody", "none", "nothing"];

/// A comma or a dash: what sets off an apposition.
fn is_separator(t: &Token) -> bool {
    t.is_punct(',') || t.is_punct('\u{2014}') || t.is_punct('\u{2013}')
}

/// How far, in tokens, any search for reported content, a hedge or an
/// apposition goes from its cue: a clause longer than this is no reported
/// content (before the cue) or is cut here (after it). News sentences are far
/// shorter (the longest quotation in the GGT annotations is 90 tokens); the
/// cap keeps every search linear in the text on pathological input (one
/// sentence of megabytes).
pub(super) const CLAUSE_WINDOW: usize = 256;

/// How far, in tokens, a headline or a speaker's line is read: a line longer
/// than this is running text, not a headline nor a name before a colon.
pub(super) const LINE_WINDOW: usize = 64;

/// The article being read: text, tokens, quoted spans, sentences.
struct Doc<'a> {
    text: &'a str,
    toks: &'a [Token],
    quoted: &'a [tokens::Quoted],
    sent: &'a [u32],
    /// Per token, the first token of its segment (see `segment_bounds`).
    seg_start: &'a [u32],
    /// Per token, one past the last token of its segment.
    seg_end: &'a [u32],
    sentences: &'a [Span],
}

impl Doc<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(Token::is_word) && self.word(i).eq_ignore_ascii_case(w)
    }

    fn same(&self, a: usize, b: usize) -> bool {
        self.sent.get(a) == self.sent.get(b)
    }

    /// A plain word of the running text (not inside quotes) in `anchor`'s sentence.
    fn plain_word(&self, i: usize, anchor: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.is_word() && t.inside.is_none())
            && self.same(i, anchor)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].start, self.toks[b - 1].end)
    }

    fn slice(&self, a: usize, b: usize) -> &str {
        let s = self.span(a, b);
        self.text.get(s.start..s.end).unwrap_or("")
    }

    /// `Sen. Tom Briggs, R-S.C., said`, `Rep. Ana Ruiz, D-N.Y., who …`: a
    /// source that starts inside a party tag (a party letter, a hyphen and
    /// a state abbreviation, written without spaces, set off by commas) is
    /// the name before the tag; the tag is part of that source.
    fn before_party_tag(&self, src: (usize, usize)) -> (usize, usize) {
        let piece = |k: usize| self.toks[k].is_word() || self.toks[k].is_punct('.');
        let adjacent = |k: usize| k > 0 && self.toks[k - 1].end == self.toks[k].start;
        let mut k = src.0;
        while adjacent(k) && piece(k - 1) && src.0 - k < 6 {
            k -= 1;
        }
        let mut e = src.0;
        while e + 1 < self.toks.len() && adjacent(e + 1) && piece(e + 1) && e - k < 6 {
            e += 1;
        }
        let tag = self
            .text
            .get(self.toks[k].start..self.toks[e].end)
            .unwrap_or("");
        let b = tag.as_bytes();
        let is_tag = b.len() >= 3
            && b.len() <= 10
            && matches!(b[0], b'R' | b'D' | b'I')
            && b[1] == b'-'
            && b[2].is_ascii_uppercase()
            && b.iter()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, b'.' | b'-'));
        if !is_tag || k < 2 || !self.toks[k - 1].is_punct(',') {
            return src;
        }
        match self.left_np(k - 1, k - 1, false) {
            Some(name) if self.toks[name.1 - 1].cap => (name.0, src.1.max(e + 1)),
            _ => src,
        }
    }

    /// Whether a capitalized verb at `c` is the verb of a title-case
    /// headline ("Pence Announces Plans For Tax Returns"): a capitalized
    /// word before it, and nearly every word of its line capitalized.
    fn headline_verb(&self, c: usize) -> bool {
        if c == 0 || !self.plain_word(c - 1, c) || !self.toks[c - 1].cap {
            return false;
        }
        let mut a = c;
        while a > 0 && !self.toks[a].newline_before && self.same(a - 1, c) {
            a -= 1;
            if c - a > LINE_WINDOW {
                return false;
            }
        }
        let mut b = c + 1;
        while b < self.toks.len() && !self.toks[b].newline_before && self.same(b, c) {
            b += 1;
            if b - c > LINE_WINDOW {
                return false;
            }
        }
        let words = || (a..b).filter(|&i| self.toks[i].is_word() && self.word(i).len() > 3);
        let total = words().count();
        let capitalized = words().filter(|&i| self.toks[i].cap).count();
        total >= 3 && capitalized == total
    }

    /// `Officials said 20 people were killed, while rebels said …`: reported
    /// content after a cue ends before a later source in its sentence that
    /// a comma and a conjunction set off.
    fn end_contents_at_later_sources(&self, found: &mut [Found]) {
        let mut sources: Vec<usize> = found.iter().map(|g| g.source.0).collect();
        sources.sort_unstable();
        sources.dedup();
        for f in found.iter_mut() {
            if f.direct || f.content.start < self.toks[f.cue.0].start {
                continue;
            }
            // The sources inside the content, in text order (the content is
            // at most a window of tokens long, see `content_after`).
            let from = sources.partition_point(|&g| self.toks[g].start <= f.content.start);
            for &g in &sources[from..] {
                if self.toks[g].start >= f.content.end {
                    break;
                }
                if g < 3 || !self.same(g, f.cue.0) {
                    continue;
                }
                let set_off = self.toks[g - 2].is_punct(',')
                    && ["and", "but", "while", "whereas"]
                        .iter()
                        .any(|w| self.word_is(g - 1, w));
                if set_off && self.toks[g - 3].end > f.content.start {
                    f.content.end = self.toks[g - 3].end;
                    break;
                }
            }
        }
    }

    /// `Police and witnesses said`, `The army and the RSF have accused`, `…,
    /// police and medical sources said`: a source joined by "and" to a noun
    /// phrase opening the sentence or following the content is one subject
    /// with it.
    fn coordinated_subject(&self, src: (usize, usize), c: usize) -> (usize, usize) {
        let and = src.0.wrapping_sub(1);
        if src.0 < 2 || !self.plain_word(and, c) || !self.word_is(and, "and") {
            return src;
        }
        // The first conjunct opens the sentence ("Police and witnesses
        // said") or follows the content ("…, police and medical sources said").
        match self.left_np(and, c, false) {
            Some(first)
                if !self.toks[first.0].is(PRONOUN)
                    && (first.0 == self.sentence_start(c)
                        || self.content_before(first.0).is_some()) =>
            {
                (first.0, src.1)
            }
            _ => src,
        }
    }

    /// Whether token `i` lies between the cue of the last attribution and
    /// its content ("reported, citing two sources, that …"): an aside of
    /// that cue, not a cue of its own.
    fn before_content(&self, i: usize, found: &[Found]) -> bool {
        let start = self.toks[i].start;
        found
            .last()
            .is_some_and(|f| self.same(f.cue.0, i) && f.cue.1 <= i && start < f.content.start)
    }

    /// Whether token `i` lies inside the content of the last attribution
    /// found in its sentence.
    fn inside_content(&self, i: usize, found: &[Found]) -> bool {
        let start = self.toks[i].start;
        found.last().is_some_and(|f| {
            self.same(f.cue.0, i) && f.content.start <= start && start < f.content.end
        })
    }

    fn verb(&self, c: usize, found: &[Found]) -> Option<Found> {
        if c > 0 && self.plain_word(c - 1, c) {
            // "any comment", "his claims", "to say": a noun or an infinitive.
            let p = &self.toks[c - 1];
            // "He’s suggesting" is a contraction, not a possessive.
            let possessive = p.possessive && !p.is(PRONOUN);
            if (p.is(DET) && !p.cap) || possessive || self.word_is(c - 1, "to") {
                return None;
            }
        }
        // "his original remarks", "growing calls that …": a plural noun
        // after a possessive and an adjective, or after an "-ing" adjective,
        // is no verb ("says", "tells" and the other verbs of saying are).
        if c >= 2 && self.plain_word(c - 1, c) && !self.toks[c].cap {
            let w = self.word(c);
            let prev = &self.toks[c - 1];
            let adjective = !prev.cap && !prev.is(ROLE | ORG | TITLE | AUX | VERB | ADVERB | DET);
            let possessed = self.plain_word(c - 2, c)
                && ["his", "her", "their", "its", "our", "my", "your"]
                    .iter()
                    .any(|d| self.word_is(c - 2, d));
            let ing = self.word(c - 1).ends_with("ing");
            if w.ends_with('s') && !is_speech_verb(w) && adjective && (possessed || ing) {
                return None;
            }
        }
        // "Early reports say", "Initial claims showed": a plural noun before
        // the verb is the source's head, not a cue.
        if self.plain_word(c + 1, c)
            && self.toks[c + 1].is(VERB)
            && !self.toks[c + 1].cap
            && !self.toks[c].cap
            && self.word(c).ends_with('s')
        {
            return None;
        }
        // "Tass quoted the defence ministry as saying …": the one quoted is
        // the source.
        if matches!(
            self.word(c).to_ascii_lowercase().as_str(),
            "quoted" | "quotes" | "quoting"
        ) && let Some(f) = self.quoted_as_saying(c)
        {
            return Some(f);
        }
        // "was first reported by MSNBC", "encouraged by the United States":
        // a passive, whose agent is the source.
        // "said by phone", "told AFP by telephone" are not passives: a verb
        // of saying goes on to its source and content.
        if self.word_is(c + 1, "by") && self.plain_word(c + 1, c) {
            let passive = self.passive_agent(c);
            if passive.is_some() || !is_speech_verb(self.word(c)) {
                return passive;
            }
        }
        let addressee = self.toks[c].is(ADDRESSEE);
        let cue = (c, c + 1);
        let left_end = self.skip_adverbs_left(c);
        if let Some(src) = self.left_np(left_end, c, false) {
            let src = self.subject_before_object(src, c)?;
            let src = self.coordinated_subject(src, c);
            return self.with_left_source(src, cue, addressee, None);
        }
        // "Sen. Bernie Sanders (I-Vt.) said": the parenthesis belongs to the source.
        if left_end > 0
            && self.toks[left_end - 1].is_punct(')')
            && let Some(open) = self.open_paren(left_end - 1, c)
            && let Some(src) = self.left_np(self.skip_adverbs_left(open), c, false)
        {
            return self.with_left_source((src.0, left_end), cue, addressee, None);
        }
        // "…, former rival says": after the content any phrase can be the
        // source; so can an article-led phrase before a speech verb ("The
        // billionaire real estate magnate says", "A student wrote").
        if let Some(src) = self.left_np(left_end, c, true)
            && !self.toks[src.1 - 1].is(PREP | DET)
        {
            let after_content = src.0 > 0 && self.content_before(src.0).is_some();
            // "The billionaire real estate magnate says", "Each side said",
            // "The bank's board announced": a determiner opens a noun phrase,
            // whatever its head.
            // Only before a form that cannot be a noun ("the new plans",
            // "her best showing", "other public promises" are noun phrases).
            let w = self.word(c);
            let verb_form = is_speech_verb(w) || (w.ends_with("ed") && !self.toks[c].cap);
            let determiner_led = self.toks[src.0].is(DET) && src.1 - src.0 >= 2 && verb_form;
            if after_content || determiner_led {
                // "Harlow over the weekend denied", "The agency at the time
                // said": the phrase before the cue may be an adjunct's object.
                let src = if after_content {
                    src
                } else {
                    self.subject_before_object(src, c)?
                };
                return self.with_left_source(src, cue, addressee, None);
            }
        }
        // "polls that showed …", "a party that has refused …": a relative
        // "that" after a noun is the source (resolved to the noun).
        if left_end > 1
            && self.word_is(left_end - 1, "that")
            && self.plain_word(left_end - 2, c)
            && !self.toks[left_end - 2].is(VERB | AUX | STOP | PREP | DET | ADVERB | PRONOUN)
            && self.can_head(left_end - 2)
        {
            return self.with_left_source((left_end - 1, left_end), cue, addressee, None);
        }
        // "Many say", "some argued", "others believe": a quantifier alone.
        if left_end > 0
            && self.plain_word(left_end - 1, c)
            && is_quantifier(self.word(left_end - 1))
            && !(left_end > 1
                && self.plain_word(left_end - 2, c)
                && self.toks[left_end - 2].is(PREP))
        {
            return self.with_left_source((left_end - 1, left_end), cue, addressee, None);
        }
        // "X has disputed the claims, but says …": the sentence's subject.
        if left_end > 0
            && (self.word_is(left_end - 1, "and") || self.word_is(left_end - 1, "but"))
            && !self.toks[left_end - 1].cap
            && let Some(src) = self.sentence_subject(c, found)
        {
            let mut f = self.with_left_source(src, cue, addressee, None)?;
            if !f.direct && f.content.start < self.toks[c].start {
                return None;
            }
            f.rule = "quote.coordinated";
            return Some(f);
        }
        // "X, the interior minister, said" / "X, who ..., said"
        if left_end > 0
            && is_separator(&self.toks[left_end - 1])
            && let Some((src, hedge)) = self.apposition(left_end - 1, c)
        {
            return self.with_left_source(src, cue, addressee, hedge);
        }
        // Inverted: `"…," said X` / `…, said X`.
        if addressee {
            return None;
        }
        let src = self.right_np(c + 1)?;
        let first = &self.toks[src.0];
        if !(first.cap || first.is(DET | PRONOUN | ROLE | NUM)) {
            return None;
        }
        // "…, said she turned out": a subject of the reported clause, not an
        // inverted source; an inverted source ends the clause.
        if self.plain_word(src.1, c) {
            let next = &self.toks[src.1];
            let adjunct = (next.is(PREP) && !next.cap)
                || next.is(TIME)
                || ["who", "when", "after", "before", "while"]
                    .iter()
                    .any(|w| self.word_is(src.1, w));
            if !adjunct {
                return None;
            }
        }
        let (content, direct) = self.content_before(left_end)?;
        if !direct {
            // `…, said X.` is written with speech verbs only, and X ends the
            // clause; "X, a lawyer, praised the efforts" is a subject whose
            // apposition was not recognised, with an object after the verb.
            if !is_speech_verb(self.word(c)) || self.plain_word(src.1, c) {
                return None;
            }
        }
        let hedge = self.hedge_after(src.1);
        let src = if hedge.is_none() {
            self.apposition_after(src)
        } else {
            src
        };
        Some(Found {
            rule: if direct {
                "quote.direct_said_x"
            } else {
                "quote.indirect_said_x"
            },
            source: src,
            cue,
            content,
            direct,
            hedge,
            continues: None,
            stance: false,
        })
    }

    fn with_left_source(
        &self,
        src: (usize, usize),
        cue: (usize, usize),
        addressee: bool,
        hedge: Option<Span>,
    ) -> Option<Found> {
        let c = cue.0;
        // A place preposition right after the verb ("a city disputed between
        // Baghdad and Erbil", "troops stationed along the border") makes it
        // a participle describing a place, not a cue introducing content;
        // after a verb of saying it is where it was said ("he said outside
        // the building").
        if !is_speech_verb(self.word(c))
            && self.plain_word(cue.1, c)
            && matches!(
                self.word(cue.1).to_ascii_lowercase().as_str(),
                "between"
                    | "among"
                    | "across"
                    | "along"
                    | "near"
                    | "inside"
                    | "outside"
                    | "beneath"
                    | "behind"
                    | "beyond"
            )
        {
            return None;
        }
        // "…, who spoke on condition of anonymity, said": the hedge of a
        // source, not an attribution of its own ("said on condition of
        // anonymity that …" is one: a verb of saying has content).
        let on_condition = self.word_is(cue.1, "on")
            && (self.word_is(cue.1 + 1, "condition")
                || (self.word_is(cue.1 + 1, "the") && self.word_is(cue.1 + 2, "condition")));
        let hedge_follows = on_condition || self.word_is(cue.1, "anonymously");
        if hedge_follows && !is_speech_verb(self.word(c)) {
            return None;
        }
        // "…, who asked not to be named, said": a relative clause asking
        // for anonymity is the source's hedge, whatever its verb.
        let relative_subject = src.1 - src.0 == 1 && self.word_is(src.0, "who");
        if relative_subject && self.hedge_clause(cue.1, c) {
            return None;
        }
        // "No group claimed responsibility", "Nobody said": a negative
        // subject names no source.
        if NEGATIVE_SUBJECTS.iter().any(|w| self.word_is(src.0, w)) {
            return None;
        }
        // A relative pronoun's content follows it: "…, which urged a delay".
        let relative = src.1 - src.0 == 1
            && ["who", "which", "that"]
                .iter()
                .any(|w| self.word_is(src.0, w));
        let before = if relative {
            None
        } else {
            self.content_before(src.0)
        };
        let after = self.content_after(cue.1, c, addressee);
        let (after_words, after_marked) = self.words_to_sentence_end(cue.1, c);
        let use_before = match (&before, &after) {
            (Some(_), None) => true,
            (Some((_, true)), Some((_, false))) => !after_marked,
            // `"…," he said, "…"`: the second quotation continues the first.
            (Some((_, true)), Some((_, true))) => true,
            (Some((_, false)), Some((_, false))) => !after_marked && after_words <= 3,
            _ => false,
        };
        if before.is_none() && after.is_none() {
            let strong = matches!(
                self.word(c).to_ascii_lowercase().as_str(),
                "said" | "says" | "told" | "added" | "tells" | "adds"
            );
            // "The army said nothing", "he said so": an object that names
            // no content.
            let nothing = ["nothing", "so", "little", "much", "otherwise"]
                .iter()
                .any(|w| self.word_is(cue.1, w));
            if !strong || after_marked || nothing {
                return None;
            }
            let content = self.previous_sentence(c)?;
            return Some(Found {
                rule: "quote.x_said_previous",
                source: src,
                cue,
                content,
                direct: false,
                hedge,
                continues: None,
                stance: false,
            });
        }
        let (content, direct, rule) = if use_before {
            let (s, d) = before?;
            let rule = if d {
                "quote.direct_x_said"
            } else {
                "quote.indirect_x_said"
            };
            (s, d, rule)
        } else {
            let (s, d) = after?;
            // "Fighting continued overnight": "continued" introduces a
            // quotation ("he continued: \"…\""), not reported speech.
            if !d && self.word(c).to_ascii_lowercase().starts_with("continue") {
                return None;
            }
            // "Iraqi forces found the launcher", "groups have attacked US
            // bases": after a verb that also names an act, a noun phrase
            // with no verb in it is its object, not content.
            if !d && self.toks[c].is(ACTION) && !self.reads_as_clause(s, c) {
                return None;
            }
            let rule = if d {
                "quote.x_said_direct"
            } else {
                "quote.x_said_that"
            };
            (s, d, rule)
        };
        let hedge = hedge.or_else(|| {
            let mut end = cue.1;
            if addressee && let Some((_, e)) = self.right_np(end) {
                end = e;
            }
            self.hedge_after(end)
        });
        Some(Found {
            rule,
            source: src,
            cue,
            content,
            direct,
            hedge,
            continues: None,
            stance: false,
        })
    }

    /// Whether reported content after a cue reads as a clause, not as the
    /// verb's object: it opens with a complementizer or a preposition the
    /// cue governs ("that", "whether", "to", "of", "about", "for"), or holds
    /// a verb form (an auxiliary, a reporting verb, a word in "-ed").
    fn reads_as_clause(&self, content: Span, cue: usize) -> bool {
        let a = self.toks.partition_point(|t| t.start < content.start);
        let words: Vec<usize> = (a..self.toks.len())
            .take_while(|&i| self.toks[i].start < content.end)
            .take(CLAUSE_WINDOW)
            .filter(|&i| {
                let t = &self.toks[i];
                t.is_word() && t.end <= content.end
            })
            .collect();
        let Some(&first) = words.first() else {
            return false;
        };
        const OPENERS: &[&str] = &[
            "about", "for", "how", "if", "of", "that", "to", "what", "whether", "who", "why",
        ];
        // "to" opens a clause as an infinitive ("urged them to leave"), not
        // before a noun phrase ("responded to the scene").
        // A plural noun after "to" ("responded to reports") is no
        // infinitive either: base forms rarely end in a single "s".
        let to_phrase = self.word_is(first, "to")
            && self.toks.get(first + 1).is_some_and(|t| {
                let w = self.word(first + 1);
                t.cap
                    || t.is(DET | NUM)
                    || t.ch.is_ascii_digit()
                    || t.possessive
                    || (w.ends_with('s') && !w.ends_with("ss"))
            });
        // After a verb that also names an act, a phrase opening with a
        // determiner or a number and holding no auxiliary is its object
        // ("released the names of the wounded deputies", "pointed a gun at
        // officers"); "found the fire had started" is a clause.
        let object = self.toks[cue].is(ACTION)
            && (self.toks[first].is(DET | NUM) || to_phrase)
            && !words
                .iter()
                .any(|&i| self.toks[i].is(AUX) || self.medium_at(i));
        if object {
            return false;
        }
        (OPENERS.iter().any(|w| self.word_is(first, w)) && !to_phrase)
            || words.iter().any(|&i| {
                let t = &self.toks[i];
                t.inside.is_some()
                    || t.is(AUX | VERB)
                    || (!t.cap && self.word(i).ends_with("ed"))
                    // "responded to the charges in a statement": said.
                    || self.medium_at(i)
            })
    }

    /// `Tass quoted the defence ministry as saying (that) …`: the source is
    /// the object of "quoted", the cue "as saying".
    fn quoted_as_saying(&self, c: usize) -> Option<Found> {
        let src = self.right_np(c + 1)?;
        if !(self.word_is(src.1, "as") && self.word_is(src.1 + 1, "saying")) {
            return None;
        }
        let cue = (src.1, src.1 + 2);
        let (content, direct) = self.content_after(cue.1, c, false)?;
        Some(Found {
            rule: "quote.quoted_as_saying",
            source: src,
            cue,
            content,
            direct,
            hedge: None,
            continues: None,
            stance: false,
        })
    }

    /// `… was first reported by MSNBC`: the agent of a passive cue is the
    /// source, what precedes the cue in the sentence the content.
    fn passive_agent(&self, c: usize) -> Option<Found> {
        // A finite passive ("was reported by", "has been criticized by"); a
        // participle after a noun ("a statement released by") names a
        // document's publisher, not a source.
        let be = self.skip_adverbs_left(c);
        let finite = be < c
            || (be > 0
                && self.plain_word(be - 1, c)
                && matches!(
                    self.word(be - 1).to_ascii_lowercase().as_str(),
                    "is" | "was" | "are" | "were" | "be" | "been" | "being"
                ));
        if !finite || !self.word(c).ends_with("ed") {
            return None;
        }
        // In a relative clause ("a city that is claimed by both Baghdad and
        // Erbil") the passive describes the noun before it; nothing is
        // attributed.
        let before_aux = if be < c {
            be.checked_sub(1)
        } else {
            be.checked_sub(2)
        };
        if let Some(r) = before_aux
            && self.plain_word(r, c)
            && matches!(
                self.word(r).to_ascii_lowercase().as_str(),
                "that" | "which" | "who"
            )
        {
            return None;
        }
        let src = self.right_np(c + 2)?;
        let first = &self.toks[src.0];
        if !(first.cap || first.is(DET | PRONOUN | ROLE | ORG | NUM)) {
            return None;
        }
        let start = self.sentence_start(c);
        let first_word = (start..c).find(|&i| self.toks[i].is_word())?;
        // The content ends before the passive's auxiliaries and adverbs.
        let mut last = c;
        while last > first_word
            && (self.toks[last - 1].kind == tokens::Kind::Punct
                || self.toks[last - 1].is(AUX | ADVERB))
        {
            last -= 1;
        }
        if last <= first_word {
            return None;
        }
        Some(Found {
            rule: "quote.passive_by",
            source: src,
            cue: (c, c + 2),
            content: self.span(first_word, last),
            direct: false,
            hedge: None,
            continues: None,
            stance: false,
        })
    }

    /// `Pat Caddell: Democrat voters are worried` and transcript lines
    /// (`TAPPER: And obviously …`): a name alone at the start of a line,
    /// then a colon and what they said, to the end of the line.
    fn colon_line(&self, colon: usize) -> Option<Found> {
        let mut a = colon;
        while a > 0 && colon - a < 4 && self.toks[a - 1].is_word() && self.toks[a - 1].cap {
            a -= 1;
            if self.toks[a].newline_before {
                break;
            }
        }
        let line_start = a == 0 || self.toks[a].newline_before;
        if a == colon || !line_start || self.toks[a].is(PRONOUN | STOP | DET | TIME) {
            return None;
        }
        // Headline labels ("UPDATE:", "Editor's Note:", "AP-GfK Poll:") are
        // not speakers.
        const LABELS: &[&str] = &[
            "analysis",
            "breaking",
            "correction",
            "daily",
            "date",
            "editor",
            "exclusive",
            "fix",
            "name",
            "note",
            "photos",
            "published",
            "read",
            "related",
            "update",
            "video",
            "watch",
            "win",
        ];
        let label = (a..colon).any(|i| {
            let t = &self.toks[i];
            let w = tokens::strip_possessive(self.word(i)).to_ascii_lowercase();
            t.is(ORG | ROLE) || LABELS.contains(&w.as_str())
        });
        // A photo caption's one-word label ("Smoldering:", "Arrested:").
        let caption = colon - a == 1 && {
            let w = self.word(a);
            w.ends_with("ing") || w.ends_with("ed")
        };
        if label || caption {
            return None;
        }
        let first = colon + 1;
        let mut end = first;
        while end < self.toks.len() && !self.toks[end].newline_before {
            end += 1;
        }
        let mut last = end;
        while last > first && self.toks[last - 1].kind == Kind::Punct {
            last -= 1;
        }
        let words = (first..last).filter(|&i| self.toks[i].is_word()).count();
        if words < 3 {
            return None;
        }
        let direct = self.toks[first].opens.is_some();
        Some(Found {
            rule: "quote.colon_line",
            source: (a, colon),
            cue: (colon, colon + 1),
            content: self.span(first, last),
            direct,
            hedge: None,
            continues: None,
            stance: false,
        })
    }

    fn according_to(&self, c: usize) -> Option<Found> {
        let cue = (c, c + 2);
        let src = self.right_np(c + 2)?;
        let (content, direct) = match self.content_before(c) {
            Some(x) => x,
            None => {
                let mut a = src.1;
                if self.toks.get(a).is_some_and(|t| t.is_punct(',')) {
                    a += 1;
                }
                self.content_after(a, c, false)?
            }
        };
        Some(Found {
            rule: "quote.according_to",
            source: src,
            cue,
            content,
            direct,
            hedge: self.hedge_after(src.1),
            continues: None,
            stance: false,
        })
    }

    /// `…, saying …`: the speaker of the sentence's last attribution, or its
    /// subject when that is a name or pronoun.
    fn participle(&self, c: usize, found: &[Found]) -> Option<Found> {
        let after_comma = c > 0
            && (self.toks[c - 1].is_punct(',')
                || (c > 1 && self.toks[c - 1].closes.is_some() && self.toks[c - 2].is_punct(',')));
        if !after_comma {
            return None;
        }
        let src = self.sentence_subject(c, found)?;
        let (content, direct) = self.content_after(c + 1, c, self.toks[c].is(ADDRESSEE))?;
        Some(Found {
            rule: "quote.participle",
            source: src,
            cue: (c, c + 1),
            content,
            direct,
            hedge: None,
            continues: None,
            stance: false,
        })
    }
}

#[cfg(test)]
mod tests;
