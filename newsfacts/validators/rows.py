"""Row-by-row JSON Schema validation with the exported schemas of the current version."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

import jsonschema

from newsfacts.problems import Problem, problem
from newsfacts.schema.columns import to_json_row
from newsfacts.schema.export import table_schema
from newsfacts.schema.models import PRIMARY_KEYS


@cache
def row_validator(table: str) -> jsonschema.Draft202012Validator:
    """A 2020-12 validator for one row of `table` (dates checked by format)."""
    return jsonschema.Draft202012Validator(table_schema(table),
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def check_rows(table: str, rows: Iterable[dict[str, Any]], where: Mapping[str, str]) -> Iterator[Problem]:
    """A `schema-row` problem for every JSON Schema violation; `where` maps article_id → file."""
    validator = row_validator(table)
    for row in rows:
        for err in validator.iter_errors(to_json_row(row)):
            field = str(err.path[0]) if err.path else None
            key = "/".join(str(row.get(k)) for k in PRIMARY_KEYS[table])
            yield problem("schema-row", article=where.get(str(row.get("article_id"))), table=table,
                          row_key=key, field=field, detail=err.message)
