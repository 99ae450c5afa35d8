"""Reading releases written with another schema version.

A release (its manifest and each Parquet file's key-value metadata) says which schema version it
follows. This package reads every version with its own major version: tables of an older minor
version get the columns added since then as nulls (only nullable columns may be added in a minor
version), and tables of a newer minor version lose the columns this package does not know
(consumers may ignore them). Another major version is refused with `SchemaVersionError`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.errors import SchemaVersionError
from newsfacts.schema import version as version_module
from newsfacts.schema.diff import parse_version
from newsfacts.schema.models import TABLE_SINCE, TABLES
from newsfacts.schema.types import arrow_schema

TABLE_KEY = b"newsfacts.table"
VERSION_KEY = b"newsfacts.schema_version"
READ_FROM_KEY = b"newsfacts.read_from_schema_version"


class ReleaseSchemaError(SchemaVersionError):
    """A table of a readable schema version that still does not fit the current models."""

    def __init__(self, found: str, where: str, detail: str) -> None:
        self.found, self.where, self.detail = found, where, detail
        self.supported = supported()
        Exception.__init__(self, f"{where}: {detail} (schema version {found}; this package reads "
                                 f"{self.supported})")


def supported(current: str | None = None) -> str:
    """The versions this package reads, as text: `1.x`."""
    return f"{parse_version(current or version_module.SCHEMA_VERSION)[0]}.x"


def check_readable(schema_version: str, *, where: str = "") -> None:
    """Raise `SchemaVersionError` unless `schema_version` has the major version of the models."""
    current = parse_version(version_module.SCHEMA_VERSION)
    try:
        found = parse_version(schema_version)
    except ValueError:
        raise SchemaVersionError(repr(schema_version), supported(), where) from None
    if found[0] != current[0]:
        raise SchemaVersionError(schema_version, supported(), where)


def release_tables(schema_version: str) -> list[str]:
    """The tables a release of `schema_version` holds: every table the models know that existed in
    that version (`TABLE_SINCE`); every table for a version that cannot be parsed."""
    try:
        found = parse_version(schema_version)
    except ValueError:
        return list(TABLES)
    return [t for t in TABLES if parse_version(TABLE_SINCE.get(t, "0.0.0")) <= found]


def _metadata(table_name: str, from_version: str) -> dict[bytes, bytes]:
    """Key-value metadata of a table read into the current version from `from_version`."""
    return {TABLE_KEY: table_name.encode(), VERSION_KEY: version_module.SCHEMA_VERSION.encode(),
            READ_FROM_KEY: from_version.encode()}


def empty_table(table_name: str, from_version: str) -> pa.Table:
    """A table a release of an older schema version does not have, empty, with the current columns."""
    return arrow_schema(table_name).empty_table().replace_schema_metadata(_metadata(table_name, from_version))


def upgrade_table(table_name: str, arrow_table: pa.Table, from_version: str, *, where: str = "") -> pa.Table:
    """`arrow_table` (of schema `from_version`) with the current columns of `table_name`, in order.

    Missing nullable columns are filled with nulls, unknown columns dropped, and types cast to the
    current Arrow types. Raises `SchemaVersionError` for another major version and
    `ReleaseSchemaError` for a missing non-nullable column or a column that cannot be cast.
    """
    where = where or table_name
    check_readable(from_version, where=where)
    target = arrow_schema(table_name)
    arrays = []
    for column in target:
        if column.name not in arrow_table.column_names:
            if not column.nullable:
                raise ReleaseSchemaError(from_version, where, f"column {table_name}.{column.name} is missing "
                                                              "and cannot be null")
            arrays.append(pa.nulls(arrow_table.num_rows, column.type))
            continue
        data = arrow_table.column(column.name)
        if data.type != column.type:
            try:
                data = data.cast(column.type)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as e:
                raise ReleaseSchemaError(from_version, where, f"column {table_name}.{column.name} of type "
                                                              f"{data.type} cannot be read as {column.type}: "
                                                              f"{e}") from None
        arrays.append(data)
    return pa.Table.from_arrays(arrays, schema=target.with_metadata(_metadata(table_name, from_version)))


def file_versions(path: Path) -> tuple[str, str]:
    """(table, schema version) from a Parquet file's key-value metadata (first part of a folder)."""
    parts = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
    if not parts:
        raise SchemaVersionError("none", supported(), f"{path} (no Parquet files)")
    first = parts[0]
    meta = pq.read_schema(first).metadata or {}
    if TABLE_KEY not in meta or VERSION_KEY not in meta:
        raise SchemaVersionError("none", supported(), f"{first} (no newsfacts.table / "
                                                       "newsfacts.schema_version metadata)")
    return meta[TABLE_KEY].decode(), meta[VERSION_KEY].decode()


def read_table(path: Path | str) -> pa.Table:
    """A release table (`<table>.parquet` or a folder of parts) upgraded to the current columns."""
    path = Path(path)
    table, from_version = file_versions(path)
    if table not in TABLES:
        raise ReleaseSchemaError(from_version, str(path), f"unknown table {table!r}")
    return upgrade_table(table, pq.read_table(path), from_version, where=str(path))


def check_manifest(manifest: Mapping[str, Any], where: str) -> str:
    """The manifest's schema version, after checking that this package reads it."""
    found = str(manifest.get("schema_version", "none"))
    check_readable(found, where=where)
    return found


def read_release(folder: Path | str) -> dict[str, pa.Table]:
    """Every table of a release folder, upgraded to the current columns (tables the release lacks
    come back empty)."""
    folder = Path(folder)
    manifest_path = folder / "manifest.json"
    version = check_manifest(json.loads(manifest_path.read_text(encoding="utf-8")), str(manifest_path))
    out = {}
    for name in TABLES:
        found = [p for p in (folder / f"{name}.parquet", folder / name) if p.exists()]
        out[name] = read_table(found[0]) if found else empty_table(name, version)
    return out
