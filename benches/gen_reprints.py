#!/usr/bin/env python3
"""Build a reprint set from real news, edited the way newsrooms edit wire copy.

The originals are real articles read at run time from the project's corpora
(`../shared/data`: PolNeAR, whose `wire` articles are real agency copy, BASIL,
ECB+ and GVA); nothing from them is stored in the repository. Each chosen
original gets reprints by other (invented) outlets, each made by a sequence
of edits, and the set is padded with real articles that must NOT be found as
copies. Output: a JSON Lines corpus (`id, source, published, title, text,
url`) and a gold file with the planted groups.

Reprints (gold: a copy of the origin, or of the reprint it was made from):

    duplicate   all or nearly all of the story (85-100 %), light edits
    keep        the fraction of the origin's words kept (0.40-1.00)
    trim        the tail cut at a paragraph
    cut         paragraphs dropped from the middle instead of the tail
    lead        the lead paragraph rewritten (clauses moved, words swapped)
    local       1-2 local paragraphs added (real text from articles that are
                not otherwise in the set), at most as many words as were kept
    reorder     one or two paragraphs moved
    typos       0.5-2 % of words mistyped
    number      a number changed (an updated toll)
    quote       a word inside a quotation changed
    style       house style throughout: "said" -> "says", "percent" ->
                "per cent", no "Mr.", "U.S." -> "US", ...
    credit      a dateline "CITY (AP) --" and/or a credit line at the end
                ("Reporting by ...", "(With agency inputs)", ...)
    headline    a new title
    second-hand made from another reprint instead of the origin

Articles that are not copies (gold: in no group):

    borrow      a local article that took one or two paragraphs of a wire
                story (at most about 30 % of its words): a rewrite that
                borrows, like the Daily Mail story in newsfacts, not a copy
                (at most 40 % of the wire story's words, too)
    footer      every outlet with a footer puts it on all its pages (some
                also put a line such as "Advertisement" between every few
                paragraphs), and
                short unrelated pages of one outlet share little else
    quote       unrelated articles from different outlets that carry the same
                quoted paragraph
    unrelated   other real articles (same-event reports by other outlets
                included: BASIL's three outlets, ECB+ topics)

Natural pairs: real articles of the pool that already share >= 30 % of their
shingles are left out of the generated part; with `--natural` (default) the
PolNeAR pairs checked by eye (same-outlet versions of one story) are added
untouched as gold groups, and its one pair that shares only a "Related:"
link block is added as a negative.

Publication times: an origin at some UTC time; reprints 20 minutes to three
days later, written with time-zone offsets (so only a comparison in UTC
orders them), some with a date only, some with none.

Example:

    python3 benches/gen_reprints.py --seed 1 --out /tmp/rs1.jsonl --gold /tmp/rs1.gold.json
    target/release/wirediff dedup -q -o /tmp/rs1.out.jsonl /tmp/rs1.jsonl
    python3 benches/score_reprints.py --gold /tmp/rs1.gold.json --found /tmp/rs1.out.jsonl

Stdlib only; output is byte-identical for the same arguments and data.
"""

import argparse
import json
import os
import random
import re
import sys
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exact_pairs import exact_pairs  # noqa: E402
from textsets import shingles  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data")

# Invented outlets: (name, city). Each gets a footer or none.
TOWNS = """Riverton Millbrook Ashford Cedar_Falls Lakeview Brookside Fairhaven
Kingsport Oakdale Pinecrest Westfield Harborview Stonebridge Maplewood
Greenville Clearwater Northfield Silverton Redwood Bayside Elmhurst Granite_City
Hollister Marlow Dunmore Kessling Tarrow Wexford""".split()
PAPERS = ["gazette", "herald", "tribune", "courier", "sentinel", "ledger",
          "times", "post", "chronicle", "observer", "daily", "news"]

# Invented site furniture, one line each; {site} and {domain} are filled in.
FOOTER_LINES = [
    "Copyright {year} {site}. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed without permission.",
    "Sign up for the {site} morning newsletter to get the day's top headlines "
    "delivered straight to your inbox.",
    "Follow {site} on Facebook, Twitter and Instagram for breaking news alerts, "
    "weather updates and the latest from around the region.",
    "Have a news tip or a story idea? Email the newsroom at tips@{domain} or "
    "call our tip line any time, day or night.",
    "Comments on this story are moderated. Please keep the conversation civil, "
    "stay on topic and do not post personal information.",
    "Subscribers get unlimited access to every story, the digital replica of "
    "the print edition and our award-winning puzzles. Subscribe today.",
    "Get the free {site} app for iPhone and Android to read local news, watch "
    "video and receive push alerts wherever you are.",
    "Support local journalism: a subscription to {site} helps pay for the "
    "reporters who cover your schools, your council and your neighborhood.",
    "Advertisement",
    "Related Coverage",
    "Share this story by email, on Facebook or on Twitter using the buttons "
    "below, and let us know what you think in the comments.",
]

