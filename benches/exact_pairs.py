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

from textsets import pair_key, read_articles, shingles


def load(path):
    """Return (ids, docs, df): docs[i] is a set of shingle ids of article i."""
    intern = {}
    df = []
    ids, docs = [], []
    for art_id, text in read_articles(path):
        doc = set()
        for sh in shingles(text):
            sid = intern.get(sh)
            if sid is None:
                sid = intern[sh] = len(df)
                df.append(0)
            doc.add(sid)
        for sid in doc:
            df[sid] += 1
        ids.append(art_id)
        docs.append(doc)
    return ids, docs, df


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
    p.add_argument("--check-all-pairs", action="store_true",
                   help="also run the O(n^2) all-pairs loop and fail unless it finds the "
                        "same pairs (self-test; use on a few thousand articles)")
    args = p.parse_args(argv)
    if not 0 < args.floor <= 1:
        p.error("--floor must be in (0, 1]")
    t0 = time.perf_counter()
    ids, docs, df = load(args.corpus)
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
