//! Tokens for the quote extractor: words, punctuation and quotation marks,
//! with byte spans, plus the pairing of quotation marks into quoted spans.
//!
//! Quotation styles: straight `"…"`, curly `“…”`, guillemets `«…»`, low-high
//! `„…“`, and single `'…'` / `‘…’`. An apostrophe inside a word ("Clinton’s",
//! "don't") is part of the word. Single quotes are only recognised outside
//! double quotes, and an unclosed single quote is dropped at the end of its
//! paragraph; an unclosed double quote runs to the end of its paragraph (the
//! news convention for quotes that continue into the next paragraph).

use super::lexicon;
use crate::article::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters and digits, with inner apostrophes, hyphens and periods.
    Word,
    /// Any other single non-space character.
    Punct,
    /// A quotation mark (or an apostrophe standing alone).
    Mark,
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// The first character.
    pub ch: char,
    /// Word-class flags from [`lexicon::flags`] (0 for non-words and for
    /// words inside quotations), set by [`classify`].
    pub flags: u32,
    /// True when the first character is upper-case.
    pub cap: bool,
    /// True when a line break precedes the token (a paragraph boundary).
    pub newline_before: bool,
    /// True for a possessive word ("Trump's", "officials’").
    pub possessive: bool,
    /// Index of the quoted span this token lies strictly inside, if any.
    pub inside: Option<u32>,
    /// Index of the quoted span this mark opens, if any.
    pub opens: Option<u32>,
    /// Index of the quoted span this mark closes, if any.
    pub closes: Option<u32>,
}

impl Token {
    pub(super) fn is(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.ch == c
    }
}

/// A quoted span: from the opening mark to the closing mark (inclusive), or to
/// the end of the paragraph when never closed.
#[derive(Clone, Copy, Debug)]
pub(super) struct Quoted {
    /// Byte span including the marks.
    pub span: Span,
    /// Token index of the closing mark, or of the last token inside when unclosed.
    pub close: usize,
    /// True when a closing mark was found.
    pub closed: bool,
}

/// Titles and abbreviations that keep their final period.
const ABBREVIATIONS: &[&str] = &[
    "adm", "brig", "capt", "col", "dr", "gen", "gov", "jr", "lt", "maj", "mr", "mrs", "ms", "prof",
    "rep", "rev", "sen", "sgt", "sr", "st",
];

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{201e}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    // Fast path for ASCII, the bulk of news copy.
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// Splits `text` into tokens.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut newline = false;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let clen = c.len_utf8();
        if c.is_whitespace() {
            newline |= c == '\n';
            i += clen;
            continue;
        }
        let start = i;
        let (kind, end) = if c.is_alphanumeric() {
            (Kind::Word, word_end(text, i, i + clen))
        } else if c == '\'' && text[i + 1..].starts_with('\'') {
            // Two apostrophes: a double quote in some newspapers' copy.
            (Kind::Mark, i + 2)
        } else if is_quote_char(c) {
            (Kind::Mark, i + clen)
        } else {
            (Kind::Punct, i + clen)
        };
        let mut tok = Token {
            start,
            end,
            kind,
            ch: if end - start == 2 && c == '\'' {
                '"'
            } else {
                c
            },
            flags: 0,
            cap: c.is_uppercase(),
            newline_before: newline,
            possessive: false,
            inside: None,
            opens: None,
            closes: None,
        };
        if kind == Kind::Word {
            classify_word(text, &mut tok);
        }
        newline = false;
        i = tok.end;
        tokens.push(tok);
    }
    tokens
}

