//! Making untrusted text safe to show: control characters, bidi controls
//! and invisible formatting characters are replaced, so a news text (or an
//! id, or a file name in a warning) cannot move the cursor, recolour the
//! screen, reorder what is shown or hide characters, in a terminal or in the
//! HTML report. The zero-width joiner and non-joiner are text, not
//! formatting tricks: Persian, Urdu and the Indic scripts need them inside
//! words, and emoji sequences (👨‍👩‍👧) are built with them, so they are kept.

use std::borrow::Cow;

/// Replaces control (C0, DEL, C1), bidi-control and invisible formatting
/// characters (see `needs_escape`) with visible escapes (`\u{…}`); newlines and tabs become spaces. Returns
/// the input unchanged when there is nothing to replace.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' | '\r' => out.push(' '),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like [`for_terminal`], but keeps newlines and tabs (the HTML report
/// shows paragraphs); a carriage return becomes a space. This does not
/// HTML-escape: markup escaping is the HTML writer's job.
pub fn for_html(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c != '\n' && c != '\t' && needs_escape(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => out.push(' '),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is shown as an escape: controls (C0, DEL, C1); the bidi
/// controls (ALM, LRM, RLM, the embeddings, overrides and isolates); and the
/// invisible format characters that can hide or smuggle text: the soft
/// hyphen, the Mongolian vowel separator, the zero-width space, the word
/// joiner and invisible operators, the byte order mark, the interlinear
/// annotation marks and the tag characters. Not the zero-width joiner and
/// non-joiner (U+200D, U+200C), which are parts of words and emoji.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(for_terminal("Baghdad — café"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_and_bidi_are_made_visible() {
        assert_eq!(for_terminal("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(for_terminal("x\u{202e}y\u{200b}z"), "x\\u{202e}y\\u{200b}z");
        assert_eq!(for_terminal("one\ntwo\tthree"), "one two three");
    }

    /// Issue 14: zero-width joiners and non-joiners were shown as
    /// `\u{200c}`; they are letters' glue in Persian and emoji, not tricks.
    #[test]
    fn joiners_are_text() {
        for text in [
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}", // Persian "mi-khaham"
            "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",               // family emoji
            "\u{915}\u{94d}\u{200d}\u{937}",                             // Devanagari with ZWJ
        ] {
            assert!(matches!(for_terminal(text), Cow::Borrowed(_)), "{text:?}");
            assert!(matches!(for_html(text), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn invisible_formatting_is_escaped() {
        for (text, shown) in [
            ("a\u{200b}b", "a\\u{200b}b"),
            ("a\u{200e}b\u{2066}c", "a\\u{200e}b\\u{2066}c"),
            ("Reu\u{ad}ters", "Reu\\u{ad}ters"),
            ("\u{feff}x", "\\u{feff}x"),
            ("x\u{e0041}", "x\\u{e0041}"),
            ("\u{9b}31m", "\\u{9b}31m"),
        ] {
            assert_eq!(for_terminal(text), shown);
        }
    }

    #[test]
    fn html_keeps_paragraphs_and_escapes_the_rest() {
        assert!(matches!(for_html("a\n\nb\tc"), Cow::Borrowed(_)));
        assert_eq!(for_html("a\r\nb\u{202e}c\u{7}"), "a \nb\\u{202e}c\\u{7}");
    }
}
