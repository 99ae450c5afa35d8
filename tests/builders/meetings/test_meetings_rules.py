"""Tests of individual meeting rules: one hand-written sentence (or two) per rule."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.builders.meetings.build import dateline_place
from tests.builders.meetings.test_meetings import meetings


def test_meetings_brought_together() -> None:
    [row] = meetings("Norway brought the envoys of Peru and Chile together in Oslo in February.")
    assert "state:nor" in row.participants
    assert row.rule_id == "meetings.brought_together.v1"
    assert (row.location_country, row.date, row.date_precision) == ("NOR", dt.date(2024, 2, 1), "month")


def test_meetings_round_of_negotiations() -> None:
    [row] = meetings("Kenya and Uganda concluded a third round of border negotiations in Nairobi on Friday.")
    assert row.participants == ["state:ken", "state:uga"]
    assert (row.location_country, row.date) == ("KEN", dt.date(2024, 3, 15))


def test_meetings_relative_clause_held() -> None:
    text = "Rojas briefed reporters on a meeting he had held in Quito last week with Ana Soto."
    [row] = meetings(text, published_at="2024-05-22")
    assert row.participants == ["person:ana-soto", "person:pablo-rojas"]
    assert (row.location_country, row.date, row.date_precision) == ("ECU", dt.date(2024, 5, 1), "month")


def test_meetings_who_subject() -> None:
    [row] = meetings("Peru sent Ana Soto, who also attended a working session with Rojas by video link.")
    assert row.participants == ["person:ana-soto", "person:pablo-rojas"]
    assert row.mode == "video"


def test_meetings_gerund_after_meeting_takes_the_speaker() -> None:
    text = "Trade will grow, Virtanen said on Thursday, after meeting Rojas in Quito."
    [row] = meetings(text)
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]
    assert row.date is None  # "said on Thursday" dates the statement, not the meeting


def test_meetings_event_names_are_not_parties() -> None:
    [row] = meetings("On the sidelines of the NATO summit in Madrid, Virtanen met Rojas.")
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]
    assert row.location_country == "ESP"


@pytest.mark.parametrize("text", [
    "The council welcomed Peru's decision on Monday.",
    "Chile's foreign ministry said it had not received a formal request to host talks.",
])
def test_meetings_possessive_things_and_unsent_requests_are_not_meetings(text: str) -> None:
    assert meetings(text) == []


def test_meetings_summit_at_dateline_city() -> None:
    text = "MADRID, June 26 — NATO leaders agreed at the summit on Wednesday to raise spending."
    assert dateline_place(text, text.index("NATO")) == ("Madrid", "ESP")
    [row] = meetings(text, published_at="2025-06-26")
    assert (row.participants, row.location_country) == (["org:nato"], "ESP")
    assert row.date == dt.date(2025, 6, 25)


def test_meetings_unknown_town_takes_the_article_country() -> None:
    text = "Floods hit Peru and Lima declared an emergency. Soto met village elders in Qxuyapampa on Monday."
    [row] = meetings(text)
    assert (row.location, row.location_country) == ("Qxuyapampa", "PER")


def test_meetings_led_by_joins_the_last_meeting() -> None:
    text = "Peru hosted a delegation from Chile in Lima on Monday. The delegation was led by Pablo Rojas."
    [row] = meetings(text)
    assert row.participants == ["person:pablo-rojas", "state:chl", "state:per"]


def test_meetings_declined_comment_adds_nobody() -> None:
    text = "Virtanen met Rojas in Quito on Monday. Chile declined to comment on the talks."
    [row] = meetings(text)
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]


def test_meetings_continuation_inherits_date_and_place() -> None:
    text = "Virtanen held talks with Rojas in Quito on Tuesday. Virtanen also met Ana Soto during the visit."
    rows = meetings(text)
    assert len(rows) == 2
    assert {(r.location_country, r.date) for r in rows} == {("ECU", dt.date(2024, 3, 19))}


def test_meetings_fronted_call_takes_the_main_clause() -> None:
    [row] = meetings("In a phone call on Tuesday, Virtanen told Rojas that Chile would help.")
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]
    assert (row.mode, row.date) == ("phone", dt.date(2024, 3, 19))


def test_meetings_passive_received_by() -> None:
    [row] = meetings("Virtanen was received by Rojas in Quito on Monday.")
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]
    assert row.rule_id == "meetings.received.v1"


def test_meetings_in_a_meeting_with() -> None:
    [row] = meetings("Soto raised the issue in a meeting with Rojas in Lima on Friday.")
    assert row.participants == ["person:ana-soto", "person:pablo-rojas"]
    assert row.location_country == "PER"


def test_meetings_organization_in_a_title_is_not_a_party() -> None:
    [row] = meetings("Andean Community foreign policy chief Ana Soto hosted Rojas in Lima on Monday.")
    assert row.participants == ["person:ana-soto", "person:pablo-rojas"]


def test_meetings_coordinated_demonyms_are_one_unnamed_group() -> None:
    [row] = meetings("Peruvian and Chilean mediators met Rojas in Quito yesterday.")
    assert row.unnamed_participants == ["Peruvian and Chilean mediators"]
    assert row.date == dt.date(2024, 3, 18)


def test_meetings_later_inherits_the_date_of_the_meeting_before() -> None:
    text = "Virtanen held talks with Rojas in Lima on Monday. Virtanen later flew to Quito, where she met Ana Soto."
    rows = meetings(text)
    assert [(r.location_country, r.date) for r in rows] == [("PER", dt.date(2024, 3, 18)),
                                                          ("ECU", dt.date(2024, 3, 18))]
    assert rows[1].participants == ["person:aino-virtanen", "person:ana-soto"]


@pytest.mark.parametrize("text", [
    "The proposal met with criticism from the Andean Community.",
    "Norway hosted a million refugees from Peru in 2015.",
    "Her demands were met by Chile on Friday.",
])
def test_meetings_things_and_amounts_are_not_parties(text: str) -> None:
    assert meetings(text) == []


def test_meetings_preposition_governor_is_not_blocked_by_an_earlier_infinitive() -> None:
    [row] = meetings("Peru and Chile agreed to restore ties after talks in Quito mediated by Norway.")
    assert row.participants == ["state:chl", "state:nor", "state:per"]
    assert row.location_country == "ECU"


def test_meetings_sidelines_event_is_not_a_party() -> None:
    [row] = meetings("Virtanen met Rojas on the sidelines of the Andean Community summit in Lima.")
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]


def test_meetings_sentence_before_about_others_gives_no_date() -> None:
    text = "Talks in Lima stalled on Sunday. Virtanen met Rojas on the sidelines of the summit."
    [row] = meetings(text)
    assert row.date is None


def test_meetings_over_the_phone_and_telephoned() -> None:
    [a] = meetings("Virtanen spoke over the phone with Rojas last Tuesday.")
    assert (a.mode, a.date) == ("phone", dt.date(2024, 3, 19))
    [b] = meetings("Virtanen telephoned Rojas on Sunday.")
    assert (b.mode, b.rule_id) == ("phone", "meetings.phone.v1")


def test_meetings_welcomed_to_a_venue() -> None:
    [row] = meetings("Virtanen welcomed Peru's envoy Pablo Rojas to the White House on Monday.")
    assert (row.location, row.location_country) == ("the White House", "USA")
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]


def test_meetings_meeting_between_took_place() -> None:
    [row] = meetings("A meeting between Virtanen and Chile's envoy Pablo Rojas took place in Quito two days ago.")
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]
    assert (row.location_country, row.date) == ("ECU", dt.date(2024, 3, 17))


def test_meetings_led_by_outside_a_meeting_adds_nobody() -> None:
    text = "Virtanen met Rojas in Quito on Monday. A coalition led by Chile launched a new plan."
    [row] = meetings(text)
    assert row.participants == ["person:aino-virtanen", "person:pablo-rojas"]


def test_meetings_then_met_is_another_meeting() -> None:
    rows = meetings("Virtanen met officials in Lima. She then met Rojas.")
    assert [r.participants for r in rows] == [["person:aino-virtanen"],
                                              ["person:aino-virtanen", "person:pablo-rojas"]]
