"""`entities`: one row per person, organization or state across the corpus.

Rules, in order:
1. Actors rows with the same `actor_id` are the same entity (the id is a slug of the fullest name,
   the same in every article); states are entities by their ISO code (`state:chn`).
2. A short form joins the entity of a full name only when exactly one full name in the corpus fits
   it. A person or organization S fits a person or organization F of the same kind with more slug
   words when one of S's names is a name or alias of F in some article ("UN" → United Nations,
   "Fund" → International Monetary Fund), or, for a one-word person ("Xi" from "President Xi"),
   when that word is the first or last word of F's name ("Xi Jinping", "Joe Biden"). A short form
   that fits two full names (a bare "Wang" with Wang Yi and Wang Kejian in the corpus) stays an
   entity of its own; a full name that is itself a short form of a longer one passes on to it.
3. The entity's id is the actor_id of its full name; `name` the most frequent name of that
   actor's rows, `country` the most frequent country of all member rows (ties: the earliest
   `published_at`, then `article_id`), `names` every name and alias seen.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from newsfacts.consolidate.common import Order, fold, most_frequent, order
from newsfacts.consolidate.source import Source, read_columns

KINDS = {"person": "person", "org": "organization", "state": "state"}
ACTOR_COLUMNS = ("article_id", "actor_id", "name", "country", "aliases")


@dataclass(frozen=True)
class ActorRef:
    """One actors row, as much of it as consolidation needs."""

    actor_id: str
    order: Order
    name: str
    country: str | None
    aliases: tuple[str, ...]

    @property
    def article_id(self) -> str:
        """The article of the row."""
        return self.order[2]


@dataclass
class Entities:
    """The entities table and the map every other derived table reads: actor_id → entity_id."""

    of: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def entity(self, actor_id: str) -> str:
        """The entity of an actor_id (itself when it was never read)."""
        return self.of.get(actor_id, actor_id)


def read_actors(source: Source, dates: dict[str, int | None]) -> list[ActorRef]:
    """Every actors row (compact), sorted by actor_id then earliest report."""
    refs = []
    intern = sys.intern
    for chunk in read_columns(source, "actors", ACTOR_COLUMNS):
        for aid, actor_id, name, country, aliases in zip(*(chunk[c] for c in ACTOR_COLUMNS), strict=True):
            refs.append(ActorRef(intern(actor_id), order(dates.get(aid), intern(aid)), name, country,
                                 tuple(aliases or ())))
    refs.sort(key=lambda r: (r.actor_id, r.order))
    return refs


def words(actor_id: str) -> list[str]:
    """The words of an actor_id's slug: `person:xi-jinping` → [xi, jinping]."""
    return actor_id.split(":", 1)[1].split("-")


def resolve(groups: dict[str, list[ActorRef]]) -> dict[str, str]:
    """actor_id → the actor_id of its entity, by the short-form rule of the module doc."""
    forms: dict[str, set[str]] = {}       # folded name or alias → actor_ids that use it
    ends: dict[str, set[str]] = {}        # first or last word of a person's full name → actor_ids
    for actor_id, refs in groups.items():
        if actor_id.startswith("state:"):
            continue
        for form in {fold(f) for r in refs for f in (r.name, *r.aliases)}:
            forms.setdefault(form, set()).add(actor_id)
        parts = words(actor_id)
        if actor_id.startswith("person:") and len(parts) > 1:
            for word in {parts[0], parts[-1]}:
                ends.setdefault(word, set()).add(actor_id)
    target: dict[str, str] = {}
    for actor_id in sorted(groups, key=lambda a: (-len(words(a)), a)):  # longer names are resolved first
        target[actor_id] = actor_id
        if actor_id.startswith("state:"):
            continue
        size, kind = len(words(actor_id)), actor_id.split(":", 1)[0]
        fits = {f for name in {fold(r.name) for r in groups[actor_id]} for f in forms.get(name, ())}
        if kind == "person" and size == 1:
            fits |= ends.get(words(actor_id)[0], set())
        found = {target[f] for f in fits if f.split(":", 1)[0] == kind and len(words(f)) > size}
        if len(found) == 1:
            target[actor_id] = found.pop()
    return target


def entity_row(entity_id: str, refs: list[ActorRef]) -> dict[str, Any]:
    """The entities row of one entity from its member rows (sorted by earliest report)."""
    own = [(r.name, r.order) for r in refs if r.actor_id == entity_id]
    names = {n for r in refs for n in (r.name, *r.aliases)}
    return {"entity_id": entity_id, "name": most_frequent(own),
            "kind": KINDS[entity_id.split(":", 1)[0]],
            "country": most_frequent((r.country, r.order) for r in refs),
            "names": sorted(names), "n_articles": len({r.article_id for r in refs}),
            "members": sorted(f"{r.article_id}/{r.actor_id}" for r in refs)}


def consolidate_entities(refs: Iterable[ActorRef]) -> Entities:
    """The entities of the corpus from its actors rows (sorted by actor_id, as `read_actors` gives)."""
    groups = {actor_id: list(items) for actor_id, items in groupby(refs, key=lambda r: r.actor_id)}
    out = Entities(of=resolve(groups))
    by_entity: dict[str, list[ActorRef]] = {}
    for actor_id, items in groups.items():
        by_entity.setdefault(out.of[actor_id], []).extend(items)
    for entity_id in sorted(by_entity):
        members = sorted(by_entity[entity_id], key=lambda r: (r.order, r.actor_id))
        out.rows.append(entity_row(entity_id, members))
    return out
