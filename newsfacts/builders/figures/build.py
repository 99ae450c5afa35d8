"""figures builder: numeric figures with qualifier, unit, category, currency and source.

Only sentences holding a digit or a number word are tokenized (numbers). One pass over their
tokens finds number phrases (`scan`); each phrase gets its unit and category from the words
around it (`units`) and its source from the attribution cues of its sentence
(`source`, `resolve`, `quotes`). Everything is bounded per figure, so the
builder is linear in the length of the article.

Rule ids: `figures.count.v1` (a count of people or things), `figures.money.v1` (a currency),
`figures.percent.v1` (percent, percentage or basis points), `figures.range.v1` (a range).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import cast

from newsfacts.builders.actors.mentions import ActorIndex
from newsfacts.builders.figures.resolve import Source
from newsfacts.builders.figures.scan import Candidate, currency_lex, figures_lex, scan
from newsfacts.builders.figures.source import Sources
from newsfacts.builders.figures.units import (
    NounUnit,
    base_category,
    cue_category,
    is_person_unit,
    noun_unit,
    singular,
    units_lex,
)
from newsfacts.builders.geo.gazetteer import state_name
from newsfacts.builders.text.document import Doc
from newsfacts.builders.text.ids import row_id
from newsfacts.builders.text.matcher import register
from newsfacts.builders.text.numbers import WORD, Token, number_words, scales
from newsfacts.problems import Problem
from newsfacts.schema.models import FigureCategory, FigureRow, Qualifier, make_row

MAX_CARRY = 12   # earlier figures of a sentence a bare number may take its unit from
LOOK_BACK = 14   # tokens searched before a bare number for "death toll" / "number of X"
TOLL_WORDS = frozenset(["toll", "tally"])
# "cholera cases had doubled to 1,800": a bare number after a change verb counts its subject noun.
CHANGE_VERBS = frozenset(["rose", "risen", "climbed", "doubled", "tripled", "increased", "jumped", "grew", "grown",
                          "reached", "surged", "soared", "swelled", "mounted", "fell", "dropped", "declined"])
_AUXILIARIES = frozenset(["has", "have", "had", "already", "now", "since", "further", "sharply", "nearly"])
CARRIED_CATEGORIES = frozenset(["hostages", "detained"])
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
    wanted = _sentences_with_numbers(doc)
    if not wanted:
        return [], []
    states = _article_states(body, actors)
    sources = Sources(body, len(doc.sentences), _paragraphs(doc), actors, doc.number_tokens)
    rows: list[FigureRow] = []
    seen: set[str] = set()
    held: dict[int, str] = {}   # sentence → "hostages"/"detained" when it counts captives
    for s in wanted:
        tokens = doc.number_tokens(s)
        placed = _place(tokens, s, scan(tokens, frozenset([0]), states), held.get(s - 1))
        for p in placed:
            if p.category in CARRIED_CATEGORIES:
                held[s] = p.category
            row = _row(doc, tokens, p, sources.source(p.cand.first, p.end, s))
            if row.figure_id not in seen:
                seen.add(row.figure_id)
                rows.append(row)
    return rows, []


def _row(doc: Doc, tokens: list[Token], p: Placed, src: Source | None) -> FigureRow:
    """The figures-table row of a placed candidate."""
    c = p.cand
    cs, ce = tokens[c.first].start, tokens[p.end - 1].end
    return make_row(
        FigureRow,
        figure_id=row_id(doc.article.article_id, "figures", cs, ce, c.rule, repr(c.value)),
        article_id=doc.article.article_id, value=c.value, value_max=c.value_max,
        qualifier=cast(Qualifier, c.qualifier), unit=p.unit, category=cast(FigureCategory, p.category),
        currency=c.currency, source_text=src.text if src else None,
        source_id=src.actor_id if src else None, text=doc.body[cs:ce], sentence_index=p.sentence,
        char_start=cs, char_end=ce, rule_id=c.rule)


_DIGITS = re.compile(r"\d+")


NUMBER_WORDS = "figures.number_words"


@cache
def _trigger_words() -> tuple[str, ...]:
    """Number words whose presence makes a sentence worth reading."""
    return tuple(sorted(number_words() | frozenset(scales()) | {"half"}))


register(NUMBER_WORDS, _trigger_words, "alpha")


def _sentences_with_numbers(doc: Doc) -> list[int]:
    """Indices of the sentences holding a digit or a number word standing alone (not inside a
    longer word), in order: the digits by one C-speed search, the words from the document's lexicon
    matches."""
    words = doc.sentences_with(NUMBER_WORDS)
    if words is None:  # lowercasing changed the length: read every sentence
        return list(range(len(doc.sentences)))
    starts = doc.sentence_starts
    found = {bisect.bisect_right(starts, m.start()) - 1 for m in _DIGITS.finditer(doc.body)} | words
    return sorted(i for i in found if i >= 0)


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of each sentence (paragraphs are lines)."""
    newlines = [m.start() for m in re.finditer("\n", doc.body)]
    return [bisect.bisect_left(newlines, s.start) for s in doc.sentences]


@cache
def _shared_states() -> tuple[tuple[str, str], ...]:
    """(ISO3, short name) of every state with a currency name shared with other states."""
    codes = {iso3 for spec in currency_lex()["shared"].values() for iso3 in spec["by_state"]}
    return tuple(sorted((iso3, state_name(iso3)) for iso3 in codes))


@cache
def _shared_words() -> re.Pattern[str]:
    """Currency words and abbreviations shared by several states ("rupees", "Rs")."""
    words = list(currency_lex()["shared"]) + list(currency_lex()["word_prefixes"])
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")",
                      re.IGNORECASE)


