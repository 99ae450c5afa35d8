"""Quotation-mark scanning: where each quotation of a body opens and closes.

One linear scan over the body. Double quotation marks only: curly `“…”`, straight `"…"` and
guillemets `«…»`. Single marks (`‘…’`, `'…'`, common in British
style) open only at the start of a word and close at the first matching mark that ends a word and
is not an apostrophe ("don’t") or a plural possessive ("the farmers’ union"); they never run
over a paragraph break. A quotation
still open at the end of a paragraph continues when the next paragraph opens with a quotation
mark (the newspaper convention for quotes that run over several paragraphs); otherwise it ends
with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_CLOSE = {"“": "”", "«": "»", '"': '"', "„": "“"}
OPENING = frozenset(OPEN_CLOSE)
QUOTE_MARKS = frozenset("“”«»\"„‘’'")
SINGLE = {"‘": "’", "'": "'"}
# Every character the scan acts on: opening and closing marks, and the paragraph break.
_MARKS = re.compile("[\n“”«»\"„‘']")
MAX_SINGLE = 2000


@dataclass(frozen=True)
class Quote:
    """One quotation: `start` at its opening mark, `end` just after its closing mark.

    `inner_start`/`inner_end` bound the quoted text without the outer marks; `closed` is False
    when the quotation ran to the end of its paragraph without a closing mark.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    def text(self, body: str) -> str:
        """The quoted text without quotation marks (re-opening marks of new paragraphs dropped)."""
        inner = body[self.inner_start:self.inner_end]
        for mark in OPENING:
            inner = inner.replace("\n" + mark, "\n")
        return inner.strip()


def find_quotes(body: str) -> list[Quote]:
    """All quotations of the body in order of position."""
    out: list[Quote] = []
    n = len(body)
    start = -1
    closer = ""
    i = 0
    while i < n:
        mark = _MARKS.search(body, i)  # every other character leaves the scan as it is
        if mark is None:
            break
        i = mark.start()
        ch = body[i]
        if start < 0:
            if ch in OPENING and _opens(body, i):
                start, closer = i, OPEN_CLOSE[ch]
            elif ch in SINGLE and _opens_single(body, i):
                close = _single_close(body, i)
                if close > 0:
                    out.append(Quote(i, close + 1, i + 1, close))
                    i = close
        elif ch == closer:
            out.append(Quote(start, i + 1, start + 1, i))
            start = -1
        elif ch == "\n":
            j = i + 1
            while j < n and body[j] in " \t\n":
                j += 1
            if j < n and body[j] in OPENING:
                i = j + 1  # the quotation continues in the next paragraph
                continue
            out.append(Quote(start, i, start + 1, i, closed=False))
            start = -1
        i += 1
    if start >= 0:
        out.append(Quote(start, n, start + 1, n, closed=False))
    return [q for q in out if q.inner_end > q.inner_start]


def _opens(body: str, i: int) -> bool:
    """Can the mark at `i` open a quotation? A straight quote must not follow a letter or digit."""
    if body[i] != '"':
        return True
    return i == 0 or not body[i - 1].isalnum()


def _opens_single(body: str, i: int) -> bool:
    """A single mark opens a quotation before a letter at the start of a word."""
    nxt = body[i + 1] if i + 1 < len(body) else ""
    return nxt.isalpha() and (i == 0 or body[i - 1].isspace() or body[i - 1] in "(—–-[")


def _single_close(body: str, i: int) -> int:
    """Index of the mark closing the single quotation opened at i, or -1 (bounded search)."""
    closer = SINGLE[body[i]]
    n = min(len(body), i + MAX_SINGLE)
    for k in range(i + 2, n):
        ch = body[k]
        if ch == "\n":
            return -1
        if ch != closer:
            continue
        after = body[k + 1] if k + 1 < len(body) else ""
        if after.isalnum() or body[k - 1].isspace():
            continue
        if body[k - 1] == "s" and after == " " and body[k + 2:k + 3].islower():
            continue
        return k
    return -1
