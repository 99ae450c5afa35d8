"""Where consolidation reads the per-article tables: a release folder being written (Parquet files,
read row group by row group and only the columns asked for) or rows held in memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

Columns = dict[str, list[Any]]
Source = Path | Mapping[str, Sequence[Mapping[str, Any]]]


def read_columns(source: Source, table: str, names: Sequence[str]) -> Iterator[Columns]:
    """The columns `names` of `table`, a chunk at a time (one Parquet row group, or all rows)."""
    if isinstance(source, Path):
        path = source / f"{table}.parquet"
        if not path.exists():
            return
        parquet = pq.ParquetFile(path)
        for i in range(parquet.num_row_groups):
            yield parquet.read_row_group(i, columns=list(names)).to_pydict()
        return
    rows = source.get(table, ())
    if rows:
        yield {name: [row[name] for row in rows] for name in names}


def published(source: Source) -> dict[str, int | None]:
    """article_id → published_at as a day ordinal (None when unknown)."""
    out: dict[str, int | None] = {}
    for chunk in read_columns(source, "articles", ("article_id", "published_at")):
        for aid, date in zip(chunk["article_id"], chunk["published_at"], strict=True):
            out[aid] = date.toordinal() if isinstance(date, dt.date) else None
    return out


def to_date(ordinal: int | None) -> dt.date | None:
    """A day ordinal back to a date."""
    return None if ordinal is None else dt.date.fromordinal(ordinal)
