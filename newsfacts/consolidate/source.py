"""Where consolidation reads the per-article tables: a release folder being written (Parquet files,
read row group by row group and only the columns asked for) or rows held in memory."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

Columns = dict[str, list[Any]]
BATCH = 16_384  # rows converted to Python objects at a time
Source = Path | Mapping[str, Sequence[Mapping[str, Any]]]


def read_columns(source: Source, table: str, names: Sequence[str],
                 keep: tuple[str, Collection[str]] | None = None) -> Iterator[Columns]:
    """The columns `names` of `table`, a chunk at a time (`BATCH` rows of a Parquet file, or all
    rows); with `keep` (column, values) only the rows whose column has one of the values."""
    if isinstance(source, Path):
        path = source / f"{table}.parquet"
        if not path.exists():
            return
        for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH, columns=list(names)):
            if keep is not None:
                batch = batch.filter(pc.is_in(batch.column(keep[0]), value_set=pa.array(sorted(keep[1]))))
            yield batch.to_pydict()
        return
    rows = [r for r in source.get(table, ()) if keep is None or r[keep[0]] in keep[1]]
    if rows:
        yield {name: [row[name] for row in rows] for name in names}


@dataclass(frozen=True)
class Articles:
    """The corpus's articles in report order: earliest `published_at` first (unknown last), then
    article_id. An article's rank in that order is all the other steps keep of it, so "the
    earliest report" is the smallest rank."""

    rank: dict[str, int]
    ids: list[str]
    published: list[int | None]  # day ordinals, by rank

    def first_published(self, ranks: Iterable[int]) -> dt.date | None:
        """The earliest published_at of the articles of these ranks (None when none has one)."""
        return to_date(self.published[min(ranks)])


def read_articles(source: Source) -> Articles:
    """The articles of `source` in report order."""
    pairs: list[tuple[int | None, str]] = []
    for chunk in read_columns(source, "articles", ("article_id", "published_at")):
        pairs += [(d.toordinal() if isinstance(d, dt.date) else None, sys.intern(a))
                  for a, d in zip(chunk["article_id"], chunk["published_at"], strict=True)]
    pairs.sort(key=lambda p: (p[0] is None, p[0] or 0, p[1]))
    return Articles({a: i for i, (_, a) in enumerate(pairs)}, [a for _, a in pairs], [d for d, _ in pairs])


def to_date(ordinal: int | None) -> dt.date | None:
    """A day ordinal back to a date."""
    return None if ordinal is None else dt.date.fromordinal(ordinal)
