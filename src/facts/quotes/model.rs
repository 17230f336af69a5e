//! A learned filter over the attributions the rules find: logistic
//! regression on features of each candidate (its rule, cue word, the shape
//! of its content, its source, auxiliaries before the cue, the words around
//! it), trained from annotated news by `cargo run --release --example
//! train_quotes` (see that program for the data and the split) and shipped
//! as `model.tsv` beside this file: one `weight<TAB>feature` line per
//! feature, read once at first use. Nothing is downloaded.
//!
//! The rules stay the candidate generator and the features are built from
//! the same word classes they use; the model only decides which candidates
//! to keep ([`THRESHOLD`]). Features are strings hashed with FNV-1a, so
//! inference allocates nothing per feature and the weights file stays
//! readable.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use super::lexicon::{
    ACTION, ADDRESSEE, ADVERB, AUX, DET, NUM, ORG, PARTICIPLE, PREP, PRONOUN, ROLE, STANCE, TIME,
    TITLE, VERB,
};
use super::tokens::Kind;
use super::{Doc, Found, is_speech_verb};
use crate::facts::places;

/// The weights, as written by `examples/train_quotes.rs`.
const MODEL_TSV: &str = include_str!("model.tsv");

/// Candidates scoring below this probability are dropped.
pub(super) const THRESHOLD: f64 = 0.5;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Feature hash -> weight.
static WEIGHTS: LazyLock<HashMap<u64, f64>> = LazyLock::new(|| {
    MODEL_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (w, f) = l.split_once('\t')?;
            Some((fnv1a(f.as_bytes()), w.trim().parse().ok()?))
        })
        .collect()
});

/// Rules whose output follows our convention where the training corpora
/// follow another, so the model does not judge them: PolNeAR marks the
/// quoting outlet as the source of "Tass quoted X as saying …", we mark X.
/// (`examples/train_quotes.rs` leaves them out of training too.)
const UNFILTERED_RULES: &[&str] = &["quote.quoted_as_saying"];

/// Whether the model keeps candidate `f`.
pub(super) fn keeps(doc: &Doc<'_>, f: &Found) -> bool {
    UNFILTERED_RULES.contains(&f.rule) || probability(doc, f) >= THRESHOLD
}

/// The probability the model gives candidate `f` of being a real
/// attribution with the right source.
pub(super) fn probability(doc: &Doc<'_>, f: &Found) -> f64 {
    let weights = &*WEIGHTS;
    let mut z = 0.0;
    features(doc, f, &mut |name| {
        z += weights.get(&fnv1a(name.as_bytes())).copied().unwrap_or(0.0);
    });
    1.0 / (1.0 + (-z).exp())
}

/// Every feature of candidate `f`, as strings (what training sees).
pub(super) fn feature_names(doc: &Doc<'_>, f: &Found) -> Vec<String> {
    let mut names = Vec::new();
    features(doc, f, &mut |name| names.push(name.to_string()));
    names
}

/// Bucket of a count: 0, 1, 2, 3-5, 6-10, 11-20, 21+.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        _ => "21+",
    }
}

