"""A Frictionless Data Package descriptor (`datapackage.json`) for a release.

Each table is a resource with its Parquet file, size, sha256 and a Table Schema derived from the
row models: field types, descriptions, required fields, enums, minimums, the primary key and the
foreign key to `articles`. `frictionless validate datapackage.json` accepts it.

Two choices follow from how frictionless reads Parquet (through pandas, which hands list cells
over as numpy arrays and gives no byte stream): list columns are typed `any` (their description
says "list of strings"), and sizes and sha256 stay in `manifest.json` rather than in `bytes` and
`hash`, which frictionless could not check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsfacts.schema.models import ARTICLE_TABLES, PRIMARY_KEYS, TABLE_DESCRIPTIONS, TABLES
from newsfacts.schema.types import ColumnSpec, column_specs

FIELD_TYPE = {"string": "string", "enum": "string", "int": "integer", "float": "number", "date": "date",
              "list": "any"}
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def field(spec: ColumnSpec) -> dict[str, Any]:
    """A Table Schema field of a column spec."""
    out: dict[str, Any] = {"name": spec.name, "type": FIELD_TYPE[spec.kind]}
    prefix = "List of strings. " if spec.kind == "list" else ""
    if spec.description or prefix:
        out["description"] = prefix + spec.description
    constraints: dict[str, Any] = {}
    if not spec.nullable:
        constraints["required"] = True
    if spec.enum:
        constraints["enum"] = list(spec.enum)
    if spec.minimum is not None:
        constraints["minimum"] = spec.minimum
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(table: str) -> dict[str, Any]:
    """The Table Schema of a table: fields, primary key and the reference to its article."""
    schema: dict[str, Any] = {"fields": [field(s) for s in column_specs(table)],
                              "primaryKey": list(PRIMARY_KEYS[table])}
    if table in ARTICLE_TABLES and table != "articles":  # derived tables list their members instead
        schema["foreignKeys"] = [{"fields": ["article_id"],
                                  "reference": {"resource": "articles", "fields": ["article_id"]}}]
    return schema


def resource(table: str, info: Mapping[str, Any]) -> dict[str, Any]:
    """The resource of one table file described in the manifest."""
    return {"name": table, "path": info["file"], "format": "parquet", "mediatype": PARQUET_MEDIATYPE,
            "description": TABLE_DESCRIPTIONS[table], "schema": table_schema(table)}


def datapackage(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The `datapackage.json` descriptor of a release (tables in the manifest's order)."""
    tables = manifest["tables"]
    return {
        "name": str(manifest.get("name", "newsfacts")),
        "title": f"newsfacts {manifest['release_version']}",
        "description": "Actors, meetings, statements and figures extracted by rules from news articles, "
                       "and the entities, meeting events and quotations they consolidate into across articles.",
        "version": manifest["release_version"],
        "keywords": ["news", "event data", "information extraction"],
        "resources": [resource(t, tables[t]) for t in TABLES if t in tables],
    }
