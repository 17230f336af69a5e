#!/usr/bin/env python3
"""Copy detection without an engine: map shards on any machines, then
gather on one. For a plain job scheduler (Slurm arrays, cron, xargs -P).

    # on N machines (or N jobs), each with the same INPUT and a shared WORK dir:
    python3 examples/shard_dedup.py map --shard I/N INPUT WORK
    # then once:
    python3 examples/shard_dedup.py gather INPUT WORK OUTPUT

INPUT is a JSON Lines file (optionally gzipped). `map` reads the lines
whose number is I modulo N (an article's id is its line number), reads
them as the CLI does, and writes WORK/keys-I.parquet (band, key, id: the
only rows that must meet) and WORK/meta-I.parquet (id, article_id,
source, published_utc, length). `gather` groups the band keys into candidate
pairs, reads the texts of the articles in pairs back from INPUT, verifies
them, finds the groups and writes OUTPUT: the `article` records of
`wirediff dedup --format jsonl INPUT`, byte for byte. Options as the CLI's
(--threshold, --measure, ...) must be the same for both steps; the stages
check it.
"""

import argparse
import gzip
import os
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import wirediff

BATCH = 4096


def _open(path):
    with open(path, "rb") as f:
        gz = f.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="\n") if gz else open(
        path, encoding="utf-8", errors="replace", newline="\n"
    )


def _lines(path, keep):
    """(line number, record) batches of the lines `keep(number)` accepts."""
    numbers, records = [], []
    with _open(path) as f:
        for number, record in enumerate(f, start=1):
            if keep(number):
                numbers.append(number)
                records.append(record.rstrip("\n"))
                if len(numbers) == BATCH:
                    yield pa.table({"line": pa.array(numbers, pa.int64()), "record": records})
                    numbers, records = [], []
    if numbers:
        yield pa.table({"line": pa.array(numbers, pa.int64()), "record": records})


def map_shard(input_path, work, shard, shards, params, fields):
    keys, meta = [], []
    skipped = 0
    for batch in _lines(input_path, lambda n: (n - 1) % shards == shard):
        articles = wirediff.parse_jsonl(batch, path=str(input_path), fields=fields)
        problems = articles.filter(pc.is_valid(articles.column("problem")))
        for problem in problems.column("problem").to_pylist():
            print(f"wirediff: warning: {problem}", file=sys.stderr)
        skipped += problems.num_rows
        articles = articles.filter(pc.is_null(articles.column("problem")))
        keys.append(wirediff.band_keys(wirediff.sketch(articles, params), params))
        meta.append(articles.select(["id", "article_id", "source", "published_utc", "length"]))
    os.makedirs(work, exist_ok=True)
    empty_keys = pa.schema([("band", pa.int32()), ("key", pa.int64()), ("id", pa.int64())])
    pq.write_table(pa.concat_tables(keys) if keys else empty_keys.empty_table(), f"{work}/keys-{shard}.parquet")
    meta_schema = pa.schema(
        [("id", pa.int64()), ("article_id", pa.string()), ("source", pa.string()),
         ("published_utc", pa.string()), ("length", pa.int64())]
    )
    table = pa.concat_tables(meta) if meta else meta_schema.empty_table()
    table = table.replace_schema_metadata({"skipped": str(skipped), "params": str(params.id)})
    pq.write_table(table, f"{work}/meta-{shard}.parquet")
    return 1 if skipped else 0


