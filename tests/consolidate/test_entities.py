"""`entities`: one row per actor across articles; short forms join a full name only when one fits."""

from __future__ import annotations

from typing import Any

from newsfacts.consolidate.run import consolidate
from newsfacts.validators.integrity import member_ids
from newsfacts.validators.run import validate_derived
from tests.consolidate.rows import actor, aid, article, tables


def entities(*rows: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The entities of the rows by entity_id (checked like a build checks them)."""
    source = tables(*rows)
    derived = consolidate(source)
    assert validate_derived({**source, **derived}, member_ids(source)) == []
    return {r["entity_id"]: r for r in derived["entities"]}


def test_entities_one_word_name_joins_the_one_full_name_it_fits() -> None:
    found = entities(article(1, "2024-03-01"), article(2, "2024-03-02"),
                     actor(1, "person:xi-jinping", "Xi Jinping", country="CHN"),
                     actor(2, "person:xi", "Xi", country="CHN"))
    assert list(found) == ["person:xi-jinping"]
    xi = found["person:xi-jinping"]
    assert (xi["name"], xi["kind"], xi["country"], xi["n_articles"]) == ("Xi Jinping", "person", "CHN", 2)
    assert xi["names"] == ["Xi", "Xi Jinping"]
    assert xi["members"] == [f"{aid(1)}/person:xi-jinping", f"{aid(2)}/person:xi"]


def test_entities_last_name_fits_too() -> None:
    found = entities(article(1, "2024-03-01"), article(2, "2024-03-02"),
                     actor(1, "person:joe-biden", "Joe Biden"), actor(2, "person:biden", "Biden"))
    assert list(found) == ["person:joe-biden"]


def test_entities_a_short_form_that_fits_two_full_names_stays_apart() -> None:
    found = entities(article(1, "2024-03-01"), article(2, "2024-03-02"), article(3, "2024-03-03"),
                     actor(1, "person:wang-yi", "Wang Yi", ("Wang",)), actor(2, "person:wang-kejian", "Wang Kejian"),
                     actor(3, "person:wang", "Wang"))
    assert sorted(found) == ["person:wang", "person:wang-kejian", "person:wang-yi"]
    assert found["person:wang"]["members"] == [f"{aid(3)}/person:wang"]


def test_entities_alias_seen_elsewhere_fits_an_organization() -> None:
    found = entities(article(1, "2024-03-01"), article(2, "2024-03-02"),
                     actor(1, "org:united-nations", "United Nations", ("UN",)), actor(2, "org:un", "UN"))
    assert list(found) == ["org:united-nations"]
    assert found["org:united-nations"]["names"] == ["UN", "United Nations"]


def test_entities_kinds_do_not_mix_and_states_are_their_iso_code() -> None:
    found = entities(article(1, "2024-03-01"), article(2, "2024-03-02"),
                     actor(1, "state:jor", "Jordan", ("Amman",), country="JOR"),
                     actor(2, "state:jor", "Jordanian government", country="JOR"),
                     actor(2, "person:michael-jordan", "Michael Jordan"), actor(1, "person:jordan", "Jordan"))
    assert sorted(found) == ["person:michael-jordan", "state:jor"]  # the person "Jordan" fits Michael Jordan only
    assert found["state:jor"]["names"] == ["Amman", "Jordan", "Jordanian government"]
    assert found["state:jor"]["n_articles"] == 2


def test_entities_one_word_alias_seen_elsewhere_fits_a_person() -> None:
    found = entities(article(1, "2024-03-01"), article(2, "2024-03-02"),
                     actor(1, "person:luiz-inacio-lula-da-silva", "Luiz Inacio Lula da Silva", ("Lula",)),
                     actor(2, "person:lula", "Lula"))
    assert list(found) == ["person:luiz-inacio-lula-da-silva"]


def test_entities_full_names_of_people_never_join() -> None:
    """One article's alias can link two people (a builder's slip, or a name inside another's):
    a two-word name is a full name, so nothing follows it; "Biden" then fits two and stays apart."""
    found = entities(article(1, "2024-03-01"), article(2, "2024-03-02"), article(3, "2024-03-03"),
                     actor(1, "person:joseph-robinette-biden", "Joseph Robinette Biden", ("Joe Biden",)),
                     actor(2, "person:joe-biden", "Joe Biden"), actor(3, "person:biden", "Biden"))
    assert sorted(found) == ["person:biden", "person:joe-biden", "person:joseph-robinette-biden"]


def test_entities_an_organization_short_form_passes_on() -> None:
    found = entities(article(1, "2024-03-01"), article(2, "2024-03-02"), article(3, "2024-03-03"),
                     actor(1, "org:international-monetary-fund", "International Monetary Fund", ("Monetary Fund",)),
                     actor(2, "org:monetary-fund", "Monetary Fund", ("Fund",)), actor(3, "org:fund", "Fund"))
    assert list(found) == ["org:international-monetary-fund"]
    assert found["org:international-monetary-fund"]["n_articles"] == 3


def test_entities_country_and_name_most_frequent_ties_to_the_earliest() -> None:
    rows = [article(1, "2024-03-05"), article(2, "2024-03-01"), article(3, None),
            actor(1, "person:ana-lima", "Ana Lima", country="BRA"),
            actor(2, "person:ana-lima", "Ana Maria Lima", country="PRT"),
            actor(3, "person:ana-lima", "Ana Lima")]
    found = entities(*rows)["person:ana-lima"]
    assert (found["country"], found["name"]) == ("PRT", "Ana Lima")  # 1–1 tie: article 2 is the earliest
    found = entities(*rows, article(4, "2024-03-09"), actor(4, "person:ana-lima", "Ana Lima", country="BRA"))
    assert found["person:ana-lima"]["country"] == "BRA"