INLINE_LINES = [
    "Advertisement",
    "Story continues below advertisement",
    "SEE ALSO: Our complete coverage of the day's top stories",
    "Click here to get the latest headlines sent to your phone",
    "Continue Reading Below",
]

# House style an outlet applies to everything it runs.
STYLE = [
    (r"\bpercent\b", "per cent"), (r"\bsaid\b", "says"), (r"\bMr\. ", ""),
    (r"\bMrs\. ", ""), (r"\bMs\. ", ""), (r"\bDr\. ", "Doctor "),
    (r"\bU\.S\.", "US"), (r"\bSept\.", "September"), (r"\bGov\. ", "Governor "),
    (r"\bSen\. ", "Senator "), (r"\bRep\. ", "Representative "),
]

AGENCIES = {
    "AP": ("apnews.com", "The Associated Press contributed to this report."),
    "Reuters": ("reuters.com", "Reporting by {name}; Editing by {name2}"),
    "AFP": ("afp.com", "(With agency inputs)"),
    "UPI": ("upi.com", "Copyright {year} United Press International, Inc. "
            "All Rights Reserved."),
}
NAMES = ["Maria Lopez", "James Okafor", "Lena Fischer", "David Chen",
         "Priya Raman", "Tom Walsh", "Sara Haddad", "Ivan Petrov",
         "Grace Mensah", "Paul Dubois", "Anna Kowalski", "Omar Farouk"]
CITIES = ["WASHINGTON", "NEW YORK", "LONDON", "PARIS", "CHICAGO", "DENVER",
          "ATLANTA", "BOSTON", "MIAMI", "SEATTLE", "DALLAS", "JAKARTA"]

# Lead rewriting: words an editor swaps when rewriting a lead.
SYNONYMS = {
    "said": "told reporters", "says": "told reporters", "on": "on",
    "people": "residents", "killed": "left dead", "police": "authorities",
    "officials": "authorities", "announced": "unveiled", "attack": "assault",
    "injured": "hurt", "wounded": "hurt", "president": "President",
    "after": "following", "before": "ahead of", "during": "amid",
    "more": "over", "about": "some", "large": "big", "told": "said to",
    "claimed": "asserted", "new": "fresh", "reported": "said",
    "major": "key", "support": "backing", "campaign": "bid",
    "shooting": "gunfire", "died": "was killed", "man": "person",
    "woman": "person", "according": "citing", "state": "the state's",
}
FILLERS = ["reportedly", "also", "now", "on Tuesday", "late", "again", "officially"]
LOCAL_PREFIXES = [
    "In news that reaches well beyond the region, ",
    "Closer to home, readers will want to know that ",
    "As {city} watched events unfold, ",
    "In a development followed closely here, ",
]


def paragraphs(text):
    return [p.strip() for p in text.split("\n") if p.strip()]


def words_of(paras):
    return sum(len(p.split()) for p in paras)


def load_pool(data):
    """Real articles usable as originals, local text or negatives."""
    pool = []
    for corpus in ("polnear", "basil", "ecbplus", "gva"):
        path = os.path.join(data, corpus, "articles.jsonl")
        if not os.path.exists(path):
            continue
        seen = set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                if a["id"] in seen:
                    continue
                seen.add(a["id"])
                a["corpus"] = corpus
                paras = paragraphs(a["text"])
                a["paras"] = paras
                pool.append(a)
    return pool


def natural_pairs(pool, floor=0.3):
    """Pairs of pool articles sharing >= floor of the smaller's shingles."""
    docs, intern, df = [], {}, []
    for a in pool:
        doc = set()
        for sh in shingles(a["text"]):
            sid = intern.get(sh)
            if sid is None:
                sid = intern[sh] = len(df)
                df.append(0)
            doc.add(sid)
        for sid in doc:
            df[sid] += 1
        docs.append(doc)
    return [(i, j) for i, j, _ in exact_pairs(docs, df, floor)]


