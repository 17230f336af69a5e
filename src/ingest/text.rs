//! Plain-text articles: one file, its id the path relative to the input
//! root, its source the parent folder, unless an opening header block says
//! otherwise.

use super::{InputFile, Location};
use crate::article::Article;

pub(super) fn text_article(file: &InputFile, text: String) -> Article {
    let id = match &file.root {
        Some(root) => file.path.strip_prefix(root).unwrap_or(&file.path),
        None => file.path.as_path(),
    };
    let id = id.to_string_lossy().replace('\\', "/");
    let folder = match &file.location {
        Location::Path(path) => path.canonicalize().ok().and_then(|p| {
            p.parent()
                .and_then(|d| d.file_name())
                .map(|n| n.to_string_lossy().into_owned())
        }),
        Location::Spool(_) | Location::Memory(_) => None,
    };
    let mut article = Article {
        id,
        source: folder,
        ..Article::default()
    };
    let body_start = header_block(&text, &mut article);
    article.text = if body_start == 0 {
        text
    } else {
        text[body_start..].to_string()
    };
    article
}

/// Reads an opening header block into `article`; returns where the body
/// starts, or 0 when the text has no such block.
///
/// A header block is one or more `Key: value` lines, then a blank line, with
/// at least one known key (`Source`, `Title`, `Published` or `Date`, `URL`,
/// in any case). Other keys (`Author:`, `Section:`) are kept as extra
/// fields under the key as written. A key is one to three words of ASCII
/// letters, digits, `-` or `_`, at most 32 bytes: "WASHINGTON: The
/// president said …" followed by a blank line is body text, not a header,
/// since its only key is not a known one.
pub(super) fn header_block(text: &str, article: &mut Article) -> usize {
    let mut pos = 0;
    let mut found: Vec<(&str, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if !found.iter().any(|(key, _)| known(key).is_some()) {
                return 0;
            }
            for (key, value) in found {
                match known(key) {
                    Some("source") => article.source = Some(value),
                    Some("title") => article.title = Some(value),
                    Some("published") => article.published = Some(value),
                    Some("url") => article.url = Some(value),
                    _ => {
                        article
                            .extra
                            .insert(key.to_string(), serde_json::Value::String(value));
                    }
                }
            }
            return pos + line.len();
        }
        let Some((key, value)) = content.split_once(':') else {
            return 0;
        };
        let key = key.trim();
        if !is_header_key(key) {
            return 0;
        }
        found.push((key, value.trim().to_string()));
        pos += line.len();
    }
    0
}

/// The article field a header key names, if it is a known one.
fn known(key: &str) -> Option<&'static str> {
    match key.to_ascii_lowercase().as_str() {
        "source" => Some("source"),
        "title" => Some("title"),
        "published" | "date" => Some("published"),
        "url" => Some("url"),
        _ => None,
    }
}

/// Whether `key` looks like a header key: one to three words of ASCII
/// letters, digits, `-` or `_`, starting with a letter, at most 32 bytes.
fn is_header_key(key: &str) -> bool {
    key.len() <= 32
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key.split(' ').count() <= 3
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b' '))
}