/// Calls `emit` with each feature name of candidate `f`.
fn features(doc: &Doc<'_>, f: &Found, emit: &mut dyn FnMut(&str)) {
    let toks = doc.toks;
    let mut buf = String::with_capacity(48);
    let mut put = |buf: &mut String, args: std::fmt::Arguments<'_>| {
        buf.clear();
        let _ = buf.write_fmt(args);
        emit(buf);
    };
    // The cue's head: its reporting word (or its first token).
    let head = (f.cue.0..f.cue.1)
        .find(|&i| toks[i].is(VERB | PARTICIPLE))
        .unwrap_or(f.cue.0);
    let cue = doc.word(head).to_ascii_lowercase();
    let cue = if toks.get(head).is_some_and(|t| t.is_word()) {
        cue
    } else {
        doc.text
            .get(toks[head].start..toks[head].end)
            .unwrap_or("")
            .to_string()
    };
    let rule = f.rule.trim_start_matches("quote.");
    put(&mut buf, format_args!("bias"));
    put(&mut buf, format_args!("r={rule}"));
    put(&mut buf, format_args!("c={cue}"));
    put(&mut buf, format_args!("cr={cue}|{rule}"));
    let t = &toks[head];
    let class = if t.is(STANCE) {
        "stance"
    } else if is_speech_verb(doc.word(head)) {
        "speech"
    } else if t.is(PARTICIPLE) {
        "participle"
    } else if t.is(VERB) {
        "verb"
    } else {
        "other"
    };
    put(&mut buf, format_args!("cc={class}"));
    if t.is(ACTION) {
        put(&mut buf, format_args!("action"));
    }
    if t.is(ADDRESSEE) {
        put(&mut buf, format_args!("addressee"));
    }
    if t.cap && doc.sentence_start(head) != head {
        put(&mut buf, format_args!("ccap"));
    }
    // Auxiliaries and adverbs right before the head.
    let mut j = head;
    let mut aux = Vec::new();
    while j > 0 && head - j < 4 && doc.plain_word(j - 1, head) {
        let w = doc.word(j - 1).to_ascii_lowercase();
        let tj = &toks[j - 1];
        if !(tj.is(AUX | ADVERB) || w == "not" || w == "never" || w.ends_with("ly")) {
            break;
        }
        let kind = match w.as_str() {
            "will" | "would" | "could" | "can" | "may" | "might" | "shall" | "should" | "must"
            | "won't" | "wouldn't" | "couldn't" | "can't" | "cannot" => "modal",
            "not" | "never" | "didn't" | "doesn't" | "don't" | "hasn't" | "haven't" | "hadn't"
            | "isn't" | "wasn't" | "aren't" | "weren't" => "neg",
            "has" | "have" | "had" => "perf",
            "is" | "are" | "was" | "were" | "been" | "be" | "being" | "am" => "be",
            _ => "adv",
        };
        aux.push(kind);
        if w.contains("n't") {
            aux.push("neg");
        }
        j -= 1;
    }
    if aux.is_empty() {
        put(&mut buf, format_args!("aux=none"));
    }
    for a in &aux {
        put(&mut buf, format_args!("aux={a}"));
        put(&mut buf, format_args!("auxc={a}|{class}"));
    }
    let ing = cue.ends_with("ing");
    let ed = cue.ends_with("ed");
    put(
        &mut buf,
        format_args!(
            "form={}",
            if ing {
                "ing"
            } else if ed {
                "ed"
            } else {
                "x"
            }
        ),
    );

    // Content: where, how long, what shape.
    let cue_start = toks[f.cue.0].start;
    let before = f.content.end <= cue_start;
    put(
        &mut buf,
        format_args!(
            "pos={}|{}",
            if before { "before" } else { "after" },
            f.direct
        ),
    );
    let a = toks.partition_point(|t| t.start < f.content.start);
    let words: Vec<usize> = (a..toks.len())
        .take_while(|&i| toks[i].start < f.content.end)
        .take(super::CLAUSE_WINDOW)
        .filter(|&i| toks[i].is_word())
        .collect();
    put(&mut buf, format_args!("cl={}", bucket(words.len())));
    let first = words.first().copied();
    let shape = if toks.get(a).is_some_and(|t| t.opens.is_some()) {
        "quote"
    } else if f.rule == "quote.colon_line" {
        "colon"
    } else if let Some(w0) = first {
        let w = doc.word(w0).to_ascii_lowercase();
        let next_verbal = words.get(1).is_some_and(|&k| {
            let t = &toks[k];
            !t.cap && !t.is(DET | PRONOUN | NUM | PREP) && !t.ch.is_ascii_digit()
        });
        let has_verb = words.iter().any(|&i| {
            let t = &toks[i];
            t.inside.is_some() || t.is(AUX | VERB) || (!t.cap && doc.word(i).ends_with("ed"))
        });
        match w.as_str() {
            "that" => "that",
            "to" if next_verbal => "to-inf",
            "to" => "to-np",
            "about" | "of" | "for" | "on" | "with" => "prep",
            "how" | "what" | "why" | "whether" | "if" | "who" | "when" | "where" => "wh",
            _ if has_verb => "clause",
            _ => "np",
        }
    } else {
        "empty"
    };
    put(&mut buf, format_args!("cs={shape}"));
    put(&mut buf, format_args!("ccs={cue}|{shape}"));
    put(&mut buf, format_args!("rcs={rule}|{shape}"));
    put(&mut buf, format_args!("clcs={class}|{shape}"));
    if !f.direct && words.iter().any(|&i| toks[i].inside.is_some()) {
        put(&mut buf, format_args!("cq"));
    }

    // Source.
    let (sa, sb) = f.source;
    let s_first = &toks[sa];
    let s_last = &toks[sb - 1];
    let s_words = (sa..sb).filter(|&i| toks[i].is_word()).count();
    put(&mut buf, format_args!("sl={}", bucket(s_words)));
    let lw = doc.word(sb - 1).to_ascii_lowercase();
    let all_cap = (sa..sb).all(|i| !toks[i].is_word() || toks[i].cap || toks[i].is(PREP | DET));
    let stype: &str = if sb - sa == 1 && s_first.is(PRONOUN) {
        match lw.as_str() {
            "who" | "which" => "rel",
            _ => "pron",
        }
    } else if sb - sa == 1 && doc.word_is(sa, "that") {
        "rel"
    } else if s_first.is(NUM) || s_first.ch.is_ascii_digit() {
        "num"
    } else if super::speaker::DOCUMENT_HEADS.contains(&lw.as_str()) {
        "doc"
    } else if s_last.cap && all_cap && s_words >= 2 {
        "name"
    } else if s_last.cap && s_words == 1 {
        "cap1"
    } else if s_last.is(ROLE) || s_last.is(TITLE) {
        "role"
    } else if s_last.is(ORG) {
        "org"
    } else if s_first.is(DET) {
        "det"
    } else if s_last.cap {
        "mixed"
    } else {
        "other"
    };
    put(&mut buf, format_args!("st={stype}"));
    put(&mut buf, format_args!("stc={stype}|{class}"));
    put(&mut buf, format_args!("str={stype}|{rule}"));
    if stype == "pron" || stype == "rel" {
        put(&mut buf, format_args!("sp={lw}"));
    } else if !s_last.cap {
        put(&mut buf, format_args!("sh={lw}"));
    }
    if s_first.possessive || (sa..sb).any(|i| toks[i].possessive) {
        put(&mut buf, format_args!("sposs"));
    }
    if s_last.cap && places::is_place_name(doc.slice(sa, sb)) {
        put(&mut buf, format_args!("splace"));
    }
    if doc.sentence_start(sa) == sa {
        put(&mut buf, format_args!("sinit"));
        if s_first.cap && s_words == 1 {
            put(&mut buf, format_args!("sinit1"));
        }
    }
    if s_first.is(TIME) || s_last.is(TIME) {
        put(&mut buf, format_args!("stime"));
    }
    // Words between source and cue (left sources).
    if sb <= f.cue.0 {
        put(&mut buf, format_args!("gap={}", bucket(f.cue.0 - sb)));
    } else {
        put(&mut buf, format_args!("gap=inv"));
    }
    // What stands before the source.
    let lb = if sa == 0 || doc.sentence_start(sa) == sa {
        "start".to_string()
    } else {
        let p = &toks[sa - 1];
        match p.kind {
            Kind::Mark => "mark".to_string(),
            Kind::Punct => p.ch.to_string(),
            Kind::Word => {
                let w = doc.word(sa - 1).to_ascii_lowercase();
                if p.is(PREP | DET) || matches!(w.as_str(), "and" | "but" | "or" | "as" | "when") {
                    w
                } else if p.cap {
                    "CAP".to_string()
                } else if p.is(VERB) {
                    "VERB".to_string()
                } else {
                    "w".to_string()
                }
            }
        }
    };
    put(&mut buf, format_args!("lb={lb}"));
    // What follows the cue.
    let after = f.cue.1;
    let ra = match toks.get(after) {
        None => "end".to_string(),
        Some(_) if !doc.same(after, head) => "end".to_string(),
        Some(t) if t.opens.is_some() => "quote".to_string(),
        Some(t) if t.kind != Kind::Word => t.ch.to_string(),
        Some(t) => {
            let w = doc.word(after).to_ascii_lowercase();
            if t.is(PREP) || matches!(w.as_str(), "that" | "to" | "it" | "him" | "her" | "them") {
                w
            } else if t.is(DET) {
                "DET".to_string()
            } else if t.is(PRONOUN) {
                "PRON".to_string()
            } else if t.is(NUM) || t.ch.is_ascii_digit() {
                "NUM".to_string()
            } else if t.cap {
                "CAP".to_string()
            } else if t.is(TIME) {
                "TIME".to_string()
            } else {
                "w".to_string()
            }
        }
    };
    put(&mut buf, format_args!("ra={ra}"));
    put(&mut buf, format_args!("cra={cue}|{ra}"));
    // A headline line: no sentence punctuation at its end, most words
    // capitalized.
    let line_end = (head..toks.len().min(head + super::LINE_WINDOW))
        .find(|&i| i + 1 == toks.len() || toks[i + 1].newline_before);
    if let Some(e) = line_end
        && !(toks[e].kind == Kind::Punct && matches!(toks[e].ch, '.' | '!' | '?' | ':'))
        && toks[e].kind != Kind::Mark
    {
        put(&mut buf, format_args!("noend"));
    }
}
