//! Sentence boundaries as byte spans into the original text.
//!
//! A small rule-based splitter tuned for news copy: it breaks after `.`, `!`
//! or `?` (and any closing quotes or brackets that follow) when the next
//! non-space character starts a new sentence, and at blank lines. It does not
//! break after common abbreviations and titles ("Gen.", "Mr.", "Jan."), after
//! initialisms such as "U.S." unless a sentence-opening word follows ("the
//! U.S. The next day"), after single capital initials ("John F. Kennedy") or
//! inside numbers ("3.5"). A period glued to a capitalized word after a
//! lower-case one ("night.The") ends a sentence. Text that runs past
//! [`MAX_SENTENCE_BYTES`] without a boundary is cut at the next whitespace,
//! which bounds every search that stays within a sentence.

use crate::article::Span;

/// Abbreviations after which a period does not end a sentence, lower-cased,
/// without the final period. Sorted and unique (tested).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr", "e.g",
    "feb", "gen", "gov", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar",
    "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "prof", "rep", "rev", "sen", "sep",
    "sept", "sgt", "sr", "st", "vs",
];

/// Past this many bytes without a boundary, a sentence ends at the next
/// whitespace (a long news sentence is 300-600 bytes; the cap is far above
/// any real one).
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Splits `text` into sentence spans, in order, trimmed of surrounding
/// whitespace. Empty or whitespace-only text yields no spans. The spans never
/// overlap and always lie on character boundaries.
pub fn split(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary = match b {
            b'\n' if next_line_is_blank(bytes, i) => Some(i),
            b'.' | b'!' | b'?' => {
                let mut end = i + 1;
                // Swallow runs of terminal punctuation and closing quotes/brackets.
                while end < bytes.len() {
                    if matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                        end += 1;
                    } else if text[end..].starts_with('\u{201d}')
                        || text[end..].starts_with('\u{2019}')
                        || text[end..].starts_with('\u{bb}')
                    {
                        end += text[end..].chars().next().map_or(1, char::len_utf8);
                    } else {
                        break;
                    }
                }
                if b == b'.' && !period_ends_sentence(text, start, i) {
                    None
                } else if starts_new_sentence(text, end)
                    || (b == b'.' && end == i + 1 && run_on_sentence(text, i))
                {
                    Some(end)
                } else {
                    None
                }
            }
            // A run without sentence punctuation (a table flattened into
            // one line, a page of captions) is cut at the first space past
            // the cap, so that no stage that searches within a sentence
            // looks at more than this many bytes at a time.
            b' ' | b'\t' | b'\n' | b'\r' if i - start >= MAX_SENTENCE_BYTES => Some(i),
            _ => None,
        };
        if let Some(end) = boundary {
            push_trimmed(text, start, end, &mut spans);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, bytes.len(), &mut spans);
    spans
}

/// The sentence span containing byte `offset`, if any.
pub fn containing(sentences: &[Span], offset: usize) -> Option<Span> {
    let idx = sentences.partition_point(|s| s.end <= offset);
    sentences.get(idx).copied().filter(|s| s.start <= offset)
}

fn next_line_is_blank(bytes: &[u8], newline: usize) -> bool {
    let mut j = newline + 1;
    while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
        j += 1;
    }
    j >= bytes.len() || bytes[j] == b'\n'
}

/// Whether the period at `dot` can end a sentence, looking at the word before it.
fn period_ends_sentence(text: &str, sentence_start: usize, dot: usize) -> bool {
    // The word before the period, looked for in the last 64 bytes at most
    // (longer than any abbreviation), so that a long run without spaces
    // ("a.a.a.a…") is read in linear time.
    let mut from = sentence_start.max(dot.saturating_sub(64));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // Decimal numbers: "3.5".
    let after = text[dot + 1..].chars().next();
    if word.chars().last().is_some_and(|c| c.is_ascii_digit())
        && after.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    // Single capital initial: "John F. Kennedy".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    if ABBREVIATIONS.binary_search(&lower).is_ok() {
        return false;
    }
    // "U.S.", "D.C.": an initialism ends a sentence only before a word that
    // opens one ("… in the U.S. The next day"), not before a name or title
    // ("U.S. President Barack Obama", "U.S. Embassy").
    if word.trim_end_matches('.').contains('.') {
        let next = text[dot + 1..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        return next.is_empty() || SENTENCE_OPENERS.binary_search(&next.as_str()).is_ok();
    }
    true
}

