//! Noun phrases for sources: scanning left of a cue (`X said`), right of it
//! (`said X`, `according to X`), across appositions (`X, the minister,
//! said`) and the subject of a sentence (for `…, saying`).

use super::lexicon::{
    ADVERB, AUX, DET, LINK, NUM, ORG, PARTICIPLE, PREP, PRONOUN, ROLE, STOP, TIME, TITLE, VERB,
};
use super::tokens::Kind;
use super::{Doc, Found, is_separator};
use crate::article::Span;

impl Doc<'_> {
    /// Whether a lower-case preposition at `i` continues a noun phrase:
    /// "close to X", "familiar with", "spokesman for the ministry",
    /// "Embassy in Baghdad", "Secretary of State".
    pub(super) fn prep_continues(&self, i: usize, anchor: usize) -> bool {
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
        // "residents in the area", "farmers in the valley", "officials from
        // the ministry": a group of people placed by a locative phrase.
        let placed_group = matches!(w, "in" | "from") && self.is_people_plural(i - 1);
        // "a statement from the presidency", "a letter from the ministry":
        // a document and who issued it.
        let issued = w == "from"
            && !prev.cap
            && super::speaker::DOCUMENT_HEADS
                .contains(&self.word(i - 1).to_ascii_lowercase().as_str());
        quantity
            || placed_group
            || issued
            || (prev.is(ROLE | ORG | TITLE) && !prev.cap && role_prep)
            || (next_cap && w != "on" && w != "to")
    }

    /// Whether word `i` is a plural noun for people: "people", a plural role
    /// ("residents", "officials") or a plural ending in "-ers" ("farmers",
    /// "villagers", "fighters").
    pub(super) fn is_people_plural(&self, i: usize) -> bool {
        let w = self.word(i).to_ascii_lowercase();
        let plural = w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss");
        (plural && (self.toks[i].is(ROLE) || w.ends_with("ers"))) || w == "people"
    }

    /// Whether word `i` ends a noun phrase (scanning in either direction).
    pub(super) fn breaks_np(&self, i: usize) -> bool {
        self.breaks_np_at(i, false)
    }

    /// Like [`Doc::breaks_np`]; `before_cue` allows a noun that is also a
    /// reporting verb right before the cue ("One tweet said").
    pub(super) fn breaks_np_at(&self, i: usize, before_cue: bool) -> bool {
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
    pub(super) fn skip_adverbs_left(&self, c: usize) -> usize {
        let mut j = c;
        let mut skipped_time = false;
        let stop = c.saturating_sub(16);
        // "is telling", "were backing": a progressive keeps its subject.
        let progressive = self.word(c).ends_with("ing");
        while j > stop && self.plain_word(j - 1, c) {
            let t = &self.toks[j - 1];
            let w = self.word(j - 1);
            let aux = t.is(AUX)
                && (progressive
                    || !matches!(
                        w.to_ascii_lowercase().as_str(),
                        "is" | "was" | "are" | "were" | "be" | "been" | "being" | "am"
                    ));
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
    pub(super) fn open_paren(&self, close: usize, anchor: usize) -> Option<usize> {
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
    pub(super) fn sentence_subject(&self, c: usize, found: &[Found]) -> Option<(usize, usize)> {
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
            // "The New York businessman has praised …"
            let article_led =
                np.1 - np.0 >= 2 && ["the", "a", "an"].iter().any(|d| self.word_is(np.0, d));
            // "Ms. Zimmer's account was …": the owner is not the subject;
            // "…, Tex., was explaining": a state's abbreviation neither.
            let owner = self.toks.get(np.1).is_some_and(|t| t.possessive);
            let abbreviation = np.1 - np.0 == 1
                && head.cap
                && self.toks.get(np.1).is_some_and(|t| t.is_punct('.'))
                && self.toks.get(np.1 + 1).is_some_and(|t| t.is_punct(','));
            (head.cap || head.is(PRONOUN | ROLE | TITLE | ORG) || article_led)
                && !head.is(ADVERB | TIME)
                && !verb_like
                && !owner
                && !abbreviation
        };
        // The subject, after up to two introductory phrases ("Instead, he …",
        // "By the end of the day, Mr. Trump …").
        let mut start = self.sentence_start(c);
        for _ in 0..3 {
            // "In a victory speech in Westchester County, Mr. Trump …",
            // "Like Mr. Sanders, she …", "Speaking in Salem, Trump …": an
            // introductory phrase, not the subject.
            let w = self.word(start).to_ascii_lowercase();
            // "Last week, …", "Early on Sunday, …": a time phrase.
            let time_lead = matches!(
                w.as_str(),
                "last" | "this" | "next" | "early" | "late" | "earlier" | "later"
            ) && self.toks.get(start + 1).is_some_and(|t| {
                t.is(TIME)
                    || matches!(
                        self.word(start + 1).to_ascii_lowercase().as_str(),
                        "week" | "month" | "year" | "weekend" | "night" | "on" | "in"
                    )
            });
            let intro = time_lead
                || self
                    .toks
                    .get(start)
                    .is_some_and(|t| t.is(PREP | STOP | TIME))
                || w.ends_with("ing")
                || matches!(
                    w.as_str(),
                    "amid" | "like" | "despite" | "during" | "following"
                );
            if !intro
                && let Some(np) = self.right_np_mode(start, true)
                && is_subject(np)
            {
                return (np.1 < c).then_some(np);
            }
            start = (start..c.min(start + super::CLAUSE_WINDOW))
                .find(|&i| self.toks[i].is_punct(','))?
                + 1;
        }
        None
    }

    /// Whether a "familiar"/"close" link word stands a few words left of `i`
    /// in the same phrase ("a person familiar with the planning for …").
    pub(super) fn link_before(&self, i: usize, anchor: usize) -> bool {
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
    pub(super) fn can_head(&self, i: usize) -> bool {
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
    pub(super) fn left_np(
        &self,
        end: usize,
        anchor: usize,
        relaxed: bool,
    ) -> Option<(usize, usize)> {
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
            // "The militants’ spokesman": a plural possessive's apostrophe.
            if k < end
                && i > 0
                && self.toks[i].kind == Kind::Mark
                && self.toks[i].opens.is_none()
                && self.toks[i].closes.is_none()
                && self.toks[i - 1].possessive
                && self.same(i - 1, anchor)
            {
                k = i;
                continue;
            }
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
        // "He rejects calls": a verb alone before the cue is no noun.
        if np.1 - np.0 == 1
            && self.toks[np.0].is(VERB)
            && !self.toks[np.0].cap
            && !super::speaker::DOCUMENT_HEADS
                .contains(&self.word(np.0).to_ascii_lowercase().as_str())
        {
            return None;
        }
        // "residents in the area", "people familiar with the matter": the
        // head stands before the preposition or the linking adjective.
        let head = (np.0 + 1..np.1)
            .find(|&i| self.toks[i].is(PREP | LINK) && !self.toks[i].cap)
            .map_or(np.1 - 1, |p| p - 1);
        (relaxed || self.can_head(np.1 - 1) || self.can_head(head)).then_some(np)
    }

    /// The subject when the phrase `np` right before a cue is the object of
    /// a preposition. An adjunct ("Harlow over the weekend denied", "the
    /// agency at the time said", "lawmakers in the chamber said") leaves
    /// the subject before the preposition; a reduced relative keeps its
    /// noun ("an official briefed on the talks"); "of" makes one phrase
    /// ("the head of the council"). `np` itself when no preposition
    /// precedes it or its object is capitalized (a name: the scan kept
    /// names it could join); `None` when nothing before an adjunct can be
    /// the subject. "by" is left alone: its object is an author or agent.
    pub(super) fn subject_before_object(
        &self,
        np: (usize, usize),
        anchor: usize,
    ) -> Option<(usize, usize)> {
        let (a, b) = np;
        if a == 0 || !self.plain_word(a - 1, anchor) {
            return Some(np);
        }
        let p = &self.toks[a - 1];
        let object_named = (a..b).any(|i| self.toks[i].cap || self.toks[i].is(PRONOUN));
        // Prepositions that only open adjuncts, beside the noun-phrase ones.
        let adjunct_prep = ["over", "during", "throughout", "within", "across"]
            .iter()
            .any(|w| self.word_is(a - 1, w));
        if !(p.is(PREP) || adjunct_prep) || p.cap || object_named || self.word_is(a - 1, "by") {
            return Some(np);
        }
        if self.word_is(a - 1, "of") {
            return Some(
                self.left_np(a - 1, anchor, true)
                    .filter(|h| h.1 == a - 1)
                    .map_or(np, |h| (h.0, b)),
            );
        }
        if a >= 2
            && self.plain_word(a - 2, anchor)
            && !self.toks[a - 2].cap
            && self.word(a - 2).ends_with("ed")
            && let Some(head) = self.left_np(a - 2, anchor, false)
        {
            return Some((head.0, b));
        }
        // "as part of talks over the crisis has called for": a phrase that
        // is itself a preposition's object is no subject either.
        self.left_np(self.skip_adverbs_left(a - 1), anchor, false)
            .filter(|h| {
                h.0 == 0
                    || !self.plain_word(h.0 - 1, anchor)
                    || !self.toks[h.0 - 1].is(PREP)
                    || self.toks[h.0 - 1].cap
            })
    }

    /// The source noun phrase starting at token `start`, in its sentence.
    pub(super) fn right_np(&self, start: usize) -> Option<(usize, usize)> {
        self.right_np_mode(start, false)
    }

    /// The noun phrase starting at `start`; with `subject`, a lower-case word
    /// after a name or role is taken for the verb ("Carly Fiorina threw").
    pub(super) fn right_np_mode(&self, start: usize, subject: bool) -> Option<(usize, usize)> {
        if !self.plain_word(start, start) {
            return None;
        }
        if self.toks[start].is(PRONOUN) {
            return Some((start, start + 1));
        }
        let mut k = start;
        while k < self.toks.len() && k - start < 12 {
            // "according to initial reports": a document noun that is also
            // a verb form heads the phrase.
            // So is a verb form after a determiner ("familiar with his
            // plans").
            let document = k > start
                && !self.toks[k].cap
                && (super::speaker::DOCUMENT_HEADS
                    .contains(&self.word(k).to_ascii_lowercase().as_str())
                    || (self.toks[k].is(VERB)
                        && self.toks[k - 1].is(DET)
                        && !self.toks[k - 1].cap));
            if !self.plain_word(k, start) || (self.breaks_np(k) && !document) {
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
                // ("broke with President Obama": a capitalized title opens
                // another name.)
                let role_follows = (k + 1..(k + 3).min(self.toks.len())).any(|i| {
                    self.plain_word(i, start)
                        && self.toks[i].is(ROLE | ORG | TITLE)
                        && !self.toks[i].cap
                });
                let verb_like = (prev.cap && !role_follows)
                    || (self.word(k).ends_with("ed") && !self.word(k - 1).ends_with("ed"));
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

    /// Whether token `i` opens its sentence with a word that opens a clause
    /// or an adjunct, capitalized only by its place ("Despite Trump saying",
    /// "Amid calls for …", "Rather than …", "Updated: …"): never part of a
    /// name.
    fn sentence_opener(&self, i: usize) -> bool {
        self.toks[i].cap
            && self.sentence_start(i) == i
            && SENTENCE_OPENERS.contains(&self.word(i).to_ascii_lowercase().as_str())
    }

    /// Drops time words, adverbs and prepositions from the edges of a phrase.
    pub(super) fn trim_np(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        while a < b
            && ((self.toks[a].is(PREP | TIME | ADVERB) && !self.toks[a].is(ROLE | ORG))
                || self.sentence_opener(a))
        {
            a += 1;
        }
        while b > a && (self.toks[b - 1].is(PREP | TIME | DET) || self.toks[b - 1].possessive) {
            b -= 1;
        }
        (a < b).then_some((a, b))
    }

    /// Extends an inverted source over the description that follows it to
    /// the end of the sentence: `said Will Doyle, a professor at Vanderbilt`.
    /// Stops before a participle (", adding"), a quotation or a parenthesis.
    pub(super) fn apposition_after(&self, src: (usize, usize)) -> (usize, usize) {
        let sep = src.1;
        if !self.toks.get(sep).is_some_and(|t| t.is_punct(',')) || !self.plain_word(sep + 1, sep) {
            return src;
        }
        let first = &self.toks[sep + 1];
        // "said Yusuf, 19, a student": an age opens the description too.
        let age = first.ch.is_ascii_digit();
        if !(first.is(DET | ROLE | TITLE | NUM) || first.cap || age || self.word_is(sep + 1, "who"))
        {
            return src;
        }
        let mut end = sep + 1;
        let mut k = sep + 1;
        let stop = self.toks.len().min(sep + super::CLAUSE_WINDOW);
        while k < stop && self.same(k, sep) {
            let t = &self.toks[k];
            // "…, 60, standing outside her home": a participle after a comma
            // describes what the speaker did, not who they are.
            let participle = t.is(PARTICIPLE)
                || (t.is_word()
                    && !t.cap
                    && self.toks[k - 1].is_punct(',')
                    && self.word(k).ends_with("ing"));
            if t.kind == Kind::Mark || t.inside.is_some() || participle || t.is_punct('(') {
                break;
            }
            if t.is_word() {
                end = k + 1;
            }
            k += 1;
        }
        if k < stop && self.same(k, sep) && self.toks[k].is_word() {
            // "…, a lawyer, adding": stop before the comma.
            while end > sep + 1 && !self.toks[end - 1].is_word() {
                end -= 1;
            }
        }
        (src.0, end.max(src.1))
    }

    /// `X, <apposition>, said`: `comma` is the comma right before the cue.
    pub(super) fn apposition(
        &self,
        comma: usize,
        c: usize,
    ) -> Option<((usize, usize), Option<Span>)> {
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
            let adverbial_clause = !first.cap
                && matches!(
                    self.word(seg.0),
                    "when"
                        | "while"
                        | "after"
                        | "before"
                        | "as"
                        | "if"
                        | "though"
                        | "although"
                        | "asked"
                );
            let adjunct = adverbial_clause
                || (first.is(PREP) && !first.cap)
                || (first.is(ADVERB | TIME) && seg.1 - seg.0 == 1)
                || (!first.cap && (first.is(PARTICIPLE) || self.word(seg.0).ends_with("ing")));
            // A noun phrase, possibly ending in a relative clause ("a Republican
            // who voted for JFK").
            let rel = (seg.0..seg.1)
                .find(|&i| self.word_is(i, "who") || self.word_is(i, "which"))
                .unwrap_or(seg.1);
            // "a senator from Vermont and self-described democratic socialist"
            let verbless = (seg.0..rel).all(|i| {
                let t = &self.toks[i];
                t.cap
                    || !t.is(AUX | VERB | STOP | PRONOUN | PARTICIPLE)
                    || t.is(ROLE | TITLE)
                    || (i > seg.0 && (self.word_is(i, "and") || self.word_is(i, "or")))
            });
            let noun_phrase = verbless && !first.is(PRONOUN | STOP) && seg.1 - seg.0 <= 30;
            if !(relative || noun_phrase || adjunct) {
                return None;
            }
            if relative && hedge.is_none() {
                let clause = self.slice(seg.0, seg.1).to_ascii_lowercase();
                let hedged = super::content::HEDGES.iter().any(|h| clause.contains(h));
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
            // "Another delegate on the Cruz slate, Jim Poolman, said": a
            // full name set off right before the cue is the source even when
            // the description before it is not recognised.
            let full_name = segments == 1
                && !relative
                && !adjunct
                && seg.1 - seg.0 >= 2
                && (seg.0..seg.1).all(|i| self.toks[i].cap && self.toks[i].is_word())
                && !(seg.0..seg.1).any(|i| self.toks[i].is(ORG | TIME | STOP | PRONOUN));
            if full_name {
                // "\"…,\" the victim's mother, Maria Lopez, said": a noun
                // phrase right after the content, before the name, is its
                // description.
                if let Some(np) = self.left_np(q, c, true)
                    && self.content_before(np.0).is_some()
                {
                    return Some(((np.0, seg.1), hedge));
                }
                return Some((seg, hedge));
            }
            if segments >= 5 || !is_separator(&self.toks[q]) {
                return None;
            }
            right = q;
        }
    }
}

/// Words that open a sentence with a clause or an adjunct, never a name:
/// subordinators and prepositions, and the "Updated:" of a web page.
const SENTENCE_OPENERS: &[&str] = &[
    "after",
    "although",
    "amid",
    "as",
    "because",
    "before",
    "despite",
    "during",
    "following",
    "if",
    "meanwhile",
    "newly",
    "rather",
    "since",
    "though",
    "unlike",
    "until",
    "updated",
    "when",
    "whereas",
    "while",
    "without",
];
