"""Deterministic Parquet release writer: sorted rows, fixed writer settings, atomic rename.

The writer never extracts and never validates: it receives validated rows and writes them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.errors import ReleaseExistsError
from newsfacts.schema.models import PRIMARY_KEYS, TABLES
from newsfacts.schema.types import arrow_schema
from newsfacts.schema.version import SCHEMA_VERSION

PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "data_page_size": 1 << 20,
    "version": "2.6",
}
ROW_GROUP_SIZE = 65_536
CHUNK = 1 << 20


def sort_rows(table: str, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows sorted by the table's primary key (the codebook's release order)."""
    keys = PRIMARY_KEYS[table]
    return sorted(rows, key=lambda r: tuple(str(r[k]) for k in keys))


def table_metadata(table: str) -> dict[bytes, bytes]:
    """Key-value metadata every Parquet file carries: table name and schema version."""
    return {b"newsfacts.table": table.encode(), b"newsfacts.schema_version": SCHEMA_VERSION.encode()}


def write_table(path: Path, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Write one table as a Parquet file with the model-derived Arrow schema."""
    schema = arrow_schema(table).with_metadata(table_metadata(table))
    data = pa.Table.from_pylist(sort_rows(table, rows), schema=schema)
    pq.write_table(data, path, row_group_size=ROW_GROUP_SIZE, **PARQUET_OPTIONS)


def sha256_file(path: Path) -> str:
    """sha256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dump_json(path: Path, data: Any) -> None:
    """Write JSON with sorted keys and a trailing newline (stable bytes)."""
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n",
                    encoding="utf-8")


def check_target(out: Path, overwrite: bool) -> None:
    """Refuse a non-empty output folder unless `overwrite`."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not overwrite:
        raise ReleaseExistsError(out)


@contextlib.contextmanager
def staging(out: Path, overwrite: bool) -> Iterator[Path]:
    """A temporary sibling folder that replaces `out` only when the block finishes without error.

    An interrupted or failed write leaves `out` as it was and removes the temporary folder.
    """
    check_target(out, overwrite)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        yield tmp
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_tables(folder: Path, tables: Mapping[str, Sequence[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Write every table into `folder`; return {table: {file, rows, sha256}}."""
    files = {}
    for table in TABLES:
        rows = tables.get(table, ())
        path = folder / f"{table}.parquet"
        write_table(path, table, rows)
        files[table] = {"file": path.name, "rows": len(rows), "sha256": sha256_file(path)}
    return files