/// Words that open a sentence and are not names: after an initialism such
/// as "U.S." they mean a new sentence. Sorted and unique (tested).
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "but",
    "for",
    "he",
    "her",
    "his",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "most",
    "on",
    "one",
    "other",
    "our",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "we",
    "what",
    "when",
    "while",
    "yet",
];

/// A period with no space after it between a lower-case word and a
/// capitalized one ("last night.The senator"): two sentences run together
/// by a lost space or line break. "U.S.-led", "3.5" and "Breitbart.com" are
/// not.
fn run_on_sentence(text: &str, dot: usize) -> bool {
    let before = text[..dot].chars().rev().take(2).collect::<Vec<_>>();
    let mut after = text[dot + 1..].chars();
    let lower_word = before.len() == 2 && before.iter().all(|c| c.is_lowercase());
    let next_upper = after.next().is_some_and(char::is_uppercase);
    let then_lower = after.next().is_some_and(char::is_lowercase);
    lower_word && next_upper && then_lower
}

/// Whether a new sentence can begin at `pos`: whitespace, then an upper-case
/// letter, a digit or an opening quote or bracket.
fn starts_new_sentence(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return false; // no whitespace after the punctuation: "U.S.-led", "3.5"
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || "\"'(\u{201c}\u{2018}\u{ab}[".contains(c)
        }
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        spans.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    /// Issue #14: the word before a period is read from at most 64 bytes
    /// back, so a long run with no space ends sentences as before.
    #[test]
    fn a_long_word_before_a_period_ends_a_sentence() {
        let long = format!("See {}. Then Mr. Smith left.", "é".repeat(100));
        let got = sentences(&long);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], "Then Mr. Smith left.");
    }

    #[test]
    fn abbreviations_are_sorted_and_unique() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(SENTENCE_OPENERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn initialism_before_a_name_does_not_split() {
        assert_eq!(
            sentences("The U.S. Embassy said so. He met U.S. President Obama."),
            ["The U.S. Embassy said so.", "He met U.S. President Obama."]
        );
    }

    #[test]
    fn initialism_before_a_sentence_opener_splits() {
        assert_eq!(
            sentences("Troops left the U.S. The next day they returned."),
            ["Troops left the U.S.", "The next day they returned."]
        );
    }

    #[test]
    fn missing_space_after_a_period_splits() {
        assert_eq!(
            sentences("He spoke last night.The senator left. See Breitbart.com now."),
            [
                "He spoke last night.",
                "The senator left.",
                "See Breitbart.com now."
            ]
        );
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One two. Three four! Five?"),
            ["One two.", "Three four!", "Five?"]
        );
    }

    #[test]
    fn keeps_titles_initials_and_decimals() {
        assert_eq!(
            sentences(
                "Gen. Mark Milley met Mr. Smith and John F. Kennedy Jr. on Jan. 3. It cost 3.5 million."
            ),
            [
                "Gen. Mark Milley met Mr. Smith and John F. Kennedy Jr. on Jan. 3.",
                "It cost 3.5 million."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            sentences("\u{201c}It is over.\u{201d} He left. \"Go.\" She said."),
            [
                "\u{201c}It is over.\u{201d}",
                "He left.",
                "\"Go.\"",
                "She said."
            ]
        );
    }

    #[test]
    fn blank_lines_end_sentences() {
        assert_eq!(
            sentences("Headline here\n\nBody starts"),
            ["Headline here", "Body starts"]
        );
    }

    #[test]
    fn us_followed_by_lowercase_does_not_split() {
        assert_eq!(
            sentences("The U.S. military said so."),
            ["The U.S. military said so."]
        );
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split("   \n\n ").is_empty());
    }

    #[test]
    fn containing_finds_the_sentence() {
        let text = "One two. Three four.";
        let spans = split(text);
        assert_eq!(containing(&spans, 10), Some(spans[1]));
        assert_eq!(containing(&spans, 8), None);
    }

    #[test]
    fn a_run_without_punctuation_is_cut_past_the_cap() {
        let text = "word ".repeat(3 * MAX_SENTENCE_BYTES / 5);
        let spans = split(&text);
        assert_eq!(spans.len(), 3);
        for s in &spans {
            // Cut at the first space past the cap: one word over at most.
            assert!(s.end - s.start < MAX_SENTENCE_BYTES + "word ".len());
            assert!(text[s.start..s.end].starts_with("word"));
        }
        // A real long sentence is far below the cap and stays whole.
        let long = format!("{}.", "the police said ".repeat(40).trim_end());
        assert_eq!(split(&long).len(), 1);
    }
}
