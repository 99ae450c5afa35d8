"""Date expressions: find them in text and resolve them against the publication date.

`find_dates(text)` scans tokens (one linear pass, no backtracking regex) for expressions such as
"Sunday", "late on Saturday", "March 10", "10 March 2024", "in November", "late last month",
"last week", "yesterday", "at the start of the year", "in 2023" or "three days ago".
`resolve(expr, published_at)` turns one expression into `(date, precision)` following the codebook:

- a weekday ("Sunday", "last Thursday") is the most recent such day on or before publication;
- "March 10" without a year is the latest such date not after publication;
- a month ("in November") is the latest such month not after publication, precision month;
- "earlier this month" / "late last month" give that month, precision month;
- "last week" gives its month (precision month) when the whole week lies in one month, else None;
- "at the start of the year" / "last year" give the year, precision year.

Without a publication date only expressions carrying a year resolve. Expressions pointing after
publication ("next week", "next Monday") resolve to future dates; callers decide what that means.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from newsfacts.builders.text.lexicon import load_data

Precision = Literal["day", "month", "year"]
Resolved = tuple[dt.date | None, Precision | None]

_TOKEN = re.compile(r"[A-Za-z]+|\d+|\S")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_MODIFIERS = frozenset({"late", "early", "earlier", "later", "mid"})


@dataclass(frozen=True)
class DateSpec:
    """What a date expression says, before resolution.

    kind: weekday, yesterday, today, day (month+day), month, year, week, month_rel, year_rel, ago.
    rel: -1 last, 0 this, +1 next (for weekday/week/month_rel/year_rel).
    """

    kind: str
    rel: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    days: int = 0


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a text: span, text as written and what it says."""

    start: int
    end: int
    text: str
    spec: DateSpec

    def resolve(self, published_at: dt.date | None) -> Resolved:
        """(date, precision) of this mention against the publication date."""
        return resolve_spec(self.spec, published_at)


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str


@cache
def _words() -> tuple[dict[str, int], dict[str, int], frozenset[str], frozenset[str]]:
    data = load_data("dates.yaml")
    return (dict(data["months"]), dict(data["weekdays"]), frozenset(data["day_parts"]),
            frozenset(data["month_openers"]))


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), w, w.lower()) for m in _TOKEN.finditer(text) for w in (m.group(),)]