# The PolNeAR pairs read by eye (benches/README.md, "Reprint set"): versions
# of one story by one outlet are copies; the huff-post pair shares only a
# block of "Related:" links.
NATURAL_COPIES = [
    ("breitbart_2016-03-15_the-latest-kasich-scores-all-del",
     "breitbart_2016-03-15_the-latest-sanders-declares-revo"),
    ("nyt_2015-11-25_golf-courses-forced-to-reach-int",
     "nyt_2015-11-26_with-fewer-golfers-in-u-s-course"),
    ("nyt_2016-03-04_republicans-have-stake-in-a-deal",
     "nyt_2016-03-05_polls-suggest-possibility-of-dea"),
    ("nyt_2016-03-15_sanders-advances-agenda-via-side",
     "nyt_2016-03-16_via-legislative-side-doors-sande"),
    ("usa-today_2016-04-06_sanders-winning-streak-continues",
     "usa-today_2016-04-06_sanders-says-he-s-riding-momentu"),
    ("wash-post_2015-12-12_misinformation-enters-mainstream",
     "wash-post_2015-12-13_misinformation-enters-mainstream"),
    ("wash-post_2015-12-22_as-spotlight-shines-on-trump-and",
     "wash-post_2015-12-23_as-spotlight-shines-on-trump-and"),
]
NATURAL_NOT_COPIES = [
    ("huff-post_2015-11-11_a-meaningful-exchange-actually-h",
     "huff-post_2015-11-11_watch-the-best-moments-from-the-"),
]


class Outlets:
    """Invented outlets, each with its own footer (or none)."""

    def __init__(self, rng, count):
        self.names = []
        self.footer = {}
        self.city = {}
        combos = [(t, p) for t in TOWNS for p in PAPERS]
        rng.shuffle(combos)
        for town, paper in combos[:count]:
            domain = f"{town.lower().replace('_', '')}{paper}.com"
            site = f"The {town.replace('_', ' ')} {paper.capitalize()}"
            self.names.append(domain)
            self.city[domain] = town.replace("_", " ")
            if rng.random() < 0.6:
                lines = rng.sample(FOOTER_LINES, rng.randint(2, 4))
                self.footer[domain] = [
                    ln.format(site=site, domain=domain, year=2016) for ln in lines
                ]
            else:
                self.footer[domain] = []

        # Lines some outlets put between paragraphs.
        self.inline = {}
        for domain in self.names:
            if rng.random() < 0.35:
                self.inline[domain] = (rng.choice(INLINE_LINES), rng.randint(3, 6))

    def dress(self, domain, paras):
        """The page as the outlet publishes it: story (with the outlet's
        lines between paragraphs, if any), then its footer."""
        if domain in self.inline:
            line, every = self.inline[domain]
            dressed = []
            for k, ptxt in enumerate(paras):
                dressed.append(ptxt)
                if k % every == every - 1 and k + 1 < len(paras):
                    dressed.append(line)
            paras = dressed
        return paras + self.footer.get(domain, [])


def iso(t, rng, date_only_p=0.1, missing_p=0.05):
    """A publication time as an outlet might write it."""
    r = rng.random()
    if r < missing_p:
        return None
    if r < missing_p + date_only_p:
        return t.strftime("%Y-%m-%d")
    offset = rng.choice([-8, -7, -6, -5, -4, 0, 0, 1, 2, 5.5, 8])
    tz = timezone(timedelta(hours=offset))
    local = t.astimezone(tz)
    if offset == 0 and rng.random() < 0.5:
        return local.strftime("%Y-%m-%dT%H:%M:%SZ")
    return local.isoformat(timespec="seconds")


def typo(word, rng):
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(letters) < 4:
        return word
    i = rng.choice(letters[1:-1])
    r = rng.random()
    if r < 0.4 and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if r < 0.7:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def add_typos(paras, rate, rng):
    out = []
    for p in paras:
        ws = p.split(" ")
        for k in range(len(ws)):
            if rng.random() < rate:
                ws[k] = typo(ws[k], rng)
        out.append(" ".join(ws))
    return out


def rewrite_lead(lead, rng, city):
    """An editor's rewrite: a clause moved, words swapped, a local angle."""
    clauses = [c for c in re.split(r",\s+", lead) if c]
    if len(clauses) > 1:
        k = rng.randrange(1, len(clauses))
        clauses = clauses[k:] + clauses[:k]
    ws = ", ".join(clauses).split()
    out = []
    for k, w in enumerate(ws):
        core = w.strip(".,;:").lower()
        if core in SYNONYMS and rng.random() < 0.8:
            w = w.replace(w.strip(".,;:"), SYNONYMS[core])
        elif k % 4 == 3 and rng.random() < 0.5:
            out.append(rng.choice(FILLERS))
        out.append(w)
    text = " ".join(out)
    prefix = rng.choice(LOCAL_PREFIXES).format(city=city)
    if text:
        text = prefix + text[0].lower() + text[1:]
    return text.rstrip(".") + "."


