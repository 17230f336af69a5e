#!/usr/bin/env python3
"""Near-duplicate detection with datasketch: the Python baseline for wirediff.

Same job as `wirediff dedup`, done the usual datasketch way, as its own
process so it can be timed on its own:

1. Pass 1 reads the JSONL corpus, builds each article's word 5-gram shingle
   set (tokenization of `textsets.py`, the same as wirediff), a
   `MinHash(num_perm=128)` of it (`update_batch`, datasketch's vectorized
   path), and inserts it into a `MinHashLSH(threshold=L, num_perm=128)`
   (inside an insertion session). Shingle sets are dropped after hashing.
2. Every article is queried against the index; each returned key other than
   itself gives an unordered candidate pair.
3. Verification (`--verify`):
   * `exact` (default, what wirediff does): pass 2 re-reads the corpus,
     re-shingles only the articles in some candidate pair, and keeps pairs
     whose EXACT similarity under `--measure` is >= `--threshold`;
   * `estimate`: keeps pairs whose MinHash estimate is >= threshold (Jaccard
     estimate; for containment, the Jaccard estimate J is turned into an
     intersection estimate J * (|A| + |B|) / (1 + J) with the exact set sizes).

The LSH threshold L defaults to T for `--measure jaccard`. For containment,
LSH (a Jaccard index) cannot see containment directly; L defaults to the
Jaccard of a pair at containment T whose smaller article is 40 % of the larger
one (a copy trimmed to 40 %): L = 0.4 T / (1.4 - 0.4 T). Pass
`--lsh-threshold` to choose otherwise.

Writes a TSV of found pairs (a, b, jaccard, containment; a < b) and prints
phase timings to stderr.

Example:

    python3 benches/datasketch_dedup.py --corpus /tmp/wd20k.jsonl \\
        --out /tmp/wd20k.ds.tsv --measure jaccard --threshold 0.8
"""

import argparse
import sys
import time

from textsets import pair_key, read_articles, shingles

try:
    from datasketch import MinHash, MinHashLSH
except ImportError:  # pragma: no cover - message for people
    sys.exit("datasketch_dedup: datasketch is not installed (pip install datasketch)")

NUM_PERM = 128


def default_lsh_threshold(measure, threshold):
    """LSH (Jaccard) threshold used when --lsh-threshold is not given."""
    if measure == "jaccard":
        return threshold
    return 0.4 * threshold / (1.4 - 0.4 * threshold)


def similarity(inter, na, nb):
    """(jaccard, containment) from an intersection size and set sizes."""
    return inter / (na + nb - inter), inter / min(na, nb)


def run(args):
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=args.lsh_threshold, num_perm=NUM_PERM)
    sigs, sizes, ids = {}, {}, []
    with lsh.insertion_session() as session:
        for art_id, text in read_articles(args.corpus):
            sh = shingles(text)
            ids.append(art_id)
            sizes[art_id] = len(sh)
            if not sh:
                continue
            m = MinHash(num_perm=NUM_PERM)
            m.update_batch([s.encode("utf-8") for s in sh])
            sigs[art_id] = m
            session.insert(art_id, m)
    t1 = time.perf_counter()
    cands = set()
    for art_id, m in sigs.items():
        for other in lsh.query(m):
            if other != art_id:
                cands.add(pair_key(art_id, other))
    t2 = time.perf_counter()
    found = []
    thr = args.threshold
    pick = 0 if args.measure == "jaccard" else 1
    if args.verify == "exact":
        need = {x for pair in cands for x in pair}
        sets = {}
        for art_id, text in read_articles(args.corpus):
            if art_id in need:
                sets[art_id] = shingles(text)
        for a, b in cands:
            sa, sb = sets[a], sets[b]
            sim = similarity(len(sa & sb), len(sa), len(sb))
            if sim[pick] >= thr:
                found.append((a, b) + sim)
    else:
        for a, b in cands:
            j = sigs[a].jaccard(sigs[b])
            na, nb = sizes[a], sizes[b]
            inter = j * (na + nb) / (1 + j)
            sim = similarity(inter, na, nb)
            if sim[pick] >= thr:
                found.append((a, b) + sim)
    found.sort()
    t3 = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("a\tb\tjaccard\tcontainment\n")
        for a, b, jac, con in found:
            f.write(f"{a}\t{b}\t{jac:.6f}\t{con:.6f}\n")
    print(f"datasketch_dedup: {len(ids)} articles; signatures+insert {t1 - t0:.1f} s, "
          f"query {t2 - t1:.1f} s ({len(cands)} candidate pairs), "
          f"verify ({args.verify}) {t3 - t2:.1f} s ({len(found)} pairs)",
          file=sys.stderr)


def main(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__[__doc__.index("1. Pass 1"):])
    p.add_argument("--corpus", required=True, help="input JSONL (id, text, ...)")
    p.add_argument("--out", required=True, help="output TSV of found pairs")
    p.add_argument("--measure", choices=["jaccard", "containment"], default="containment",
                   help="similarity that decides copies (default containment, as wirediff)")
    p.add_argument("--threshold", type=float, default=0.8,
                   help="least similarity for a pair (default 0.8, as wirediff)")
    p.add_argument("--lsh-threshold", type=float,
                   help="MinHashLSH Jaccard threshold (default: see below)")
    p.add_argument("--verify", choices=["exact", "estimate"], default="exact",
                   help="how candidate pairs are checked (default exact)")
    args = p.parse_args(argv)
    if not 0 < args.threshold <= 1:
        p.error("--threshold must be in (0, 1]")
    if args.lsh_threshold is None:
        args.lsh_threshold = default_lsh_threshold(args.measure, args.threshold)
    run(args)


if __name__ == "__main__":
    main()
