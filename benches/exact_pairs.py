#!/usr/bin/env python3
"""Exact ground truth for near-duplicate pairs: all pairs with containment >= floor.

For every article the set of word 5-gram shingles is built with the
tokenization in `textsets.py` (the same as `wirediff dedup`). Then every
unordered pair (a, b) with

    containment(a, b) = |A & B| / min(|A|, |B|)  >= --floor

is found and written with its EXACT Jaccard |A & B| / |A | B| and containment,
computed on the full sets (no sketches, no sampling). Since Jaccard <=
containment, this file also holds every pair with Jaccard >= floor, so one
file serves both measures at any threshold >= floor.

Finding the pairs (a complete candidate generation, not a heuristic):

* Shingles are interned exactly (a dict from shingle string to integer id; no
  hashing, so no collisions) and ordered globally by document frequency,
  rarest first.
* Every article's full shingle set goes into an inverted index.
* For a pair, call B the smaller article (fewer shingles; ties broken by
  position in the input). If containment >= f then |A & B| >= f * |B|, so
  |A & B| >= alpha = ceil(f * |B|). Take B's "prefix": its
  |B| - alpha + 1 rarest shingles. If no prefix shingle were in A, then
  A & B would lie in the other alpha - 1 shingles of B, so |A & B| <= alpha - 1
  < alpha: a contradiction. Hence every qualifying pair shares at least one of
  B's prefix shingles with A, and probing the index with each article's prefix
  (against larger articles only) yields every qualifying pair exactly once.
  alpha is computed with a small downward epsilon so float rounding can only
  lengthen the prefix (more candidates), never shorten it.
* Each candidate pair is verified with an exact set intersection.

No frequent shingle is ever skipped: the prefix only decides which shingles
are *probed*; the overlap is always counted on the full sets.

Site furniture is removed first, as `wirediff dedup` does by default
(`src/copies/furniture.rs`; `--keep-furniture` here and there turns it off):

* a line is a line of the text (split at newlines) with its tokens; lines
  are equal when their tokens are;
* the scope of an article is its source together with its URL's host
  (lower case, without `www.`), either alone when the other is missing;
* texts are the groups of articles joined (transitively) by a raw Jaccard of
  at least 0.8 (found exactly, by this same prefix filtering at floor 0.8);
* a line is furniture of a scope when it is in at least 3 different texts of
  that scope; a shingle with a token on a furniture line is dropped.

Output: TSV with a header

    a  b  jaccard  containment  intersection  size_a  size_b

one line per unordered pair (a < b as strings), sorted by (a, b); similarities
are printed with 6 decimals.

Example:

    python3 benches/exact_pairs.py --corpus /tmp/wd20k.jsonl \\
        --out /tmp/wd20k.exact.tsv --floor 0.3
"""

import argparse
import math
import sys
import time

import re

from textsets import pair_key, read_records, tokens


def load(path, furniture=True):
    """Return (ids, docs, df): docs[i] is a set of shingle ids of article i."""
    records = list(read_records(path))
    ids = [r[0] for r in records]
    per_line = [[tokens(line) for line in r[1].split("\n")] for r in records]
    sequences = [shingle_sequence(lines) for lines in per_line]
    if furniture:
        raw_ids, raw_docs, raw_df = intern_sets(ids, [set(s for s, _ in seq) for seq in sequences])
        text_of = same_texts(len(ids), raw_docs, raw_df)
        furniture_lines = furniture_of(records, per_line, text_of)
        sequences = [
            [(s, span) for s, span in seq if not touches(span, lines_mask(lines, furniture_lines, r))]
            for seq, lines, r in zip(sequences, per_line, records)
        ]
    return intern_sets(ids, [set(s for s, _ in seq) for seq in sequences])


def intern_sets(ids, sets):
    intern, df, docs = {}, [], []
    for shingle_set in sets:
        doc = set()
        for sh in shingle_set:
            sid = intern.get(sh)
            if sid is None:
                sid = intern[sh] = len(df)
                df.append(0)
            doc.add(sid)
        for sid in doc:
            df[sid] += 1
        docs.append(doc)
    return ids, docs, df


def shingle_sequence(lines, k=5):
    """[(shingle, (first token, end token))] in text order over all lines."""
    toks = [t for line in lines for t in line]
    if not toks:
        return []
    if len(toks) < k:
        return [(" ".join(toks), (0, len(toks)))]
    return [(" ".join(toks[i:i + k]), (i, i + k)) for i in range(len(toks) - k + 1)]


def scope(source, url):
    host = None
    if url:
        rest = url.split("://", 1)[1] if "://" in url else url
        host = re.split(r"[/?#]", rest, 1)[0]
        host = host.rsplit("@", 1)[-1].split(":", 1)[0]
        if len(host) > 4 and host[:4].lower() == "www.":
            host = host[4:]
        host = host.lower() or None
    source = (source or "").strip() or None
    if source is None and host is None:
        return None
    return (source, host)


def same_texts(n, docs, df):
    """Union-find over exact pairs with raw Jaccard >= 0.8."""
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, inter in exact_pairs(docs, df, 0.8):
        if inter / (len(docs[i]) + len(docs[j]) - inter) >= 0.8:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(n)]


