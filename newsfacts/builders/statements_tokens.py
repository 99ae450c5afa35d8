"""Tokens for the statements builder: words and punctuation with their offsets in the body.

A word is a run of letters and digits, with inner hyphens, apostrophes and periods kept when a
letter or digit follows ("al-Harbi", "China’s", "U.N"). Every other non-space character is a
token of its own. One linear scan.
"""

from __future__ import annotations

from dataclasses import dataclass

INNER = frozenset("-'’.")


@dataclass(frozen=True)
class Tok:
    """One token: its text, span and whether it lies inside a quotation."""

    text: str
    start: int
    end: int
    quoted: bool = False

    @property
    def lower(self) -> str:
        """Lowercase text with curly apostrophes straightened."""
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        """True for words (letters or digits), False for punctuation."""
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        """True for a word starting with an uppercase letter."""
        return self.text[0].isupper()

    @property
    def possessive(self) -> bool:
        """True for "China’s", "Wang's", "UN’s"."""
        return self.lower.endswith("'s") and len(self.text) > 2


def tokenize(body: str, start: int, end: int) -> list[Tok]:
    """Tokens of body[start:end]."""
    out: list[Tok] = []
    i = start
    while i < end:
        ch = body[i]
        if ch.isspace():
            i += 1
            continue
        if not ch.isalnum():
            out.append(Tok(ch, i, i + 1))
            i += 1
            continue
        j = i + 1
        while j < end:
            c = body[j]
            if c.isalnum():
                j += 1
            elif c in INNER and j + 1 < end and body[j + 1].isalnum():
                j += 2
            else:
                break
        if j < end and body[j] == "." and ("." in body[i:j] or (j - i == 1 and body[i].isupper())):
            j += 1  # "U.N." and the initial in "Daniel R. Whitcombe" keep their period
        out.append(Tok(body[i:j], i, j))
        i = j
    return out


def mark_quoted(tokens: list[Tok], spans: list[tuple[int, int]]) -> list[Tok]:
    """The tokens with `quoted` set for those inside one of the sorted, disjoint spans."""
    out: list[Tok] = []
    k = 0
    for t in tokens:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= t.start < spans[k][1]
        out.append(Tok(t.text, t.start, t.end, inside) if inside else t)
    return out
