"""Clause tokens: words with inner hyphens and apostrophes, and single punctuation marks.

The meetings builder reads clauses with them and place phrases are found on them. One linear scan
(a flat pattern: a word run or one other non-space character).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsfacts.builders.text.memo import Memo

_TOKEN = re.compile(r"\w[\w'’-]*|[^\w\s]")


class ClauseTok(NamedTuple):
    """A token of the body: absolute span, text, and lowercase text without a possessive ending."""

    start: int
    end: int
    text: str
    low: str = ""


def _low(text: str) -> str:
    """Lowercase text without a possessive ending."""
    low = text.lower()
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    return low


_LOW = Memo(_low)
_new = tuple.__new__  # builds a ClauseTok from a ready tuple, without the generated __new__'s call


def make_tok(start: int, end: int, text: str) -> ClauseTok:
    """A token with its `low` form computed once."""
    return _new(ClauseTok, (start, end, text, _LOW[text]))


def clause_tokens(body: str, start: int, end: int) -> list[ClauseTok]:
    """Tokens of body[start:end] with absolute offsets."""
    low = _LOW
    return [_new(ClauseTok, (i, j, text, low[text]))
            for m in _TOKEN.finditer(body, start, end) for (i, j), text in ((m.span(), m.group()),)]
