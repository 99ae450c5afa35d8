"""Sidecar expectations: `<stem>.expect.yaml` next to an article pins rows and minimum counts.

```yaml
min_counts: {actors: 4, statements: 2}
actors:
  - {name: Wang Kejian, kind: person}       # `name` matches the name or an alias
meetings:
  - participants: [Wang Kejian, Ismail Haniyeh]   # names, aliases or actor_ids; all must take part
statements:
  - {speaker: Wang Yi, kind: mixed}         # `speaker` matches speaker_text or the speaker actor
figures:
  - {value: 1200, category: killed, source: Israel}
```

Every other key is a column of the table (see the codebook) and must equal the row's value:
strings compare case-insensitively, numbers with a relative tolerance of 1e-6, a list must be
contained in the row's list. A row expectation is met when at least one row of its table matches
all of its keys. A bad file is an `expect-invalid` problem; an unmet one `expect-missing-row` or
`expect-count`, located at its line in the sidecar.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsfacts.problems import Problem, problem

SUFFIX = ".expect.yaml"
TABLE_NAMES = ("articles", "actors", "meetings", "statements", "figures")
SPECIAL_KEYS = {"actors": ("name",), "meetings": ("participants",), "statements": ("speaker",),
                "figures": ("source",)}
Rows = Mapping[str, Sequence[Mapping[str, Any]]]
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class RowExpectation:
    """One expected row: the table, the values it must have, and its line in the sidecar."""

    table: str
    want: dict[str, Any]
    line: int | None = None


@dataclass
class Expectations:
    """The expectations of one article, or the problems that made its sidecar unreadable."""

    file: str
    rows: list[RowExpectation] = field(default_factory=list)
    min_counts: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def sidecar_path(article_path: Path) -> Path:
    """`<stem>.expect.yaml` next to an article file."""
    return article_path.with_name(article_path.stem + SUFFIX)


def load_expectations(path: Path, file: str) -> Expectations:
    """Read and check a sidecar; `file` is how problems name it."""
    exp = Expectations(file)
    try:
        text = path.read_bytes().decode("utf-8")
        data = yaml.load(text, Loader=_LOADER)
        node = yaml.compose(text, Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        mark = getattr(e, "problem_mark", None)
        exp.problems.append(_invalid(file, mark.line + 1 if mark is not None else None,
                                     str(getattr(e, "problem", None) or getattr(e, "strerror", None) or e)))
        return exp
    if not isinstance(data, dict) or not data:
        exp.problems.append(_invalid(file, 1, "the file must be a non-empty mapping of table names to rows"))
        return exp
    for key, value in data.items():
        line = _line(_child(node, key))
        if key == "min_counts":
            _read_counts(exp, value, _child(node, key), line)
        elif key in TABLE_NAMES:
            _read_rows(exp, str(key), value, _child(node, key), line)
        else:
            exp.problems.append(_invalid(file, line, f"unknown key {key!r} (use min_counts or a table name: "
                                                     f"{', '.join(TABLE_NAMES)})"))
    return exp


def _read_counts(exp: Expectations, value: Any, node: Any, line: int | None) -> None:
    """Parse `min_counts: {table: n}`."""
    if not isinstance(value, dict):
        exp.problems.append(_invalid(exp.file, line, "min_counts must map table names to numbers"))
        return
    for table, count in value.items():
        at = _line(_child(node, table)) or line
        if table not in TABLE_NAMES:
            exp.problems.append(_invalid(exp.file, at, f"min_counts: unknown table {table!r}"))
        elif not isinstance(count, int) or isinstance(count, bool) or count < 0:
            exp.problems.append(_invalid(exp.file, at, f"min_counts.{table} must be a whole number >= 0"))
        else:
            exp.min_counts[table] = (count, at)


def _read_rows(exp: Expectations, table: str, value: Any, node: Any, line: int | None) -> None:
    """Parse the list of row expectations of one table."""
    from newsfacts.schema.columns import columns

    allowed = set(columns(table)) | set(SPECIAL_KEYS.get(table, ()))
    if not isinstance(value, list):
        exp.problems.append(_invalid(exp.file, line, f"{table} must be a list of rows"))
        return
    for i, want in enumerate(value):
        at = _line(node.value[i]) if isinstance(node, yaml.SequenceNode) else line
        if not isinstance(want, dict) or not want:
            exp.problems.append(_invalid(exp.file, at, f"{table}[{i}] must be a non-empty mapping"))
            continue
        unknown = sorted(str(k) for k in want if k not in allowed)
        if unknown:
            exp.problems.append(_invalid(exp.file, at, f"{table}[{i}]: unknown column(s) {', '.join(unknown)}; "
                                                       f"known: {', '.join(sorted(allowed))}"))
            continue
        if table == "meetings" and not _is_str_list(want.get("participants", [])):
            exp.problems.append(_invalid(exp.file, at, f"{table}[{i}].participants must be a list of names"))
            continue
        exp.rows.append(RowExpectation(table, {str(k): v for k, v in want.items()}, at))


def check_expectations(exp: Expectations, tables: Rows) -> list[Problem]:
    """The unmet expectations of an article, given its built rows."""
    out: list[Problem] = []
    for table, (count, line) in exp.min_counts.items():
        found = len(tables.get(table, ()))
        if found < count:
            out.append(problem("expect-count", article=exp.file, line=line, table=table, what=table,
                               limit=count, found=found))
    ids = actor_ids(tables.get("actors", ()))
    for want in exp.rows:
        if not any(matches(want.table, want.want, row, ids) for row in tables.get(want.table, ())):
            detail = json.dumps(want.want, ensure_ascii=False, default=str)
            out.append(problem("expect-missing-row", article=exp.file, line=want.line, table=want.table,
                               what=want.table, detail=detail))
    return out


def actor_ids(actors: Sequence[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Folded names, aliases and ids of the actors → their actor_ids."""
    out: dict[str, set[str]] = {}
    for row in actors:
        aid = str(row.get("actor_id"))
        for name in [row.get("name"), aid, *(row.get("aliases") or [])]:
            if name:
                out.setdefault(fold(str(name)), set()).add(aid)
    return out


