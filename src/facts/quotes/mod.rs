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
//! the article ([`Quote::resolved_from`]).
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
//! | `quote.participle` | `X …, saying …` (the speaker of the sentence continues) |

mod lexicon;
mod speaker;
mod tokens;

use serde::Serialize;

use super::{Fact, FactKind, FactValue};
use crate::article::Span;
use lexicon::{ADDRESSEE, ADVERB, AUX, DET, LINK, ORG, PARTICIPLE, PREP, PRONOUN, ROLE, STOP};
use lexicon::{NUM, TIME, TITLE, VERB};
use tokens::{Kind, Token};

/// A quote or an attribution.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
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
    /// for direct quotes).
    pub content_span: Span,
    /// A quotation by the same speaker that continues after the attribution:
    /// the second part of `"…," he said. "…"`.
    pub continuation: Option<Span>,
    /// When the mention is a pronoun or a short form ("he", "Pompeo", "the
    /// source"), the byte span of the full mention it was resolved to; the
    /// `speaker` then describes that full mention.
    pub resolved_from: Option<Span>,
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
    /// A quotation continuing after the attribution: `"…," he said. "…"`.
    continuation: Option<Span>,
}

/// Extracts quotes and attributions from `text`, split into `sentences`, in
/// text order of their cues. Never panics; every span lies on character
/// boundaries of `text`.
pub fn extract(text: &str, sentences: &[Span]) -> Vec<Fact> {
    let mut toks = tokens::tokenize(text);
    let quoted = tokens::pair_quotes(&mut toks);
    let sent = sentence_ids(&toks, sentences);
    let doc = Doc {
        text,
        toks: &toks,
        quoted: &quoted,
        sent: &sent,
        sentences,
    };
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.is_word() && t.inside.is_none() {
            let f = if doc.word_is(i, "according") && doc.word_is(i + 1, "to") {
                doc.according_to(i)
            } else if t.is(VERB) && !t.cap {
                doc.verb(i, &found).map(|mut f| {
                    f.cue = doc.extend_cue(f.cue, f.source);
                    f
                })
            } else if t.is(PARTICIPLE) && !t.cap {
                doc.participle(i, &found).map(|mut f| {
                    f.cue = doc.extend_cue(f.cue, f.source);
                    f
                })
            } else {
                None
            };
            if let Some(mut f) = f {
                f.continuation = doc.continuation(&f);
                i = f.cue.1.max(i + 1);
                found.push(f);
                continue;
            }
        }
        i += 1;
    }
    speaker::build_facts(&doc, &found)
}

/// For each token, the index of the sentence holding its first byte
/// (`u32::MAX` when none does).
fn sentence_ids(toks: &[Token], sentences: &[Span]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(toks.len());
    let mut s = 0;
    for t in toks {
        while s < sentences.len() && sentences[s].end <= t.start {
            s += 1;
        }
        let id = match sentences.get(s) {
            Some(sp) if sp.start <= t.start => s as u32,
            _ => u32::MAX,
        };
        ids.push(id);
    }
    ids
}

/// A comma or a dash: what sets off an apposition.
fn is_separator(t: &Token) -> bool {
    t.is_punct(',') || t.is_punct('\u{2014}') || t.is_punct('\u{2013}')
}