def change_number(paras, rng):
    spots = [(i, m) for i, p in enumerate(paras) for m in re.finditer(r"\b\d{1,4}\b", p)]
    if not spots:
        return paras, False
    i, m = rng.choice(spots)
    new = str(int(m.group()) + rng.randint(1, 3))
    paras = list(paras)
    paras[i] = paras[i][: m.start()] + new + paras[i][m.end():]
    return paras, True


def change_quote(paras, rng):
    spots = [(i, m) for i, p in enumerate(paras)
             for m in re.finditer(r"[\"\u201c]([^\"\u201d]{20,})[\"\u201d]", p)]
    if not spots:
        return paras, False
    i, m = rng.choice(spots)
    inner = m.group(1).split(" ")
    k = rng.randrange(len(inner))
    inner[k] = rng.choice(["truly", "really", "very", "clearly"])
    paras = list(paras)
    paras[i] = paras[i][: m.start(1)] + " ".join(inner) + paras[i][m.end(1):]
    return paras, True


def add_credit(paras, agency, rng, year):
    paras = list(paras)
    done = []
    if rng.random() < 0.6 and paras:
        city = rng.choice(CITIES)
        paras[0] = f"{city} ({agency}) \u2014 " + paras[0]
        done.append("dateline")
    if rng.random() < 0.6 or not done:
        line = AGENCIES.get(agency, AGENCIES["AP"])[1]
        a, b = rng.sample(NAMES, 2)
        paras.append(line.format(name=a, name2=b, year=year))
        done.append("line")
    return paras


