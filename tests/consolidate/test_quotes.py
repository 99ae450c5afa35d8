"""`quotes`: one row per distinct quotation of direct and mixed statements across articles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsfacts.consolidate.quotes import normalize, quote_words
from newsfacts.consolidate.run import consolidate
from newsfacts.validators.integrity import member_ids
from newsfacts.validators.run import validate_derived
from tests.consolidate.rows import actor, aid, article, statement, tables

LONG = "We will not stop until there is a lasting ceasefire and every hostage is home with their family"
SPEAKER = "person:sara-okafor"


def corpus(*statements: dict[str, Any]) -> list[dict[str, Any]]:
    """Articles 1..4, each naming the speaker, plus the statements rows."""
    rows: list[dict[str, Any]] = []
    for n, published in enumerate(["2024-05-10", "2024-05-11", "2024-05-12", None], start=1):
        rows += [article(n, published), actor(n, SPEAKER, "Sara Okafor"), actor(n, "person:okafor", "Okafor")]
    return rows + list(statements)


def quotes(*statements: dict[str, Any]) -> list[dict[str, Any]]:
    """The quotes rows of the corpus with these statements (checked like a build checks them)."""
    source = tables(*corpus(*statements))
    derived = consolidate(source)
    assert validate_derived({**source, **derived}, member_ids(source)) == []
    return derived["quotes"]


def grouped(*statements: dict[str, Any]) -> list[list[str]]:
    """The statement keys of each quotation."""
    return sorted(sorted(s.split("-", 1)[1] for s in q["statement_ids"]) for q in quotes(*statements))


@pytest.mark.parametrize("other", [
    f"“{LONG},”", f'"{LONG}."', f"  {LONG.upper()} !", f"{LONG.replace(' ', chr(10), 3)}…",
    f"‘{LONG}’", f"{LONG} —",
])
def test_quotes_equal_after_normalizing(other: str) -> None:
    assert normalize(other) == normalize(LONG)
    assert grouped(statement(1, "a", SPEAKER, "Sara Okafor", LONG), statement(2, "b", SPEAKER, "Okafor", other)) == [
        ["a", "b"]]


def test_quotes_normalize_keeps_inner_punctuation_and_apostrophes() -> None:
    assert normalize("We won’t go, she said — ever.") == "we won't go, she said — ever"
    assert quote_words(normalize("Don’t stop: 12 more")) == ["don", "t", "stop", "12", "more"]


def test_quotes_containment_needs_twelve_words() -> None:
    twelve = " ".join(LONG.split()[3:15])  # "stop until … home": 12 words inside LONG
    eleven = " ".join(LONG.split()[3:14])
    assert grouped(statement(1, "a", SPEAKER, "Sara Okafor", LONG), statement(2, "b", SPEAKER, "Okafor", twelve),
                   statement(3, "c", SPEAKER, "Okafor", eleven)) == [["a", "b"], ["c"]]
    assert grouped(statement(1, "a", SPEAKER, "Sara Okafor", f"“{twelve.upper()}!”"),
                   statement(2, "b", SPEAKER, "Okafor", f"Yes. {LONG}. Thank you")) == [["a", "b"]]


def test_quotes_words_must_be_consecutive_and_the_speaker_the_same() -> None:
    gap = LONG.replace("every hostage", "every single hostage")
    assert grouped(statement(1, "a", SPEAKER, "Sara Okafor", LONG), statement(2, "b", SPEAKER, "Okafor", gap)) == [
        ["a"], ["b"]]
    assert grouped(statement(1, "a", SPEAKER, "Sara Okafor", LONG),
                   statement(2, "b", None, "a spokesman", LONG)) == [["a"], ["b"]]


def test_quotes_speakers_without_an_actor_compare_by_folded_text() -> None:
    assert grouped(statement(1, "a", None, "Rights groups", LONG), statement(2, "b", None, "rights  GROUPS", LONG),
                   statement(3, "c", None, "rights groups and researchers", LONG)) == [["a", "b"], ["c"]]


def test_quotes_short_form_speaker_counts_as_the_entity() -> None:
    """"Okafor" is an actor of its own in these articles; it is the entity person:sara-okafor."""
    [row] = quotes(statement(1, "a", SPEAKER, "Sara Okafor", LONG), statement(2, "b", "person:okafor", "Okafor", LONG))
    assert row["speaker_entity_id"] == SPEAKER


def test_quotes_only_direct_and_mixed() -> None:
    assert grouped(statement(1, "a", SPEAKER, "Sara Okafor", LONG, "mixed"),
                   statement(2, "b", SPEAKER, "Okafor", LONG, "indirect")) == [["a"]]


def test_quotes_row() -> None:
    [row] = quotes(statement(2, "b", SPEAKER, "Okafor", LONG + "."),
                   statement(4, "d", SPEAKER, "Okafor", f"{LONG}, and we say it again today"),
                   statement(1, "a", SPEAKER, "Sara Okafor", LONG),
                   statement(1, "z", SPEAKER, "Sara Okafor", LONG))
    assert row == {"quote_id": f"q-{aid(1)}-a", "speaker_entity_id": SPEAKER, "speaker_text": "Sara Okafor",
                   "quote": f"{LONG}, and we say it again today", "n_reports": 3,
                   "first_reported_at": dt.date(2024, 5, 10),
                   "statement_ids": sorted([f"{aid(1)}-a", f"{aid(1)}-z", f"{aid(2)}-b", f"{aid(4)}-d"])}
