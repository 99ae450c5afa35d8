"""Streaming Parquet writer: rows arrive in primary-key order, batch by batch, and are written
in row groups of a fixed size, so the bytes do not depend on batch sizes or worker counts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.datasets.writer import PARQUET_OPTIONS, ROW_GROUP_SIZE, sha256_file, table_metadata
from newsfacts.schema.models import ARTICLE_TABLES
from newsfacts.schema.types import arrow_schema


class TableStream:
    """One table's Parquet file, written in fixed-size row groups. Rows wait for their row group as
    Arrow data, which takes a fraction of the memory of the row dicts."""

    def __init__(self, path: Path, table: str, row_group_size: int = ROW_GROUP_SIZE) -> None:
        self.path, self.table, self.size = path, table, row_group_size
        self.schema = arrow_schema(table).with_metadata(table_metadata(table))
        self.buffer: list[pa.Table] = []
        self.buffered = 0
        self.rows = 0
        self.writer = pq.ParquetWriter(path, self.schema, **PARQUET_OPTIONS)

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        """Append rows (already in primary-key order); full row groups are flushed."""
        if rows:
            self.buffer.append(pa.Table.from_pylist(list(rows), schema=self.schema))
            self.buffered += len(rows)
        while self.buffered >= self.size:
            data = self._take()
            self._flush(data.slice(0, self.size))
            rest = data.slice(self.size)
            self.buffer, self.buffered = ([rest] if rest.num_rows else []), rest.num_rows

    def _take(self) -> pa.Table:
        """The buffered rows as one contiguous table (so the bytes do not depend on how they came)."""
        return pa.concat_tables(self.buffer).combine_chunks() if self.buffer else self.schema.empty_table()

    def _flush(self, data: pa.Table) -> None:
        self.writer.write_table(data, row_group_size=self.size)
        self.rows += data.num_rows

    def close(self) -> dict[str, Any]:
        """Flush the rest, close the file and describe it for the manifest."""
        if self.buffered or self.rows == 0:
            self._flush(self._take())
            self.buffer, self.buffered = [], 0
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
