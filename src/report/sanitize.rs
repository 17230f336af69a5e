//! Making untrusted text safe to show: control characters, bidi overrides
//! and zero-width characters are replaced, so a news text cannot move the
//! cursor, recolour the screen or reorder what is shown, in a terminal or in
//! the HTML report.

use std::borrow::Cow;

/// Replaces control (C0, DEL, C1), bidi-control and zero-width characters
/// with visible escapes (`\u{…}`); newlines and tabs become spaces. Returns
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

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{061c}')
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

    #[test]
    fn html_keeps_paragraphs_and_escapes_the_rest() {
        assert!(matches!(for_html("a\n\nb\tc"), Cow::Borrowed(_)));
        assert_eq!(for_html("a\r\nb\u{202e}c\u{7}"), "a \nb\\u{202e}c\\u{7}");
    }
}
