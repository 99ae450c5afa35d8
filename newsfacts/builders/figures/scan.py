"""Finding figure phrases: numbers with qualifier, range, currency or percent, minus exclusions.

`scan(tokens, starts, states)` walks the tokens once and returns `Candidate`s. It knows nothing
of units or sources (see `units` and `source`). Exclusions follow the codebook:
dates, times, years, decades, ages, durations, ordinals, identifiers, names, vague amounts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsfacts.builders.text.lexicon import load_data
from newsfacts.builders.text.numbers import (
    NUM,
    PUNCT,
    WORD,
    Number,
    Token,
    number_words,
    parse_digits,
    read_number,
)

PERCENT_WORDS = {"percent": "percent", "pct": "percent"}


@dataclass
class Candidate:
    """A figure phrase: tokens [first, last), the number part [num_first, num_last), and values."""

    first: int
    num_first: int
    num_last: int
    last: int
    value: float
    value_max: float | None
    qualifier: str
    currency: str | None
    unit: str | None
    rule: str


@cache
def figures_lex() -> dict[str, Any]:
    """The figures lexicon with lists turned into sets."""
    data = load_data("figures.yaml")
    out: dict[str, Any] = {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}
    out["qualifiers"] = {tuple(k.split()): v for k, v in data["qualifiers"].items()}
    return out


@cache
def currency_lex() -> dict[str, Any]:
    """The currencies lexicon."""
    return dict(load_data("currencies.yaml"))


def shared_currency(word: str, states: frozenset[str]) -> tuple[str, str] | None:
    """(code, unit) of a currency word shared by several states ("rupees" in a Pakistan story)."""
    shared = currency_lex()["shared"]
    key = word[:-1] if word.endswith("s") and word[:-1] in shared else word
    if key not in shared:
        return None
    spec = shared[key]
    codes = sorted(code for iso3, code in spec["by_state"].items() if iso3 in states)
    return (codes[0] if len(codes) == 1 else spec["default"]), spec["unit"]


def currency_word(word: str, states: frozenset[str]) -> tuple[str, str] | None:
    """(code, unit) of a currency named by a word after a number, else None."""
    low = word.lower()
    names = currency_lex()["names"]
    if low in names:
        code, unit = names[low]
        return str(code), str(unit)
    return shared_currency(low, states)


def _prefix_currency(tokens: list[Token], i: int, states: frozenset[str]) -> tuple[int, str, str] | None:
    """(first token, code, unit) of a currency symbol, code or abbreviation before the number at `i`."""
    if i == 0:
        return None
    prev = tokens[i - 1]
    if prev.kind == WORD:
        lex = currency_lex()
        if prev.text in lex["codes_as_words"]:
            return i - 1, prev.text, str(lex["codes_as_words"][prev.text])
        word = lex["word_prefixes"].get(prev.text)
        found = shared_currency(word, states) if word else None
        return (i - 1, found[0], found[1]) if found else None
    if prev.kind == PUNCT and prev.text == "." and i >= 2 and tokens[i - 2].text + "." in \
            currency_lex()["word_prefixes"]:
        found = shared_currency(currency_lex()["word_prefixes"][tokens[i - 2].text + "."], states)
        return (i - 2, found[0], found[1]) if found else None
    if prev.kind != PUNCT or prev.end != tokens[i].start:
        return None
    sym = tokens[i - 1].text
    symbols = currency_lex()["symbols"]
    if sym not in symbols:
        return None
    code, unit = symbols[sym]
    first = i - 1
    if sym == "$" and i >= 2 and tokens[i - 2].kind == WORD and tokens[i - 2].end == tokens[i - 1].start:
        prefix = currency_lex()["dollar_prefixes"].get(tokens[i - 2].text)
        if prefix:
            code, first = prefix, i - 2
    return first, str(code), str(unit)


@cache
def _qualifier_ends() -> frozenset[str]:
    """Last words of the qualifier phrases ("than", "least", "about")."""
    return frozenset(k[-1] for k in figures_lex()["qualifiers"])


def _qualifier(tokens: list[Token], first: int) -> tuple[int, str]:
    """(start token, qualifier) from the words before token `first`; exact when none."""
    quals = figures_lex()["qualifiers"]
    if first == 0 or tokens[first - 1].lower not in _qualifier_ends():
        return first, "exact"
    for size in (3, 2, 1):
        if first - size < 0:
            continue
        words = tuple(t.lower for t in tokens[first - size:first])
        if all(t.kind == WORD for t in tokens[first - size:first]) and words in quals:
            return first - size, str(quals[words])
    return first, "exact"


def _after_scale_word(tokens: list[Token], j: int) -> str:
    """Lowercase text of token `j`, or "" past the end."""
    return tokens[j].lower if j < len(tokens) else ""


def _excluded(tokens: list[Token], num: Number, at_start: bool, money: bool) -> bool:
    """Is the number a date, time, year, age, duration, ordinal, identifier or name part?"""
    lex = figures_lex()
    i, j = num.first, num.last
    prev = tokens[i - 1].lower if i > 0 else ""
    prev2 = tokens[i - 2].lower if i > 1 else ""
    nxt = _after_scale_word(tokens, j)
    if num.suffix and not num.suffix.startswith("-") and num.suffix not in _abbreviations():
        return True  # 1980s, 13th, 737max
    if num.suffix.startswith("-"):
        upper = parse_digits(num.suffix[1:])
        if upper is None or upper[0] * num.factor <= num.value:
            return True  # 90-day, 17-year-old, two-state, a 2-0 score
    if prev in lex["months"] or (prev == "." and prev2 in lex["months"]) or nxt in lex["months"]:
        return True
    if nxt in lex["time_units"] or (nxt in ("a", "p") and _after_scale_word(tokens, j + 1) == "."):
        return True
    if nxt == ":" or (prev == ":" and i > 1 and tokens[i - 2].kind == NUM):
        return True
    if prev == "/" or (nxt == "/" and j + 1 < len(tokens) and tokens[j + 1].kind == NUM):
        return True  # 2025/26, 12/05/2024
    if prev == "in" and i > 1 and (tokens[i - 2].kind == NUM or tokens[i - 2].lower in number_words()):
        return True  # "one in five": a ratio
    if money or nxt in ("%", "percent", "per"):
        return False
    if num.plain and 1800 <= num.value <= 2100:
        return True
    return _identifier(tokens, num, at_start) or _age(tokens, num) or _party(tokens, num)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_data("units.yaml")["abbreviations"])


def _identifier(tokens: list[Token], num: Number, at_start: bool) -> bool:
    """ "Resolution 2720", "No. 10", "Boeing 737": a plain number after a naming word."""
    i = num.first
    if not num.plain or i == 0:
        return False
    prev = tokens[i - 1]
    if prev.text == "." and i > 1:
        prev = tokens[i - 2]
    if prev.kind != WORD:
        return False
    if prev.lower in figures_lex()["identifier_words"]:
        return True
    nxt = tokens[num.last] if num.last < len(tokens) else None
    plural_next = nxt is not None and nxt.kind == WORD and nxt.text.islower() and (
        nxt.text.endswith("s") or nxt.lower in _counted_irregular())
    quals = {k[-1] for k in figures_lex()["qualifiers"]} | figures_lex()["weekdays"]
    return (prev.text[0].isupper() and not at_start and prev.lower not in quals
            and not plural_next and not _sentence_first(tokens, i - 1))


@cache
def _counted_irregular() -> frozenset[str]:
    """Plural nouns that do not end in -s ("people", "children", "staff")."""
    data = load_data("units.yaml")
    return frozenset(data["irregular"]) | frozenset(data["invariant"])


def _sentence_first(tokens: list[Token], i: int) -> bool:
    """Is token `i` the first of a sentence (roughly: after . ! ? or a quote/dash, or first)?"""
    return i == 0 or tokens[i - 1].text in ".!?\"“‘—–:"


def _age(tokens: list[Token], num: Number) -> bool:
    """ "aged 34", "Name, 52, a fisherman", "children under five"."""
    lex = figures_lex()
    i, j = num.first, num.last
    prev = tokens[i - 1] if i > 0 else None
    if prev is None:
        return False
    if prev.lower in lex["age_words"]:
        return True
    nxt = tokens[j].text if j < len(tokens) else "."
    if (prev.text == "," and i > 1 and tokens[i - 2].kind == WORD and tokens[i - 2].text[0].isupper()
            and nxt in (",", ".", ")") and num.plain and num.value < 120):
        return True
    return (prev.lower in ("under", "over", "above", "aged") and i > 1
            and tokens[i - 2].lower in lex["age_nouns"] and num.value < 100
            and (j >= len(tokens) or tokens[j].kind != WORD or tokens[j].lower in ("years", "year")
                 or tokens[j].lower in lex["stop_after"]))


def _party(tokens: list[Token], num: Number) -> bool:
    """ "the two sides", "both three countries": small word numbers naming known parties."""
    i, j = num.first, num.last
    if num.digits or num.value > 5 or i == 0 or j >= len(tokens):
        return False
    return tokens[i - 1].lower in ("the", "both", "all", "these", "those") \
        and tokens[j].lower in figures_lex()["party_nouns"]


@cache
def _starters() -> frozenset[str]:
    """Words that can begin a written-out number."""
    return number_words() | {"a", "an", "half"}


def scan(tokens: list[Token], starts: frozenset[int], states: frozenset[str]) -> list[Candidate]:
    """Figure candidates in token order; `starts` are the token indices that open a sentence."""
    out: list[Candidate] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind != NUM and (tok.kind != WORD or (tok.lower not in _starters()
                                                     and tok.lower.split("-")[0] not in _starters())):
            i += 1
            continue
        num = read_number(tokens, i, at_start=i in starts or _sentence_first(tokens, i)) or _one(tokens, i)
        if num is None:
            i += 1
            continue
        cand = _candidate(tokens, num, i in starts or _sentence_first(tokens, i), states)
        if cand is not None:
            out.append(cand)
            i = cand.num_last
        else:
            i = num.last
    return out


def _one(tokens: list[Token], i: int) -> Number | None:
    """ "one person", "one soldier": the word "one" counts only before a singular noun for a person."""
    if tokens[i].lower != "one" or i + 1 >= len(tokens) or (i > 0 and tokens[i - 1].lower in ("no", "the")):
        return None
    nxt = tokens[i + 1]
    if nxt.kind != WORD or nxt.lower not in _person_nouns():
        return None
    if i + 2 < len(tokens) and tokens[i + 2].lower == "of":
        return None
    return Number(i, i + 1, 1.0, False, False, False)


@cache
def _person_nouns() -> frozenset[str]:
    """Singular nouns for people (from the units lexicon)."""
    return frozenset(load_data("units.yaml")["person_nouns"])


def _candidate(tokens: list[Token], num: Number, at_start: bool,
               states: frozenset[str]) -> Candidate | None:
    """The figure phrase around `num`, or None when the number is excluded."""
    pre = _prefix_currency(tokens, num.first, states)
    first = pre[0] if pre else num.first
    currency, unit = (pre[1], pre[2]) if pre else (None, None)
    j = num.last
    if unit is None:
        unit, currency, j = _suffix_unit(tokens, num, states)
    if _excluded(tokens, num, at_start, currency is not None or unit == "percent"):
        return None
    start, qualifier = _qualifier(tokens, first)
    value_max, j2, factor = _range_end(tokens, num, j, qualifier, states)
    value = num.value * factor
    if not math.isfinite(value) or (value_max is not None and not math.isfinite(value_max)):
        return None  # more digits than a float holds: no figure
    if value_max is not None and _after_scale_word(tokens, j2) in figures_lex()["time_units"]:
        return None  # "10 to 14 days": a duration
    if value_max is not None:
        if unit is not None and j2 < len(tokens) and j > num.last and tokens[j2].lower == tokens[j - 1].lower:
            j2 += 1  # "5.25%-5.50%": the unit repeated after the upper end
        qualifier, j = "range", j2
        if start > 0 and tokens[start - 1].lower in figures_lex()["range_open"]:
            start -= 1
        if unit is None:
            unit, currency, j = _suffix_unit(tokens, Number(j, j, 0, True, False, False), states, j)
    elif qualifier == "range_open":
        qualifier = "exact"
    if num.suffix in _abbreviations():
        unit = load_data("units.yaml")["abbreviations"][num.suffix]
    if start > 0 and tokens[start - 1].lower == "magnitude" and unit is None:
        start, unit = start - 1, "magnitude"
    rule = "figures.money.v1" if currency else "figures.percent.v1" if unit in (
        "percent", "percentage point", "basis point") else "figures.count.v1"
    if value_max is not None:
        rule = "figures.range.v1"
    return Candidate(start, num.first, j, j, value, value_max, qualifier, currency, unit, rule)


def _scale_of(value: float) -> float:
    """The largest scale (thousand, million, …) not above `value`."""
    best = 1.0
    for factor in (1e3, 1e6, 1e9, 1e12):
        if value >= factor:
            best = factor
    return best


def _suffix_unit(tokens: list[Token], num: Number, states: frozenset[str],
                 at: int | None = None) -> tuple[str | None, str | None, int]:
    """(unit, currency, end token) for "%", "percent", "percentage points", "euros" after a number."""
    j = num.last if at is None else at
    w = _after_scale_word(tokens, j)
    w2 = _after_scale_word(tokens, j + 1)
    if w == "%":
        return "percent", None, j + 1
    if w in PERCENT_WORDS:
        return "percent", None, j + 1
    if w == "per" and w2 == "cent":
        return "percent", None, j + 2
    if w in ("percentage", "basis") and w2 in ("point", "points"):
        return f"{w} point", None, j + 2
    if j < len(tokens) and tokens[j].kind == WORD:
        cur = currency_word(tokens[j].text, states)
        if cur:
            return cur[1], cur[0], j + 1
    return None, None, j


def _range_end(tokens: list[Token], num: Number, j: int, qualifier: str,
               states: frozenset[str]) -> tuple[float | None, int, float]:
    """(upper value, end token, factor for X) of "between X and Y", "X to Y", "X-Y".

    The factor scales X when only Y carries the scale ("between 2 and 3 million"); (None, j, 1)
    when there is no range.
    """
    if num.suffix.startswith("-"):
        parsed = parse_digits(num.suffix[1:])
        if parsed and parsed[0] * num.factor > num.value:
            return parsed[0] * num.factor, j, 1.0
        return None, j, 1.0
    start = num.first - 1
    while start >= 0 and tokens[start].kind == PUNCT and tokens[start].text in "$€£¥":
        start -= 1
    opener = tokens[start].lower if start >= 0 else ""
    if j >= len(tokens):
        return None, j, 1.0
    link = tokens[j].lower
    between = opener in figures_lex()["range_open"] and link == "and"
    plain_to = link in ("to", "–", "-") and opener not in figures_lex()["change_open"] and opener != "by" \
        and (j == num.last or link != "to")
    if not (between or plain_to):
        return None, j, 1.0
    k = j + 1
    while (k < len(tokens) and tokens[k].kind in (PUNCT, WORD) and tokens[k].text in "$€£¥") \
            or (k < len(tokens) and tokens[k].text in currency_lex()["dollar_prefixes"] \
            and k + 1 < len(tokens) and tokens[k + 1].text == "$"):
        k += 1
    second = read_number(tokens, k) if k < len(tokens) else None
    if second is None or second.suffix:
        return None, j, 1.0
    upper = second.value
    factor = 1.0
    if second.scaled and not num.scaled and 0 < num.value * 1000 <= upper:
        factor = _scale_of(upper)
    if upper <= num.value * factor and not between:
        return None, j, 1.0
    return upper, second.last, factor
