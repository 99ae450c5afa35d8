"""Parties of a meeting clause: named participants (actor ids) and unnamed descriptions.

A participant is an actor mention in the clause that is not a place ("in Qatar"), a topic
("talks on Myanmar"), inside a ", which …," insertion, or a modifier of someone's role
("Kenya's foreign minister, Moses Langat" → Kenya is not a participant). A pronoun subject
("he met", "who attended", "they had met") is the most recent fitting actor before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfacts.builders.actors.mentions import ActorIndex, Mention
from newsfacts.builders.geo import gazetteer
from newsfacts.builders.geo.places import place_iso3
from newsfacts.builders.meetings.clauses import word_set
from newsfacts.builders.text.clause_tokens import ClauseTok as Tok

TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning", "against"})
PRONOUNS = {"he": ("person",), "she": ("person",), "who": ("person",),
            "they": ("organization", "state"), "it": ("organization", "state")}
_LOOKBACK = 600
_PLACE_PREPS = frozenset({"to", "in", "at", "visited", "from"})
_TITLE_EXTRA = frozenset({"policy", "affairs", "political", "military", "spokesman", "official", "general",
                          "party", "opposition", "police", "army", "navy", "intelligence", "central", "bank"})
EVENTS = frozenset({"summit", "conference", "assembly", "forum", "meeting", "talks", "session", "congress",
                    "gathering", "ministerial"})
_CHUNK_CUTS = frozenset({"in", "at", "on", "during", "by", "to", "for", "about", "over", "after", "last",
                         "this", "with", "that", "who", "which", "including", "held", "met", "hosted",
                         "received", "said", "agreed", "discussed", "signed", "were", "was", "had", "have",
                         "led", "headed", "accompanied", "representing", "sent"})
_LEADS = frozenset({"with", "by", "between", "including", "met", "and", "from"})
_GROUP_NOUNS = frozenset({"delegation", "team", "mission", "side", "counterpart", "group"})


@dataclass(frozen=True)
class Region:
    """A token range [lo, hi) of a sentence, with ranges to skip inside it."""

    lo: int
    hi: int
    skips: tuple[tuple[int, int], ...] = ()

    def holds(self, k: int) -> bool:
        """Is token k inside the region and outside every skip?"""
        return self.lo <= k < self.hi and not any(a <= k < b for a, b in self.skips)


def parties(toks: list[Tok], region: Region, actors: ActorIndex, blocked_spans: list[tuple[int, int]]) -> list[Mention]:
    """Participant mentions in a region, in order, one per actor id."""
    if region.lo >= region.hi:
        return []
    start, end = toks[region.lo].start, toks[region.hi - 1].end
    index = {t.start: n for n, t in enumerate(toks[region.lo:region.hi + 2], region.lo)}
    ends = {t.end: n for n, t in enumerate(toks[region.lo:region.hi + 2], region.lo)}
    out: list[Mention] = []
    seen: set[str] = set()
    found = actors.in_span(start, end)
    people_at = {m.start for m in found if m.kind == "person"}
    for m in found:
        k = index.get(m.start)
        if k is None or not region.holds(k) or m.actor_id in seen:
            continue
        if any(a < m.end and m.start < b for a, b in blocked_spans):
            continue
        if k > 0 and toks[k - 1].low in TOPIC_PREPS and toks[k - 1].text.islower():
            continue
        if _sidelines(toks, k):
            continue
        if _role_modifier(toks, ends, m) or _event_modifier(toks, ends, m) or _title_of(toks, ends, m, people_at):
            continue
        if _group_modifier(toks, ends, m):
            continue
        seen.add(m.actor_id)
        out.append(m)
    return out


def _group_modifier(toks: list[Tok], ends: dict[int, int], m: Mention) -> bool:
    """Is a state the modifier of an unnamed group ("US diplomats", "US and Iranian officials")?
    The group is an unnamed participant, like "Emirati mediators"."""
    last = ends.get(m.end)
    if m.kind != "state" or last is None:
        return False
    k = last + 1
    if k + 1 < len(toks) and toks[k].low == "and" and gazetteer.demonym_iso3(toks[k + 1].text):
        k += 2  # "US and Iranian diplomats"
    return k < len(toks) and toks[k].low in word_set("people") and toks[k].low.endswith("s")


def _role_modifier(toks: list[Tok], ends: dict[int, int], m: Mention) -> bool:
    """Is the mention a possessive modifier of a role ("Kenya's foreign minister")?"""
    last = ends.get(m.end)
    if last is None:
        last = ends.get(m.end + 2)
        if last is None:
            return False
    tail = toks[last].text
    k = last + 1
    if not tail.endswith(("'s", "’s")):
        if k + 1 < len(toks) and toks[k].text in ("'", "’") and toks[k + 1].low == "s":
            k += 2
        else:
            return False
    return k < len(toks) and toks[k].low in word_set("roles")


def _title_of(toks: list[Tok], ends: dict[int, int], m: Mention, people_at: set[int]) -> bool:
    """Is an organization or state part of a person's title ("EU foreign policy chief Josep Borrell")?"""
    last = ends.get(m.end)
    if m.kind == "person" or last is None:
        return False
    titles = word_set("roles") | word_set("people") | _TITLE_EXTRA
    k = last + 1
    while k < len(toks) and k <= last + 8 and (toks[k].low in titles or toks[k].low in ("of", "for", "and")):
        k += 1
    return k > last + 1 and k < len(toks) and toks[k].start in people_at


