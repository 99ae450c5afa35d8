"""Meeting drafts: one per cue of a sentence, before joins, back-references and merging."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from newsfacts.builders.actors.mentions import ActorIndex, Mention
from newsfacts.builders.geo.places import TRIGGERS, PlaceMention, places_in
from newsfacts.builders.meetings.clauses import (
    PAST_VERBS,
    SPEECH,
    left_bound,
    right_bound,
    skip_relatives,
    word_set,
)
from newsfacts.builders.meetings.cues import Cue, channel_mode
from newsfacts.builders.meetings.parts import Region, parties, pronoun_subject, unnamed
from newsfacts.builders.text.clause_tokens import ClauseTok as Tok
from newsfacts.builders.text.dates import DateMention
from newsfacts.builders.text.document import Doc

_ANOTHER = frozenset({"also", "later", "then", "separately", "subsequently", "afterwards", "again"})
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "be", "is", "are"})
_AMOUNTS = frozenset({"million", "millions", "thousand", "thousands", "hundreds", "dozens", "tens", "billion",
                      "more", "over", "some", "about", "around", "nearly", "almost", "up"})
_OBJECT_OK = frozenset({"in", "on", "at", "for", "during", "behind", "with", "last", "yesterday", "today",
                        "earlier", "late", "later", "this", "separately", "privately", "briefly", "twice",
                        "again", "face", "face-to-face", "virtually", "online", "and", "to", "after", "before",
                        "from", "over", "since", "until", "when", "while", "as", "early", "informally",
                        "secretly", "jointly", "together", "alone", "there", "here", "then", "recently",
                        "tonight", "overnight", "amid", "despite", "shortly", "around", "near", "outside",
                        "inside", "under", "via", "by", "several", "three", "two", "four", "once"})
FRONTED = frozenset({"in", "during", "after", "following", "at"})
GERUND_GOVERNORS = frozenset({"after", "following", "during", "before"})
T = TypeVar("T", PlaceMention, DateMention)
_REACH = 400  # characters around a cue where its place and date are looked for
_DETERMINERS = frozenset({"by", "a", "an", "the", "his", "her", "their", "its", "our", "both", "some", "several",
                          "other", "senior", "top", "local"})
_MOTION = frozenset({"welcomed", "welcomes", "invited", "received", "hosted", "visit", "visits", "visited",
                     "visiting", "trip", "travelled", "traveled", "traveling", "travelling", "flew", "went",
                     "came", "returned", "headed", "arrived"})


@dataclass
class Draft:
    """A meeting being assembled: evidence span, parties, channel, place and date."""

    sent: int
    start: int
    end: int
    rule: str
    mode: str
    participants: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    place: PlaceMention | None = None
    location: str | None = None
    country: str | None = None
    date: DateMention | None = None
    continuation: bool = False
    fresh: bool = False  # "also met", "then met": another meeting than the one before
    counterpart: str = ""


class SentenceContext:
    """What the drafts of one sentence read: tokens, mentions, places, dates and the article.

    Places and dates are found on first use: most sentences hold no meeting cue and never need them.
    """

    def __init__(self, index: int, toks: list[Tok], actors: ActorIndex, published_at: dt.date | None,
                 doc: Doc, span: tuple[int, int] = (0, 0), floor: int = 0) -> None:
        self.index = index
        self.toks = toks
        self.actors = actors
        self.published_at = published_at
        self.doc = doc
        self.body = doc.body
        self._span = span
        self._floor = floor

    @cached_property
    def places(self) -> list[PlaceMention]:
        """Place phrases of the sentence (not before the dateline, not actors)."""
        start, end = self._span
        body, floor = self.body, self._floor
        toks = self.doc.clause_tokens.between(start, end)
        candidates = self.doc.clause_tokens_at(TRIGGERS, start, end)
        return [p for p in places_in(body, toks, unknown=True, candidates=candidates)
                if p.start >= floor and _place_ok(body, p) and not _is_actor(self.actors, p)]

    @cached_property
    def dates(self) -> list[DateMention]:
        """Date expressions of the sentence (not before the dateline)."""
        start, end = self._span
        return [d for d in self.doc.dates_in(start, end) if d.start >= self._floor]


def sentence_context(doc: Doc, index: int, actors: ActorIndex, floor: int) -> SentenceContext:
    """The clause tokens of sentence `index`, with places and dates on demand; nothing before
    `floor` (the dateline)."""
    span = doc.sentences[index]
    toks = doc.clause_tokens.between(span.start, span.end)
    if toks and toks[0].start < floor:
        toks = [t for t in toks if t.start >= floor]
    return SentenceContext(index, toks, actors, doc.article.published_at, doc, (span.start, span.end), floor)


def _is_actor(actors: ActorIndex, p: PlaceMention) -> bool:
    """Is an unresolved place phrase really an actor ("in Hamas")?"""
    return p.iso3 is None and bool(actors.in_span(p.start, p.end + 1))


def _place_ok(body: str, p: PlaceMention) -> bool:
    """A place after "to" counts only after a visit or travel word ("a visit to Israel")."""
    if p.trigger != "to":
        return True
    before = body[max(0, p.start - 60):p.start].split()
    return any(w.lower() in _MOTION for w in before[-8:-1])


def speech_date(ctx: SentenceContext, d: DateMention) -> bool:
    """Is the date the day of a statement ("said on Tuesday", "said Tuesday")?"""
    k = _index_before(ctx.toks, d.start)
    steps = 0
    while k >= 0 and steps < 3:
        low = ctx.toks[k].low
        if low in SPEECH:
            return True
        if low not in ("on", "late", "early", "later", "earlier"):
            return False
        k -= 1
        steps += 1
    return False


def _index_before(toks: list[Tok], pos: int) -> int:
    """Index of the last token starting before pos (-1 if none)."""
    return bisect.bisect_left(toks, pos, key=lambda t: t.start) - 1


def draft_for(ctx: SentenceContext, cue: Cue) -> list[Draft]:
    """Drafts of one new-meeting cue (several when counterparts were met one after another)."""
    toks = ctx.toks
    anchor = cue.gov if cue.gov >= 0 else cue.i
    lo = left_bound(toks, anchor)
    hi = right_bound(toks, cue.j)
    skips = tuple(skip_relatives(toks, lo, hi))
    subject = Region(lo, anchor, skips)
    own = lo  # where this cue's own clause starts (for its channel)
    if anchor - 1 > lo and toks[anchor - 1].low == "and":
        # "Burhan held a call with Ruto, and spoke by phone with Erdogan": the subject of the
        # clause's first verb is the subject of the coordinated one; its objects are not
        first = next((k for k in range(lo, anchor - 1) if toks[k].low in PAST_VERBS), None)
        if first is not None:
            subject, own = Region(lo, first, skips), anchor
    obj = Region(cue.j, hi, skips)
    blocked = [(p.start, p.end) for p in _window(ctx.places, toks[lo].start - _REACH, toks[hi - 1].end)]
    subj = parties(toks, subject, ctx.actors, blocked)
    if not subj and toks[anchor].low in GERUND_GOVERNORS:
        subj = speaker_before(toks, lo, ctx.actors, blocked)
    if not subj:
        pron = pronoun_subject(toks, subject, ctx.actors, ctx.body)
        subj = [pron] if pron is not None else []
    objs = parties(toks, obj, ctx.actors, blocked)
    if cue.gov == lo and toks[lo].low in FRONTED and len(subj) + len(objs) < 2:
        main = _main_clause(toks, hi)
        objs += [m for m in parties(toks, main, ctx.actors, blocked) if m not in objs]
        hi = max(hi, main.hi)
    if cue.needs_object and not _has_party(toks, obj, objs):
        return []
    if cue.kind == "verb" and _thing_object(toks, obj, objs):
        return []  # "the plan met with criticism", "met the target"
    intransitive = cue.rule == "meetings.met.v1" and not objs and not _has_party(toks, obj, objs)
    if intransitive and len(subj) < 2:
        return []
    if cue.i > 0 and toks[cue.i - 1].low in _PASSIVE_AUX and not subj:
        return []  # "her demands were met by the government": no party was met
    mode = channel_mode(toks, own, hi) or cue.mode
    base = Draft(ctx.index, toks[lo].start, _end(toks, lo, hi), cue.rule, mode,
                 unnamed=unnamed(toks, subject, ctx.actors, blocked) + unnamed(toks, obj, ctx.actors, blocked))
    base.continuation = any(toks[k].low in word_set("continuations") for k in range(max(lo - 20, 0), hi))
    base.fresh = any(toks[k].low in _ANOTHER for k in range(max(lo - 20, 0), cue.i))
    _set_place(ctx, base, cue, lo, hi, subj)
    base.date = _pick_date(ctx, lo, hi, anchor)
    if _same_day(toks, own, hi) and (base.date is None or not toks[own].start <= base.date.start < toks[hi - 1].end):
        base.date, base.continuation = None, True  # "later that day": the day of the meeting before
    if subj and _split(toks, cue, lo, hi) and sum(m.kind == "person" for m in objs) >= 2:
        # one meeting per counterpart needs someone who met them; "talks between A and B" is one
        return [_with(base, subj, [m], m.actor_id) for m in objs]
    return [_with(base, subj, objs, "")]


def _main_clause(toks: list[Tok], i: int) -> Region:
    """The clause after a fronted phrase ("In a call on Monday, A told B that …" → "A told B")."""
    if i < len(toks) and toks[i].text == ",":
        i += 1
    j = i
    while j < len(toks) and j < i + 40 and toks[j].text not in (",", ";") and toks[j].low != "that":
        j += 1
    return Region(i, j)


def speaker_before(toks: list[Tok], lo: int, actors: ActorIndex, blocked: list[tuple[int, int]]) -> list[Mention]:
    """The speaker of "X said …, after meeting Y": the last mention before the speech verb at lo-1."""
    if lo == 0 or toks[lo - 1].low not in ("said", "told", "says"):
        return []
    start = left_bound(toks, lo - 1)
    found = parties(toks, Region(start, lo - 1), actors, blocked)
    return found[-1:]


def _with(base: Draft, subj: list[Mention], objs: list[Mention], counterpart: str) -> Draft:
    d = Draft(**{**base.__dict__})
    d.unnamed = list(base.unnamed)
    d.participants = list(dict.fromkeys(m.actor_id for m in [*subj, *objs]))
    d.counterpart = counterpart
    return d


def _end(toks: list[Tok], lo: int, hi: int) -> int:
    k = hi - 1
    while k > lo and toks[k].text in (",", ";", ":", "—", "–", "-"):
        k -= 1
    return toks[k].end


def _has_party(toks: list[Tok], obj: Region, objs: list[Mention]) -> bool:
    """Does the object start with a party: a mention, or a people noun within five words?"""
    k = obj.lo
    while k < obj.hi and toks[k].low in _DETERMINERS:
        k += 1
    if k >= obj.hi or toks[k].text[:1].isdigit() or toks[k].low in _AMOUNTS:
        return False
    if any(m.start == toks[k].start for m in objs):
        return not _possessive_thing(toks, k, obj.hi)
    people = word_set("people")
    return any(toks[n].low in people or toks[n].low in ("meeting", "talks", "call")
               for n in range(k, min(k + 5, obj.hi)))


def _thing_object(toks: list[Tok], obj: Region, objs: list[Mention]) -> bool:
    """Does the object start with a common noun that is not a party ("criticism", "targets")?"""
    k = obj.lo
    while k < obj.hi and toks[k].low in _DETERMINERS:
        k += 1
    if k >= obj.hi or any(m.start == toks[k].start for m in objs):
        return False
    tok = toks[k]
    if not tok.text.islower() or tok.low in _OBJECT_OK:
        return False
    people = word_set("people")
    return not any(toks[n].low in people or toks[n].low in ("meeting", "talks", "call", "together")
                   for n in range(k, min(k + 5, obj.hi)))


def _possessive_thing(toks: list[Tok], k: int, hi: int) -> bool:
    """Is the object "X's <thing>" ("Qatar's mediation") rather than "X's <person>"?"""
    n = k
    while n < hi and not toks[n].text.endswith(("'s", "’s")) and n < k + 4:
        n += 1
    if n >= hi or not toks[n].text.endswith(("'s", "’s")) or n + 1 >= hi:
        return False
    nxt = toks[n + 1].low
    return nxt not in word_set("people") and nxt not in word_set("roles")


def _split(toks: list[Tok], cue: Cue, lo: int, hi: int) -> bool:
    splitters = word_set("splitters")
    return cue.split or any(toks[k].low in splitters for k in range(lo, hi))


def _set_place(ctx: SentenceContext, d: Draft, cue: Cue, lo: int, hi: int, subj: list[Mention]) -> None:
    """Place of the meeting: after the cue in its clause, else before it in the sentence."""
    if d.mode in ("phone", "video"):
        return
    toks = ctx.toks
    cue_pos, end = toks[cue.i].start, toks[hi - 1].end
    near = _window(ctx.places, cue_pos - _REACH, end)
    known = [p for p in near if p.iso3 is not None or p.trigger == "at"]
    after = [p for p in known if cue_pos <= p.start < end]
    after += [p for p in near if p.iso3 is None and p.trigger != "at" and cue_pos <= p.start < end]
    before = [p for p in known if p.start < cue_pos and p.start >= toks[lo].start]
    before_any = [p for p in known if p.start < cue_pos]
    place = after[0] if after else before[-1] if before else before_any[-1] if before_any else None
    if place is not None:
        d.place, d.location, d.country = place, place.text, place.iso3
        return
    if cue.host:
        for m in subj:
            if m.kind == "state":
                d.location, d.country = m.text, m.actor_id.split(":", 1)[1].upper()
                return


def _pick_date(ctx: SentenceContext, lo: int, hi: int, anchor: int) -> DateMention | None:
    """The usable date nearest the cue: inside its clause first, else anywhere in the sentence."""
    toks = ctx.toks
    pos = toks[anchor].start
    lo_pos, hi_pos = toks[lo].start, toks[hi - 1].end
    usable = [d for d in _window(ctx.dates, pos - _REACH, pos + _REACH)
              if not speech_date(ctx, d) and not _future(d, ctx.published_at)]
    inside = [d for d in usable if lo_pos <= d.start < hi_pos]
    pool = inside or usable
    if not pool:
        return None
    return min(pool, key=lambda d: (abs(d.start - pos), d.start))


def _same_day(toks: list[Tok], lo: int, hi: int) -> bool:
    """Does the clause say "that day" or "the same day"?"""
    return any(toks[k].low in ("that", "same") and toks[k + 1].low == "day" for k in range(lo, hi - 1))


def _window(items: list[T], lo: int, hi: int) -> list[T]:
    """The items (sorted by start) starting in [lo, hi)."""
    a = bisect.bisect_left(items, lo, key=lambda x: x.start)
    b = bisect.bisect_left(items, hi, key=lambda x: x.start)
    return items[a:b]


def _future(d: DateMention, published_at: dt.date | None) -> bool:
    got, _ = d.resolve(published_at)
    return got is not None and published_at is not None and got > published_at


__all__ = ["Draft", "SentenceContext", "draft_for", "sentence_context", "speech_date"]
