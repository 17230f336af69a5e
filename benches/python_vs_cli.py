#!/usr/bin/env python3
"""Python API vs CLI on the same corpus, side by side.

    python3 benches/gen_corpus.py --articles 20000 --seed 1 --out /tmp/wd20k.jsonl
    python3 benches/python_vs_cli.py --corpus /tmp/wd20k.jsonl --repeat 5

Runs, alternating, in this process and as subprocesses:

- cli:      `wirediff dedup --quiet -o OUT CORPUS` (JSON Lines in, JSON Lines out)
- py:       `wirediff.dedup(table)` on a pyarrow Table already in memory
- py+read:  `pyarrow.json.read_json(CORPUS)` then `wirediff.dedup(table)`

and prints each one's median wall time and its ratio to the CLI's. The
Python figures are measured in a fresh interpreter each run (import time
excluded), so neither side keeps a warm cache the other lacks beyond the
file system's.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PY = r"""
import sys, time, pyarrow.json as pj, wirediff
path, mode = sys.argv[1], sys.argv[2]
if mode == "py":
    table = pj.read_json(path)
    t = time.perf_counter()
    wirediff.dedup(table)
else:
    t = time.perf_counter()
    wirediff.dedup(pj.read_json(path))
print(time.perf_counter() - t)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--binary", default=str(REPO / "target" / "release" / "wirediff"))
    args = parser.parse_args()
    times = {"cli": [], "py": [], "py+read": []}
    out = Path(tempfile.mkdtemp()) / "out.jsonl"
    for _ in range(args.repeat):
        t = time.perf_counter()
        subprocess.run([args.binary, "dedup", "--quiet", "-o", str(out), args.corpus], check=True)
        times["cli"].append(time.perf_counter() - t)
        for mode in ("py", "py+read"):
            done = subprocess.run([sys.executable, "-c", PY, args.corpus, mode], check=True,
                                  capture_output=True, text=True)
            times[mode].append(float(done.stdout.strip()))
    cli = statistics.median(times["cli"])
    result = {}
    for mode, values in times.items():
        median = statistics.median(values)
        result[mode] = {"median_s": round(median, 4), "ratio_to_cli": round(median / cli, 3),
                        "runs": [round(v, 4) for v in values]}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
