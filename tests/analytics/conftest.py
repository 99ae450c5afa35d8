"""A small release written by hand with the project's own Parquet writer (no builders involved)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from newsfacts.consolidate.run import consolidate
from newsfacts.datasets.stream import ReleaseStream
from newsfacts.datasets.writer import dump_json, sort_rows, write_tables
from newsfacts.schema.models import DERIVED_TABLES, TABLES
from newsfacts.schema.version import SCHEMA_VERSION

A1, A2, A3 = "a" * 16, "b" * 16, "c" * 16
PROV = {"sentence_index": 0, "char_start": 0, "char_end": 5, "rule_id": "test.v1"}


def _article(aid: str, publisher: str | None, published: str | None) -> dict[str, Any]:
    return {"article_id": aid, "title": f"Title {aid[0]}", "publisher": publisher, "url": None,
            "published_at": dt.date.fromisoformat(published) if published else None, "language": "en",
            "source_path": f"{aid[0]}.md", "n_chars": 100, "n_sentences": 3}


def _actor(aid: str, actor_id: str, name: str, kind: str, mentions: int,
           aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"article_id": aid, "actor_id": actor_id, "name": name, "kind": kind, "title": None,
            "affiliation": None, "country": None, "aliases": list(aliases), "mentions": mentions, **PROV}


def _meeting(mid: str, aid: str, participants: list[str], date: str | None) -> dict[str, Any]:
    return {"meeting_id": mid, "article_id": aid, "participants": participants, "unnamed_participants": [],
            "mode": "in_person", "location": None, "location_country": None,
            "date": dt.date.fromisoformat(date) if date else None, "date_text": "Sunday" if date else None,
            "date_precision": "day" if date else None, **PROV}


def _statement(sid: str, aid: str, speaker: str | None, text: str) -> dict[str, Any]:
    return {"statement_id": sid, "article_id": aid, "speaker_id": speaker, "speaker_text": text,
            "quote": "We will talk.", "kind": "direct", "cue": "say", "via": None, **PROV}


def _figure(fid: str, aid: str, value: float, category: str, source: str | None) -> dict[str, Any]:
    return {"figure_id": fid, "article_id": aid, "value": value, "value_max": None, "qualifier": "exact",
            "unit": "person", "category": category, "currency": None, "source_text": source,
            "source_id": None, "text": f"{value:g} people", **PROV}


def hand_tables() -> dict[str, list[dict[str, Any]]]:
    """Three articles; `state:chn` appears in all three, `person:wang-yi` in two."""
    tables = {
        "articles": [_article(A1, "Wire", "2024-03-19"), _article(A2, "Wire", "2024-04-02"),
                     _article(A3, None, None)],
        "actors": [_actor(A1, "state:chn", "China", "state", 3, ("Beijing",)),
                   _actor(A1, "person:wang-yi", "Wang Yi", "person", 2, ("Wang",)),
                   _actor(A1, "state:qat", "Qatar", "state", 1),
                   _actor(A2, "state:chn", "China", "state", 1),
                   _actor(A2, "person:wang-yi", "Foreign Minister Wang Yi", "person", 1),
                   _actor(A3, "state:chn", "China", "state", 2)],
        "meetings": [_meeting("m1", A1, ["person:wang-yi", "state:qat"], "2024-03-17"),
                     _meeting("m2", A2, ["person:wang-yi", "state:qat"], "2024-04-01"),
                     _meeting("m3", A2, ["state:chn"], None)],
        "statements": [_statement("s1", A1, "person:wang-yi", "Wang Yi"),
                       _statement("s2", A2, "person:wang-yi", "Wang Yi"),
                       _statement("s3", A3, None, "rights groups")],
        "figures": [_figure("f1", A1, 1200.0, "killed", "Israel"), _figure("f2", A1, 250.0, "hostages", None),
                    _figure("f3", A2, 15.0, "killed", "the ministry")],
    }
    for name, rows in tables.items():
        for row in rows:
            TABLES[name].model_validate(row)
    return tables


def write_release(folder: Path, tables: dict[str, list[dict[str, Any]]]) -> Path:
    """Write `tables` as the pipeline does (streamed Parquet files plus manifest.json)."""
    folder.mkdir(parents=True, exist_ok=True)
    stream = ReleaseStream(folder)
    stream.write({name: sort_rows(name, rows) for name, rows in tables.items()})
    files = stream.close()
    files.update(write_tables(folder, consolidate(tables), DERIVED_TABLES))
    dump_json(folder / "manifest.json", {"format_version": "1", "name": "newsfacts", "release_version": "0.1.0",
                                         "schema_version": SCHEMA_VERSION, "tables": files})
    return folder


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hand-written release folder, shared by the tests that only read it."""
    return write_release(tmp_path_factory.mktemp("rel") / "0.1.0", hand_tables())


@pytest.fixture
def fresh_release(tmp_path: Path) -> Path:
    """A hand-written release the test may damage."""
    return write_release(tmp_path / "0.1.0", hand_tables())
