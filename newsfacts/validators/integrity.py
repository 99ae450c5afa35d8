"""Checks that need the article bodies or other tables: spans, evidence, references, keys."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from newsfacts.consolidate.source import Source, read_columns
from newsfacts.problems import Problem, problem
from newsfacts.schema.models import DERIVED_TABLES, PRIMARY_KEYS

Rows = Sequence[dict[str, Any]]
EVIDENCE_COLUMN = {"figures": "text"}
REFERENCES = {"meetings": "participants", "statements": "speaker_id", "figures": "source_id"}
# Derived table → (column listing its members, the per-article table they are rows of).
MEMBERS = {"entities": ("members", "actors"), "meeting_events": ("meeting_ids", "meetings"),
           "quotes": ("statement_ids", "statements")}
# Derived table → column holding entity ids.
ENTITY_REFERENCES = {"meeting_events": "participants", "quotes": "speaker_entity_id"}


def _key(table: str, row: dict[str, Any]) -> str:
    """The primary key of a row as text."""
    return "/".join(str(row.get(k)) for k in PRIMARY_KEYS[table])


def check_spans(table: str, rows: Rows, bodies: Mapping[str, str], where: Mapping[str, str]) -> Iterator[Problem]:
    """Spans inside the body; for tables with an evidence column, body[start:end] equals it."""
    for row in rows:
        aid = str(row.get("article_id"))
        body = bodies.get(aid)
        start, end = row.get("char_start"), row.get("char_end")
        if body is None or not isinstance(start, int) or not isinstance(end, int):
            continue
        if not 0 <= start < end <= len(body):
            yield problem("span-outside-body", article=where.get(aid), table=table, row_key=_key(table, row),
                          field="char_end", start=start, end=end, n_chars=len(body))
            continue
        column = EVIDENCE_COLUMN.get(table)
        if column and body[start:end] != row.get(column):
            yield problem("span-evidence-mismatch", article=where.get(aid), table=table,
                          row_key=_key(table, row), field=column, start=start, end=end,
                          evidence=str(row.get(column)))


def check_keys(table: str, rows: Rows, where: Mapping[str, str], seen: set[str] | None = None) -> Iterator[Problem]:
    """Every primary key occurs once (in `rows`, and not in `seen`, the keys of earlier rows of the
    same table, which this adds to)."""
    counts = Counter(_key(table, r) for r in rows)
    before = seen if seen is not None else set()
    for row in rows:
        key = _key(table, row)
        if counts[key] > 1 or key in before:
            counts[key] = 0
            before.discard(key)
            yield problem("duplicate-key", article=where.get(str(row.get("article_id"))), table=table,
                          row_key=key, detail=key)
    if seen is not None:
        seen.update(counts)


def check_references(tables: Mapping[str, Rows], where: Mapping[str, str]) -> Iterator[Problem]:
    """Rows point at existing articles; participants, speakers and sources at actors of their article."""
    articles = {r["article_id"] for r in tables.get("articles", ())}
    actors = {(r["article_id"], r["actor_id"]) for r in tables.get("actors", ())}
    for table, rows in tables.items():
        if table == "articles" or table in DERIVED_TABLES:
            continue
        column = REFERENCES.get(table)
        for row in rows:
            aid = row.get("article_id")
            if aid not in articles:
                yield problem("fk-article-missing", article=where.get(str(aid)), table=table,
                              row_key=_key(table, row), field="article_id", detail=aid)
            if column is None:
                continue
            value = row.get(column)
            refs = value if isinstance(value, list) else [value] if value else []
            for ref in refs:
                if (aid, ref) not in actors:
                    yield problem("fk-actor-missing", article=where.get(str(aid)), table=table,
                                  row_key=_key(table, row), field=column, detail=ref)


def member_ids(source: Source, derived: Collection[str] = tuple(MEMBERS)) -> dict[str, set[str]]:
    """What rows of the `derived` tables may list as members: `article_id/actor_id` of actors,
    meeting_ids, statement_ids; read from rows in memory or from the Parquet files of a release."""
    wanted = {MEMBERS[t][1] for t in derived}
    out: dict[str, set[str]] = {t: set() for t in wanted}
    if "actors" in wanted:
        for chunk in read_columns(source, "actors", ("article_id", "actor_id")):
            out["actors"].update(f"{a}/{b}" for a, b in zip(chunk["article_id"], chunk["actor_id"], strict=True))
    for table, column in (("meetings", "meeting_id"), ("statements", "statement_id")):
        for chunk in read_columns(source, table, (column,)) if table in wanted else ():
            out[table].update(chunk[column])
    return out


def check_members(tables: Mapping[str, Rows], known: Mapping[str, Collection[str]],
                  entities: Collection[str] | None = None) -> Iterator[Problem]:
    """Every member of a derived row is a row of its per-article table (`known`: `member_ids`), and
    every entity a meeting event or quotation names is an entity (`entities`; by default the
    entity_ids of `tables["entities"]`)."""
    if entities is None:
        entities = {r["entity_id"] for r in tables.get("entities", ())}
    for table, (column, target) in MEMBERS.items():
        for row in tables.get(table, ()):
            for ref in row.get(column) or ():
                if ref not in known.get(target, ()):
                    yield problem("fk-member-missing", table=table, row_key=_key(table, row), field=column,
                                  detail=ref, target=target)
            value = row.get(ENTITY_REFERENCES.get(table, ""))
            for entity in value if isinstance(value, list) else [value] if value else []:
                if entity not in entities:
                    yield problem("fk-entity-missing", table=table, row_key=_key(table, row),
                                  field=ENTITY_REFERENCES[table], detail=entity)
