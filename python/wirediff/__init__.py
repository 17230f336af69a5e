"""wirediff from Python: find wire copies, group reports of one story, extract
facts and compare sources, on pyarrow tables, pandas DataFrames or lists of
dicts.

Each command of the ``wirediff`` CLI is a function with the same options
(``--shingle-size`` is ``shingle_size=``) and the same defaults, and gives the
same results as the CLI on the same articles::

    import pandas as pd
    import wirediff

    articles = pd.read_parquet("articles.parquet")
    groups = wirediff.dedup(articles)            # pyarrow.Table, one row per article
    unique = wirediff.dedup(articles, emit="unique").to_pandas()

Articles are rows with the columns ``id``, ``text`` and optionally
``source``, ``published``, ``title`` and ``url``; ``fields={"text":
"content"}`` maps them to other column names as ``--field text=content``
does. Invalid options or input raise :class:`WirediffError` with the message
the CLI prints; skipped records (``--strict`` off) are reported as
:class:`WirediffWarning` warnings.

The data crosses into Rust as Arrow buffers (no Python object per row), the
GIL is released while wirediff works, and all cores are used (``threads=``
limits them).

For engines that run the copy job on many machines (Spark, Ray, a job
scheduler), :func:`sketch`, :func:`band_keys`, :func:`bucket_pairs`,
:func:`verify` and :func:`components` are its stages, each Arrow in, Arrow
out, sharing one :class:`Params`; see ``examples/spark_dedup.py`` and the
README section "Past one machine".
"""

from __future__ import annotations

import json
import warnings
from typing import Any, Iterable, Mapping, Optional, Union

import pyarrow as pa

from . import _wirediff
from ._wirediff import WirediffError

__all__ = [
    "WirediffError",
    "WirediffWarning",
    "Params",
    "dedup",
    "stories",
    "facts",
    "compare",
    "sketch",
    "band_keys",
    "bucket_pairs",
    "verify",
    "components",
    "parse_jsonl",
    "article_lines",
]

__version__ = _wirediff.__version__


class WirediffWarning(UserWarning):
    """A record skipped as malformed, or input decoded lossily: what the CLI
    prints as ``wirediff: warning: ...``."""


_CHOICES = {
    "measure": ("containment", "jaccard"),
    "kernel": ("simd", "minhash-rs"),
    "emit": ("groups", "unique"),
    "duplicate_ids": ("error", "skip"),
}


def _choice(option: str, value: str) -> str:
    allowed = _CHOICES[option]
    if value not in allowed:
        flag = "--" + option.replace("_", "-")
        raise WirediffError(
            f"invalid value '{value}' for '{flag} <{option.upper()}>' "
            f"[possible values: {', '.join(allowed)}]"
        )
    return value


def _table(articles: Any) -> pa.Table:
    """The articles as a pyarrow Table, without copying Arrow data."""
    if isinstance(articles, pa.Table):
        return articles
    if isinstance(articles, pa.RecordBatch):
        return pa.Table.from_batches([articles])
    if hasattr(articles, "__arrow_c_stream__") and not _is_pandas(articles):
        return pa.table(articles)
    if _is_pandas(articles):
        return pa.Table.from_pandas(articles, preserve_index=False)
    if isinstance(articles, Mapping):
        raise WirediffError("articles must be a table or an iterable of records, not one record")
    rows = list(articles)
    if rows and all(isinstance(r, pa.RecordBatch) for r in rows):
        return pa.Table.from_batches(rows)
    if rows and not all(isinstance(r, Mapping) for r in rows):
        raise WirediffError("articles must be records (dicts) with an 'id' and a 'text'")
    return pa.Table.from_pylist(rows)


def _is_pandas(value: Any) -> bool:
    module = type(value).__module__
    return module.startswith("pandas") and hasattr(value, "columns")


def _fields(fields: Optional[Mapping[str, str]]) -> list:
    return [f"{k}={v}" for k, v in (fields or {}).items()]


def _warn(messages: list) -> None:
    for message in messages:
        warnings.warn(message, WirediffWarning, stacklevel=3)


Articles = Union[pa.Table, pa.RecordBatch, Any, Iterable[Mapping[str, Any]]]


