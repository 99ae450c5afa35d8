"""Streaming Parquet writer: rows arrive in primary-key order, batch by batch, and are written
in row groups of a fixed size, so the bytes do not depend on batch sizes or worker counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.datasets.writer import PARQUET_OPTIONS, ROW_GROUP_SIZE, sha256_file, table_metadata
from newsfacts.schema.models import ARTICLE_TABLES
from newsfacts.schema.types import arrow_schema


class TableStream:
    """One table's Parquet file, written in fixed-size row groups."""

    def __init__(self, path: Path, table: str, row_group_size: int = ROW_GROUP_SIZE) -> None:
        self.path, self.table, self.size = path, table, row_group_size
        self.schema = arrow_schema(table).with_metadata(table_metadata(table))
        self.buffer: list[dict[str, Any]] = []
        self.rows = 0
        self.writer = pq.ParquetWriter(path, self.schema, **PARQUET_OPTIONS)

    def write(self, rows: list[dict[str, Any]]) -> None:
        """Append rows (already in primary-key order); full row groups are flushed."""
        self.buffer.extend(rows)
        while len(self.buffer) >= self.size:
            self._flush(self.buffer[: self.size])
            self.buffer = self.buffer[self.size:]

    def _flush(self, rows: list[dict[str, Any]]) -> None:
        self.writer.write_table(pa.Table.from_pylist(rows, schema=self.schema), row_group_size=self.size)
        self.rows += len(rows)

    def close(self) -> dict[str, Any]:
        """Flush the rest, close the file and describe it for the manifest."""
        if self.buffer or self.rows == 0:
            self._flush(self.buffer)
            self.buffer = []
        self.writer.close()
        return {"file": self.path.name, "rows": self.rows, "sha256": sha256_file(self.path)}


class ReleaseStream:
    """The per-article tables of a release being written into `folder` (the derived tables are
    written after them, from the whole corpus: `newsfacts.consolidate`)."""

    def __init__(self, folder: Path, row_group_size: int = ROW_GROUP_SIZE) -> None:
        self.tables = {t: TableStream(folder / f"{t}.parquet", t, row_group_size) for t in ARTICLE_TABLES}

    def write(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Append a batch's rows to every table."""
        for name, rows in tables.items():
            self.tables[name].write(rows)

    def close(self) -> dict[str, dict[str, Any]]:
        """Close every file; {table: {file, rows, sha256}}."""
        return {name: stream.close() for name, stream in self.tables.items()}
