"""One mapping: for every column, the pydantic type, the Arrow type of the Parquet files and the JSON
Schema type agree, and every Parquet file says which table and schema version it holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pydantic import TypeAdapter, ValidationError

from newsfacts.datasets.writer import write_table
from newsfacts.schema.diff import split
from newsfacts.schema.export import table_schema
from newsfacts.schema.models import TABLES
from newsfacts.schema.types import arrow_schema, column_specs
from newsfacts.schema.version import SCHEMA_VERSION

# Written out by hand, independently of types.py: Arrow type → JSON Schema (type, format, items type).
ARROW_TO_JSON: dict[pa.DataType, tuple[str, str | None, str | None]] = {
    pa.string(): ("string", None, None),
    pa.int64(): ("integer", None, None),
    pa.float64(): ("number", None, None),
    pa.date32(): ("string", "date", None),
    pa.list_(pa.string()): ("array", None, "string"),
}
# A value of each Arrow type, which the column's pydantic type must accept unchanged.
SAMPLE: dict[pa.DataType, Any] = {pa.string(): "CHN", pa.int64(): 3, pa.float64(): 2.5,
                                  pa.date32(): dt.date(2024, 3, 19), pa.list_(pa.string()): ["a"]}
COLUMNS = [(t, spec.name) for t in TABLES for spec in column_specs(t)]


@pytest.mark.parametrize(("table", "column"), COLUMNS, ids=[f"{t}.{c}" for t, c in COLUMNS])
def test_types_pydantic_arrow_json_agree(table: str, column: str) -> None:
    spec = next(s for s in column_specs(table) if s.name == column)
    field = arrow_schema(table).field(column)
    core, nullable, _ = split(table_schema(table)["properties"][column])
    assert (core["type"], core.get("format"), core.get("items", {}).get("type")) == ARROW_TO_JSON[field.type]
    assert nullable == field.nullable == spec.nullable
    assert core.get("enum", []) == list(spec.enum)
    assert field.metadata[b"description"].decode() == TABLES[table].model_fields[column].description
    pydantic_type = TypeAdapter(TABLES[table].model_fields[column].annotation)
    value = spec.enum[0] if spec.enum else SAMPLE[field.type]
    assert pa.array([pydantic_type.validate_python(value)], type=field.type).to_pylist() == [value]
    if nullable:
        assert pydantic_type.validate_python(None) is None
    else:
        with pytest.raises(ValidationError):
            pydantic_type.validate_python(None)


def test_types_every_model_field_is_a_column() -> None:
    for table, model in TABLES.items():
        assert sorted(arrow_schema(table).names) == sorted(model.model_fields)
        assert list(table_schema(table)["properties"]) == arrow_schema(table).names


def shape(field: pa.Field) -> tuple[Any, ...]:
    """A field as name, type, nullability and metadata (Parquet names list items `element`)."""
    kind = ("list", field.type.value_type) if pa.types.is_list(field.type) else field.type
    return field.name, kind, field.nullable, field.metadata


def test_types_parquet_files_carry_the_model_schema_and_versions(tmp_path: Path) -> None:
    for table in TABLES:
        path = tmp_path / f"{table}.parquet"
        write_table(path, table, [])
        written = pq.read_schema(path)
        assert [shape(f) for f in written] == [shape(f) for f in arrow_schema(table)]
        assert written.metadata[b"newsfacts.table"] == table.encode()
        assert written.metadata[b"newsfacts.schema_version"] == SCHEMA_VERSION.encode()
