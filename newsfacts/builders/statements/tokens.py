"""Tokens for the statements builder: words and punctuation with their offsets in the body.

A word is a run of letters and digits, with inner hyphens, apostrophes and periods kept when a
letter or digit follows ("al-Harbi", "China’s", "U.N"). Every other non-space character is a
token of its own. One linear scan.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsfacts.builders.actors.tokens import DOTTED

# A word (alphanumeric runs joined by single inner separators, which are not alphanumeric, so the
# match is unique and the scan linear), or any other non-space character.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|\S")


class Tok(NamedTuple):
    """One token: its text, span, whether it lies inside a quotation, and derived forms computed once:
    `lower` (lowercase, curly apostrophes straightened), `is_word` (letters or digits, not
    punctuation), `is_cap` (starts with an uppercase letter), `possessive` ("China’s", "UN's")."""

    text: str
    start: int
    end: int
    quoted: bool
    lower: str
    is_word: bool
    is_cap: bool
    possessive: bool


def make_tok(text: str, start: int, end: int, quoted: bool = False) -> Tok:
    """A token with its derived forms."""
    lower = text.lower().replace("’", "'")
    return Tok(text, start, end, quoted, lower, text[0].isalnum(), text[0].isupper(),
               lower.endswith("'s") and len(text) > 2)


def tokenize(body: str, start: int, end: int) -> list[Tok]:
    """Tokens of body[start:end]."""
    out: list[Tok] = []
    taken = start  # end of the last token: a period taken by the token before is not a token again
    for m in _TOKEN.finditer(body, start, end):
        i, j = m.span()
        if i < taken:
            continue
        if j < end and body[j] == "." and ("." in body[i:j] or (j - i == 1 and body[i].isupper())
                                           or body[i:j].lower() in DOTTED):
            j += 1  # "U.N.", the initial in "Daniel R. Whitcombe" and "Dr." keep their period
        taken = j
        out.append(make_tok(body[i:j], i, j))
    return out


def mark_quoted(tokens: list[Tok], spans: list[tuple[int, int]]) -> list[Tok]:
    """The tokens with `quoted` set for those inside one of the sorted, disjoint spans."""
    out: list[Tok] = []
    k = 0
    for t in tokens:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= t.start < spans[k][1]
        out.append(t._replace(quoted=True) if inside else t)
    return out
