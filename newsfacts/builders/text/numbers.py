"""Number parsing for the figures builder: a linear tokenizer and a number reader.

`tokenize` splits text into word, number and punctuation tokens with their offsets in one scan.
`read_number` reads one number at a token ("1,200", "2.3bn", "1.5 million", "two dozen",
"half a million", "twenty-five"); written-out numbers are parsed by text2num. Nothing here
raises on odd text: an unreadable number is simply not a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from newsfacts.builders.text.lexicon import load_data

WORD = "word"
NUM = "num"
PUNCT = "punct"
APOSTROPHES = "'’"
DASHES = "-‐‑"


class Token:
    """One token: span in the text, the text itself, its kind (word, num or punct), lowercase form."""

    __slots__ = ("end", "kind", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str, kind: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        low = text.lower()
        self.lower = low.replace("’", "'") if "’" in low else low

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r}, {self.kind!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.start, self.end, self.text) == (other.start, other.end,
                                                                                  other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))


@dataclass(frozen=True)
class Number:
    """A number read at tokens [first, last): its value and how it was written."""

    first: int
    last: int
    value: float
    digits: bool        # written with digits (not words)
    plain: bool         # a bare integer with no separator, decimal point or scale ("2021")
    scaled: bool        # a scale word or suffix was applied ("1.5 million", "2.3bn")
    suffix: str = ""    # letters glued to the digits that are not a scale ("6km" → "km")
    factor: float = 1.0  # scale words applied after the token ("$10-15 million" → 1e6)


@cache
def _lex() -> dict[str, object]:
    data = load_data("numbers.yaml")
    return {"units": frozenset(data["units"]), "scales": dict(data["scales"]),
            "suffixes": dict(data["suffixes"]), "vague": frozenset(data["vague"]),
            "vague_before": frozenset(data["vague_before"])}


def number_words() -> frozenset[str]:
    """Cardinal words that can start a number."""
    return _lex()["units"]  # type: ignore[return-value]


def scales() -> dict[str, int]:
    """Scale words and their factors."""
    return _lex()["scales"]  # type: ignore[return-value]


def vague_words() -> frozenset[str]:
    """Plural scale words that make an amount vague ("hundreds")."""
    return _lex()["vague"]  # type: ignore[return-value]


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word, number and punctuation tokens of `text` (offsets shifted by `offset`), in linear time.

    A flat regular expression finds runs of letters/digits and single other characters; one pass
    then joins hyphenated compounds ("20-30", "two-state"), apostrophes ("camp’s"), digit groups
    and decimals ("1,200", "2.3bn") and initials ("U.S.").
    """
    raw = [m.span() for m in _RUN.finditer(text)]
    out: list[Token] = []
    i = 0
    n = len(raw)
    while i < n:
        start, end = raw[i]
        j = i
        # Runs glued to the next one (no space between) are the only ones that may join it.
        while j + 2 < n and raw[j][1] == raw[j + 1][0] and _joins(text, raw[j], raw[j + 1], raw[j + 2]):
            end = raw[j + 2][1]
            j += 2
        if j + 1 < n and raw[j + 1][0] == end and _initial_dot(text, start, end, raw[j + 1]):
            end = raw[j + 1][1]
            j += 1
        tok = text[start:end]
        kind = NUM if tok[0].isdigit() else WORD if tok[0].isalnum() else PUNCT
        out.append(Token(start + offset, end + offset, tok, kind))
        i = j + 1
    return out


_RUN = re.compile(r"[^\W_]+|\S")


