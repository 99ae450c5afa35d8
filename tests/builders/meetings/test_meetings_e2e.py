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


def test_coordinated_meeting_verbs_share_the_subject_not_the_objects() -> None:
    text = ("Sudanese army chief Abdel Fattah al-Burhan arrived in Cairo on Sunday. Burhan held a video call "
            "with Kenyan President William Ruto later that day, and spoke by phone with Turkish President "
            "Recep Tayyip Erdogan on Monday.")
    rows = extract(make_article(text)).meetings
    assert [(r.mode, sorted(r.participants), r.date) for r in rows] == [
        ("video", ["person:abdel-fattah-al-burhan", "person:william-ruto"], dt.date(2024, 3, 17)),  # that day
        ("phone", ["person:abdel-fattah-al-burhan", "person:recep-tayyip-erdogan"], dt.date(2024, 3, 18))]


def test_a_bare_name_without_its_particle_is_the_same_person() -> None:
    text = ("Egyptian President Abdel Fattah el-Sisi met Jordan's King Abdullah II in Cairo. "
            "Sisi said the talks went well.")
    out = extract(make_article(text))
    sisi = next(a for a in out.actors if a.actor_id == "person:abdel-fattah-el-sisi")
    assert sisi.aliases == ["Sisi"] and sisi.mentions == 2
    assert [s.speaker_id for s in out.statements] == ["person:abdel-fattah-el-sisi"]


def test_a_building_that_is_also_an_actor_is_the_venue_not_a_party() -> None:
    text = ("US Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun at the Pentagon on Monday. "
            "A Pentagon statement said the talks were candid.")
    rows = extract(make_article(text)).meetings
    assert [(sorted(r.participants), r.location, r.location_country) for r in rows] == [
        (["person:dong-jun", "person:lloyd-austin"], "the Pentagon", "USA")]


def test_talks_between_two_people_on_the_sidelines_are_one_meeting() -> None:
    text = ("Talks between Brazil's Foreign Minister Mauro Vieira and his Paraguayan counterpart Ruben Ramirez "
            "Lezcano were held on the sidelines of the Mercosur summit on Monday. A Chinese trade delegation led "
            "by Commerce Minister Wang Wentao was received by Vieira at the Planalto Palace on Tuesday.")
    rows = extract(make_article(text)).meetings
    assert [(sorted(r.participants), r.unnamed_participants, r.location) for r in rows] == [
        (["person:mauro-vieira", "person:ruben-ramirez-lezcano"], [], None),
        (["person:mauro-vieira", "person:wang-wentao"], ["A Chinese trade delegation"], "the Planalto Palace")]


def test_a_dateline_after_a_byline_is_still_a_dateline() -> None:
    text = ("By Sana Jamal\n\nISLAMABAD, Aug 30 (Test Wire) — Prime Minister Shehbaz Sharif met local officials "
            "in Kasur on Friday and Chinese envoy Li Ming on Monday.\n")
    out = extract(make_article(text))
    assert "person:test-wire" not in {a.actor_id for a in out.actors}
    assert all(r.date != dt.date(2024, 8, 30) for r in out.meetings)  # the dateline's date is no meeting date
    assert [r.unnamed_participants for r in out.meetings][:1] == [["local officials"]]


def test_a_state_that_modifies_a_group_is_an_unnamed_party() -> None:
    text = "Kenyan President William Ruto met US diplomats in Nairobi on Monday."
    rows = extract(make_article(text)).meetings
    assert [(r.participants, r.unnamed_participants) for r in rows] == [(["person:william-ruto"], ["US diplomats"])]