def matches(table: str, want: Mapping[str, Any], row: Mapping[str, Any], ids: Mapping[str, set[str]]) -> bool:
    """Does a row have every value of an expectation?"""
    for key, expected in want.items():
        if (table, key) == ("actors", "name"):
            names = [row.get("name"), row.get("actor_id"), *(row.get("aliases") or [])]
            ok = fold(str(expected)) in {fold(str(n)) for n in names if n}
        elif (table, key) == ("meetings", "participants"):
            present = set(row.get("participants") or [])
            ok = all(ids.get(fold(str(name)), set()) & present for name in expected)
        elif (table, key) in (("statements", "speaker"), ("figures", "source")):
            text, ref = ("speaker_text", "speaker_id") if table == "statements" else ("source_text", "source_id")
            ok = _equal(expected, row.get(text)) or row.get(ref) in ids.get(fold(str(expected)), set())
        else:
            ok = _equal(expected, row.get(key))
        if not ok:
            return False
    return True


def _equal(expected: Any, actual: Any) -> bool:
    """Expected value (from YAML) against a row value."""
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, int | float):
        return isinstance(actual, int | float) and math.isclose(expected, actual, rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(expected, list):
        return isinstance(actual, list | tuple) and all(any(_equal(e, a) for a in actual) for e in expected)
    if isinstance(expected, dt.date | str):
        return fold(_text(expected)) == fold(_text(actual))
    return bool(expected == actual)


def _text(value: Any) -> str:
    """A value as text (dates in ISO format)."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def fold(text: str) -> str:
    """Case-, space- and apostrophe-insensitive form of a name or value."""
    return " ".join(text.replace("\u2019", "'").casefold().split())


def _is_str_list(value: Any) -> bool:
    """A non-empty list of strings?"""
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _child(node: Any, key: Any) -> Any:
    """The value node of `key` in a YAML mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == str(key)), None)


def _line(node: Any) -> int | None:
    """1-based line of a YAML node."""
    return node.start_mark.line + 1 if node is not None else None


def _invalid(file: str, line: int | None, detail: str) -> Problem:
    """An `expect-invalid` problem."""
    return problem("expect-invalid", article=file, line=line, detail=detail)
