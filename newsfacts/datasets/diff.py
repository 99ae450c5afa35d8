"""Compare two releases table by table: rows added, removed and changed, matched by primary key."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from newsfacts.errors import InputNotFoundError, UsageError
from newsfacts.schema.models import PRIMARY_KEYS, TABLES

Key = tuple[Any, ...]


@dataclass
class TableDiff:
    """Differences of one table. Key lists are cut at the diff's `max_keys`; counts are exact."""

    table: str
    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    changed_columns: dict[str, int] = field(default_factory=dict)
    added_keys: list[str] = field(default_factory=list)
    removed_keys: list[str] = field(default_factory=list)
    changed_rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def same(self) -> bool:
        """True when nothing differs."""
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)

    def counts(self) -> dict[str, int]:
        """{added, removed, changed}: what the manifest records about a previous release."""
        return {"added": self.added, "removed": self.removed, "changed": self.changed}


@dataclass
class ReleaseDiff:
    """Differences between two release folders."""

    old_version: str | None
    new_version: str | None
    tables: list[TableDiff]

    @property
    def same(self) -> bool:
        """True when every table is the same."""
        return all(t.same for t in self.tables)

    def asdict(self) -> dict[str, Any]:
        """JSON-ready dict (what `newsfacts diff --format json` prints)."""
        return {"old_version": self.old_version, "new_version": self.new_version, "same": self.same,
                "tables": {t.table: {k: v for k, v in asdict(t).items() if k != "table"} for t in self.tables}}

    def asstr(self) -> str:
        """A readable summary, one paragraph per table, for people and release notes."""
        lines = [f"release {self.old_version} -> {self.new_version}"]
        for t in self.tables:
            lines.append(f"{t.table}: {t.added} added, {t.removed} removed, {t.changed} changed, "
                         f"{t.unchanged} unchanged")
            if t.columns_added or t.columns_removed:
                lines.append(f"  columns added: {', '.join(t.columns_added) or '-'}; "
                             f"removed: {', '.join(t.columns_removed) or '-'}")
            if t.changed_columns:
                lines.append("  changed columns: " + ", ".join(f"{c} ({n})" for c, n in t.changed_columns.items()))
            lines += [f"  + {k}" for k in t.added_keys]
            lines += [f"  - {k}" for k in t.removed_keys]
            lines += [f"  ~ {r['key']}: {', '.join(r['columns'])}" for r in t.changed_rows]
        return "\n".join(lines)


def release_version(folder: Path) -> str | None:
    """The release version recorded in a folder's manifest, if it can be read."""
    try:
        return str(json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["release_version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def table_path(folder: Path, table: str) -> Path | None:
    """The file (or folder of parts) of a table in a release, or None when it has none."""
    for path in (folder / f"{table}.parquet", folder / table):
        if path.exists():
            return path
    return None


def read_rows(folder: Path, table: str) -> tuple[list[str], dict[Key, dict[str, Any]]]:
    """(column names, rows by primary key) of a table; empty when the release has no such table."""
    path = table_path(folder, table)
    if path is None:
        return [], {}
    data = pq.read_table(path)
    keys = PRIMARY_KEYS[table]
    return data.column_names, {tuple(r[k] for k in keys): r for r in data.to_pylist()}


def _key_text(key: Key) -> str:
    """A primary key as text (`a/b` for composite keys)."""
    return "/".join(str(k) for k in key)


def diff_table(old: Path, new: Path, table: str, max_keys: int | None = 20) -> TableDiff:
    """Differences of one table between two releases."""
    old_cols, old_rows = read_rows(old, table)
    new_cols, new_rows = read_rows(new, table)
    out = TableDiff(table, columns_added=[c for c in new_cols if c not in old_cols],
                    columns_removed=[c for c in old_cols if c not in new_cols])
    common = [c for c in new_cols if c in old_cols]
    columns: Counter[str] = Counter()
    room = (lambda items: len(items) < max_keys) if max_keys is not None else (lambda items: True)
    for key in sorted(new_rows.keys() - old_rows.keys(), key=_key_text):
        out.added += 1
        if room(out.added_keys):
            out.added_keys.append(_key_text(key))
    for key in sorted(old_rows.keys() - new_rows.keys(), key=_key_text):
        out.removed += 1
        if room(out.removed_keys):
            out.removed_keys.append(_key_text(key))
    for key in sorted(new_rows.keys() & old_rows.keys(), key=_key_text):
        a, b = old_rows[key], new_rows[key]
        differ = [c for c in common if a[c] != b[c]]
        if not differ:
            out.unchanged += 1
            continue
        out.changed += 1
        columns.update(differ)
        if room(out.changed_rows):
            out.changed_rows.append({"key": _key_text(key), "columns": differ})
    out.changed_columns = {c: columns[c] for c in common if c in columns}
    return out


def diff(old: Path | str, new: Path | str, max_keys: int | None = 20) -> ReleaseDiff:
    """Differences between two release folders, every table of the schema in order.

    Rows are matched by primary key; a changed row lists the columns whose values differ.
    `max_keys` caps the keys listed per kind (None: all). Raises `InputNotFoundError` for a
    folder that does not exist.
    """
    old, new = Path(old), Path(new)
    for folder in (old, new):
        if not folder.is_dir():
            raise InputNotFoundError(folder)
    return ReleaseDiff(release_version(old), release_version(new),
                       [diff_table(old, new, t, max_keys) for t in TABLES])


@dataclass(frozen=True)
class Previous:
    """The earlier release a new one is compared with (`build --previous DIR`)."""

    folder: Path
    release_version: str
    manifest_sha256: str

    @classmethod
    def read(cls, folder: Path) -> Previous:
        """Read a previous release's manifest; `UsageError` names the folder when it is not a release."""
        path = folder / "manifest.json"
        version = release_version(folder)
        if version is None:
            raise UsageError(f"--previous {folder}: no readable manifest.json with a release_version "
                             "(is it a newsfacts release folder?)")
        return cls(folder, version, hashlib.sha256(path.read_bytes()).hexdigest())

    def record(self, new: Path) -> dict[str, Any]:
        """What the new manifest says about this release: version, manifest sha256, row changes."""
        changes = {t.table: t.counts() for t in diff(self.folder, new, max_keys=0).tables}
        return {"release_version": self.release_version, "manifest_sha256": self.manifest_sha256,
                "changes": changes}
