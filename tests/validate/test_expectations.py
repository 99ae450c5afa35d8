"""Sidecar expectations: reading (with located errors) and matching against hand-built rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from newsfacts.validators.expectations import check_expectations, load_expectations, sidecar_path

ACTORS = [
    {"article_id": "a", "actor_id": "person:wang-yi", "name": "Wang Yi", "kind": "person", "aliases": ["Wang"]},
    {"article_id": "a", "actor_id": "org:hamas", "name": "Hamas", "kind": "organization", "aliases": []},
    {"article_id": "a", "actor_id": "state:qat", "name": "Qatar", "kind": "state", "aliases": ["Doha"]},
]
TABLES: dict[str, list[dict[str, Any]]] = {
    "articles": [{"article_id": "a", "published_at": dt.date(2024, 3, 19)}],
    "actors": ACTORS,
    "meetings": [{"meeting_id": "m1", "participants": ["org:hamas", "person:wang-yi"], "mode": "in_person",
                  "date": dt.date(2024, 3, 17), "location_country": "QAT"}],
    "statements": [{"statement_id": "s1", "speaker_id": "person:wang-yi", "speaker_text": "Wang Yi",
                    "kind": "mixed", "cue": "say"},
                   {"statement_id": "s2", "speaker_id": None, "speaker_text": "rights groups", "kind": "indirect"}],
    "figures": [{"figure_id": "f1", "value": 1200.0, "category": "killed", "qualifier": "more_than",
                 "source_text": "Israel", "source_id": None}],
}


def sidecar(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a.expect.yaml"
    path.write_text(text)
    return path


def unmet(tmp_path: Path, text: str) -> list[tuple[str, int | None]]:
    """(code, line) of each unmet expectation of a sidecar against TABLES."""
    exp = load_expectations(sidecar(tmp_path, text), "a.expect.yaml")
    assert exp.problems == []
    return [(p.code, p.line) for p in check_expectations(exp, TABLES)]


def test_expectations_sidecar_path() -> None:
    assert sidecar_path(Path("seeds/x.md")) == Path("seeds/x.expect.yaml")


@pytest.mark.parametrize("text", [
    "actors:\n  - {name: wang   yi, kind: PERSON}\n",
    "actors:\n  - {name: Doha}\n  - {name: 'state:qat', country: null}\n",
    "meetings:\n  - participants: [Wang, 'org:hamas']\n    date: 2024-03-17\n    location_country: qat\n",
    "statements:\n  - {speaker: Wang, kind: mixed}\n  - {speaker: Rights Groups}\n",
    "figures:\n  - {value: 1200, category: killed, source: Israel}\n  - {value: 1200.0000001}\n",
    "articles:\n  - {published_at: 2024-03-19}\n",
    "min_counts: {actors: 3, statements: 2, figures: 1, meetings: 0}\n",
])
def test_expectations_met(tmp_path: Path, text: str) -> None:
    assert unmet(tmp_path, text) == []


def test_expectations_unmet_are_located(tmp_path: Path) -> None:
    text = ("min_counts:\n  meetings: 2\n"
            "actors:\n  - {name: Wang Kejian}\n"
            "meetings:\n  - participants: [Wang Yi, Qatar]\n"
            "statements:\n  - {speaker: Hamas}\n  - {speaker: Wang Yi, kind: direct}\n"
            "figures:\n  - {value: 1200, category: injured}\n")
    assert unmet(tmp_path, text) == [("expect-count", 2), ("expect-missing-row", 4), ("expect-missing-row", 6),
                                     ("expect-missing-row", 8), ("expect-missing-row", 9),
                                     ("expect-missing-row", 11)]


@pytest.mark.parametrize(("text", "line"), [
    ("actors: [unclosed\n", 2),
    ("", 1),
    ("- just a list\n", 1),
    ("people:\n  - {name: X}\n", 2),
    ("actors:\n  - {name: X, colour: red}\n", 2),
    ("actors:\n  name: X\n", 2),
    ("actors:\n  - {}\n", 2),
    ("meetings:\n  - {participants: Wang Yi}\n", 2),
    ("min_counts: {actors: -1}\n", 1),
    ("min_counts: {people: 1}\n", 1),
    ("min_counts: 3\n", 1),
])
def test_expectations_invalid_file(tmp_path: Path, text: str, line: int) -> None:
    exp = load_expectations(sidecar(tmp_path, text), "a.expect.yaml")
    assert [(p.code, p.line) for p in exp.problems] == [("expect-invalid", line)]
    assert exp.problems[0].article == "a.expect.yaml"


def test_expectations_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.expect.yaml"
    path.write_bytes(b"actors:\n  - {name: Bras\xedlia}\n")
    assert [p.code for p in load_expectations(path, "a.expect.yaml").problems] == ["expect-invalid"]
