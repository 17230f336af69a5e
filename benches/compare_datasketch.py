#!/usr/bin/env python3
"""Time `wirediff dedup` against datasketch side by side and score both.

On one corpus, in one run, one program after the other (the machine is
shared, so absolute figures are noisy; the ratios are the point):

  (a) `wirediff dedup --measure M --threshold T --quiet -o OUT CORPUS`
  (b) `python3 benches/datasketch_dedup.py` (MinHash(num_perm=128) +
      MinHashLSH, insert all then query, exact verification by default)

Each program is a separate process, timed for wall time (perf_counter around
the subprocess), CPU time (user + sys) and peak RSS, read from
`/usr/bin/time -v` when it exists, else from getrusage(RUSAGE_CHILDREN)
differences (peak RSS then is the largest child so far, which is exact only
when the larger program runs first; the table says which source was used).
With `--repeat N` each program runs N times, alternating, and the run with
the best wall time is reported.

Scoring: a "pair" is an unordered pair of article ids. The truth is every
pair whose exact similarity under the chosen measure is >= T, read from the
TSV of `exact_pairs.py` (computed and cached next to the corpus when
`--exact` is not given). For each program, with F its found pairs and G the
truth:

    recall = |F & G| / |G|        precision = |F & G| / |F|

For wirediff, F is the set of verified pairs listed in its `group` records
(pairs it detected directly; pairs only implied by union-find transitivity
are not counted, and the table also shows how many co-member pairs the groups
imply). The one function `wirediff_pairs()` parses wirediff's output.

Example (see benches/README.md):

    python3 benches/compare_datasketch.py --corpus /tmp/wd20k.jsonl \\
        --measure jaccard --threshold 0.8 --repeat 3
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from itertools import combinations

from textsets import read_articles

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GNU_TIME = "/usr/bin/time"


def ensure_datasketch():
    """Install datasketch with pip when it is missing."""
    try:
        import datasketch  # noqa: F401
    except ImportError:
        print("compare: installing datasketch (pip install datasketch)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "datasketch"], check=True)


def wirediff_pairs(path):
    """(copy pairs, group-implied pairs) from wirediff's JSONL output.

    Records are {"type": ..., "data": {...}}; wirediff runs with
    `--emit pairs`, which writes every copy pair as a `pair` record
    {"a", "b", "kind", "jaccard", "containment"}; `group` records (the
    default output) carry "members" and "pairs" too. Adjust here if the
    output format changes.
    """
    verified, implied = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            data = rec.get("data", {})
            if rec.get("type") == "pair":
                a, b = str(data["a"]), str(data["b"])
                verified.add((a, b) if a < b else (b, a))
            if rec.get("type") != "group":
                continue
            for p in data.get("pairs", []):
                a, b = str(p["a"]), str(p["b"])
                verified.add((a, b) if a < b else (b, a))
            for a, b in combinations(sorted(map(str, data.get("members", []))), 2):
                implied.add((a, b))
    return verified, implied


def tsv_pairs(path):
    """Pairs from a TSV whose first two columns are a and b (header skipped)."""
    with open(path, encoding="utf-8") as f:
        next(f)
        return {tuple(sorted(line.split("\t", 2)[:2])) for line in f if line.strip()}


def truth_pairs(path, measure, threshold):
    """Exact pairs with similarity >= threshold from exact_pairs.py output.

    Recomputes the similarity from the integer intersection and set sizes so
    no rounding of the printed decimals decides a borderline pair."""
    out = set()
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        ia, ib, ii, isa, isb = (header.index(c) for c in
                                ("a", "b", "intersection", "size_a", "size_b"))
        for line in f:
            c = line.rstrip("\n").split("\t")
            inter, na, nb = int(c[ii]), int(c[isa]), int(c[isb])
            sim = inter / (na + nb - inter) if measure == "jaccard" else inter / min(na, nb)
            if sim >= threshold:
                out.add((c[ia], c[ib]))
    return out


def parse_gnu_time(text):
    """(cpu seconds, peak RSS MB) from `/usr/bin/time -v` output."""
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return user + sys_, rss_kb / 1024


def timed(cmd, log):
    """Run cmd; return dict(wall, cpu, rss_mb, rss_source). Raises on failure."""
    use_gnu = os.access(GNU_TIME, os.X_OK)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    full = [GNU_TIME, "-v"] + cmd if use_gnu else cmd
    proc = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(log, "a", encoding="utf-8") as f:
        f.write(f"$ {' '.join(cmd)}\n{proc.stderr}\n")
    if proc.returncode not in (0, 1):  # wirediff: 1 = some records skipped
        sys.exit(f"compare: command failed ({proc.returncode}): {' '.join(cmd)}\n"
                 f"{proc.stderr[-2000:]}")
    if use_gnu:
        cpu, rss = parse_gnu_time(proc.stderr)
        source = "time -v"
    else:
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        rss = after.ru_maxrss / 1024  # Linux: kB; max over all children so far
        source = "getrusage"
    return {"wall": wall, "cpu": cpu, "rss_mb": rss, "rss_source": source}


def score(found, truth):
    hit = len(found & truth)
    recall = hit / len(truth) if truth else 1.0
    precision = hit / len(found) if found else 1.0
    return recall, precision


def main(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__[__doc__.index("Scoring:"):])
    p.add_argument("--corpus", required=True, help="input JSONL (e.g. from gen_corpus.py)")
    p.add_argument("--wirediff", default=os.path.join(ROOT, "target", "release", "wirediff"),
                   help="wirediff binary (default target/release/wirediff)")
    p.add_argument("--measure", choices=["jaccard", "containment"], default="containment",
                   help="similarity measure (default containment, as wirediff)")
    p.add_argument("--threshold", type=float, default=0.5,
                   help="threshold T (default 0.5, as wirediff)")
    p.add_argument("--repeat", type=int, default=1, help="runs per program, best wall time kept")
    p.add_argument("--exact", help="exact_pairs.py TSV (default: CORPUS.exact.tsv, "
                                   "computed with --floor 0.3 when missing)")
    p.add_argument("--threads", type=int, help="pass --threads N to wirediff")
    p.add_argument("--lsh-threshold", type=float, help="pass to datasketch_dedup.py")
    p.add_argument("--verify", choices=["exact", "estimate"], default="exact",
                   help="datasketch verification (default exact, like wirediff)")
    p.add_argument("--workdir", default="/tmp", help="where outputs and logs go (default /tmp)")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be >= 1")
    if not os.access(args.wirediff, os.X_OK):
        p.error(f"no wirediff binary at {args.wirediff} (cargo build --release)")
    ensure_datasketch()

    base = os.path.join(args.workdir, os.path.basename(args.corpus).rsplit(".", 1)[0])
    log = base + ".compare.log"
    open(log, "w").close()
    exact = args.exact or os.path.splitext(args.corpus)[0] + ".exact.tsv"
    if not os.path.exists(exact):
        floor = min(0.3, args.threshold)
        print(f"compare: computing exact pairs -> {exact} (floor {floor})", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "exact_pairs.py"), "--corpus",
                        args.corpus, "--out", exact, "--floor", str(floor)], check=True)
    truth = truth_pairs(exact, args.measure, args.threshold)
    articles = non_ascii = 0
    for _, text in read_articles(args.corpus):
        articles += 1
        non_ascii += not text.isascii()

    wd_out = base + ".wirediff.jsonl"
    ds_out = base + ".datasketch.tsv"
    wd_cmd = [args.wirediff, "dedup", "--measure", args.measure, "--threshold",
              str(args.threshold), "--emit", "pairs", "--quiet", "-o", wd_out, args.corpus]
    if args.threads:
        wd_cmd[2:2] = ["--threads", str(args.threads)]
    ds_cmd = [sys.executable, os.path.join(HERE, "datasketch_dedup.py"), "--corpus",
              args.corpus, "--out", ds_out, "--measure", args.measure, "--threshold",
              str(args.threshold), "--verify", args.verify]
    if args.lsh_threshold is not None:
        ds_cmd += ["--lsh-threshold", str(args.lsh_threshold)]

    best = {}
    for _ in range(args.repeat):
        for name, cmd in (("wirediff", wd_cmd), ("datasketch", ds_cmd)):
            r = timed(cmd, log)
            print(f"compare: {name}: wall {r['wall']:.2f} s, cpu {r['cpu']:.2f} s, "
                  f"rss {r['rss_mb']:.0f} MB", file=sys.stderr)
            if name not in best or r["wall"] < best[name]["wall"]:
                best[name] = r

    wd_found, wd_implied = wirediff_pairs(wd_out)
    ds_found = tsv_pairs(ds_out)
    rows = []
    for name, found in (("wirediff", wd_found), ("datasketch", ds_found)):
        r = best[name]
        rec, prec = score(found, truth)
        rows.append([name, articles / r["wall"], articles / max(r["cpu"], 1e-9), r["rss_mb"],
                     rec, prec, len(found), r["wall"], r["cpu"]])
    w, d = rows
    print(f"\ncorpus {args.corpus}: {articles} articles; measure {args.measure}, "
          f"threshold {args.threshold}; truth {len(truth)} exact pairs; "
          f"best of {args.repeat}; RSS from {best['wirediff']['rss_source']}; "
          f"{non_ascii / max(articles, 1):.1%} of texts not pure ASCII")
    head = ["program", "articles/s", "art/CPU-s", "peak RSS MB", "recall", "precision",
            "pairs", "wall s", "CPU s"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print(f"| {r[0]} | {r[1]:,.0f} | {r[2]:,.0f} | {r[3]:,.0f} | {r[4]:.4f} | "
              f"{r[5]:.4f} | {r[6]} | {r[7]:.2f} | {r[8]:.2f} |")
    print(f"| wirediff/datasketch | {w[1] / d[1]:.1f}x | {w[2] / d[2]:.1f}x | "
          f"{w[3] / d[3]:.2f}x | | | | | |")
    if wd_implied:
        rec_i, prec_i = score(wd_implied, truth)
        print(f"\nwirediff groups imply {len(wd_implied)} co-member pairs "
              f"(recall {rec_i:.4f}, precision {prec_i:.4f} against the same truth; "
              f"two copies of one origin need not be copies of each other).")
    print(f"outputs: {wd_out}, {ds_out}; program stderr in {log}")


if __name__ == "__main__":
    main()
