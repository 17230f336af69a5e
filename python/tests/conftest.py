"""Shared fixtures: the repository, the `wirediff` binary to compare with,
and a generated corpus of a few thousand articles with planted copies."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _binary() -> Path:
    given = os.environ.get("WIREDIFF_BIN")
    if given:
        return Path(given)
    for profile in ("release", "debug"):
        path = REPO / "target" / profile / "wirediff"
        if path.exists():
            return path
    subprocess.run(["cargo", "build", "--quiet"], cwd=REPO, check=True)
    return REPO / "target" / "debug" / "wirediff"


@pytest.fixture(scope="session")
def cli():
    """Runs `wirediff ARGS...`; returns the CompletedProcess (text mode)."""
    binary = _binary()

    def run(*args, check=True):
        done = subprocess.run(
            [str(binary), *map(str, args)], capture_output=True, text=True, cwd=REPO
        )
        if check and done.returncode not in (0, 1):
            raise AssertionError(f"wirediff {args} failed: {done.stderr}")
        return done

    return run


@pytest.fixture(scope="session")
def copies_fixture() -> Path:
    return REPO / "fixtures" / "copies" / "articles.jsonl"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """3,000 generated articles with planted copies (benches/gen_corpus.py)."""
    out = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    subprocess.run(
        [sys.executable, str(REPO / "benches" / "gen_corpus.py"), "--articles", "3000",
         "--seed", "7", "--out", str(out)],
        check=True, capture_output=True,
    )
    return out


def read_jsonl(path: Path) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def records(stdout: str, kind: str) -> list:
    out = []
    for line in stdout.splitlines():
        record = json.loads(line)
        if record["type"] == kind:
            out.append(record["data"])
    return out


def article_lines(stdout: str) -> list:
    return [line for line in stdout.splitlines() if line.startswith('{"type":"article"')]
