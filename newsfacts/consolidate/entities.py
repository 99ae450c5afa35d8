"""`entities`: one row per person, organization or state across the corpus.

Rules, in order:
1. Actors rows with the same `actor_id` are the same entity (the id is a slug of the fullest name,
   the same in every article); states are entities by their ISO code (`state:chn`).
2. A short form joins the entity of a full name only when exactly one full name in the corpus fits
   it. An organization S fits an organization F with more slug words when one of S's names is a
   name or alias of F in some article ("UN" → United Nations, "Fund" → International Monetary
   Fund). A one-word person S ("Xi", from "President Xi") fits a person F of two or more words when
   the word is the first or last word of F's name ("Xi Jinping", "Joe Biden") or a name or alias
   of F in some article ("Lula" → Luiz Inacio Lula da Silva). A person's name of two or more words
   is a full name: it is never joined to another one (a spelling variant, or one article's alias
   that links two people, is not followed). A short form that fits two full names (a bare "Wang"
   with Wang Yi and Wang Kejian in the corpus) stays an entity of its own; an organization that is
   itself a short form of a longer one passes on to it.
3. The entity's id is the actor_id of its full name; `name` the most frequent name of that
   actor's rows, `country` the most frequent country of all member rows (ties: the earliest
   `published_at`, then `article_id`), `names` every name and alias seen.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsfacts.consolidate.common import fold, most_frequent
from newsfacts.consolidate.source import Articles, Source, read_columns

KINDS = {"person": "person", "org": "organization", "state": "state"}
ACTOR_COLUMNS = ("article_id", "actor_id", "name", "country", "aliases")
Index = dict[str, "str | set[str]"]


@dataclass
class Actors:
    """Every actors row, column by column (a few list slots per row: the strings are shared)."""

    actor_id: list[str] = field(default_factory=list)
    rank: list[int] = field(default_factory=list)      # the rank of the row's article (`Articles`)
    name: list[str] = field(default_factory=list)
    country: list[str | None] = field(default_factory=list)
    aliases: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Entities:
    """The map every other derived table reads (actor_id → entity_id) and the entities rows,
    made one at a time in entity_id order."""

    of: dict[str, str]
    rows: Iterator[dict[str, Any]]

    def entity(self, actor_id: str) -> str:
        """The entity of an actor_id (itself when it was never read)."""
        return self.of.get(actor_id, actor_id)


def read_actors(source: Source, articles: Articles) -> Actors:
    """Every actors row of `source`, as columns."""
    out = Actors()
    intern = sys.intern
    for chunk in read_columns(source, "actors", ACTOR_COLUMNS):
        out.actor_id += map(intern, chunk["actor_id"])
        out.rank += [articles.rank[a] for a in chunk["article_id"]]
        out.name += map(intern, chunk["name"])
        out.country += [intern(c) if c else None for c in chunk["country"]]
        out.aliases += [tuple(map(intern, a)) if a else () for a in chunk["aliases"]]
    return out


def words(actor_id: str) -> list[str]:
    """The words of an actor_id's slug: `person:xi-jinping` → [xi, jinping]."""
    return actor_id.split(":", 1)[1].split("-")


def resolve(actors: Actors, groups: dict[str, list[int]]) -> dict[str, str]:
    """actor_id → the actor_id of its entity, by the short-form rule of the module doc; `groups`
    holds the row numbers of each actor_id."""
    folded: dict[str, str] = {}
    forms: Index = {}   # folded name or alias → actor_id(s) that use it
    ends: Index = {}    # first or last word of a person's full name → actor_id(s)
    names: dict[str, set[str]] = {}  # actor_id → its folded names
    size: dict[str, int] = {}        # actor_id → number of words of its slug
    for actor_id, rows in groups.items():
        parts = words(actor_id)
        size[actor_id] = len(parts)
        if actor_id.startswith("state:"):
            continue
        own = {actors.name[i] for i in rows}
        for form in own.union(*(actors.aliases[i] for i in rows)):
            if form not in folded:
                folded[form] = fold(form)
            _add(forms, folded[form], actor_id)
        names[actor_id] = {folded[f] for f in own}
        if len(parts) > 1 and actor_id.startswith("person:"):
            for word in {parts[0], parts[-1]}:
                _add(ends, word, actor_id)
    target: dict[str, str] = {}
    for actor_id in sorted(groups, key=lambda a: (-size[a], a)):  # longer names are resolved first
        target[actor_id] = actor_id
        if actor_id.startswith("state:"):
            continue
        kind = actor_id.split(":", 1)[0]
        if kind == "person" and size[actor_id] > 1:
            continue  # a full name
        fits = {f for name in names[actor_id] for f in _get(forms, name)}
        if kind == "person":
            fits.update(_get(ends, actor_id.split(":", 1)[1]))
        found = {target[f] for f in fits if size[f] > size[actor_id] and f.split(":", 1)[0] == kind}
        if len(found) == 1:
            target[actor_id] = found.pop()
    return target


def _add(index: Index, key: str, value: str) -> None:
    """Add a value under a key; one value is kept as itself (most keys have one), more as a set."""
    found = index.get(key)
    if found is None:
        index[key] = value
    elif isinstance(found, str):
        if found != value:
            index[key] = {found, value}
    else:
        found.add(value)


def _get(index: Index, key: str) -> set[str] | tuple[str, ...]:
    """The values under a key."""
    found = index.get(key)
    return () if found is None else (found,) if isinstance(found, str) else found


def entity_row(entity_id: str, rows: list[int], actors: Actors, articles: Articles) -> dict[str, Any]:
    """The entities row of one entity from the numbers of its member rows."""
    a, rank = actors, actors.rank
    names = {n for i in rows for n in (a.name[i], *a.aliases[i])}
    return {"entity_id": entity_id,
            "name": most_frequent((a.name[i], rank[i]) for i in rows if a.actor_id[i] == entity_id),
            "kind": KINDS[entity_id.split(":", 1)[0]],
            "country": most_frequent((a.country[i], rank[i]) for i in rows),
            "names": sorted(names), "n_articles": len({rank[i] for i in rows}),
            "members": sorted(f"{articles.ids[rank[i]]}/{a.actor_id[i]}" for i in rows)}


def consolidate_entities(actors: Actors, articles: Articles) -> Entities:
    """The entities of the corpus from its actors rows."""
    groups: dict[str, list[int]] = {}
    for i, actor_id in enumerate(actors.actor_id):
        groups.setdefault(actor_id, []).append(i)
    of = resolve(actors, groups)
    by_entity: dict[str, list[int]] = {}
    for actor_id, rows in groups.items():
        by_entity.setdefault(of[actor_id], []).extend(rows)
    del groups
    return Entities(of, (entity_row(e, by_entity[e], actors, articles) for e in sorted(by_entity)))
