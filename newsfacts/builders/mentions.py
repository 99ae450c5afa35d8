"""Actor mentions: what the actors builder found, and how the other builders look actors up."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from newsfacts.schema.models import ActorRow


@dataclass(frozen=True, order=True)
class Mention:
    """One mention of an actor in the body: span, actor id and the text as written."""

    start: int
    end: int
    actor_id: str
    kind: str
    text: str


class ActorIndex:
    """The actors of one article and their mentions, sorted by position."""

    def __init__(self, actors: Iterable[ActorRow], mentions: Iterable[Mention]) -> None:
        self.actors: dict[str, ActorRow] = {a.actor_id: a for a in actors}
        self.mentions: list[Mention] = sorted(mentions)
        self._starts = [m.start for m in self.mentions]

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside [start, end), in order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def at(self, pos: int) -> Mention | None:
        """The mention covering character `pos`, if any."""
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0 and self.mentions[i].start <= pos:
            if self.mentions[i].end > pos:
                return self.mentions[i]
            i -= 1
            if i >= 0 and pos - self.mentions[i].start > 200:
                break
        return None

    def before(self, pos: int, kinds: Iterable[str] | None = None) -> Mention | None:
        """The most recent mention ending at or before `pos`, optionally of the given kinds."""
        wanted = set(kinds) if kinds is not None else None
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.end <= pos and (wanted is None or m.kind in wanted):
                return m
            i -= 1
        return None

    def name(self, actor_id: str) -> str:
        """The actor's name (its fullest form)."""
        return self.actors[actor_id].name
