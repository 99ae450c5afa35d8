"""`meeting_events`: one row per real-world meeting across the corpus.

Two meetings rows match when
- their participant entity sets agree: equal (and not empty), or one a subset of the other with at
  least two shared entities;
- their dates are compatible: same day, or one inside the other's month or year;
- their locations do not conflict: not two different `location_country` values.
Events are the connected components of that relation over the dated rows. An undated row then
joins an event only when a single dated candidate exists: the dated rows it agrees with (same
participant and location tests) all belong to one event. Otherwise it is an event of its own.

Candidates are blocked so that the work is linear in the rows, not quadratic, and can be spread over
a cluster: every row has one key per pair of its entities (a one-entity row: that entity), and
two rows can only match inside the block of the smallest pair they share. Dated rows are blocked
by key and year (compatible dates always share the calendar year); inside a block a day row is
compared with the rows of its day, its month row and the year rows only. Undated rows are blocked
by key alone, with the dated rows and the event each belongs to.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from newsfacts.consolidate.common import Mapper, UnionFind, chunks, local_map, most_frequent
from newsfacts.consolidate.source import Articles, Source, read_columns, to_date

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
MEETING_COLUMNS = ("meeting_id", "article_id", "participants", "mode", "location", "location_country", "date",
                   "date_precision")
Key = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """One meetings row, as much of it as consolidation needs (entities instead of actor ids)."""

    index: int
    meeting_id: str
    rank: int                    # the rank of its article (`Articles`): smaller is reported earlier
    entities: tuple[str, ...]
    date: int | None
    precision: str | None
    lo: int | None
    hi: int | None
    location: str | None
    country: str | None
    mode: str

    @property
    def sort_key(self) -> tuple[int, str]:
        """Earliest report first (published_at, article_id), then meeting_id."""
        return (self.rank, self.meeting_id)


def period(date: dt.date | None, precision: str | None) -> tuple[int | None, int | None]:
    """(first day, last day) as ordinals of the period a date stands for."""
    if date is None:
        return None, None
    if precision == "year":
        return dt.date(date.year, 1, 1).toordinal(), dt.date(date.year, 12, 31).toordinal()
    if precision == "month":
        after = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return dt.date(date.year, date.month, 1).toordinal(), after.toordinal() - 1
    return date.toordinal(), date.toordinal()


def read_meetings(source: Source, articles: Articles, entity: dict[str, str]) -> list[MeetingRef]:
    """Every meetings row (compact), participants mapped to their entities."""
    refs: list[MeetingRef] = []
    intern = sys.intern
    for chunk in read_columns(source, "meetings", MEETING_COLUMNS):
        for mid, aid, parts, mode, where, country, date, precision in zip(
                *(chunk[c] for c in MEETING_COLUMNS), strict=True):
            ents = tuple(sorted({intern(entity.get(p, p)) for p in parts or ()}))
            lo, hi = period(date, precision)
            refs.append(MeetingRef(len(refs), mid, articles.rank[aid], ents,
                                   date.toordinal() if date is not None else None, precision and intern(precision),
                                   lo, hi, where and intern(where), country and intern(country), intern(mode)))
    return refs


def keys(entities: tuple[str, ...]) -> list[Key]:
    """The block keys of a row: every pair of its entities, or its one entity."""
    if len(entities) == 1:
        return [entities]
    return list(combinations(entities, 2))


def shared_key(a: MeetingRef, b: MeetingRef) -> Key | None:
    """The one block in which two rows are compared: their smallest shared pair (or shared entity)."""
    both = sorted(set(a.entities) & set(b.entities))
    if len(both) >= 2:
        return (both[0], both[1])
    if len(both) == 1 and len(a.entities) == len(b.entities) == 1:
        return (both[0],)
    return None


def agree(a: MeetingRef, b: MeetingRef) -> bool:
    """Participant sets agree and locations do not conflict."""
    x, y = set(a.entities), set(b.entities)
    if x == y:
        same = bool(x)
    else:
        small, big = (x, y) if len(x) <= len(y) else (y, x)
        same = len(small) >= 2 and small <= big
    return same and not (a.country and b.country and a.country != b.country)


def dates_fit(a: MeetingRef, b: MeetingRef) -> bool:
    """Same day, or one inside the other's month or year (the periods overlap: they nest)."""
    return a.lo is not None and b.lo is not None and a.hi is not None and b.hi is not None \
        and a.lo <= b.hi and b.lo <= a.hi


def _month(ordinal: int) -> int:
    """The first day of the month of a day ordinal."""
    return dt.date.fromordinal(ordinal).replace(day=1).toordinal()


