#!/usr/bin/env python3
"""Generate a deterministic, news-like JSONL corpus with planted wire copies.

Each output line is one article:

    {"id", "source", "published", "title", "text", "url"}

Most articles are "base" articles: paragraphs of sentences drawn from a
Zipf-distributed vocabulary (a few hundred real English function and news
words at the top ranks, then procedurally built pseudo-words, about 30,000
types), with a per-article set of topic words, names, numbers, quotes and
stock news phrases ("said in a statement on"). Unrelated articles therefore
share a 5-gram only now and then -- mostly through stock phrases and runs of
common words -- as real news does.

A fraction `--copy-rate` of articles are edited copies of an earlier base
article (chosen with a bias to recent ones, like a news cycle). Every copy gets
a different source and a later publication time, plus one to three of:

    headline   new title
    trim       keep only the first 40-70 % of the words (cut at a sentence)
    local      an added local paragraph of 60-150 words
    lead       the lead paragraph rewritten
    typos      1-3 % of words substituted or mistyped
    credit     an agency credit: "CITY (AFP) --", "..., Reuters reported.",
               "(With agency inputs)"

Planting is recorded in an optional `--truth` TSV sidecar
(copy_id, original_id, edits). The planted list is *not* the ground truth for
recall/precision (an edit can push a copy below a threshold, and unrelated
articles can be similar by chance); `exact_pairs.py` computes that.

The generator streams: article i is generated from its own seeded RNG, so a
copy regenerates its original from the original's index instead of keeping
articles in memory. Memory stays a few MB for any --articles (only the list of
base-article indices is kept). Output is byte-identical for the same
arguments.

Example:

    python3 benches/gen_corpus.py --articles 20000 --seed 1 \\
        --out /tmp/wd20k.jsonl --truth /tmp/wd20k.truth.tsv
"""

import argparse
import bisect
import itertools
import json
import random
import sys
import time
import unicodedata
from array import array
from datetime import datetime, timedelta, timezone

# Top-ranked real words, most frequent first (rank order drives the Zipf law).
COMMON_WORDS = """
the of to and a in that for is on said was with he it as at by from his be
have has are an but not were had they this who which their after been will
would its or one more about two also we when there up out year new than
people over i all first police government other last into could some can
told her she time no them what if three years state country before officials
president city minister may where percent since while because during against
under just most like being only any those week made many including both
between former told national four through military so day us back around
five security public million killed report group department local well
authorities still court news per found did took should ministry support then
official such our these how next very area according another forces attack
three house help health world political several power left did you later
family children water says him my school another billion early month months
days hours left home plan party leaders election vote law case search office
workers company market prices economy bank trade talks deal meeting agency
statement spokesman spokeswoman council committee members region province
border capital village town district hospital injured wounded dead death
fire storm flood earthquake rain snow winds road bridge train flight airport
port ship fuel oil gas energy food aid relief rescue emergency army troops
soldiers rebels protest protesters crowd strike union students teachers
doctors patients victims suspects arrested charged trial judge prison
investigation evidence witnesses residents neighbors community program budget
tax taxes funding contract project plans policy reform crisis war peace
ceasefire sanctions embassy foreign domestic international central northern
southern eastern western monday tuesday wednesday thursday friday saturday
sunday january february march april june july august september october
november december morning afternoon evening night today yesterday tomorrow
nearly about least almost least half dozens hundreds thousands number figures
data rate rise fall increased decreased higher lower small large major key
""".split()

# Stock phrases shared by unrelated reports; they give realistic chance 5-gram
# overlaps between articles that are not copies.
STOCK_PHRASES = [
    "said in a statement on",
    "according to local officials",
    "did not immediately respond to a request for comment",
    "the ministry of defence said",
    "at least two people were killed",
    "police said in a statement",
    "told reporters on the sidelines of",
    "it was not immediately clear",
    "a spokesman for the ministry said",
    "declined to comment on the matter",
    "in a post on social media",
    "the incident is under investigation",
    "officials said on condition of anonymity",
    "the death toll is expected to rise",
    "according to the latest figures released by",
    "speaking to reporters after the meeting",
    "the government has said it will",
    "has been under pressure for months",
    "in an interview with local media",
    "the two sides agreed to meet again",
    "it is the first time since",
    "emergency services were called to the scene",
    "was taken to hospital with serious injuries",
    "the central bank said on",
    "prices have risen sharply in recent months",
    "the opposition has called for",
    "the united nations said on",
    "human rights groups have accused",
    "the national weather service said",
    "a court in the capital",
]

