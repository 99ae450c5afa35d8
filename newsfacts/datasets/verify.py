"""`verify`: check a release folder against its `manifest.json` and validate its tables again.

Compares expected with recorded, one code per kind of mismatch: `missing-table`,
`unexpected-table`, `row-count-mismatch`, `checksum-mismatch` (and `missing-file`,
`unexpected-file` for the card, data package and report). Then every table is validated again:
pandera frames, JSON Schema rows (with the schema files of the release's recorded schema version),
unique keys and references. Article bodies are not part of a release, so the checks that need
them (spans inside the body, evidence equal to the body text) are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema_rs
import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.datasets.writer import sha256_file
from newsfacts.errors import InputNotFoundError
from newsfacts.problems import Problem, Report, problem
from newsfacts.schema.columns import to_json_row
from newsfacts.schema.compat import release_tables
from newsfacts.schema.export import all_schemas
from newsfacts.schema.models import PRIMARY_KEYS, TABLES
from newsfacts.schema.version import SCHEMA_VERSION
from newsfacts.validators import validate_tables
from newsfacts.validators.integrity import check_keys

MANIFEST = "manifest.json"
PACKAGE_SCHEMAS = Path(__file__).resolve().parents[2] / "schema"
Rows = list[dict[str, Any]]


@dataclass
class VerifyResult:
    """What `verify` found: the manifest it read, rows checked per table, and every problem."""

    release: Path
    manifest: dict[str, Any] | None = None
    rows: dict[str, int] = field(default_factory=dict)
    schema_source: str | None = None
    report: Report = field(default_factory=Report)

    @property
    def ok(self) -> bool:
        """True when nothing was tampered with and every check passed."""
        return self.manifest is not None and self.report.ok

    def asdict(self) -> dict[str, Any]:
        """JSON-ready dict (what `newsfacts verify --json` prints)."""
        version = self.manifest.get("release_version") if self.manifest else None
        return {"release": str(self.release), "release_version": version, "ok": self.ok,
                "rows": self.rows, "schema_source": self.schema_source, **self.report.to_dict()}

    def asstr(self) -> str:
        """One line for people."""
        rows = ", ".join(f"{n} {t}" for t, n in self.rows.items())
        state = "ok" if self.ok else f"{len(self.report.errors)} error(s)"
        return f"{self.release}: {state}; rows checked: {rows or 'none'}; schemas: {self.schema_source or '-'}"


def verify(release: Path | str, *, schema_root: Path | None = None, validate: bool = True,
           limit: int | None = None) -> VerifyResult:
    """Verify a release folder: files, checksums and row counts, then (with `validate`) its rows.

    `schema_root` is the folder of published schemas (`<root>/<version>/<table>.schema.json`);
    by default `schema/` in the working directory, then the one beside the package. `limit` stops
    after that many problems (with a `problem-limit` warning). Raises `InputNotFoundError` when
    `release` is not a folder; everything else is a problem.
    """
    folder = Path(release)
    if not folder.is_dir():
        raise InputNotFoundError(folder)
    result = VerifyResult(folder)
    result.manifest, problems = read_manifest(folder)
    result.report.extend(problems)
    if result.manifest is None:
        return result
    result.report.extend(check_files(folder, result.manifest))
    if validate:
        tables = read_tables(folder, result.manifest)
        result.rows = {t: len(rows) for t, rows in tables.items()}
        docs, result.schema_source = recorded_schemas(str(result.manifest.get("schema_version")), schema_root)
        result.report.extend(revalidate(tables, docs, str(result.manifest.get("schema_version")), limit))
    if limit is not None and len(result.report.problems) >= limit:
        result.report.problems = [*result.report.problems[:limit], problem("problem-limit", limit=limit)]
    return result


def read_manifest(folder: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The manifest of a release, or None with a `manifest-invalid` problem saying why."""
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [problem("manifest-invalid", article=str(path), detail="missing")]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, [problem("manifest-invalid", article=str(path), detail=f"unreadable: {e}")]
    tables = data.get("tables") if isinstance(data, dict) else None
    if not isinstance(tables, dict) or not all(isinstance(v, dict) and {"file", "rows", "sha256"} <= v.keys()
                                               for v in tables.values()):
        return None, [problem("manifest-invalid", article=str(path),
                              detail="no `tables` mapping of {file, rows, sha256}")]
    names = [v["file"] for v in tables.values()] + list(data.get("files", {}))
    outside = [n for n in names if not isinstance(n, str) or n in ("", ".", "..") or Path(n).name != n]
    if outside:
        return None, [problem("manifest-invalid", article=str(path),
                              detail=f"file names must be plain names inside the release: {outside}")]
    missing = [t for t in release_tables(str(data.get("schema_version"))) if t not in tables]
    if missing:
        return None, [problem("manifest-invalid", article=str(path),
                              detail=f"tables missing from the manifest: {', '.join(missing)}")]
    return data, []


