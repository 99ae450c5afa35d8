"""Resolving a source phrase to an actor: names, pronouns, anaphors ("the agency") and titles.

`Resolver.resolve(start, end, sentence_start)` turns the text of a source phrase into a
`Source`: the phrase as written plus the actor id of the actor it names, the actor a pronoun
refers to ("she" → the last person mentioned), or the named body an anaphor refers to ("the
agency" → the last organization whose name holds "agency"). Look-backs are bounded.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsfacts.builders.actors.mentions import ANY_BODY_NOUNS, ActorIndex, Mention, locating
from newsfacts.builders.text.lexicon import load_data

MAX_LOOK_BACK = 60      # actor mentions examined when resolving an anaphor
MAX_HISTORY = 40        # earlier sources examined
MAX_NAME = 120          # characters a name may start before a source phrase ("the X, Y and Z Agency")


@dataclass(frozen=True)
class Source:
    """A resolved source: text as written (or the actor's name) and the actor id, if any."""

    text: str
    actor_id: str | None


@cache
def source_lex() -> dict[str, Any]:
    """The attribution lexicon with lists as sets."""
    data = load_data("figure_sources.yaml")
    out: dict[str, Any] = {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}
    out["pronouns"] = {k: frozenset(v) for k, v in data["pronouns"].items()}
    out["source_prefixes"] = tuple(data["source_prefixes"])
    return out


def _nothing() -> None:
    """Default hook: nothing to prepare before looking at earlier sources."""


def best_mention(mentions: list[Mention]) -> Mention:
    """The mention that names a source: the last person, else the longest mention."""
    people = [m for m in mentions if m.kind == "person"]
    if people:
        return people[-1]
    return max(mentions, key=lambda m: (m.end - m.start, -m.start))


class Resolver:
    """Resolves source phrases of one document; remembers the sources resolved so far."""

    def __init__(self, body: str, actors: ActorIndex) -> None:
        self.body = body
        self.actors = actors
        self.history: list[tuple[int, int, Source]] = []   # (position, order, source), sorted
        self._starts = [m.start for m in actors.mentions]
        self.before_lookup: Callable[[], None] = _nothing

    def remember(self, pos: int, source: Source) -> None:
        """Record a source resolved at character `pos` (for "it said" and "the agency said")."""
        bisect.insort(self.history, (pos, len(self.history), source), key=lambda h: (h[0], h[1]))

    def resolve(self, start: int, end: int, sentence_start: int) -> Source | None:
        """The source named by body[start:end]."""
        text = self.body[start:end].strip()
        low = text.lower().replace("’", "'")
        for prefix in source_lex()["source_prefixes"]:
            if low.startswith(prefix + " "):
                start += len(prefix) + 1
                text, low = text[len(prefix) + 1:], low[len(prefix) + 1:]
        if not text:
            return None
        mentions = [m for m in self.actors.in_span(max(0, start - MAX_NAME), end) if m.end > start]
        if text.endswith(")") and "(" in text and len({m.actor_id for m in mentions}) <= 1:
            text = text[:text.rindex("(")].rstrip() or text  # "The Food Agency (FA)" → "The Food Agency"
        if mentions:
            return Source(text, best_mention(mentions).actor_id)
        words = [w.strip(".,()") for w in low.split()]
        if any(w[:1].isupper() and not locating(w) for w in text.split()[1:]):
            return Source(text, None)  # a name the actors builder did not know ("the Britain-based" describes)
        return self._anaphor(words, start, sentence_start) or Source(text, None)

    def _anaphor(self, words: list[str], start: int, sentence_start: int) -> Source | None:
        """A pronoun, "the agency"-style anaphor or "the vice premier"-style title."""
        lex = source_lex()
        if len(words) == 1 and words[0] in lex["pronouns"]["person"]:
            m = self.actors.before(start, kinds=["person"])
            return self._named(m) if m else None
        if len(words) == 1 and words[0] in lex["pronouns"]["group"]:
            return self._recent(start, None) or self._actor_before(start, None, sentence_start=0)
        if not words or words[0] not in ("the", "its", "a", "their", "an") or len(words) > 5:
            return None
        if any(w.endswith("'s") for w in words[1:-1]):
            return None  # "the governor's office" describes, it does not point back
        noun = words[-1].removesuffix("'s")
        if noun in lex["documents"]:
            owner = next((w for w in words[1:-1] if w in lex["generic_nouns"]), None)
            return ((self._actor_before(start, owner, 0) if owner else None)
                    or self._actor_before(start, None, sentence_start, kinds=("organization", "state"))
                    or self._recent(start, None))
        if noun in lex["generic_nouns"]:
            return (self._recent(start, noun) or self._actor_before(start, noun, 0)
                    or self._actor_before(start, None, sentence_start, kinds=("organization",))
                    or (self._recent(start, None, prefix="org:")
                        if noun in ANY_BODY_NOUNS and all(locating(w) for w in words[1:-1]) else None))
            # "the agency", "the Britain-based monitor" point back; "the regional administration"
            # describes a body of its own
        return self._title(words[1:], start)

    def _named(self, m: Mention) -> Source:
        """A source for an actor mention, under the actor's name."""
        row = self.actors.actors.get(m.actor_id)
        return Source(row.name if row else m.text, m.actor_id)

    def _recent(self, pos: int, noun: str | None, prefix: str = "") -> Source | None:
        """The latest earlier source naming an actor (whose text holds `noun`, when given; whose
        actor id starts with `prefix`, e.g. "org:" after "the agency" names no body directly)."""
        self.before_lookup()
        end = bisect.bisect_left(self.history, pos, key=lambda h: h[0])
        for _, _, src in reversed(self.history[max(0, end - MAX_HISTORY):end]):
            if noun is None and src.actor_id and src.actor_id.startswith(prefix):
                return src
            if noun is not None and noun in src.text.lower():
                return src
        return None

    def _actor_before(self, pos: int, noun: str | None, sentence_start: int,
                      kinds: tuple[str, ...] = ("organization", "state")) -> Source | None:
        """The nearest actor of `kinds` before `pos` (from `sentence_start` on) named with `noun`."""
        i = bisect.bisect_left(self._starts, pos) - 1
        seen = 0
        while i >= 0 and seen < MAX_LOOK_BACK:
            m = self.actors.mentions[i]
            if m.start < sentence_start:
                return None
            name = self._named(m).text
            if m.kind in kinds and (noun is None or noun in name.lower()):
                return self._named(m)
            i -= 1
            seen += 1
        return None

    def _title(self, words: list[str], pos: int) -> Source | None:
        """The person last mentioned before `pos` whose title ends like the phrase ("vice premier")."""
        endings = [" ".join(words[-n:]) for n in (2, 1) if len(words) >= n and words[-n:][0][:1].isalpha()]
        if not endings:
            return None
        i = bisect.bisect_left(self._starts, pos) - 1
        seen = 0
        while i >= 0 and seen < MAX_LOOK_BACK:
            m = self.actors.mentions[i]
            row = self.actors.actors.get(m.actor_id)
            title = row.title.lower() if row and row.title else ""
            if m.kind == "person" and title and any(title.endswith(e) for e in endings):
                return self._named(m)
            i -= 1
            seen += 1
        return None