def dedup(
    articles: Articles,
    *,
    emit: str = "groups",
    measure: str = "containment",
    threshold: float = 0.5,
    shingle_size: int = 5,
    char_shingles: bool = False,
    permutations: int = 128,
    seed: int = 1,
    kernel: str = "simd",
    shingle_cache_mb: int = 1024,
    fields: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    duplicate_ids: str = "error",
    threads: Optional[int] = None,
) -> pa.Table:
    """Find near-duplicate copies, as ``wirediff dedup``.

    With ``emit="groups"`` (the default) returns one row per article, in
    input order: ``id``, ``source``, ``group``, ``group_size``,
    ``representative``, ``kind``, ``copy_of``, ``jaccard``, ``containment``
    (the CLI's ``article`` records). With ``emit="unique"`` returns the
    input rows of every article but the duplicates (near-complete copies;
    reuse is kept), all columns, as ``--emit unique``.
    """
    table = _table(articles)
    result, messages = _wirediff.dedup(
        table,
        _fields(fields),
        strict,
        _choice("duplicate_ids", duplicate_ids),
        threads,
        _choice("measure", measure),
        float(threshold),
        int(shingle_size),
        bool(char_shingles),
        int(permutations),
        int(seed),
        _choice("kernel", kernel),
        int(shingle_cache_mb),
    )
    _warn(messages)
    if _choice("emit", emit) == "groups":
        return result
    return _unique(table, result, fields)


def _unique(table: pa.Table, result: pa.Table, fields: Optional[Mapping[str, str]]) -> pa.Table:
    """The rows of `table` whose article is not a duplicate of another."""
    import pyarrow.compute as pc

    keep = pc.not_equal(result.column("kind"), "duplicate")
    if result.num_rows == table.num_rows:
        return table.filter(keep)
    # Some rows were skipped: match the kept ids back to the input's.
    id_column = (fields or {}).get("id", "id")
    representatives = pc.filter(result.column("id"), keep)
    ids = pc.cast(table.column(id_column), pa.large_string())
    return table.filter(pc.is_in(ids, value_set=pc.cast(representatives, pa.large_string())))


def stories(
    articles: Articles,
    *,
    threshold: float = 0.1,
    window: int = 7,
    no_copies: bool = False,
    fields: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    duplicate_ids: str = "error",
    threads: Optional[int] = None,
) -> pa.Table:
    """Group reports of one event into stories, as ``wirediff stories``.

    Returns one row per article, in input order: ``id``, ``story``,
    ``group`` (copy group), ``story_label``, ``story_confidence``.
    """
    result, messages = _wirediff.stories(
        _table(articles),
        _fields(fields),
        strict,
        _choice("duplicate_ids", duplicate_ids),
        threads,
        float(threshold),
        int(window),
        bool(no_copies),
    )
    _warn(messages)
    return result


def facts(
    articles: Articles,
    *,
    fields: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    duplicate_ids: str = "error",
    threads: Optional[int] = None,
) -> pa.Table:
    """Extract facts per article, as ``wirediff facts``.

    Returns one row per fact: ``article``, ``kind``, ``rule``, ``start``,
    ``end``, ``sentence_start``, ``sentence_end`` (byte offsets into the
    article's text) and ``value`` (the rest of the fact as JSON text).
    """
    result, messages = _wirediff.facts(
        _table(articles), _fields(fields), strict, _choice("duplicate_ids", duplicate_ids), threads
    )
    _warn(messages)
    return result


def compare(
    articles: Articles,
    *,
    fields: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    duplicate_ids: str = "error",
    threads: Optional[int] = None,
) -> list:
    """Compare sources story by story, as ``wirediff compare --format
    jsonl``: the JSON Lines records as dicts (``{"type": ..., "data":
    ...}``), the summary last."""
    lines, messages = _wirediff.compare(
        _table(articles), _fields(fields), strict, _choice("duplicate_ids", duplicate_ids), threads
    )
    _warn(messages)
    return [json.loads(line) for line in lines]


