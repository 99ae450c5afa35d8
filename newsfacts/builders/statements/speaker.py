"""Speakers of statements: resolving a subject phrase (`phrases`) to actors.

A phrase resolves to actors of the `ActorIndex`: the last mention that heads the phrase (not a
possessive, not followed by a title or group noun), several for coordinated phrases ("Kenya and
Ethiopia said"), the person or organization a pronoun or definite description points at ("she",
"the minister", "the agency"), and otherwise the phrase as written (an unnamed group keeps its
description and a null actor id). Look-backs over mentions are bounded.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsfacts.builders.actors.mentions import ANY_BODY_NOUNS, ActorIndex, Mention, locating
from newsfacts.builders.geo.gazetteer import demonym_iso3, state_iso3
from newsfacts.builders.statements.vocab import words
from newsfacts.builders.text.tokens import Tok

FUNCTION_WORDS = words("determiners") | words("boundaries") | words("skip") | words("prepositions") | {
    "having", "needless", "so", "all", "as", "and", "but", "there", "here"}
PERSON_NOUNS = frozenset(["official", "spokesperson", "spokesman", "spokeswoman", "diplomat", "source",
                          "officials", "diplomats", "sources", "leaders", "ministers"])
MAX_LOOKBACK = 60
TITLE_MODIFIERS = frozenset(["vice", "prime", "foreign", "defence", "defense", "interior", "finance", "health",
                             "trade", "economy", "cabinet", "deputy"])
MAX_SCAN = 400


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: actor id (or None), text, actor kind ("" for descriptions)."""

    actor_id: str | None
    text: str
    kind: str = ""


