"""Actor mentions: what the actors builder found, and how the other builders look actors up."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from newsfacts.schema.models import ActorRow

# Head nouns that fit almost any organization: "the agency said" may mean the last body named even
# when its name lacks the noun; "the company" or "the ministry" must find its noun in a name.
ANY_BODY_NOUNS = frozenset({"agency", "organisation", "organization", "body", "group", "monitor", "watchdog",
                            "charity", "observatory"})


def locating(word: str) -> bool:
    """Does a modifier only say where a body sits ("the Britain-based monitor")?"""
    return word.lower().endswith("-based")


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
        # Per kind: the global indexes of its mentions, so a look-back by kind never walks over
        # the mentions of other kinds (linear, whatever the mix of kinds in the article).
        self._by_kind: dict[str, list[int]] = {}
        for i, m in enumerate(self.mentions):
            self._by_kind.setdefault(m.kind, []).append(i)

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
        last = bisect.bisect_left(self._starts, pos) - 1
        best: int | None = None
        if kinds is None:
            best = self._last_ending(range(last, -1, -1), pos)
        for kind in set(kinds or ()):
            idx = self._by_kind.get(kind, [])
            k = bisect.bisect_right(idx, last) - 1
            found = self._last_ending((idx[j] for j in range(k, -1, -1)), pos)
            if found is not None and (best is None or found > best):
                best = found
        return None if best is None else self.mentions[best]

    def _last_ending(self, indexes: Iterable[int], pos: int) -> int | None:
        """The first of `indexes` (scanned newest first) whose mention ends at or before pos."""
        for i in indexes:
            if self.mentions[i].end <= pos:
                return i
        return None

    def name(self, actor_id: str) -> str:
        """The actor's name (its fullest form)."""
        return self.actors[actor_id].name
