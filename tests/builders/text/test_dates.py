"""Table-driven tests of the date resolver (newsfacts.builders.text.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.builders.text.dates import find_dates, resolve

TUE = dt.date(2024, 3, 19)  # a Tuesday

RESOLVE_CASES = [
    # (expression, published_at, expected date, expected precision)
    ("Sunday", TUE, "2024-03-17", "day"),
    ("on Sunday", TUE, "2024-03-17", "day"),
    ("Tuesday", TUE, "2024-03-19", "day"),
    ("last Thursday", TUE, "2024-03-14", "day"),
    ("late on Saturday", TUE, "2024-03-16", "day"),
    ("Later on Monday", TUE, "2024-03-18", "day"),
    ("Wednesday afternoon", TUE, "2024-03-13", "day"),
    ("this past Friday", TUE, "2024-03-15", "day"),
    ("next Friday", TUE, "2024-03-22", "day"),
    ("yesterday", TUE, "2024-03-18", "day"),
    ("today", TUE, "2024-03-19", "day"),
    ("three days ago", TUE, "2024-03-16", "day"),
    ("March 10", TUE, "2024-03-10", "day"),
    ("March 25", TUE, "2023-03-25", "day"),
    ("on Dec. 28", dt.date(2025, 1, 14), "2024-12-28", "day"),
    ("12 June 2024", None, "2024-06-12", "day"),
    ("June 12, 2024", None, "2024-06-12", "day"),
    ("4th of never", TUE, None, None),
    ("in November", TUE, "2023-11-01", "month"),
    ("in March", TUE, "2024-03-01", "month"),
    ("in March 2022", None, "2022-03-01", "month"),
    ("earlier this month", TUE, "2024-03-01", "month"),
    ("late last month", TUE, "2024-02-01", "month"),
    ("last month", dt.date(2024, 1, 5), "2023-12-01", "month"),
    ("last week", dt.date(2024, 5, 22), "2024-05-01", "month"),
    ("last week", dt.date(2024, 3, 5), None, None),  # Feb 26 - Mar 3 spans two months
    ("at the start of the year", TUE, "2024-01-01", "year"),
    ("at the end of last year", TUE, "2023-01-01", "year"),
    ("last year", TUE, "2023-01-01", "year"),
    ("earlier this year", TUE, "2024-01-01", "year"),
    ("in 2021", None, "2021-01-01", "year"),
    ("Sunday", None, None, None),
    ("last month", None, None, None),
    ("February 30", TUE, None, None),
]


@pytest.mark.parametrize(("expr", "pub", "want", "precision"), RESOLVE_CASES)
def test_dates_resolve(expr: str, pub: dt.date | None, want: str | None, precision: str | None) -> None:
    got, prec = resolve(expr, pub)
    assert (got.isoformat() if got else None, prec) == (want, precision)


FIND_CASES = [
    ("The envoy flew home late last month after talks.", ["late last month"]),
    ("They met on Monday afternoon and again on March 3.", ["Monday afternoon", "March 3"]),
    ("Officials may meet in May, she said.", ["May"]),
    ("The deadline was extended, officials said on Tuesday's call.", ["Tuesday's"]),
    ("He marched in protest and said he may return.", []),
    ("The treaty expires in 2026.", ["2026"]),
    ("About 300 people attended the rally.", []),
]


@pytest.mark.parametrize(("text", "want"), FIND_CASES)
def test_dates_find(text: str, want: list[str]) -> None:
    found = find_dates(text)
    assert [m.text for m in found] == want
    for m in found:
        assert text[m.start:m.end] == m.text


def test_dates_find_offset_shifts_spans() -> None:
    found = find_dates("on Sunday", offset=100)
    assert (found[0].start, found[0].end) == (103, 109)


def test_dates_find_is_linear_on_long_input() -> None:
    text = "late on " * 20000 + "Sunday"
    assert find_dates(text)[-1].text.endswith("Sunday")
