"""figures builder: numeric figures with qualifier, unit, category, currency and source.

One pass over the tokens finds number phrases (figures_scan), each phrase gets its unit and
category from the words around it (figures_units) and its source from the attribution cues of
its sentence (figures_source). Everything is bounded per figure, so the builder is linear in the
length of the article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import cast

from newsfacts.builders.figures_scan import Candidate, currency_lex, figures_lex, scan
from newsfacts.builders.figures_source import Sources
from newsfacts.builders.figures_units import (
    NounUnit,
    base_category,
    cue_category,
    is_person_unit,
    noun_unit,
    units_lex,
)
from newsfacts.builders.gazetteer import state_name
from newsfacts.builders.mentions import ActorIndex
from newsfacts.builders.numbers import WORD, Token, tokenize
from newsfacts.builders.text import Doc, row_id
from newsfacts.problems import Problem
from newsfacts.schema.models import FigureCategory, FigureRow, Qualifier

LOOK_BACK = 14   # tokens searched before a bare number for "death toll" / "number of X"
TOLL_WORDS = frozenset(["toll", "tally"])
NOT_CARRIED = frozenset(["magnitude", "kilometre", "kilogram", "tonne", "megawatt"])


@dataclass
class Placed:
    """A candidate with its unit, category and the end token of its phrase."""

    cand: Candidate
    sentence: int
    unit: str
    category: str
    end: int


def build_figures(doc: Doc, actors: ActorIndex) -> tuple[list[FigureRow], list[Problem]]:
    """Rows of the figures table for one article."""
    body = doc.body
    tokens = tokenize(body)
    bounds = _sentence_bounds(doc, tokens)
    starts = frozenset(lo for lo, hi in bounds if lo < hi)
    placed = _place(tokens, bounds, scan(tokens, starts, _article_states(body, actors)))
    if not placed:
        return [], []
    sources = Sources(body, tokens, bounds, _paragraphs(doc), actors)
    rows: list[FigureRow] = []
    seen: set[str] = set()
    for p in placed:
        c = p.cand
        src = sources.source(c.first, p.end, p.sentence)
        cs, ce = tokens[c.first].start, tokens[p.end - 1].end
        fid = row_id(doc.article.article_id, "figures", cs, ce, c.rule, repr(c.value))
        if fid in seen:
            continue
        seen.add(fid)
        rows.append(FigureRow(
            figure_id=fid, article_id=doc.article.article_id, value=c.value, value_max=c.value_max,
            qualifier=cast(Qualifier, c.qualifier), unit=p.unit,
            category=cast(FigureCategory, p.category), currency=c.currency,
            source_text=src.text if src else None, source_id=src.actor_id if src else None,
            text=body[cs:ce], sentence_index=doc.sentence_index(cs), char_start=cs, char_end=ce,
            rule_id=c.rule))
    return rows, []


def _sentence_bounds(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index range [lo, hi) of each sentence."""
    starts = [t.start for t in tokens]
    return [(bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)) for s in doc.sentences]


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of each sentence (paragraphs are lines)."""
    newlines = [i for i, ch in enumerate(doc.body) if ch == "\n"]
    return [bisect.bisect_left(newlines, s.start) for s in doc.sentences]


@cache
def _shared_states() -> tuple[tuple[str, str], ...]:
    """(ISO3, short name) of every state with a currency name shared with other states."""
    codes = {iso3 for spec in currency_lex()["shared"].values() for iso3 in spec["by_state"]}
    return tuple(sorted((iso3, state_name(iso3)) for iso3 in codes))


def _article_states(body: str, actors: ActorIndex) -> frozenset[str]:
    """ISO3 codes of the states an article names (for currencies like "rupees")."""
    found = {a.split(":", 1)[1].upper() for a in actors.actors if a.startswith("state:")}
    found.update(iso3 for iso3, name in _shared_states() if name in body)
    return frozenset(found)


def _place(tokens: list[Token], bounds: list[tuple[int, int]], cands: list[Candidate]) -> list[Placed]:
    """Unit and category for every candidate; bare numbers with no unit in sight are dropped."""
    out: list[Placed] = []
    his = [hi for _, hi in bounds]
    for c in cands:
        s = min(bisect.bisect_right(his, c.num_first), len(bounds) - 1)
        lo, hi = bounds[s]
        placed = _unit_and_category(tokens, c, s, lo, hi, [p for p in out if p.sentence == s])
        if placed is not None:
            out.append(placed)
    return out


def _unit_and_category(tokens: list[Token], c: Candidate, s: int, lo: int, hi: int,
                       earlier: list[Placed]) -> Placed | None:
    """Place one candidate: its unit from its own words, else from the sentence before it."""
    if c.unit is not None:
        end = _rate_end(tokens, c) if c.currency else c.last
        category = base_category(c.unit, c.currency, ()) or "other"
        if is_person_unit(c.unit):
            category = cue_category(tokens, c.first, end, lo, hi) or "people"
        return Placed(c, s, c.unit, category, end)
    nu = noun_unit(tokens, c.last)
    if nu.unit is not None:
        return Placed(c, s, nu.unit, _category(tokens, c, nu, lo, hi, None), nu.end)
    end = max(nu.end, c.last)
    bare = _bare_unit(tokens, c.first, lo)
    if bare is not None:
        unit, cat = bare
        cat = cat or base_category(unit, None, ()) or cue_category(tokens, c.first, end, lo, hi)
        return Placed(c, s, unit, cat or "people", end)
    carried = next((p for p in earlier if p.cand.currency is None and p.category != "percentage"
                    and p.unit not in NOT_CARRIED), None)
    if carried is not None:
        cat = cue_category(tokens, c.first, end, lo, hi) if is_person_unit(carried.unit) else None
        return Placed(c, s, carried.unit, cat or carried.category, end)
    cat = cue_category(tokens, c.first, end, lo, hi)
    if cat is None:
        return None
    return Placed(c, s, "person", cat, end)


def _category(tokens: list[Token], c: Candidate, nu: NounUnit, lo: int, hi: int,
              carried: str | None) -> str:
    """Category of a figure with a unit: by noun, else by the nearest cue, else people/other."""
    base = base_category(nu.unit, c.currency, nu.words)
    if base is not None:
        return base
    return cue_category(tokens, c.first, nu.end, lo, hi) or carried or "people"


def _rate_end(tokens: list[Token], c: Candidate) -> int:
    """Extend a money phrase over "a person" / "per barrel" (not over "a year")."""
    j = c.last
    lex = figures_lex()
    if j + 1 < len(tokens) and tokens[j].lower in lex["article_rates"] and tokens[j + 1].kind == WORD \
            and tokens[j + 1].lower not in lex["time_units"] and tokens[j + 1].text.islower():
        return j + 2
    return j


def _bare_unit(tokens: list[Token], first: int, lo: int) -> tuple[str, str | None] | None:
    """(unit, category) of a bare number from "the death toll … rose to 87" or "the number of X".

    "the number of people displaced … has reached N" → (person, displaced); "the number of
    injured at N" → (person, injured); "the number of captives … to N" → (captive, None).
    """
    adjectives = units_lex()["adjective_category"]
    k = first - 1
    while k >= max(lo, first - LOOK_BACK):
        w = tokens[k].lower
        if w in TOLL_WORDS:
            return "person", "killed" if k > lo and tokens[k - 1].lower == "death" else None
        if w == "number" and k + 2 < first and tokens[k + 1].lower == "of":
            nxt = tokens[k + 2].lower
            if nxt in adjectives:
                return "person", str(adjectives[nxt])
            nu = noun_unit(tokens, k + 2)
            if nu.unit is None:
                return None
            after = tokens[nu.end].lower if nu.end < first else ""
            return nu.unit, str(adjectives[after]) if after in adjectives else None
        k -= 1
    return None