def furniture_of(records, per_line, text_of, min_texts=3):
    """{(scope, line tokens)} in at least `min_texts` different texts of a scope."""
    texts = {}
    for a, (r, lines) in enumerate(zip(records, per_line)):
        sc = scope(r[2], r[3])
        if sc is None:
            continue
        for line in lines:
            if line:
                texts.setdefault((sc, tuple(line)), set()).add(text_of[a])
    return {key for key, seen in texts.items() if len(seen) >= min_texts}


def lines_mask(lines, furniture_lines, record):
    """Token ranges of an article's furniture lines."""
    sc = scope(record[2], record[3])
    ranges, at = [], 0
    for line in lines:
        if line and sc is not None and (sc, tuple(line)) in furniture_lines:
            ranges.append((at, at + len(line)))
        at += len(line)
    return ranges


def touches(span, ranges):
    return any(a < span[1] and span[0] < b for a, b in ranges)


def exact_pairs(docs, df, floor):
    """Yield (i, j, intersection) for every pair with containment >= floor."""
    # Global order: rarest shingle first (ties by id); rank = position.
    order = sorted(range(len(df)), key=lambda s: (df[s], s))
    rank = [0] * len(df)
    for r, s in enumerate(order):
        rank[s] = r
    del order
    ranked = [sorted(rank[s] for s in doc) for doc in docs]
    sets = [frozenset(r) for r in ranked]
    # Articles in increasing (size, position): "larger" means later here.
    by_size = sorted(range(len(docs)), key=lambda i: (len(docs[i]), i))
    position = [0] * len(docs)
    for p, i in enumerate(by_size):
        position[i] = p
    postings = {}
    for i, r in enumerate(ranked):
        for s in r:
            lst = postings.get(s)
            if lst is None:
                postings[s] = [i]
            else:
                lst.append(i)
    for b in range(len(docs)):
        n = len(ranked[b])
        if n == 0:
            continue
        alpha = max(1, math.ceil(floor * n - 1e-9))
        prefix = ranked[b][: n - alpha + 1]
        pos_b = position[b]
        cands = set()
        for s in prefix:
            lst = postings[s]
            if len(lst) > 1:
                cands.update(lst)
        set_b = sets[b]
        for a in cands:
            if position[a] <= pos_b:
                continue
            inter = len(set_b & sets[a])
            if inter >= alpha and inter / n >= floor:
                yield b, a, inter


def check_all_pairs(ids, docs, floor, found):
    """Self-test: compare with the plain O(n^2) loop over all pairs."""
    want = set()
    for i in range(len(docs)):
        di = docs[i]
        for j in range(i + 1, len(docs)):
            dj = docs[j]
            if di and dj and len(di & dj) / min(len(di), len(dj)) >= floor:
                want.add(pair_key(ids[i], ids[j]))
    if want != found:
        sys.exit(f"exact_pairs: CHECK FAILED: {len(want - found)} pairs missed, "
                 f"{len(found - want)} extra")
    print(f"exact_pairs: check passed: all-pairs loop finds the same {len(want)} pairs",
          file=sys.stderr)


def main(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__[__doc__.index("Finding the pairs"):])
    p.add_argument("--corpus", required=True, help="input JSONL (id, text, ...)")
    p.add_argument("--out", required=True, help="output TSV path")
    p.add_argument("--floor", type=float, default=0.3,
                   help="keep pairs with containment >= floor (default 0.3)")
    p.add_argument("--keep-furniture", action="store_true",
                   help="compare texts with their site furniture (as wirediff --keep-furniture)")
    p.add_argument("--check-all-pairs", action="store_true",
                   help="also run the O(n^2) all-pairs loop and fail unless it finds the "
                        "same pairs (self-test; use on a few thousand articles)")
    args = p.parse_args(argv)
    if not 0 < args.floor <= 1:
        p.error("--floor must be in (0, 1]")
    t0 = time.perf_counter()
    ids, docs, df = load(args.corpus, furniture=not args.keep_furniture)
    t1 = time.perf_counter()
    rows = []
    for i, j, inter in exact_pairs(docs, df, args.floor):
        ni, nj = len(docs[i]), len(docs[j])
        a, b = pair_key(ids[i], ids[j])
        na, nb = (ni, nj) if a == ids[i] else (nj, ni)
        rows.append((a, b, inter / (ni + nj - inter), inter / min(ni, nj), inter, na, nb))
    rows.sort()
    t2 = time.perf_counter()
    if args.check_all_pairs:
        check_all_pairs(ids, docs, args.floor, {(r[0], r[1]) for r in rows})
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("a\tb\tjaccard\tcontainment\tintersection\tsize_a\tsize_b\n")
        for a, b, jac, con, inter, na, nb in rows:
            f.write(f"{a}\t{b}\t{jac:.6f}\t{con:.6f}\t{inter}\t{na}\t{nb}\n")
    print(f"exact_pairs: {len(ids)} articles, {len(df)} distinct shingles, "
          f"{len(rows)} pairs with containment >= {args.floor}; "
          f"shingling {t1 - t0:.1f} s, pairs {t2 - t1:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
