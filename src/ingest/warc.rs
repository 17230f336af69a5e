//! Web crawls: `.warc` / `.warc.gz` files (the WARC 1.0/1.1 format of
//! Common Crawl's CC-NEWS and web archives), read record by record with the
//! `warc` crate.
//!
//! Every `response` (or `resource`) record whose payload is an HTML page
//! becomes an article: the target URI is its id and URL, its host the
//! source, and the page is read like an `.html` file (text, title, date,
//! canonical address). When the page states no publication date, in its
//! metadata or its text, the record's `WARC-Date` (when it was fetched) is
//! used, marked inferred (`warc.date`). Other records (requests, metadata,
//! `warcinfo`, revisits, images) are not articles and are passed over.
//!
//! A malformed record (a broken header, a `Content-Length` that does not
//! match the body) is reported as `path:record N` and skipped: reading
//! resumes at the next line that opens a record (`WARC/1.x`), searched
//! from just after the broken record's start, so a record swallowed by a
//! too-long `Content-Length` is still read. An HTTP payload is decoded from
//! chunked transfer and gzip/deflate content encodings.

use std::io::{self, BufRead, Read};

use warc::{RawRecordHeader, WarcHeader};

use crate::article::{Article, DateBasis, PublishedDate};

/// A byte stream that remembers what the current record consumed and can
/// put bytes back, so that reading can resume inside a malformed record.
pub(super) struct Records {
    inner: Box<dyn BufRead + Send>,
    /// Bytes put back, served before `inner`.
    pending: Vec<u8>,
    at: usize,
    /// What the current record has consumed.
    tape: Vec<u8>,
    /// Records seen so far (1-based number of the last one).
    pub(super) number: u64,
    done: bool,
}

impl Read for Records {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Records {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.pending.len() {
            return Ok(&self.pending[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.pending.len() {
            let end = (self.at + n).min(self.pending.len());
            self.tape.extend_from_slice(&self.pending[self.at..end]);
            self.at = end;
            if self.at == self.pending.len() {
                self.pending.clear();
                self.at = 0;
            }
            return;
        }
        // The buffer still holds the bytes fill_buf returned: no I/O here.
        if let Ok(buffered) = self.inner.fill_buf() {
            let n = n.min(buffered.len());
            self.tape.extend_from_slice(&buffered[..n]);
        }
        self.inner.consume(n);
    }
}

/// One record read: a page, a record that is not one, or a problem.
pub(super) enum Next {
    Page(Box<Page>),
    Skip,
    Bad(String),
}

/// A page found in a record, read into an article by [`Page::article`]
/// (in parallel, off the reading thread).
pub(super) struct Page {
    uri: String,
    payload: Vec<u8>,
    charset: Option<&'static encoding_rs::Encoding>,
    crawl: Option<PublishedDate>,
}

impl Page {
    /// The article; the flag is true when undecodable bytes were replaced.
    pub(super) fn article(self) -> (Article, bool) {
        let (text, lossy) = super::html::decode_with(&self.payload, self.charset);
        let page = super::html::page(&text);
        let article = Article {
            source: super::html::host(&self.uri),
            url: Some(self.uri.clone()),
            id: self.uri,
            published: page.published,
            title: page.title,
            text: page.text,
            date: self.crawl,
            ..Article::default()
        };
        (article, lossy)
    }
}

impl Records {
    pub(super) fn new(inner: Box<dyn BufRead + Send>) -> Records {
        Records {
            inner,
            pending: Vec::new(),
            at: 0,
            tape: Vec::new(),
            number: 0,
            done: false,
        }
    }

    /// The next record, or `None` at the end of the file.
    pub(super) fn next_record(&mut self) -> Option<Next> {
        if self.done {
            return None;
        }
        self.tape.clear();
        let item = warc::WarcReader::new(&mut *self).iter_raw_records().next();
        match item {
            None => {
                self.done = true;
                if self.tape.iter().all(u8::is_ascii_whitespace) {
                    return None;
                }
                self.number += 1;
                Some(Next::Bad(
                    "not a valid WARC record: the file ends in its header".into(),
                ))
            }
            Some(Ok((header, body))) => {
                self.number += 1;
                Some(match page(&header, body) {
                    Ok(Some(p)) => Next::Page(Box::new(p)),
                    Ok(None) => Next::Skip,
                    Err(problem) => Next::Bad(format!("not a page wirediff reads: {problem}")),
                })
            }
            Some(Err(err)) => {
                self.number += 1;
                let problem = match err {
                    warc::Error::ReadData(io) => {
                        // A read or decompression failure: nothing after it
                        // can be trusted.
                        self.done = true;
                        return Some(Next::Bad(format!(
                            "could not read the rest of the file ({io})"
                        )));
                    }
                    warc::Error::ParseHeaders(_) => "a malformed record header",
                    warc::Error::ReadOverflow => {
                        "a body that does not end where its Content-Length says"
                    }
                    warc::Error::UnexpectedEOB => "a body cut short by the end of the file",
                    _ => "a malformed record",
                };
                self.resync();
                Some(Next::Bad(format!(
                    "not a valid WARC record ({problem}); skipped"
                )))
            }
        }
    }

