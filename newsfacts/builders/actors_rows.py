"""Merge candidate mentions into actor rows: keys, names, aliases, ids and attributes."""

from __future__ import annotations

from collections import Counter

from newsfacts.builders import gazetteer as gz
from newsfacts.builders.actors_find import Cand, Ctx
from newsfacts.builders.actors_lexicons import canonical, organizations, words
from newsfacts.builders.mentions import Mention
from newsfacts.builders.text import Doc, slug
from newsfacts.schema.models import ActorRow

TITLE_LINKS = frozenset({"to", "for", "in", "of"})
APPOSITION_LINKS = frozenset({"a", "an", "the", "of", "for", "with", "at", "to", "in", "and"})


def make_rows(doc: Doc, ctx: Ctx, found: list[Cand]) -> tuple[list[ActorRow], list[Mention]]:
    """Actor rows (sorted by id) and their mentions from the accepted candidates."""
    _remap_keys(found)
    groups: dict[str, list[Cand]] = {}
    for c in sorted(found, key=lambda c: (c.start, c.end)):
        if c.kind != "place":
            groups.setdefault(c.key, []).append(c)
    home = _home_state(found)
    by_end = {c.t1 - 1: c for c in found}
    by_start = {c.t0: c for c in found}
    rows: dict[str, ActorRow] = {}
    mentions: list[Mention] = []
    for cands in groups.values():
        row = _row(doc, ctx, cands, home, by_end, by_start)
        if row.actor_id in rows:
            row = _merge(rows[row.actor_id], row)
        rows[row.actor_id] = row
        mentions.extend(Mention(c.start, c.end, row.actor_id, row.kind, c.text) for c in cands
                        if "nested" not in c.extra)
    return [rows[k] for k in sorted(rows)], sorted(mentions)


def _remap_keys(found: list[Cand]) -> None:
    """Bare body names join their state-prefixed form; a state's own army joins "<state>'s military"."""
    prefixed: dict[str, set[str]] = {}
    for c in found:
        parts = c.key.split("|")
        if len(parts) == 3 and parts[1]:
            prefixed.setdefault(parts[2], set()).add(c.key)
    for c in found:
        parts = c.key.split("|")
        if len(parts) == 3 and not parts[1] and len(prefixed.get(parts[2], ())) == 1:
            c.key = next(iter(prefixed[parts[2]]))
        elif c.canon and c.country and c.affiliation and gz.state_iso3(c.affiliation) == c.country:
            rest = c.canon.split(" ", 1)[-1] if gz.demonym_iso3(c.canon.split(" ")[0]) else c.canon
            if canonical(rest) == "military":
                c.key = f"org|{c.country}|military"


def _home_state(found: list[Cand]) -> str | None:
    """The state mentioned most often (first mentioned on ties)."""
    counts = Counter(c.key[6:] for c in found if c.kind == "state")
    if not counts:
        return None
    order = {c.key[6:]: c.start for c in reversed(found) if c.kind == "state"}
    return min(counts, key=lambda k: (-counts[k], order[k]))


def _clean(text: str) -> str:
    """A surface form without a leading "the"."""
    return text[4:] if text.lower().startswith("the ") else text


