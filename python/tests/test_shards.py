"""The stages without an engine (examples/shard_dedup.py: map shards, then
gather) give the CLI's records; mixed parameters fail loudly."""

import importlib.util

import pyarrow as pa
import pytest

import wirediff
from conftest import REPO, article_lines


def _example():
    spec = importlib.util.spec_from_file_location("shard_dedup", REPO / "examples" / "shard_dedup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("shards", [1, 3])
@pytest.mark.parametrize("which", ["fixture", "corpus"])
def test_map_and_gather_write_the_cli_records(cli, copies_fixture, corpus, tmp_path, which, shards):
    path = copies_fixture if which == "fixture" else corpus
    # The stages leave site furniture in (src/distributed.rs).
    want = article_lines(cli("dedup", "--keep-furniture", path).stdout)
    example = _example()
    work, out = tmp_path / "work", tmp_path / "out.jsonl"
    for shard in range(shards):
        assert example.main(["map", "--shard", f"{shard}/{shards}", str(path), str(work)]) == 0
    assert example.main(["gather", str(path), str(work), str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "".join(line + "\n" for line in want)


def test_mixed_parameters_fail_loudly(copies_fixture, tmp_path, capsys):
    example = _example()
    work = tmp_path / "work"
    assert example.main(["map", "--shard", "0/1", "--seed", "2", str(copies_fixture), str(work)]) == 0
    assert example.main(["gather", str(copies_fixture), str(work), str(tmp_path / "o")]) == 2
    assert "shards were mapped with other parameters" in capsys.readouterr().err

    params, other = wirediff.Params(), wirediff.Params(seed=2)
    signatures = wirediff.sketch(pa.table({"id": pa.array([1], pa.int64()), "text": ["a b c d e f g"]}), other)
    with pytest.raises(wirediff.WirediffError, match="^band_keys: batch made with other parameters"):
        wirediff.band_keys(signatures, params)
    with pytest.raises(wirediff.WirediffError, match="^sketch: no 'text' column$"):
        wirediff.sketch(pa.table({"id": pa.array([1], pa.int64())}), params)
    with pytest.raises(wirediff.WirediffError, match="--permutations must be a multiple of 32"):
        wirediff.Params(permutations=100)
    assert (params.bands, params.rows) != (0, 0)