    /// After a malformed record: puts back what it consumed from the first
    /// line that opens another record, or reads on to such a line.
    fn resync(&mut self) {
        let tape = std::mem::take(&mut self.tape);
        let restart = memchr::memmem::find_iter(&tape, b"\nWARC/1.")
            .map(|at| at + 1)
            .find(|&at| at > 0);
        let mut back = match restart {
            Some(at) => tape[at..].to_vec(),
            None => {
                // Read on, line by line, to the next record.
                let mut found = Vec::new();
                loop {
                    let mut line = Vec::new();
                    match self.read_until(b'\n', &mut line) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if line.starts_with(b"WARC/1.") => {
                            found = line;
                            break;
                        }
                        Ok(_) => {}
                    }
                }
                found
            }
        };
        back.extend_from_slice(&self.pending[self.at..]);
        self.pending = back;
        self.at = 0;
        self.tape.clear();
    }
}

fn header(h: &RawRecordHeader, name: WarcHeader) -> Option<&str> {
    h.headers
        .get(&name)
        .and_then(|v| std::str::from_utf8(v).ok())
        .map(str::trim)
}

/// The page a record holds, `None` for records that are not pages.
fn page(h: &RawRecordHeader, body: Vec<u8>) -> Result<Option<Page>, String> {
    let kind = header(h, WarcHeader::WarcType).unwrap_or("");
    let content_type = header(h, WarcHeader::ContentType)
        .unwrap_or("")
        .to_ascii_lowercase();
    let (payload, payload_type) = match kind {
        "response" if content_type.starts_with("application/http") => http_payload(&body)?,
        "response" | "resource" => (body, content_type),
        _ => return Ok(None),
    };
    let html = payload_type.contains("html")
        || (payload_type.is_empty() && {
            let head = &payload[..payload.len().min(1024)];
            let lower = head.to_ascii_lowercase();
            memchr::memmem::find(&lower, b"<html").is_some()
                || memchr::memmem::find(&lower, b"<!doctype html").is_some()
        });
    if !html {
        return Ok(None);
    }
    let uri = header(h, WarcHeader::TargetURI)
        .map(|u| u.trim_matches(['<', '>']).to_string())
        .filter(|u| !u.is_empty())
        .ok_or("a page without WARC-Target-URI")?;
    let crawl = header(h, WarcHeader::Date).and_then(|d| {
        crate::published::parse(d, crate::published::DateOrder::Unknown)
            .ok()
            .flatten()
            .map(|d| PublishedDate {
                basis: DateBasis::Crawl,
                ..d
            })
    });
    Ok(Some(Page {
        uri,
        charset: charset_of(&payload_type),
        payload,
        crawl,
    }))
}

/// The `charset=` of a content type.
fn charset_of(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    let at = content_type.find("charset=")? + "charset=".len();
    let name = content_type[at..]
        .split([';', ' '])
        .next()?
        .trim_matches(['"', '\'']);
    encoding_rs::Encoding::for_label(name.as_bytes())
}

/// An HTTP response's payload (de-chunked and decompressed) and its
/// content type.
fn http_payload(body: &[u8]) -> Result<(Vec<u8>, String), String> {
    let (head_end, sep) = match memchr::memmem::find(body, b"\r\n\r\n") {
        Some(at) => (at, 4),
        None => match memchr::memmem::find(body, b"\n\n") {
            Some(at) => (at, 2),
            None => return Err("an HTTP response without a header end".into()),
        },
    };
    let head = String::from_utf8_lossy(&body[..head_end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err("an HTTP response without a status line".into());
    }
    let (mut content_type, mut chunked, mut encoding) = (String::new(), false, String::new());
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = value,
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => encoding = value,
            _ => {}
        }
    }
    let mut payload = body[head_end + sep..].to_vec();
    if chunked {
        payload = dechunk(&payload).ok_or("a chunked HTTP body that does not parse")?;
    }
    if encoding.contains("gzip") || encoding.contains("deflate") {
        let mut out = Vec::new();
        let ok = if encoding.contains("gzip") {
            flate2::read::MultiGzDecoder::new(&payload[..])
                .read_to_end(&mut out)
                .is_ok()
        } else {
            flate2::read::ZlibDecoder::new(&payload[..])
                .read_to_end(&mut out)
                .is_ok()
        };
        // Crawlers often store the decoded body under the original header.
        if ok {
            payload = out;
        }
    }
    Ok((payload, content_type))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = memchr::memchr(b'\n', data)?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        data = &data[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

/// Writing WARC files, for tests and fixtures: records built the way
/// crawlers write them.
#[cfg(test)]
pub(crate) mod write {
    /// One record: type, target URI, date, content type and block.
    pub(crate) fn record(
        kind: &str,
        uri: &str,
        date: &str,
        content_type: &str,
        block: &[u8],
    ) -> Vec<u8> {
        record_with_length(kind, uri, date, content_type, block, block.len())
    }

    /// A record whose `Content-Length` says `length` (malformed when it is
    /// not the block's).
    pub(crate) fn record_with_length(
        kind: &str,
        uri: &str,
        date: &str,
        content_type: &str,
        block: &[u8],
        length: usize,
    ) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\nWARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n",
            uri.len() * 7919 + block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    /// An HTTP response holding `html`.
    pub(crate) fn http(html: &str) -> Vec<u8> {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
            html.len()
        )
        .into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::write::*;
    use super::*;

    const PAGE: &str = "<html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1><p>The new dam on the river opened on Friday after six years of work, officials said, and will supply water to three towns in the valley.</p><p>Engineers said the reservoir would take two years to fill completely.</p></article></body></html>";

    fn read_all(bytes: Vec<u8>) -> Vec<String> {
        let mut records = Records::new(Box::new(io::Cursor::new(bytes)));
        let mut out = Vec::new();
        while let Some(next) = records.next_record() {
            out.push(match next {
                Next::Page(p) => {
                    let (a, _) = p.article();
                    format!(
                        "article {} {}",
                        a.id,
                        a.date.map(|d| d.utc_string()).unwrap_or_default()
                    )
                }
                Next::Skip => "skip".into(),
                Next::Bad(problem) => format!("bad: {problem}"),
            });
        }
        out
    }

    fn response(uri: &str) -> Vec<u8> {
        record(
            "response",
            uri,
            "2024-03-01T12:00:00Z",
            "application/http; msgtype=response",
            &http(PAGE),
        )
    }

    #[test]
    fn responses_with_html_are_articles_others_are_skipped() {
        let mut warc = record(
            "warcinfo",
            "",
            "2024-03-01T12:00:00Z",
            "application/warc-fields",
            b"software: test\r\n",
        );
        warc.extend(record(
            "request",
            "https://a.example/x",
            "2024-03-01T12:00:00Z",
            "application/http; msgtype=request",
            b"GET /x HTTP/1.1\r\n\r\n",
        ));
        warc.extend(response("https://a.example/x"));
        assert_eq!(
            read_all(warc),
            [
                "skip",
                "skip",
                "article https://a.example/x 2024-03-01T12:00:00Z"
            ]
        );
    }

    #[test]
    fn a_malformed_record_loses_only_itself() {
        let mut warc = response("https://a.example/1");
        // Content-Length too long: it reaches into the next record.
        warc.extend(record_with_length(
            "response",
            "https://a.example/2",
            "2024-03-01T12:00:00Z",
            "application/http; msgtype=response",
            &http(PAGE),
            http(PAGE).len() + 40,
        ));
        warc.extend(response("https://a.example/3"));
        // Content-Length too short.
        warc.extend(record_with_length(
            "response",
            "https://a.example/4",
            "2024-03-01T12:00:00Z",
            "application/http; msgtype=response",
            &http(PAGE),
            20,
        ));
        warc.extend(b"WARC/1.0\r\nthis is not a header\r\n\r\n");
        warc.extend(response("https://a.example/6"));
        let got = read_all(warc);
        assert_eq!(got.len(), 6, "{got:#?}");
        assert_eq!(got[0], "article https://a.example/1 2024-03-01T12:00:00Z");
        assert!(
            got[1].starts_with("bad: not a valid WARC record ("),
            "{got:#?}"
        );
        assert_eq!(got[2], "article https://a.example/3 2024-03-01T12:00:00Z");
        assert!(
            got[3].starts_with("bad: not a valid WARC record ("),
            "{got:#?}"
        );
        assert!(
            got[4].starts_with("bad: not a valid WARC record ("),
            "{got:#?}"
        );
        assert_eq!(got[5], "article https://a.example/6 2024-03-01T12:00:00Z");
    }

    #[test]
    fn a_truncated_file_reports_its_last_record() {
        let mut warc = response("https://a.example/1");
        let second = response("https://a.example/2");
        warc.extend(&second[..40]);
        let got = read_all(warc);
        assert_eq!(got[0], "article https://a.example/1 2024-03-01T12:00:00Z");
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got[1].starts_with("bad: not a valid WARC record"),
            "{got:#?}"
        );
    }

    #[test]
    fn chunked_and_gzipped_payloads_are_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(PAGE.as_bytes()).unwrap();
        let zipped = gz.finish().unwrap();
        let mut chunked = format!("{:x}\r\n", zipped.len()).into_bytes();
        chunked.extend(&zipped);
        chunked.extend(b"\r\n0\r\n\r\n");
        let mut body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        body.extend(chunked);
        let (payload, kind) = http_payload(&body).unwrap();
        assert_eq!(kind, "text/html");
        assert_eq!(payload, PAGE.as_bytes());
    }
}
