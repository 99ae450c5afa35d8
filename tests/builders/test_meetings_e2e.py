"""End-to-end: the meetings builder on the real actors builder's mentions (through `extract`)."""

from __future__ import annotations

import datetime as dt

from newsfacts.builders import extract
from tests.conftest import make_article

TEXT = ("Finnish Foreign Minister Aino Virtanen met Chilean Foreign Minister Pablo Rojas in Lyon on Sunday, "
        "the Finnish foreign ministry said. Later on Monday, Virtanen spoke by phone with Peru's foreign "
        "minister, Ana Soto. Virtanen will meet Rojas again next month.")


def test_meetings_through_extract() -> None:
    rows = extract(make_article(TEXT)).meetings
    assert [(r.mode, r.date, r.location_country) for r in rows] == [
        ("in_person", dt.date(2024, 3, 17), "FRA"), ("phone", dt.date(2024, 3, 18), None)]
    assert all(len(r.participants) >= 2 for r in rows)
    assert all(p.startswith("person:") for r in rows for p in r.participants)


def test_meetings_through_extract_is_deterministic() -> None:
    assert extract(make_article(TEXT)).meetings == extract(make_article(TEXT)).meetings