def _joins(text: str, a: tuple[int, int], sep: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do runs a and b, with one character between them, form one token?"""
    if a[1] != sep[0] or sep[1] != b[0] or sep[1] - sep[0] != 1:
        return False
    ch = text[sep[0]]
    if not text[a[1] - 1].isalnum() or not text[b[0]].isalnum():
        return False
    if ch in DASHES or ch in APOSTROPHES:
        return True
    if ch in ",." and text[a[1] - 1].isdigit() and text[b[0]].isdigit():
        return True
    return ch == "." and b[1] - b[0] == 1 and text[b[0]].isupper() and _single_capitals(text, a)


def _single_capitals(text: str, a: tuple[int, int]) -> bool:
    """Is run a a single capital letter or initials so far ("U", "U.S")?"""
    part = text[a[0]:a[1]]
    return all(len(p) == 1 and p.isupper() for p in part.split("."))


def _initial_dot(text: str, start: int, end: int, nxt: tuple[int, int]) -> bool:
    """Does the period after initials belong to them ("U.S." but not "I." at a sentence end)?"""
    return (nxt[0] == end and text[nxt[0]:nxt[1]] == "." and "." in text[start:end]
            and _single_capitals(text, (start, end)))


def parse_digits(text: str) -> tuple[float, bool, str] | None:
    """Value, plainness and trailing letters of a digit token ("1,200" → 1200.0, "2.3bn" → ...).

    Commas must group thousands; a period is a decimal point. Returns None when unreadable.
    """
    k = 0
    while k < len(text) and (text[k].isdigit() or text[k] in ",."):
        k += 1
    digits, letters = text[:k], text[k:]
    if not digits or digits[-1] in ",.":
        return None
    head, _, frac = digits.partition(".")
    if "." in frac:
        return None
    groups = head.split(",")
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    try:
        value = float("".join(groups) + ("." + frac if frac else ""))
    except ValueError:
        return None
    plain = len(groups) == 1 and not frac
    return value, plain, letters.lower()


def _word_value(words: list[str]) -> float | None:
    """Value of a run of number words (without "a"/"half"), via text2num."""
    if not words:
        return None
    dozen = 1
    if words[-1] == "dozen":
        dozen, words = 12, words[:-1]
        if not words:
            return 12.0
    try:
        return float(text2num(" ".join(words), "en")) * dozen
    except ValueError:
        return None


def read_number(tokens: list[Token], i: int, at_start: bool = False) -> Number | None:
    """The number starting at token `i`, or None when there is none (or it is vague).

    A capitalized number word is part of a name ("Group of Seven") unless `at_start` says the
    token opens a sentence.
    """
    tok = tokens[i]
    if tok.kind == NUM:
        return _read_digits(tokens, i)
    if tok.kind == WORD and (at_start or not tok.text[0].isupper()):
        return _read_words(tokens, i)
    return None


def _read_digits(tokens: list[Token], i: int) -> Number | None:
    """A digit number with an optional glued suffix and following scale words."""
    parsed = parse_digits(tokens[i].text)
    if parsed is None:
        return None
    value, plain, letters = parsed
    suffixes: dict[str, int] = _lex()["suffixes"]  # type: ignore[assignment]
    scaled = False
    if letters in suffixes:
        value, scaled, letters, plain = value * suffixes[letters], True, "", False
    last = i + 1
    factor = 1.0
    if not letters or (letters.startswith("-") and parse_digits(letters[1:]) is not None):
        scaled_value, last, more = _apply_scales(tokens, last, value)
        factor = scaled_value / value if value else 1.0
        value, scaled, plain = scaled_value, scaled or more, plain and not more
    return Number(i, last, value, True, plain, scaled, letters, factor)


def _apply_scales(tokens: list[Token], j: int, value: float) -> tuple[float, int, bool]:
    """Multiply by scale words from token `j` on ("1.5 million", "two hundred thousand")."""
    table = scales()
    scaled = False
    while j < len(tokens) and tokens[j].kind == WORD and tokens[j].lower in table:
        value *= table[tokens[j].lower]
        j += 1
        scaled = True
    return value, j, scaled


def _read_words(tokens: list[Token], i: int) -> Number | None:
    """A written-out number: "three", "twenty-five", "two dozen", "a million", "half a million"."""
    words = number_words()
    table = scales()
    low = tokens[i].lower
    if low in ("a", "an", "half"):
        return _read_article(tokens, i)
    if low.split("-")[0] not in words:
        return None
    run: list[str] = []
    j = i
    while j < len(tokens) and tokens[j].kind == WORD and _continues(tokens, j, run):
        run.append(tokens[j].lower)
        j += 1
    if not run or run == ["one"]:
        return None
    value = _word_value(run)
    if value is None:
        return None
    return Number(i, j, value, False, False, any(w in table for w in run))


def _continues(tokens: list[Token], j: int, run: list[str]) -> bool:
    """Does token `j` continue the run of number words (a number word, a scale or a joining "and")?"""
    words = number_words()
    table = scales()
    w = tokens[j].lower
    parts = w.split("-")
    if w in table or all(p in words for p in parts):
        return True
    return (w == "and" and bool(run) and run[-1] in table and j + 1 < len(tokens)
            and tokens[j + 1].lower.split("-")[0] in words)


def _read_article(tokens: list[Token], i: int) -> Number | None:
    """ "a million", "a dozen", "half a million", "a hundred thousand"."""
    table = scales()
    j = i
    factor = 1.0
    if tokens[j].lower == "half":
        if j + 1 < len(tokens) and tokens[j + 1].lower == "a":
            factor, j = 0.5, j + 1
        else:
            return None
    if j + 1 >= len(tokens) or tokens[j + 1].lower not in table:
        return None
    value, last, _ = _apply_scales(tokens, j + 1, factor)
    return Number(i, last, value, False, False, True)


__all__ = ["NUM", "PUNCT", "WORD", "Number", "Token", "number_words", "parse_digits", "read_number",
           "scales", "tokenize", "vague_words"]