def _article_states(body: str, actors: ActorIndex) -> frozenset[str]:
    """ISO3 codes of the states an article names, when it has a shared currency word ("rupees")."""
    if not _shared_words().search(body):
        return frozenset()
    found = {a.split(":", 1)[1].upper() for a in actors.actors if a.startswith("state:")}
    found.update(iso3 for iso3, name in _shared_states() if name in body)
    return frozenset(found)


def _place(tokens: list[Token], s: int, cands: list[Candidate], context: str | None) -> list[Placed]:
    """Unit and category for every candidate of sentence `s`; bare numbers with no unit are dropped.

    `context` is the captive category of the sentence before ("released 6 hostages. They were two
    soldiers and …"): people counted without a cue of their own take it.
    """
    out: list[Placed] = []
    for c in cands:
        placed = _unit_and_category(tokens, c, s, 0, len(tokens), out, context)
        if placed is not None and not _speakers(tokens, placed):
            out.append(placed)
    return out


_SPEAKING = frozenset(["said", "says", "say", "told", "tell", "tells", "added", "stated", "confirmed", "wrote"])


def _speakers(tokens: list[Token], p: Placed) -> bool:
    """Is the figure the people who speak ("two officials familiar with the talks said"), a source
    rather than a quantity the article reports?"""
    if p.cand.currency or p.end <= p.cand.last:
        return False  # only a number with its own noun ("two officials", "two sources") can speak
    for k in range(p.end, min(p.end + 8, len(tokens))):
        if tokens[k].kind != WORD or tokens[k].lower in ("and", "or", "but"):
            return False
        if tokens[k].lower in _SPEAKING:
            return True
    return False


def _unit_and_category(tokens: list[Token], c: Candidate, s: int, lo: int, hi: int,
                       earlier: list[Placed], context: str | None = None) -> Placed | None:
    """Place one candidate: its unit from its own words, else from the sentence before it."""
    if c.unit is not None:
        end = _rate_end(tokens, c) if c.currency else c.last
        category = base_category(c.unit, c.currency, ()) or "other"
        if is_person_unit(c.unit):
            category = cue_category(tokens, c.first, end, lo, hi) or "people"
        return Placed(c, s, c.unit, category, end)
    nu = noun_unit(tokens, c.last)
    if nu.unit is None and c.value == 1 and c.last < len(tokens) and len(singular(tokens[c.last].text)) > 1:
        nu = NounUnit(singular(tokens[c.last].text), c.last + 1, (tokens[c.last].text,))  # "one person", not "1 S"
    if nu.unit is not None:
        return Placed(c, s, nu.unit, _category(tokens, c, nu, lo, hi, context), nu.end)
    end = max(nu.end, c.last)
    bare = _bare_unit(tokens, c.first, lo)
    if bare is not None:
        unit, cat = bare
        cat = cat or base_category(unit, None, ()) or cue_category(tokens, c.first, end, lo, hi)
        return Placed(c, s, unit, cat or "people", end)
    carried = next((p for p in earlier[-MAX_CARRY:] if p.cand.currency is None and p.category != "percentage"
                    and p.unit not in NOT_CARRIED and c.first - p.end < LOOK_BACK * 3), None)
    if carried is not None:
        cat = cue_category(tokens, c.first, end, lo, hi) if is_person_unit(carried.unit) else None
        return Placed(c, s, carried.unit, cat or carried.category, end)
    cat = cue_category(tokens, c.first, end, lo, hi)
    if cat is None:
        return None
    return Placed(c, s, "person", cat, end)


def _category(tokens: list[Token], c: Candidate, nu: NounUnit, lo: int, hi: int,
              context: str | None) -> str:
    """Category of a figure with a unit: by noun, else by the nearest cue, else context or people."""
    base = base_category(nu.unit, c.currency, nu.words)
    if base is not None:
        return base
    return cue_category(tokens, c.first, nu.end, lo, hi) or context or "people"


def _rate_end(tokens: list[Token], c: Candidate) -> int:
    """Extend a money phrase over "a person" / "per barrel" (not over "a year")."""
    j = c.last
    lex = figures_lex()
    if j + 1 < len(tokens) and tokens[j].lower in lex["article_rates"] and tokens[j + 1].kind == WORD \
            and tokens[j + 1].lower not in lex["time_units"] and tokens[j + 1].text.islower():
        return j + 2
    return j


def _changed_subject(tokens: list[Token], first: int, lo: int) -> str | None:
    """The unit of the subject noun of "<noun> (has) risen/doubled to N", if it names one."""
    if first - 2 < lo or tokens[first - 1].lower != "to" or tokens[first - 2].lower not in CHANGE_VERBS:
        return None
    k = first - 3
    while k >= lo and tokens[k].lower in _AUXILIARIES:
        k -= 1
    if k < lo or tokens[k].kind != WORD:
        return None
    nu = noun_unit(tokens, k)
    return nu.unit if nu.unit is not None and nu.end == k + 1 else None


def _bare_unit(tokens: list[Token], first: int, lo: int) -> tuple[str, str | None] | None:
    """(unit, category) of a bare number from "the death toll … rose to 87" or "the number of X".

    "the number of people displaced … has reached N" → (person, displaced); "the number of
    injured at N" → (person, injured); "the number of captives … to N" → (captive, None).
    """
    adjectives = units_lex()["adjective_category"]
    subject = _changed_subject(tokens, first, lo)
    if subject is not None:
        return subject, None
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