def dated_candidates(rows: Sequence[MeetingRef]) -> Iterable[tuple[MeetingRef, MeetingRef]]:
    """Pairs of one year's rows whose dates can fit: same day, day in month, same month, any with a year."""
    days: dict[int, list[MeetingRef]] = {}
    months: dict[int, list[MeetingRef]] = {}
    in_month: dict[int, list[MeetingRef]] = {}
    years: list[MeetingRef] = []
    for row in rows:
        if row.precision == "year" and row.lo is not None:
            years.append(row)
        elif row.precision == "month" and row.lo is not None:
            months.setdefault(row.lo, []).append(row)
        elif row.lo is not None:
            days.setdefault(row.lo, []).append(row)
            in_month.setdefault(_month(row.lo), []).append(row)
    for group in (*days.values(), *months.values(), years):
        yield from combinations(group, 2)
    for start, group in months.items():
        for m in group:
            for d in in_month.get(start, ()):
                yield m, d
    for y in years:
        for row in rows:
            if row.precision != "year" and row.lo is not None:
                yield y, row


def dated_edges(blocks: Sequence[tuple[Key, Sequence[MeetingRef]]]) -> list[tuple[int, int]]:
    """Matching pairs (row indexes) inside blocks of dated rows of one key and year."""
    edges = []
    for key, rows in blocks:
        for a, b in dated_candidates(rows):
            if shared_key(a, b) == key and agree(a, b) and dates_fit(a, b):
                edges.append((a.index, b.index))
    return edges


def undated_links(blocks: Sequence[tuple[Key, Sequence[tuple[MeetingRef, int]]]]) -> list[tuple[int, int]]:
    """(undated row, dated event) candidates inside blocks of one key; dated rows carry their event."""
    out = []
    for key, rows in blocks:
        undated = [r for r, _ in rows if r.lo is None]
        dated = [(r, event) for r, event in rows if r.lo is not None]
        for u in undated:
            out += [(u.index, event) for d, event in dated if shared_key(u, d) == key and agree(u, d)]
    return out


def cluster(refs: Sequence[MeetingRef], mapper: Mapper = local_map, parts: int = 1) -> list[list[MeetingRef]]:
    """The events: groups of rows, each sorted earliest first, groups sorted by their event_id."""
    found = UnionFind(len(refs))
    blocks: dict[tuple[Key, int], list[MeetingRef]] = {}
    for ref in refs:
        if ref.lo is not None:
            year = dt.date.fromordinal(ref.lo).year
            for key in keys(ref.entities):
                blocks.setdefault((key, year), []).append(ref)
    work = [(key, rows) for (key, _), rows in sorted(blocks.items()) if len(rows) > 1]
    for edges in mapper(dated_edges, chunks(work, parts)):
        for a, b in edges:
            found.union(a, b)
    _join_undated(refs, found, mapper, parts)
    groups = [sorted((refs[i] for i in g), key=lambda r: r.sort_key) for g in found.groups()]
    return sorted(groups, key=lambda g: g[0].meeting_id)


def _join_undated(refs: Sequence[MeetingRef], found: UnionFind, mapper: Mapper, parts: int) -> None:
    """Join each undated row to the one dated event among its candidates, when there is exactly one."""
    wanted = {key for r in refs if r.lo is None and r.entities for key in keys(r.entities)}
    if not wanted:
        return
    blocks: dict[Key, list[tuple[MeetingRef, int]]] = {}
    for ref in refs:
        for key in keys(ref.entities) if ref.entities else ():
            if key in wanted:
                blocks.setdefault(key, []).append((ref, found.find(ref.index) if ref.lo is not None else -1))
    work = sorted(blocks.items())
    events: dict[int, set[int]] = {}
    for links in mapper(undated_links, chunks(work, parts)):
        for row, event in links:
            events.setdefault(row, set()).add(event)
    for row, candidates in sorted(events.items()):
        if len(candidates) == 1:
            found.union(row, candidates.pop())


def event_row(members: Sequence[MeetingRef], articles: Articles) -> dict[str, Any]:
    """The meeting_events row of one event (members sorted earliest first)."""
    dated = [m for m in members if m.date is not None]
    best = min((PRECISION_RANK.get(m.precision or "day", 0) for m in dated), default=None)
    exact = [m for m in dated if PRECISION_RANK.get(m.precision or "day", 0) == best]
    return {"event_id": f"ev-{members[0].meeting_id}",
            "participants": sorted({e for m in members for e in m.entities}),
            "date": to_date(most_frequent((m.date, m.rank) for m in exact)),
            "date_precision": (exact[0].precision or "day") if exact else None,
            "location": most_frequent((m.location, m.rank) for m in members),
            "location_country": most_frequent((m.country, m.rank) for m in members),
            "mode": most_frequent((m.mode, m.rank) for m in members if m.mode != "unknown") or "unknown",
            "n_reports": len({m.rank for m in members}),
            "first_reported_at": articles.first_published(m.rank for m in members),
            "meeting_ids": sorted(m.meeting_id for m in members)}
