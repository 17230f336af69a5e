//! Content spans (what was said: a quotation or a clause before or after
//! the cue), the cue's full extent, continuations and anonymity hedges.

use super::lexicon::{ADVERB, AUX, DET, NUM, PARTICIPLE, PREP, TIME, VERB};
use super::tokens::Kind;
use super::{Doc, Found};
use crate::article::Span;

/// How many sentences after an attribution a standalone quotation may stand
/// and still be that speaker's (see `with_standalone_quotations`).
pub(super) const STANDALONE_SENTENCES: u32 = 6;

impl Doc<'_> {
    /// The quoted span a closing mark at `i` closes, if any.
    pub(super) fn closed_quote_at(&self, i: usize) -> Option<Span> {
        let t = self.toks.get(i)?;
        let q = self.quoted.get(t.closes? as usize)?;
        Some(q.span)
    }

    /// First token of the sentence holding token `i`.
    pub(super) fn sentence_start(&self, i: usize) -> usize {
        self.seg_start.get(i).map_or(i, |&s| s as usize)
    }

    /// One past the last token of the sentence holding token `i`.
    pub(super) fn sentence_end(&self, i: usize) -> usize {
        self.seg_end.get(i).map_or(i, |&e| e as usize)
    }

    /// Content before a source-and-cue block that starts at token `b`:
    /// `"…," X said` (direct) or `…, X said` (indirect).
    pub(super) fn content_before(&self, b: usize) -> Option<(Span, bool)> {
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
        // A clause longer than the window is not reported content (and the
        // scans below stay bounded).
        if first + 1 > p || !self.same(first, p) || p - first > super::CLAUSE_WINDOW {
            return None;
        }
        let first = (first..p).find(|&i| self.toks[i].kind != Kind::Punct)?;
        if first >= p {
            return None;
        }
        // "Asked about the strike, the spokesman …", "Speaking to reporters,
        // he …": an introductory participle clause, with no verb of its own
        // ("Fighting continued overnight" has one), is not what was said.
        let w = self.word(first).to_ascii_lowercase();
        let verbless = (first + 1..p).all(|i| {
            let t = &self.toks[i];
            !(t.is(AUX | VERB) || (t.is_word() && !t.cap && self.word(i).ends_with("ed")))
        });
        if self.toks[first].is_word() && (w == "asked" || w.ends_with("ing")) && verbless {
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
    pub(super) fn content_after(
        &self,
        a: usize,
        anchor: usize,
        addressee: bool,
    ) -> Option<(Span, bool)> {
        let mut k = a;
        if addressee && let Some((_, e)) = self.right_np(k) {
            k = e;
        }
        // "told Reuters on condition of anonymity that …": the hedge
        // belongs to the source.
        if let Some((_, e)) = self.anonymity_at(k) {
            k = e;
        }
        // "reported, citing two sources, that …": the cited sources stand
        // between the cue and its content.
        if self.toks.get(k).is_some_and(|t| t.is_punct(','))
            && self.word_is(k + 1, "citing")
            && let Some(comma) = (k + 2..self.toks.len().min(k + 16))
                .take_while(|&i| self.same(i, anchor))
                .find(|&i| self.toks[i].is_punct(','))
        {
            k = comma + 1;
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
        // "the official said, adding that …": what follows a comma and a
        // participle is the participle's content, not the cue's.
        if self.toks.get(start).is_some_and(|t| t.is_punct(','))
            && self
                .toks
                .get(start + 1)
                .is_some_and(|t| t.is(PARTICIPLE) && !t.cap)
        {
            return None;
        }
        if start >= n || !(self.same(start, anchor) || self.toks[start].opens.is_some()) {
            return None;
        }
        // "told AFP a day after ...", "said on Tuesday when ...": no content here.
        let mut lead = start;
        while lead < n && lead < start + 4 && self.is_time_filler(lead) {
            lead += 1;
        }
        // "threatened in October to withdraw", "said on Tuesday he would":
        // a preposition opening a time phrase is part of the time phrase.
        if lead == start
            && self.plain_word(lead, anchor)
            && matches!(
                self.word(lead).to_ascii_lowercase().as_str(),
                "in" | "on" | "at" | "during" | "last" | "this" | "early" | "late"
            )
            && lead + 1 < n
            && (self.toks[lead + 1].is(TIME) || self.is_month(lead + 1))
        {
            lead += 1;
            while lead < n && lead < start + 5 && (self.is_time_filler(lead) || self.is_month(lead))
            {
                lead += 1;
            }
        }
        // "said on Thursday the outbreak …", "said on Tuesday two people
        // …": a determiner or number ending the time phrase opens the content.
        while lead > start && self.toks[lead - 1].is(DET | NUM) {
            lead -= 1;
        }
        if self.plain_word(lead, anchor) {
            let t = &self.toks[lead];
            // Adverbial clauses are not what was said; "how", "why",
            // "whether", "if" and "that" clauses are.
            let adverbial = matches!(
                self.word(lead).to_ascii_lowercase().as_str(),
                "after"
                    | "before"
                    | "while"
                    | "as"
                    | "because"
                    | "since"
                    | "although"
                    | "though"
                    | "until"
                    | "unless"
                    | "but"
                    | "and"
                    | "or"
                    | "so"
                    | "than"
                    | "nor"
            );
            if adverbial {
                return None;
            }
            let timed = (start..lead).any(|i| !self.toks[i].is(DET | NUM));
            // "vowed to impose", "warned of", "talked about", "called for" are
            // content; "said at a rally", "reported from Los Angeles" are not.
            // "said at least 12 people were killed": a quantity, not a place.
            let quantity = self.word_is(lead, "at")
                && (self.word_is(lead + 1, "least") || self.word_is(lead + 1, "most"));
            if t.is(PREP)
                && !t.cap
                && !quantity
                && !matches!(self.word(lead), "to" | "of" | "about" | "for")
            {
                return None;
            }
            if timed {
                start = lead; // said on Tuesday [he would ...]
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
        // Indirect: to the end of the sentence, or of a quotation that runs
        // past it; a comma and a participle ("…, adding that …") begin the
        // participle's own content.
        let mut end = start;
        let stop = self.sentence_end(start).min(start + super::CLAUSE_WINDOW);
        while end < stop {
            if end > start
                && self.toks[end].is_punct(',')
                && self.plain_word(end + 1, start)
                && ((self.toks[end + 1].is(PARTICIPLE) && !self.toks[end + 1].cap)
                    || self.medium_at(end + 1))
            {
                break;
            }
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
        let two_words = (start..last)
            .filter(|&i| self.toks[i].is_word())
            .nth(1)
            .is_some();
        two_words.then(|| (self.span(start, last), false))
    }

    /// "in a statement", "in an interview", "in a post on X" at token `i`:
    /// where something was said, which ends reported content ("it carried
    /// out the attack, in a statement posted online").
    pub(super) fn medium_at(&self, i: usize) -> bool {
        self.word_is(i, "in")
            && self.toks.get(i + 1).is_some_and(|t| t.is(DET))
            && [
                "address",
                "interview",
                "letter",
                "message",
                "post",
                "speech",
                "statement",
                "tweet",
                "video",
            ]
            .iter()
            .any(|w| self.word_is(i + 2, w))
    }

    /// Time fillers between a cue and its content: "a day after", "on Tuesday".
    /// Whether token `i` is a capitalized month name ("in October").
    fn is_month(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word()
            && t.cap
            && matches!(
                self.word(i).to_ascii_lowercase().as_str(),
                "january"
                    | "february"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
            )
    }

    pub(super) fn is_time_filler(&self, i: usize) -> bool {
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
    pub(super) fn previous_sentence(&self, c: usize) -> Option<Span> {
        let first = self.sentence_start(c);
        let prev_last = first.checked_sub(1)?;
        if self.sent[prev_last] == u32::MAX {
            return None;
        }
        // A headline or a dateline ends in no sentence punctuation: it is
        // not what was said.
        let ended = &self.toks[prev_last];
        if !(ended.kind == Kind::Mark || matches!(ended.ch, '.' | '!' | '?')) {
            return None;
        }
        let prev_first = self.sentence_start(prev_last);
        if prev_last + 1 - prev_first > super::CLAUSE_WINDOW {
            return None;
        }
        let mut last = prev_last + 1;
        while last > prev_first && self.toks[last - 1].kind == Kind::Punct {
            last -= 1;
        }
        let three_words = (prev_first..last)
            .filter(|&i| self.toks[i].is_word())
            .nth(2)
            .is_some();
        three_words.then(|| self.span(prev_first, last))
    }

    /// Number of words from token `a` to the end of its sentence (at most
    /// [`super::CLAUSE_WINDOW`] tokens on), stopping at "that" or an opening
    /// quote (which mean real content follows).
    pub(super) fn words_to_sentence_end(&self, a: usize, anchor: usize) -> (usize, bool) {
        let mut words = 0;
        let mut j = a;
        let stop = self.toks.len().min(a + super::CLAUSE_WINDOW);
        while j < stop && self.same(j, anchor) {
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

    /// Adds the quotations that continue an attribution without a cue of
    /// their own, each as an attribution of its own (rule `quote.continued`)
    /// right after the one it continues: `"…," he said, "…"`, and the
    /// quotations that make whole sentences right after the attribution's
    /// sentence, in the same paragraph or the next ones, up to the first
    /// sentence that is not one (`"…," she said. "…"\n\n"…"`). A quotation
    /// that is already some attribution's content is never taken.
    pub(super) fn with_continued_quotes(&self, found: Vec<Found>) -> Vec<Found> {
        let mut used = vec![false; self.quoted.len()];
        for f in &found {
            let from = self
                .quoted
                .partition_point(|q| q.span.end <= f.content.start);
            for (i, q) in self.quoted.iter().enumerate().skip(from) {
                if q.span.start >= f.content.end {
                    break;
                }
                used[i] = true;
            }
        }
        let n = self.toks.len();
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            let p = out.len();
            let mut taken: Vec<usize> = Vec::new();
            // `"…," he said, "…"`: right after the source and cue.
            let e = f.cue.1.max(f.source.1);
            let before_cue = f.content.end <= self.toks[f.cue.0].start;
            if f.direct
                && before_cue
                && self
                    .toks
                    .get(e)
                    .is_some_and(|t| t.is_punct(',') || t.is_punct('.'))
                && let Some(next) = self.toks.get(e + 1)
                && !next.newline_before
                && let Some(q) = next.opens.map(|q| q as usize)
                && !used[q]
            {
                used[q] = true;
                taken.push(q);
            }
            // Whole-sentence quotations after the attribution's sentence.
            let content_last = self
                .toks
                .partition_point(|t| t.start < f.content.end)
                .saturating_sub(1);
            let mut last = content_last.max(e.saturating_sub(1));
            if let Some(&q) = taken.last() {
                last = last.max(self.quoted[q].close);
            }
            let mut next = self.sentence_end(last.min(n.saturating_sub(1)));
            while let Some(t) = self.toks.get(next)
                && let Some(q) = t.opens.map(|q| q as usize)
                && !used[q]
                && self.whole_sentences(q)
            {
                used[q] = true;
                taken.push(q);
                next = self.sentence_end(self.quoted[q].close);
            }
            let continued: Vec<Found> = taken
                .into_iter()
                .map(|q| Found {
                    rule: "quote.continued",
                    content: self.quoted[q].span,
                    direct: true,
                    continues: Some(p),
                    ..f.clone()
                })
                .collect();
            out.push(f);
            out.extend(continued);
        }
        self.with_standalone_quotations(out, &mut used)
    }

    /// Quotations standing as whole sentences a few sentences after an
    /// attribution, with other sentences between (`"…," she said. She has
    /// lived there since 2010. "…"`): the speaker of the last attribution
    /// before them, within [`STANDALONE_SENTENCES`] sentences, continues
    /// (rule `quote.continued`, which a who-is-quoted view does not list on
    /// its own).
    fn with_standalone_quotations(&self, found: Vec<Found>, used: &mut [bool]) -> Vec<Found> {
        // Attributions of their own (not continuations), by cue position.
        let parents: Vec<usize> = (0..found.len())
            .filter(|&i| found[i].continues.is_none())
            .collect();
        let mut extra: Vec<Vec<usize>> = vec![Vec::new(); found.len()];
        let mut any = false;
        for (q, taken) in used.iter_mut().enumerate() {
            if *taken || !self.whole_sentences(q) {
                continue;
            }
            let start = self.quoted[q].span.start;
            let before = parents.partition_point(|&i| self.toks[found[i].cue.0].start < start);
            let Some(&p) = before.checked_sub(1).and_then(|k| parents.get(k)) else {
                continue;
            };
            let f = &found[p];
            let open = self.toks.partition_point(|t| t.start < start);
            let last = self
                .toks
                .partition_point(|t| t.start < f.content.end.max(self.toks[f.cue.0].end))
                .saturating_sub(1);
            let (Some(&a), Some(&b)) = (self.sent.get(last), self.sent.get(open)) else {
                continue;
            };
            if f.stance || b <= a || b - a > STANDALONE_SENTENCES {
                continue;
            }
            *taken = true;
            extra[p].push(q);
            any = true;
        }
        if !any {
            return found;
        }
        // Each parent's new continuations go after its own block (itself
        // and the continuations that follow it); `continues` indices move.
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        let mut new_index = vec![0usize; found.len()];
        let mut pending: Vec<(usize, usize)> = Vec::new(); // (parent old index, quoted)
        for (i, mut f) in found.into_iter().enumerate() {
            if f.continues.is_none() {
                for (parent, q) in pending.drain(..) {
                    let mut g = out[new_index[parent]].clone();
                    g.rule = "quote.continued";
                    g.content = self.quoted[q].span;
                    g.direct = true;
                    g.continues = Some(new_index[parent]);
                    out.push(g);
                }
                pending.extend(extra[i].iter().map(|&q| (i, q)));
            }
            if let Some(c) = f.continues {
                f.continues = Some(new_index[c]);
            }
            new_index[i] = out.len();
            out.push(f);
        }
        for (parent, q) in pending {
            let mut g = out[new_index[parent]].clone();
            g.rule = "quote.continued";
            g.content = self.quoted[q].span;
            g.direct = true;
            g.continues = Some(new_index[parent]);
            out.push(g);
        }
        out
    }

    /// Whether quotation `q` opens its sentence and nothing but punctuation
    /// follows it in the sentence of its closing mark.
    fn whole_sentences(&self, q: usize) -> bool {
        let Some(quoted) = self.quoted.get(q) else {
            return false;
        };
        let open = self.toks.partition_point(|t| t.start < quoted.span.start);
        if self.sentence_start(open) != open {
            return false;
        }
        let end = self.sentence_end(quoted.close);
        (quoted.close + 1..end).all(|i| self.toks[i].kind == Kind::Punct)
    }

    /// The cue as PolNeAR marks it: with its auxiliaries and adverbs ("has
    /// also said"), a following colon ("said:") or "in a statement".
    pub(super) fn extend_cue(&self, cue: (usize, usize), source: (usize, usize)) -> (usize, usize) {
        let (mut a, mut b) = cue;
        let progressive = self.word(cue.0).ends_with("ing");
        while a > source.1 && a > 0 && self.plain_word(a - 1, cue.0) {
            let t = &self.toks[a - 1];
            let w = self.word(a - 1).to_ascii_lowercase();
            let aux = t.is(AUX)
                && (progressive || !matches!(w.as_str(), "is" | "was" | "are" | "were" | "be"));
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

    /// Whether the words from token `a` to the end of the clause (the next
    /// punctuation) ask for or grant anonymity: "not to be named", "on
    /// condition of anonymity", "not authorized to speak".
    pub(super) fn hedge_clause(&self, a: usize, anchor: usize) -> bool {
        let mut j = a;
        let stop = self.toks.len().min(a + super::CLAUSE_WINDOW);
        while j < stop
            && self.same(j, anchor)
            && !matches!(self.toks[j].kind, Kind::Punct | Kind::Mark)
        {
            j += 1;
        }
        if j == a {
            return false;
        }
        let span = self.span(a, j);
        let clause = self
            .text
            .get(span.start..span.end)
            .unwrap_or("")
            .to_ascii_lowercase();
        HEDGES.iter().any(|h| clause.contains(h))
    }

    /// "on condition of anonymity", "on the condition of anonymity" or
    /// "anonymously" at token `a`: the hedge's span and the token after it.
    pub(super) fn anonymity_at(&self, a: usize) -> Option<(Span, usize)> {
        if self.word_is(a, "anonymously") {
            return Some((self.span(a, a + 1), a + 1));
        }
        if !self.word_is(a, "on") {
            return None;
        }
        let c = if self.word_is(a + 1, "the") {
            a + 2
        } else {
            a + 1
        };
        let anonymity = self.word_is(c, "condition")
            && self.word_is(c + 1, "of")
            && self.toks.get(c + 2).is_some_and(|t| t.is_word())
            && self.word(c + 2).to_ascii_lowercase().starts_with("anonym");
        anonymity.then(|| (self.span(a, c + 3), c + 3))
    }

    /// A hedge right after token `end`: ", speaking anonymously", ", who asked
    /// not to be named", ", speaking on condition of anonymity", ",
    /// declining to be named", or "on condition of anonymity" itself.
    pub(super) fn hedge_after(&self, end: usize) -> Option<Span> {
        if let Some((span, _)) = self.anonymity_at(end) {
            return Some(span);
        }
        if !self.toks.get(end)?.is_punct(',') {
            return None;
        }
        let first = end + 1;
        let opener = ["speaking", "who", "declining", "asking", "requesting"]
            .iter()
            .any(|w| self.word_is(first, w));
        if !opener {
            return None;
        }
        let mut j = first;
        let stop = self.toks.len().min(first + super::CLAUSE_WINDOW);
        while j < stop
            && self.same(j, first)
            && !matches!(self.toks[j].kind, Kind::Punct | Kind::Mark)
        {
            j += 1;
        }
        let span = self.span(first, j);
        let clause = self.text.get(span.start..span.end)?.to_ascii_lowercase();
        let hedged = HEDGES.iter().any(|h| clause.contains(h));
        hedged.then_some(span)
    }
}

/// What a clause that hedges a source's identity contains: "speaking
/// anonymously", "who was not authorized to speak", "who asked not to be
/// named", "who declined to be identified".
pub(super) const HEDGES: &[&str] = &[
    "anonym",
    "not authori",
    "not be named",
    "not to be named",
    "to be named",
    "be identified",
];
