"""Per-article rows written by hand for consolidation tests (only the columns consolidation reads
need care; the rest are valid placeholders)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsfacts.schema.models import ARTICLE_TABLES

PROV = {"sentence_index": 0, "char_start": 0, "char_end": 5, "rule_id": "test.v1"}
KINDS = {"person": "person", "org": "organization", "state": "state"}
Row = dict[str, Any]


def aid(n: int) -> str:
    """The n-th test article id (16 hex characters)."""
    return f"{n:016x}"


def article(n: int, published: str | None) -> Row:
    """An articles row."""
    return {"article_id": aid(n), "title": f"Story {n}", "publisher": "Wire", "url": None,
            "published_at": dt.date.fromisoformat(published) if published else None, "language": "en",
            "source_path": f"{n}.md", "n_chars": 100, "n_sentences": 3}


def actor(n: int, actor_id: str, name: str, aliases: tuple[str, ...] = (), country: str | None = None) -> Row:
    """An actors row of article n."""
    return {"article_id": aid(n), "actor_id": actor_id, "name": name, "kind": KINDS[actor_id.split(":")[0]],
            "title": None, "affiliation": None, "country": country, "aliases": sorted(aliases), "mentions": 1,
            **PROV}


def meeting(n: int, key: str, participants: list[str], date: str | None = None, precision: str = "day",
            country: str | None = None, location: str | None = None, mode: str = "in_person") -> Row:
    """A meetings row of article n (`key` makes the meeting_id unique)."""
    return {"meeting_id": f"{aid(n)}-{key}", "article_id": aid(n), "participants": sorted(participants),
            "unnamed_participants": [], "mode": mode, "location": location or country,
            "location_country": country, "date": dt.date.fromisoformat(date) if date else None,
            "date_text": date, "date_precision": precision if date else None, **PROV}


def statement(n: int, key: str, speaker_id: str | None, speaker_text: str, quote: str, kind: str = "direct") -> Row:
    """A statements row of article n."""
    return {"statement_id": f"{aid(n)}-{key}", "article_id": aid(n), "speaker_id": speaker_id,
            "speaker_text": speaker_text, "quote": quote, "kind": kind, "cue": "say", "via": None, **PROV}


def tables(*rows: Row) -> dict[str, list[Row]]:
    """Rows sorted into their tables by their id column."""
    out: dict[str, list[Row]] = {t: [] for t in ARTICLE_TABLES}
    for row in rows:
        table = ("meetings" if "meeting_id" in row else "statements" if "statement_id" in row
                 else "actors" if "actor_id" in row else "articles")
        out[table].append(row)
    return out
