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
        Location::Spool(_) => None,
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

/// Reads an opening header block (`Source:`, `Title:`, `Published:`, `URL:`
/// lines, then a blank line) into `article`; returns where the body starts,
/// or 0 when the text has no such block.
pub(super) fn header_block(text: &str, article: &mut Article) -> usize {
    let mut pos = 0;
    let mut found = Vec::new();
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if found.is_empty() {
                return 0;
            }
            for (key, value) in found {
                match key {
                    "source" => article.source = Some(value),
                    "title" => article.title = Some(value),
                    "published" | "date" => article.published = Some(value),
                    "url" => article.url = Some(value),
                    _ => {}
                }
            }
            return pos + line.len();
        }
        let Some((key, value)) = content.split_once(':') else {
            return 0;
        };
        let key = key.trim().to_ascii_lowercase();
        let key = match key.as_str() {
            "source" => "source",
            "title" => "title",
            "published" => "published",
            "date" => "date",
            "url" => "url",
            _ => return 0,
        };
        found.push((key, value.trim().to_string()));
        pos += line.len();
    }
    0
}
