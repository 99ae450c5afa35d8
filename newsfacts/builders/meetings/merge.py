"""Joining, inheriting and merging meeting drafts, and turning them into rows.

- A join ("X was also present at the meeting", "The delegation, led by X") adds its parties to the
  last meeting of the same or the three previous sentences.
- A back-reference ("during their meeting Sunday", "X said after the meeting") adds its subject
  and fills a missing date, unless the sentence is negated ("did not comment on the talks").
- A continuation ("also met", "later met", "on the sidelines") takes a missing date or place from
  the meeting or sentence just before.
- Two drafts within three sentences whose participants are a subset of one another and whose
  date, country and channel do not conflict are one meeting (the first keeps the evidence),
  unless the later one says it is another ("also met", "then met", "met again").
"""

from __future__ import annotations

import datetime as dt

from newsfacts.builders.meetings.clauses import left_bound, negated, right_bound, skip_relatives
from newsfacts.builders.meetings.cues import Cue
from newsfacts.builders.meetings.draft import Draft, SentenceContext, speaker_before, speech_date
from newsfacts.builders.meetings.parts import Region, parties, pronoun_subject
from newsfacts.builders.text.dates import DateMention
from newsfacts.builders.text.document import Doc
from newsfacts.builders.text.ids import row_id
from newsfacts.schema.models import MeetingRow, make_row

WINDOW = 3


def target(drafts: list[Draft], sent: int) -> Draft | None:
    """The last draft of this or the WINDOW previous sentences."""
    if drafts and sent - drafts[-1].sent <= WINDOW:
        return drafts[-1]
    return None


def apply_join(ctx: SentenceContext, cue: Cue, to: Draft) -> None:
    """Add the parties of a join or back-reference clause to a draft; fill its missing date."""
    toks = ctx.toks
    if cue.kind == "anaphor" and any(negated(t) or t.low in ("declined", "refused") for t in toks):
        return
    pos = toks[cue.i].start
    blocked = [(p.start, p.end) for p in ctx.places if abs(p.start - pos) < 600]
    if cue.side == "object":
        hi = right_bound(toks, cue.j)
        region = Region(cue.j, hi, tuple(skip_relatives(toks, cue.j, hi)))
    else:
        lo = left_bound(toks, cue.i)
        region = Region(lo, cue.i, tuple(skip_relatives(toks, lo, cue.i)))
    found = parties(toks, region, ctx.actors, blocked)
    if not found and cue.side == "subject":
        found = speaker_before(toks, region.lo, ctx.actors, blocked)
    if not found and cue.side == "subject":
        pron = pronoun_subject(toks, region, ctx.actors, ctx.body)
        found = [pron] if pron is not None else []
    for m in found:
        if m.actor_id not in to.participants:
            to.participants.append(m.actor_id)
    if to.date is None and cue.kind == "anaphor":
        to.date = _near_date(ctx, cue)


def _near_date(ctx: SentenceContext, cue: Cue) -> DateMention | None:
    toks = ctx.toks
    lo, hi = toks[cue.i].start, toks[min(cue.j + 3, len(toks)) - 1].end
    near = [d for d in ctx.dates if lo <= d.start <= hi and not speech_date(ctx, d)]
    return near[0] if near else None


def inherit(d: Draft, before: Draft | None, prev: SentenceContext | None) -> None:
    """Fill a continuation draft's missing date and place from the meeting or sentence before."""
    if before is not None and d.sent - before.sent <= 2:
        if d.date is None:
            d.date = before.date
        if d.location is None and d.mode == "in_person" and before.mode == "in_person":
            d.place, d.location, d.country = before.place, before.location, before.country
        return
    if prev is None or not prev.toks:
        return
    named = {m.actor_id for m in prev.actors.in_span(prev.toks[0].start, prev.toks[-1].end)}
    if not named.intersection(d.participants):
        return  # the sentence before is about someone else
    if d.date is None and prev.dates:
        d.date = prev.dates[0]
    if d.location is None and d.mode == "in_person" and prev.places:
        p = prev.places[-1]
        d.place, d.location, d.country = p, p.text, p.iso3


def merge(drafts: list[Draft], pub: dt.date | None) -> list[Draft]:
    """Merge drafts that report the same meeting (see the module docstring)."""
    out: list[Draft] = []
    for d in drafts:
        into = None
        for e in reversed(out):
            if d.sent - e.sent > WINDOW:
                break
            if _same(e, d, pub):
                into = e
                break
        if into is None:
            out.append(d)
        else:
            _absorb(into, d)
    return out


def _same(a: Draft, b: Draft, pub: dt.date | None) -> bool:
    pa, pb = set(a.participants), set(b.participants)
    if b.fresh:
        return False
    if not pa or not pb or not (pa <= pb or pb <= pa) or a.counterpart or b.counterpart:
        return False
    if a.mode != b.mode and "unknown" not in (a.mode, b.mode):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    da = a.date.resolve(pub)[0] if a.date else None
    db = b.date.resolve(pub)[0] if b.date else None
    if a.date is not None and b.date is not None and (da != db or da is None):
        return a.date.text.lower() == b.date.text.lower()
    return True


def _absorb(into: Draft, other: Draft) -> None:
    for p in other.participants:
        if p not in into.participants:
            into.participants.append(p)
    for u in other.unnamed:
        if u not in into.unnamed:
            into.unnamed.append(u)
    if into.date is None:
        into.date = other.date
    if into.location is None:
        into.place, into.location, into.country = other.place, other.location, other.country


def to_rows(doc: Doc, drafts: list[Draft], fallback_country: str | None) -> list[MeetingRow]:
    """Rows of the meetings table, in evidence order, with deterministic distinct ids."""
    pub = doc.article.published_at
    rows: dict[str, MeetingRow] = {}
    for d in drafts:
        date, precision = d.date.resolve(pub) if d.date else (None, None)
        parts = sorted(set(d.participants))
        country = d.country if d.country or d.location is None else fallback_country
        mid = row_id(doc.article.article_id, "meetings", d.start, d.end, d.rule, d.counterpart, ",".join(parts))
        if mid in rows:
            continue
        rows[mid] = make_row(
            MeetingRow,
            meeting_id=mid, article_id=doc.article.article_id, participants=parts,
            unnamed_participants=list(dict.fromkeys(d.unnamed)), mode=d.mode,  # type: ignore[arg-type]
            location=d.location, location_country=country, date=date,
            date_text=d.date.text if d.date else None, date_precision=precision,
            sentence_index=doc.sentence_index(d.start), char_start=d.start, char_end=d.end, rule_id=d.rule)
    return sorted(rows.values(), key=lambda r: (r.char_start, r.char_end, r.meeting_id))


__all__ = ["apply_join", "inherit", "merge", "target", "to_rows"]