/// End of a word starting before `i`: letters and digits, joined by one
/// apostrophe, hyphen, period or ampersand between two of them.
fn word_end(text: &str, start: usize, mut i: usize) -> usize {
    let mut segment_start = start;
    let bytes = text.as_bytes();
    while let Some(c) = char_at(text, i) {
        if bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let next = char_at(text, i + c.len_utf8());
        let joiner = match c {
            '\'' | '\u{2019}' | '-' | '&' => next.is_some_and(char::is_alphanumeric),
            // "U.S.", "J.K.", "3.5", but not "said.Trump".
            '.' => {
                let single = text[segment_start..i].chars().count() == 1;
                let digits = text[..i].ends_with(|p: char| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                (single && next.is_some_and(char::is_alphabetic)) || digits
            }
            _ => false,
        };
        if c == '.' && joiner {
            segment_start = i + 1;
        }
        if !(c.is_alphanumeric() || joiner) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn classify_word(text: &str, tok: &mut Token) {
    let word = &text[tok.start..tok.end];
    // Keep the period of "Mr.", "Sen.", "U.S.", "J." as part of the word.
    if text[tok.end..].starts_with('.') {
        let lower = word.to_ascii_lowercase();
        let single_initial = word.chars().count() == 1 && tok.cap;
        if single_initial || word.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
            tok.end += 1;
        }
    }
    let word = &text[tok.start..tok.end];
    if strip_possessive(word).len() < word.len() {
        tok.possessive = true;
    }
}

/// Looks up the word classes of every word outside quotations (words inside
/// are never cues nor sources, so they keep no flags: a third of the lookups
/// saved on quote-heavy copy). Call after [`pair_quotes`].
pub(super) fn classify(text: &str, tokens: &mut [Token]) {
    for t in tokens.iter_mut() {
        if t.kind == Kind::Word && t.inside.is_none() {
            let word = strip_possessive(&text[t.start..t.end]);
            t.flags = lexicon::flags(word);
            // "Secretary-General", "Director-General", "Vice-President": a
            // hyphenated title is a title.
            if t.flags == 0
                && t.cap
                && let Some((first, _)) = word.split_once('-')
            {
                t.flags = lexicon::flags(first) & lexicon::TITLE;
            }
        }
    }
    mark_name_particles(text, tokens);
}

/// Name particles written in lower case: "al-"/"el-" before a
/// capital ("Walid al-Azzawi", "Abdel Fattah el-Sisi"), and "bin", "ibn",
/// "bint", "abu", "abd", "al", "el" between two capitalized words
/// ("Mohammed bin Salman").
/// European particles ("Kevin de Léon", "Ursula von der Leyen", "Vincent
/// van Gogh") are read the same way between two capitalized words.
const NAME_PARTICLES: &[&str] = &[
    "abd", "abu", "al", "bin", "bint", "da", "de", "del", "der", "di", "du", "el", "ibn", "van",
    "von",
];

/// Marks lower-case Arabic name particles as capitalized, so that a name
/// run reads through them: "Walid al-Azzawi" is one name like "Walid Azzawi".
fn mark_name_particles(text: &str, tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let t = tokens[i];
        if t.kind != Kind::Word || t.cap || t.inside.is_some() {
            continue;
        }
        let word = &text[t.start..t.end];
        // "al-Azzawi": a particle, a hyphen, a capital (particles are at most
        // four letters, so only the first five bytes need looking at).
        let prefixed = word
            .bytes()
            .take(5)
            .position(|b| b == b'-')
            .is_some_and(|h| {
                NAME_PARTICLES.contains(&&word[..h])
                    && word[h + 1..].starts_with(char::is_uppercase)
            });
        let capitalized_word = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|n| n.kind == Kind::Word && n.cap && n.inside.is_none())
        };
        let between_names = word.len() <= 4
            && NAME_PARTICLES.contains(&word)
            && i > 0
            && capitalized_word(i - 1)
            && capitalized_word(i + 1)
            && !tokens[i + 1].newline_before;
        if prefixed || between_names {
            tokens[i].cap = true;
        }
    }
}

/// "Trump's" -> "Trump"; other words unchanged.
pub(super) fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "\u{2019}s"] {
        if let Some(base) = word.strip_suffix(suffix)
            && !base.is_empty()
        {
            return base;
        }
    }
    word
}