CITIES = [
    "Lagos", "Nairobi", "Cairo", "Beirut", "Kyiv", "Warsaw", "Berlin", "Paris",
    "Madrid", "Lisbon", "Rome", "Athens", "Ankara", "Tehran", "Karachi",
    "Mumbai", "Dhaka", "Jakarta", "Manila", "Hanoi", "Seoul", "Tokyo",
    "Sydney", "Lima", "Bogotá", "Caracas", "São Paulo", "Mexico City",
    "Ottawa", "Chicago", "Houston", "Geneva", "Brussels", "Oslo", "Reykjavík",
]

SOURCES = [
    "wire-central", "global-wire", "daily-herald", "morning-post", "the-tribune",
    "city-courier", "evening-standard", "valley-news", "coastal-times",
    "northern-echo", "metro-daily", "capital-journal", "river-gazette",
    "the-observer-online", "harbor-ledger", "plains-register", "union-press",
    "national-dispatch", "mountain-sentinel", "bay-chronicle", "state-bulletin",
    "first-report", "region-today", "lakeside-voice", "frontier-times",
    "newsroom-24", "sunrise-news", "midland-star", "south-review", "east-record",
]

AGENCIES = ["AFP", "Reuters", "AP", "UPI", "ANI", "dpa", "EFE", "Xinhua"]

SAID_VERBS = ["said", "told reporters", "added", "said on Twitter", "warned",
              "told local media", "wrote", "said in a statement"]

CONTRACTIONS = ["don't", "didn't", "won't", "can't", "it's", "we're",
                "they're", "isn't", "wasn't", "doesn't", "couldn't",
                "we’ve", "it’s", "don’t"]  # curly ones on purpose

ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s",
          "t", "v", "w", "br", "cr", "dr", "fl", "gr", "pl", "pr", "sh",
          "st", "tr", "ch", "th", "sl", "sp", "bl", "cl", ""]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "y", "ee"]
CODAS = ["", "", "", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "rk",
         "ck", "ng", "x", "th", "ll", "ss", "ed", "er", "ing", "ion", "al"]

VOCAB_SIZE = 30000
TOPIC_WORDS = 12


def build_vocab(size=VOCAB_SIZE):
    """Return (words, cum_weights): real words first, then pseudo-words.

    Fixed seed: the vocabulary is the same for every corpus, so corpora made
    with different --seed values still speak the same "language".
    """
    rng = random.Random(20240607)
    words = []
    seen = set()
    for w in COMMON_WORDS:
        if w not in seen:
            seen.add(w)
            words.append(w)
    while len(words) < size:
        n = rng.choice((1, 1, 1, 2, 2, 2, 3))
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                    for _ in range(n))
        if 2 <= len(w) <= 14 and w not in seen:
            seen.add(w)
            words.append(w)
    # Zipf-Mandelbrot: weight(rank) = 1 / (rank + 2.7) ** 1.07
    cum = list(itertools.accumulate(1.0 / (r + 2.7) ** 1.07 for r in range(size)))
    return words, cum


WORDS, CUM = build_vocab()


TOPIC_MARK = "\x00t"  # placeholders in TABLE, replaced per article
NUMBER_MARK = "\x00n"
NUMBER_MARKS = 6
# Share of draws that are the article's topic words, its numbers, and
# contractions; the rest are plain vocabulary draws.
TOPIC_SHARE, NUMBER_SHARE, CONTRACTION_SHARE = 0.09, 0.005, 0.003


