"""Readable views of rows, for people: the columns a reader needs, actor ids shown as names.

`newsfacts extract` and `newsfacts explain` print rows through these views; their JSON output
keeps the rows exactly as stored. Besides every stored column, a view offers a few columns made
for reading (`place`, `speaker`, `source`; `participants` and `value` read differently from their
stored form), listed in `READER_COLUMNS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsfacts.errors import UsageError

Row = Mapping[str, Any]

# The columns shown by default, per table (the issue of each table's reader).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("title", "publisher", "published_at"),
    "actors": ("name", "kind", "title", "country"),
    "meetings": ("participants", "date", "place", "mode"),
    "statements": ("speaker", "cue", "kind", "quote"),
    "figures": ("value", "qualifier", "unit", "category", "source"),
}

# Columns made for reading: name → (tables that have it, what it shows).
READER_COLUMNS: dict[str, tuple[tuple[str, ...], str]] = {
    "participants": (("meetings",), "named participants by name, then the unnamed ones as written"),
    "place": (("meetings",), "location with its country code"),
    "speaker": (("statements",), "the speaker actor's name, else the speaker as written"),
    "source": (("figures",), "the source actor's name, else the source as written"),
    "value": (("figures",), "the number, a range as low–high, with its currency"),
}

# The id column of the tables whose rows have one id (actors: ARTICLE_ID/ACTOR_ID; articles: article_id).
ROW_KEYS = {"meetings": "meeting_id", "statements": "statement_id", "figures": "figure_id"}

# Stored columns that hold actor ids of the same article.
ACTOR_ID_COLUMNS = frozenset({"participants", "speaker_id", "source_id"})


def actor_names(actors: Iterable[Row]) -> dict[tuple[str, str], str]:
    """(article_id, actor_id) → name, from actors rows."""
    return {(str(a["article_id"]), str(a["actor_id"])): str(a["name"]) for a in actors}


def number(value: object) -> str:
    """A number as people write it: 1200 → "1,200", 2.5 → "2.5"."""
    if not isinstance(value, int | float):
        return text(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:g}"


def text(value: object) -> str:
    """A stored value as text: lists joined with ", ", dates ISO, nothing for null."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return number(value)
    return str(value)


def cell(table: str, column: str, row: Row, names: Mapping[tuple[str, str], str]) -> str:
    """The readable text of one column of a row; actor ids become names."""
    aid = str(row.get("article_id"))

    def name(actor_id: object) -> str:
        return names.get((aid, str(actor_id)), str(actor_id))

    if column == "participants":
        return ", ".join([name(p) for p in row.get("participants") or []] + list(row.get("unnamed_participants") or []))
    if column in ("speaker_id", "source_id"):
        return name(row[column]) if row.get(column) else ""
    if column == "place":
        where, country = row.get("location"), row.get("location_country")
        return f"{where} ({country})" if where and country else text(where or country)
    if column == "speaker":
        return name(row["speaker_id"]) if row.get("speaker_id") else text(row.get("speaker_text"))
    if column == "source":
        return name(row["source_id"]) if row.get("source_id") else text(row.get("source_text"))
    if column == "value" and table == "figures":
        low = number(row.get("value"))
        value = f"{low}–{number(row['value_max'])}" if row.get("value_max") is not None else low
        return f"{row['currency']} {value}" if row.get("currency") else value
    if column == "date" and row.get("date") is None and row.get("date_text"):
        return f"“{row['date_text']}”"
    return text(row.get(column))


def table_columns(table: str, stored: Sequence[str]) -> list[str]:
    """Every column a table's view can show: the stored ones, then its reader columns."""
    return [*stored, *(c for c, (tables, _) in READER_COLUMNS.items() if table in tables and c not in stored)]


def pick_columns(table: str, stored: Sequence[str], requested: Sequence[str] | None) -> list[str]:
    """The columns to show for a table: the default view, or those of `requested` it has."""
    if not requested:
        return list(DEFAULT_COLUMNS.get(table, stored))
    if list(requested) == ["all"]:
        return list(stored)
    available = table_columns(table, stored)
    return [c for c in requested if c in available]


def check_columns(requested: Sequence[str], stored: Mapping[str, Sequence[str]]) -> None:
    """`UsageError` naming the requested columns that no table has."""
    known = {c for table, cols in stored.items() for c in table_columns(table, cols)} | {"all"}
    unknown = [c for c in requested if c not in known]
    if unknown:
        raise UsageError(f"unknown column(s) {', '.join(unknown)}; columns are {', '.join(sorted(known))}")
