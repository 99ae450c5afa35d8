"""Row isolation: one rule's bad row costs that row, not its article or the release.

The validators only report (they never mutate). When they find errors in an article's tables,
`isolate()` is the safety net the build applies:

1. every row a check points at (JSON Schema, pandera, span or key check) is dropped with a
   `row-invalid` warning naming its table, rule id, evidence text and what was wrong; of rows that
   only share a primary key, the first is kept;
2. references to actors that were dropped are removed (`reference-nulled`): `speaker_id` and
   `source_id` become null while `speaker_text` and `source_text` stay, and the actor leaves a
   meeting's `participants`; a meeting left with fewer than two parties (named or unnamed) is
   dropped too (`meeting-too-few-parties`);
3. what is left is validated again; any error that remains (a cross-table check the drops do not
   settle, a bad `articles` row, a failure no row can be blamed for) rejects the article alone.

The rules are meant to produce valid rows; the fuzz campaign (`fuzz/`) and the odd-article
benchmark count every drop as a finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from newsfacts.articles import Article
from newsfacts.builders import extract
from newsfacts.problems import Problem, problem
from newsfacts.schema.models import PRIMARY_KEYS
from newsfacts.validators import validate_tables

Tables = dict[str, list[dict[str, Any]]]
ROW_CODES = frozenset({"schema-row", "schema-column", "span-outside-body", "span-evidence-mismatch",
                       "duplicate-key"})
EVIDENCE = {"actors": "name", "statements": "quote", "figures": "text"}
REFERENCE_COLUMNS = {"statements": "speaker_id", "figures": "source_id"}


@dataclass
class Isolated:
    """One article's tables after isolation: what is kept, the warnings, and errors that reject it."""

    tables: Tables
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        """True when errors remain and the article cannot go into the release."""
        return bool(self.errors)


def release_rows(article: Article) -> Isolated:
    """The rows a release would hold for one article: extracted, checked and isolated; the
    builders' own problems come first among the warnings."""
    found = extract(article)
    tables = {name: [r.model_dump() for r in rows] for name, rows in found.tables().items()}
    out = isolate(tables, article.body, article.file or article.source_path)
    out.warnings = found.problems + out.warnings
    return out


def row_key(table: str, row: Mapping[str, Any]) -> str:
    """The primary key of a row as the validators write it."""
    return "/".join(str(row.get(k)) for k in PRIMARY_KEYS[table])


def isolate(tables: Tables, body: str, file: str, found: Sequence[Problem] | None = None) -> Isolated:
    """Drop the rows of one article that fail a check, fix references, and validate the rest again.

    `tables` holds the article's rows (dicts, `articles` included), `body` its normalized text,
    `file` the name problems carry; `found` is what the validators already reported for these
    rows (computed when None).
    """
    aid = tables["articles"][0]["article_id"] if tables.get("articles") else None
    where = {str(aid): file} if aid is not None else {}
    bodies = {str(aid): body} if aid is not None else {}
    if found is None:
        found = validate_tables(tables, bodies, where)
    blamed: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for p in found:
        if p.severity == "error" and p.code in ROW_CODES and p.table not in (None, "articles") and p.row_key:
            blamed[(str(p.table), p.row_key)].append(p)
    out = Isolated(tables={})
    gone: set[str] = set()
    for table, rows in tables.items():
        kept, dropped = _split(table, rows, blamed)
        out.tables[table] = kept
        out.warnings += [_invalid(table, row, blamed[(table, row_key(table, row))], body, file) for row in dropped]
        if table == "actors":
            gone = {str(r.get("actor_id")) for r in dropped} - {str(r.get("actor_id")) for r in kept}
    if gone:
        out.warnings += _unlink(out.tables, gone, file)
    left = found if not blamed and not gone else validate_tables(out.tables, bodies, where)
    by_key = {(t, row_key(t, r)): r for t, items in out.tables.items() for r in items}
    out.errors = [_located(p, by_key.get((p.table or "", p.row_key or "")), body)
                  for p in left if p.severity == "error"]
    return out


def evidence_of(table: str, row: Mapping[str, Any], body: str) -> str | None:
    """The evidence text of a row: the body at its span, else its own text column."""
    start, end = row.get("char_start"), row.get("char_end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
        return body[start:end]
    value = row.get(EVIDENCE.get(table, ""))
    return str(value) if value is not None else None


def _located(p: Problem, row: Mapping[str, Any] | None, body: str) -> Problem:
    """A problem of a row with the row's evidence text and rule id, so that it can be found in the file."""
    if row is None or p.table is None:
        return p
    return replace(p, evidence=p.evidence or evidence_of(p.table, row, body),
                   rule_id=p.rule_id or row.get("rule_id"))


def _split(table: str, rows: Sequence[dict[str, Any]],
           blamed: Mapping[tuple[str, str], Sequence[Problem]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(kept, dropped) rows of a table; of rows blamed only for sharing a key, the first is kept."""
    kept: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in rows:
        key = row_key(table, row)
        found = blamed.get((table, key))
        if found and (not all(_uniqueness(p) for p in found) or key in seen):
            dropped.append(row)
        else:
            kept.append(row)
        seen.add(key)
    return kept, dropped


def _uniqueness(p: Problem) -> bool:
    """Is the problem only that the key occurs more than once?"""
    return p.code == "duplicate-key" or "uniqueness" in p.message


def _invalid(table: str, row: Mapping[str, Any], found: Sequence[Problem], body: str, file: str) -> Problem:
    """The `row-invalid` warning of a dropped row: rule id, evidence text and every reason."""
    detail = "; ".join(dict.fromkeys(f"{p.code}" + (f" ({p.field})" if p.field else "") + f": {p.message}"
                                     for p in found))
    fields = [p.field for p in found if p.field]
    return problem("row-invalid", article=file, table=table, row_key=row_key(table, row),
                   field=fields[0] if fields else None, evidence=evidence_of(table, row, body),
                   rule_id=str(row.get("rule_id")) if row.get("rule_id") else None, detail=detail)


def _unlink(tables: Tables, gone: set[str], file: str) -> list[Problem]:
    """Remove references to dropped actors; drop meetings left with fewer than two parties."""
    warnings: list[Problem] = []
    for table, column in REFERENCE_COLUMNS.items():
        rows = tables.get(table, [])
        for i, row in enumerate(rows):
            if row.get(column) in gone:
                warnings.append(problem("reference-nulled", article=file, table=table, row_key=row_key(table, row),
                                        field=column, rule_id=row.get("rule_id"), detail=row[column]))
                rows[i] = {**row, column: None}
    meetings: list[dict[str, Any]] = []
    for row in tables.get("meetings", []):
        lost = [a for a in row.get("participants") or [] if a in gone]
        if not lost:
            meetings.append(row)
            continue
        left = [a for a in row["participants"] if a not in gone]
        parties = len(left) + len(row.get("unnamed_participants") or [])
        key = row_key("meetings", row)
        if parties < 2:
            warnings.append(problem("meeting-too-few-parties", article=file, table="meetings", row_key=key,
                                    field="participants", rule_id=row.get("rule_id"), found=parties,
                                    detail=", ".join(lost)))
            continue
        warnings += [problem("reference-nulled", article=file, table="meetings", row_key=key, field="participants",
                             rule_id=row.get("rule_id"), detail=a) for a in lost]
        meetings.append({**row, "participants": left})
    if "meetings" in tables:
        tables["meetings"] = meetings
    return warnings


__all__ = ["Isolated", "isolate", "release_rows", "row_key"]