def _row(doc: Doc, ctx: Ctx, cands: list[Cand], home: str | None, by_end: dict[int, Cand],
         by_start: dict[int, Cand]) -> ActorRow:
    """One actor row from the mentions of one key."""
    first = cands[0]
    kind = first.kind
    forms = [_clean(c.text) for c in cands if c.name_ok]
    name = max(forms, key=len) if forms else None
    title = affiliation = country = None
    if kind == "state":
        iso = first.key[6:]
        name, actor_id, country = name or gz.state_name(iso), f"state:{iso.lower()}", iso
    elif kind == "organization":
        canon = next((c.canon for c in cands if c.canon), None)
        name = name or canon or _clean(first.text)
        parts = first.key.split("|")
        stable = f"{gz.state_name(parts[1])} {parts[2]}" if len(parts) == 3 and parts[1] else None
        actor_id = "org:" + slug(canon or stable or name)
        country = next((c.country for c in cands if c.country), None)
        affiliation = next((c.affiliation for c in cands if c.affiliation), None)
        if country is None and canon is None and not _international(name):
            country = home
    else:
        name = name or first.text
        actor_id = "person:" + slug(name)
        full = next(c for c in cands if c.name_ok) if forms else first
        title = next((c.title for c in cands if c.title), None)
        affiliation, country = _person_context(ctx, full, by_end, by_start, home)
    aliases = {_clean(c.text) for c in cands} | {c.bare for c in cands if c.bare}
    aliases.discard(name)
    return ActorRow(article_id=doc.article.article_id, actor_id=actor_id, name=name, kind=kind,  # type: ignore[arg-type]
                    title=title, affiliation=affiliation, country=country, aliases=sorted(aliases),
                    mentions=len(cands), sentence_index=doc.sentence_index(first.start),
                    char_start=first.start, char_end=first.end, rule_id=first.rule)


def _international(name: str) -> bool:
    """Does an organization's name mark it as international?"""
    low = name.lower()
    return any(w in low for w in ("international", "world", "global", "united nations", "un ",
                                  "european", "african union", "regional", "multinational"))


def _person_context(ctx: Ctx, c: Cand, by_end: dict[int, Cand], by_start: dict[int, Cand],
                    home: str | None) -> tuple[str | None, str | None]:
    """Affiliation and country of a person from the title before or the apposition after the name."""
    w, toks = words(), ctx.toks
    k = c.t0 - 1
    while k >= 0 and c.t0 - k <= 12:
        low = toks[k].text.lower()
        if k in by_end and by_end[k].kind != "person":
            src = by_end[k]
            if src.t0 > 0 and toks[src.t0 - 1].text.lower() in TITLE_LINKS:
                k = src.t0 - 1
                continue
            return _affiliation(src)
        if (iso := gz.demonym_iso3(toks[k].text)) is not None:
            return gz.state_name(iso), iso
        if not (low in w.roles or low in w.modifiers or toks[k].text in w.honorifics or low in TITLE_LINKS):
            break
        k -= 1
    k = c.t1
    while k < len(toks) and k - c.t1 <= 12:
        if k > c.t1 and any(ch in ctx.body[toks[k - 1].end:toks[k].start] for ch in ".;:()“”\"\n"):
            break
        low = toks[k].text.lower()
        if k in by_start and by_start[k].kind != "person":
            return _affiliation(by_start[k])
        if (iso := gz.demonym_iso3(toks[k].text)) is not None:
            return gz.state_name(iso), iso
        if not (low in w.roles or low in w.modifiers or low in APPOSITION_LINKS):
            break
        k += 1
    return None, home


def _affiliation(src: Cand) -> tuple[str | None, str | None]:
    """Affiliation name and country given by a state or organization mention."""
    if src.kind == "state":
        iso = src.key[6:]
        return gz.state_name(iso), iso
    table = organizations()[0]
    name = src.canon or (table[(src.text,)].name if (src.text,) in table else _clean(src.text))
    return name, src.country


def _merge(a: ActorRow, b: ActorRow) -> ActorRow:
    """Two groups that got the same id: one row, the earlier mention's provenance."""
    first, second = (a, b) if a.char_start <= b.char_start else (b, a)
    name = max((a.name, b.name), key=len)
    aliases = (set(a.aliases) | set(b.aliases) | {a.name, b.name}) - {name}
    return first.model_copy(update={"name": name, "aliases": sorted(aliases),
                                    "mentions": a.mentions + b.mentions,
                                    "country": first.country or second.country,
                                    "affiliation": first.affiliation or second.affiliation,
                                    "title": first.title or second.title})
