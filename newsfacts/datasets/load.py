"""Load a release into pandas, Arrow or Polars frames with the codebook's types.

`load(release_dir)` reads `manifest.json`, checks that this package can read the release's schema
version, verifies each file's sha256 against the manifest (skip with `verify=False`) and returns
`{table: frame}` in release order. Types per backend (see docs/analytics.md):

- arrow: the files' own Arrow types (string, int64, float64, date32, list<string>);
- pandas: dates as `date32[pyarrow]` (values are `datetime.date`), list cells as Python lists,
  enum columns as `Categorical` with every allowed value as a category, strings as `str`;
- polars: dates as `Date`, lists as `List(String)`, enum columns as `Enum(values)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from newsfacts.errors import InputNotFoundError, NewsfactsError, UsageError
from newsfacts.problems import Problem
from newsfacts.schema.models import TABLES
from newsfacts.schema.types import column_specs

Backend = Literal["pandas", "arrow", "polars"]
BACKENDS: tuple[Backend, ...] = ("pandas", "arrow", "polars")
MANIFEST = "manifest.json"


class ReleaseCheckError(NewsfactsError):
    """The release's files do not match its manifest (missing file or checksum mismatch)."""

    def __init__(self, release: Path, problems: list[Problem]) -> None:
        self.release, self.problems = release, problems
        lines = "; ".join(f"{p.location()}: {p.code}: {p.message}" for p in problems)
        if any(p.code == "manifest-invalid" for p in problems):
            self.hint = f"is {release} a newsfacts release folder?"
        else:
            self.hint = "rebuild the release, or pass verify=False (--no-verify) to read it anyway"
        super().__init__(f"{release} does not match its {MANIFEST}: {lines} ({self.hint})")


@dataclass(frozen=True)
class Release:
    """A release folder and its parsed manifest."""

    path: Path
    manifest: dict[str, Any]

    @property
    def schema_version(self) -> str:
        """The schema version the release was written with."""
        return str(self.manifest.get("schema_version", ""))

    def file(self, table: str) -> Path:
        """Path of a table's Parquet file (or folder of parts) as the manifest names it."""
        entry = self.manifest.get("tables", {}).get(table, {})
        return self.path / str(entry.get("file", f"{table}.parquet"))


def open_release(release_dir: Path | str) -> Release:
    """Read a release's manifest; `InputNotFoundError`, or `ReleaseCheckError` naming the file when bad."""
    from newsfacts.datasets.verify import read_manifest

    path = Path(release_dir)
    if not path.is_dir():
        raise InputNotFoundError(path)
    manifest, problems = read_manifest(path)
    if manifest is None:
        raise ReleaseCheckError(path, problems)
    return Release(path, manifest)


def check_schema_version(release: Release) -> None:
    """Refuse a release whose schema version this package cannot read (another major version)."""
    from newsfacts.schema.compat import check_readable

    check_readable(release.schema_version or "none", where=str(release.path / MANIFEST))


def checksum_problems(release: Release, tables: Iterable[str]) -> list[Problem]:
    """`newsfacts verify`'s file checks (missing file, sha256, row count) for the given tables."""
    from newsfacts.datasets.verify import check_files

    wanted = set(tables)
    return [p for p in check_files(release.path, release.manifest) if p.table in wanted]


def select_tables(tables: Iterable[str] | None, among: Sequence[str] = tuple(TABLES)) -> list[str]:
    """Requested table names (default: all of `among`) in release order; `UsageError` naming unknown ones."""
    if tables is None:
        return list(among)
    wanted = [tables] if isinstance(tables, str) else list(tables)
    unknown = sorted(set(wanted) - set(among))
    if unknown:
        raise UsageError(f"unknown table(s) {', '.join(unknown)}; tables are {', '.join(among)}")
    return [t for t in among if t in wanted]


def read_arrow(release: Release, table: str) -> pa.Table:
    """One table as an Arrow table, upgraded from the file's schema version to the current columns
    (empty when the release's schema version predates the table)."""
    from newsfacts.schema.compat import empty_table, read_table, release_tables

    if table not in release.manifest.get("tables", {}) and table not in release_tables(release.schema_version):
        return empty_table(table, release.schema_version)
    path = release.file(table)
    try:
        return read_table(path)
    except (OSError, pa.ArrowException) as e:
        raise NewsfactsError(f"{path}: cannot read Parquet: {e}") from None


def to_pandas(table: str, data: pa.Table) -> Any:
    """An Arrow table as a pandas DataFrame with dates, lists and categoricals (see module doc)."""
    import pandas as pd

    frame = data.to_pandas(types_mapper={pa.date32(): pd.ArrowDtype(pa.date32())}.get)
    for spec in column_specs(table):
        if spec.kind == "list":
            frame[spec.name] = pd.Series(data.column(spec.name).to_pylist(), index=frame.index, dtype=object)
        elif spec.kind == "enum":
            frame[spec.name] = pd.Categorical(frame[spec.name].astype(object), categories=list(spec.enum))
    return frame


def to_polars(table: str, data: pa.Table) -> Any:
    """An Arrow table as a Polars DataFrame with enum columns as `pl.Enum`."""
    pl = import_optional("polars")
    frame = pl.from_arrow(data)
    casts = [pl.col(s.name).cast(pl.Enum(list(s.enum))) for s in column_specs(table) if s.kind == "enum"]
    return frame.with_columns(casts) if casts else frame


def import_optional(module: str) -> Any:
    """Import a module of the `analytics` extra, or raise `UsageError` naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError:
        raise UsageError(f"{module} is not installed; install the analytics extra: "
                         "pip install 'newsfacts[analytics]'") from None


def checked_release(release_dir: Path | str, names: Iterable[str], verify: bool = True) -> Release:
    """Open a release, check its schema version and (with `verify`) the files of `names`."""
    release = open_release(release_dir)
    check_schema_version(release)
    if verify:
        problems = checksum_problems(release, names)
        if problems:
            raise ReleaseCheckError(release.path, problems)
    return release


def load(release_dir: Path | str, tables: Iterable[str] | str | None = None, backend: Backend = "pandas", *,
         verify: bool = True) -> dict[str, Any]:
    """Load a release's tables as `{name: frame}` for `backend` "pandas", "arrow" or "polars".

    Checks the schema version and (unless `verify=False`) each file's sha256 against
    `manifest.json` first. Raises `InputNotFoundError` for a missing folder, `UsageError` for an
    unknown table or backend (or Polars not installed), `SchemaVersionError` for an unreadable
    schema version, `ReleaseCheckError` for missing or changed files, and `NewsfactsError` for a
    bad manifest or an unreadable file.
    """
    if backend not in BACKENDS:
        raise UsageError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    names = select_tables(tables)
    release = checked_release(release_dir, names, verify)
    if backend == "polars":
        import_optional("polars")
    convert = {"arrow": lambda t, d: d, "pandas": to_pandas, "polars": to_polars}[backend]
    return {name: convert(name, read_arrow(release, name)) for name in names}

