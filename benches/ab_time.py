#!/usr/bin/env python3
"""Time two or more builds of wirediff on the same command, alternating runs.

On a shared machine absolute timings drift with the load, so compare builds
in one run: each round runs every binary once, in turn, and the script
reports per binary the minimum and median wall seconds and CPU seconds
(user + sys of the child, microsecond resolution from getrusage).

Example (a build of main kept as /tmp/wirediff.main):

    python3 benches/ab_time.py --runs 10 /tmp/wirediff.main target/release/wirediff \\
        -- dedup -q --threads 1 -o /dev/null /tmp/wd20k.jsonl
"""

import argparse
import resource
import subprocess
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        usage="%(prog)s [--runs N] BINARY [BINARY ...] -- WIREDIFF-ARGS ...",
    )
    parser.add_argument("binaries", nargs="+", help="wirediff executables to compare")
    parser.add_argument("--runs", type=int, default=10, help="rounds (default 10)")
    argv = sys.argv[1:]
    if "--" not in argv:
        parser.error("give the wirediff arguments after --")
    split = argv.index("--")
    options = parser.parse_args(argv[:split])
    args = argv[split + 1 :]
    if not args:
        parser.error("give the wirediff arguments after --")
    wall = {b: [] for b in options.binaries}
    cpu = {b: [] for b in options.binaries}
    for _ in range(options.runs):
        for binary in options.binaries:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([binary, *args], check=True, stdout=subprocess.DEVNULL)
            wall[binary].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[binary].append(
                after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            )
    print(f"{'binary':<40} {'wall min':>9} {'median':>9} {'cpu min':>9} {'median':>9}")
    for binary in options.binaries:
        w, c = sorted(wall[binary]), sorted(cpu[binary])
        print(
            f"{binary:<40} {w[0]:9.3f} {w[len(w) // 2]:9.3f} {c[0]:9.3f} {c[len(c) // 2]:9.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
