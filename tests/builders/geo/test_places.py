"""Tests of place resolution (newsfacts.builders.geo.places)."""

from __future__ import annotations

import pytest

from newsfacts.builders.geo.places import find_places, place_iso3

ISO3_CASES = [
    ("Doha", "QAT"),
    ("Qatar", "QAT"),
    ("the West Bank", "PSE"),
    ("Gaza City", "PSE"),
    ("Crimea", "UKR"),
    ("Xinjiang", "CHN"),
    ("Darfur", "SDN"),
    ("North Kivu", "COD"),
    ("Lyon", "FRA"),
    ("Mombasa", "KEN"),
    ("São Paulo", "BRA"),
    ("The Hague", "NLD"),
    ("Naypyitaw", "MMR"),
    ("Texas", "USA"),
    ("the Élysée Palace", "FRA"),
    ("the Pentagon", "USA"),
    ("Buckingham Palace", "GBR"),
    ("the Ethiopian capital", "ETH"),
    ("the Kenyan capital", "KEN"),
    ("Qwertyville", None),
    ("", None),
]


@pytest.mark.parametrize(("name", "want"), ISO3_CASES)
def test_places_iso3(name: str, want: str | None) -> None:
    assert place_iso3(name) == want


FIND_CASES = [
    ("The ministers met in Lyon on Friday.", [("Lyon", "FRA")]),
    ("She met him at the Élysée Palace in Paris.", [("the Élysée Palace", "FRA"), ("Paris", "FRA")]),
    ("Talks were held in the port city of Mombasa.", [("Mombasa", "KEN")]),
    ("Leaders gathered in the Ugandan capital on Monday.", [("the Ugandan capital", "UGA")]),
    ("He travelled to the Gaza Strip and visited Ramallah.", [("the Gaza Strip", "PSE"), ("Ramallah", "PSE")]),
    ("They met at the ministry's offices late on Monday.", [("the ministry's offices", None)]),
    ("They met at noon in a hotel.", []),
    ("In a statement, the ministry said it would respond.", []),
]


@pytest.mark.parametrize(("text", "want"), FIND_CASES)
def test_places_find(text: str, want: list[tuple[str, str | None]]) -> None:
    found = find_places(text)
    assert [(p.text, p.iso3) for p in found] == want
    for p in found:
        assert text[p.start:p.end] == p.text


def test_places_direction_words_are_skipped() -> None:
    [p] = find_places("Aid reached villages in eastern Ukraine on Monday.")
    assert (p.text, p.iso3) == ("Ukraine", "UKR")


def test_named_venue_without_article_is_a_place() -> None:
    found = find_places("Ruto hosted Abiy at State House on Thursday and at City Hall later.")
    assert [(p.text, p.iso3, p.trigger) for p in found] == [("State House", None, "at"), ("City Hall", None, "at")]
    assert find_places("They met at Reuters on Monday.") == []


def test_lexicon_matched_triggers_find_the_same_places() -> None:
    from newsfacts.builders.geo.places import TRIGGERS, places_in
    from tests.conftest import make_doc

    doc = make_doc("Talks in Doha went on. Leaders met at the Élysée Palace, then flew to Kenya’s capital.\n"
                   "In Mamuju, officials said visiting envoys were near Gaza City. Inside it, at noon.")
    full = places_in(doc.body, doc.clause_tokens, unknown=True)
    assert full
    assert places_in(doc.body, doc.clause_tokens, unknown=True, candidates=doc.clause_tokens_at(TRIGGERS)) == full
    for span in doc.sentences:
        toks = doc.clause_tokens.between(span.start, span.end)
        picked = doc.clause_tokens_at(TRIGGERS, span.start, span.end)
        assert places_in(doc.body, toks, unknown=True, candidates=picked) == places_in(doc.body, toks, unknown=True)