def gather(input_path, work, output, params, fields):
    names = sorted(os.listdir(work))
    metas = [pq.read_table(f"{work}/{n}") for n in names if n.startswith("meta-")]
    for m in metas:
        if (m.schema.metadata or {}).get(b"params") != str(params.id).encode():
            raise wirediff.WirediffError(
                f"gather: shards were mapped with other parameters than {params.describe()}"
            )
    meta = pa.concat_tables(metas).sort_by("id")
    if meta.num_rows == 0:
        raise wirediff.WirediffError("no articles in the input")
    ids = meta.column("article_id").to_pylist()
    lines = meta.column("id").to_pylist()
    seen = {}
    for article_id, line in zip(ids, lines):
        if article_id in seen:
            raise wirediff.WirediffError(
                f"duplicate article id '{article_id}' at {input_path}:{seen[article_id]} and {input_path}:{line}"
            )
        seen[article_id] = line
    keys = pa.concat_tables([pq.read_table(f"{work}/{n}") for n in names if n.startswith("keys-")])
    buckets = keys.group_by(["band", "key"]).aggregate([("id", "list")])
    buckets = buckets.filter(pc.greater(pc.list_value_length(buckets.column("id_list")), 1))
    pairs = wirediff.bucket_pairs(buckets.select(["id_list"]).rename_columns(["members"]))
    pairs = pairs.group_by(["a", "b"]).aggregate([]).sort_by([("a", "ascending"), ("b", "ascending")])

    def texts_of(wanted):
        texts = {}
        for batch in _lines(input_path, lambda n: n in wanted):
            parsed = wirediff.parse_jsonl(batch, path=str(input_path), fields=fields)
            texts.update(zip(parsed.column("id").to_pylist(), parsed.column("text").to_pylist()))
        return texts

    def verify(a, b, texts):
        return wirediff.verify(
            pa.table({"a": pa.array(a, pa.int64()), "b": pa.array(b, pa.int64()),
                      "text_a": [texts[i] for i in a], "text_b": [texts[i] for i in b]}),
            params,
        )

    a, b = pairs.column("a").to_pylist(), pairs.column("b").to_pylist()
    texts = texts_of(set(a) | set(b))
    checked = verify(a, b, texts)
    verified = checked.filter(checked.column("verified"))
    involved = set(verified.column("a").to_pylist()) | set(verified.column("b").to_pylist())
    groups = wirediff.components(
        verified, meta.filter(pc.is_in(meta.column("id"), pa.array(sorted(involved), pa.int64()))), params
    )
    gid, first, origin, size, kind, copy_of = (
        groups.column(c).to_pylist() for c in ("id", "group", "origin", "group_size", "kind", "copy_of")
    )
    members = [(i, o) for i, o in zip(gid, origin) if i != o]
    sims = verify([i for i, _ in members], [o for _, o in members], texts) if members else None
    to_origin = {}
    if sims is not None:
        for i, j, c in zip(sims.column("a").to_pylist(), sims.column("jaccard").to_pylist(),
                           sims.column("containment").to_pylist()):
            to_origin[i] = (j, c)
    name = dict(zip(lines, ids))
    in_group = {
        i: (f, name[o], s, k, None if c is None else name[c])
        for i, f, o, s, k, c in zip(gid, first, origin, size, kind, copy_of)
    }
    number_of, numbers, sizes, reps, kinds, copies_of, jac, con = {}, [], [], [], [], [], [], []
    for line, article_id in zip(lines, ids):
        f, rep, s, k, c = in_group.get(line, (line, article_id, 1, "unique", None))
        kinds.append(k)
        copies_of.append(c)
        if f == line:
            number_of[line] = len(number_of)
        numbers.append(number_of[f])
        sizes.append(s)
        reps.append(rep)
        j, c = to_origin.get(line, (1.0, 1.0))
        jac.append(j)
        con.append(c)
    records = wirediff.article_lines(pa.table({
        "id": meta.column("article_id"), "source": meta.column("source"),
        "group": pa.array(numbers, pa.int64()), "group_size": pa.array(sizes, pa.int64()),
        "representative": pa.array(reps, pa.string()), "kind": pa.array(kinds, pa.string()),
        "copy_of": pa.array(copies_of, pa.string()), "jaccard": jac, "containment": con,
    }))
    with open(f"{output}.tmp", "w", encoding="utf-8", newline="\n") as out:
        for line in records.column("line").to_pylist():
            out.write(line + "\n")
    os.replace(f"{output}.tmp", output)
    return 1 if sum(int((m.schema.metadata or {}).get(b"skipped", b"0")) for m in metas) else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    for step in ("map", "gather"):
        p = sub.add_parser(step)
        if step == "map":
            p.add_argument("--shard", required=True, metavar="I/N")
        p.add_argument("input")
        p.add_argument("work")
        if step == "gather":
            p.add_argument("output")
        p.add_argument("--measure", default="containment")
        p.add_argument("--threshold", type=float, default=0.5)
        p.add_argument("--shingle-size", type=int, default=5)
        p.add_argument("--char-shingles", action="store_true")
        p.add_argument("--permutations", type=int, default=128)
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("--field", action="append", default=[], metavar="FIELD=NAME")
    args = parser.parse_args(argv)
    try:
        params = wirediff.Params(
            measure=args.measure, threshold=args.threshold, shingle_size=args.shingle_size,
            char_shingles=args.char_shingles, permutations=args.permutations, seed=args.seed,
        )
        fields = dict(f.split("=", 1) for f in args.field if "=" in f)
        if args.step == "map":
            shard, shards = (int(x) for x in args.shard.split("/"))
            if not 0 <= shard < shards:
                raise wirediff.WirediffError(f"--shard '{args.shard}' is not I/N with 0 <= I < N")
            return map_shard(args.input, args.work, shard, shards, params, fields)
        return gather(args.input, args.work, args.output, params, fields)
    except (wirediff.WirediffError, ValueError) as err:
        print(f"wirediff: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
