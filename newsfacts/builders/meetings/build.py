"""Meetings builder: reported encounters → rows of the meetings table.

Rules (ids in `lexicons/meetings.yaml`): finite meeting verbs ("met", "hosted", "received"),
channel verbs ("spoke by phone"), meeting nouns with a governor ("held talks", "after a meeting",
"during a video call", "talks were held"), joins ("also present", "led by", "attended the talks")
and back-references ("during their meeting Sunday"). Participants are actor mentions of the clause
(see `parts`), the mode comes from the cue or a channel phrase, the place from the clause
(`places`), the date from the nearest usable date expression (`dates`).

Decisions:
- Negated, denied and planned meetings are not rows: a cue after "not", a modal ("will", "would"),
  an infinitive "to", "planned to" …, a cue after "denied (reports) that", and a meeting whose date
  resolves after publication ("next week") are all dropped. Only past forms count ("met", not "meet").
- Phone and video meetings have no location.
- Hosting without a written place takes the host state as the place ("Bangladesh hosted …").
- A venue or town that resolves to no country ("at the commission's offices", "in Mamuju") takes
  the country most often named in the article (as a place or a state actor).
- Dates in a dateline ("NEW DELHI, Jan 14 —") and dates of statements ("said on Tuesday") are
  never meeting dates.
- A summit with no written place ("leaders agreed at the summit") is placed at the dateline city.
- Counterparts met one after another ("bilateral meetings", "separately", "on the sidelines")
  give one row per named person counterpart; counterparts met together give one row.
"""

from __future__ import annotations

from collections import Counter

from newsfacts.builders.actors.mentions import ActorIndex
from newsfacts.builders.geo.places import TRIGGERS, place_iso3, places_in
from newsfacts.builders.meetings.clauses import word_set
from newsfacts.builders.meetings.cues import CUE_WORDS, Cue, find_cues
from newsfacts.builders.meetings.draft import Draft, SentenceContext, draft_for, sentence_context
from newsfacts.builders.meetings.merge import apply_join, inherit, merge, target, to_rows
from newsfacts.builders.text.document import Doc
from newsfacts.builders.text.sentences import first_text_line
from newsfacts.problems import Problem
from newsfacts.schema.models import MeetingRow

_DASHES = ("—", "–", "-")


def build_meetings(doc: Doc, actors: ActorIndex) -> tuple[list[MeetingRow], list[Problem]]:
    """Rows of the meetings table for one article."""
    body = doc.body
    floor = dateline_end(body)
    drafts: list[Draft] = []
    prev: SentenceContext | None = None
    with_cues = doc.sentences_with(CUE_WORDS)
    for n in range(len(doc.sentences)):
        ctx = sentence_context(doc, n, actors, floor)
        if with_cues is None or n in with_cues:
            drafts.extend(_sentence(ctx, drafts, prev))
        prev = ctx
    kept = [d for d in drafts if d.participants]
    merged = merge(kept, doc.article.published_at)
    home = dateline_place(body, floor)
    for d in merged:
        if d.rule == "meetings.summit.v1" and d.location is None and home is not None:
            d.location, d.country = home
    return to_rows(doc, merged, article_country(doc, actors)), []


def _sentence(ctx: SentenceContext, drafts: list[Draft], prev: SentenceContext | None) -> list[Draft]:
    """New drafts of one sentence; joins and back-references update earlier drafts in place."""
    cues = find_cues(ctx.toks)
    made: list[Draft] = []
    for cue in cues:
        if cue.kind in ("verb", "noun") and not _denied(ctx, cue):
            made.extend(draft_for(ctx, cue))
    for cue in cues:
        if cue.kind not in ("join", "anaphor"):
            continue
        pos = ctx.toks[cue.i].start
        if any(d.start <= pos < d.end for d in made):
            continue
        earlier = [d for d in made if d.end <= pos]
        to = earlier[-1] if earlier else target(drafts, ctx.index)
        if to is not None:
            apply_join(ctx, cue, to)
    for d in made:
        if d.continuation and (d.date is None or d.location is None):
            before = drafts[-1] if drafts else None
            inherit(d, before, prev)
    return made


def _denied(ctx: SentenceContext, cue: Cue) -> bool:
    """Is the cue inside a denial ("Baku denied reports that X had met Y")?"""
    deniers = word_set("deniers")
    return any(t.low in deniers for t in ctx.toks[:cue.i])


def dateline_end(body: str) -> int:
    """End of a leading dateline ("NEW DELHI, Jan 14 — "), after a byline line if any, else 0."""
    at = first_text_line(body)
    head = body[at:at + 80]
    first = head.split(" ", 1)[0].strip(",")
    if len(first) < 2 or not first.isupper():
        return 0
    for dash in _DASHES:
        k = head.find(f" {dash} ")
        if k > 0:
            return at + k + 3
    return 0


def dateline_place(body: str, floor: int) -> tuple[str, str] | None:
    """(place as written, ISO3) of the dateline city ("THE HAGUE, June 26 —" → The Hague, NLD)."""
    if floor == 0:
        return None
    name = body[first_text_line(body):floor].split(",", 1)[0].rstrip(" —–-")
    iso3 = place_iso3(name.title())
    return (name.title(), iso3) if iso3 else None


def article_country(doc: Doc, actors: ActorIndex) -> str | None:
    """The country most often named in the article, as a place or a state (first seen wins a tie)."""
    found = places_in(doc.body, doc.clause_tokens, candidates=doc.clause_tokens_at(TRIGGERS))
    counts = Counter(p.iso3 for p in found if p.iso3)
    counts.update(m.actor_id.split(":", 1)[1].upper() for m in actors.mentions if m.kind == "state")
    if not counts:
        return None
    return counts.most_common(1)[0][0]


__all__ = ["article_country", "build_meetings", "dateline_end", "dateline_place"]
