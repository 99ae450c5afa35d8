"""Where an actor belongs: the state or body a person's title or apposition names, and the
country cues (states, demonyms, territories) that locate bodies and people without one."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from newsfacts.builders.actors.find import Cand, Ctx
from newsfacts.builders.actors.vocab import words
from newsfacts.builders.geo import gazetteer as gz

TITLE_OBJECT = frozenset({"to", "for", "in", "of", "the", "on"})
APPOSITION_OPENERS = frozenset({"a", "an", "the", "its", "his", "her", "their"})
BOUNDARY = ".;:!?“”\"()—–\n"
LOOK = 10


@dataclass
class Cues:
    """Country cues by token position, the home state of the article, and lookups by span."""

    ctx: Ctx
    found: list[Cand]

    def __post_init__(self) -> None:
        toks = self.ctx.toks
        cues: list[tuple[int, str]] = []
        for c in self.found:
            if c.kind in ("state", "place") and c.country:
                cues.append((c.t0, c.country))
        for k, t in enumerate(toks):
            if t.cap and (iso := gz.demonym_iso3(t.text)) is not None:
                cues.append((k, iso))
        cues.sort()
        self.positions = [p for p, _ in cues]
        self.codes = [c for _, c in cues]
        self.by_end = {c.t1 - 1: c for c in self.found if "nested" not in c.extra}
        self.by_start = {c.t0: c for c in self.found if c.kind != "person"}
        counts = Counter(self.codes)
        if self.codes:
            counts[self.codes[0]] += 2
        self.home = min(counts, key=lambda k: (-counts[k], self.codes.index(k))) if counts else None

    def before(self, t: int, floor: int) -> str | None:
        """The last country cue before token t and not before token `floor`."""
        i = bisect.bisect_left(self.positions, t) - 1
        return self.codes[i] if i >= 0 and self.positions[i] >= floor else None

    def located_after(self, t: int) -> str | None:
        """ISO3 of a place in "in <place>" right after token t - 1 ("… Council in Port-au-Prince")."""
        toks = self.ctx.toks
        if t + 1 >= len(toks) or toks[t].text != "in" or not toks[t + 1].cap:
            return None
        for size in (3, 2, 1):
            if t + 1 + size <= len(toks) and (iso := gz.place_iso3(self.ctx.text(t + 1, t + 1 + size))):
                return iso
        return None

    def gap(self, a: int, b: int) -> str:
        """Text between tokens a and b (b = a + 1)."""
        return self.ctx.body[self.ctx.toks[a].end:self.ctx.toks[b].start]

    def sentence_floor(self, t: int) -> int:
        """First token of the sentence holding token t (scanning back at most 80 tokens)."""
        k = t
        while k > 0 and t - k < 80 and not any(ch in self.gap(k - 1, k) for ch in ".!?\n"):
            k -= 1
        return k


def demonym_at(ctx: Ctx, k: int) -> str | None:
    """ISO3 of a one- or two-word demonym ending at token k ("Chinese", "South Korean")."""
    t = ctx.toks[k]
    if not t.cap:
        return None
    if k > 0 and ctx.toks[k - 1].cap and ctx.gap_ok(k - 1, k):
        two = gz.demonym_iso3(ctx.text(k - 1, k + 1))
        if two is not None:
            return two
    return gz.demonym_iso3(t.text)


def person_context(cues: Cues, c: Cand) -> tuple[Cand | str | None, bool]:
    """What a person belongs to: a state/organization mention or an ISO3 from a demonym (and True),
    or the nearest country cue of the sentence (and False)."""
    found = _backward(cues, c) or _forward(cues, c)
    if found is not None:
        return found, True
    return cues.before(c.t0, cues.sentence_floor(c.t0)), False


def _backward(cues: Cues, c: Cand) -> Cand | str | None:
    """The owner in the title before the name ("Chinese diplomat", "the Palestinian Authority's
    foreign minister", "China's ambassador to the Solomon Islands, …")."""
    ctx, k = cues.ctx, c.t0 - 1
    while k >= 0 and c.t0 - k <= LOOK:
        gap = cues.gap(k, k + 1)
        if any(ch in gap for ch in BOUNDARY) or ("," in gap and k + 1 != c.t0):
            return None
        src = cues.by_end.get(k)
        if src is not None and src.kind == "person":
            return src if ctx.toks[k].possessive else None
        if src is not None:
            if src.t0 > 0 and ctx.toks[src.t0 - 1].text in TITLE_OBJECT:
                k = src.t0 - 1
                continue
            return src
        if (iso := demonym_at(ctx, k)) is not None:
            return iso
        if ctx.toks[k].low in words().speech:
            return None
        k -= 1
    return None


def _forward(cues: Cues, c: Cand) -> Cand | str | None:
    """The owner in an apposition after the name (", the Palestinian foreign minister", ", a
    volunteer with the Chadian Red Crescent")."""
    ctx, w = cues.ctx, words()
    k = c.t1
    if k >= len(ctx.toks) or cues.gap(k - 1, k).strip() != ",":
        return None
    first = ctx.toks[k]
    if not (first.low in APPOSITION_OPENERS or k in cues.by_start or demonym_at(ctx, k)
            or first.low in w.roles or first.low in w.modifiers):
        return None
    while k < len(ctx.toks) and k - c.t1 <= LOOK + 2:
        if k > c.t1 and any(ch in cues.gap(k - 1, k) for ch in BOUNDARY + ","):
            return None
        if k in cues.by_start:
            return cues.by_start[k]
        if (iso := demonym_at(ctx, k)) is not None:
            return iso
        k += 1
    return None