class Params:
    """The settings every distributed stage shares, with the CLI's names and
    defaults. Signatures and verified pairs carry ``params.id`` in a
    ``params`` column; a stage given a batch made with other parameters
    raises :class:`WirediffError`."""

    def __init__(
        self,
        *,
        measure: str = "containment",
        threshold: float = 0.5,
        shingle_size: int = 5,
        char_shingles: bool = False,
        permutations: int = 128,
        seed: int = 1,
        kernel: str = "simd",
    ) -> None:
        self._options = dict(
            measure=measure,
            threshold=threshold,
            shingle_size=shingle_size,
            char_shingles=char_shingles,
            permutations=permutations,
            seed=seed,
            kernel=kernel,
        )
        self._inner = _wirediff.Params(
            _choice("measure", measure),
            float(threshold),
            int(shingle_size),
            bool(char_shingles),
            int(permutations),
            int(seed),
            _choice("kernel", kernel),
        )

    def __reduce__(self):
        # Pickled by its options (engines ship it to their workers).
        return (_params, (self._options,))

    @property
    def id(self) -> int:
        return self._inner.id

    @property
    def bands(self) -> int:
        return self._inner.bands

    @property
    def rows(self) -> int:
        return self._inner.rows

    def describe(self) -> str:
        return self._inner.describe()

    def __repr__(self) -> str:
        return repr(self._inner)


def _params(options: dict) -> "Params":
    return Params(**options)


def _batches(data: Any) -> pa.Table:
    if isinstance(data, pa.Table):
        return data
    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    if isinstance(data, (list, tuple)) and all(isinstance(b, pa.RecordBatch) for b in data):
        return pa.Table.from_batches(list(data))
    return _table(data)


def sketch(batch: Any, params: Params) -> pa.Table:
    """Stage 1 (per article): ``id`` (int64, the article's position in input
    order), ``text`` → ``id``, ``signature`` (binary), ``shingles`` (int32),
    ``params`` (int64)."""
    return _wirediff.sketch(params._inner, _batches(batch))


def band_keys(batch: Any, params: Params) -> pa.Table:
    """Stage 2 (per article): signatures → ``band`` (int32), ``key``
    (int64), ``id``; one row per band, none for an article without
    shingles. Group these by (``band``, ``key``)."""
    return _wirediff.band_keys(params._inner, _batches(batch))


def bucket_pairs(batch: Any) -> pa.Table:
    """Stage 3 (per bucket): ``members`` (list of the int64 ids that share a
    band key) → candidate pairs ``a`` < ``b``, by the rule the CLI applies
    (every pair, or in a bucket of more than 64 each member with the next 8).
    Drop repeats across buckets."""
    return _wirediff.bucket_pairs(_batches(batch))


def verify(batch: Any, params: Params) -> pa.Table:
    """Stage 4 (per pair): ``a``, ``b``, ``text_a``, ``text_b`` → ``a``,
    ``b``, ``jaccard``, ``containment``, ``shared``, ``verified`` (a copy
    under the measure and threshold), ``params``."""
    return _wirediff.verify(params._inner, _batches(batch))


def components(pairs: Any, articles: Any, params: Params) -> pa.Table:
    """Stage 5 (one machine): verified pairs (as :func:`verify` returns
    them) and the articles in them (``id``, ``article_id``,
    ``published_utc`` (as :func:`parse_jsonl` gives it), ``length``) → ``id``, ``group`` (id of the group's first article),
    ``origin`` (id of its representative), ``group_size``; one row per
    article in a group of two or more."""
    return _wirediff.components(params._inner, _batches(pairs), _batches(articles))


def parse_jsonl(batch: Any, *, path: str = "-", fields: Optional[Mapping[str, str]] = None) -> pa.Table:
    """JSON Lines records read as the CLI reads them: ``line`` (int64,
    1-based), ``record`` (string) → ``id`` (the line), ``article_id``,
    ``source``, ``published``, ``published_utc`` (its date resolved as the
    CLI resolves it, in UTC: what ranks representatives), ``text``,
    ``length``, ``problem`` (null, or
    the CLI's warning for a skipped record). Blank lines give no row."""
    return _wirediff.parse_jsonl(_batches(batch), _fields(fields), path)


def article_lines(batch: Any) -> pa.Table:
    """The ``article`` records of ``wirediff dedup --format jsonl``, written
    by wirediff: ``id``, ``source``, ``group``, ``group_size`` (int64),
    ``representative``, ``jaccard``, ``containment`` → ``line``."""
    return _wirediff.article_lines(_batches(batch))
