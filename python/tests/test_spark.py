"""examples/spark_dedup.py in Spark's local mode writes the CLI's `article`
records byte for byte, at 1, 3 and 8 partitions."""

import importlib.util
import os

import pytest

from conftest import REPO, article_lines

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark)")

import wirediff  # noqa: E402


def _example():
    spec = importlib.util.spec_from_file_location("spark_dedup", REPO / "examples" / "spark_dedup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", os.sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("wirediff-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.parametrize("partitions", [1, 3, 8])
@pytest.mark.parametrize("which", ["fixture", "corpus"])
def test_spark_job_writes_the_cli_records(spark, cli, copies_fixture, corpus, tmp_path, which, partitions):
    path = copies_fixture if which == "fixture" else corpus
    # The stages leave site furniture in (src/distributed.rs).
    want = article_lines(cli("dedup", "--keep-furniture", path).stdout)
    out = tmp_path / "out.jsonl"
    summary = _example().run(spark, path, out, partitions, wirediff.Params())
    got = out.read_text(encoding="utf-8")
    assert got == "".join(line + "\n" for line in want)
    assert summary["articles"] == len(want)
    assert summary["groups"] > 0


def test_spark_job_stops_on_duplicate_ids(spark, tmp_path, copies_fixture):
    lines = copies_fixture.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "dup.jsonl"
    bad.write_text("\n".join(lines + [lines[0]]) + "\n", encoding="utf-8")
    with pytest.raises(wirediff.WirediffError, match="^duplicate article id"):
        _example().run(spark, bad, tmp_path / "out.jsonl", 2, wirediff.Params())
