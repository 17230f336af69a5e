"""Typed interface of the wirediff package (see __init__.py for the docs)."""

from typing import Any, Iterable, Mapping, Optional, Union

import pyarrow as pa

__version__: str

class WirediffError(ValueError): ...
class WirediffWarning(UserWarning): ...

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
) -> pa.Table: ...
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
) -> pa.Table: ...
def facts(
    articles: Articles,
    *,
    fields: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    duplicate_ids: str = "error",
    threads: Optional[int] = None,
) -> pa.Table: ...
def compare(
    articles: Articles,
    *,
    fields: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    duplicate_ids: str = "error",
    threads: Optional[int] = None,
) -> list[dict[str, Any]]: ...

class Params:
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
    ) -> None: ...
    @property
    def id(self) -> int: ...
    @property
    def bands(self) -> int: ...
    @property
    def rows(self) -> int: ...
    def describe(self) -> str: ...

Batches = Union[pa.Table, pa.RecordBatch, list[pa.RecordBatch]]

def sketch(batch: Batches, params: Params) -> pa.Table: ...
def band_keys(batch: Batches, params: Params) -> pa.Table: ...
def bucket_pairs(batch: Batches) -> pa.Table: ...
def verify(batch: Batches, params: Params) -> pa.Table: ...
def components(pairs: Batches, articles: Batches, params: Params) -> pa.Table: ...
def parse_jsonl(
    batch: Batches, *, path: str = "-", fields: Optional[Mapping[str, str]] = None
) -> pa.Table: ...
def article_lines(batch: Batches) -> pa.Table: ...
