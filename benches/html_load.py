#!/usr/bin/env python3
"""Load time of `wirediff compare --html` reports in headless chromium.

The report's script writes, on the <html> element, `data-ready-ms` (ms from
navigation start until the story list is rendered and usable: the whole file
parsed, the index parsed, the first 200 rows built), `data-story-ms` (ms to
build the story opened from `#story=<id>`), and after the load event
`data-dom-interactive-ms` and `data-load-ms`; both of the first figures
include layout. This script opens each report with `--dump-dom` and reads
them, `--repeat` times, and prints the medians with the file size. It also
times whole chromium runs that take a 1280x1600 screenshot of the opened
story (start-up, load, layout, paint, PNG): a tiny report (the fixture) is
timed the same way in the same run as the baseline, so the difference is
what the report's size costs. (The wall time of a `--dump-dom` run is not
used: serializing a large DOM back out dominates it.)

Usage:
  cargo build --release
  # a corpus whose comparison has >= 5,000 stories: the articles of the first
  # N stories of a compare run (here /tmp/gva100k.compare.jsonl, the JSON
  # Lines of `wirediff compare` on /tmp/gva100k.jsonl; see benches/README.md)
  python3 benches/html_load.py --subset /tmp/gva100k.jsonl /tmp/gva100k.compare.jsonl 5600 /tmp/gva5k.jsonl
  python3 benches/html_load.py --corpus /tmp/gva5k.jsonl --repeat 3

`--corpus` builds the report with target/release/wirediff (timed), then
measures it; `--report FILE.html` measures an existing report.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIREDIFF = os.path.join(ROOT, "target", "release", "wirediff")
FIXTURE = os.path.join(ROOT, "fixtures", "copies", "articles.jsonl")
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def subset(articles, comparison, stories, out):
    """Writes the articles of the first `stories` compared stories."""
    ids = set()
    taken = 0
    with open(comparison) as f:
        for line in f:
            record = json.loads(line)
            if record["type"] != "comparison":
                continue
            for source in record["data"]["sources"]:
                ids.update(source["articles"])
            taken += 1
            if taken == stories:
                break
    written = 0
    with open(articles) as f, open(out, "w") as w:
        for line in f:
            if json.loads(line)["id"] in ids:
                w.write(line)
                written += 1
    print(f"{out}: {written} articles of the first {taken} stories")


def build(corpus, report):
    """Runs `wirediff compare --html`; returns (seconds, summary record)."""
    started = time.monotonic()
    out = subprocess.run(
        [WIREDIFF, "compare", "-q", "--format", "jsonl", "--html", report, corpus],
        check=True, stdout=subprocess.PIPE, text=True)
    seconds = time.monotonic() - started
    lines = out.stdout.splitlines()
    first = next(json.loads(l)["data"]["story"] for l in lines if '"type":"comparison"' in l)
    return seconds, json.loads(lines[-1])["data"], first


def measure(report, story):
    """One chromium run; returns the page's figures (ms)."""
    profile = tempfile.mkdtemp(prefix="html-load-")
    url = ("file://" + urllib.parse.quote(os.path.abspath(report))
           + "#story=" + urllib.parse.quote(story, safe=""))
    try:
        out = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
            check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    head = out.stdout[:2000]
    figures = {k: float(v) for k, v in re.findall(r'data-([a-z-]+)-ms="([0-9.]+)"', head)}
    if "ready" not in figures:
        sys.exit(f"no data-ready-ms in the DOM of {report}: {head[:300]}")
    return figures


def screenshot_wall(report, story):
    """Wall ms of one chromium run screenshotting the opened story."""
    work = tempfile.mkdtemp(prefix="html-shot-")
    url = ("file://" + urllib.parse.quote(os.path.abspath(report))
           + "#story=" + urllib.parse.quote(story, safe=""))
    started = time.monotonic()
    try:
        subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={work}/profile", f"--screenshot={work}/shot.png",
             "--window-size=1280,1600", url],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return (time.monotonic() - started) * 1000


def report_figures(name, report, story, repeat):
    runs = [measure(report, story) for _ in range(repeat)]
    for run in runs:
        run["screenshot"] = screenshot_wall(report, story)
    keys = ["ready", "story", "dom-interactive", "load", "screenshot"]
    medians = {k: statistics.median(r[k] for r in runs if k in r) for k in keys}
    size = os.path.getsize(report)
    print(f"{name}: {size / 1e6:.2f} MB; median of {repeat}: list ready {medians['ready']:.0f} ms, "
          f"story opened in {medians['story']:.0f} ms, DOM interactive {medians['dom-interactive']:.0f} ms, "
          f"load event {medians['load']:.0f} ms, screenshot run {medians['screenshot']:.0f} ms wall "
          f"(list ready per run: {', '.join('%.0f' % r['ready'] for r in runs)} ms)")
    return medians


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subset", nargs=4, metavar=("ARTICLES", "COMPARE_JSONL", "N", "OUT"))
    parser.add_argument("--corpus", help="build the report from this corpus")
    parser.add_argument("--report", help="measure this report")
    parser.add_argument("--story", help="story id to open (default: the first)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.subset:
        articles, comparison, n, out = args.subset
        subset(articles, comparison, int(n), out)
        return
    if not os.path.exists(CHROMIUM):
        sys.exit(f"needs {CHROMIUM}: apt-get install --no-install-recommends chromium")
    work = tempfile.mkdtemp(prefix="html-load-")
    try:
        baseline = os.path.join(work, "fixture.html")
        _, _, fixture_story = build(FIXTURE, baseline)
        report_figures("baseline (fixtures/copies, 1 story)", baseline, fixture_story, args.repeat)
        if args.corpus:
            report = os.path.join(work, "report.html")
            seconds, summary, first = build(args.corpus, report)
            print(f"built in {seconds:.1f} s: {summary['articles']} articles, "
                  f"{summary['compared']} stories compared")
        elif args.report:
            report, first = args.report, None
        else:
            sys.exit("give --corpus or --report")
        story = args.story or first
        if story is None:
            found = re.search(rb'"stories":\[\["((?:[^"\\]|\\.)*)"', open(report, "rb").read(1 << 24))
            story = json.loads(b'"' + found.group(1) + b'"') if found else ""
        report_figures(os.path.basename(args.corpus or report), report, story, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