@cache
def _starts() -> frozenset[str]:
    """Lowercase words that can open a date expression (digits aside): a cheap gate before `_match`."""
    months, weekdays, _, _ = _words()
    return frozenset({*_MODIFIERS, *_NUMBER_WORDS, *months, *weekdays,
                      "yesterday", "today", "tonight", "last", "this", "next", "past", "the"})


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Date expressions in `text`, in order, with spans shifted by `offset`."""
    toks = _tokens(text)
    starts = _starts()
    out: list[DateMention] = []
    i = 0
    while i < len(toks):
        if toks[i].low not in starts and not toks[i].text[0].isdigit():
            i += 1
            continue
        got = _match(toks, i)
        if got is None:
            i += 1
            continue
        j, spec = got
        s, e = toks[i].start, toks[j - 1].end
        out.append(DateMention(s + offset, e + offset, text[s:e], spec))
        i = j
    return out


def resolve(expr: str, published_at: dt.date | None) -> Resolved:
    """(date, precision) of one date expression ("late last month") against `published_at`."""
    found = find_dates(expr)
    if not found:
        return None, None
    return resolve_spec(found[0].spec, published_at)


def _match(toks: list[_Tok], i: int) -> tuple[int, DateSpec] | None:
    """Match an expression starting at token i: (end token index, spec) or None."""
    j = i
    if toks[j].low in _MODIFIERS:
        j += 1
        if j < len(toks) and toks[j].text == "-":
            j += 1
        if j < len(toks) and toks[j].low == "on":
            j += 1
    if j >= len(toks):
        return None
    core = _core(toks, j, lead=j > i)
    return core


def _core(toks: list[_Tok], j: int, lead: bool) -> tuple[int, DateSpec] | None:
    months, weekdays, _, openers = _words()
    low = toks[j].low
    nxt = toks[j + 1].low if j + 1 < len(toks) else ""
    if low in ("yesterday", "today", "tonight"):
        return j + 1, DateSpec("yesterday" if low == "yesterday" else "today")
    if low in ("last", "this", "next", "past"):
        return _relative(toks, j)
    if low == "the" and nxt in ("start", "beginning", "end", "turn"):
        return _period_edge(toks, j)
    if toks[j].text[:1].isupper() and low in weekdays:
        return _weekday(toks, j, 0)
    if toks[j].text[:1].isupper() and low in months:
        prev = toks[j - 1].low if j > 0 else ""
        return _month_first(toks, j, lead or prev in openers)
    if _digits(toks[j].text):
        return _number_first(toks, j)
    if low in _NUMBER_WORDS:
        return _ago(toks, j, _NUMBER_WORDS[low])
    return None


def _weekday(toks: list[_Tok], j: int, rel: int) -> tuple[int, DateSpec]:
    """Weekday, optional possessive and part of day: "Monday", "Tuesday's", "Monday afternoon"."""
    _, weekdays, day_parts, _ = _words()
    wd = weekdays[toks[j].low]
    k = j + 1
    if k + 1 < len(toks) and toks[k].text in ("'", "’") and toks[k + 1].low == "s" and toks[k].start == toks[j].end:
        k += 2
    if k < len(toks) and toks[k].low in day_parts:
        k += 1
    return k, DateSpec("weekday", rel=rel, weekday=wd)


def _relative(toks: list[_Tok], j: int) -> tuple[int, DateSpec] | None:
    """"last/this/next/this past" + week, month, year or weekday."""
    _, weekdays, _, _ = _words()
    low = toks[j].low
    k = j + 1
    if low == "this" and k < len(toks) and toks[k].low in ("past", "coming"):
        low = "last" if toks[k].low == "past" else "next"
        k += 1
    elif low == "past":
        return None
    if k >= len(toks):
        return None
    rel = {"last": -1, "this": 0, "next": 1}[low]
    unit = toks[k].low
    if unit in weekdays and toks[k].text[:1].isupper():
        end, spec = _weekday(toks, k, rel)
        return end, spec
    if unit in ("week", "month", "year"):
        kind = {"week": "week", "month": "month_rel", "year": "year_rel"}[unit]
        return k + 1, DateSpec(kind, rel=rel)
    return None


def _period_edge(toks: list[_Tok], j: int) -> tuple[int, DateSpec] | None:
    """"the start/beginning/end of the/this/last year|month"."""
    k = j + 2
    if k + 2 > len(toks) or toks[k].low != "of":
        return None
    det, unit = toks[k + 1].low, toks[k + 2].low if k + 2 < len(toks) else ""
    if det not in ("the", "this", "last") or unit not in ("year", "month"):
        return None
    rel = -1 if det == "last" else 0
    return k + 3, DateSpec("year_rel" if unit == "year" else "month_rel", rel=rel)


def _month_first(toks: list[_Tok], j: int, opened: bool) -> tuple[int, DateSpec] | None:
    """"March 10", "March 10, 2024", "March 2024", and a bare "March" after an opener word."""
    months = _words()[0]
    month = months[toks[j].low]
    k = j + 1
    if k < len(toks) and toks[k].text == "." and toks[k].start == toks[j].end:
        k += 1
    day = _day_at(toks, k)
    if day is not None:
        k = _skip_suffix(toks, k + 1)
        year = None
        if k + 1 < len(toks) and toks[k].text == "," and _year_at(toks, k + 1) is not None:
            year = _year_at(toks, k + 1)
            k += 2
        return k, DateSpec("day", year=year, month=month, day=day)
    year = _year_at(toks, k)
    if year is not None:
        return k + 1, DateSpec("month", year=year, month=month)
    if opened and (len(toks[j].text) > 3 or toks[j].low == "may"):
        return k, DateSpec("month", month=month)
    return None


def _number_first(toks: list[_Tok], j: int) -> tuple[int, DateSpec] | None:
    """"10 March", "10 March 2024", a year after "in"/"since", or "3 days ago"."""
    months, _, _, _ = _words()
    day = _day_at(toks, j)
    k = _skip_suffix(toks, j + 1)
    if day is not None and k < len(toks) and toks[k].low in months and toks[k].text[:1].isupper():
        year = _year_at(toks, k + 1)
        end = k + 2 if year is not None else k + 1
        return end, DateSpec("day", year=year, month=months[toks[k].low], day=day)
    year = _year_at(toks, j)
    prev = toks[j - 1].low if j > 0 else ""
    if year is not None and prev in ("in", "since", "during", "of", "until", "by"):
        return j + 1, DateSpec("year", year=year)
    if len(toks[j].text) <= 3:
        return _ago(toks, j, int(toks[j].text))
    return None


def _ago(toks: list[_Tok], j: int, n: int) -> tuple[int, DateSpec] | None:
    """"three days ago", "2 weeks ago"."""
    if j + 2 >= len(toks) or toks[j + 2].low != "ago":
        return None
    unit = toks[j + 1].low
    per = {"day": 1, "days": 1, "week": 7, "weeks": 7}.get(unit)
    if per is None:
        return None
    return j + 3, DateSpec("ago", days=n * per)


def _day_at(toks: list[_Tok], k: int) -> int | None:
    if k < len(toks) and _digits(toks[k].text) and len(toks[k].text) <= 2 and 1 <= int(toks[k].text) <= 31:
        return int(toks[k].text)
    return None


def _year_at(toks: list[_Tok], k: int) -> int | None:
    if k < len(toks) and _digits(toks[k].text) and len(toks[k].text) == 4 and 1900 <= int(toks[k].text) <= 2100:
        return int(toks[k].text)
    return None


def _skip_suffix(toks: list[_Tok], k: int) -> int:
    """Skip an ordinal suffix glued to a day number ("10th")."""
    if k < len(toks) and toks[k].low in ("st", "nd", "rd", "th") and toks[k].start == toks[k - 1].end:
        return k + 1
    return k


def resolve_spec(spec: DateSpec, pub: dt.date | None) -> Resolved:
    """(date, precision) of a parsed expression against the publication date `pub`."""
    if spec.kind == "year" and spec.year is not None:
        return dt.date(spec.year, 1, 1), "year"
    if spec.kind in ("day", "month") and spec.year is not None and spec.month is not None:
        return _absolute(spec.year, spec.month, spec.day)
    if pub is None:
        return None, None
    if spec.kind in ("day", "month") and spec.month is not None:
        year = pub.year if (spec.month, spec.day or 1) <= (pub.month, pub.day) else pub.year - 1
        return _absolute(year, spec.month, spec.day)
    return _relative_to(spec, pub)


def _absolute(year: int, month: int, day: int | None) -> Resolved:
    try:
        return (dt.date(year, month, day), "day") if day else (dt.date(year, month, 1), "month")
    except ValueError:
        return None, None


def _relative_to(spec: DateSpec, pub: dt.date) -> Resolved:
    """Resolve the expressions that need the publication date."""
    if spec.kind == "today":
        return pub, "day"
    if spec.kind == "yesterday":
        return pub - dt.timedelta(days=1), "day"
    if spec.kind == "ago":
        return pub - dt.timedelta(days=spec.days), "day"
    if spec.kind == "weekday" and spec.weekday is not None:
        if spec.rel > 0:
            return pub + dt.timedelta(days=(spec.weekday - pub.weekday()) % 7 or 7), "day"
        return pub - dt.timedelta(days=(pub.weekday() - spec.weekday) % 7), "day"
    if spec.kind == "month_rel":
        index = pub.year * 12 + pub.month - 1 + spec.rel
        return dt.date(index // 12, index % 12 + 1, 1), "month"
    if spec.kind == "year_rel":
        return dt.date(pub.year + spec.rel, 1, 1), "year"
    if spec.kind == "week":
        monday = pub - dt.timedelta(days=pub.weekday() - 7 * spec.rel)
        sunday = monday + dt.timedelta(days=6)
        if monday.month != sunday.month:
            return None, None
        return dt.date(monday.year, monday.month, 1), "month"
    return None, None




def _digits(text: str) -> bool:
    """ASCII digits only (so "²" or other numerals never reach int())."""
    return text.isascii() and text.isdigit()


__all__ = ["DateMention", "DateSpec", "Precision", "Resolved", "find_dates", "resolve", "resolve_spec"]
