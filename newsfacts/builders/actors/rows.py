"""Merge candidate mentions into actor rows: keys, names, aliases, ids and attributes.

States and organizations are built first, so that a person's affiliation can take the country
of the body it names.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

from newsfacts.builders.actors.context import Cues, person_context
from newsfacts.builders.actors.find import Cand, Ctx
from newsfacts.builders.actors.mentions import Mention
from newsfacts.builders.actors.vocab import canonical
from newsfacts.builders.geo import gazetteer as gz
from newsfacts.builders.text.document import Doc
from newsfacts.builders.text.ids import slug
from newsfacts.builders.text.lexicon import load_data
from newsfacts.schema.models import ActorRow, make_row

HONORIFICS_ONLY = frozenset({"Mr", "Mrs", "Ms", "Dr", "Miss", "Prof", "Sir", "Dame"})
INTERNATIONAL = ("international", "world", "global", "united nations", "un ", "u.n.", "european",
                 "african union", "regional", "multinational", "intergovernmental")


@dataclass
class Attrs:
    """Id, name and context attributes of one actor before it becomes a row."""

    actor_id: str
    name: str
    title: str | None = None
    affiliation: str | None = None
    country: str | None = None


def make_rows(doc: Doc, ctx: Ctx, found: list[Cand]) -> tuple[list[ActorRow], list[Mention]]:
    """Actor rows (sorted by id) and their mentions from the accepted candidates."""
    _remap_keys(ctx, found)
    groups: dict[str, list[Cand]] = {}
    for c in sorted(found, key=lambda c: (c.start, c.end)):
        if c.kind != "place":
            groups.setdefault(c.key, []).append(c)
    cues = Cues(ctx, found)
    known: dict[str, Attrs] = {}
    for key, cands in sorted(groups.items(), key=lambda kv: kv[1][0].kind == "person"):
        first = cands[0]
        if first.kind == "state":
            known[key] = _state(first.key[6:], cands)
        elif first.kind == "organization":
            known[key] = _org(cues, cands)
        else:
            known[key] = _person(cues, cands, known)
    rows: dict[str, ActorRow] = {}
    mentions: list[Mention] = []
    for key, cands in groups.items():
        row = _row(doc, cands, known[key])
        if row.actor_id in rows:
            row = _merge(rows[row.actor_id], row)
        rows[row.actor_id] = row
        mentions.extend(Mention(c.start, c.end, row.actor_id, row.kind, c.text) for c in cands
                        if "nested" not in c.extra)
    return [rows[k] for k in sorted(rows)], sorted(mentions)


def _remap_keys(ctx: Ctx, found: list[Cand]) -> None:
    """Bare body names join their state-prefixed form; a state's own army joins "<state>'s
    military"; a description right before a named body ("the UN mission, MONUSCO") is that body."""
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
            first = c.canon.split(" ")[0]
            rest = c.canon.split(" ", 1)[-1] if gz.demonym_iso3(first) or gz.state_iso3(first) else c.canon
            if canonical(rest) == "military":
                c.key = f"org|{c.country}|military"
    ordered = sorted((c for c in found if c.kind != "place"), key=lambda c: c.t0)
    ordered = [c for c in ordered if "nested" not in c.extra]
    for c, n in itertools.pairwise(ordered):
        gap = ctx.body[c.end:n.start]
        if (c.rule == "actors.org_description.v1" and n.kind == "organization" and n.canon
                and gap in ("", " ", ", ", " (")):
            c.key, c.name_ok, c.canon = n.key, False, n.canon
        elif (n.rule == "actors.org_description.v1" and c.kind == "organization" and c.canon
              and gap in (", ", ", the ", " — ", " (")):
            n.key, n.name_ok, n.canon = c.key, False, c.canon


def _clean(text: str) -> str:
    """A surface form without a leading "the"."""
    return text[4:] if text.lower().startswith("the ") else text


def _name(cands: list[Cand]) -> str | None:
    """The fullest name-capable surface form."""
    forms = [_clean(c.text) for c in cands if c.name_ok]
    return max(forms, key=len) if forms else None


def _state(iso: str, cands: list[Cand]) -> Attrs:
    """A state: the fullest name used, or its common name when only codes or a capital appear."""
    name = _name(cands)
    if name is None or len(name.replace(".", "")) <= 3:
        name = gz.state_name(iso)
    return Attrs(f"state:{iso.lower()}", name, country=iso)


def _org(cues: Cues, cands: list[Cand]) -> Attrs:
    """An organization: lexicon name for the id, else "<state> <body>", else its name."""
    first = cands[0]
    canon = next((c.canon for c in cands if c.canon), None)
    name = _name(cands) or canon or _clean(first.text)
    parts = first.key.split("|")
    owner = parts[1] if len(parts) == 3 else ""
    stable = f"{gz.state_name(owner) if len(owner) == 3 and owner.isupper() else owner} {parts[2]}" \
        if owner else None
    country = next((c.country for c in cands if c.country), None)
    affiliation = next((c.affiliation for c in cands if c.affiliation), None)
    if country is None and canon is None and not any(w in name.lower() for w in INTERNATIONAL):
        country = (cues.located_after(first.t1) or cues.before(first.t0, cues.sentence_floor(first.t0))
                   or cues.home)
    return Attrs("org:" + slug(canon or stable or name), name, None, affiliation, country)


def _person(cues: Cues, cands: list[Cand], known: dict[str, Attrs]) -> Attrs:
    """A person: name, title from the titled mention, affiliation and country from context."""
    name = _name(cands) or cands[0].text
    full = next((c for c in cands if c.name_ok), cands[0])
    titles = [c.title for c in cands if c.title]
    title = next((t for t in titles if t.rstrip(".") not in HONORIFICS_ONLY), titles[0] if titles else None)
    owner, explicit = person_context(cues, full)
    affiliation, country = None, None
    if isinstance(owner, Cand):
        attrs = known.get(owner.key)
        if owner.kind == "person" and attrs is not None:
            affiliation, country = attrs.affiliation, attrs.country
        elif owner.kind == "state":
            affiliation, country = gz.state_name(owner.key[6:]), owner.key[6:]
        elif attrs is not None:
            affiliation, country = attrs.name, attrs.country
    elif owner is not None:
        country = owner if explicit else (known_nationality(name) or owner)
        affiliation = gz.state_name(owner) if explicit else None
    elif not explicit:
        country = known_nationality(name) or cues.home
    return Attrs("person:" + slug(name), name, title, affiliation, country)


@cache
def _nationalities() -> dict[str, str]:
    """slug of a widely reported person's name → ISO3 (`lexicons/people.yaml`)."""
    return {slug(str(name)): str(iso3) for iso3, names in load_data("people.yaml").items() for name in names}


def known_nationality(name: str) -> str | None:
    """The nationality of a widely reported public figure ("Xi Jinping" → CHN), else None."""
    return _nationalities().get(slug(name))


def _row(doc: Doc, cands: list[Cand], a: Attrs) -> ActorRow:
    """One actor row from the mentions of one key."""
    first = cands[0]
    aliases = {_clean(c.text) for c in cands} | {c.bare for c in cands if c.bare}
    aliases.discard(a.name)
    return make_row(ActorRow, article_id=doc.article.article_id, actor_id=a.actor_id, name=a.name,
                    kind=first.kind,  # type: ignore[arg-type]
                    title=a.title, affiliation=a.affiliation, country=a.country,
                    aliases=sorted(aliases), mentions=len(cands),
                    sentence_index=doc.sentence_index(first.start), char_start=first.start,
                    char_end=first.end, rule_id=first.rule)


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
