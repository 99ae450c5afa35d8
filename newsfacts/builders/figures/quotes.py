"""Text helpers for figures sources: quotation spans and token lookup by position.

`Quotes(body)` finds every quotation once (curly pairs, or straight quotes toggling, closed at
the end of a paragraph) and answers `at(pos)`. Both helpers are linear or logarithmic.
"""

from __future__ import annotations

import bisect
import re

from newsfacts.builders.text.numbers import Token

_QUOTE_CHARS = re.compile('[“”«»"\n]')


class Quotes:
    """The quotations of a body, for "is this figure quoted, and does its quote run on?"."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.spans = quote_spans(body)
        self._starts = [q[0] for q in self.spans]

    def at(self, pos: int) -> tuple[int, int] | None:
        """The quotation holding character `pos`, if any."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.spans[i] if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1] else None

    def runs_on(self, span: tuple[int, int]) -> bool:
        """Was the quotation left open at the end of its paragraph?"""
        return self.body[span[1]:span[1] + 1] == "\n"


def token_at(tokens: list[Token], pos: int) -> int:
    """Index of the first token ending after `pos` (binary search)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def quote_spans(body: str) -> list[tuple[int, int]]:
    """Spans of quotations in the body (curly pairs or straight-quote toggles, within a paragraph)."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for m in _QUOTE_CHARS.finditer(body):
        i, ch = m.start(), m.group()
        if ch == "\n":
            if open_at >= 0:
                spans.append((open_at, i))
            open_at = -1
        elif ch in "“«" or (ch == '"' and open_at < 0):
            open_at = i
        elif open_at >= 0:
            spans.append((open_at, i + 1))
            open_at = -1
    return spans
