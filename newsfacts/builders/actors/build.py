"""Actors builder: people, organizations and states of one article, with every mention.

Passes, each over the tokens the earlier ones left free: credits (bylines) are blocked; fixed
names (lexicon organizations, states, places), named organizations and state + institution
descriptions compete, longest first; capitals standing for governments; acronyms defined in
parentheses; people; finally bare head nouns and acronyms that refer back to a known body.
`rows` merges the mentions into rows.
"""

from __future__ import annotations

import bisect

from newsfacts.builders.actors.describe import descriptions
from newsfacts.builders.actors.find import Cand, Ctx, fixed_names, named_orgs, state_ending
from newsfacts.builders.actors.mentions import ActorIndex
from newsfacts.builders.actors.people import find_people
from newsfacts.builders.actors.rows import make_rows
from newsfacts.builders.actors.vocab import organizations, words
from newsfacts.builders.geo import gazetteer as gz
from newsfacts.builders.text.document import Doc
from newsfacts.builders.text.lexicon import load_data
from newsfacts.builders.text.sentences import first_text_line
from newsfacts.problems import Problem
from newsfacts.schema.models import ActorRow

PRIORITY = {"actors.org_lexicon.v1": 0, "actors.state_name.v1": 1, "actors.place.v1": 2,
            "actors.org_named.v1": 3, "actors.org_description.v1": 4, "actors.state_government.v1": 4}


def build_actors(doc: Doc) -> tuple[list[ActorRow], ActorIndex, list[Problem]]:
    """Rows of the actors table and the mention index for one article."""
    ctx = Ctx(doc.body, doc.words, [])
    ctx.taken = [False] * len(ctx.toks)
    headings = _block_credits(ctx, doc)
    found = resolve(ctx, fixed_names(ctx) + named_orgs(ctx) + descriptions(ctx))
    found = _state_prefixes(ctx, found)
    found += capitals(ctx)
    found += acronyms(ctx, found)
    found += find_people(ctx, found, headings)
    found += back_references(ctx, found)
    found += nested_states(ctx, found)
    rows, mentions = make_rows(doc, ctx, found)
    return rows, ActorIndex(rows, mentions), []


def _block_credits(ctx: Ctx, doc: Doc) -> frozenset[int]:
    """Mark the tokens of byline and contributor-credit sentences as taken; return the tokens of
    heading lines (short lines with no final punctuation), where name shape alone proves nothing."""
    w = words()
    credits, headings = [], []
    for s in doc.sentences:
        text = doc.body[s.start:s.end]
        low = text.lstrip("—–- ").lower()
        if low.startswith(w.byline_starts) or any(m in low for m in w.byline_contains):
            credits.append((s.start, s.end))
        line_end = doc.body.find("\n", s.start)
        whole_line = (s.start == 0 or doc.body[s.start - 1] == "\n") and s.end == (
            len(doc.body) if line_end < 0 else line_end)
        if whole_line and len(text.split()) <= 10 and text[-1:] not in ".!?\"”:;)":
            headings.append((s.start, s.end))
    credits.extend(_dateline_credit(ctx))
    starts = [t.start for t in ctx.toks]

    def inside(span: tuple[int, int]) -> range:
        """Indexes of the tokens that start in the span."""
        return range(bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1]))

    for span in credits:
        for k in inside(span):
            ctx.taken[k] = True
    return frozenset(k for span in headings for k in inside(span))


def _dateline_credit(ctx: Ctx) -> list[tuple[int, int]]:
    """The agency credit of a dateline ("KYIV, Ukraine (AP) —", "Hong Kong CNN —"): a span in
    parentheses, or an organization of the lexicon, just before the dateline's dash. The dateline
    opens the first line that is not a byline ("By Sana Jamal")."""
    at = first_text_line(ctx.body)
    head = ctx.body[at:at + 100]
    dash = min((i for i in (head.find(" —"), head.find(" –"), head.find(" - ")) if i >= 0), default=-1)
    if dash < 0 or "\n" in head[:dash]:
        return []
    open_, close = head.find("("), head.find(")")
    if 0 < open_ < close < dash and head[close + 1:dash].strip() == "":
        return [(at + open_, at + close + 1)]
    table = organizations()[0]
    ends = [k for k, t in enumerate(ctx.toks) if at <= t.start and t.end <= at + dash]
    for size in (1, 2, 3):
        if len(ends) >= size and tuple(t.key for t in ctx.toks[ends[-1] - size + 1:ends[-1] + 1]) in table:
            return [(ctx.toks[ends[-1] - size + 1].start, ctx.toks[ends[-1]].end)]
    return []