class SpeakerResolver:
    """Resolves subject phrases of one document against its actor index."""

    def __init__(self, body: str, actors: ActorIndex) -> None:
        self.body = body
        self.actors = actors
        self._starts = [m.start for m in actors.mentions]
        self.prefer_person: Speaker | None = None
        self.gender: dict[str, str] = {}
        self.prefer_group: list[Speaker] = []
        self.spoken: list[Speaker] = []

    def recent(self, pos: int, kinds: tuple[str, ...]) -> list[Mention]:
        """Mentions of the given kinds ending before pos, most recent first (bounded)."""
        out: list[Mention] = []
        i = bisect.bisect_left(self._starts, pos) - 1
        stop = i - MAX_SCAN
        while i >= 0 and i > stop and len(out) < MAX_LOOKBACK:
            m = self.actors.mentions[i]
            if m.end <= pos and m.kind in kinds:
                out.append(m)
            i -= 1
        return out

    def speaker(self, m: Mention) -> Speaker:
        """The speaker of an actor mention (the actor's name when the actor is known)."""
        row = self.actors.actors.get(m.actor_id)
        return Speaker(m.actor_id, row.name if row else m.text, m.kind)

    def possessive(self, m: Mention) -> bool:
        """Is the mention a possessor ("China’s Foreign Ministry")?"""
        after = self.body[m.end:m.end + 2].replace("’", "'")
        return after == "'s" or m.text.replace("’", "'").endswith("'s")

    def head_mention(self, toks: list[Tok], a: int, b: int) -> Mention | None:
        """The last mention heading toks[a:b]: not a possessor, only parentheses or institution
        nouns after it."""
        if a >= b:
            return None
        best: Mention | None = None
        for m in self.actors.in_span(toks[a].start, toks[b - 1].end):
            if self.possessive(m) or m.text.split()[-1].lower() in PERSON_NOUNS:
                continue
            rest = [t for t in toks[a:b] if t.start >= m.end]
            if _tail_ok(rest):
                best = m
        return best

    def resolve(self, toks: list[Tok], a: int, b: int) -> list[Speaker]:
        """Speakers named by the phrase toks[a:b] (empty when it names nobody)."""
        if a >= b or all(not t.is_word or (t.lower in FUNCTION_WORDS and not _acronym(t)) for t in toks[a:b]):
            return []
        text = self.body[toks[a].start:toks[b - 1].end]
        low = text.lower()
        if b - a == 1 and low in words("pronouns_person"):
            return self._pronoun(toks[a].start, ("person",))
        if b - a == 1 and low in words("pronouns_group"):
            return self._pronoun(toks[a].start, ("organization", "state"))
        parts = _split_coordination(toks, a, b)
        if len(parts) > 1:
            heads = [self.head_mention(toks, s, e) for s, e in parts]
            if all(heads) and heads[0] and (heads[0].kind == "person" or not _of_a_body(toks, a, heads[0].start)):
                return [self.speaker(m) for m in heads if m]
        m = self.head_mention(toks, a, b)
        if m and (m.kind == "person" or not _of_a_body(toks, a, m.start)):
            return [self.speaker(m)]
        if m is None and len(parts) > 1 and _proper_list(self.body, toks, a, b, parts):
            return [Speaker(None, _name_text(self.body, toks, s, e)) for s, e in parts]
        described = self._description(toks, a, b)
        if described:
            return [described]
        return [Speaker(None, _name_text(self.body, toks, a, b))]

    def _pronoun(self, pos: int, kinds: tuple[str, ...]) -> list[Speaker]:
        """The person who spoke just before (`prefer_person`), else the most recent actor of a
        compatible kind."""
        word = self.body[pos:pos + 4].split()[0].lower()
        if kinds != ("person",):
            last = [s for s in self.prefer_group if s.kind != "person"]
            if last and (word != "it" or len(last) == 1):
                return last
            found = self.recent(pos, kinds)
            return [self.speaker(found[0])] if found else []
        candidates = [self.prefer_person] if self.prefer_person is not None else []
        candidates += [self.speaker(m) for m in self.recent(pos, kinds)]
        for c in candidates:
            if self.gender.get(c.text, word) == word:
                self.gender[c.text] = word
                return [c]
        return [candidates[0]] if candidates else [Speaker(None, word)]

    def _description(self, toks: list[Tok], a: int, b: int) -> Speaker | None:
        """A definite description ("the minister", "the agency") → the actor it points at."""
        if toks[a].lower != "the" or not toks[b - 1].text[0].islower():
            return None
        head = toks[b - 1].lower
        mods = toks[a + 1:b - 1]
        if head in words("titles"):
            return self._titled(toks[a].start, head, mods)
        if head in words("institutions") and all((t.text[0].islower() or locating(t.text))
                                                 and not t.possessive for t in mods):
            return self.institution(toks[a].start, head)
        return None

    def institution(self, pos: int, head: str) -> Speaker | None:
        """The organization "the <head>" points at: the latest whose name has the head noun,
        else the latest organization (the latest state for "the government")."""
        if head in ("government", "country"):
            states = self.recent(pos, ("state",))
            return self.speaker(states[0]) if states else None
        orgs = self.recent(pos, ("organization",))
        for m in orgs:
            row = self.actors.actors.get(m.actor_id)
            if head in (row.name if row else m.text).lower():
                return self.speaker(m)
        for sp in reversed(self.spoken):
            if head in sp.text.lower().split():
                return sp
        if head not in _ANY_BODY:
            return None  # "the company", "the ministry": only a body whose name has the noun
        return self.speaker(orgs[0]) if orgs else None

    def _titled(self, pos: int, head: str, mods: list[Tok]) -> Speaker | None:
        """The recent person whose title best matches "the [Chinese] [deputy] minister"."""
        iso = next((c for t in mods if (c := demonym_iso3(t.text))), None)
        want = [t.lower for t in mods if t.lower in words("titles")]
        best: Mention | None = None
        score = -1
        for m in self.recent(pos, ("person",)):
            row = self.actors.actors.get(m.actor_id)
            if row is None or (iso and row.country != iso):
                continue
            title = (row.title or "").lower()
            sc = 1 + sum(w in title for w in want) if head in title else 0
            if sc > score:
                best, score = m, sc
        if best is None or (want and score < 1 + len(want)) or (score == 0 and not iso):
            return None
        return self.speaker(best)


