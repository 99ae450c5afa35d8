"""Descriptions: a state, demonym, territory or known body + institution noun.

Rules:
- `actors.org_description.v1`: "China's Foreign Ministry", "the Israeli military", "the Gaza
  health ministry", "the Hamas-run government media office".
- `actors.state_government.v1`: "Ethiopia's government", "the Ukrainian government" (an alias of
  the state itself).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfacts.builders.actors.find import FUNCTION_WORDS, Cand, Ctx, state_ending
from newsfacts.builders.actors.vocab import canonical, org_words, organizations, words
from newsfacts.builders.geo import gazetteer as gz


def descriptions(ctx: Ctx) -> list[Cand]:
    """State, demonym or organization + institution noun ("China's Foreign Ministry", "the Hamas
    government media office"); "government" makes the phrase an alias of the state itself."""
    out = []
    enders = gz.name_words()[1] | org_words()[1]
    for i, t in enumerate(ctx.toks):
        if t.key_low not in enders and "-" not in t.text:
            continue
        owner = _owner_ending(ctx, i)
        if owner is not None:
            c = _description(ctx, i, owner)
            if c is not None:
                out.append(c)
    return out


RUN_BY = frozenset({"run", "controlled", "administered", "appointed"})


@dataclass(frozen=True)
class Owner:
    """The state or organization a description starts with."""

    t0: int
    key: str            # ISO3 of a state, or an organization's lexicon name
    country: str | None
    affiliation: str | None
    state: bool


def _owner_ending(ctx: Ctx, i: int) -> Owner | None:
    """The state (name, demonym, possessive capital) or lexicon organization ending at token i."""
    if ctx.toks[i].cap and (hit := state_ending(ctx, i)) is not None:
        return Owner(hit[0], hit[1], hit[1], gz.state_name(hit[1]), True)
    text = ctx.toks[i].text
    head, dash, tail = text.rpartition("-")
    if dash and tail in RUN_BY and (iso := gz.state_iso3(head) or gz.demonym_iso3(head)):
        return Owner(i, iso, iso, gz.state_name(iso), False)
    if dash and tail in RUN_BY and (head,) in organizations()[0]:
        found = organizations()[0][(head,)]
        return Owner(i, found.name, found.country, found.name, False)
    for t0 in (i - 1, i):
        if t0 >= 0 and ctx.toks[t0].cap and (iso := gz.territory_iso3(ctx.text(t0, i + 1))):
            return Owner(t0, iso, iso, gz.state_name(iso), False)
    table = organizations()[0]
    for t0 in (i, i - 1):
        entry = table.get(tuple(t.key for t in ctx.toks[t0:i + 1])) if t0 >= 0 else None
        if entry is not None:
            return Owner(t0, entry.name, entry.country, entry.name, False)
    return None


def _description(ctx: Ctx, i: int, owner: Owner) -> Cand | None:
    """The description after the owner words ending at token i, if a head follows within four words."""
    w, toks = words(), ctx.toks
    for j in range(i + 1, min(i + 5, len(toks))):
        if not ctx.gap_ok(j - 1, j) or (toks[j - 1].possessive and j - 1 != i):
            return None
        low = toks[j].low
        if low in w.bad_modifiers or low in FUNCTION_WORDS:
            return None
        nxt = toks[j + 1].low if j + 1 < len(toks) and ctx.gap_ok(j, j + 1) else ""
        if owner.state and (low in w.government or f"{low} {nxt}" in w.government):
            end = j + 2 if f"{low} {nxt}" in w.government else j + 1
            return ctx.cand(owner.t0, end, "state", "state|" + owner.key, "actors.state_government.v1",
                            name_ok=False, country=owner.key)
        if low not in w.heads and f"{low} {nxt}" not in w.military:
            continue
        end = j + 2 if f"{low} {nxt}" in w.military else j + 1
        if not toks[j].cap and any(t.cap for t in toks[i + 1:j]):
            return None
        if (nxt in w.not_after_head and not toks[end - 1].possessive) or (
                toks[j].cap and nxt[:1].isalpha() and toks[j + 1].cap):
            return None
        if toks[end - 1].possessive and (sub := _description(ctx, end - 1, owner)) is not None:
            return _widen(ctx, sub, owner.t0)
        rest = canonical(ctx.text(i + 1, end))
        bare = ctx.text(i + 1, end) if toks[i + 1].cap and toks[end - 1].cap else None
        return ctx.cand(owner.t0, end, "organization", f"org|{owner.key}|{rest}", "actors.org_description.v1",
                        country=owner.country, affiliation=owner.affiliation, bare=bare)
    return None


def _widen(ctx: Ctx, c: Cand, t0: int) -> Cand:
    """The candidate c starting at token t0 instead ("German parliament's budget office")."""
    return ctx.cand(t0, c.t1, c.kind, c.key, c.rule, country=c.country, affiliation=c.affiliation)
