//! Web pages: an HTML document's main text (through dom_smoothie, a port of
//! Mozilla's Readability), and its title, publication date and canonical
//! address from the page's own metadata.
//!
//! - **Text**: the article's main content with navigation, cookie banners,
//!   related-story lists, comments and footers left out; paragraphs are
//!   separated by a blank line. A page with no main content gives an empty
//!   text (the article is kept and counted as empty).
//! - **Title**: JSON-LD `headline`, else `og:title`/`twitter:title`, else
//!   the `<title>` as Readability cleans it.
//! - **Published**: JSON-LD `datePublished` (an article object, in
//!   `@graph` or a list too), else `article:published_time` and the other
//!   publication meta tags, else an element marked `itemprop=datePublished`,
//!   else the first `<time datetime>` inside the `<article>`, else a date
//!   written in the page's byline or date element ("Posted Dec 23, 2012 by
//!   staff" in a `class="posted"` block, which Readability leaves out of the
//!   text); as written (it is then read as any `published` value is). Times elsewhere on the page
//!   (related stories) are not used.
//! - **URL**: `<link rel=canonical>`, else `og:url`.
//! - **Encoding**: UTF-8, or the charset the page declares in a `<meta>` in
//!   its first 2 KB (encoding_rs, the WHATWG encodings browsers use).

use dom_query::Document;
use serde_json::Value;

use super::{InputFile, Location};
use crate::article::Article;

/// An `.html` file as an article: id the path relative to the input root
/// (as for `.txt`), source the canonical address's host, else the folder.
/// The flag is true when undecodable bytes were replaced.
pub(super) fn page_article(file: &InputFile, bytes: &[u8]) -> (Article, bool) {
    let (html, lossy) = decode(bytes);
    let page = page(&html);
    let id = match &file.root {
        Some(root) => file.path.strip_prefix(root).unwrap_or(&file.path),
        None => file.path.as_path(),
    };
    let folder = match &file.location {
        Location::Path(path) => path.canonicalize().ok().and_then(|p| {
            p.parent()
                .and_then(|d| d.file_name())
                .map(|n| n.to_string_lossy().into_owned())
        }),
        Location::Spool(_) | Location::Memory(_) => None,
    };
    let article = Article {
        id: id.to_string_lossy().replace('\\', "/"),
        source: page.url.as_deref().and_then(host).or(folder),
        published: page.published,
        title: page.title,
        text: page.text,
        url: page.url,
        ..Article::default()
    };
    (article, lossy)
}

/// The host of an absolute `http(s)` address, without `www.`.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// A JSON Lines or CSV record's `html` field (named by `field`): taken out
/// of the extra fields and read for the text when the record has none, and
/// for the title, date and address it lacks.
pub(super) fn read_html_field(article: &mut Article, field: &str) {
    let Some(Value::String(html)) = article.extra.get(field) else {
        return;
    };
    if !article.text.trim().is_empty() {
        return;
    }
    let page = page(html);
    article.extra.remove(field);
    article.text = page.text;
    if article.title.is_none() {
        article.title = page.title;
    }
    if article.published.is_none() {
        article.published = page.published;
    }
    if article.url.is_none() {
        article.url = page.url;
    }
}

/// What a page yields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Page {
    pub(crate) title: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) text: String,
}

/// Decodes a page's bytes: UTF-8 when valid, else the charset its `<meta>`
/// declares, else UTF-8 with replacement characters. The flag is true when
/// bytes had to be replaced.
pub(crate) fn decode(bytes: &[u8]) -> (String, bool) {
    decode_with(bytes, None)
}

/// [`decode`], trying first the charset a transport declared (an HTTP
/// `Content-Type`).
pub(crate) fn decode_with(
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
) -> (String, bool) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), false);
    }
    if let Some(encoding) = declared
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, lossy) = encoding.decode(bytes);
        return (text.into_owned(), lossy);
    }
    let head = &bytes[..bytes.len().min(2048)];
    if let Some(encoding) = declared_charset(head)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, lossy) = encoding.decode(bytes);
        return (text.into_owned(), lossy);
    }
    (String::from_utf8_lossy(bytes).into_owned(), true)
}

/// The encoding named by `charset=` in the page's head, if any.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

