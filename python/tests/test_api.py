"""The Python API gives the CLI's results, options and messages."""

import json
import warnings

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import wirediff
from conftest import article_lines, read_jsonl, records


def as_lines(table: pa.Table) -> list:
    """A dedup table as the CLI's `article` JSON lines, written by wirediff."""
    table = table.set_column(2, "group", table.column("group").cast(pa.int64()))
    table = table.set_column(3, "group_size", table.column("group_size").cast(pa.int64()))
    return wirediff.article_lines(table).column("line").to_pylist()


@pytest.mark.parametrize("which", ["fixture", "corpus"])
def test_dedup_matches_the_cli(cli, copies_fixture, corpus, which):
    path = copies_fixture if which == "fixture" else corpus
    want = article_lines(cli("dedup", path).stdout)
    rows = read_jsonl(path)
    table = pa.Table.from_pylist(rows)
    got = wirediff.dedup(table)
    assert got.num_rows == len(want)
    assert as_lines(got) == want
    # The same from pandas, from dicts, from record batches, and on one thread.
    assert wirediff.dedup(table.to_pandas()).equals(got)
    assert wirediff.dedup(iter(rows)).equals(got)
    assert wirediff.dedup(table.to_batches(max_chunksize=97)).equals(got)
    assert wirediff.dedup(table, threads=1).equals(got)
    if which == "corpus":
        assert got.column("group_size").to_pylist().count(1) < got.num_rows


def test_dedup_options_match_the_cli(cli, corpus):
    args = ["--measure", "jaccard", "--threshold", "0.7", "--shingle-size", "4",
            "--permutations", "64", "--seed", "3"]
    want = article_lines(cli("dedup", *args, corpus).stdout)
    got = wirediff.dedup(pa.Table.from_pylist(read_jsonl(corpus)), measure="jaccard",
                         threshold=0.7, shingle_size=4, permutations=64, seed=3)
    assert as_lines(got) == want


def test_unique_is_the_cli_unique(cli, corpus):
    want = [json.loads(l)["id"] for l in cli("dedup", "--emit", "unique", corpus).stdout.splitlines()]
    table = pa.Table.from_pylist(read_jsonl(corpus))
    unique = wirediff.dedup(table, emit="unique")
    assert unique.column("id").to_pylist() == want
    assert unique.schema == table.schema


def test_parquet_round_trip_with_pandas(cli, corpus, tmp_path):
    """The README's example: read Parquet with pandas, deduplicate, write the
    unique articles back."""
    import pandas as pd

    path = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(read_jsonl(corpus)), path)
    articles = pd.read_parquet(path)
    unique = wirediff.dedup(articles, emit="unique").to_pandas()
    unique.to_parquet(tmp_path / "unique.parquet")
    want = cli("dedup", "--emit", "unique", "-o", tmp_path / "cli.parquet", path)
    assert want.returncode == 0
    assert pd.read_parquet(tmp_path / "unique.parquet")["id"].tolist() == \
        pq.read_table(tmp_path / "cli.parquet").column("id").to_pylist()


def test_field_mapping(cli, copies_fixture):
    rows = [{"key": r["id"], "body": r["text"], "outlet": r.get("source"), "date": r.get("published")}
            for r in read_jsonl(copies_fixture)]
    got = wirediff.dedup(rows, fields={"id": "key", "text": "body", "source": "outlet", "published": "date"})
    want = article_lines(cli("dedup", copies_fixture).stdout)
    assert as_lines(got) == want


def test_stories_facts_compare_match_the_cli(cli, copies_fixture):
    table = pa.Table.from_pylist(read_jsonl(copies_fixture))
    out = cli("stories", copies_fixture).stdout
    got = wirediff.stories(table)
    want = records(out, "article")
    assert got.column("id").to_pylist() == [r["id"] for r in want]
    assert got.column("story").to_pylist() == [r["story"] for r in want]
    assert got.column("group").to_pylist() == [r["group"] for r in want]

    want_facts = [(a["id"], f) for a in records(cli("facts", copies_fixture).stdout, "article")
                  for f in a["facts"]]
    got_facts = wirediff.facts(table).to_pylist()
    assert len(got_facts) == len(want_facts) > 0
    for row, (article, fact) in zip(got_facts, want_facts):
        assert row["article"] == article
        assert (row["kind"], row["rule"]) == (fact["kind"], fact["rule"])
        assert [row["start"], row["end"]] == fact["span"]
        rest = {k: v for k, v in fact.items() if k not in ("kind", "span", "sentence", "rule")}
        assert json.loads(row["value"]) == rest

    compare_input = copies_fixture.parents[1] / "compare" / "articles.jsonl"
    rows = read_jsonl(compare_input)
    want = [json.loads(l) for l in cli("compare", "--format", "jsonl", compare_input).stdout.splitlines()]
    got = wirediff.compare(rows)
    for record in (want[-1], got[-1]):
        record["data"]["seconds"] = None
    assert got == want


@pytest.mark.parametrize(
    "options, cli_args",
    [
        ({"threshold": 2}, ["--threshold", "2"]),
        ({"permutations": 100}, ["--permutations", "100"]),
        ({"kernel": "minhash-rs", "permutations": 64}, ["--kernel", "minhash-rs", "--permutations", "64"]),
        ({"fields": {"body": "x"}}, ["--field", "body=x"]),
        ({"fields": {"text": ""}}, ["--field", "text="]),
    ],
)
def test_invalid_options_raise_the_cli_message(cli, copies_fixture, options, cli_args):
    done = cli("dedup", *cli_args, copies_fixture, check=False)
    assert done.returncode == 2
    message = done.stderr.strip().removeprefix("wirediff: error: ")
    with pytest.raises(wirediff.WirediffError) as raised:
        wirediff.dedup(read_jsonl(copies_fixture), **options)
    assert str(raised.value) == message


def test_invalid_input_raises(copies_fixture):
    rows = read_jsonl(copies_fixture)
    first = rows[0]["id"]
    with pytest.raises(wirediff.WirediffError, match=f"^duplicate article id '{first}' at articles:1 and articles:"):
        wirediff.dedup(rows + [dict(rows[0])])
    with pytest.raises(wirediff.WirediffError, match="^no articles in the input$"):
        wirediff.dedup(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}))
    with pytest.raises(wirediff.WirediffError, match="^articles: no 'text' column$"):
        wirediff.dedup([{"id": "a", "body": "x"}])
    with pytest.raises(wirediff.WirediffError, match="possible values: containment, jaccard"):
        wirediff.dedup(rows, measure="cosine")
    with pytest.raises(wirediff.WirediffError, match="--threshold must be within 0..=1, got 1.5"):
        wirediff.stories(rows, threshold=1.5)
    assert issubclass(wirediff.WirediffError, ValueError)


def test_skipped_records_warn(copies_fixture):
    rows = read_jsonl(copies_fixture)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = wirediff.dedup(rows + [dict(rows[0])], duplicate_ids="skip")
    assert got.num_rows == len(rows)
    assert [str(w.message) for w in caught] == [
        f"articles:{len(rows) + 1}: duplicate article id '{rows[0]['id']}' (first at articles:1)"
    ]
    assert caught[0].category is wirediff.WirediffWarning
