"""Run every check on a set of tables and collect the problems (validators never mutate rows)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import pandas as pd
import pandera.errors
import pyarrow as pa

from newsfacts.problems import Problem, problem
from newsfacts.schema.columns import columns
from newsfacts.schema.models import ARTICLE_TABLES, DERIVED_TABLES, PRIMARY_KEYS
from newsfacts.schema.types import arrow_schema
from newsfacts.validators.frames import frame_schema
from newsfacts.validators.integrity import check_keys, check_members, check_references, check_spans, member_ids
from newsfacts.validators.rows import check_rows

Rows = Sequence[dict[str, Any]]
FRAME_CHUNK = 20_000  # derived rows per pandera frame (keys are checked across chunks by check_keys)


def validate_tables(tables: Mapping[str, Rows], bodies: Mapping[str, str],
                    where: Mapping[str, str] | None = None, limit: int | None = None,
                    frames: bool = True) -> list[Problem]:
    """All problems of the tables: pandera frame checks, JSON Schema rows, spans, keys, references.

    `bodies` maps article_id → normalized body; `where` maps article_id → file for messages.
    `limit` stops collecting after that many problems. `frames=False` leaves out the pandera
    checks (the costly part; the JSON Schemas and key checks cover the same constraints), for
    callers that check many small inputs, such as the fuzz target.
    """
    where = where or {}
    problems: list[Problem] = []
    for table in ARTICLE_TABLES:
        rows = tables.get(table, ())
        if frames:
            problems += check_frame(table, rows, where)
        problems += check_rows(table, rows, where)
        problems += check_spans(table, rows, bodies, where)
        problems += check_keys(table, rows, where)
        if limit is not None and len(problems) >= limit:
            return problems[:limit]
    problems += check_references(tables, where)
    if any(t in tables for t in DERIVED_TABLES):
        problems += validate_derived(tables, member_ids(tables), frames)
    return problems if limit is None else problems[:limit]


def validate_derived(tables: Mapping[str, Rows], known: Mapping[str, Collection[str]], frames: bool = True,
                     entities: Collection[str] | None = None, seen: set[str] | None = None) -> list[Problem]:
    """Problems of the derived tables in `tables` (entities, meeting_events, quotes): pandera frame
    checks (by chunks of `FRAME_CHUNK` rows, so that memory stays small), JSON Schema rows, unique
    keys, and members that are rows of the per-article tables (`known`, as `integrity.member_ids`
    reads them) and entities that are in `entities` (default: the entities rows of `tables`).
    A caller checking a table chunk by chunk passes `seen`, the keys of the chunks before."""
    problems: list[Problem] = []
    for table in DERIVED_TABLES:
        rows = tables.get(table)
        if rows is None:
            continue
        for start in range(0, len(rows), FRAME_CHUNK) if frames else ():
            problems += check_frame(table, rows[start:start + FRAME_CHUNK], {})
        problems += check_rows(table, rows, {})
        problems += check_keys(table, rows, {}, seen)
    problems += check_members(tables, known, entities)
    return problems


def check_frame(table: str, rows: Rows, where: Mapping[str, str]) -> list[Problem]:
    """Run the table's pandera schema lazily; one `schema-column` problem per failure case."""
    frame = to_frame(table, rows)
    try:
        frame_schema(table).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as e:
        return [_case_problem(table, frame, case, where)
                for case in e.failure_cases.to_dict("records")]
    return []


def to_frame(table: str, rows: Rows) -> pd.DataFrame:
    """Rows as a DataFrame typed like a release read back (through Arrow); plain records when the
    rows do not even fit the Arrow types, so that pandera reports what is wrong."""
    try:
        arrow = pa.Table.from_pylist(list(rows), schema=arrow_schema(table))
        return arrow.to_pandas()
    except (pa.ArrowException, TypeError, ValueError):
        return pd.DataFrame.from_records(list(rows), columns=list(columns(table)))


def _case_problem(table: str, frame: pd.DataFrame, case: dict[str, Any], where: Mapping[str, str]) -> Problem:
    """A pandera failure case as a Problem located by article and primary key."""
    index = case.get("index")
    key = aid = None
    if isinstance(index, int) and 0 <= index < len(frame):
        row = frame.iloc[index]
        key = "/".join(str(row[k]) for k in PRIMARY_KEYS[table])
        aid = str(row["article_id"]) if "article_id" in row else None
    column = case.get("column")
    return problem("schema-column", article=where.get(aid) if aid else None, table=table, row_key=key,
                   field=str(column) if column is not None and column == column else None,
                   check=case.get("check"), detail=f"failure case {case.get('failure_case')!r}")
