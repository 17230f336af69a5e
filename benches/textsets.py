"""Shared tokenization and shingling for the Python benchmark scripts.

This module mirrors the text model that `wirediff dedup` uses, so that the
exact ground truth (`exact_pairs.py`) and the datasketch baseline
(`datasketch_dedup.py`) see the same shingle sets as wirediff:

1. Unicode NFKC normalization, then lower-casing.
2. Apostrophes (U+0027 ', U+2019 ' and U+02BC) that stand between two
   alphanumeric characters are dropped, so "don't" becomes "dont";
   zero-width characters, soft hyphens and byte-order marks are removed
   without separating words.
3. Tokens are maximal runs of Unicode alphanumeric characters; everything
   else separates tokens.
4. Shingles are word 5-grams (consecutive tokens joined by one space). A text
   with fewer than 5 tokens but at least one yields one shingle made of all
   its tokens, so short texts are not invisible.

Known difference from wirediff: a combining mark continues a word there;
here only `str.isalnum()` characters do (after NFKC almost every Latin mark
is composed into its letter), and Python's and Rust's alphanumeric tables
differ on a few non-Latin characters. The synthetic corpus from
`gen_corpus.py` is Latin-script and is not affected.

Also holds `read_articles()`, the one place that parses the input JSONL.
Stdlib only.
"""

import json
import re
import unicodedata

SHINGLE_WORDS = 5

# [^\W_] is "a word character that is not underscore", i.e. str.isalnum().
_TOKEN = re.compile(r"[^\W_]+")
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])['\u2019\u02bc](?=[^\W_])")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\u180e]")


def tokens(text):
    """Return the list of normalized tokens of `text`."""
    text = unicodedata.normalize("NFKC", text).lower()
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    text = _INNER_APOSTROPHE.sub("", text)
    return _TOKEN.findall(text)


def shingles(text, k=SHINGLE_WORDS):
    """Return the set of word k-gram shingles (strings) of `text`."""
    toks = tokens(text)
    if not toks:
        return set()
    if len(toks) < k:
        return {" ".join(toks)}
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


def article_text(article):
    """The text an article is deduplicated on: its body text.

    The title is left out because wire copies routinely get a new headline.
    Change this one function if wirediff settles on title + text.
    """
    return article.get("text") or ""


def read_articles(path):
    """Yield (id, text) for each JSON line of `path` (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                article = json.loads(line)
                yield str(article["id"]), article_text(article)


def read_records(path):
    """Yield (id, text, source, url) for each JSON line of `path`."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                article = json.loads(line)
                yield (str(article["id"]), article_text(article),
                       article.get("source"), article.get("url"))


def pair_key(a, b):
    """Canonical unordered pair of ids: (smaller, larger)."""
    return (a, b) if a < b else (b, a)