def build_table(bits=22):
    """A 2**bits-entry lookup table in which each entry's share equals its
    probability (largest-remainder rounding, at least one slot per word), so
    a draw is one uniform index instead of a binary search. Topic-word and
    number slots hold placeholders that `Writer.words` maps per article."""
    size = 1 << bits
    total = CUM[-1]
    plain = 1 - TOPIC_SHARE - NUMBER_SHARE - CONTRACTION_SHARE
    items = [(w, (b - a) / total * plain)
             for w, a, b in zip(WORDS, [0.0] + CUM[:-1], CUM)]
    items += [(TOPIC_MARK + str(j), TOPIC_SHARE / TOPIC_WORDS) for j in range(TOPIC_WORDS)]
    items += [(NUMBER_MARK + str(j), NUMBER_SHARE / NUMBER_MARKS) for j in range(NUMBER_MARKS)]
    items += [(c, CONTRACTION_SHARE / len(CONTRACTIONS)) for c in CONTRACTIONS]
    counts = [max(1, int(p * size)) for _, p in items]
    short = size - sum(counts)
    order = sorted(range(len(items)), key=lambda i: items[i][1] * size - counts[i],
                   reverse=True)
    for i in order[:max(0, short)]:
        counts[i] += 1
    table = []
    for (w, _), c in zip(items, counts):
        table.extend([w] * c)
    return table


TABLE = build_table()
# Mid-frequency band that topic words and proper names come from.
TOPIC_BAND = (400, 12000)