def make_reprint(base, rng, kind, local_pool, outlet_city, agency, year):
    """Edits `base` (a list of paragraphs); returns (paras, edits, keep)."""
    edits = []
    total = max(1, words_of(base))
    if kind == "duplicate":
        keep = rng.uniform(0.85, 1.0)
    elif kind == "second-hand":
        keep = rng.uniform(0.6, 1.0)
    else:
        keep = rng.uniform(0.4, 0.85)
    paras = list(base)
    if keep < 0.999 and len(paras) > 1:
        target = keep * total
        if kind == "duplicate" or rng.random() < 0.7:
            kept, n = [], 0
            for p in paras:
                if n >= target and kept:
                    break
                kept.append(p)
                n += len(p.split())
            edits.append("trim")
        else:
            # Keep the lead; drop middle paragraphs at random.
            kept = list(paras)
            while words_of(kept) > target and len(kept) > 2:
                # A middle paragraph whose removal keeps at least `target`.
                room = words_of(kept) - target
                fits = [i for i in range(1, len(kept) - 1) if len(kept[i].split()) <= room]
                if not fits:
                    break
                kept.pop(rng.choice(fits))
            edits.append("cut")
        paras = kept
    keep = words_of(paras) / total
    kept_words = words_of(paras)
    heavy = kind != "duplicate"
    if heavy and rng.random() < 0.5 and paras:
        paras[0] = rewrite_lead(paras[0], rng, outlet_city)
        edits.append("lead")
    if heavy and kind != "second-hand" and rng.random() < 0.5 and local_pool:
        budget = int(kept_words * rng.uniform(0.2, 0.9))
        src = rng.choice(local_pool)["paras"]
        added = []
        for p in src[rng.randrange(len(src)):]:
            if words_of(added) + len(p.split()) > budget:
                break
            added.append(p)
            if len(added) == 2:
                break
        if added:
            at = rng.choice([1, len(paras)]) if len(paras) > 1 else len(paras)
            paras = paras[:at] + added + paras[at:]
            edits.append("local")
    if heavy and rng.random() < 0.3 and len(paras) > 3:
        for _ in range(rng.randint(1, 2)):
            i = rng.randrange(1, len(paras))
            p = paras.pop(i)
            paras.insert(rng.randrange(1, len(paras) + 1), p)
        edits.append("reorder")
    if rng.random() < (0.25 if heavy else 0.1):
        rules = rng.sample(STYLE, rng.randint(2, 4))
        for pattern, repl in rules:
            paras = [re.sub(pattern, repl, ptxt) for ptxt in paras]
        edits.append("style")
    if rng.random() < (0.4 if heavy else 0.25):
        paras = add_typos(paras, rng.uniform(0.005, 0.02) if heavy else 0.004, rng)
        edits.append("typos")
    if rng.random() < 0.2:
        paras, ok = change_number(paras, rng)
        if ok:
            edits.append("number")
    if rng.random() < 0.15:
        paras, ok = change_quote(paras, rng)
        if ok:
            edits.append("quote")
    if rng.random() < 0.6:
        paras = add_credit(paras, agency, rng, year)
        edits.append("credit")
    return paras, edits, keep


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--originals", type=int, default=300, help="wire stories to reprint")
    p.add_argument("--outlets", type=int, default=40)
    p.add_argument("--unrelated", type=int, default=900, help="real articles that are not copies")
    p.add_argument("--short", type=int, default=150,
                   help="short unrelated pages (< 120 words) put on outlets with footers")
    p.add_argument("--borrowers", type=int, default=60)
    p.add_argument("--quotes", type=int, default=15, help="quotes shared by unrelated articles")
    p.add_argument("--no-natural", dest="natural", action="store_false")
    p.add_argument("--out", required=True)
    p.add_argument("--gold", required=True)
    args = p.parse_args(argv)
    if not os.path.isdir(args.data):
        sys.exit(f"gen_reprints: no data folder at {args.data}")

    rng = random.Random(args.seed)
    pool = load_pool(args.data)
    by_id = {a["id"]: a for a in pool}
    natural_ids = {i for pair in NATURAL_COPIES + NATURAL_NOT_COPIES for i in pair}
    # Leave out every article that already shares text with another.
    tainted = set()
    for i, j in natural_pairs(pool):
        tainted.add(pool[i]["id"])
        tainted.add(pool[j]["id"])
    clean = [a for a in pool if a["id"] not in tainted and a["id"] not in natural_ids]
    usable = [a for a in clean if 150 <= words_of(a["paras"]) <= 2500 and len(a["paras"]) >= 4]
    short = [a for a in clean if 30 <= words_of(a["paras"]) < 120]
    rng.shuffle(usable)
    rng.shuffle(short)
    # Originals: agency copy first (PolNeAR's wire field), then the rest.
    wire = [a for a in usable if a.get("wire") not in (None, "NA")]
    rest = [a for a in usable if a.get("wire") in (None, "NA")]
    originals = (wire + rest)[: args.originals]
    taken = {a["id"] for a in originals}
    others = [a for a in usable if a["id"] not in taken]
    local_pool = others[: len(others) // 3]
    unrelated = others[len(others) // 3:][: args.unrelated]
    borrow_hosts = others[len(others) // 3 + args.unrelated:][: args.borrowers]
    if len(borrow_hosts) < args.borrowers:
        borrow_hosts = local_pool[-args.borrowers:]

    outlets = Outlets(rng, args.outlets)
    footed = [o for o in outlets.names if outlets.footer[o]]
    out = []
    gold = {"seed": args.seed, "groups": [], "negatives": []}
    year = 2016
    epoch = datetime(2016, 1, 1, tzinfo=timezone.utc)
    serial = 0

    def new_id(prefix):
        nonlocal serial
        serial += 1
        return f"{prefix}-{args.seed}-{serial:05d}"

    def emit(aid, source, published, title, paras, dress=True):
        paras = outlets.dress(source, paras) if dress else paras
        out.append({"id": aid, "source": source, "published": published,
                    "title": title, "text": "\n\n".join(paras),
                    "url": f"https://{source}/{aid}"})

    for orig in originals:
        agency = {"reuters": "Reuters"}.get(orig.get("wire"), orig.get("wire"))
        if agency not in AGENCIES:
            agency = rng.choice(["AP", "Reuters", "AFP"])
        origin_source = AGENCIES[agency][0] if orig.get("wire") not in (None, "NA") \
            else f"{orig['source']}.example"
        t0 = epoch + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        oid = new_id("orig")
        emit(oid, origin_source, iso(t0, rng, 0.15, 0.03), orig.get("title"),
             orig["paras"], dress=False)
        group = {"origin": oid, "source_article": orig["id"], "members": []}
        made = [(oid, orig["paras"])]
        n = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6])
        hosts = rng.sample(outlets.names, n)
        for host in hosts:
            r = rng.random()
            kind = "duplicate" if r < 0.3 else "reuse"
            parent, base = oid, orig["paras"]
            if len(made) > 1 and rng.random() < 0.12:
                parent, base = made[rng.randrange(1, len(made))]
                kind = "second-hand"
            paras, edits, keep = make_reprint(base, rng, kind, local_pool,
                                              outlets.city[host], agency, year)
            if kind == "second-hand":
                edits.append("second-hand")
            title = orig.get("title")
            if rng.random() < 0.5:
                title = f"{outlets.city[host]}: {title or 'Wire report'}"
                edits.append("headline")
            rid = new_id("rep")
            t = t0 + timedelta(minutes=rng.randrange(20, 3 * 24 * 60))
            emit(rid, host, iso(t, rng), title, paras)
            made.append((rid, paras))
            group["members"].append({"id": rid, "parent": parent, "kind": kind,
                                     "keep": round(keep, 3), "edits": edits})
        gold["groups"].append(group)
        # Some wire stories are also borrowed from: one or two paragraphs in a
        # local story.
    for host_article in borrow_hosts:
        orig_rec = rng.choice(gold["groups"])
        src = by_id[orig_rec["source_article"]]["paras"]
        local = list(host_article["paras"])
        budget = int(min(words_of(local) * 0.4, words_of(src) * 0.4))
        take = []
        start = rng.randrange(len(src))
        for ptxt in src[start:]:
            if words_of(take) + len(ptxt.split()) > budget:
                break
            take.append(ptxt)
            if len(take) == 2:
                break
        if not take:
            continue
        at = rng.randrange(1, len(local) + 1)
        paras = local[:at] + take + local[at:]
        host = rng.choice(outlets.names)
        bid = new_id("borrow")
        t = epoch + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        emit(bid, host, iso(t, rng), host_article.get("title"), paras)
        gold["negatives"].append({"id": bid, "kind": "borrow",
                                  "of": orig_rec["origin"]})
    # Unrelated articles, on the invented outlets; short pages only on outlets
    # with footers (their footer is then much of the page).
    quote_pool = []
    for a in unrelated:
        for ptxt in a["paras"]:
            if ptxt.count("\u201c") + ptxt.count('"') >= 2 and 25 <= len(ptxt.split()) <= 60:
                quote_pool.append(ptxt)
                break
    quotes = quote_pool[: args.quotes]
    quote_hosts = {}
    for q in quotes:
        for k in rng.sample(range(len(unrelated)), 3):
            quote_hosts.setdefault(k, q)
    for k, a in enumerate(unrelated):
        host = rng.choice(outlets.names)
        paras = list(a["paras"])
        kind = "unrelated"
        if k in quote_hosts and quote_hosts[k] not in paras:
            paras.insert(rng.randrange(1, len(paras) + 1), quote_hosts[k])
            kind = "quote"
        aid = new_id("other")
        t = epoch + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        emit(aid, host, iso(t, rng), a.get("title"), paras)
        gold["negatives"].append({"id": aid, "kind": kind})
    for a in short[: args.short]:
        if not footed:
            break
        host = rng.choice(footed)
        aid = new_id("short")
        t = epoch + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        emit(aid, host, iso(t, rng), a.get("title"), list(a["paras"]))
        gold["negatives"].append({"id": aid, "kind": "footer"})
    if args.natural:
        for pair in NATURAL_COPIES + NATURAL_NOT_COPIES:
            if not all(i in by_id for i in pair):
                continue
            for i in pair:
                a = by_id[i]
                out.append({"id": i, "source": a["source"], "published": a.get("published"),
                            "title": a.get("title"), "text": a["text"], "url": a.get("url")})
            if pair in NATURAL_COPIES:
                gold["groups"].append({"origin": pair[0], "natural": True, "members": [
                    {"id": pair[1], "parent": pair[0], "kind": "natural", "edits": ["natural"]}]})
            else:
                for i in pair:
                    gold["negatives"].append({"id": i, "kind": "natural-not-copy"})
    rng.shuffle(out)
    with open(args.out, "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(args.gold, "w", encoding="utf-8") as f:
        json.dump(gold, f, indent=1)
    reprints = sum(len(g["members"]) for g in gold["groups"])
    print(f"gen_reprints: {len(out)} articles, {len(gold['groups'])} groups, "
          f"{reprints} reprints, {len(gold['negatives'])} negatives "
          f"({len(tainted)} pool articles left out for sharing text)", file=sys.stderr)


if __name__ == "__main__":
    main()