def _sidelines(toks: list[Tok], k: int) -> bool:
    """Is token k the event of "on the sidelines of (the) X"?"""
    back = [t.low for t in toks[max(k - 3, 0):k]]
    return "sidelines" in back and "of" in back


def _event_modifier(toks: list[Tok], ends: dict[int, int], m: Mention) -> bool:
    """Does the mention name an event rather than a party ("the NATO summit")?"""
    last = ends.get(m.end)
    return last is not None and last + 1 < len(toks) and toks[last + 1].low in EVENTS


def pronoun_subject(toks: list[Tok], region: Region, actors: ActorIndex, body: str = "") -> Mention | None:
    """The antecedent of a pronoun subject in the region ("he met" → the last person before)."""
    for k in range(max(region.lo - 1, 0), region.hi):
        kinds = PRONOUNS.get(toks[k].text.lower())
        if kinds is None:
            continue
        pos = toks[k].start
        for group in ((kinds[0],), kinds[1:]) if len(kinds) > 1 else (kinds,):
            m = _before(actors, pos, group, body)
            if m is not None:
                return m
        return None
    return None


def _before(actors: ActorIndex, pos: int, kinds: tuple[str, ...], body: str) -> Mention | None:
    """The last mention of the given kinds ending before pos, at most _LOOKBACK characters back.

    A one-word "person" right after "to", "in" or "at" that names a place ("flew to Cairo") is
    skipped: it is a place the actors builder took for a name.
    """
    for m in reversed(actors.in_span(max(pos - _LOOKBACK, 0), pos)):
        if m.kind in kinds and not (m.kind == "person" and _place_like(m, body)):
            return m
    return None


def _place_like(m: Mention, body: str) -> bool:
    before = body[max(0, m.start - 12):m.start].split()
    return " " not in m.text and bool(before) and before[-1].lower() in _PLACE_PREPS and bool(place_iso3(m.text))


def unnamed(toks: list[Tok], region: Region, actors: ActorIndex, skip_spans: list[tuple[int, int]]) -> list[str]:
    """Descriptions of unnamed parties in a region ("counterparts in Egypt" → "counterparts")."""
    people = word_set("people")
    out: list[str] = []
    chunk: list[Tok] = []
    for k in range(region.lo, region.hi + 1):
        tok = toks[k] if k < region.hi else None
        if tok is not None and tok.low == "and" and len(chunk) == 1 and chunk[0].low not in people:
            chunk.append(tok)  # "Qatari and Egyptian mediators" is one group
            continue
        if tok is None or tok.text in (",", ";", ".", "!", "?", ":") or tok.low == "and" or not region.holds(k):
            text = _chunk_text(chunk, people, actors, skip_spans)
            if text:
                out.append(text)
            chunk = []
            continue
        chunk.append(tok)
    return out


def _chunk_text(chunk: list[Tok], people: frozenset[str], actors: ActorIndex,
                skip_spans: list[tuple[int, int]]) -> str | None:
    """The text of a chunk when it describes an unnamed group of people."""
    while chunk and chunk[0].low in _LEADS:
        chunk = chunk[1:]
    for n, t in enumerate(chunk):
        if n > 0 and t.low in _CHUNK_CUTS and t.text.islower():
            chunk = chunk[:n]
            break
    if not chunk:
        return None
    start, end = chunk[0].start, chunk[-1].end
    named = [m for m in actors.in_span(start, end) if not (m.kind == "state" and m.start == start)]
    if named or any(a < end and start < b for a, b in skip_spans):
        return None  # a state may open the group ("US diplomats"); any other actor names it
    heads = [t.low for t in chunk if t.low in people]
    if not heads or not (heads[-1].endswith("s") or heads[-1] in _GROUP_NOUNS):
        return None
    if any(t.text[:1].isupper() and t.low not in people and not gazetteer.demonym_iso3(t.text) for t in chunk[1:]):
        return None
    return " ".join(t.text for t in chunk) if len(chunk) > 0 else None


__all__ = ["PRONOUNS", "Region", "parties", "pronoun_subject", "unnamed"]
