"""Tests of the meetings builder over hand-written sentences with hand-made actor mentions."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest

from newsfacts.builders.actors.mentions import ActorIndex, Mention
from newsfacts.builders.meetings.build import build_meetings, dateline_end
from newsfacts.schema.models import MeetingRow
from tests.conftest import make_doc

# Surface form → (actor id, kind): the actors of every test text.
ACTORS = {
    "Aino Virtanen": ("person:aino-virtanen", "person"), "Virtanen": ("person:aino-virtanen", "person"),
    "Pablo Rojas": ("person:pablo-rojas", "person"), "Rojas": ("person:pablo-rojas", "person"),
    "Ana Soto": ("person:ana-soto", "person"), "Soto": ("person:ana-soto", "person"),
    "Chile": ("state:chl", "state"), "Peru": ("state:per", "state"), "Bolivia": ("state:bol", "state"),
    "Brazil": ("state:bra", "state"), "Norway": ("state:nor", "state"), "Kenya": ("state:ken", "state"),
    "Uganda": ("state:uga", "state"), "NATO": ("org:nato", "organization"),
    "Andean Community": ("org:andean-community", "organization"),
}


def index_for(text: str) -> ActorIndex:
    """Mentions of the ACTORS forms in the text (longest form first, no overlaps)."""
    found: list[Mention] = []
    taken: set[int] = set()
    for form in sorted(ACTORS, key=len, reverse=True):
        aid, kind = ACTORS[form]
        for m in re.finditer(r"\b" + re.escape(form) + r"\b", text):
            if not taken.intersection(range(m.start(), m.end())):
                taken.update(range(m.start(), m.end()))
                found.append(Mention(m.start(), m.end(), aid, kind, form))
    return ActorIndex([], found)


def meetings(text: str, published_at: str | None = "2024-03-19") -> list[MeetingRow]:
    doc = make_doc(text, published_at)
    rows, problems = build_meetings(doc, index_for(doc.body))
    assert problems == []
    for r in rows:
        assert r.char_end > r.char_start
        assert r.sentence_index == doc.sentence_index(r.char_start)
    return rows


def test_meetings_met_with_place_date_and_role_modifier() -> None:
    text = "Finnish envoy Aino Virtanen met Chile's ambassador, Pablo Rojas, in Lyon on Sunday."
    [row] = meetings(text)
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]
    assert (row.mode, row.location, row.location_country) == ("in_person", "Lyon", "FRA")
    assert (row.date, row.date_text, row.date_precision) == (dt.date(2024, 3, 17), "Sunday", "day")
    assert row.rule_id == "meetings.met.v1"
    assert text[row.char_start:row.char_end].startswith("Finnish envoy Aino Virtanen met")


@pytest.mark.parametrize(("text", "mode"), [
    ("Aino Virtanen spoke by phone with Pablo Rojas on Thursday.", "phone"),
    ("Virtanen had spoken by telephone on Thursday with Rojas, her office said.", "phone"),
    ("Virtanen held a video call with Pablo Rojas on Thursday.", "video"),
    ("Virtanen and Rojas held a two-hour video conference on Thursday.", "video"),
])
def test_meetings_remote_modes_have_no_place(text: str, mode: str) -> None:
    [row] = meetings(text)
    assert row.mode == mode
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]
    assert (row.location, row.location_country) == (None, None)
    assert row.date == dt.date(2024, 3, 14)


@pytest.mark.parametrize("text", [
    "Virtanen did not meet Rojas in Quito.",
    "Virtanen will meet Rojas in Quito next week.",
    "Virtanen and Rojas are expected to hold talks in Quito next month.",
    "Lima denied reports that Virtanen had met Rojas in Quito.",
    "Peru said it was ready to host talks between Virtanen and Rojas.",
    "The ministry met its targets last year, Rojas said.",
    "Peru received 300 applications from Chile.",
    "Virtanen visited Quito on Monday.",
    "Rojas told a news conference in Lima that talks would resume.",
])
def test_meetings_negated_planned_or_not_meetings(text: str) -> None:
    assert meetings(text) == []


def test_meetings_coordinated_subject() -> None:
    [row] = meetings("Virtanen and Rojas met in Quito on Monday and signed a trade accord.")
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]
    assert row.location_country == "ECU"
    assert row.date == dt.date(2024, 3, 18)


def test_meetings_hosted_delegation_is_one_meeting() -> None:
    [row] = meetings("Norway hosted a delegation from Peru, Chile and Bolivia in Oslo in November.")
    assert row.participants == ["state:bol", "state:chl", "state:nor", "state:per"]
    assert (row.location, row.location_country) == ("Oslo", "NOR")
    assert (row.date, row.date_precision) == (dt.date(2023, 11, 1), "month")
    assert row.rule_id == "meetings.hosted.v1"


def test_meetings_host_state_is_the_place_when_none_is_written() -> None:
    [row] = meetings("Peru also hosted a delegation from Chile in December.")
    assert (row.location, row.location_country) == ("Peru", "PER")


def test_meetings_also_present_and_back_reference_join_one_row() -> None:
    text = ("Virtanen met Rojas in Quito, the ministry said. Peru's envoy Ana Soto was also present at "
            "the meeting. Virtanen and Rojas discussed trade during their meeting Saturday.")
    [row] = meetings(text)
    assert row.participants == ["person:aino-virtanen", "person:ana-soto", "person:pablo-rojas"]
    assert row.date == dt.date(2024, 3, 16)


def test_meetings_pronoun_subject_and_unnamed_parties() -> None:
    [row] = meetings("Rojas flew to Lima on Friday, where he met local officials and community leaders.")
    assert row.participants == ["person:pablo-rojas"]
    assert "local officials" in row.unnamed_participants[0]
    assert row.location_country == "PER"
    assert row.date == dt.date(2024, 3, 15)


def test_meetings_unnamed_counterparts() -> None:
    [row] = meetings("Rojas met with counterparts in Bolivia on March 10.")
    assert row.participants == ["person:pablo-rojas"]
    assert row.unnamed_participants == ["counterparts"]
    assert (row.location, row.location_country, row.date) == ("Bolivia", "BOL", dt.date(2024, 3, 10))


def test_meetings_sidelines_give_one_row_per_counterpart() -> None:
    rows = meetings("On the sidelines of the summit in Oslo, Virtanen met Rojas and Ana Soto.")
    assert sorted(tuple(r.participants) for r in rows) == [
        ("person:aino-virtanen", "person:ana-soto"), ("person:aino-virtanen", "person:pablo-rojas")]
    assert len({r.meeting_id for r in rows}) == 2


def test_meetings_summit_and_after_talks() -> None:
    [summit] = meetings("NATO leaders ended a two-day summit in Vilnius on Wednesday.")
    assert (summit.participants, summit.location_country) == (["org:nato"], "LTU")
    [talks] = meetings("Kenya and Uganda agreed on Monday to reopen the border after talks in Kampala.")
    assert talks.participants == ["state:ken", "state:uga"]
    assert (talks.location_country, talks.date) == ("UGA", dt.date(2024, 3, 18))


def test_meetings_without_published_at_keep_date_text() -> None:
    [row] = meetings("Virtanen met Rojas in Quito on Sunday.", published_at=None)
    assert (row.date, row.date_text, row.date_precision) == (None, "Sunday", None)
    [dated] = meetings("Virtanen met Rojas in Quito on 5 May 2023.", published_at=None)
    assert (dated.date, dated.date_precision) == (dt.date(2023, 5, 5), "day")


def test_meetings_dateline_and_statement_dates_are_not_meeting_dates() -> None:
    text = "LIMA, March 18 — Virtanen met Rojas in Quito, the ministry said on Monday."
    assert dateline_end(text) > 0
    [row] = meetings(text)
    assert row.date is None


def test_meetings_venue_takes_the_article_country() -> None:
    text = "Police in Lima detained 40 people. Soto met Rojas at the ministry's offices on Monday."
    [row] = meetings(text)
    assert (row.location, row.location_country) == ("the ministry's offices", "PER")


def test_meetings_later_meetings_with_other_dates_stay_apart() -> None:
    text = ("Virtanen spoke by phone with Rojas on Tuesday. Virtanen met Rojas in Quito on Thursday. "
            "Soto met Rojas in Lima on Friday.")
    rows = meetings(text)
    assert [r.mode for r in rows] == ["phone", "in_person", "in_person"]


def test_meetings_are_deterministic() -> None:
    text = "Virtanen met Rojas in Quito on Sunday. Soto held talks with the Andean Community in Lima."
    assert meetings(text) == meetings(text)


def test_meetings_linear_on_long_input() -> None:
    text = " ".join(["Virtanen met Rojas in Quito on Sunday, the ministry said."] * 3000)
    started = time.perf_counter()
    rows = meetings(text)
    assert rows
    assert time.perf_counter() - started < 20