def resolve(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """Keep non-overlapping candidates, longest first, then by rule priority and position."""
    out = []
    for c in sorted(cands, key=lambda c: (c.t0 - c.t1, PRIORITY.get(c.rule, 9), c.t0)):
        if not any(ctx.taken[c.t0:c.t1]):
            for k in range(c.t0, c.t1):
                ctx.taken[k] = True
            out.append(c)
    return sorted(out, key=lambda c: c.t0)


def _state_prefixes(ctx: Ctx, found: list[Cand]) -> list[Cand]:
    """Extend national organizations over a possessive state before them ("Kenya's National
    Assembly"); the state's own candidate there is absorbed."""
    starts = {c.t0: c for c in found}
    absorbed: set[int] = set()
    for c in found:
        if c.kind != "organization" or c.t0 == 0 or c.rule != "actors.org_named.v1":
            continue
        prev = ctx.toks[c.t0 - 1]
        hit = state_ending(ctx, c.t0 - 1) if prev.possessive and ctx.gap_ok(c.t0 - 1, c.t0) else None
        if hit is None or c.country not in (None, hit[1]) or (c.canon and c.country is None):
            continue
        t0, iso = hit
        owner = starts.get(t0)
        if any(ctx.taken[t0:c.t0]) and (owner is None or owner.t1 != c.t0 or owner.kind != "state"):
            continue
        if owner is not None and owner.t1 == c.t0:
            absorbed.add(id(owner))
        for k in range(t0, c.t0):
            ctx.taken[k] = True
        c.bare, c.t0, c.start, c.text = c.text, t0, ctx.toks[t0].start, ctx.body[ctx.toks[t0].start:c.end]
        c.country, c.affiliation = iso, gz.state_name(iso)
        if c.key.startswith("org||"):
            c.key = f"org|{iso}|{c.key[5:]}"
    return [c for c in found if id(c) not in absorbed]


def nested_states(ctx: Ctx, found: list[Cand]) -> list[Cand]:
    """States named inside an organization's name ("Kenya's interior ministry", "Central Bank of
    Sri Lanka") and the body a description starts with ("the UN refugee agency"): actors too,
    but their mentions stay out of the index."""
    out = []
    table = organizations()[0]
    for c in found:
        if c.kind != "organization":
            continue
        for size in (2, 1):
            entry = table.get(tuple(t.key for t in ctx.toks[c.t0:c.t0 + size]))
            if (entry is not None and c.t0 + size < c.t1 and "org|" + entry.name != c.key
                    and not ctx.toks[c.t0 + size].cap):
                out.append(ctx.cand(c.t0, c.t0 + size, "organization", "org|" + entry.name,
                                    "actors.org_lexicon.v1", canon=entry.name, country=entry.country,
                                    affiliation=entry.affiliation, extra={"nested": "1"}))
                break
        i = c.t0
        while i < c.t1:
            for size in (3, 2, 1):
                j = i + size
                text = ctx.text(i, j) if j <= c.t1 else ""
                iso = gz.state_iso3(text) if text and ctx.toks[i].cap else None
                if iso is not None and all(ctx.gap_ok(k, k + 1) for k in range(i, j - 1)):
                    out.append(ctx.cand(i, j, "state", "state|" + iso, "actors.state_name.v1",
                                        country=iso, extra={"nested": "1"}))
                    i = j - 1
                    break
            i += 1
    return out


def capitals(ctx: Ctx) -> list[Cand]:
    """Capitals used for their government ("Beijing said", "Washington's envoy"), not as places."""
    toks, out = ctx.toks, []
    locative = words().locative
    metonyms = load_data("capitals.yaml")["org_metonyms"]
    never = frozenset(load_data("capitals.yaml")["no_metonym"])
    first = set(gz.name_words()[0]) | {m.split()[0].lower() for m in metonyms}
    for i in range(len(toks)):
        if ctx.taken[i] or not toks[i].cap or toks[i].text.isupper() or toks[i].key_low not in first:
            continue
        for size in (3, 2, 1):
            j = i + size
            if j > len(toks) or any(ctx.taken[i:j]) or not all(ctx.gap_ok(k, k + 1) for k in range(i, j - 1)):
                continue
            text = ctx.text(i, j)
            if text in never:
                break
            iso, org = gz.capital_iso3(text), metonyms.get(text)
            if iso is None and org is None:
                continue
            before = i - 2 if i > 1 and toks[i - 1].text == "The" else i - 1
            if before >= 0 and toks[before].low in locative:
                break
            if j < len(toks) and ctx.gap_ok(j - 1, j) and not toks[j - 1].possessive and (
                    toks[j].cap or toks[j].low in words().capital_place_nouns):
                break
            if before >= 0 and toks[before].cap and ctx.gap_ok(before, i) and not toks[before].possessive \
                    and toks[before].text not in words().stopwords:
                break
            for k in range(i, j):
                ctx.taken[k] = True
            key = f"state|{iso}" if iso else f"org|{org}"
            out.append(ctx.cand(i, j, "state" if iso else "organization", key, "actors.capital.v1",
                                name_ok=False, country=iso, canon=org))
            break
    return out


def acronyms(ctx: Ctx, found: list[Cand]) -> list[Cand]:
    """Acronyms defined in parentheses after an organization ("… Agency (BNPB)"), and their reuses."""
    toks, body = ctx.toks, ctx.body
    defined: dict[str, Cand] = {}
    for c in found:
        k = c.t1
        if (c.kind == "organization" and k < len(toks) and body[c.end:toks[k].start] == " ("
                and toks[k].end < len(body) and body[toks[k].end] == ")" and toks[k].text.isupper()
                and len(toks[k].text) >= 2):
            defined.setdefault(toks[k].text, c)
    out = []
    for i, t in enumerate(toks):
        if not ctx.taken[i] and t.text in defined:
            src = defined[t.text]
            ctx.taken[i] = True
            out.append(ctx.cand(i, i + 1, src.kind, src.key, "actors.acronym.v1", canon=src.canon,
                                country=src.country, affiliation=src.affiliation))
    return out


def back_references(ctx: Ctx, found: list[Cand]) -> list[Cand]:
    """A bare institution noun ("the Commission") that ends the name of a body named earlier;
    "the army" / "the military" when the article names exactly one state's armed forces."""
    heads = words().org_heads
    last_word: dict[str, Cand] = {}
    out = []
    armies = {c.key: c for c in found if c.key.endswith("|military") and c.kind == "organization"}
    army = next(iter(armies.values())) if len(armies) == 1 else None
    for i, t in enumerate(ctx.toks):
        if (army is not None and not ctx.taken[i] and t.text in ("army", "military") and i > 0
                and ctx.toks[i - 1].text in ("the", "The") and i + 1 < len(ctx.toks)
                and ctx.toks[i + 1].low not in words().not_after_head):
            ctx.taken[i] = True
            out.append(ctx.cand(i, i + 1, "organization", army.key, "actors.org_backref.v1", name_ok=False,
                                canon=army.canon, country=army.country, affiliation=army.affiliation))
    events = sorted(found, key=lambda c: c.t0)
    e = 0
    for i, t in enumerate(ctx.toks):
        while e < len(events) and events[e].t0 < i:
            c = events[e]
            if c.kind == "organization" and c.t1 - c.t0 >= 2:
                last_word[ctx.toks[c.t1 - 1].text] = c
            e += 1
        if ctx.taken[i] or t.text not in heads or t.text not in last_word:
            continue
        src = last_word[t.text]
        ctx.taken[i] = True
        out.append(ctx.cand(i, i + 1, src.kind, src.key, "actors.org_backref.v1", name_ok=False,
                            canon=src.canon, country=src.country, affiliation=src.affiliation))
    return out
