"""Deterministic Parquet release writer: sorted rows, fixed writer settings, atomic rename.

The writer never extracts and never validates: it receives validated rows and writes them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import threading
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


class Interrupted(KeyboardInterrupt):
    """SIGTERM turned into an exception, so that `finally` blocks clean up as for Ctrl-C."""


@contextlib.contextmanager
def _terminate_raises() -> Iterator[None]:
    """While the block runs, SIGTERM raises `Interrupted` (main thread only; restored afterwards)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise Interrupted(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back during the two renames, so they cannot leave `out` missing."""
    held = {signal.SIGINT, signal.SIGTERM}
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _alive(pid: int) -> bool:
    """Is a process with this id running (and so maybe still writing its temporary folder)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leftovers(out: Path) -> list[Path]:
    """Hidden `.<name>.tmp-PID` / `.<name>.old-PID` siblings of `out` left by builds that died."""
    found = []
    for kind in ("tmp", "old"):
        for path in sorted(out.parent.glob(f".{out.name}.{kind}-*")):
            pid = path.name.rsplit("-", 1)[1]
            if pid.isdigit() and not _alive(int(pid)) and pid != str(os.getpid()):
                found.append(path)
    return found


def clean_leftovers(out: Path) -> list[Path]:
    """Remove what killed builds left beside `out`; return the paths handled.

    A `.tmp-PID` folder is a half-written release: it is deleted. An `.old-PID` folder is the
    previous release of a build killed between its two renames: it is renamed back to `out` when
    `out` is missing, else deleted. Folders of processes still running are left alone.
    """
    handled = leftovers(out)
    for path in handled:
        if ".old-" in path.name and not out.exists():
            path.rename(out)
        else:
            shutil.rmtree(path, ignore_errors=True)
    return handled


@contextlib.contextmanager
def staging(out: Path, overwrite: bool) -> Iterator[Path]:
    """A temporary sibling folder that replaces `out` only when the block finishes without error.

    A failed block, an exception, Ctrl-C or SIGTERM leave `out` as it was and remove the temporary
    folder. SIGKILL leaves a hidden `.<name>.tmp-PID` folder, which the next staging of the same
    `out` removes (see `clean_leftovers`).
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out)
    check_target(out, overwrite)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    with _terminate_raises():
        try:
            yield tmp
            _publish(tmp, out)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _publish(tmp: Path, out: Path) -> None:
    """Rename `tmp` to `out`, moving an existing `out` aside first and deleting it afterwards."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    with _signals_deferred():
        if out.exists():
            out.rename(old)
        tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def write_tables(folder: Path, tables: Mapping[str, Sequence[dict[str, Any]]],
                 names: Sequence[str] = tuple(TABLES)) -> dict[str, dict[str, Any]]:
    """Write the tables `names` (default: every table) into `folder`; return {table: {file, rows, sha256}}."""
    files = {}
    for table in names:
        rows = tables.get(table, ())
        path = folder / f"{table}.parquet"
        write_table(path, table, rows)
        files[table] = {"file": path.name, "rows": len(rows), "sha256": sha256_file(path)}
    return files


def write_documents(folder: Path, manifest: dict[str, Any], report: dict[str, Any]) -> dict[str, Any]:
    """Write `report.json`, the `README.md` card, `datapackage.json`, then `manifest.json`.

    The manifest gets the size of every table file and, under `files`, the sha256 and size of the
    three other documents; the card and the data package are generated from the manifest as it is
    before that step. Returns the manifest as written.
    """
    from newsfacts.datasets.card import card
    from newsfacts.datasets.datapackage import datapackage

    for info in manifest["tables"].values():
        info["bytes"] = (folder / info["file"]).stat().st_size
    dump_json(folder / "report.json", report)
    (folder / "README.md").write_text(card(manifest), encoding="utf-8")
    dump_json(folder / "datapackage.json", datapackage(manifest))
    manifest["files"] = {name: {"sha256": sha256_file(folder / name), "bytes": (folder / name).stat().st_size}
                         for name in ("README.md", "datapackage.json", "report.json")}
    dump_json(folder / "manifest.json", manifest)
    return manifest