class Writer:
    """Builds the paragraphs of one article from an RNG."""

    def __init__(self, rng):
        self.rng = rng
        lo, hi = TOPIC_BAND
        self.topic = [WORDS[rng.randrange(lo, hi)] for _ in range(TOPIC_WORDS)]
        self.names = [self.name() for _ in range(3)]
        self.city = rng.choice(CITIES)
        numbers = [str(rng.randrange(2, 100)) for _ in range(NUMBER_MARKS // 2)]
        numbers += [str(rng.randrange(100, 5000)) for _ in range(NUMBER_MARKS // 2)]
        self.marks = {TOPIC_MARK + str(j): w for j, w in enumerate(self.topic)}
        self.marks.update({NUMBER_MARK + str(j): w for j, w in enumerate(numbers)})

    def name(self):
        rng = self.rng
        lo, hi = TOPIC_BAND
        first = WORDS[rng.randrange(lo, hi)].capitalize()
        last = WORDS[rng.randrange(lo, hi)].capitalize()
        if rng.random() < 0.08:
            last = last.replace("e", "é", 1)  # a few accented names
        return f"{first} {last}"

    def words(self, n):
        """n body words: Zipf draws with topic words, numbers, contractions."""
        marks = self.marks
        return [marks.get(w, w) for w in self.rng.choices(TABLE, k=n)]

    def sentence(self, n):
        """One sentence of about n words, as a string."""
        rng = self.rng
        kind = rng.random()
        phrase = rng.choice(STOCK_PHRASES).split() if kind < 0.04 else []
        body = self.words(max(3, n - len(phrase)))
        if rng.random() < 0.25:
            body.insert(rng.randrange(len(body)), rng.choice(self.names))
        if phrase:
            # a stock phrase embedded in the sentence
            cut = rng.randrange(len(body))
            body[cut:cut] = phrase
        if len(body) > 10 and rng.random() < 0.3:
            c = rng.randrange(3, len(body) - 3)
            body[c] += ","
        s = " ".join(body)
        s = s[0].upper() + s[1:]
        if kind > 0.85:
            return f"\u201c{s},\u201d {rng.choice(self.names)} {rng.choice(SAID_VERBS)}."
        return s + "."

    def paragraph(self, nwords):
        """Sentences until about nwords words; returns a list of sentences."""
        rng = self.rng
        out = []
        left = nwords
        while left > 0:
            n = min(left, max(6, int(rng.gauss(19, 6))))
            if left - n < 6:
                n = left
            out.append(self.sentence(n))
            left -= n
        return out

    def title(self):
        t = " ".join(self.words(self.rng.randrange(6, 13)))
        return t[0].upper() + t[1:]


def base_article(seed, index, words_mean):
    """(title, paragraphs) of base article `index`; pure function of args."""
    rng = random.Random(f"{seed}:{index}:base")
    w = Writer(rng)
    total = int(rng.triangular(0.625 * words_mean, 1.375 * words_mean, words_mean))
    paras = []
    left = total
    while left > 0:
        n = min(left, rng.randrange(35, 90))
        if left - n < 20:
            n = left
        paras.append(w.paragraph(n))
        left -= n
    return w.title(), paras, w


def count_words(paras):
    return sum(len(s.split()) for p in paras for s in p)


def edit_copy(rng, title, paras, writer):
    """Apply 1-3 random edits; returns (title, paras, list of edit names)."""
    edits = rng.sample(["headline", "trim", "local", "lead", "typos", "credit"],
                       k=rng.choice((1, 1, 2, 2, 3)))
    paras = [list(p) for p in paras]
    writer.rng = rng  # new material for the copy comes from the copy's RNG
    if "headline" in edits:
        title = writer.title()
    if "lead" in edits:
        paras[0] = writer.paragraph(max(20, len(" ".join(paras[0]).split())))
    if "trim" in edits:
        keep = int(count_words(paras) * rng.uniform(0.4, 0.7))
        out, seen = [], 0
        for p in paras:
            kept = []
            for s in p:
                if seen >= keep:
                    break
                kept.append(s)
                seen += len(s.split())
            if kept:
                out.append(kept)
            if seen >= keep:
                break
        paras = out
    if "local" in edits:
        local = writer.paragraph(rng.randrange(60, 151))
        paras.insert(rng.randrange(1, len(paras) + 1), local)
    if "typos" in edits:
        rate = rng.uniform(0.01, 0.03)
        paras = [[typo_sentence(rng, s, rate) for s in p] for p in paras]
    if "credit" in edits:
        style = rng.randrange(3)
        agency = rng.choice(AGENCIES)
        if style == 0:
            paras[0][0] = f"{writer.city.upper()} ({agency}) \u2014 {paras[0][0]}"
        elif style == 1:
            paras[-1].append(f"{agency} reported.")
        else:
            paras.append(["(With agency inputs)"])
    return title, paras, edits


def typo_sentence(rng, sentence, rate):
    """Substitute or mistype each word with probability `rate`."""
    words = sentence.split(" ")
    for i, w in enumerate(words):
        if rng.random() < rate:
            if rng.random() < 0.5 or len(w) < 4:
                words[i] = rng.choices(WORDS, cum_weights=CUM, k=1)[0]
            else:
                j = rng.randrange(len(w) - 1)
                words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]  # swap letters
    return " ".join(words)


EPOCH = datetime(2026, 1, 1, 6, 0, tzinfo=timezone.utc)


def iso(minutes):
    return (EPOCH + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def slug(title):
    return "-".join(title.lower().split()[:5])


def plan(args):
    """Yield (i, minute, source, orig) for every article, in order.

    orig is the index of the base article that article i copies, or None.
    Cheap and sequential: it only needs the list of base indices so far."""
    bases = array("l")  # indices of base (non-copy) articles planned so far
    for i in range(args.articles):
        meta = random.Random(f"{args.seed}:{i}:meta")
        # One article every ~2 minutes of simulated time.
        minute = 2 * i + meta.randrange(2)
        source = meta.choice(SOURCES)
        orig = None
        if bases and meta.random() < args.copy_rate:
            back = int(meta.expovariate(1 / 300))
            if back >= len(bases):  # early in the corpus: any earlier base
                back = meta.randrange(len(bases))
            orig = bases[len(bases) - 1 - back]
            orig_source = random.Random(f"{args.seed}:{orig}:meta").choice(SOURCES)
            while source == orig_source:
                source = meta.choice(SOURCES)
        else:
            bases.append(i)
        yield i, minute, source, orig


ASCII_PUNCT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2019": "'",
                             "\u2014": "-"})


def to_ascii(s):
    """Straight quotes and dashes, accents dropped (for --ascii)."""
    s = s.translate(ASCII_PUNCT)
    if s.isascii():
        return s
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def render(seed, words_mean, item, ascii_only=False):
    """(JSON line, truth row or None) of one planned article."""
    i, minute, source, orig = item
    row = None
    if orig is not None:
        title, paras, writer = base_article(seed, orig, words_mean)
        rng = random.Random(f"{seed}:{i}:copy")
        title, paras, edits = edit_copy(rng, title, paras, writer)
        row = f"a{i:07d}\ta{orig:07d}\t{','.join(edits)}\n"
    else:
        title, paras, _ = base_article(seed, i, words_mean)
    text = "\n\n".join(" ".join(p) for p in paras)
    if ascii_only:
        title, text = to_ascii(title), to_ascii(text)
    day = iso(minute)[:10].replace("-", "/")
    rec = {
        "id": f"a{i:07d}",
        "source": source,
        "published": iso(minute),
        "title": title,
        "text": text,
        "url": f"https://{source}.example/{day}/{slug(title)}-{i}",
    }
    return json.dumps(rec, ensure_ascii=False) + "\n", row


def render_chunk(job):
    seed, words_mean, ascii_only, items = job
    return [render(seed, words_mean, item, ascii_only) for item in items]


def chunks(args, size=1000):
    items = []
    for item in plan(args):
        items.append(item)
        if len(items) == size:
            yield args.seed, args.words_mean, args.ascii, items
            items = []
    if items:
        yield args.seed, args.words_mean, args.ascii, items


def generate(args, out, truth):
    """Write args.articles articles to `out` (and planting rows to `truth`).

    With --jobs > 1, chunks of 1,000 planned articles are rendered by worker
    processes and written back in order: the output is the same bytes."""
    copies = 0
    if args.jobs > 1:
        import multiprocessing
        pool = multiprocessing.Pool(args.jobs)
        results = pool.imap(render_chunk, chunks(args), chunksize=1)
    else:
        pool = None
        results = map(render_chunk, chunks(args))
    try:
        for batch in results:
            for line, row in batch:
                out.write(line)
                if row is not None:
                    copies += 1
                    if truth:
                        truth.write(row)
    finally:
        if pool:
            pool.close()
            pool.join()
    return copies


def main(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Writes JSONL to --out ('-' for stdout); a summary goes to stderr.")
    p.add_argument("--articles", type=int, required=True, help="number of articles")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--out", required=True, help="output JSONL path, or - for stdout")
    p.add_argument("--copy-rate", type=float, default=0.3,
                   help="fraction of articles that are edited copies (default 0.3)")
    p.add_argument("--words-mean", type=int, default=400,
                   help="mode of article length in words; lengths span "
                        "0.625x..1.375x of it, i.e. 250-550 for 400 (default 400)")
    p.add_argument("--truth", help="optional TSV sidecar: copy_id, original_id, edits")
    p.add_argument("--ascii", action="store_true",
                   help="straight quotes and dashes, no accents: the same corpus with "
                        "pure-ASCII texts (to measure a tool's ASCII fast path)")
    p.add_argument("--jobs", type=int, default=1,
                   help="worker processes (default 1); output is identical for any value")
    args = p.parse_args(argv)
    if not 0 <= args.copy_rate < 1:
        p.error("--copy-rate must be in [0, 1)")
    if args.jobs < 1:
        p.error("--jobs must be >= 1")
    start = time.perf_counter()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    truth = open(args.truth, "w", encoding="utf-8") if args.truth else None
    try:
        if truth:
            truth.write("copy_id\toriginal_id\tedits\n")
        copies = generate(args, out, truth)
    finally:
        if out is not sys.stdout:
            out.close()
        if truth:
            truth.close()
    secs = time.perf_counter() - start
    print(f"gen_corpus: {args.articles} articles ({copies} planted copies) "
          f"in {secs:.1f} s ({args.articles / max(secs, 1e-9):.0f} articles/s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