def check_files(folder: Path, manifest: Mapping[str, Any]) -> list[Problem]:
    """Listed files present with their sha256 (and row counts for tables); nothing else present."""
    out: list[Problem] = []
    for table, info in manifest["tables"].items():
        path = folder / info["file"]
        if not path.is_file():
            out.append(problem("missing-table", article=str(path), table=table, path=info["file"]))
            continue
        if sha256_file(path) != info["sha256"]:
            out.append(problem("checksum-mismatch", article=str(path), table=table, path=info["file"]))
        try:
            rows = pq.read_metadata(path).num_rows
        except (OSError, pa.ArrowException) as e:
            out.append(problem("table-unreadable", article=str(path), table=table, detail=str(e)))
            continue
        if rows != info["rows"]:
            out.append(problem("row-count-mismatch", article=str(path), table=table, path=info["file"],
                               found=rows, expected=info["rows"]))
    documents = manifest.get("files", {})
    for name, info in documents.items():
        path = folder / name
        if not path.is_file():
            out.append(problem("missing-file", article=str(path), path=name))
        elif sha256_file(path) != info.get("sha256"):
            out.append(problem("checksum-mismatch", article=str(path), path=name))
    listed = {info["file"] for info in manifest["tables"].values()} | set(documents) | {MANIFEST}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name not in listed:
            code = "unexpected-table" if item.suffix == ".parquet" or item.is_dir() else "unexpected-file"
            out.append(problem(code, article=str(item), path=item.name))
    return out


def read_tables(folder: Path, manifest: Mapping[str, Any]) -> dict[str, Rows]:
    """Rows of every table file that can be read (unreadable ones were reported by `check_files`)."""
    tables: dict[str, Rows] = {}
    for table in [t for t in TABLES if t in manifest["tables"]]:
        path = folder / manifest["tables"][table]["file"]
        try:
            tables[table] = pq.read_table(path).to_pylist()
        except (OSError, pa.ArrowException):
            continue
    return tables


def recorded_schemas(version: str, root: Path | None = None) -> tuple[dict[str, dict[str, Any]] | None, str | None]:
    """(schema documents by table, where they came from) for a schema version, or (None, None).

    Published files `<root>/<version>/` first, then this package's own export when it is that version.
    """
    roots = [root] if root is not None else [Path("schema"), PACKAGE_SCHEMAS]
    for base in roots:
        paths = {t: base / version / f"{t}.schema.json" for t in release_tables(version)}
        if all(p.is_file() for p in paths.values()):
            return {t: json.loads(p.read_text(encoding="utf-8")) for t, p in paths.items()}, str(base / version)
    if version == SCHEMA_VERSION:
        return all_schemas(), f"newsfacts {SCHEMA_VERSION} models"
    return None, None


def revalidate(tables: Mapping[str, Rows], docs: Mapping[str, dict[str, Any]] | None, version: str,
               limit: int | None = None) -> list[Problem]:
    """Problems of the rows against the recorded version's schemas (and pandera when it is ours)."""
    if docs is None:
        return [problem("schema-version-unknown", version=version, supported=SCHEMA_VERSION)]
    where = {str(r["article_id"]): str(r["source_path"]) for r in tables.get("articles", ())}
    problems: list[Problem] = []
    own = version == SCHEMA_VERSION
    if own and len(tables) == len(TABLES):
        problems += validate_tables(tables, {}, where, limit)
        if docs == all_schemas():
            return problems
    else:
        if not own:
            problems.append(problem("schema-version-older", version=version, supported=SCHEMA_VERSION))
        for table, rows in tables.items():
            problems += check_keys(table, rows, where)
    for table, rows in tables.items():
        if table in docs:  # a table newer than the recorded version has no published schema there
            problems += check_rows_with(table, docs[table], rows, where)
    return problems if limit is None else problems[:limit]


def check_rows_with(table: str, schema: dict[str, Any], rows: Sequence[dict[str, Any]],
                    where: Mapping[str, str]) -> Iterator[Problem]:
    """`schema-row` problems of rows against a given JSON Schema document (not the package's)."""
    validator = jsonschema_rs.validator_for(schema, validate_formats=True)
    for row in rows:
        for err in validator.iter_errors(to_json_row(row)):
            path = list(err.instance_path)
            key = "/".join(str(row.get(k)) for k in PRIMARY_KEYS[table])
            yield problem("schema-row", article=where.get(str(row.get("article_id"))), table=table, row_key=key,
                          field=str(path[0]) if path else None, detail=err.message)