/// Pairs quotation marks into quoted spans, in text order, and marks the
/// tokens inside each span. Possessive apostrophes after a plural
/// ("officials’ views") are marked as part of the preceding word.
pub(super) fn pair_quotes(tokens: &mut [Token]) -> Vec<Quoted> {
    #[derive(Clone, Copy)]
    struct Open {
        tok: usize,
        ch: char,
    }
    let mut spans = Vec::new();
    let mut double: Option<Open> = None;
    let mut single: Option<Open> = None;
    let n = tokens.len();
    for i in 0..n {
        let t = tokens[i];
        if t.newline_before && i > 0 {
            if let Some(o) = double.take() {
                push_unclosed(&mut spans, tokens, o.tok, i - 1);
            }
            single = None;
        }
        if t.kind != Kind::Mark {
            continue;
        }
        let space_before = i == 0 || tokens[i - 1].end < t.start || t.newline_before;
        let space_after = i + 1 == n || tokens[i + 1].start > t.end;
        let open_like = space_before && !space_after
            || (i > 0
                && tokens[i - 1].kind == Kind::Punct
                && matches!(tokens[i - 1].ch, '(' | '[' | '—' | '–'));
        match t.ch {
            '\u{201c}' | '\u{201e}' | '\u{ab}' => match double {
                Some(o) if o.ch == '\u{201e}' && t.ch == '\u{201c}' => {
                    push_closed(&mut spans, o.tok, i, tokens);
                    double = None;
                }
                Some(o) if !open_like => {
                    // A “ used as a closing mark.
                    push_closed(&mut spans, o.tok, i, tokens);
                    double = None;
                }
                Some(_) => {}
                None => {
                    double = Some(Open { tok: i, ch: t.ch });
                    single = None;
                }
            },
            '\u{201d}' | '\u{bb}' => match double {
                Some(o) => {
                    push_closed(&mut spans, o.tok, i, tokens);
                    double = None;
                }
                None if open_like => {
                    double = Some(Open { tok: i, ch: t.ch });
                    single = None;
                }
                None => {}
            },
            '"' => match double {
                Some(o) if o.ch == '"' || !open_like => {
                    push_closed(&mut spans, o.tok, i, tokens);
                    double = None;
                }
                Some(_) => {}
                None => {
                    if !space_after || space_before {
                        double = Some(Open { tok: i, ch: t.ch });
                        single = None;
                    }
                }
            },
            '\u{2018}' if double.is_none() && single.is_none() => {
                single = Some(Open { tok: i, ch: t.ch });
            }
            c if is_apostrophe(c) => {
                if double.is_some() {
                    continue;
                }
                match single {
                    Some(o) if !space_before => {
                        push_closed(&mut spans, o.tok, i, tokens);
                        single = None;
                    }
                    None if c == '\'' && open_like => {
                        single = Some(Open { tok: i, ch: t.ch });
                    }
                    _ => {
                        // A stand-alone apostrophe: a plural possessive.
                        if i > 0 && !space_before && tokens[i - 1].kind == Kind::Word {
                            tokens[i - 1].possessive = true;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(o) = double
        && n > 0
    {
        push_unclosed(&mut spans, tokens, o.tok, n - 1);
    }
    spans
}

fn push_closed(spans: &mut Vec<Quoted>, open: usize, close: usize, tokens: &mut [Token]) {
    if close <= open + 1 {
        return; // empty quotes
    }
    let idx = spans.len() as u32;
    for t in &mut tokens[open + 1..close] {
        t.inside = Some(idx);
    }
    tokens[open].opens = Some(idx);
    tokens[close].closes = Some(idx);
    spans.push(Quoted {
        span: Span::new(tokens[open].start, tokens[close].end),
        close,
        closed: true,
    });
}

fn push_unclosed(spans: &mut Vec<Quoted>, tokens: &mut [Token], open: usize, last: usize) {
    if last <= open {
        return;
    }
    let idx = spans.len() as u32;
    for t in &mut tokens[open + 1..=last] {
        t.inside = Some(idx);
    }
    tokens[open].opens = Some(idx);
    spans.push(Quoted {
        span: Span::new(tokens[open].start, tokens[last].end),
        close: last,
        closed: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let mut toks = tokenize(text);
        pair_quotes(&mut toks)
            .iter()
            .map(|q| &text[q.span.start..q.span.end])
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_abbreviations() {
        let text = "Mr. Trump's U.S. don't officials’ views J. Doe";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "Mr.",
                "Trump's",
                "U.S.",
                "don't",
                "officials",
                "’",
                "views",
                "J.",
                "Doe"
            ]
        );
        assert!(toks[1].possessive);
    }

    #[test]
    fn pairs_every_quote_style() {
        assert_eq!(quoted("He said \"go now,\" then left."), ["\"go now,\""]);
        assert_eq!(quoted("He said “go now” then left."), ["“go now”"]);
        assert_eq!(quoted("He said «go now» then left."), ["«go now»"]);
        assert_eq!(quoted("Er sagte „geh jetzt“ und ging."), ["„geh jetzt“"]);
        assert_eq!(quoted("He said 'go now' then left."), ["'go now'"]);
        assert_eq!(quoted("He said ‘go now’ then left."), ["‘go now’"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("The officials’ view and Clinton’s rock ’n’ roll.").is_empty());
        assert!(quoted("It's the '90s, isn't it").is_empty());
    }

    #[test]
    fn single_quotes_inside_double_quotes_are_nested() {
        assert_eq!(
            quoted("\"They said 'no' to us,\" he said."),
            ["\"They said 'no' to us,\""]
        );
    }

    #[test]
    fn unclosed_double_quote_runs_to_paragraph_end() {
        assert_eq!(
            quoted("\"First part. Second part.\n\"Next paragraph,\" he said."),
            ["\"First part. Second part.", "\"Next paragraph,\""]
        );
    }
}
