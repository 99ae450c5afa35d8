"""Row-by-row JSON Schema validation with the exported schemas of the current version.

Rows are checked with jsonschema-rs (a compiled 2020-12 validator, ~50x faster than the pure
Python one for this hot path); the same schema documents are what `schema/<version>/` publishes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

import jsonschema_rs

from newsfacts.problems import Problem, problem
from newsfacts.schema.columns import to_json_row
from newsfacts.schema.export import table_schema
from newsfacts.schema.models import PRIMARY_KEYS


@cache
def row_validator(table: str) -> Any:
    """A compiled 2020-12 validator for one row of `table` (formats such as `date` checked)."""
    return jsonschema_rs.validator_for(table_schema(table), validate_formats=True)


def check_rows(table: str, rows: Iterable[dict[str, Any]], where: Mapping[str, str]) -> Iterator[Problem]:
    """A `schema-row` problem for every JSON Schema violation; `where` maps article_id → file."""
    validator = row_validator(table)
    for row in rows:
        for err in validator.iter_errors(to_json_row(row)):
            path = list(err.instance_path)
            field = str(path[0]) if path else None
            key = "/".join(str(row.get(k)) for k in PRIMARY_KEYS[table])
            yield problem("schema-row", article=where.get(str(row.get("article_id"))), table=table,
                          row_key=key, field=field, detail=err.message)
