"""Column order and row conversion shared by validators and the release writer."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from newsfacts.schema.models import TABLES, Provenance

PROVENANCE = tuple(Provenance.model_fields)


@cache
def columns(table: str) -> tuple[str, ...]:
    """Column names of a table in release order: the codebook's columns, then provenance."""
    names = list(TABLES[table].model_fields)
    return tuple([n for n in names if n not in PROVENANCE] + [n for n in names if n in PROVENANCE])


def to_json_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row with dates as ISO strings, ready for JSON Schema validation or JSON output."""
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
