"""`query(release, sql)`: run SQL over a release with DuckDB, every table as a view by name.

The release is checked as `newsfacts.load` checks it (schema version, manifest checksums), then
each table becomes a DuckDB view named after it.
DuckDB is part of the optional `analytics` extra and imported only here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsfacts.datasets.load import checked_release, import_optional, read_arrow, select_tables
from newsfacts.errors import UsageError
from newsfacts.schema.version import SCHEMA_VERSION


@dataclass(frozen=True)
class QueryResult:
    """The result of a query: an Arrow table, with CSV and JSON renderings."""

    table: pa.Table

    @property
    def columns(self) -> list[str]:
        """Column names in query order."""
        return list(self.table.column_names)

    def rows(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (dates as `datetime.date`, lists as lists)."""
        return list(self.table.to_pylist())

    def to_json(self) -> str:
        """A JSON array of objects, dates as ISO strings; keys in column order."""
        return json.dumps(self.rows(), ensure_ascii=False, default=_json_default, indent=1)

    def to_csv(self) -> str:
        """CSV with a header row; list cells as JSON arrays, nulls as empty cells."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        for row in self.rows():
            writer.writerow([cell_text(v, lists_as_json=True) for v in row.values()])
        return buffer.getvalue()

    def asdict(self) -> dict[str, Any]:
        """Columns and rows, JSON-ready."""
        return {"columns": self.columns, "rows": json.loads(self.to_json())}


def _json_default(value: object) -> object:
    """JSON for values `json` does not know (dates, decimals)."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def cell_text(value: object, lists_as_json: bool = False) -> str:
    """One value as text: null as empty, dates ISO, floats without a trailing `.0` for integers."""
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False) if lists_as_json else ", ".join(map(str, value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def connect(release: Path | str, tables: Iterable[str] | None = None, *, verify: bool = True) -> Any:
    """An in-memory DuckDB connection with the release's tables as views by name.

    The release is checked first as by `load` (schema version, then checksums unless `verify` is
    false). Files of the current schema version become views over `read_parquet`, so DuckDB
    reads only the columns and row groups a query needs; files of an older minor version are
    upgraded to the current columns in memory and registered instead.
    """
    from newsfacts.schema.compat import file_versions

    duckdb = import_optional("duckdb")
    names = select_tables(tables)
    info = checked_release(release, names, verify)
    con = duckdb.connect(":memory:")
    for name in names:
        path = info.file(name)
        if path.exists() and file_versions(path)[1] == SCHEMA_VERSION:
            pattern = str(path / "**" / "*.parquet") if path.is_dir() else str(path)
            con.sql(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern.replace(chr(39), chr(39) * 2)}')")
        else:
            con.register(name, read_arrow(info, name))
    return con


def query(release: Path | str, sql: str, *, verify: bool = True) -> QueryResult:
    """Run one SQL statement over the release; `UsageError` with DuckDB's message for bad SQL."""
    duckdb = import_optional("duckdb")
    con = connect(release, verify=verify)
    try:
        result = con.sql(sql)
        table = result.to_arrow_table() if result is not None else pa.table({})
    except duckdb.Error as e:
        raise UsageError(f"SQL error: {e}") from None
    finally:
        con.close()
    return QueryResult(table)
