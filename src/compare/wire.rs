//! Wire copy: agency credit lines, the origin of each copy group, and a
//! word diff of each reprint against it with changed numbers and quotations.

use super::*;

/// Agency credit lines and datelines: "(AFP)", "Reuters reported", "told
/// AFP", "(With agency inputs)", "Reporting by …".
pub fn credits(text: &str) -> Vec<(Span, String)> {
    const AGENCIES: &[&str] = &[
        "AFP", "AP", "Reuters", "ANI", "PTI", "IANS", "UPI", "DPA", "EFE", "Xinhua", "Anadolu",
    ];
    let mut found = Vec::new();
    // ASCII lower-casing keeps every byte offset; Unicode lower-casing does
    // not ('İ' becomes three bytes), and the offsets found in `lower` are
    // spans of `text`.
    let lower = text.to_ascii_lowercase();
    for agency in AGENCIES {
        for pattern in [
            format!("({agency})"),
            format!("{agency} reported"),
            format!("told {agency}"),
            format!("told the {agency}"),
            format!("{agency}/"),
        ] {
            let mut from = 0;
            while let Some(pos) = text[from..].find(&pattern) {
                let start = from + pos;
                found.push((Span::new(start, start + pattern.len()), pattern.clone()));
                from = start + pattern.len();
            }
        }
    }
    for phrase in ["(with agency inputs)", "reporting by", "with inputs from"] {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(phrase) {
            let start = from + pos;
            let end = start + phrase.len();
            if let Some(written) = text.get(start..end) {
                found.push((Span::new(start, end), written.to_string()));
            }
            from = end;
        }
    }
    found.sort();
    found.dedup();
    found
}

pub(super) fn wire_copies(members: &[Member<'_>]) -> Vec<WireCopy> {
    let mut groups: BTreeMap<u32, Vec<&Member<'_>>> = BTreeMap::new();
    for m in members {
        groups.entry(m.copy_group).or_default().push(m);
    }
    groups
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|group| {
            let origin = *group
                .iter()
                .min_by(|a, b| {
                    let key = |m: &Member<'_>| {
                        (
                            !m.copy_origin,
                            publication_order(
                                m.article
                                    .published_date()
                                    .map(|d| d.utc_string())
                                    .as_deref(),
                            ),
                            std::cmp::Reverse(m.article.text.len()),
                            m.article.id.clone(),
                        )
                    };
                    key(a).cmp(&key(b))
                })
                .expect("a copy group has members");
            let credits = group
                .iter()
                .flat_map(|m| {
                    credits(&m.article.text)
                        .into_iter()
                        .map(|(span, text)| Credit {
                            article: m.article.id.clone(),
                            text,
                            span,
                        })
                })
                .collect();
            let reprints = group
                .iter()
                .filter(|m| m.article.id != origin.article.id)
                .map(|m| reprint(origin, m))
                .collect();
            WireCopy {
                origin: origin.article.id.clone(),
                origin_source: source_of(origin.article),
                credits,
                reprints,
            }
        })
        .collect()
}

