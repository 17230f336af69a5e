#!/usr/bin/env python3
"""Copy detection on Spark: the whole `wirediff dedup` job, distributed.

    python3 examples/spark_dedup.py INPUT OUTPUT --partitions N [--master local[2]]

INPUT is a JSON Lines file (optionally gzipped) of articles; OUTPUT gets the
`article` records of `wirediff dedup --format jsonl INPUT`, byte for byte
(same groups, representatives and similarities) at any number of
partitions. The stages are the `wirediff` package's:

1. map (`mapInArrow`): each line is read as the CLI reads it
   (`parse_jsonl`), sketched and cut into band keys (`sketch`, `band_keys`);
   an article's id is its line number, so results do not depend on how
   the input is split.
2. shuffle: only (band, key, id) rows, grouped by (band, key); each bucket
   gives candidate pairs by the CLI's rule (`bucket_pairs`), repeats dropped.
3. verification (`mapInArrow`): both texts are joined back to each pair and
   compared exactly (`verify`).
4. components on the driver: verified pairs and the articles in them
   (`components`) give groups and representatives; each member is compared
   with its representative (`verify` again, distributed).
5. numbering and output: articles are range-partitioned by id, groups
   numbered in input order from per-partition counts, records written by
   wirediff (`article_lines`) and the part files joined into OUTPUT.

Options with the CLI's names: --measure, --threshold, --shingle-size,
--char-shingles, --permutations, --seed, --field.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.compute as pc

import wirediff


def _arrow(df) -> pa.Table:
    """A (small) DataFrame collected as Arrow."""
    if hasattr(df, "toArrow"):
        return df.toArrow()
    return pa.Table.from_pandas(df.toPandas(), preserve_index=False)


def _batches(table: pa.Table):
    yield from table.to_batches()


def run(spark, input_path, output_path, partitions, params, fields=None, log=sys.stderr):
    """Runs the job; returns a summary dict. Raises wirediff.WirediffError on
    the errors the CLI stops on (duplicate ids, no articles)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    started = time.time()
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    path = str(input_path)
    field_map = dict(fields or {})

    # 1. Lines with their numbers, then articles as the CLI reads them.
    lines = (
        spark.sparkContext.textFile(path, minPartitions=partitions)
        .zipWithIndex()
        .map(lambda pair: (pair[1] + 1, pair[0]))
        .toDF("line long, record string")
        .repartition(partitions)
    )

    def parse(batches):
        for batch in batches:
            yield from _batches(wirediff.parse_jsonl(batch, path=path, fields=field_map))

    parsed = lines.mapInArrow(
        parse,
        "id long, article_id string, source string, published string, published_utc string, "
        "text string, "
        "length long, problem string",
    ).persist(StorageLevel.MEMORY_AND_DISK)
    problems = parsed.filter(F.col("problem").isNotNull()).orderBy("id")
    skipped = problems.count()
    for row in problems.select("problem").limit(1000).collect():
        print(f"wirediff: warning: {row.problem}", file=log)
    articles = parsed.filter(F.col("problem").isNull()).drop("problem")
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK)
    count = articles.count()
    if count == 0 and skipped == 0:
        raise wirediff.WirediffError("no articles in the input")
    repeated = (
        articles.groupBy("article_id")
        .agg(F.sort_array(F.collect_list("id")).alias("lines"))
        .filter(F.size("lines") > 1)
        .orderBy(F.col("lines")[1])
        .limit(1)
        .collect()
    )
    if repeated:
        r = repeated[0]
        raise wirediff.WirediffError(
            f"duplicate article id '{r.article_id}' at {path}:{r.lines[0]} and {path}:{r.lines[1]}"
        )

    # 2. Band keys, the only rows shuffled, and candidate pairs per bucket.
    def keys(batches):
        for batch in batches:
            yield from _batches(wirediff.band_keys(wirediff.sketch(batch, params), params))

    band_keys = articles.select("id", "text").mapInArrow(keys, "band int, key long, id long")
    buckets = (
        band_keys.groupBy("band", "key")
        .agg(F.collect_list("id").alias("members"))
        .filter(F.size("members") > 1)
        .select("members")
    )

    def pairs_of(batches):
        for batch in batches:
            yield from _batches(wirediff.bucket_pairs(batch))

    candidates = buckets.mapInArrow(pairs_of, "a long, b long").distinct()

    # 3. Exact verification with both texts joined back.
    texts = articles.select("id", "text")

    def with_texts(pairs):
        return pairs.join(
            texts.select(F.col("id").alias("a"), F.col("text").alias("text_a")), "a"
        ).join(texts.select(F.col("id").alias("b"), F.col("text").alias("text_b")), "b")

    def verify(batches):
        for batch in batches:
            yield from _batches(wirediff.verify(batch, params))

    verified_schema = (
        "a long, b long, jaccard double, containment double, shared long, "
        "verified boolean, size_a long, size_b long, credit_a boolean, credit_b boolean, "
        "params long"
    )
    checked = with_texts(candidates).select("a", "b", "text_a", "text_b").mapInArrow(
        verify, verified_schema
    )
    verified = checked.filter("verified").persist(StorageLevel.MEMORY_AND_DISK)
    candidate_pairs = candidates.count()
    verified_pairs = verified.count()

    # 4. Components on the driver, then each member against its origin.
    involved = verified.select(F.col("a").alias("id")).union(
        verified.select(F.col("b").alias("id"))
    ).distinct()
    meta = _arrow(
        involved.join(articles.select("id", "article_id", "published_utc", "length"), "id")
    )
    groups = wirediff.components(_arrow(verified), meta, params)
    names = dict(zip(meta.column("id").to_pylist(), meta.column("article_id").to_pylist()))
    members = groups.filter(pc.not_equal(groups.column("id"), groups.column("origin")))
    member_pairs = spark.createDataFrame(
        list(zip(members.column("id").to_pylist(), members.column("origin").to_pylist())),
        "a long, b long",
    )
    similarity = _arrow(
        with_texts(member_pairs).select("a", "b", "text_a", "text_b").mapInArrow(
            verify, verified_schema
        )
    )
    to_origin = {
        a: (j, c)
        for a, j, c in zip(
            similarity.column("a").to_pylist(),
            similarity.column("jaccard").to_pylist(),
            similarity.column("containment").to_pylist(),
        )
    }
    in_group = {
        i: (first, names[origin], size, kind, None if of is None else names[of],
            *to_origin.get(i, (1.0, 1.0)))
        for i, first, origin, size, kind, of in zip(
            groups.column("id").to_pylist(),
            groups.column("group").to_pylist(),
            groups.column("origin").to_pylist(),
            groups.column("group_size").to_pylist(),
            groups.column("kind").to_pylist(),
            groups.column("copy_of").to_pylist(),
        )
    }

    # 5. Groups numbered in input order: a group's number is the count of
    # groups (first members and singletons) before its first member.
    def firsts(batch):
        ids = batch.column("id").to_pylist()
        return [i for i in ids if in_group.get(i, (i,))[0] == i]

    ordered = (
        articles.select("id", "article_id", "source")
        .repartitionByRange(partitions, "id")
        .sortWithinPartitions("id")
        .withColumn("part", F.spark_partition_id())
        .persist(StorageLevel.MEMORY_AND_DISK)
    )

    def count_firsts(batches):
        counts = {}
        for batch in batches:
            if batch.num_rows:
                part = batch.column("part")[0].as_py()
                counts[part] = counts.get(part, 0) + len(firsts(batch))
        yield pa.RecordBatch.from_pydict(
            {"part": list(counts), "firsts": list(counts.values())},
            schema=pa.schema([("part", pa.int32()), ("firsts", pa.int64())]),
        )

    per_part = {
        r.part: r.firsts
        for r in ordered.mapInArrow(count_firsts, "part int, firsts long").collect()
    }
    offsets, total = {}, 0
    for part in range(partitions):
        offsets[part] = total
        total += per_part.get(part, 0)
    group_first = {first for first, *_ in in_group.values()}

    def number_firsts(batches):
        seen = {}
        for batch in batches:
            if not batch.num_rows:
                continue
            part = batch.column("part")[0].as_py()
            done = seen.get(part, 0)
            out = []
            for i in firsts(batch):
                if i in group_first:
                    out.append((i, offsets[part] + done))
                done += 1
            seen[part] = done
            yield pa.RecordBatch.from_pydict(
                {"id": [i for i, _ in out], "number": [n for _, n in out]},
                schema=pa.schema([("id", pa.int64()), ("number", pa.int64())]),
            )

    number_of = {
        r.id: r.number for r in ordered.mapInArrow(number_firsts, "id long, number long").collect()
    }

    def records(batches):
        seen = {}
        for batch in batches:
            if not batch.num_rows:
                continue
            part = batch.column("part")[0].as_py()
            done = seen.get(part, 0)
            ids = batch.column("id").to_pylist()
            rows = {
                k: []
                for k in ("group", "group_size", "representative", "kind", "copy_of", "jaccard",
                          "containment")
            }
            for i, name in zip(ids, batch.column("article_id").to_pylist()):
                if i in in_group:
                    first, origin, size, kind, of, jaccard, containment = in_group[i]
                    number = number_of[first]
                    if first == i:
                        done += 1
                else:
                    number, origin, size, jaccard, containment = offsets[part] + done, name, 1, 1.0, 1.0
                    kind, of = "unique", None
                    done += 1
                rows["group"].append(number)
                rows["group_size"].append(size)
                rows["representative"].append(origin)
                rows["kind"].append(kind)
                rows["copy_of"].append(of)
                rows["jaccard"].append(jaccard)
                rows["containment"].append(containment)
            seen[part] = done
            table = pa.table(
                {
                    "id": batch.column("article_id"),
                    "source": batch.column("source"),
                    "group": pa.array(rows["group"], pa.int64()),
                    "group_size": pa.array(rows["group_size"], pa.int64()),
                    "representative": pa.array(rows["representative"], pa.string()),
                    "kind": pa.array(rows["kind"], pa.string()),
                    "copy_of": pa.array(rows["copy_of"], pa.string()),
                    "jaccard": pa.array(rows["jaccard"], pa.float64()),
                    "containment": pa.array(rows["containment"], pa.float64()),
                }
            )
            yield from _batches(wirediff.article_lines(table))

    parts = tempfile.mkdtemp(prefix="wirediff-spark-")
    try:
        ordered.mapInArrow(records, "line string").write.mode("overwrite").text(parts)
        names_in_order = sorted(n for n in os.listdir(parts) if n.startswith("part-"))
        tmp = f"{output_path}.tmp"
        with open(tmp, "wb") as out:
            for name in names_in_order:
                with open(os.path.join(parts, name), "rb") as part:
                    shutil.copyfileobj(part, out)
        os.replace(tmp, output_path)
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    for df in (parsed, articles, verified, ordered):
        df.unpersist()
    multi = {first for first, *_ in in_group.values()}
    return {
        "articles": count,
        "skipped": skipped,
        "groups": len(multi),
        "copies": len(in_group) - len(multi),
        "candidate_pairs": candidate_pairs,
        "verified_pairs": verified_pairs,
        "partitions": partitions,
        "seconds": round(time.time() - started, 3),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"))
    parser.add_argument("--measure", default="containment")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--shingle-size", type=int, default=5)
    parser.add_argument("--char-shingles", action="store_true")
    parser.add_argument("--permutations", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--field", action="append", default=[], metavar="FIELD=NAME")
    args = parser.parse_args(argv)
    if args.partitions < 1:
        parser.error("--partitions must be at least 1")
    try:
        params = wirediff.Params(
            measure=args.measure,
            threshold=args.threshold,
            shingle_size=args.shingle_size,
            char_shingles=args.char_shingles,
            permutations=args.permutations,
            seed=args.seed,
        )
        fields = dict(f.split("=", 1) for f in args.field if "=" in f)
    except wirediff.WirediffError as err:
        print(f"wirediff: error: {err}", file=sys.stderr)
        return 2
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("wirediff-dedup")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        summary = run(spark, args.input, args.output, args.partitions, params, fields)
    except wirediff.WirediffError as err:
        print(f"wirediff: error: {err}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    print(summary, file=sys.stderr)
    return 1 if summary["skipped"] else 0


if __name__ == "__main__":
    sys.exit(main())