/// The article being read: text, tokens, quoted spans, sentences.
struct Doc<'a> {
    text: &'a str,
    toks: &'a [Token],
    quoted: &'a [tokens::Quoted],
    sent: &'a [u32],
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

    /// Whether a lower-case preposition at `i` continues a noun phrase:
    /// "close to X", "familiar with", "spokesman for the ministry",
    /// "Embassy in Baghdad", "Secretary of State".
    fn prep_continues(&self, i: usize, anchor: usize) -> bool {
        if i == 0 || !self.plain_word(i - 1, anchor) || !self.plain_word(i + 1, anchor) {
            return false;
        }
        let prev = &self.toks[i - 1];
        let next = &self.toks[i + 1];
        if prev.is(LINK) {
            return true;
        }
        let next_cap =
            next.cap || (next.is(DET) && self.plain_word(i + 2, anchor) && self.toks[i + 2].cap);
        let w = self.word(i);
        let role_prep = matches!(w, "for" | "of" | "at" | "with" | "by");
        // "three-quarters of the voters", "27 percent of those", "a dozen of …"
        let quantity = w == "of"
            && (prev.is(NUM | DET)
                || prev.ch.is_ascii_digit()
                || matches!(
                    self.word(i - 1).to_ascii_lowercase().as_str(),
                    "half"
                        | "third"
                        | "thirds"
                        | "quarter"
                        | "quarters"
                        | "three-quarters"
                        | "majority"
                        | "percent"
                        | "dozen"
                        | "number"
                        | "none"
                        | "plurality"
                ));
        quantity
            || (prev.is(ROLE | ORG | TITLE) && !prev.cap && role_prep)
            || (next_cap && w != "on" && w != "to")
    }

    /// Whether word `i` ends a noun phrase (scanning in either direction).
    fn breaks_np(&self, i: usize) -> bool {
        self.breaks_np_at(i, false)
    }

    /// Like [`Doc::breaks_np`]; `before_cue` allows a noun that is also a
    /// reporting verb right before the cue ("One tweet said").
    fn breaks_np_at(&self, i: usize, before_cue: bool) -> bool {
        let t = &self.toks[i];
        if t.cap {
            // "States", "May" and "Will" are names when capitalized.
            let w = self.word(i);
            t.is(STOP | PRONOUN) || (t.is(AUX) && !matches!(w, "May" | "Will"))
        } else {
            let flags = if before_cue {
                STOP | AUX | PARTICIPLE | PRONOUN
            } else {
                STOP | AUX | VERB | PARTICIPLE | PRONOUN
            };
            t.is(flags) && !t.is(ROLE | ORG | TITLE)
        }
    }

    /// Skips adverbs and auxiliaries left of the cue ("has also said").
    fn skip_adverbs_left(&self, c: usize) -> usize {
        let mut j = c;
        let mut skipped_time = false;
        while j > 0 && self.plain_word(j - 1, c) {
            let t = &self.toks[j - 1];
            let w = self.word(j - 1);
            let aux = t.is(AUX)
                && !matches!(
                    w.to_ascii_lowercase().as_str(),
                    "is" | "was" | "are" | "were" | "be" | "been" | "being" | "am"
                );
            let ly = !t.cap && w.len() > 4 && w.ends_with("ly");
            let lw = w.to_ascii_lowercase();
            let time = t.is(TIME)
                || matches!(
                    lw.as_str(),
                    "evening" | "morning" | "week" | "month" | "year"
                );
            let time_lead = skipped_time
                && matches!(
                    lw.as_str(),
                    "on" | "last" | "this" | "early" | "late" | "earlier" | "later"
                );
            let reflexive = matches!(lw.as_str(), "himself" | "herself" | "themselves" | "itself");
            if (t.is(ADVERB) && !t.cap) || aux || ly || time || time_lead || reflexive {
                skipped_time |= time;
                j -= 1;
            } else {
                break;
            }
        }
        j
    }

    /// The opening parenthesis matching a `)` at `close`, in `anchor`'s sentence.
    fn open_paren(&self, close: usize, anchor: usize) -> Option<usize> {
        let mut i = close;
        while i > 0 && close - i < 25 {
            i -= 1;
            let t = &self.toks[i];
            if !self.same(i, anchor) || t.is_punct(')') || t.inside.is_some() {
                return None;
            }
            if t.is_punct('(') {
                return Some(i);
            }
        }
        None
    }

    /// The subject of the sentence holding `c`, for `…, saying` and `…, and
    /// said`: the source of the sentence's last attribution, or its first noun
    /// phrase when that is a name, pronoun or role.
    fn sentence_subject(&self, c: usize, found: &[Found]) -> Option<(usize, usize)> {
        if let Some(f) = found.last()
            && self.same(f.cue.0, c)
        {
            return Some(f.source);
        }
        let is_subject = |np: (usize, usize)| {
            let head = &self.toks[np.1 - 1];
            let w = self.word(np.1 - 1);
            let verb_like = np.1 - np.0 == 1
                && (head.is(VERB | PARTICIPLE) || w.ends_with("ing") || w.ends_with("ed"));
            (head.cap || head.is(PRONOUN | ROLE | TITLE | ORG))
                && !head.is(ADVERB | TIME)
                && !verb_like
        };
        // The subject, after up to two introductory phrases ("Instead, he …",
        // "By the end of the day, Mr. Trump …").
        let mut start = self.sentence_start(c);
        for _ in 0..3 {
            if let Some(np) = self.right_np_mode(start, true)
                && is_subject(np)
            {
                return (np.1 < c).then_some(np);
            }
            start = (start..c).find(|&i| self.toks[i].is_punct(','))? + 1;
        }
        None
    }

    /// Whether a "familiar"/"close" link word stands a few words left of `i`
    /// in the same phrase ("a person familiar with the planning for …").
    fn link_before(&self, i: usize, anchor: usize) -> bool {
        let mut j = i;
        while j > 0 && i - j < 7 {
            j -= 1;
            if !self.plain_word(j, anchor) || self.breaks_np(j) {
                return false;
            }
            if self.toks[j].is(LINK) {
                return true;
            }
        }
        false
    }

    /// Whether the last word of a left noun phrase can head a source: a
    /// pronoun, a name, a role, title or organization word, or a plural noun.
    fn can_head(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.cap || t.is(PRONOUN | ROLE | ORG | TITLE) {
            return true;
        }
        let w = self.word(i);
        w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !t.is(ADVERB | TIME)
    }

    /// The source noun phrase ending right before token `end` (exclusive),
    /// in `anchor`'s sentence. With `relaxed`, any word may head it (used
    /// when the phrase follows the content: `…, former rival says`).
    fn left_np(&self, end: usize, anchor: usize, relaxed: bool) -> Option<(usize, usize)> {
        if end == 0 || !self.plain_word(end - 1, anchor) {
            return None;
        }
        let last = &self.toks[end - 1];
        if last.is(PRONOUN) {
            return Some((end - 1, end));
        }
        let mut k = end;
        while k > 0 && end - k < 12 {
            let i = k - 1;
            if !self.plain_word(i, anchor)
                || self.breaks_np_at(i, i + 1 == end && k == end)
                || self.toks[i + 1].newline_before && i + 1 < end
            {
                break;
            }
            let t = &self.toks[i];
            if t.is(PREP)
                && !t.cap
                && (k == end || !(self.prep_continues(i, anchor) || self.link_before(i, anchor)))
            {
                break;
            }
            if k < end && self.toks[k].is(DET) && !t.is(PREP) && !self.link_before(i, anchor) {
                break; // a determiner opens the phrase
            }
            k = i;
        }
        let np = self.trim_np(k, end)?;
        (relaxed || self.can_head(np.1 - 1)).then_some(np)
    }

    /// The source noun phrase starting at token `start`, in its sentence.
    fn right_np(&self, start: usize) -> Option<(usize, usize)> {
        self.right_np_mode(start, false)
    }

    /// The noun phrase starting at `start`; with `subject`, a lower-case word
    /// after a name or role is taken for the verb ("Carly Fiorina threw").
    fn right_np_mode(&self, start: usize, subject: bool) -> Option<(usize, usize)> {
        if !self.plain_word(start, start) {
            return None;
        }
        if self.toks[start].is(PRONOUN) {
            return Some((start, start + 1));
        }
        let mut k = start;
        while k < self.toks.len() && k - start < 12 {
            if !self.plain_word(k, start) || self.breaks_np(k) {
                break;
            }
            let t = &self.toks[k];
            if k > start && (t.is(TIME) || (t.is(DET) && !self.toks[k - 1].is(PREP))) {
                break;
            }
            if k > start && self.toks[k].newline_before {
                break;
            }
            if subject && k > start && !t.cap && !t.is(ROLE | ORG | TITLE | LINK | PREP | DET | NUM)
            {
                // A lower-case word after the head noun is most likely the verb:
                // "the minister left", "Smith walked".
                let prev = &self.toks[k - 1];
                let after_noun = !prev.cap && prev.is(ROLE | ORG | TITLE);
                // After a name, a lower-case word is a verb unless a role
                // follows ("US defence official").
                let role_follows = (k + 1..(k + 3).min(self.toks.len()))
                    .any(|i| self.plain_word(i, start) && self.toks[i].is(ROLE | ORG | TITLE));
                let verb_like = prev.cap && !role_follows;
                if after_noun || verb_like || t.is(ADVERB) {
                    break;
                }
            }
            if t.is(PREP) && !t.cap && (k == start || !self.prep_continues(k, start)) {
                break;
            }
            k += 1;
        }
        self.trim_np(start, k)
    }

    /// Drops time words, adverbs and prepositions from the edges of a phrase.
    fn trim_np(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        while a < b && self.toks[a].is(PREP | TIME | ADVERB) && !self.toks[a].is(ROLE | ORG) {
            a += 1;
        }
        while b > a && (self.toks[b - 1].is(PREP | TIME | DET) || self.toks[b - 1].possessive) {
            b -= 1;
        }
        (a < b).then_some((a, b))
    }

    /// The quoted span a closing mark at `i` closes, if any.
    fn closed_quote_at(&self, i: usize) -> Option<Span> {
        let t = self.toks.get(i)?;
        let q = self.quoted.get(t.closes? as usize)?;
        Some(q.span)
    }

    /// First token of the sentence holding token `i`.
    fn sentence_start(&self, i: usize) -> usize {
        let mut s = i;
        while s > 0 && self.same(s - 1, i) {
            s -= 1;
        }
        s
    }

    /// Content before a source-and-cue block that starts at token `b`:
    /// `"…," X said` (direct) or `…, X said` (indirect).
    fn content_before(&self, b: usize) -> Option<(Span, bool)> {
        let p = b.checked_sub(1)?;
        if let Some(q) = self.closed_quote_at(p) {
            // `"…." King said.` across a sentence break is usually a new
            // sentence about the quote, not its attribution.
            let open_end = p == 0 || self.same(p, b) || !self.toks[p - 1].is_punct('.');
            return open_end.then_some((q, true));
        }
        let t = &self.toks[p];
        if !(t.is_punct(',') || t.is_punct('\u{2014}') || t.is_punct('\u{2013}')) {
            return None;
        }
        if p > 0
            && let Some(q) = self.closed_quote_at(p - 1)
        {
            return Some((q, true));
        }
        let first = self.sentence_start(p);
        if first + 1 > p || !self.same(first, p) {
            return None;
        }
        let first = (first..p).find(|&i| self.toks[i].kind != Kind::Punct)?;
        if first >= p {
            return None;
        }
        let span = self.span(first, p);
        // A sentence that is one whole quotation is a direct quote.
        let direct = self.toks[first]
            .opens
            .and_then(|q| self.quoted.get(q as usize))
            .is_some_and(|q| q.close + 1 >= p);
        Some((span, direct))
    }

    /// Content after the cue: `X said: "…"` (direct) or `X said (that) …`.
    /// `a` is the first token after the cue; `addressee` skips "told AFP".
    fn content_after(&self, a: usize, anchor: usize, addressee: bool) -> Option<(Span, bool)> {
        let mut k = a;
        if addressee && let Some((_, e)) = self.right_np(k) {
            k = e;
        }
        let n = self.toks.len();
        // Look a few tokens ahead for "that", a colon or an opening quote.
        let mut start = k;
        let mut j = k;
        // Only a prepositional or time phrase may stand between the cue and
        // "that"/a colon/a quotation ("said in a statement that ...").
        let skippable =
            |j: usize| j == k || self.toks.get(k).is_some_and(|t| t.is(PREP | TIME | ADVERB));
        while j < n
            && j < k + 8
            && skippable(j)
            && (self.same(j, anchor) || self.toks[j].opens.is_some())
        {
            let t = &self.toks[j];
            if let Some(q) = t.opens {
                start = j;
                let _ = q;
                break;
            }
            if t.is_punct(':') {
                start = j + 1;
                break;
            }
            if t.is_word() && self.word(j).eq_ignore_ascii_case("that") {
                start = j;
                break;
            }
            if t.kind == Kind::Punct {
                break;
            }
            j += 1;
        }
        if start < n
            && self.toks[start].is_punct(',')
            && self.toks.get(start + 1).is_some_and(|t| t.opens.is_some())
        {
            start += 1; // He added, "…"
        }
        if start >= n || !(self.same(start, anchor) || self.toks[start].opens.is_some()) {
            return None;
        }
        // "told AFP a day after ...", "said on Tuesday when ...": no content here.
        let mut lead = start;
        while lead < n && lead < start + 4 && self.is_time_filler(lead) {
            lead += 1;
        }
        if self.plain_word(lead, anchor) {
            let t = &self.toks[lead];
            if t.is(STOP) && !self.word_is(lead, "that") {
                return None;
            }
            let timed = (start..lead).any(|i| !self.toks[i].is(DET | NUM));
            if timed && !t.is(PREP) {
                start = lead; // said on Tuesday [he would ...]
            } else if t.is(PREP) && !t.cap {
                return None; // "reported from Los Angeles"
            }
        }
        // Direct: the content is a quotation (after an optional "that").
        let qtok = if self.word_is(start, "that") {
            start + 1
        } else {
            start
        };
        if let Some(q) = self.toks.get(qtok).and_then(|t| t.opens) {
            let q = self.quoted[q as usize];
            let after = q.close + 1;
            let ends_clause = !q.closed
                || after >= n
                || !self.same(after, anchor) && !self.same(after, q.close)
                || matches!(self.toks[after].kind, Kind::Punct)
                    && matches!(self.toks[after].ch, '.' | ',' | '!' | '?' | ';');
            if ends_clause {
                // "said that 'it is not a halt'": the "that" stays with the content.
                let span = Span::new(self.toks[start].start, q.span.end);
                return Some((span, true));
            }
        }
        // Indirect: to the end of the sentence, or of a quotation that runs past it.
        let mut end = start;
        while end < n && self.same(end, start) {
            end += 1;
        }
        let mut last = end;
        while last > start && self.toks[last - 1].kind == Kind::Punct {
            last -= 1;
        }
        if last > start
            && let Some(q) = self.toks[last - 1].inside
        {
            let q = self.quoted[q as usize];
            if q.closed {
                last = last.max(q.close + 1);
            }
        }
        let words = (start..last).filter(|&i| self.toks[i].is_word()).count();
        (words >= 2).then(|| (self.span(start, last), false))
    }

    /// Time fillers between a cue and its content: "a day after", "on Tuesday".
    fn is_time_filler(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_word() {
            return false;
        }
        if t.is(TIME | DET | NUM) {
            return true;
        }
        let w = self.word(i).to_ascii_lowercase();
        matches!(
            w.as_str(),
            "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "hour"
                | "hours"
                | "last"
                | "on"
                | "this"
                | "next"
        )
    }

    /// The previous sentence as content (`X said.` after the reported words).
    fn previous_sentence(&self, c: usize) -> Option<Span> {
        let first = self.sentence_start(c);
        let prev_last = first.checked_sub(1)?;
        if self.sent[prev_last] == u32::MAX {
            return None;
        }
        let prev_first = self.sentence_start(prev_last);
        let mut last = prev_last + 1;
        while last > prev_first && self.toks[last - 1].kind == Kind::Punct {
            last -= 1;
        }
        let words = (prev_first..last)
            .filter(|&i| self.toks[i].is_word())
            .count();
        (words >= 3).then(|| self.span(prev_first, last))
    }

    /// Number of words from token `a` to the end of its sentence, stopping at
    /// "that" or an opening quote (which mean real content follows).
    fn words_to_sentence_end(&self, a: usize, anchor: usize) -> (usize, bool) {
        let mut words = 0;
        let mut j = a;
        while j < self.toks.len() && self.same(j, anchor) {
            let t = &self.toks[j];
            if t.opens.is_some() || t.is_punct(':') || self.word_is(j, "that") {
                return (words, true);
            }
            if t.is_word() {
                words += 1;
            }
            j += 1;
        }
        (words, false)
    }

    /// The quotation that continues a direct quote after its attribution:
    /// `"…," he said. "…"` or `"…," he said, "…"` in the same paragraph.
    fn continuation(&self, f: &Found) -> Option<Span> {
        if !f.direct || f.content.end > self.toks[f.cue.0].start {
            return None;
        }
        let e = f.cue.1.max(f.source.1);
        let t = self.toks.get(e)?;
        if !(t.is_punct('.') || t.is_punct(',')) {
            return None;
        }
        let next = self.toks.get(e + 1)?;
        let q = self.quoted.get(next.opens? as usize)?;
        (!next.newline_before).then_some(q.span)
    }

    /// The cue as PolNeAR marks it: with its auxiliaries and adverbs ("has
    /// also said"), a following colon ("said:") or "in a statement".
    fn extend_cue(&self, cue: (usize, usize), source: (usize, usize)) -> (usize, usize) {
        let (mut a, mut b) = cue;
        while a > source.1 && a > 0 && self.plain_word(a - 1, cue.0) {
            let t = &self.toks[a - 1];
            let w = self.word(a - 1).to_ascii_lowercase();
            let aux = t.is(AUX) && !matches!(w.as_str(), "is" | "was" | "are" | "were" | "be");
            let ly = !t.cap && w.len() > 4 && w.ends_with("ly");
            if aux || (t.is(ADVERB) && !t.cap) || ly || w == "not" {
                a -= 1;
            } else {
                break;
            }
        }
        let verb = self.word(cue.0).to_ascii_lowercase();
        let next = self.word(b).to_ascii_lowercase();
        let particle = match verb.as_str() {
            "called" | "calls" | "calling" => matches!(next.as_str(), "on" | "for"),
            "referring" | "referred" => next == "to",
            "pointing" | "pointed" => matches!(next.as_str(), "out" | "to"),
            _ => false,
        };
        let colon = self.toks.get(b).is_some_and(|t| t.is_punct(':'));
        if colon || (particle && self.plain_word(b, cue.0)) {
            b += 1;
        } else if self.word_is(b, "in")
            && self.toks.get(b + 1).is_some_and(|t| t.is(DET))
            && self.plain_word(b + 2, cue.0)
            && self.word(b + 2).eq_ignore_ascii_case("statement")
        {
            b += 3;
        }
        (a, b)
    }

    /// A hedge right after token `end`: ", speaking anonymously", ", who asked
    /// not to be named", ", speaking on condition of anonymity".
    fn hedge_after(&self, end: usize) -> Option<Span> {
        if !self.toks.get(end)?.is_punct(',') {
            return None;
        }
        let first = end + 1;
        if !(self.word_is(first, "speaking") || self.word_is(first, "who")) {
            return None;
        }
        let mut j = first;
        while j < self.toks.len()
            && self.same(j, first)
            && !matches!(self.toks[j].kind, Kind::Punct | Kind::Mark)
        {
            j += 1;
        }
        let span = self.span(first, j);
        let clause = self.text.get(span.start..span.end)?.to_ascii_lowercase();
        let hedged = [
            "anonym",
            "not authori",
            "not be named",
            "not to be named",
            "be identified",
        ]
        .iter()
        .any(|h| clause.contains(h));
        hedged.then_some(span)
    }

    fn verb(&self, c: usize, found: &[Found]) -> Option<Found> {
        if c > 0 && self.plain_word(c - 1, c) {
            // "any comment", "his claims", "to say": a noun or an infinitive.
            let p = &self.toks[c - 1];
            if (p.is(DET) && !p.cap) || p.possessive || self.word_is(c - 1, "to") {
                return None;
            }
        }
        let addressee = self.toks[c].is(ADDRESSEE);
        let cue = (c, c + 1);
        let left_end = self.skip_adverbs_left(c);
        if let Some(src) = self.left_np(left_end, c, false) {
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
        // "…, former rival says": after the content any phrase can be the source.
        if let Some(src) = self.left_np(left_end, c, true)
            && src.0 > 0
            && self.content_before(src.0).is_some()
            && !self.toks[src.1 - 1].is(PREP | DET)
        {
            return self.with_left_source(src, cue, addressee, None);
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
            let adjunct =
                (next.is(PREP) && !next.cap) || next.is(TIME) || self.word_is(src.1, "who");
            if !adjunct {
                return None;
            }
        }
        let (content, direct) = self.content_before(left_end)?;
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
            continuation: None,
        })
    }

    /// Extends an inverted source over the description that follows it to
    /// the end of the sentence: `said Will Doyle, a professor at Vanderbilt`.
    /// Stops before a participle (", adding"), a quotation or a parenthesis.
    fn apposition_after(&self, src: (usize, usize)) -> (usize, usize) {
        let sep = src.1;
        if !self.toks.get(sep).is_some_and(|t| t.is_punct(',')) || !self.plain_word(sep + 1, sep) {
            return src;
        }
        let first = &self.toks[sep + 1];
        if !(first.is(DET | ROLE | TITLE | NUM) || first.cap || self.word_is(sep + 1, "who")) {
            return src;
        }
        let mut end = sep + 1;
        let mut k = sep + 1;
        while k < self.toks.len() && self.same(k, sep) {
            let t = &self.toks[k];
            if t.kind == Kind::Mark || t.inside.is_some() || t.is(PARTICIPLE) || t.is_punct('(') {
                break;
            }
            if t.is_word() {
                end = k + 1;
            }
            k += 1;
        }
        if k < self.toks.len() && self.same(k, sep) && self.toks[k].is(PARTICIPLE) {
            // "…, a lawyer, adding": stop before the comma.
            while end > sep + 1 && !self.toks[end - 1].is_word() {
                end -= 1;
            }
        }
        (src.0, end.max(src.1))
    }

    fn with_left_source(
        &self,
        src: (usize, usize),
        cue: (usize, usize),
        addressee: bool,
        hedge: Option<Span>,
    ) -> Option<Found> {
        let c = cue.0;
        let before = self.content_before(src.0);
        let after = self.content_after(cue.1, c, addressee);
        let (after_words, after_marked) = self.words_to_sentence_end(cue.1, c);
        let use_before = match (&before, &after) {
            (Some(_), None) => true,
            (Some((_, true)), Some((_, false))) => !after_marked && after_words <= 5,
            (Some((_, false)), Some((_, false))) => !after_marked && after_words <= 3,
            _ => false,
        };
        if before.is_none() && after.is_none() {
            let strong = matches!(
                self.word(c).to_ascii_lowercase().as_str(),
                "said" | "says" | "told" | "added" | "tells" | "adds"
            );
            if !strong || after_marked {
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
                continuation: None,
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
            continuation: None,
        })
    }

    /// `X, <apposition>, said`: `comma` is the comma right before the cue.
    fn apposition(&self, comma: usize, c: usize) -> Option<((usize, usize), Option<Span>)> {
        let mut right = comma; // separator closing the current segment
        let mut hedge = None;
        let mut segments = 0;
        // Right end of the rightmost segment that describes the source (not an
        // adjunct such as "in a statement" or "meanwhile", nor a hedge).
        let mut described_to: Option<usize> = None;
        loop {
            // Find the separator opening this segment.
            let mut q = right;
            loop {
                if q == 0 || right - q >= 32 {
                    return None;
                }
                q -= 1;
                let t = &self.toks[q];
                if !self.same(q, c) || t.kind == Kind::Mark || t.inside.is_some() {
                    return None;
                }
                if is_separator(t) {
                    break;
                }
            }
            if q + 1 >= right {
                return None;
            }
            let seg = (q + 1, right);
            let first = &self.toks[seg.0];
            let relative = self.word_is(seg.0, "who")
                || self.word_is(seg.0, "which")
                || self.word_is(seg.0, "speaking");
            // "in a statement", "in the wake of …", "meanwhile": an adjunct,
            // not part of the source.
            let adjunct = (first.is(PREP) && !first.cap)
                || (first.is(ADVERB | TIME) && seg.1 - seg.0 == 1)
                || (!first.cap && (first.is(PARTICIPLE) || self.word(seg.0).ends_with("ing")));
            // A noun phrase, possibly ending in a relative clause ("a Republican
            // who voted for JFK").
            let rel = (seg.0..seg.1)
                .find(|&i| self.word_is(i, "who") || self.word_is(i, "which"))
                .unwrap_or(seg.1);
            let verbless = (seg.0..rel).all(|i| {
                let t = &self.toks[i];
                t.cap || !t.is(AUX | VERB | STOP | PRONOUN | PARTICIPLE) || t.is(ROLE | TITLE)
            });
            let noun_phrase = verbless && !first.is(PRONOUN | STOP) && seg.1 - seg.0 <= 30;
            if !(relative || noun_phrase || adjunct) {
                return None;
            }
            if relative && hedge.is_none() {
                let clause = self.slice(seg.0, seg.1).to_ascii_lowercase();
                let hedged = ["anonym", "not authori", "not be named", "not to be named"]
                    .iter()
                    .any(|h| clause.contains(h));
                if hedged {
                    hedge = Some(self.span(seg.0, seg.1));
                }
            }
            segments += 1;
            if !adjunct && !self.word_is(seg.0, "speaking") && described_to.is_none() {
                described_to = Some(right);
            }
            // Is there a name right before this segment?
            if let Some(head) = self.left_np(q, c, false)
                // "of Flint, Mich.": a place in a prepositional phrase, go on.
                && !(head.0 > 0 && self.toks[head.0 - 1].is(PREP) && !self.toks[head.0 - 1].cap)
            {
                let h = &self.toks[head.1 - 1];
                let seg_is_name = segments == 1
                    && !relative
                    && !adjunct
                    && self.toks[seg.1 - 1].cap
                    && (seg.0..seg.1).all(|i| self.toks[i].cap || self.word_is(i, "of"));
                if !self.toks[head.0].is(PRONOUN) && (h.cap || h.is(ROLE | TITLE) || seg_is_name) {
                    // "X, the interior minister", "the manager, Corey Lewandowski",
                    // "Chris Cox, who runs the NRA's lobbying arm": the source
                    // runs to the end of its description.
                    let end = described_to.unwrap_or(head.1);
                    let mut start = head.0;
                    if !h.cap
                        && start > 1
                        && self.toks[start - 1].is_punct(',')
                        && let Some(name) = self.left_np(start - 1, c, false)
                        && self.toks[name.0].cap
                        && self.toks[name.1 - 1].cap
                    {
                        start = name.0;
                    }
                    return Some(((start, end), hedge));
                }
            }
            if segments >= 5 || !is_separator(&self.toks[q]) {
                return None;
            }
            right = q;
        }
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
            continuation: None,
        })
    }

    /// `…, saying …`: the speaker of the sentence's last attribution, or its
    /// subject when that is a name or pronoun.
    fn participle(&self, c: usize, found: &[Found]) -> Option<Found> {
        if c == 0 || !self.toks[c - 1].is_punct(',') {
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
            continuation: None,
        })
    }
}

#[cfg(test)]
mod tests;
