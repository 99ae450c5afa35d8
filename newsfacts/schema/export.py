"""JSON Schema export of the row models (`schema/<version>/<table>.schema.json`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from newsfacts.schema.columns import columns
from newsfacts.schema.models import TABLES
from newsfacts.schema.version import SCHEMA_VERSION

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(table: str, version: str = SCHEMA_VERSION) -> str:
    """The `$id` of a table's schema: a URN carrying the version."""
    return f"urn:newsfacts:schema:{version}:{table}"


def table_schema(table: str, version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """JSON Schema (2020-12) of one row of `table`, properties in release column order."""
    raw = TABLES[table].model_json_schema(mode="serialization")
    props = {name: raw["properties"][name] for name in columns(table)}
    out: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_id(table, version),
        "title": f"newsfacts {table} row",
        "description": raw.get("description", ""),
        "type": "object",
        "properties": props,
        "required": list(columns(table)),
        "additionalProperties": False,
        "x-newsfacts-table": table,
        "x-newsfacts-schema-version": version,
    }
    return out


def all_schemas(version: str = SCHEMA_VERSION) -> dict[str, dict[str, Any]]:
    """Schemas of every table, by table name."""
    return {t: table_schema(t, version) for t in TABLES}


def dumps(schema: dict[str, Any]) -> str:
    """Canonical text of a schema file (stable key order, trailing newline)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_hash(version: str = SCHEMA_VERSION) -> str:
    """sha256 of all exported schemas with the version fields left out (column order included)."""
    digest = hashlib.sha256()
    for table, schema in sorted(all_schemas(version).items()):
        body = {k: v for k, v in schema.items() if k not in ("$id", "x-newsfacts-schema-version")}
        digest.update(table.encode())
        digest.update(json.dumps(body, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def export(root: Path, version: str = SCHEMA_VERSION) -> list[Path]:
    """Write `<root>/<version>/<table>.schema.json` for every table; return the paths written."""
    folder = root / version
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, schema in all_schemas(version).items():
        path = folder / f"{table}.schema.json"
        path.write_text(dumps(schema), encoding="utf-8")
        written.append(path)
    return written
