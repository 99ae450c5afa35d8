"""One mapping from pydantic field types to column specs, Arrow types and JSON Schema types.

Every other representation of a column (Parquet/Arrow schema, pandera checks, dataset card) is
derived from `column_specs(table)`, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pyarrow as pa

from newsfacts.schema.columns import columns
from newsfacts.schema.models import TABLES

ColumnKind = Literal["string", "int", "float", "date", "list", "enum"]

ARROW: dict[ColumnKind, pa.DataType] = {
    "string": pa.string(),
    "enum": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "date": pa.date32(),
    "list": pa.list_(pa.string()),
}
JSON_TYPE: dict[ColumnKind, str] = {
    "string": "string", "enum": "string", "int": "integer", "float": "number", "date": "string",
    "list": "array",
}


@dataclass(frozen=True)
class ColumnSpec:
    """A column as every layer sees it."""

    name: str
    kind: ColumnKind
    nullable: bool
    description: str
    enum: tuple[str, ...] = ()
    minimum: int | None = None

    @property
    def arrow_type(self) -> pa.DataType:
        """Arrow (and so Parquet) type of the column."""
        return ARROW[self.kind]


def _kind(annotation: Any) -> tuple[ColumnKind, bool, tuple[str, ...]]:
    """(kind, nullable, enum values) of a field annotation."""
    nullable = False
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(get_args(annotation))
        annotation = args[0]
        origin = get_origin(annotation)
    if origin is Annotated:
        annotation = get_args(annotation)[0]
        origin = get_origin(annotation)
    if origin is Literal:
        return "enum", nullable, tuple(str(v) for v in get_args(annotation))
    if origin is list:
        return "list", nullable, ()
    simple: dict[Any, ColumnKind] = {str: "string", int: "int", float: "float", dt.date: "date"}
    if annotation in simple:
        return simple[annotation], nullable, ()
    raise TypeError(f"no column type for annotation {annotation!r}")


@cache
def column_specs(table: str) -> tuple[ColumnSpec, ...]:
    """Column specs of a table in release order."""
    fields = TABLES[table].model_fields
    out = []
    for name in columns(table):
        info = fields[name]
        kind, nullable, enum = _kind(info.annotation)
        minimum = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
        out.append(ColumnSpec(name, kind, nullable, info.description or "", enum, minimum))
    return tuple(out)


@cache
def arrow_schema(table: str) -> pa.Schema:
    """Arrow schema of a table: the column specs, with nullability and descriptions as metadata."""
    return pa.schema([
        pa.field(c.name, c.arrow_type, nullable=c.nullable,
                 metadata={"description": c.description} if c.description else None)
        for c in column_specs(table)
    ])
