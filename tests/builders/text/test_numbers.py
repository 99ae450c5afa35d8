"""Number parsing: tokenizer and number reader (issue 6)."""

from __future__ import annotations

import time

import pytest

from newsfacts.builders.text.numbers import parse_digits, read_number, tokenize


def first_number(text: str) -> float | None:
    """Value of the first number read in `text`."""
    tokens = tokenize(text)
    for i in range(len(tokens)):
        num = read_number(tokens, i, at_start=i == 0)
        if num is not None:
            return num.value
    return None


@pytest.mark.parametrize(("text", "value"), [
    ("they counted 4,350 ballots", 4350.0),
    ("a loss of 7.25 points", 7.25),
    ("a deal worth 3.4bn", 3_400_000_000.0),
    ("a fund of 15m", 15_000_000.0),
    ("some 2.75 million voters", 2_750_000.0),
    ("nearly three dozen tanks", 36.0),
    ("more than a million visitors", 1_000_000.0),
    ("half a million doses", 500_000.0),
    ("sixty-three boats", 63.0),
    ("one hundred and forty bags", 140.0),
    ("eleven trucks", 11.0),
    ("a dozen mayors", 12.0),
])
def test_numbers_read_values(text: str, value: float) -> None:
    assert first_number(text) == value


@pytest.mark.parametrize("text", [
    "dozens of farmers", "hundreds of homes", "several thousand fans", "tens of thousands",
    "one of the largest", "Group of Seven", "the few hundred left",
])
def test_numbers_vague_or_named_are_not_numbers(text: str) -> None:
    assert first_number(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("12,500", (12500.0, False, "")),
    ("2050", (2050.0, True, "")),
    ("1990s", (1990.0, True, "s")),
    ("4th", (4.0, True, "th")),
    ("1,23", None),
    ("3.1.4", None),
])
def test_numbers_parse_digits(text: str, expected: tuple[float, bool, str] | None) -> None:
    assert parse_digits(text) == expected


def test_numbers_tokenize_keeps_compounds_and_initials() -> None:
    texts = [t.text for t in tokenize("The U.N. sent 30-40 trucks, a 12-year-old and US$5m.")]
    assert texts == ["The", "U.N.", "sent", "30-40", "trucks", ",", "a", "12-year-old", "and", "US", "$",
                     "5m", "."]


def test_numbers_tokenize_offsets_match_text() -> None:
    text = "Rebels freed 1,250 people — “at least” 3.5% of them."
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text


def test_numbers_tokenize_is_linear_on_long_input() -> None:
    text = "9," * 200_000 + "x" + "-" * 100_000
    started = time.perf_counter()
    tokens = tokenize(text)
    assert tokens
    assert time.perf_counter() - started < 5
