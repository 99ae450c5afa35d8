"""Classification of schema changes: a fixture set of model changes, each with its kind and level."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from pydantic import Field

from newsfacts.schema.diff import Change, allows, bump, diff_schemas, needed, parse_version, split
from newsfacts.schema.export import all_schemas
from newsfacts.schema.models import FigureRow, MeetingRow, Row, StatementRow
from newsfacts.schema.registry import load_registry
from newsfacts.schema.version import SCHEMA_VERSION
from tests.schema.conftest import PUBLISHED, Swap, variant

BASE = load_registry(PUBLISHED).versions[SCHEMA_VERSION].schemas
UNIT = FigureRow.model_fields["unit"].description
# (name, table, model variant, expected [(column, kind)], needed bump)
CASES: list[tuple[str, str, type[Row], list[tuple[str | None, str]], str]] = [
    ("add nullable column", "figures",
     variant(FigureRow, fields={"confidence": (float | None, Field(None, description="Confidence."))}),
     [("confidence", "column-added-nullable")], "minor"),
    ("add required column", "figures",
     variant(FigureRow, fields={"confidence": (float, Field(description="Confidence."))}),
     [("confidence", "column-added-required")], "major"),
    ("remove column", "statements", variant(StatementRow, drop=("via",)), [("via", "column-removed")], "major"),
    ("rename column", "statements",
     variant(StatementRow, drop=("via",), fields={"channel": (str | None, StatementRow.model_fields["via"])}),
     [("via", "column-renamed")], "major"),
    ("change type", "statements",
     variant(StatementRow, fields={"cue": (int | None, Field(description="Cue."))}),
     [("cue", "type-changed"), ("cue", "description")], "major"),
    ("make a column required", "statements",
     variant(StatementRow, fields={"via": (str, StatementRow.model_fields["via"])}),
     [("via", "made-required")], "major"),
    ("make a column nullable", "figures",
     variant(FigureRow, fields={"unit": (str | None, Field(min_length=1, description=UNIT))}),
     [("unit", "made-nullable")], "minor"),
    ("add enum value", "meetings",
     variant(MeetingRow, fields={"mode": (Literal["in_person", "phone", "video", "unknown", "hybrid"],
                                          MeetingRow.model_fields["mode"])}),
     [("mode", "enum-widened")], "minor"),
    ("remove enum value", "meetings",
     variant(MeetingRow, fields={"mode": (Literal["in_person", "phone", "unknown"],
                                          MeetingRow.model_fields["mode"])}),
     [("mode", "enum-narrowed")], "major"),
    ("description edit", "figures",
     variant(FigureRow, fields={"unit": (str, Field(min_length=1, description="What is counted."))}),
     [("unit", "description")], "patch"),
    ("table description edit", "figures", variant(FigureRow, doc="figures — one row per number."),
     [(None, "table-description")], "patch"),
    ("tighten a constraint", "figures",
     variant(FigureRow, fields={"unit": (str, Field(min_length=2, description=UNIT))}),
     [("unit", "constraint-tightened")], "major"),
    ("loosen a constraint", "figures",
     variant(FigureRow, fields={"unit": (str, Field(description=UNIT))}),
     [("unit", "constraint-loosened")], "minor"),
    ("no change", "figures", variant(FigureRow), [], "none"),
]


@pytest.mark.parametrize(("name", "table", "model", "expected", "level"), CASES, ids=[c[0] for c in CASES])
def test_diff_classifies_model_changes(swap: Swap, name: str, table: str, model: type[Row],
                                       expected: list[tuple[str | None, str]], level: str) -> None:
    swap(table, model)
    changes = diff_schemas(BASE, all_schemas())
    assert [(c.table, c.column, c.kind) for c in changes] == [(table, col, kind) for col, kind in expected]
    assert needed(changes) == level


def test_diff_derived_tables_are_a_minor_change() -> None:
    published = load_registry(PUBLISHED).versions
    changes = diff_schemas(published["1.0.0"].schemas, published["1.1.0"].schemas)
    assert [(c.table, c.kind) for c in changes] == [("entities", "table-added"), ("meeting_events", "table-added"),
                                                    ("quotes", "table-added")]
    assert needed(changes) == "minor" and bump("1.0.0", "1.1.0") == "minor"


def schemas(**props: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A one-table schema set with the given properties, all required."""
    return {"t": {"type": "object", "properties": props, "required": list(props)}}


def kinds(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str | None, str]]:
    """(column, kind) of each change between two one-table schema sets."""
    return [(c.column, c.kind) for c in diff_schemas(old, new)]


def test_diff_reorder_tables_and_bounds() -> None:
    a, b = {"type": "string"}, {"type": "integer", "minimum": 1}
    assert kinds(schemas(x=a, y=b), schemas(y=b, x=a)) == [(None, "columns-reordered")]
    assert kinds(schemas(y=b), schemas(y={"type": "integer", "minimum": 0})) == [("y", "constraint-loosened")]
    assert kinds(schemas(y=b), schemas(y={"type": "integer", "minimum": 5})) == [("y", "constraint-tightened")]
    assert kinds(schemas(x=a), {}) == [(None, "table-removed")]
    assert kinds({}, schemas(x=a)) == [(None, "table-added")]
    assert kinds(schemas(x=a), schemas(x={"type": "string", "enum": ["a"]})) == [("x", "enum-narrowed")]
    assert kinds(schemas(x={"type": ["string", "null"]}), schemas(x=a)) == [("x", "made-required")]
    assert kinds(schemas(x={"enum": ["a", "b"]}), schemas(x={"enum": ["b", "a"]})) == [("x", "enum-reordered")]


def test_diff_split_reads_every_null_form() -> None:
    assert split({"anyOf": [{"type": "string"}, {"type": "null"}], "title": "X"}) == (
        {"type": "string"}, True, {"title": "X"})
    assert split({"type": ["integer", "null"]})[:2] == ({"type": "integer"}, True)
    assert split({"enum": ["a", None]})[:2] == ({"enum": ["a"]}, True)


def test_diff_bumps() -> None:
    assert [bump("1.0.0", v) for v in ("1.0.0", "1.0.1", "1.1.0", "2.0.0", "0.9.9")] == [
        "none", "patch", "minor", "major", "downgrade"]
    assert allows("major", "minor") and allows("minor", "minor") and not allows("patch", "minor")
    assert not allows("downgrade", "none") and allows("none", "none")
    assert parse_version("10.2.3") == (10, 2, 3)
    for bad in ("1.0", "1.0.0-rc1", "01.0.0", "a.b.c"):
        with pytest.raises(ValueError, match="not a schema version"):
            parse_version(bad)


def test_diff_change_names_table_and_column() -> None:
    change = Change("figures", "unit", "column-removed", "column removed")
    assert (change.where, change.level) == ("figures.unit", "major")
    assert change.to_dict()["level"] == "major"