/// Reads a page (see the module docs).
pub(crate) fn page(html: &str) -> Page {
    let doc = Document::from(html);
    let ld = json_ld(&doc);
    let meta = |selectors: &[&str]| {
        selectors.iter().find_map(|s| {
            doc.select(s)
                .iter()
                .find_map(|n| n.attr("content").map(|c| c.trim().to_string()))
                .filter(|c| !c.is_empty())
        })
    };
    let title = ld
        .as_ref()
        .and_then(|a| string_of(a.get("headline")))
        .or_else(|| meta(&["meta[property='og:title']", "meta[name='twitter:title']"]));
    let published = ld
        .as_ref()
        .and_then(|a| string_of(a.get("datePublished")))
        .or_else(|| {
            meta(&[
                "meta[property='article:published_time']",
                "meta[name='article:published_time']",
                "meta[itemprop='datePublished']",
                "meta[property='og:published_time']",
                "meta[name='pubdate']",
                "meta[name='publishdate']",
                "meta[name='publish-date']",
                "meta[name='parsely-pub-date']",
                "meta[name='sailthru.date']",
                "meta[name='dc.date.issued']",
                "meta[name='DC.date.issued']",
                "meta[name='dcterms.created']",
                "meta[name='DC.date']",
                "meta[name='dc.date']",
                "meta[name='date']",
            ])
        })
        .or_else(|| {
            [
                "[itemprop='datePublished']",
                "article time[datetime]",
                "time[pubdate]",
            ]
            .iter()
            .find_map(|s| {
                let node = doc.select(s).iter().next()?;
                node.attr("datetime")
                    .or_else(|| node.attr("content"))
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
            })
        });
    let published = published.or_else(|| byline_date(&doc));
    let url = doc
        .select("link[rel='canonical']")
        .iter()
        .find_map(|n| n.attr("href").map(|h| h.trim().to_string()))
        .filter(|h| !h.is_empty())
        .or_else(|| meta(&["meta[property='og:url']"]));
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let (readable_title, text) =
        match dom_smoothie::Readability::with_document(doc, None, Some(config))
            .and_then(|mut r| r.parse())
        {
            Ok(article) => (
                Some(article.title).filter(|t| !t.trim().is_empty()),
                article.text_content.trim().to_string(),
            ),
            Err(_) => (None, String::new()),
        };
    Page {
        title: title.or(readable_title).map(|t| t.trim().to_string()),
        published,
        url,
        text,
    }
}

/// A date in the page's byline or date element (a class naming date,
/// posted, byline, published, timestamp or dateline), inside the
/// `<article>` or `<main>` first: the date as the page writes it.
fn byline_date(doc: &Document) -> Option<String> {
    const CLASSES: [&str; 6] = [
        "date",
        "posted",
        "byline",
        "published",
        "timestamp",
        "dateline",
    ];
    for scope in ["article", "main", "body"] {
        for class in CLASSES {
            for node in doc
                .select(&format!("{scope} [class*='{class}']"))
                .iter()
                .take(20)
            {
                let text = node.text();
                let text = text.trim();
                if text.is_empty() || text.len() > 300 {
                    continue;
                }
                let found = crate::published::infer(text, crate::published::DateOrder::Unknown);
                if let Some(crate::article::DateBasis::Text { span, .. }) = found.map(|d| d.basis) {
                    return span.slice(text).map(str::to_string);
                }
            }
        }
    }
    None
}

/// The page's article object in JSON-LD (`NewsArticle`, `Article`,
/// `BlogPosting`, `ReportageNewsArticle`, …), searched through lists and
/// `@graph`.
fn json_ld(doc: &Document) -> Option<Value> {
    let mut found = None;
    for script in doc.select("script[type='application/ld+json']").iter() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        if let Some(article) = article_object(&value, 0) {
            found = Some(article);
            break;
        }
    }
    found
}

fn article_object(value: &Value, depth: usize) -> Option<Value> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| article_object(v, depth + 1)),
        Value::Object(map) => {
            let is_article = |t: &Value| {
                t.as_str().is_some_and(|t| {
                    t.ends_with("Article")
                        || t == "BlogPosting"
                        || t == "Report"
                        || t == "LiveBlogPosting"
                })
            };
            let typed = match map.get("@type") {
                Some(Value::Array(types)) => types.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                return Some(value.clone());
            }
            map.get("@graph").and_then(|g| article_object(g, depth + 1))
        }
        _ => None,
    }
}

fn string_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.first().and_then(|v| string_of(Some(v))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_in_a_graph_gives_headline_and_date() {
        let html = r#"<html><head><title>X | Site</title>
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":"NewsArticle","headline":"Bridge reopens","datePublished":"2024-05-01T07:00:00Z"}]}</script>
            </head><body><article><p>The bridge reopened on Wednesday after repairs.</p></article></body></html>"#;
        let p = page(html);
        assert_eq!(p.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(p.published.as_deref(), Some("2024-05-01T07:00:00Z"));
    }

    #[test]
    fn times_of_related_stories_are_not_the_pages_date() {
        let html = r#"<html><body><div class="main"><p>The council met on Monday night to vote on the budget for next year and agreed it after a long debate.</p></div>
            <ul class="related"><li><a href="/x">Older story</a> <time datetime="2020-01-01">1 Jan</time></li></ul></body></html>"#;
        assert_eq!(page(html).published, None);
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let html = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script>
            <meta property="article:published_time" content="2023-01-02"></head><body><p>Text.</p></body></html>"#;
        assert_eq!(page(html).published.as_deref(), Some("2023-01-02"));
    }

    #[test]
    fn declared_charset_decodes_legacy_pages() {
        let bytes = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93owners\x94</p></body></html>";
        let (text, lossy) = decode(bytes);
        assert!(!lossy);
        assert!(text.contains("Caf\u{e9} \u{201c}owners\u{201d}"), "{text}");
    }

    #[test]
    fn undeclared_invalid_bytes_are_replaced_and_flagged() {
        let (text, lossy) = decode(b"<p>caf\xe9</p>");
        assert!(lossy);
        assert!(text.contains('\u{fffd}'));
    }

    #[test]
    fn no_panic_on_odd_markup() {
        for html in [
            "",
            "<",
            "<html",
            "<<<>>>",
            "<script>",
            "\u{0}\u{fffd}<p>",
            "<p>é</p>",
        ] {
            let _ = page(html);
        }
    }
}
