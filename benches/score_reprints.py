#!/usr/bin/env python3
"""Score `wirediff dedup` copy groups against a reprint set's gold groups.

A pair is an unordered pair of article ids. Gold pairs: every two members of
one gold group (`gen_reprints.py --gold`: the origin and its reprints,
second-hand ones included), so two reprints of one story are a pair even
when they kept different halves of it. Found pairs: every two members of one
`group` record of wirediff's JSON Lines output. Then

    precision = |found & gold| / |found|,  recall = |found & gold| / |gold|.

Also printed:

* recall per edit: over the gold pairs (origin or parent, reprint) whose
  reprint had that edit (`trim`, `lead`, `local`, ...), and per keep band;
* the false pairs by what the gold says of their two articles (`footer`,
  `borrow`, `quote`, `unrelated`, `natural-not-copy`, or `group` when both
  are in different gold groups);
* how found groups label their members (`duplicate` / `reuse`) against the
  planted kind, when the output carries a `kind`.

`--found` reads a dedup output file; without it, `--wirediff` runs on
`--corpus` (extra flags in `--args`). `--goal P,R` exits 1 unless both are
met. Stdlib only.

Example:

    python3 benches/score_reprints.py --gold /tmp/rs1.gold.json --corpus /tmp/rs1.jsonl
"""

import argparse
import collections
import itertools
import json
import os
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def key(a, b):
    return (a, b) if a < b else (b, a)


def gold_pairs(gold):
    pairs, edits, kind_of, group_of = set(), {}, {}, {}
    for g, group in enumerate(gold["groups"]):
        ids = [group["origin"]] + [m["id"] for m in group["members"]]
        for i in ids:
            group_of[i] = g
        for a, b in itertools.combinations(ids, 2):
            pairs.add(key(a, b))
        for m in group["members"]:
            edits[key(m["id"], m["parent"])] = (m["edits"], m.get("keep"))
            kind_of[m["id"]] = m["kind"]
    negative = {n["id"]: n["kind"] for n in gold["negatives"]}
    return pairs, edits, kind_of, group_of, negative


def found_groups(path):
    groups, kinds = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["type"] == "group":
                d = rec["data"]
                groups.append(d["members"])
                for c in d.get("copies", []):
                    kinds[c["id"]] = c.get("kind")
    return groups, kinds


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gold", required=True)
    p.add_argument("--found", help="wirediff dedup JSON Lines output")
    p.add_argument("--corpus", help="run wirediff dedup on this corpus")
    p.add_argument("--wirediff", default=os.path.join(ROOT, "target", "release", "wirediff"))
    p.add_argument("--args", default="", help="extra wirediff dedup flags")
    p.add_argument("--goal", help="P,R targets, e.g. 0.99,0.95")
    p.add_argument("--list", type=int, default=0, help="list up to N misses and false pairs")
    args = p.parse_args(argv)
    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    if args.found:
        path = args.found
    else:
        if not args.corpus:
            sys.exit("score_reprints: give --found or --corpus")
        path = args.corpus + ".dedup.jsonl"
        cmd = [args.wirediff, "dedup", "-q", "-o", path] + shlex.split(args.args) + [args.corpus]
        subprocess.run(cmd, check=True)
    want, edits, kind_of, group_of, negative = gold_pairs(gold)
    groups, kinds = found_groups(path)
    found = set()
    for members in groups:
        for a, b in itertools.combinations(members, 2):
            found.add(key(a, b))
    hit = found & want
    precision = len(hit) / len(found) if found else 1.0
    recall = len(hit) / len(want) if want else 1.0
    print(f"pairs: gold {len(want)}, found {len(found)}, right {len(hit)}")
    print(f"precision {precision:.4f}  recall {recall:.4f}")

    per_edit = collections.defaultdict(lambda: [0, 0])
    per_keep = collections.defaultdict(lambda: [0, 0])
    for pair, (names, keep) in edits.items():
        for name in set(names) | {"all"}:
            per_edit[name][0] += pair in found
            per_edit[name][1] += 1
        if keep is not None:
            band = f"{min(int(keep * 10), 9) / 10:.1f}"
            per_keep[band][0] += pair in found
            per_keep[band][1] += 1
    print("recall of (parent, reprint) pairs by edit:")
    for name in sorted(per_edit, key=lambda n: (n != "all", n)):
        got, n = per_edit[name]
        print(f"  {name:12} {got:5}/{n:<5} {got / n:.4f}")
    print("recall by keep (share of the origin's words kept):")
    for band in sorted(per_keep):
        got, n = per_keep[band]
        print(f"  {band}-        {got:5}/{n:<5} {got / n:.4f}")

    def what(i):
        if i in negative:
            return negative[i]
        if i in group_of:
            return "group"
        return "unknown"

    false = sorted(found - want)
    by_kind = collections.Counter(
        "+".join(sorted((what(a), what(b)))) for a, b in false)
    print(f"false pairs: {len(false)}" + "".join(f"; {k} {n}" for k, n in by_kind.most_common()))
    if kinds:
        table = collections.Counter((kind_of.get(i), k) for i, k in kinds.items() if i in kind_of)
        print("planted kind -> found kind: " + ", ".join(
            f"{a}->{b} {n}" for (a, b), n in sorted(table.items(), key=str)))
    if args.list:
        missed = sorted(want - found)
        print("missed:", *[f"  {a} {b}" for a, b in missed[: args.list]], sep="\n")
        print("false:", *[f"  {a} {b}" for a, b in false[: args.list]], sep="\n")
    if args.goal:
        gp, gr = (float(x) for x in args.goal.split(","))
        ok = precision >= gp and recall >= gr
        print(("PASS" if ok else "FAIL") + f": precision {precision:.4f} (goal {gp}), "
              f"recall {recall:.4f} (goal {gr})")
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
