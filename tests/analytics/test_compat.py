"""Release files as pyarrow, pandas, DuckDB and Polars read them: the types of docs/analytics.md.

The expected strings come from `READER_TYPES`, the same table the doc is generated from, so a
reader that disagrees with the doc fails here. Spark reads the same Parquet logical types
(checked here at the Parquet level; see docs/analytics.md for the manual Spark run).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newsfacts
from newsfacts.analytics.types_doc import READER_TYPES
from newsfacts.schema.models import TABLES
from newsfacts.schema.types import column_specs


def expected(table: str, reader: str) -> dict[str, str]:
    """{column: documented type} for one reader."""
    return {c.name: READER_TYPES[c.kind][reader] for c in column_specs(table)}


def parquet_types(path: Path) -> dict[str, str]:
    """{column: `PHYSICAL (Logical)`} from the Parquet footer; lists as `LIST<leaf>`."""
    schema = pq.ParquetFile(path).schema
    found = {}
    for i in range(len(schema)):
        col = schema.column(i)
        logical = str(col.logical_type)
        leaf = col.physical_type + ("" if logical == "None" else f" ({logical})")
        name, *rest = col.path.split(".")
        found[name] = f"LIST<{leaf}>" if rest == ["list", "element"] else leaf
    return found


@pytest.mark.parametrize("table", list(TABLES))
def test_compat_parquet_footer(release: Path, table: str) -> None:
    path = release / f"{table}.parquet"
    assert parquet_types(path) == expected(table, "parquet")
    schema = pq.ParquetFile(path).schema
    assert all("UINT" not in str(schema.column(i).logical_type).upper() for i in range(len(schema)))


@pytest.mark.parametrize("table", list(TABLES))
def test_compat_pyarrow(release: Path, table: str) -> None:
    schema = pq.read_schema(release / f"{table}.parquet")
    for field, spec in zip(schema, column_specs(table), strict=True):
        assert field.name == spec.name and field.nullable == spec.nullable
        assert field.type == spec.arrow_type
        assert not pa.types.is_large_string(field.type) and not pa.types.is_unsigned_integer(field.type)
        assert not pa.types.is_timestamp(field.type)  # no timestamp columns: nothing to get wrong
    assert schema.metadata[b"newsfacts.table"] == table.encode()


@pytest.mark.parametrize("table", list(TABLES))
def test_compat_pandas_read_parquet(release: Path, table: str) -> None:
    frame = pd.read_parquet(release / f"{table}.parquet")
    assert {c: str(t) for c, t in frame.dtypes.items()} == expected(table, "pandas")


@pytest.mark.parametrize("table", list(TABLES))
def test_compat_pandas_load(release: Path, table: str) -> None:
    frame = newsfacts.load(release, [table])[table]
    assert {c: str(t) for c, t in frame.dtypes.items()} == expected(table, "pandas_load")


@pytest.mark.parametrize("table", list(TABLES))
def test_compat_polars(release: Path, table: str) -> None:
    plain = pl.read_parquet(release / f"{table}.parquet")
    assert {c: str(t) for c, t in plain.schema.items()} == expected(table, "polars")
    loaded = newsfacts.load(release, [table], backend="polars")[table]
    assert {c: str(t.base_type()) if t.base_type() == pl.Enum else str(t)
            for c, t in loaded.schema.items()} == expected(table, "polars_load")


@pytest.mark.parametrize("table", list(TABLES))
def test_compat_duckdb(release: Path, table: str) -> None:
    rows = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{release / table}.parquet')").fetchall()
    assert {name: kind for name, kind, *_ in rows} == expected(table, "duckdb")


def test_compat_duckdb_values(release: Path) -> None:
    rows = duckdb.sql(f"SELECT participants, date FROM read_parquet('{release}/meetings.parquet') "
                      "ORDER BY meeting_id LIMIT 1").fetchall()
    assert rows[0][0] == ["person:wang-yi", "state:qat"] and str(rows[0][1]) == "2024-03-17"