/// Word diff of a reprint against its origin.
///
/// Words are whitespace-separated (punctuation stays on its word) and the
/// diff is a shortest edit script over them (Myers), so `kept_words` is the
/// length of a longest common subsequence of the two word sequences and
/// `removed_words`/`added_words` are what is left on each side. Each run of
/// the diff carries its words with the whitespace that follows them.
///
/// `changed_numbers` pairs the number expressions (digits or words: "five"
/// → "four", "1,200" → "1,300") of each replaced stretch of text, in order.
/// `changed_quotes` pairs each quotation of the origin that the reprint
/// changed with the reprint's quotation at the same place (either side is
/// empty when the change adds or removes a whole quotation).
pub(super) fn reprint(origin: &Member<'_>, copy: &Member<'_>) -> Reprint {
    use similar::{Algorithm, DiffTag, capture_diff_slices};
    let (old_text, new_text) = (origin.article.text.as_str(), copy.article.text.as_str());
    let (old_words, new_words) = (word_spans(old_text), word_spans(new_text));
    let old_keys: Vec<&str> = old_words.iter().map(|&(a, b)| &old_text[a..b]).collect();
    let new_keys: Vec<&str> = new_words.iter().map(|&(a, b)| &new_text[a..b]).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys);
    // The text of words `range`, up to the next word (or the text's end).
    let stretch = |text: &str, words: &[(usize, usize)], range: std::ops::Range<usize>| {
        let start = words[range.start].0;
        let end = words.get(range.end).map_or(text.len(), |w| w.0);
        (start, end)
    };
    let mut runs: Vec<DiffRun> = Vec::new();
    let mut push = |tag: &'static str, text: &str| match runs.last_mut() {
        Some(last) if last.tag == tag => last.text.push_str(text),
        _ => runs.push(DiffRun {
            tag,
            text: text.to_string(),
        }),
    };
    let (mut added, mut removed, mut kept) = (0, 0, 0);
    // Hunks: maximal stretches of changes, as byte ranges on each side.
    let mut hunks: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let mut in_hunk = false;
    for op in &ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_bytes =
            (!old_range.is_empty()).then(|| stretch(old_text, &old_words, old_range.clone()));
        let new_bytes =
            (!new_range.is_empty()).then(|| stretch(new_text, &new_words, new_range.clone()));
        if tag == DiffTag::Equal {
            kept += old_range.len();
            if let Some((a, b)) = old_bytes {
                push("equal", &old_text[a..b]);
            }
            in_hunk = false;
            continue;
        }
        removed += old_range.len();
        added += new_range.len();
        if let Some((a, b)) = old_bytes {
            push("removed", &old_text[a..b]);
        }
        if let Some((a, b)) = new_bytes {
            push("added", &new_text[a..b]);
        }
        // Where the change sits on the side it does not touch.
        let old_at = old_words
            .get(old_range.start)
            .map_or(old_text.len(), |w| w.0);
        let new_at = new_words
            .get(new_range.start)
            .map_or(new_text.len(), |w| w.0);
        let old_span = old_bytes.unwrap_or((old_at, old_at));
        let new_span = new_bytes.unwrap_or((new_at, new_at));
        match hunks.last_mut() {
            Some(last) if in_hunk => {
                last.0.1 = last.0.1.max(old_span.1);
                last.1.1 = last.1.1.max(new_span.1);
            }
            _ => hunks.push((old_span, new_span)),
        }
        in_hunk = true;
    }
    let old_quotes = quotations(old_text);
    let new_quotes = quotations(new_text);
    let mut changed_numbers = Vec::new();
    let mut changed_quotes: Vec<(String, String)> = Vec::new();
    for (old_range, new_range) in hunks {
        let old = &old_text[old_range.0..old_range.1];
        let new = &new_text[new_range.0..new_range.1];
        for (o, n) in number_expressions(old)
            .into_iter()
            .zip(number_expressions(new))
        {
            if o.1 != n.1 {
                changed_numbers.push((o.0, n.0));
            }
        }
        let in_old = overlapping(&old_quotes, old_range);
        let in_new = overlapping(&new_quotes, new_range);
        if in_old.is_some() || in_new.is_some() {
            let pair = (
                in_old.map_or(String::new(), |q| old_text[q.0..q.1].to_string()),
                in_new.map_or(String::new(), |q| new_text[q.0..q.1].to_string()),
            );
            if !changed_quotes.contains(&pair) {
                changed_quotes.push(pair);
            }
        }
    }
    Reprint {
        article: copy.article.id.clone(),
        source: source_of(copy.article),
        added_words: added,
        removed_words: removed,
        kept_words: kept,
        changed_numbers,
        changed_quotes,
        diff: runs,
    }
}

/// Byte ranges of the whitespace-separated words of a text.
pub(super) fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Byte ranges of the quotations of a text (inside the marks): curly
/// double quotes, guillemets and straight double quotes. A quotation left
/// open at a line end closes there (news style reopens it on the next
/// paragraph).
pub(super) fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('\u{201c}' | '\u{ab}', _) => open = Some(i + c.len_utf8()),
            ('"', None) => open = Some(i + 1),
            ('\u{201d}' | '\u{bb}' | '"' | '\n', Some(start)) => {
                found.push((start, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        found.push((start, text.len()));
    }
    found
}

/// The first quotation that shares a byte with `range` (an empty range
/// counts where it sits), if any.
pub(super) fn overlapping(
    quotes: &[(usize, usize)],
    range: (usize, usize),
) -> Option<(usize, usize)> {
    let (start, end) = range;
    quotes.iter().copied().find(|&(a, b)| {
        if start == end {
            a <= start && start <= b
        } else {
            a < end && start < b
        }
    })
}

/// Number expressions in a stretch of text, in order: each as written and
/// its value.
pub(super) fn number_expressions(text: &str) -> Vec<(String, Interval)> {
    let words: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '"' | '\u{201c}' | '\u{201d}')
        })
        .map(|w| w.trim_end_matches(['.', ',', ';', ':', '!', '?']))
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        match crate::facts::numbers::parse_at(&lower, i) {
            Some(q)
                if q.end > i
                    && lower[q.number..q.end]
                        .iter()
                        .any(|w| w != &"a" && w != &"an") =>
            {
                found.push((words[q.number..q.end].join(" "), q.value));
                i = q.end;
            }
            _ => i += 1,
        }
    }
    found
}
