"""Quotation-mark scanning: where each quotation of a body opens and closes.

One linear scan over the body. Double quotation marks only: curly `“…”`, straight `"…"` and
guillemets `«…»`. Single marks are left alone because `’` is also the apostrophe. A quotation
still open at the end of a paragraph continues when the next paragraph opens with a quotation
mark (the newspaper convention for quotes that run over several paragraphs); otherwise it ends
with its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_CLOSE = {"“": "”", "«": "»", '"': '"', "„": "“"}
OPENING = frozenset(OPEN_CLOSE)
QUOTE_MARKS = frozenset("“”«»\"„")


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
        ch = body[i]
        if start < 0:
            if ch in OPENING and _opens(body, i):
                start, closer = i, OPEN_CLOSE[ch]
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
