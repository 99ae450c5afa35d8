"""`meeting_events`: the matching rules one by one, the event's fields, stable ids, any input order."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from newsfacts.consolidate.events import period
from newsfacts.consolidate.run import consolidate
from newsfacts.validators.integrity import member_ids
from newsfacts.validators.run import validate_derived
from tests.consolidate.rows import actor, aid, article, meeting, tables

A, B, C = "person:amal-haddad", "person:bruno-costa", "person:chen-li"
DATES = ["2024-05-10", "2024-05-11", "2024-05-12", "2024-05-13", "2024-05-14", "2024-06-20", None]


def corpus(*meetings: dict[str, Any], dates: list[str | None] = DATES) -> list[dict[str, Any]]:
    """Articles 1..n (published on `dates`), each naming A, B and C, plus the meetings rows."""
    rows: list[dict[str, Any]] = []
    for n, published in enumerate(dates, start=1):
        rows += [article(n, published), actor(n, A, "Amal Haddad"), actor(n, B, "Bruno Costa"),
                 actor(n, C, "Chen Li")]
    return rows + list(meetings)


def events(*rows: dict[str, Any]) -> list[dict[str, Any]]:
    """The meeting_events of the rows (checked like a build checks them)."""
    source = tables(*rows)
    derived = consolidate(source)
    assert validate_derived({**source, **derived}, member_ids(source)) == []
    return derived["meeting_events"]


def grouped(*meetings: dict[str, Any]) -> list[list[str]]:
    """The meeting_ids of each event (keys only: the part after the article id)."""
    return sorted(sorted(m.split("-", 1)[1] for m in e["meeting_ids"]) for e in events(*corpus(*meetings)))


def test_events_equal_participants_same_day() -> None:
    assert grouped(meeting(2, "x", [A, B], "2024-05-09"), meeting(3, "y", [A, B], "2024-05-09")) == [["x", "y"]]


def test_events_subset_needs_two_shared_entities() -> None:
    assert grouped(meeting(2, "x", [A, B, C], "2024-05-09"), meeting(3, "y", [A, B], "2024-05-09")) == [["x", "y"]]
    assert grouped(meeting(2, "x", [A, B], "2024-05-09"), meeting(3, "y", [A], "2024-05-09")) == [["x"], ["y"]]
    assert grouped(meeting(2, "x", [A, B], "2024-05-09"), meeting(3, "y", [A, C], "2024-05-09")) == [["x"], ["y"]]


def test_events_one_participant_rows_match_when_equal() -> None:
    assert grouped(meeting(2, "x", [A], "2024-05-09"), meeting(3, "y", [A], "2024-05-09")) == [["x", "y"]]
    assert grouped(meeting(2, "x", [], "2024-05-09"), meeting(3, "y", [], "2024-05-09")) == [["x"], ["y"]]


@pytest.mark.parametrize(("first", "second", "same"), [
    (("2024-05-09", "day"), ("2024-05-09", "day"), True),
    (("2024-05-09", "day"), ("2024-05-08", "day"), False),
    (("2024-05-09", "day"), ("2024-05-01", "month"), True),
    (("2024-04-30", "day"), ("2024-05-01", "month"), False),
    (("2024-05-01", "month"), ("2024-05-01", "month"), True),
    (("2024-05-01", "month"), ("2024-06-01", "month"), False),
    (("2024-12-31", "day"), ("2024-01-01", "year"), True),
    (("2024-05-01", "month"), ("2024-01-01", "year"), True),
    (("2025-01-01", "day"), ("2024-01-01", "year"), False),
])
def test_events_dates_compatible(first: tuple[str, str], second: tuple[str, str], same: bool) -> None:
    found = grouped(meeting(2, "x", [A, B], first[0], first[1]), meeting(3, "y", [A, B], second[0], second[1]))
    assert found == ([["x", "y"]] if same else [["x"], ["y"]])


def test_events_locations_conflict_only_when_both_known() -> None:
    assert grouped(meeting(2, "x", [A, B], "2024-05-09", country="EGY"),
                   meeting(3, "y", [A, B], "2024-05-09", country="QAT")) == [["x"], ["y"]]
    assert grouped(meeting(2, "x", [A, B], "2024-05-09", country="EGY", location="Cairo"),
                   meeting(3, "y", [A, B], "2024-05-09", country="EGY", location="the Egyptian capital"),
                   meeting(4, "z", [A, B], "2024-05-09", mode="phone")) == [["x", "y", "z"]]


def test_events_undated_joins_a_single_dated_candidate() -> None:
    reports = [meeting(2, "x", [A, B], "2024-05-09", country="EGY"),
               meeting(3, "y", [A, B], "2024-05-09", country="EGY")]
    assert grouped(*reports, meeting(7, "u", [A, B])) == [["u", "x", "y"]]
    assert grouped(*reports, meeting(7, "u", [A, B, C])) == [["u", "x", "y"]]
    assert grouped(*reports, meeting(7, "u", [A, B], country="QAT")) == [["u"], ["x", "y"]]


def test_events_undated_with_two_candidate_events_or_none_stays_alone() -> None:
    assert grouped(meeting(2, "x", [A, B], "2024-05-09"), meeting(6, "y", [A, B], "2024-06-19"),
                   meeting(7, "u", [A, B])) == [["u"], ["x"], ["y"]]
    assert grouped(meeting(6, "u", [A, B]), meeting(7, "v", [A, B])) == [["u"], ["v"]]


def test_events_two_meetings_a_month_apart_are_two_events() -> None:
    assert grouped(meeting(2, "x", [A, B], "2024-05-09", country="EGY"),
                   meeting(6, "y", [A, B], "2024-06-10", country="EGY")) == [["x"], ["y"]]


def test_events_components_chain_through_an_imprecise_date() -> None:
    """The documented limitation: a month report links two reports of different days in that month."""
    assert grouped(meeting(2, "x", [A, B], "2024-05-02"), meeting(3, "y", [A, B], "2024-05-09"),
                   meeting(4, "m", [A, B], "2024-05-01", "month")) == [["m", "x", "y"]]


def test_events_fields() -> None:
    """Most precise date; most frequent location and known mode, 2–2 ties going to the earliest report
    (Egypt, from article 2; in person, from article 3); reports count articles, not rows."""
    [event] = events(*corpus(
        meeting(2, "x", [A, B], "2024-05-01", "month", country="EGY", location="Egypt", mode="unknown"),
        meeting(3, "y", [A, B, C], "2024-05-09", country="EGY", location="Cairo"),
        meeting(4, "z", [A, B], "2024-05-09", country="EGY", location="Cairo", mode="phone"),
        meeting(4, "w", [A, B], "2024-05-09", mode="phone"),
        meeting(5, "v", [A, B], "2024-05-09", country="EGY", location="Egypt", mode="in_person")))
    assert event == {
        "event_id": f"ev-{aid(2)}-x", "participants": [A, B, C], "date": dt.date(2024, 5, 9), "date_precision": "day",
        "location": "Egypt", "location_country": "EGY", "mode": "in_person", "n_reports": 4,
        "first_reported_at": dt.date(2024, 5, 11),
        "meeting_ids": sorted(f"{aid(n)}-{k}" for n, k in ((2, "x"), (3, "y"), (4, "z"), (4, "w"), (5, "v")))}


def test_events_id_is_the_earliest_report_and_stays_when_a_later_one_joins() -> None:
    first = events(*corpus(meeting(3, "y", [A, B], "2024-05-09"), meeting(2, "x", [A, B], "2024-05-09")))
    later = events(*corpus(meeting(3, "y", [A, B], "2024-05-09"), meeting(2, "x", [A, B], "2024-05-09"),
                           meeting(5, "z", [A, B], "2024-05-09")))
    assert first[0]["event_id"] == later[0]["event_id"] == f"ev-{aid(2)}-x"
    undated_article = events(*corpus(meeting(3, "y", [A, B], "2024-05-09"), meeting(7, "z", [A, B], "2024-05-09")))
    assert undated_article[0]["event_id"] == f"ev-{aid(3)}-y"  # articles without published_at sort last


def test_events_do_not_depend_on_row_order() -> None:
    rows = corpus(*(meeting(n, k, parts, date, precision)
                    for n, k, parts, date, precision in [
                        (2, "a", [A, B], "2024-05-09", "day"), (3, "b", [A, B, C], "2024-05-09", "day"),
                        (4, "c", [B, C], "2024-05-01", "month"), (5, "d", [B, C], None, "day"),
                        (6, "e", [A, C], "2024-01-01", "year"), (7, "f", [A, B], None, "day"),
                        (1, "g", [C], "2024-05-03", "day"), (6, "h", [C], "2024-05-03", "day")]))
    expected = consolidate(tables(*rows))
    for seed in range(5):
        shuffled = list(rows)
        random.Random(seed).shuffle(shuffled)
        assert consolidate(tables(*shuffled)) == expected


def test_events_period() -> None:
    assert period(dt.date(2024, 2, 1), "month") == (dt.date(2024, 2, 1).toordinal(), dt.date(2024, 2, 29).toordinal())
    assert period(dt.date(2024, 12, 1), "month")[1] == dt.date(2024, 12, 31).toordinal()
    assert period(None, None) == (None, None)