def _of_a_body(toks: list[Tok], a: int, start: int) -> bool:
    """"A spokesman for the ministry", "officials in Sindh": a person noun heads the phrase and the
    actor only follows its preposition, so the speaker is the description."""
    seen = False
    for t in toks[a:]:
        if t.start >= start:
            return False
        low = t.lower
        if low in words("prepositions") and t.text[0].islower():
            return seen
        if low in words("titles") or low in words("groups") or low in PERSON_NOUNS:
            seen = True
    return False


def _proper_list(body: str, toks: list[Tok], a: int, b: int, parts: list[tuple[int, int]]) -> bool:
    """Is toks[a:b] a list of proper names ("Germany and Hungary"), not one name with "and" in it
    ("Bosnia and Herzegovina", "Ministry of Foreign Affairs and Trade")?"""
    if state_iso3(body[toks[a].start:toks[b - 1].end]) or any(t.lower in ("of", "for") for t in toks[a:b]):
        return False
    for s, e in parts:
        named = [t for t in toks[s:e] if t.is_word and t.lower != "the"]
        if not named or not all(t.is_cap and not t.possessive for t in named):
            return False
        if toks[e - 1].text != ")" and named[-1].lower in words("institutions"):
            return False
    return True


def _acronym(t: Tok) -> bool:
    """"WHO", "IT": an all-capital word is a name, not a function word."""
    return len(t.text) > 1 and t.text.isupper()


# Speakers may also be blocs of states: "the alliance said" may be the last one named.
_ANY_BODY = ANY_BODY_NOUNS | {"alliance", "bloc", "union"}


def _tail_ok(rest: list[Tok]) -> bool:
    """Only parentheses, acronyms in them, institution nouns or a closing place ("in Gaza", "in the
    Kenyan capital") follow a heading mention."""
    depth = 0
    for n, t in enumerate(rest):
        if depth == 0 and t.lower in ("in", "at") and _place_tail(rest[n + 1:]):
            return True
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and not (t.text[0].islower() and t.lower in words("institutions")):
            return False
    return True


def _place_tail(rest: list[Tok]) -> bool:
    """Is `rest` a short place name ("Gaza", "the West Bank", "Nairobi")?"""
    words_ = [t for t in rest if t.lower != "the"]
    return 0 < len(words_) <= 3 and all(t.is_word and t.is_cap for t in words_)


def _split_coordination(toks: list[Tok], a: int, b: int) -> list[tuple[int, int]]:
    """Parts of a coordinated phrase split at top-level "and" and commas."""
    parts: list[tuple[int, int]] = []
    s = a
    depth = 0
    for i in range(a, b):
        t = toks[i]
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and (t.lower in ("and", "&") or t.text == ","):
            if i > s:
                parts.append((s, i))
            s = i + 1
    if b > s:
        parts.append((s, b))
    return parts


def _name_text(body: str, toks: list[Tok], a: int, b: int) -> str:
    """An unresolved phrase as a speaker text: a trailing personal name without its titles
    ("Arakan Army spokesman Khaing Min Oo" → "Khaing Min Oo"), else the phrase as written."""
    k = b
    while k > a and toks[k - 1].is_word and toks[k - 1].is_cap:
        k -= 1
    titles = words("titles") - TITLE_MODIFIERS
    last_title = max((n for n in range(k, b - 1) if toks[n].lower.rstrip(".") in titles), default=-1)
    n = last_title + 1 if last_title >= 0 else k
    while n < b - 1 and (toks[n].possessive or demonym_iso3(toks[n].text)):
        n += 1
    head_before = k > a and toks[k - 1].lower.rstrip(".") in titles | words("media") | words("institutions")
    named = k < b and n > a and toks[k - 1].lower not in ("of", "for", "and", "the")
    if named and (n > k or head_before) and toks[b - 1].lower not in words("institutions"):
        return body[toks[n].start:toks[b - 1].end]
    if b - a > 1 and toks[a].lower == "the":
        a += 1
    if b - a > 3 and toks[b - 1].text == ")" and toks[b - 3].text == "(":
        b -= 3
    return body[toks[a].start:toks[b - 1].end]
