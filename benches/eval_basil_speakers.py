#!/usr/bin/env python3
"""How many gold quoted speakers per outlet wirediff's who-is-quoted view finds
on BASIL (the compare issue's measurement).

Gold: `spans.jsonl` spans inside quotes (`quote == "yes"`) carry a `speaker`
such as `Michael_Steele`; generic speakers (`other_*`) are left out, since
they name no one. wirediff: the quotes of `wirediff facts` for the same
article (the who-is-quoted view lists the same speakers per source). A gold
speaker is found when some quote's speaker name (or organization) in that
article contains the gold speaker's surname, case-insensitively.

Usage: python3 benches/eval_basil_speakers.py [--wirediff target/release/wirediff] [--data ../shared/data/basil]
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--wirediff", default=os.path.join(HERE, "..", "target", "release", "wirediff"))
    p.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data", "basil"))
    p.add_argument("--misses", action="store_true", help="list the gold speakers not found, per article")
    args = p.parse_args()
    gold = collections.defaultdict(set)
    with open(os.path.join(args.data, "spans.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            if r["quote"] == "yes" and r["speaker"] and not r["speaker"].startswith("other"):
                gold[r["id"]].add(r["speaker"])
    source = {}
    with open(os.path.join(args.data, "articles.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            source[r["id"]] = r["source"]
    out = subprocess.run([args.wirediff, "facts", "--quiet", os.path.join(args.data, "articles.jsonl")],
                         check=True, capture_output=True, text=True).stdout
    speakers = collections.defaultdict(list)
    for line in out.splitlines():
        r = json.loads(line)
        if r["type"] != "article":
            continue
        for fact in r["data"]["facts"]:
            # The who-is-quoted view of `compare` lists cited sources only:
            # speech and documents, not stances ("X believes").
            if fact["kind"] == "quote" and fact.get("attribution") != "stance":
                s = fact["speaker"]
                speakers[r["data"]["id"]].append(" ".join(x for x in (s.get("name"), s.get("organization")) if x).lower())
    found = collections.Counter()
    total = collections.Counter()
    for article, names in gold.items():
        outlet = source.get(article, "?")
        for name in names:
            surname = name.split("_")[-1].lower()
            total[outlet] += 1
            if any(surname in s for s in speakers[article]):
                found[outlet] += 1
            elif args.misses:
                print(f"miss {outlet} {article} {name}: found {sorted(set(speakers[article]))}")
    print("outlet  gold named speakers  found by wirediff  recall")
    for outlet in sorted(total):
        print(f"{outlet:6}  {total[outlet]:19}  {found[outlet]:17}  {found[outlet] / total[outlet]:.3f}")
    all_found, all_total = sum(found.values()), sum(total.values())
    print(f"{'all':6}  {all_total:19}  {all_found:17}  {all_found / max(all_total, 1):.3f}")


if __name__ == "__main__":
    sys.exit(main())
