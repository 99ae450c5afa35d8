"""Tests of the gazetteer: states, demonyms, capitals and territories to ISO3."""

from __future__ import annotations

import pytest

from newsfacts.builders.geo.gazetteer import (
    capital_iso3,
    demonym_iso3,
    is_state_code,
    place_iso3,
    state_iso3,
    state_name,
    territory_iso3,
)


@pytest.mark.parametrize(("name", "iso3"), [
    ("the United States", "USA"), ("U.S.", "USA"), ("UAE", "ARE"), ("Britain", "GBR"),
    ("South Korea", "KOR"), ("Palestine", "PSE"), ("Kosovo", "XKX"), ("Côte d’Ivoire", "CIV"),
    ("Islamic Republic of Afghanistan", "AFG"), ("the Netherlands", "NLD"), ("Türkiye", "TUR"),
])
def test_gazetteer_state_names(name: str, iso3: str) -> None:
    assert state_iso3(name) == iso3


@pytest.mark.parametrize("name", ["Gaza", "Hong Kong", "Greenland", "Global South", "Beijing", ""])
def test_gazetteer_non_states(name: str) -> None:
    assert state_iso3(name) is None


@pytest.mark.parametrize(("iso3", "name"), [
    ("USA", "United States"), ("PSE", "Palestine"), ("RUS", "Russia"), ("IRN", "Iran"),
    ("KOR", "South Korea"), ("NLD", "Netherlands"),
])
def test_gazetteer_state_name(iso3: str, name: str) -> None:
    assert state_name(iso3) == name


@pytest.mark.parametrize(("word", "iso3"), [
    ("Chinese", "CHN"), ("Israeli", "ISR"), ("Israelis", "ISR"), ("Palestinian", "PSE"),
    ("Emirati", "ARE"), ("Saudi", "SAU"), ("Dutch", "NLD"), ("Americans", "USA"),
])
def test_gazetteer_demonyms(word: str, iso3: str) -> None:
    assert demonym_iso3(word) == iso3


@pytest.mark.parametrize(("city", "iso3"), [
    ("Beijing", "CHN"), ("Washington", "USA"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Doha", "QAT"),
    ("New Delhi", "IND"), ("Tehran", "IRN"),
])
def test_gazetteer_capitals(city: str, iso3: str) -> None:
    assert capital_iso3(city) == iso3


def test_gazetteer_territories_and_places() -> None:
    assert territory_iso3("the West Bank") == "PSE"
    assert territory_iso3("Xinjiang") == "CHN"
    assert place_iso3("Crimea") == "UKR"
    assert place_iso3("Munich") == "DEU"
    assert place_iso3("Qatar") == "QAT"
    assert is_state_code("CHN") and not is_state_code("HKG")
